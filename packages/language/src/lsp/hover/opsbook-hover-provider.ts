import * as path from 'pathe';
import type { AstNode, CstNode, LangiumDocument, References } from 'langium';
import { AstUtils, CstUtils, GrammarUtils, isLeafCstNode } from 'langium';
import { canonicalValue, chineseAlias } from '../../analysis/vocabulary.js';
import { enumeratedValues } from '../completion/enumerated-values.js';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams, Position, Range } from 'vscode-languageserver';
import type { PlaybookAnalysis } from '../../analysis/model.js';
import { type Document, isAssumption, isDelivery, isTarget } from '../../generated/ast.js';
import type { OpsbookServices } from '../opsbook-services.js';
import { describeElementType } from '../../i18n/words.js';
import { isRuleId, ruleDocumentationUrl } from '../../validation/rule-catalog.js';
import type { Locale } from '../../values/format.js';
import { analysisOf, analysisOfNode, uiLocale } from '../analysis-access.js';
import { FigureText } from '../figure-text.js';
import { lspText } from '../lsp-text.js';
import { code, escapeMarkdown } from '../markdown.js';
import { elementFigures, personLines } from './element-hover.js';
import { ruleExplanation } from '../../validation/rule-explanations.js';
import { topLevelElementOf } from '../top-level-element.js';
import { playbooksImporting, usageLabel } from './usages.js';

/** Elements whose figures are computed per playbook that sees them, not in their own (library) file. */
const SEEN_FROM_THE_EDITED_FILE = new Set(['Person', 'Metric', 'Team']);

/**
 * Hover: the rule behind a diagnostic under the cursor, and for an element (at its name, at a reference
 * to it, or at its keyword) its figures from the analysis model — a goal's target, planned, coverage
 * and contributors; a channel's budget share, deliveries, implied cost; a person's load and
 * assignments; a metric's kind, monitoring and where it is used.
 */
export class OpsbookHoverProvider implements HoverProvider {
    private readonly references: References;

