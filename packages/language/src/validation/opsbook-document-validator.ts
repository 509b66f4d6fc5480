import type {
    AstNode,
    AstNodeDescription,
    LangiumDocument,
    LinkingErrorData,
    ValidationAcceptor,
    ValidationCheck,
    ValidationOptions
} from 'langium';
import { AstUtils, DefaultDocumentValidator, DocumentValidator, isOperationCancelled, type ReferenceInfo } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { ParseResult } from 'langium';
import type { Document } from '../generated/ast.js';
import type { OpsbookCoreServices } from '../core-services.js';
import type { OpsbookConfigProvider } from '../config/opsbook-config.js';
import type { OpsbookScopeProvider } from '../scope/opsbook-scope-provider.js';
import { ignoredCopies } from '../analysis/duplicates.js';
import type { PlaybookAnalyzer } from '../analysis/playbook-analyzer.js';
import { OpsbookValidationRegistry } from './opsbook-validation-registry.js';
import { allAstNodes } from '../util/ast-walk.js';
import { closestName } from '../util/closest-name.js';
import { message, render } from '../i18n/catalogue.js';
import { SYNTAX_MESSAGES } from '../i18n/syntax-messages.js';
import { isRuleId, RULE_IDS, RULES, ruleDocumentationUrl, type RuleId } from './rule-catalog.js';
import { type SuppressedName, type SuppressionComment, suppressionComments } from './suppression.js';
import { yieldToRequests } from '../util/yield-to-requests.js';

function rethrowCancellation(error: unknown): void {
    if (isOperationCancelled(error)) throw error;
}

const SEVERITY_TO_LSP = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information
} as const;

/**
 * Langium's validator plus the three things every diagnostic goes through in one place: the rule id as
 * `code` (syntax and linking errors too), the severity from `opsbook.json`, and `// opsbook-ignore`.
 */
export class OpsbookDocumentValidator extends DefaultDocumentValidator {
    private readonly config: OpsbookConfigProvider;
    private readonly scopes: OpsbookScopeProvider;
    private readonly analyzer: PlaybookAnalyzer;

    constructor(services: OpsbookCoreServices) {
        super(services);
        this.config = services.config.ConfigProvider;
        this.scopes = services.references.ScopeProvider as OpsbookScopeProvider;
        this.analyzer = services.analysis.PlaybookAnalyzer;
    }

