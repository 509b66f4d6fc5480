import * as path from 'pathe';
import type { AstNodeDescription, GrammarAST as GrammarTypes, LangiumDocument, MaybePromise, ReferenceInfo, Stream } from 'langium';
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isLeafCstNode, type TextDocument } from 'langium';
import type { CompletionAcceptor, CompletionContext, CompletionProviderOptions, NextFeature } from 'langium/lsp';
import { DefaultCompletionProvider, findNextFeatures } from 'langium/lsp';
import type { CancellationToken, CompletionList, CompletionParams } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { Delivery, Document, Goal, Metric, Playbook } from '../../generated/ast.js';
import type { OpsbookServices } from '../opsbook-services.js';
import { describeElementType } from '../../i18n/words.js';
import { REPEATABLE } from '../../validation/structure-checks.js';
import { ISO_CURRENCIES, isIsoCurrency } from '../../values/currency.js';
import { ELEMENT_SNIPPETS, type ElementSnippet, withPlaceholders } from './element-snippets.js';
import { isNationalRegion } from '../../analysis/playbook-tree.js';
import { enumeratedValues } from './enumerated-values.js';
import { canonicalValue, chineseAlias, METRIC_KINDS } from '../../analysis/vocabulary.js';
import { precedingTokens } from './preceding-tokens.js';
import { topLevelElementOf } from '../top-level-element.js';

/** Keywords that only make sense together: completing `part` should give `part of`. */
const PHRASES: Record<string, Record<string, string[]>> = {
    Goal: { part: ['part of'] },
    Playbook: { part: ['part of'] },
    Channel: { cpa: ['cpa at most'] },
    Target: { at: ['at least', 'at most'] },
    Monitor: { by: ['by channel'] }
};

/** Currencies people use most, offered first where any ISO code may be written. */
const COMMON_CURRENCIES = ['CNY', 'USD', 'EUR', 'JPY', 'GBP', 'HKD'];

type MetricKindWord = 'count' | 'money' | 'percent' | 'number';

/**
 * Completion that knows what fits at the cursor: property keywords not yet used in the block, the
 * words of enumerated properties, declared currencies after an amount, references of the right kind
 * (people after `owner`, money metrics after `300k CNY`, goals measured in the delivered metric first
 * after `to`), import paths, and a snippet for each element where an element may start (in place of its
 * bare keyword: one entry per thing).
 */