    constructor(private readonly services: OpsbookServices) {
        this.references = services.references.References;
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const locale = uiLocale(this.services, document);
        const offset = document.textDocument.offsetAt(params.position);
        const sections = this.ruleSections(document, params.position, locale);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.services.parser.GrammarConfig.nameRegexp);
        const target = leaf ? this.targetOf(leaf) : undefined;
        let range: Range | undefined;
        const value = leaf ? this.valueSection(leaf, locale) : undefined;
        if (value) {
            sections.unshift(value);
            range = leaf?.range;
        }
        if (target) {
            const section = this.elementSection(document, target, locale);
            if (section) {
                sections.unshift(section);
                range = leaf?.range;
            }
        }
        if (sections.length === 0) return undefined;
        const hover: Hover = { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } };
        if (range) hover.range = range;
        return hover;
    }

    /** SPEC §10: an enumerated word with a Chinese alias (`stage growth`, `stage 成长期`) explains the other form. */
    private valueSection(leaf: CstNode, locale: Locale): string | undefined {
        const property = GrammarUtils.findAssignment(leaf)?.feature;
        const values = property ? enumeratedValues(leaf.astNode, property) : undefined;
        if (!property || !values) return undefined;
        const english = canonicalValue(values, leaf.text);
        const alias = english === undefined ? undefined : chineseAlias(values, english);
        if (english === undefined || alias === undefined) return undefined;
        return lspText(locale).valueAlias(property, leaf.text, english, alias);
    }

    /** The element a leaf stands for: the target of a reference, the element it names, or whose keyword it is. */
    private targetOf(leaf: CstNode): AstNode | undefined {
        const declared = this.references.findDeclarations(leaf)[0];
        if (declared) return declared;
        const node = leaf.astNode;
        const delivery = AstUtils.getContainerOfType(node, isDelivery);
        if (delivery) return delivery;
        // A goal's target and a channel's assumption are explained by their element's figures.
        const explained = AstUtils.getContainerOfType(node, candidate => isTarget(candidate) || isAssumption(candidate));
        if (explained?.$container) return explained.$container;
        return node.$container?.$type === 'Document' &&
            isLeafCstNode(leaf) &&
            leaf === CstUtils.streamCst(node.$cstNode!).find(isLeafCstNode)
            ? node
            : undefined;
    }

    private elementSection(document: LangiumDocument, target: AstNode, locale: Locale): string | undefined {
        if (target.$type === 'Delivery') return this.deliverySection(target, locale);
        const name = (target as { name?: string }).name;
        const title = (target as { title?: string }).title;
        const targetDocument = AstUtils.getDocument(target);
        const elsewhere = targetDocument.uri.toString() !== document.uri.toString() ? ` (${path.basename(targetDocument.uri.path)})` : '';
        const heading = `**${lspWord(target.$type, locale)}**${name ? ` ${code(name)}` : keyedName(target)}${title ? ` — ${escapeMarkdown(title)}` : ''}${elsewhere}`;
        const lines = this.figureLines(document, target, locale);
        if (target.$type === 'Metric') lines.push(...this.usageLines(document, target, locale));
        return [heading, ...lines].join('\n\n').replace(/\n\n- /g, '\n- ');
    }

    private figureLines(document: LangiumDocument, target: AstNode, locale: Locale): string[] {
        if (!SEEN_FROM_THE_EDITED_FILE.has(target.$type)) {
            const analysis = analysisOfNode(this.services, target);
            return analysis ? elementFigures(target, new FigureText(analysis, locale)) : [];
        }
        const here = analysisOf(this.services, document);
        if (target.$type === 'Person' && !here?.playbook) return this.loadsAcrossPlaybooks(target, locale);
        return here ? elementFigures(target, new FigureText(here, locale)) : [];
    }

    /** A person hovered in a library file (team.ops): their load in each playbook that imports it. */
    private loadsAcrossPlaybooks(person: AstNode, locale: Locale): string[] {
        const lines: string[] = [];
        const importers = playbooksImporting(this.services, AstUtils.getDocument(person) as LangiumDocument<Document>);
        for (const importer of importers) {
            const analysis: PlaybookAnalysis | undefined = analysisOf(this.services, importer);
            const figures = analysis?.people.find(candidate => candidate.node === person);
            if (!analysis || !figures) continue;
            const section = personLines(figures, new FigureText(analysis, locale));
            lines.push(`*${lspText(locale).loadIn(escapeMarkdown(analysis.name ?? path.basename(importer.uri.path)))}*`, ...section);
        }
        return lines;
    }

    private usageLines(document: LangiumDocument, target: AstNode, locale: Locale): string[] {
        const t = lspText(locale);
        const usages = new Map<string, string[]>();
        for (const reference of this.references.findReferences(target, { includeDeclaration: false })) {
            const source = this.services.shared.workspace.LangiumDocuments.getDocument(reference.sourceUri);
            if (!source) continue;
            const node = this.services.workspace.AstNodeLocator.getAstNode(source.parseResult.value, reference.sourcePath);
            const element = node ? topLevelElementOf(node) : undefined;
            if (!element) continue;
            const file = reference.sourceUri.toString() === document.uri.toString() ? '' : path.basename(reference.sourceUri.path);
            const labels = usages.get(file) ?? [];
            const label = usageLabel(element, locale);
            if (!labels.includes(label)) labels.push(label);
            usages.set(file, labels);
        }
        if (usages.size === 0) return [t.notUsed];
        const lines = [`${t.usedIn}${t.colon.trim()}`];
        for (const [file, labels] of usages) lines.push(`- ${file ? `${escapeMarkdown(file)}: ` : ''}${labels.join(t.listSeparator)}`);
        return lines;
    }

    private deliverySection(delivery: AstNode, locale: Locale): string | undefined {
        const analysis = analysisOfNode(this.services, delivery);
        if (!analysis) return undefined;
        const x = new FigureText(analysis, locale);
        const figures = x.delivery(delivery);
        if (!figures || figures.amount === undefined) return undefined;
        return `**${x.type(figures.fromType)}** ${code(figures.from)}: ${x.t.deliveryLine(x.quantity(figures.amount, figures.metric), code(figures.goal ?? '?'), x.share(figures.shareOfGoal))}`;
    }

    /** For each rule with a diagnostic under the cursor: what it checks, and a link to its documentation. */
    private ruleSections(document: LangiumDocument, position: Position, locale: Locale): string[] {
        const seen = new Set<string>();
        const sections: string[] = [];
        for (const diagnostic of document.diagnostics ?? []) {
            const rule = diagnostic.code;
            if (!isRuleId(rule) || seen.has(rule) || !contains(diagnostic.range, position)) continue;
            seen.add(rule);
            const t = lspText(locale);
            sections.push(
                `**${t.rule}** ${code(rule)}${t.colon}${ruleExplanation(rule, locale)} — [${t.ruleLink}](${ruleDocumentationUrl(rule)})`
            );
        }
        return sections;
    }
}

function lspWord(type: string, locale: Locale): string {
    return describeElementType(type, false, locale);
}

/** `assessment bob`, `monitor signups`: elements keyed by what they concern. */
function keyedName(node: AstNode): string {
    const key =
        (node as { person?: { $refText?: string }; metric?: { $refText?: string } }).person?.$refText ??
        (node as { metric?: { $refText?: string } }).metric?.$refText;
    return key ? ` ${code(key)}` : '';
}

function contains(range: Range, position: Position): boolean {
    const afterStart =
        position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
    const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
    return afterStart && beforeEnd;
}