    override async validateDocument(
        document: LangiumDocument,
        options: ValidationOptions = {},
        cancelToken?: CancellationToken
    ): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        // Syntax errors were worded in English while parsing; show them in the file's message locale.
        const locale = this.config.messageLocale(document.uri);
        for (const diagnostic of diagnostics) {
            if (diagnostic.code === 'syntax-error' && typeof diagnostic.message === 'string')
                diagnostic.message = SYNTAX_MESSAGES.translate(diagnostic.message, locale);
        }
        return this.finish(document, diagnostics);
    }

    /**
     * Langium's loop, without its per-node costs: its stream traversal, a stream of checks built for every
     * node, and an `await` per node and per check (a promise each, ~1M on a 100k-line playbook). Same
     * nodes, same order, same checks; the editor still gets a chance to cancel every 256 nodes.
     */
    protected override async validateAstNodes(
        rootNode: AstNode,
        options: ValidationOptions,
        acceptor: ValidationAcceptor,
        cancelToken: CancellationToken = CancellationToken.None
    ): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        const registry = this.validationRegistry;
        const checksByType = new Map<string, readonly ValidationCheck[]>();
        const checksOf =
            registry instanceof OpsbookValidationRegistry
                ? registry.checksFor(options.categories)
                : (type: string) => {
                      let checks = checksByType.get(type);
                      if (!checks) {
                          checks = registry.getChecks(type, options.categories).toArray();
                          checksByType.set(type, checks);
                      }
                      return checks;
                  };
        const nodes = allAstNodes(rootNode);
        // Work nobody can cancel (the CLI) gets no turns (`yieldToRequests` gives none): no promise to await.
        const turns = cancelToken !== CancellationToken.None;
        for (let i = 0; i < nodes.length; i++) {
            if (turns && (i & 255) === 0) await yieldToRequests(cancelToken);
            const node = nodes[i] as AstNode;
            // Langium's per-node hook, honoured as its loop does: skip the node's checks, or its subtree.
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                const checks = checksOf(node.$type);
                // The document's checks read its analysis: computed here with turns for other requests
                // (and a chance for the next edit to cancel) between its steps, then one turn per family.
                // A failure is left to the families' own `analyze` (Langium reports a check that throws).
                const perFamily = node.$type === 'Document' && node === rootNode && checks.length > 0;
                if (perFamily)
                    await this.analyzer
                        .analyzeAsync(AstUtils.getDocument(node) as LangiumDocument<Document>, cancelToken)
                        .catch(rethrowCancellation);
                // An index, not an iterator: most node types have no check, and the loop runs for every node.
                for (let c = 0; c < checks.length; c++) {
                    const pending = (checks[c] as ValidationCheck)(node, acceptor, cancelToken);
                    if (pending) await pending;
                    if (perFamily && turns) await yieldToRequests(cancelToken);
                }
            }
            if (!nodeOptions.validateChildren) {
                // The list is in document order, each node before its subtree: skip the nodes it contains.
                while (
                    i + 1 < nodes.length &&
                    AstUtils.hasContainerOfType((nodes[i + 1] as AstNode).$container, container => container === node)
                )
                    i++;
            }
        }
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        for (let i = start; i < diagnostics.length; i++) markSyntaxError(diagnostics[i]);
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const parsed: Diagnostic[] = [];
        super.processParsingErrors(parseResult, parsed, options);
        // Chevrotain's recovery adds follow-up errors that restate the first one; the first is the clear one.
        // A parser error on a line that already has a lexer error is its echo: the lexer's says why.
        const lexerLines = new Set(parseResult.lexerErrors.map(error => (error.line ?? 1) - 1));
        if (parsed.length > 0 && !lexerLines.has(parsed[0].range.start.line)) {
            markSyntaxError(parsed[0]);
            diagnostics.push(parsed[0]);
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        // Reliability fix (RELIABILITY.md): one message per reference type and name, and the visible
        // names listed once per type, so that thousands of unresolved references in a big file stay
        // linear instead of re-listing every visible name for each of them.
        const lookups: UnresolvedLookups = { messages: new Map(), candidates: new Map(), budget: SUGGESTION_BUDGET };
        let copies: Set<AstNode> | undefined;
        for (const reference of document.references) {
            const linkingError = reference.error;
            if (!linkingError || !reference.$refNode) continue;
            const refText = linkingError.info.reference.$refText;
            if (!refText) continue; // an empty reference is the parser's error, already reported
            // Inside the copy of a duplicate name only `duplicate-name` is reported: the first one counts.
            copies ??= ignoredCopies((document as LangiumDocument<Document>).parseResult.value.elements ?? []);
            if (copies.size > 0 && copies.has(topLevelElement(linkingError.info.container))) continue;
            const info = linkingError.info;
            const key = `${info.container.$type}\u0000${info.property}\u0000${refText}`;
            let message = lookups.messages.get(key);
            if (!message) {
                message = this.unresolvedMessage(document as LangiumDocument<Document>, info, refText, lookups);
                lookups.messages.set(key, message);
            }
            const data: LinkingErrorData & Record<string, unknown> = {
                code: 'unresolved-reference',
                containerType: info.container.$type,
                property: info.property,
                refText,
                suggestion: message.suggestion,
                referenceType: message.referenceType
            };
            diagnostics.push({
                severity: DiagnosticSeverity.Error,
                range: reference.$refNode.range,
                message: message.text,
                code: 'unresolved-reference',
                codeDescription: { href: ruleDocumentationUrl('unresolved-reference') },
                source: this.getSource(),
                data
            });
        }
    }

    private unresolvedMessage(
        document: LangiumDocument<Document>,
        info: ReferenceInfo,
        refText: string,
        lookups: UnresolvedLookups
    ): UnresolvedMessage {
        const referenceType = this.reflectionType(info);
        const locale = this.config.messageLocale(document.uri);
        const other = this.scopes.lookupAnyType(document, refText);
        if (other) {
            return {
                text: render(locale, message('unresolvedWrongType', { name: refText, actualType: other.type, wantedType: referenceType })),
                referenceType
            };
        }
        let candidates = lookups.candidates.get(referenceType);
        if (!candidates) {
            candidates = this.scopes
                .getScope(info)
                .getAllElements()
                .map((description: AstNodeDescription) => description.name)
                .toArray();
            lookups.candidates.set(referenceType, candidates);
        }
        // Suggestions compare the name with every visible one: past a budget per file (only reached
        // by thousands of distinct unknown names among thousands of visible ones) they are left out.
        lookups.budget -= candidates.length;
        const suggestion = lookups.budget >= 0 ? closestName(refText, candidates) : undefined;
        const text = render(
            locale,
            suggestion
                ? message('unresolvedSuggest', { name: refText, wantedType: referenceType, suggestion })
                : message('unresolvedUnknown', { name: refText, wantedType: referenceType, noneVisible: candidates.length === 0 })
        );
        return suggestion ? { text, suggestion, referenceType } : { text, referenceType };
    }

    private reflectionType(info: ReferenceInfo): string {
        return this.scopes['reflection'].getReferenceType(info);
    }

    /**
     * Rule ids, severities from opsbook.json, suppression comments, and `unused-suppression` for the
     * names of those comments that silenced nothing. A suppression counts as used when its rule reports
     * on the next line, even if opsbook.json turns that rule off: whether a comment is needed does not
     * depend on the configuration (ESLint's unused-directive rule likewise looks at what would report).
     */
    private finish(document: LangiumDocument, diagnostics: Diagnostic[]): Diagnostic[] {
        const settings = this.config.forUri(document.uri).settings;
        // The parsed text (the CST's root keeps it): the text document, made when first asked, is needed
        // only to place a suppression comment's names.
        const root = document.parseResult.value.$cstNode;
        const text = root?.root.fullText ?? document.textDocument.getText();
        const comments = suppressionComments(root, text, offset => document.textDocument.positionAt(offset));
        const byLine = new Map<number, SuppressedName[]>();
        for (const comment of comments) byLine.set(comment.target, [...(byLine.get(comment.target) ?? []), ...comment.names]);
        const used = new Set<SuppressedName>();
        const silenced = (rule: RuleId, line: number): boolean => {
            let hit = false;
            for (const name of byLine.get(line) ?? []) {
                if (name.rule === rule) {
                    used.add(name);
                    hit = true;
                }
            }
            return hit;
        };
        const result: Diagnostic[] = [];
        const keep = (diagnostic: Diagnostic, rule: RuleId): boolean => {
            if (silenced(rule, diagnostic.range.start.line)) return false;
            const configured = settings.rules[rule];
            if (configured === 'off') return false;
            if (configured) diagnostic.severity = SEVERITY_TO_LSP[configured];
            diagnostic.code = rule;
            return true;
        };
        for (const diagnostic of diagnostics) {
            const rule = (diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code) as RuleId | undefined;
            if (rule && Object.hasOwn(RULES, rule) && !keep(diagnostic, rule)) continue;
            result.push(diagnostic);
        }
        if (comments.length === 0) return result;
        // With a syntax error the plan rules wait (analysis-check.ts): only names that are no rule are reported then.
        const { lexerErrors, parserErrors } = document.parseResult;
        const parses = lexerErrors.length === 0 && parserErrors.length === 0;
        const unused = (self: boolean): Diagnostic[] =>
            comments.flatMap(comment =>
                comment.names
                    .filter(name => (name.rule === 'unused-suppression') === self && !used.has(name) && (parses || !isRuleId(name.rule)))
                    .map(name => this.unusedSuppression(document, comment, name, used))
            );
        // `// opsbook-ignore unused-suppression` may silence the report about the comment below it.
        for (const diagnostic of unused(false)) if (keep(diagnostic, 'unused-suppression')) result.push(diagnostic);
        for (const diagnostic of unused(true)) if (keep(diagnostic, 'unused-suppression')) result.push(diagnostic);
        return result;
    }

    private unusedSuppression(
        document: LangiumDocument,
        comment: SuppressionComment,
        name: SuppressedName,
        used: ReadonlySet<SuppressedName>
    ): Diagnostic {
        const known = isRuleId(name.rule);
        const suggestion = known ? undefined : closestName(name.rule, RULE_IDS);
        const text = render(
            this.config.messageLocale(document.uri),
            message('unusedSuppression', suggestion ? { rule: name.rule, known, suggestion } : { rule: name.rule, known })
        );
        // The quick fix drops just this name, or the whole comment when none of its names silences anything.
        const alone = comment.names.every(other => !used.has(other));
        return {
            severity: SEVERITY_TO_LSP[RULES['unused-suppression']],
            range: name.range,
            message: text,
            code: 'unused-suppression',
            codeDescription: { href: ruleDocumentationUrl('unused-suppression') },
            source: this.getSource(),
            data: {
                code: 'unused-suppression',
                rule: name.rule,
                ...(suggestion ? { suggestion } : {}),
                removal: alone ? comment.removal : name.removal,
                removesComment: alone
            }
        };
    }
}

type UnresolvedMessage = { text: string; suggestion?: string; referenceType: string };

/** What processLinkingErrors remembers across the references of one document. */
interface UnresolvedLookups {
    messages: Map<string, UnresolvedMessage>;
    candidates: Map<string, string[]>;
    /** Name comparisons left for "did you mean" suggestions in this document. */
    budget: number;
}

const SUGGESTION_BUDGET = 1_000_000;

/** The element of the file that contains `node` (a child of the Document). */
function topLevelElement(node: AstNode): AstNode {
    let element = node;
    while (element.$container?.$container) element = element.$container;
    return element;
}

function markSyntaxError(diagnostic: Diagnostic): void {
    diagnostic.code = 'syntax-error';
    diagnostic.codeDescription = { href: ruleDocumentationUrl('syntax-error') };
    diagnostic.data = { ...(diagnostic.data as object | undefined), code: 'syntax-error' };
}

export { DocumentValidator };
