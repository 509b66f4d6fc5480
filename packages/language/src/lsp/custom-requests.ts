// The requests the Opsbook language server answers besides LSP's own, for the VS Code extension and
// any other client. Names and shapes only: this file imports nothing, so a client can use it without
// pulling in the server.

/** Renders the execution plan of a playbook file as Markdown (what `opsbook plan` writes). */
export const RENDER_PLAN_REQUEST = 'opsbook/renderPlan';
export interface RenderPlanParams {
    uri: string;
    /** The document language; the playbook's `locale` (else opsbook.json's, else en) when left out. */
    locale?: 'en' | 'zh-CN';
}
export interface RenderPlanResult {
    markdown: string;
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
 * planned; left out when the file has no such goal.
 */
export const DOCUMENT_STATUS_REQUEST = 'opsbook/documentStatus';
export interface DocumentStatusParams {
    uri: string;
}
export interface DocumentStatusResult {
    errors: number;
    warnings: number;
    coverage?: number;
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