export class OpsbookCompletionProvider extends DefaultCompletionProvider {
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: [' ', '"'] };
    /** Parse the whole prefix, as Langium does (for the test that compares both ways). */
    wholePrefix = false;
    /** The parsed document of each text being completed (findFeaturesAt only receives the text). */
    private readonly parsedDocuments = new WeakMap<TextDocument, LangiumDocument>();
    /** The document of the completion being computed: backtrackToAnyToken runs synchronously inside it. */
    private currentDocument: LangiumDocument | undefined;

    constructor(private readonly services: OpsbookServices) {
        super(services);
    }

    override async getCompletion(
        document: LangiumDocument,
        params: CompletionParams,
        cancelToken?: CancellationToken
    ): Promise<CompletionList | undefined> {
        const offset = document.textDocument.offsetAt(params.position);
        if (this.insideCommentOrText(document, offset)) return { items: [], isIncomplete: false };
        this.parsedDocuments.set(document.textDocument, document);
        this.currentDocument = document;
        try {
            return await super.getCompletion(document, params, cancelToken);
        } finally {
            this.currentDocument = undefined;
        }
    }

    /** No completion inside a comment or a title; an import path is the one string we complete. */
    private insideCommentOrText(document: LangiumDocument, offset: number): boolean {
        const root = document.parseResult.value.$cstNode;
        if (!root) return false;
        const leaf = CstUtils.findLeafNodeAtOffset(root, Math.max(0, offset - 1));
        if (!leaf || offset <= leaf.offset || offset >= leaf.end + (leaf.text.startsWith('//') ? 1 : 0)) return false;
        const terminal = isLeafCstNode(leaf) ? leaf.tokenType.name : undefined;
        if (terminal === 'SL_COMMENT' || terminal === 'ML_COMMENT') return true;
        return terminal === 'STRING' && leaf.astNode.$type !== 'Import';
    }

    /** The grammar's followers at `offset`, without the keywords a `Name` may also be spelt as. */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const features = this.followers(document, offset).filter(
            next => !(GrammarAST.isKeyword(next.feature) && isValueKeyword(next.feature))
        );
        const closing = this.quantityClosing(document.getText(), offset, features);
        return closing ? [...features, { feature: closing }] : features;
    }

    /**
     * Langium parses the whole text before the cursor to know what may follow; a file is a list of
     * elements, so parsing from the start of the element around the cursor gives the same followers in
     * time proportional to the element, not to the file (tests/lsp/completion.test.ts checks both agree).
     */
    protected followers(document: TextDocument, offset: number): NextFeature[] {
        const start = this.wholePrefix ? 0 : this.enclosingElementStart(document, offset);
        if (start === 0) return super.findFeaturesAt(document, offset);
        const parsed = this.completionParser.parse(document.getText().substring(start, offset));
        if (parsed.tokenIndex === 0) {
            const entry = GrammarUtils.getEntryRule(this.grammar);
            return entry ? findNextFeatures([[this.buildSyntheticEntryRuleCall(entry)]], parsed.tokens) : [];
        }
        return findNextFeatures([parsed.elementStack.map(feature => ({ feature }))], parsed.tokens.slice(parsed.tokenIndex));
    }

    /**
     * The tokens around the cursor, lexed from the start of the element around it to the end of the
     * cursor's line instead of from the start of the file (tokens never span lines).
     */
    protected override backtrackToAnyToken(text: string, offset: number): ReturnType<DefaultCompletionProvider['backtrackToAnyToken']> {
        const document = this.currentDocument;
        const start = document && !this.wholePrefix ? this.enclosingElementStart(document.textDocument, offset) : 0;
        if (start === 0) return super.backtrackToAnyToken(text, offset);
        const lineEnd = text.indexOf('\n', offset);
        const window = text.substring(start, lineEnd === -1 ? text.length : lineEnd);
        const result = super.backtrackToAnyToken(window, offset - start);
        const shift = (value: number | undefined) => (value === undefined ? undefined : value + start);
        return {
            nextTokenStart: result.nextTokenStart + start,
            nextTokenEnd: result.nextTokenEnd + start,
            previousTokenStart: shift(result.previousTokenStart),
            previousTokenEnd: shift(result.previousTokenEnd)
        };
    }

    /** Where the top-level element at or before `offset` starts in the parsed tree of this text; 0 if unknown. */
    private enclosingElementStart(document: TextDocument, offset: number): number {
        const parsed = this.parsedDocuments.get(document);
        if (!parsed || parsed.textDocument.getText() !== document.getText()) return 0;
        const elements = (parsed.parseResult.value as Document).elements ?? [];
        let low = 0;
        let high = elements.length - 1;
        let start = 0;
        while (low <= high) {
            const middle = (low + high) >> 1;
            const elementStart = elements[middle]?.$cstNode?.offset;
            if (elementStart === undefined) return 0;
            if (elementStart <= offset) {
                start = elementStart;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return start;
    }

    /**
     * After `delivers 6000 signups` the parser, seeing the text end, takes `signups` for a currency and
     * expects a metric. When the word is not a currency code the quantity is complete: `to` (in a
     * delivery) or `by` (in a target or a milestone) comes next.
     */
    private quantityClosing(text: string, offset: number, features: NextFeature[]): GrammarTypes.Keyword | undefined {
        const expectsMetric = features.some(
            next =>
                GrammarAST.isCrossReference(next.feature) &&
                AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name === 'Quantity'
        );
        if (!expectsMetric) return undefined;
        const tokens = precedingTokens(this.lexer, text, offset);
        const [last, previous] = tokens;
        if (last?.type !== 'ID' || previous?.type !== 'NUMBER' || isIsoCurrency(last.text)) return undefined;
        const opener = tokens.find(token => token.type === 'delivers' || token.type === 'target' || token.type === 'milestone');
        if (!opener) return undefined;
        return opener.type === 'delivers'
            ? this.keyword('Delivery', 'to')
            : this.keyword(opener.type === 'milestone' ? 'Milestone' : 'Target', 'by');
    }

    /**
     * A reference of a rule whose node the text has not started yet (`delivers 5 signups to|`: the
     * parser offers the metric of a second Quantity reading) comes with the enclosing node as its
     * context, which has no such reference: Langium then logged "Property metric of type Delivery is
     * not a reference" with its stack. Naming the rule's type makes Langium complete it on a new node
     * of that type, as it does when the parser has entered the rule.
     */
    private withOwnerType(context: CompletionContext, next: NextFeature): NextFeature {
        if (next.type || !context.node) return next;
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        if (!rule) return next;
        const type = GrammarUtils.getRuleType(rule);
        return this.astReflection.isSubtype(context.node.$type, type) ? next : { ...next, type };
    }

    private keyword(ruleName: string, value: string): GrammarTypes.Keyword | undefined {
        const rule = this.grammar.rules.find(candidate => candidate.name === ruleName);
        return rule
            ? AstUtils.streamAllContents(rule).find(
                  (node): node is GrammarTypes.Keyword => GrammarAST.isKeyword(node) && node.value === value
              )
            : undefined;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const feature = next.feature;
        if (GrammarAST.isKeyword(feature)) {
            this.completeKeyword(context, next as NextFeature<GrammarTypes.Keyword>, acceptor);
            return;
        }
        if (GrammarAST.isCrossReference(feature)) {
            return super.completionFor(context, this.withOwnerType(context, next), acceptor);
        }
        if (!GrammarAST.isRuleCall(feature)) return;
        const rule = AstUtils.getContainerOfType(feature, GrammarAST.isParserRule)?.name;
        const property = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment)?.feature ?? next.property;
        const values = isNameCall(feature) || rule === 'LocaleCode' ? enumeratedValues(context.node, next.property) : undefined;
        if (values) {
            // SPEC §10: each value and its Chinese alias (`growth`, `成长期`), which mean the same.
            values.forEach((value, index) => {
                const alias = chineseAlias(values, value);
                acceptor(context, {
                    label: value,
                    kind: CompletionItemKind.EnumMember,
                    detail: alias ? `${next.property} value · ${alias}` : `${next.property} value`,
                    sortText: `0${pad(index)}`
                });
            });
            values.forEach((value, index) => {
                const alias = chineseAlias(values, value);
                if (alias)
                    acceptor(context, {
                        label: alias,
                        kind: CompletionItemKind.EnumMember,
                        detail: `${next.property} value · ${value}`,
                        sortText: `1${pad(index)}`
                    });
            });
            return;
        }
        if (property === 'currency' || property === 'from' || property === 'to') {
            const anyCode = (rule === 'Playbook' && property === 'currency') || (rule === 'FxRate' && property === 'from');
            this.completeCurrencies(context, anyCode, acceptor);
            return;
        }
        if (rule === 'Import' && property === 'path') {
            this.completeImportPaths(context, acceptor);
        }
        if (rule === 'Playbook' && property === 'region') this.completeRegions(context, acceptor);
    }

    /** SPEC §8: a child playbook's `region`: the regions its parent's campaigns name (but the national one). */
    private completeRegions(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const playbook = topLevelElementOf(context.node);
        const parent = playbook?.$type === 'Playbook' ? (playbook as Playbook).parent?.ref : undefined;
        const elements = (parent?.$container as Document | undefined)?.elements ?? [];
        const regions = new Set<string>();
        for (const element of elements) {
            if (element.$type === 'Campaign' && element.region !== undefined && !isNationalRegion(element.region))
                regions.add(element.region);
        }
        [...regions].forEach((region, index) => {
            acceptor(context, {
                label: JSON.stringify(region),
                kind: CompletionItemKind.Value,
                detail: `region of ${parent?.name ?? ''}`,
                sortText: `0${pad(index)}`
            });
        });
    }

    private completeKeyword(context: CompletionContext, next: NextFeature<GrammarTypes.Keyword>, acceptor: CompletionAcceptor): void {
        const keyword = next.feature;
        if (!this.filterKeyword(context, keyword)) return;
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name ?? '';
        if (this.alreadyInBlock(context, rule, keyword.value)) return;
        // Where an element starts, its snippets are the entries for its keyword: one entry per thing, not
        // the bare keyword beside them (the extension contributes no snippets of its own: issue 16).
        const snippets = next.type === rule ? ELEMENT_SNIPPETS.filter(candidate => candidate.keyword === keyword.value) : [];
        if (snippets.length === 0) {
            for (const label of PHRASES[rule]?.[keyword.value] ?? [keyword.value]) {
                acceptor(context, { label, kind: CompletionItemKind.Keyword, detail: 'keyword', sortText: '1' });
            }
            return;
        }
        for (const snippet of snippets) {
            const body = snippet.body.join('\n');
            acceptor(context, {
                label: snippet.keyword,
                labelDetails: { description: snippet.name === capitalized(snippet.keyword) ? 'snippet' : `snippet: ${snippet.name}` },
                kind: CompletionItemKind.Snippet,
                detail: snippet.description,
                insertText: body,
                insertTextFormat: InsertTextFormat.Snippet,
                documentation: { kind: 'markdown', value: snippetPreview(snippet) },
                sortText: '2'
            });
        }
    }

    /** A property that may appear once and already does in the block around the cursor. */
    private alreadyInBlock(context: CompletionContext, rule: string, word: string): boolean {
        const element = topLevelElementOf(context.node);
        if (!element || element.$type !== rule || REPEATABLE[rule]?.has(word) || !element.$cstNode) return false;
        const first = CstUtils.streamCst(element.$cstNode).find(isLeafCstNode);
        return CstUtils.streamCst(element.$cstNode).some(
            leaf =>
                leaf !== first &&
                leaf.astNode === element &&
                leaf.text === word &&
                GrammarAST.isKeyword(leaf.grammarSource) &&
                (leaf.end <= context.tokenOffset || leaf.offset >= context.tokenEndOffset)
        );
    }

    private completeCurrencies(context: CompletionContext, anyCode: boolean, acceptor: CompletionAcceptor): void {
        const declared = declaredCurrencies(context.document);
        declared.forEach((code, index) => {
            acceptor(context, {
                label: code,
                kind: CompletionItemKind.Unit,
                detail: index === 0 ? 'playbook currency' : 'currency with an fx rate',
                sortText: `0${pad(index)}`
            });
        });
        if (!anyCode) return;
        const rest = [...COMMON_CURRENCIES, ...[...ISO_CURRENCIES].sort()].filter(code => !declared.includes(code));
        [...new Set(rest)].forEach((code, index) => {
            acceptor(context, { label: code, kind: CompletionItemKind.Unit, detail: 'ISO 4217 currency', sortText: `1${pad(index)}` });
        });
    }

    /** Other .ops files of the workspace, relative to this one (`import "team.ops"`). */
    private completeImportPaths(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const here = context.document.uri;
        const folder = path.dirname(here.path);
        const typed = context.textDocument.getText().substring(context.tokenOffset, context.offset);
        for (const other of this.services.shared.workspace.LangiumDocuments.all) {
            if (other.uri.toString() === here.toString() || other.uri.scheme !== here.scheme || !other.uri.path.endsWith('.ops')) continue;
            const relative = path.relative(folder, other.uri.path);
            if (relative.startsWith('../../')) continue;
            const quoted = `"${relative}"`;
            acceptor(context, {
                label: quoted,
                kind: CompletionItemKind.File,
                detail: 'import',
                filterText: typed.startsWith('"') ? quoted : relative,
                sortText: relative.includes('/') ? '1' : '0'
            });
        }
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const self = topLevelElementOf(refInfo.container);
        const candidates = super.getReferenceCandidates(refInfo, context).filter(description => !self || description.node !== self);
        const kinds = this.fittingMetricKinds(refInfo, context);
        if (!kinds) return candidates;
        return candidates.filter(description => {
            const kind = knownKind((description.node as Metric | undefined)?.kind);
            return kind === undefined || kinds.has(kind);
        });
    }

    /** Which metric kinds fit the reference being completed; undefined when any metric does. */
    private fittingMetricKinds(refInfo: ReferenceInfo, context: CompletionContext): Set<MetricKindWord> | undefined {
        const where = `${refInfo.container.$type}.${refInfo.property}`;
        if (where === 'Funnel.steps' || where === 'Assumption.metric') return new Set(['count']);
        if (where !== 'Quantity.metric') return undefined;
        const [last, previous] = precedingTokens(this.lexer, context.textDocument.getText(), context.tokenOffset);
        if (last?.type === 'PERCENT') return new Set(['percent']);
        if (last?.type === 'NUMBER') return new Set(['count', 'number', 'money']);
        // `300k CNY |`: the word after the amount is its currency, so only money fits; after any other
        // word (`300k signups |`) the metric is already written and no second one fits.
        if (last?.type === 'ID' && previous?.type === 'NUMBER') return isIsoCurrency(last.text) ? new Set(['money']) : new Set();
        return undefined;
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext) {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        const title = (node as { title?: string } | undefined)?.title;
        const kind = description.type === 'Metric' ? (node as Metric | undefined)?.kind : undefined;
        const imported = description.documentUri.toString() !== context.document.uri.toString();
        const detail = [describeElementType(description.type, false) + (kind ? ` · ${kind}` : ''), title].filter(Boolean).join(' — ');
        return {
            ...item,
            detail,
            labelDetails: imported ? { description: path.basename(description.documentUri.path) } : undefined,
            sortText: this.referenceRank(description, refInfo, context)
        };
    }

    /** After `delivers 6000 signups to`, goals measured in signups come first. */
    private referenceRank(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): string {
        if (refInfo.container.$type !== 'Delivery' || refInfo.property !== 'goal') return '0';
        const delivered =
            (refInfo.container as Delivery).quantity?.metric?.$refText ??
            precedingTokens(this.lexer, context.textDocument.getText(), context.tokenOffset).find(
                (_, index, all) => all[index - 1]?.text === 'to'
            )?.text;
        const goalMetric = (description.node as Goal | undefined)?.target?.quantity?.metric?.$refText;
        return delivered && goalMetric && goalMetric !== delivered ? '1' : '0';
    }
}

