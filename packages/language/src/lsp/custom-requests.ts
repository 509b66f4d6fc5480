// The requests the Opsbook language server answers besides LSP's own, for the VS Code extension and
// any other client. Names and shapes only, and what a client must agree on with the server (the names
// a walk of the workspace passes over, the files it reads): this file imports only a leaf
// (util/workspace-walk.ts), so a client can use it without pulling in the server.

export { skippedInWalk, workspaceFile } from '../util/workspace-walk.js';

/** Renders the execution plan of a playbook file as Markdown, or as HTML (what `opsbook plan [--format html]` writes). */
export const RENDER_PLAN_REQUEST = 'opsbook/renderPlan';
export interface RenderPlanParams {
    uri: string;
    /** The document language; the playbook's `locale` (else opsbook.json's, else en) when left out. */
    locale?: 'en' | 'zh-CN';
    /** `markdown` (the default) or `html`: one self-contained page, diagrams as inline SVG, no script. */
    format?: 'markdown' | 'html';
}
export interface RenderPlanResult {
    /** The plan as Markdown; empty when `format` is `html`. */
    markdown: string;
    /** The page, when `format` is `html`. */
    html?: string;
}

/**
 * Renders a review template (what `opsbook review` writes). Give `on` (YYYY-MM-DD) or `period`
 * (2027-W05, 2027-01, 2027-Q1, 2027); with neither, the review is as of today, moved into the playbook
 * period. `actualsCsv` is the text of an actuals file (columns date,metric,channel,value).
 */
export const RENDER_REVIEW_REQUEST = 'opsbook/renderReview';
export interface RenderReviewParams {
    uri: string;
    on?: string;
    period?: string;
    actualsCsv?: string;
    /** SPEC §9: the text of an earlier review (Markdown) whose open decisions this one carries. */
    previousReview?: string;
    locale?: 'en' | 'zh-CN';
}
export interface RenderReviewResult {
    markdown: string;
    /** Only when `actualsCsv` has something to warn about (a repeated row): `actualsCsv line 5, column 1: …`. */
    warnings?: string[];
}

/** The analysis model of a file as JSON: the same object `opsbook export --format json` writes. */
export const ANALYSIS_REQUEST = 'opsbook/analysis';
export interface AnalysisParams {
    uri: string;
}
export type AnalysisResult = Record<string, unknown>;

/**
 * Counts for a status bar: the file's own errors and warnings, and `coverage`, the lowest coverage
 * (planned ÷ target, 0.9 = 90%) among its additive goals with a target — the goal furthest from being
 * planned; left out when the file has no such goal. `library` is true for a file that declares no
 * `playbook` (such as team.ops: it cannot be previewed, reviewed or exported), and `importedBy` then
 * lists the playbooks of the workspace that import it, directly or not, by path.
 */
export const DOCUMENT_STATUS_REQUEST = 'opsbook/documentStatus';
export interface DocumentStatusParams {
    uri: string;
}
export interface DocumentStatusResult {
    errors: number;
    warnings: number;
    coverage?: number;
    library?: boolean;
    importedBy?: { uri: string; name: string }[];
}

/**
 * The periods to offer for a review (what *Generate Review Template* lists): this and next week, month
 * and quarter relative to `today` (moved into the playbook period), and every quarter, month and ISO
 * week of that period. `today` is the client's calendar day (its time zone, not the server's); without
 * `uri`, or for a file without a `period`, the choices follow the calendar alone. A `today` that is not
 * a calendar day is an invalid-params reply (a client can check a typed day with it).
 */
export const REVIEW_PERIODS_REQUEST = 'opsbook/reviewPeriods';
export interface ReviewPeriodsParams {
    /** YYYY-MM-DD. */
    today: string;
    uri?: string;
}
export interface ReviewPeriodsResult {
    /** The playbook period, when the file declares one. */
    playbookPeriod?: DaySpan;
    relative: ReviewPeriod[];
    all: ReviewPeriod[];
}
/** Both days included, YYYY-MM-DD. */
export interface DaySpan {
    start: string;
    end: string;
}
export interface ReviewPeriod extends DaySpan {
    /** As `period` of opsbook/renderReview and `opsbook review --period` take it: 2027-W05, 2027-01, 2027-Q1. */
    period: string;
    unit: 'week' | 'month' | 'quarter';
    /**
     * In `relative` only: `this` and `next` during the playbook period, `first` and `second` before it
     * starts, `final` after it ended.
     */
    relation?: 'this' | 'next' | 'first' | 'second' | 'final';
}

/**
 * SPEC §9 "The next cycle": the next cycle's playbook of a checked playbook file (what `opsbook next`
 * writes), as text for the client to save. `actualsCsv` is the finished cycle's actuals (columns
 * date,metric,channel,value); `period` the next period (2027-Q2, 2027-04, 2027, or a range
 * 2027-04-01..2027-06-30; the one following when left out); `targetUri` where the client will save it,
 * so that its imports are written relative to that folder.
 */
export const NEXT_CYCLE_REQUEST = 'opsbook/nextCycle';
export interface NextCycleParams {
    uri: string;
    actualsCsv: string;
    /** How the header comment names the actuals file (default `actuals.csv`). */
    actualsName?: string;
    period?: string;
    targetUri?: string;
    locale?: 'en' | 'zh-CN';
}
export interface NextCycleResult {
    /** The next playbook, formatted. */
    text: string;
    /** The next period as written in it (`2027-Q2` or `2027-04-01 .. 2027-06-30`). */
    period: string;
    /** Campaigns of the finished cycle left out. */
    dropped: string[];
    warnings?: string[];
}

/**
 * SPEC §9 "Change review": what changed in the analysed figures between another version of a file and
 * the open one (what `opsbook diff` prints). Give the other version as `otherText` (e.g. the file at a
 * git revision, which the client reads: the server runs no git) or `otherUri` (another .ops file);
 * `otherLabel` names it in the title. The other version's imports resolve on disk as they are now.
 */
export const DIFF_PLAYBOOKS_REQUEST = 'opsbook/diffPlaybooks';
export interface DiffPlaybooksParams {
    uri: string;
    otherText?: string;
    otherUri?: string;
    otherLabel?: string;
    format?: 'markdown' | 'json';
    locale?: 'en' | 'zh-CN';
}
export interface DiffPlaybooksResult {
    /** Markdown, or the JSON text with `format: 'json'`. */
    text: string;
    /** Changed figures (people included) and findings that appeared or went away. */
    changes: number;
    findingsAppeared: number;
    findingsGone: number;
}

/**
 * Error codes of failed requests (JSON-RPC `error.code`); `error.message` always says what to do.
 * -32602 is JSON-RPC's "invalid params", -32803 LSP's "request failed".
 */
export const OpsbookRequestErrors = {
    /** A parameter is missing or malformed (a bad date, period or locale, an unreadable CSV). */
    InvalidParams: -32602,
    /** The document cannot give that answer: unknown to the server, has errors, declares no playbook. */
    RequestFailed: -32803
} as const;
