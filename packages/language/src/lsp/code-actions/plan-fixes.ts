import type { LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { AssessmentFigures, PlaybookAnalysis } from '../../analysis/model.js';
import type { Document } from '../../generated/ast.js';
import { Decimal } from '../../values/decimal.js';
import type { LspText } from '../lsp-text.js';
import { elementAt, insertAfterLast, insertProperty } from './edit-places.js';
import { quickFix } from './reference-fixes.js';

/** How many people "add owner" offers (in the order the file sees them). */
const OWNER_CHOICES = 5;

/** `metric-unmonitored`: a monitor for the metric, `by channel` when channels deliver it. */
export function addMonitorFix(document: LangiumDocument<Document>, analysis: PlaybookAnalysis, diagnostic: Diagnostic, t: LspText): CodeAction | undefined {
    const metric = (diagnostic.data as { metric?: string } | undefined)?.metric;
    if (!metric) return undefined;
    const byChannel = (analysis.metrics.get(metric)?.deliveredByChannels.length ?? 0) > 0 ? 'by channel ' : '';
    const edit = insertAfterLast(document, 'Monitor', `monitor ${metric} { ${byChannel}every week }`);
    return quickFix(t.addMonitor(metric), diagnostic, document, [edit], true);
}

/** `kpi-weights`: each weight scaled by 100 ÷ total, whole percents, rounded so that they add up to 100. */
export function rescaleWeightsFix(document: LangiumDocument, analysis: PlaybookAnalysis, diagnostic: Diagnostic, t: LspText): CodeAction | undefined {
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
    const byRemainder = exact.map((value, index) => ({ index, remainder: value.sub(floors[index] ?? Decimal.ZERO) }))
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