/** The playbook currency first (CNY when none is declared), then the currencies with an fx rate. */
export function declaredCurrencies(document: LangiumDocument): string[] {
    const root = document.parseResult.value as Document;
    const playbook = root.elements?.find((element): element is Playbook => element.$type === 'Playbook');
    const codes = [playbook?.currency || 'CNY'];
    for (const fx of playbook?.fx ?? []) {
        for (const code of [fx.from, fx.to]) if (code && !codes.includes(code)) codes.push(code);
    }
    return codes;
}

/** Keywords that can also be a name or an enumerated word: proposing them as keywords would be noise. */
function isValueKeyword(keyword: GrammarTypes.Keyword): boolean {
    return AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name === 'LocaleCode';
}

/** A call of the NAME terminal: a name, or an enumerated word (`stage growth`). */
function isNameCall(feature: GrammarTypes.RuleCall): boolean {
    return feature.rule.ref?.name === 'NAME';
}

function knownKind(kind: string | undefined): MetricKindWord | undefined {
    return canonicalValue(METRIC_KINDS, kind);
}

const previews = new Map<ElementSnippet, string>();

/** The snippet as it inserts with its defaults, as Markdown (computed once per snippet). */
function snippetPreview(snippet: ElementSnippet): string {
    let preview = previews.get(snippet);
    if (preview === undefined) {
        preview = `\`\`\`ops\n${withPlaceholders(snippet.body.join('\n'))}\n\`\`\``;
        previews.set(snippet, preview);
    }
    return preview;
}

function capitalized(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1);
}

function pad(index: number): string {
    return String(index).padStart(3, '0');
}
