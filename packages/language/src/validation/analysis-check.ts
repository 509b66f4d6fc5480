import type { AstNode, DiagnosticInfo, LangiumDocument, ValidationAcceptor } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import type { PlaybookAnalysis } from '../analysis/model.js';
import type { OpsbookSettings } from '../config/opsbook-config.js';
import type { Document } from '../generated/ast.js';
import { type Message, render } from '../i18n/catalogue.js';
import type { OpsbookCoreServices } from '../core-services.js';
import { RULE_DEFINITIONS } from '../rules/index.js';
import type { RuleCheckContext, RuleDefinition, RuleFamily } from '../rules/rule.js';
import type { Locale } from '../values/format.js';
import { report, type ReportOptions } from './report.js';
import type { RuleId } from './rule-catalog.js';

/** What a family of rules reads: the analysis of the file, its settings and the message locale. */
export class RuleContext implements RuleCheckContext {
    constructor(
        readonly analysis: PlaybookAnalysis,
        readonly settings: OpsbookSettings,
        readonly locale: Locale,
        private readonly accept: ValidationAcceptor
    ) {}

    get document(): LangiumDocument<Document> {
        return this.analysis.document;
    }

    /** Reports `rule` with the message rendered in the file's message locale. */
    report<N extends AstNode>(rule: RuleId, msg: Message, options: ReportOptions<N>): void {
        report(this.accept, rule, render(this.locale, msg), { ...options, data: { message: msg.key, ...options.data } });
    }

    /** A related location: the node (or one of its properties) with a message. */
    related(node: AstNode, msg: Message, property?: string): DiagnosticRelatedInformation | undefined {
        const document = AstUtils.getDocument(node);
        const cst = property ? (GrammarUtils.findNodeForProperty(node.$cstNode, property) ?? node.$cstNode) : node.$cstNode;
        if (!cst) return undefined;
        return { location: { uri: document.uri.toString(), range: cst.range }, message: render(this.locale, msg) };
    }

    /** True when the node is in the file being validated (only there may a diagnostic point). */
    isOwn(node: AstNode | undefined): boolean {
        return node !== undefined && AstUtils.getDocument(node) === this.document;
    }
}

export { relatedList } from '../rules/rule.js';

/** From a keyword of the node (`cpa`) to the end of a property (`20 CNY`): "the `cpa at most` line". */
export function keywordLineRange(node: AstNode, keyword: string, property: string): Range | undefined {
    const start = GrammarUtils.findNodeForKeyword(node.$cstNode, keyword);
    const end = GrammarUtils.findNodeForProperty(node.$cstNode, property);
    if (!start || !end) return undefined;
    return { start: start.range.start, end: end.range.end };
}

/**
 * A family of rules: reads the analysis of the document once and reports. Registered for the
 * `Document` node, so each family runs once per file: first its shared passes (`run`), then the
 * `check` of every rule of its family in the registry (rules/*.ts), in registry order.
 */
export abstract class AnalysisChecks {
    /** The family whose rule checks (`RuleDefinition.check`) this runs after its own passes. */
    protected abstract readonly family: RuleFamily;

    /**
     * Plan rules wait until the file parses: error recovery leaves elements half-read, and judging those
     * would bury the one syntax error under follow-ups. Value and config checks say so when they still run.
     */
    protected readonly runsWithSyntaxErrors: boolean = false;

    constructor(protected readonly services: OpsbookCoreServices) {}

    checkDocument(root: Document, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(root) as LangiumDocument<Document>;
        const { lexerErrors, parserErrors } = document.parseResult;
        if (!this.runsWithSyntaxErrors && (lexerErrors.length > 0 || parserErrors.length > 0)) return;
        const config = this.services.config.ConfigProvider;
        const analysis = this.services.analysis.PlaybookAnalyzer.analyze(document);
        const context = new RuleContext(analysis, config.forUri(document.uri).settings, config.messageLocale(document.uri), accept);
        this.run(context);
        for (const check of checksOf(this.family)) check(context);
    }

    protected abstract run(context: RuleContext): void;
}

/** A family with no shared pass: only the checks of its rules. */
export class FamilyChecks extends AnalysisChecks {
    constructor(
        services: OpsbookCoreServices,
        protected readonly family: RuleFamily
    ) {
        super(services);
    }

    protected run(): void {}
}

const CHECKS = new Map<RuleFamily, ((context: RuleCheckContext) => void)[]>();

function checksOf(family: RuleFamily): readonly ((context: RuleCheckContext) => void)[] {
    let checks = CHECKS.get(family);
    if (!checks) {
        checks = (RULE_DEFINITIONS as readonly RuleDefinition[])
            .filter(rule => rule.family === family && rule.check)
            .map(rule => rule.check as (context: RuleCheckContext) => void);
        CHECKS.set(family, checks);
    }
    return checks;
}

export type { DiagnosticInfo };
