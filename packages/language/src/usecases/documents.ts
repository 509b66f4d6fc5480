// The documents made from a checked playbook: plan, review, export (SPEC §6). The CLI writes them to
// files, the language server answers its custom requests with them; both call these functions, so a
// preview is byte for byte what `opsbook plan` writes. Pure: no I/O, no editor.

import { analyzeReview, type ActualRow, type ReviewWindow } from '../analysis/review-analysis.js';
import type { PlaybookAnalysis } from '../analysis/model.js';
import { exportCsv } from '../generate/export-csv.js';
import { exportJson, exportModel } from '../generate/export-json.js';
import { generatePlan, generatePlanHtml } from '../generate/plan-document.js';
import { withFingerprint } from '../generate/fingerprint.js';
import { generateReview } from '../generate/review-document.js';
import type { Locale } from '../values/format.js';
import type { CheckedPlaybook } from './checked-playbook.js';
import { followUpsOf, type PreviousDecision } from './previous-review.js';

export type PlanFormat = 'markdown' | 'html';

/**
 * The execution plan (`opsbook plan`, `opsbook/renderPlan`): Markdown, or one self-contained HTML page
 * (`--format html`); both start with the fingerprint line, so `-o` overwrites only what it generated.
 */
export function renderPlan(
    playbook: CheckedPlaybook,
    options: { locale?: Locale | undefined; format?: PlanFormat | undefined } = {}
): string {
    const planOptions = { source: playbook.source, findings: playbook.findings, ...(options.locale ? { locale: options.locale } : {}) };
    return options.format === 'html'
        ? withFingerprint('plan', generatePlanHtml(playbook.analysis, planOptions))
        : generatePlan(playbook.analysis, planOptions);
}

export interface RenderReviewOptions {
    window: ReviewWindow;
    /** Actual figures (analysis/actuals-csv.ts reads them); without them the actual columns stay blank. */
    actuals?: readonly ActualRow[] | undefined;
    /** The actuals file as the document names it. */
    actualsSource?: string | undefined;
    /** Only this `review` element's covered goals and questions. */
    review?: string | undefined;
    locale?: Locale | undefined;
    /** SPEC §9 `--previous`: the decisions of an earlier review (readPreviousDecisions) and its file as the document names it. */
    previous?: { source: string; decisions: readonly PreviousDecision[] } | undefined;
}

/** The review template as Markdown, targets pro-rated to the window and filled from the actuals (`opsbook review`, `opsbook/renderReview`). */
export function renderReview(playbook: CheckedPlaybook, options: RenderReviewOptions): string {
    const { thresholds } = playbook.settings;
    const review = analyzeReview(playbook.analysis, {
        window: options.window,
        thresholds: { onTrack: thresholds.onTrack, atRisk: thresholds.atRisk },
        ...(options.actuals ? { actuals: options.actuals } : {}),
        ...(options.review !== undefined ? { review: options.review } : {})
    });
    return generateReview(review, {
        source: playbook.source,
        ...(options.actualsSource !== undefined ? { actualsSource: options.actualsSource } : {}),
        ...(options.previous ? { followUps: followUpsOf(options.previous.decisions, options.previous.source, review.asOf) } : {}),
        ...(options.locale ? { locale: options.locale } : {})
    });
}

export type ExportFormat = 'json' | 'csv';

/** The resolved model with its computed figures, as text (`opsbook export`). */
export function renderExport(playbook: CheckedPlaybook, format: ExportFormat): string {
    return format === 'csv' ? exportCsv(playbook.analysis) : exportJson(playbook.analysis, playbook.source);
}

/**
 * The same model as a JSON value, for any analysed file — also one with errors or without a playbook
 * (`opsbook/analysis`: the editor's export and period pickers read it while the user is still typing).
 */
export function analysisModel(analysis: PlaybookAnalysis, source: string): Record<string, unknown> {
    return exportModel(analysis, source) as Record<string, unknown>;
}
