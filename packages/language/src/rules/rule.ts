// What a rule is: everything about one diagnostic code in one object, the way Biome's
// `declare_lint_rule!` and typescript-eslint's `createRule({ name, meta, create })` declare theirs.
// Each rule lives in its own file next to this one; `index.ts` lists them all, and the rule catalogue,
// the message catalogues, hover explanations, the opsbook.json schema and docs/rules.md come from (or
// are tested against) that list.

import type { AstNode, DiagnosticInfo, Properties } from 'langium';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { PlaybookAnalysis } from '../analysis/model.js';
import type { Message } from '../i18n/message.js';
import type { Locale } from '../values/format.js';
import type { RuleId } from './index.js';

export type RuleSeverity = 'error' | 'warning' | 'info';

/**
 * Where a rule's check lives. The analysis families are checked on the computed `PlaybookAnalysis`
 * (validation/*-checks.ts); `values` are found while the analysis reads values; `syntax` by the
 * parser; `references` by the linker; `files`/`config`/`suppression` around the validation.
 */
export type RuleFamily =
    | 'syntax'
    | 'structure'
    | 'references'
    | 'values'
    | 'coverage'
    | 'budget'
    | 'funnel'
    | 'schedule'
    | 'people'
    | 'forecast'
    | 'strategy'
    | 'monitoring'
    | 'organisation'
    | 'config'
    | 'files'
    | 'suppression';

/** The quick fixes of lsp/code-actions, by name; a rule declares the ones offered for its diagnostics. */
export type QuickFixId =
    | 'replace-with-suggestion'
    | 'add-import'
    | 'create-element'
    | 'remove-suppression'
    | 'add-monitor'
    | 'rescale-weights'
    | 'add-owner'
    | 'add-kpi';

/**
 * The quick fixes `opsbook check --fix` applies without asking (validation/safe-fixes.ts; docs/cli.md
 * lists them). A fix is safe when it has exactly one right edit and changes no figure, owner or date of
 * the plan: deleting an `opsbook-ignore` that silences nothing, and importing the one file of the
 * workspace that declares a missing name. The others stay in the editor, where a person chooses: a
 * suggested name may be the wrong one, a created element or an added owner, monitor or weight is a
 * decision about the plan.
 */
export const SAFE_QUICK_FIXES: readonly QuickFixId[] = ['remove-suppression', 'add-import'];

/** A rule's messages: one function per message key, rendering its arguments in one locale. */
export type RuleMessages = Record<string, (args: never) => string>;

export interface RuleDefinition<Id extends string = string, M extends RuleMessages = RuleMessages> {
    /** The rule id: the diagnostic's `code`, the key in `opsbook.json` `rules`, the heading in docs/rules.md. */
    readonly id: Id;
    /** The default severity; `opsbook.json` may change it or turn the rule off. */
    readonly severity: RuleSeverity;
    readonly family: RuleFamily;
    /** Not in SPEC §5: added by this implementation (docs/rules.md marks it *extension*). */
    readonly extension?: boolean;
    /**
     * The source files that report this rule (paths under packages/, e.g.
     * `language/src/validation/budget-checks.ts`). Checks that share a pass over the analysis stay
     * there; tests/rules/rule-definitions.test.ts verifies each file really reports the id.
     */
    readonly reportedBy: readonly string[];
    /** The message of each diagnostic the rule reports, typed by its arguments, in every locale. */
    readonly messages: Readonly<Record<Locale, M>>;
    /** What the rule checks and how to satisfy it: the hover on a diagnostic (docs/rules.md has examples). */
    readonly docs: Readonly<Record<Locale, string>>;
    /** The quick fixes the editor offers for this rule's diagnostics. */
    readonly fixes: readonly QuickFixId[];
    /**
     * The check, when it is a self-contained function of the analysis: run once per file by the
     * validation family of the same name (validation/analysis-check.ts), after that family's shared
     * passes. Rules found while computing the analysis or in a shared pass have none; their
     * `reportedBy` names where they are reported.
     */
    readonly check?: (context: RuleCheckContext) => void;
}

/** Where a diagnostic points and what it carries besides its message. */
export interface ReportOptions<N extends AstNode> {
    node: N;
    property?: Properties<N>;
    index?: number;
    range?: DiagnosticInfo<N>['range'];
    related?: DiagnosticRelatedInformation[];
    /** Extra data for code actions (the quick fix reads `data.code` plus these fields). */
    data?: Record<string, unknown>;
}

/**
 * What a rule's `check` reads and reports with: the analysis of the file being validated (implemented by
 * validation/analysis-check.ts `RuleContext`, which applies severities and renders in the file's locale).
 */
export interface RuleCheckContext {
    readonly analysis: PlaybookAnalysis;
    readonly locale: Locale;
    /** Reports `rule` with the message rendered in the file's message locale. */
    report<N extends AstNode>(rule: RuleId, msg: Message, options: ReportOptions<N>): void;
    /** A related location: the node (or one of its properties) with a message. */
    related(node: AstNode, msg: Message, property?: string): DiagnosticRelatedInformation | undefined;
    /** True when the node is in the file being validated (only there may a diagnostic point). */
    isOwn(node: AstNode | undefined): boolean;
}

/** Declares a rule; the id stays a string literal so `RuleId` is the union of all ids. */
export function defineRule<const Id extends string, M extends RuleMessages>(rule: RuleDefinition<Id, M>): RuleDefinition<Id, M> {
    return rule;
}

/** The related locations that could be placed (a node without text has none). */
export function relatedList(items: (DiagnosticRelatedInformation | undefined)[]): DiagnosticRelatedInformation[] {
    return items.filter((item): item is DiagnosticRelatedInformation => item !== undefined);
}
