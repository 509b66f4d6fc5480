import type { AstNode, LangiumDocument, LangiumDocuments } from 'langium';
import { AstUtils, CstUtils, GrammarUtils, isLeafCstNode } from 'langium';
import { type CodeAction, CodeActionKind, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { AssessmentFigures, PlaybookAnalysis } from '../../analysis/model.js';
import type { Document } from '../../generated/ast.js';
import { Decimal } from '../../values/decimal.js';
import type { LspText } from '../lsp-text.js';
import { elementAt, insertAfterLast, insertProperty } from './edit-places.js';
import { quickFix } from './reference-fixes.js';

/** How many people "add owner" offers (in the order the file sees them). */
const OWNER_CHOICES = 5;

/** `metric-unmonitored`: a monitor for the metric, `by channel` when channels deliver it. */
export function addMonitorFix(
    document: LangiumDocument<Document>,
    analysis: PlaybookAnalysis,
    diagnostic: Diagnostic,
    t: LspText
): CodeAction | undefined {
    const metric = (diagnostic.data as { metric?: string } | undefined)?.metric;
    if (!metric) return undefined;
    const byChannel = (analysis.metrics.get(metric)?.deliveredByChannels.length ?? 0) > 0 ? 'by channel ' : '';
    const edit = insertAfterLast(document, 'Monitor', `monitor ${metric} { ${byChannel}every week }`);
    return quickFix(t.addMonitor(metric), diagnostic, document, [edit], true);
}

/** `kpi-weights`: each weight scaled by 100 ÷ total, whole percents, rounded so that they add up to 100. */
export function rescaleWeightsFix(
    document: LangiumDocument,
    analysis: PlaybookAnalysis,
    diagnostic: Diagnostic,
    t: LspText
): CodeAction | undefined {
    const element = elementAt(document, diagnostic.range);
    const assessment = analysis.assessments.find(candidate => candidate.node === element);
    if (!assessment || !assessment.complete || assessment.kpis.length === 0 || assessment.totalWeight.isZero()) return undefined;
    const weights = rescaledWeights(assessment);
    const edits: TextEdit[] = [];
    assessment.kpis.forEach((kpi, index) => {
        const weightNode = kpi.node.$cstNode ? GrammarUtils.findNodeForProperty(kpi.node.$cstNode, 'weight') : undefined;
        if (weightNode) edits.push({ range: weightNode.range, newText: `${weights[index]}%` });
    });
    return edits.length === assessment.kpis.length ? quickFix(t.rescaleWeights, diagnostic, document, edits, true) : undefined;
}

/** Largest-remainder rounding of weight × 100 ÷ total: whole numbers that add up to exactly 100. */
export function rescaledWeights(assessment: AssessmentFigures): bigint[] {
    const exact = assessment.kpis.map(kpi => kpi.weight.mul(100).divide(assessment.totalWeight));
    const floors = exact.map(value => (value.isInteger() ? value : value.sub('0.5').round(0)));
    const result = floors.map(value => BigInt(value.toString()));
    let missing = 100n - result.reduce((sum, value) => sum + value, 0n);
    const byRemainder = exact
        .map((value, index) => ({ index, remainder: value.sub(floors[index] ?? Decimal.ZERO) }))
        .sort((a, b) => b.remainder.cmp(a.remainder) || a.index - b.index);
    for (const { index } of byRemainder) {
        if (missing <= 0n) break;
        result[index] = (result[index] ?? 0n) + 1n;
        missing--;
    }
    return result;
}

/** `owner-missing`: `owner P` (`accountable P` for a workstream), one action per person the file sees. */
export function addOwnerFixes(document: LangiumDocument, analysis: PlaybookAnalysis, diagnostic: Diagnostic, t: LspText): CodeAction[] {
    const element = elementAt(document, diagnostic.range);
    if (!element) return [];
    const keyword = element.$type === 'Workstream' ? 'accountable' : 'owner';
    const actions: CodeAction[] = [];
    for (const person of analysis.people.slice(0, OWNER_CHOICES)) {
        const edit = insertProperty(document, element, `${keyword} ${person.name}`);
        if (!edit) continue;
        const title = keyword === 'owner' ? t.addOwner(person.name) : t.addAccountable(person.name);
        actions.push(quickFix(title, diagnostic, document, [edit], false));
    }
    return actions;
}

/**
 * `owner-not-assessed`: the goal's KPI line in the owner's assessment (wherever that assessment is
 * written), weighted with what the other KPIs leave of 100%, or an equal share when they leave nothing
 * (then `kpi-weights` offers to rescale); a new `assessment P { kpi G weight 100% }` when there is none.
 */
export function addKpiFix(
    documents: LangiumDocuments,
    document: LangiumDocument<Document>,
    analysis: PlaybookAnalysis,
    diagnostic: Diagnostic,
    t: LspText
): CodeAction | undefined {
    const { person, goal } = (diagnostic.data ?? {}) as { person?: string; goal?: string };
    if (!person || !goal) return undefined;
    const assessment = analysis.assessments.find(candidate => candidate.person === person);
    if (!assessment) {
        const edit = insertAfterLast(document, 'Assessment', `assessment ${person} { kpi ${goal} weight 100% }`);
        return quickFix(t.addAssessment(person, goal), diagnostic, document, [edit], true);
    }
    if (!assessment.complete) return undefined;
    const left = Decimal.of(100).sub(assessment.totalWeight);
    const weight = `${(
        left.gt(0)
            ? left
            : Decimal.of(100)
                  .divide(assessment.kpis.length + 1)
                  .round(0)
    ).toString()}%`;
    const target = AstUtils.getDocument(assessment.node);
    if (!documents.hasDocument(target.uri)) return undefined;
    const edit = appendProperty(target, assessment.node, `kpi ${goal} weight ${weight}`);
    if (!edit) return undefined;
    const action: CodeAction = {
        title: t.addKpi(goal, person, weight),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [target.uri.toString()]: [edit] } },
        isPreferred: true
    };
    return action;
}

/** A property after the last line of a block (on that line in a one-line block), or the block's first. */
function appendProperty(document: LangiumDocument, element: AstNode, property: string): TextEdit | undefined {
    const cst = element.$cstNode;
    if (!cst) return undefined;
    const close = CstUtils.streamCst(cst)
        .filter(node => isLeafCstNode(node) && node.text === '}' && node.astNode === element)
        .head();
    const open = CstUtils.streamCst(cst).find(node => isLeafCstNode(node) && node.text === '{' && node.astNode === element);
    if (!close || !open) return insertProperty(document, element, property);
    if (close.range.start.line === open.range.start.line) {
        return { range: { start: close.range.start, end: close.range.start }, newText: `${property} ` };
    }
    const lastLine = close.range.start.line - 1;
    const previous = document.textDocument.getText({ start: { line: lastLine, character: 0 }, end: { line: lastLine + 1, character: 0 } });
    const indent = lastLine > open.range.start.line ? /^[ \t]*/.exec(previous)?.[0] || '  ' : '  ';
    const at = { line: close.range.start.line, character: 0 };
    return { range: { start: at, end: at }, newText: `${indent}${property}\n` };
}
