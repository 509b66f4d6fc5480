import { RequestType } from 'vscode-languageclient';

// The custom requests of the Opsbook language server (packages/language/src/lsp/custom-requests.ts).
// The extension speaks LSP only, so it declares the same method names and shapes here instead of
// importing the language package.

export interface DocumentParams {
    /** The document's URI as the client sent it in didOpen. */
    uri: string;
}

export interface RenderPlanParams extends DocumentParams {
    locale?: string;
}

export interface RenderReviewParams extends DocumentParams {
    /** A day, YYYY-MM-DD (`opsbook review --on`). */
    on?: string;
    /** 2027-W05, 2027-01 or 2027-Q1 (`opsbook review --period`). */
    period?: string;
    /** The text of an actuals CSV (`date,metric,channel,value`). */
    actualsCsv?: string;
    locale?: string;
}

export interface MarkdownResult {
    markdown: string;
}

export interface DocumentStatus {
    errors: number;
    warnings: number;
    /** The lowest coverage (planned ÷ target, 0.9 = 90%) among the file's additive goals; none without such goals. */
    coverage?: number;
}

export const RenderPlanRequest = new RequestType<RenderPlanParams, MarkdownResult, void>('opsbook/renderPlan');
export const RenderReviewRequest = new RequestType<RenderReviewParams, MarkdownResult, void>('opsbook/renderReview');
export const AnalysisRequest = new RequestType<DocumentParams, unknown, void>('opsbook/analysis');
export const DocumentStatusRequest = new RequestType<DocumentParams, DocumentStatus, void>('opsbook/documentStatus');
