import { RequestType } from 'vscode-languageclient';
import {
    ANALYSIS_REQUEST,
    type AnalysisParams,
    type AnalysisResult,
    DOCUMENT_STATUS_REQUEST,
    type DocumentStatusParams,
    type DocumentStatusResult,
    RENDER_PLAN_REQUEST,
    RENDER_REVIEW_REQUEST,
    type RenderPlanParams,
    type RenderPlanResult,
    type RenderReviewParams,
    type RenderReviewResult,
    REVIEW_PERIODS_REQUEST,
    type ReviewPeriodsParams,
    type ReviewPeriodsResult
} from 'opsbook-language/lsp-protocol';

// The custom requests of the Opsbook language server, typed for the language client. Names and shapes
// come from the language package's protocol module (packages/language/src/lsp/custom-requests.ts), which
// imports nothing: the bundle takes in its few constants, never the server.

export { OpsbookRequestErrors } from 'opsbook-language/lsp-protocol';
export type { DocumentStatusResult as DocumentStatus, ReviewPeriod, ReviewPeriodsResult } from 'opsbook-language/lsp-protocol';

export const RenderPlanRequest = new RequestType<RenderPlanParams, RenderPlanResult, void>(RENDER_PLAN_REQUEST);
export const RenderReviewRequest = new RequestType<RenderReviewParams, RenderReviewResult, void>(RENDER_REVIEW_REQUEST);
export const AnalysisRequest = new RequestType<AnalysisParams, AnalysisResult, void>(ANALYSIS_REQUEST);
export const DocumentStatusRequest = new RequestType<DocumentStatusParams, DocumentStatusResult, void>(DOCUMENT_STATUS_REQUEST);
export const ReviewPeriodsRequest = new RequestType<ReviewPeriodsParams, ReviewPeriodsResult, void>(REVIEW_PERIODS_REQUEST);
