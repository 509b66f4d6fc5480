import * as path from 'pathe';
import type { LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';
import { readNow, validatedDocument } from './open-document.js';
import type { Document } from '../../generated/ast.js';
import type { OpsbookServices } from '../opsbook-services.js';
import {
    analysisModel,
    basename,
    type CheckedPlaybook,
    dayWindow,
    dayWithin,
    diagnosticText,
    loadCheckedPlaybook,
    periodWindow,
    type PreviousDecision,
    readPreviousDecisions,
    renderPlan,
    renderReview,
    reviewPeriodChoices,
    type ReviewPeriodChoice,
    windowOfDay,
    windowOutsidePeriod
} from '../../usecases/index.js';
import { render } from '../../i18n/catalogue.js';
import type { ReviewWindow } from '../../analysis/review-analysis.js';
import { type CalendarDate, formatDate, parseDate } from '../../values/date.js';
import type { DateRange } from '../../values/period.js';
import {
    ANALYSIS_REQUEST,
    type AnalysisParams,
    type AnalysisResult,
    type DaySpan,
    DOCUMENT_STATUS_REQUEST,
    type DocumentStatusParams,
    type DocumentStatusResult,
    OpsbookRequestErrors,
    RENDER_PLAN_REQUEST,
    RENDER_REVIEW_REQUEST,
    type RenderPlanParams,
    type RenderPlanResult,
    type RenderReviewParams,
    type RenderReviewResult,
    REVIEW_PERIODS_REQUEST,
    type ReviewPeriod,
    type ReviewPeriodsParams,
    type ReviewPeriodsResult
} from '../custom-requests.js';
import { parseActualsText } from './actuals-text.js';

/**
 * The requests of custom-requests.ts. Each waits until its document is validated (after the edits
 * still pending), reads the one analysis model, and answers with a clear error when it cannot. What
 * they make is the use cases' (usecases/): the same functions the CLI commands call.
 */
export class CustomRequestHandlers {
    constructor(
        private readonly shared: LangiumSharedServices,
        private readonly services: OpsbookServices,
        private readonly today: () => CalendarDate = todayUtc
    ) {}

    /** Registers the requests (the connection is expected to be guarded: see request-guard.ts). */
    register(connection: Connection): void {
        connection.onRequest(RENDER_PLAN_REQUEST, (params: RenderPlanParams, token: CancellationToken) => this.renderPlan(params, token));
        connection.onRequest(RENDER_REVIEW_REQUEST, (params: RenderReviewParams, token: CancellationToken) =>
            this.renderReview(params, token)
        );
        connection.onRequest(ANALYSIS_REQUEST, (params: AnalysisParams, token: CancellationToken) => this.analysis(params, token));
        connection.onRequest(DOCUMENT_STATUS_REQUEST, (params: DocumentStatusParams, token: CancellationToken) =>
            this.documentStatus(params, token)
        );
        connection.onRequest(REVIEW_PERIODS_REQUEST, (params: ReviewPeriodsParams, token: CancellationToken) =>
            this.reviewPeriods(params, token)
        );
    }

    async renderPlan(params: RenderPlanParams, token?: CancellationToken): Promise<RenderPlanResult> {
        const locale = checkedLocale(params?.locale);
        if (params?.format !== undefined && params.format !== 'markdown' && params.format !== 'html') {
            throw new ResponseError(
                OpsbookRequestErrors.InvalidParams,
                `format must be 'markdown' or 'html', not ${JSON.stringify(params.format)}`
            );
        }
        if (params?.format === 'html')
            return this.withPlaybook(params, 'preview the plan', token, playbook => ({
                markdown: '',
                html: renderPlan(playbook, { locale, format: 'html' })
            }));
        return this.withPlaybook(params, 'preview the plan', token, playbook => ({ markdown: renderPlan(playbook, { locale }) }));
    }

    async renderReview(params: RenderReviewParams, token?: CancellationToken): Promise<RenderReviewResult> {
        const locale = checkedLocale(params?.locale);
        return this.withPlaybook(params, 'generate a review', token, playbook => {
            const messageLocale = locale ?? playbook.settings.locale ?? 'en';
            const window = this.reviewWindow(params, playbook.analysis.period, messageLocale);
            const previous = params.previousReview !== undefined ? previousDecisions(params.previousReview, messageLocale) : undefined;
            const parsed =
                params.actualsCsv !== undefined ? parseActualsText(params.actualsCsv, playbook.analysis, messageLocale) : undefined;
            const markdown = renderReview(playbook, {
                window,
                actuals: parsed?.rows,
                actualsSource: parsed ? 'actuals.csv' : undefined,
                locale,
                previous
            });
            return parsed && parsed.warnings.length > 0 ? { markdown, warnings: parsed.warnings } : { markdown };
        });
    }

    async analysis(params: AnalysisParams, token?: CancellationToken): Promise<AnalysisResult> {
        const document = await this.validatedDocument(params, token);
        return this.read(() => analysisModel(this.services.analysis.PlaybookAnalyzer.analyze(document), basename(document)));
    }

    async documentStatus(params: DocumentStatusParams, token?: CancellationToken): Promise<DocumentStatusResult> {
        const document = await this.validatedDocument(params, token);
        return this.read(() => {
            const diagnostics = document.diagnostics ?? [];
            const status: DocumentStatusResult = {
                errors: diagnostics.filter(d => d.severity === 1).length,
                warnings: diagnostics.filter(d => d.severity === 2).length
            };
            const coverages = this.services.analysis.PlaybookAnalyzer.analyze(document)
                .goals.filter(goal => goal.additive && goal.coverage !== undefined)
                .map(goal => goal.coverage as number);
            if (coverages.length > 0) status.coverage = Math.min(...coverages);
            if (!declaresPlaybook(document)) {
                status.library = true;
                status.importedBy = this.importers(document);
            }
            return status;
        });
    }

    /** The playbooks of the workspace whose import closure holds `library`, by path. */
    private importers(library: LangiumDocument): { uri: string; name: string }[] {
        const resolver = this.services.references.ImportResolver;
        const target = library.uri.toString();
        const found: { uri: string; name: string }[] = [];
        for (const document of this.shared.workspace.LangiumDocuments.all) {
            const candidate = document as LangiumDocument<Document>;
            if (candidate === library || !declaresPlaybook(candidate)) continue;
            if (!resolver.importClosure([candidate]).some(file => file.uri.toString() === target)) continue;
            found.push({ uri: candidate.uri.toString(), name: relativeName(library, candidate) });
        }
        return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }

    async reviewPeriods(params: ReviewPeriodsParams, token?: CancellationToken): Promise<ReviewPeriodsResult> {
        if (!params || typeof params.today !== 'string') {
            throw new ResponseError(
                OpsbookRequestErrors.InvalidParams,
                "the request needs { today: string }, the client's calendar day (YYYY-MM-DD), and optionally { uri }"
            );
        }
        const today = parseDate(params.today);
        if (!today.ok) throw new ResponseError(OpsbookRequestErrors.InvalidParams, `today ${today.message}`);
        const period =
            params.uri === undefined
                ? undefined
                : await this.validatedDocument(params as { uri: string }, token).then(document =>
                      this.read(() => this.services.analysis.PlaybookAnalyzer.analyze(document).period)
                  );
        const choices = reviewPeriodChoices(period, today.date);
        return {
            ...(period ? { playbookPeriod: daySpan(period) } : {}),
            relative: choices.relative.map(reviewPeriod),
            all: choices.all.map(reviewPeriod)
        };
    }

    /** A playbook file without errors (in itself or what it imports), analysed: documents are generated from checked playbooks only. */
    private async withPlaybook<R>(
        params: { uri: string },
        purpose: string,
        token: CancellationToken | undefined,
        render: (playbook: CheckedPlaybook) => R
    ): Promise<R> {
        const document = await this.validatedDocument(params, token);
        return this.read(() => {
            const load = loadCheckedPlaybook(this.services, document);
            if (load.ok) return render(load.playbook);
            if (load.refusal.kind === 'no-playbook') {
                throw new ResponseError(
                    OpsbookRequestErrors.RequestFailed,
                    `${basename(document)} declares no playbook (it is a library such as team.ops): open the file that declares \`playbook\` to ${purpose}`
                );
            }
            const { errors } = load.refusal;
            const first = errors[0] as (typeof errors)[number];
            const where = `${basename(first.document)}:${first.diagnostic.range.start.line + 1}:${first.diagnostic.range.start.character + 1}`;
            const message = diagnosticText(first.diagnostic).replace(/\r?\n/g, ' ');
            throw new ResponseError(
                OpsbookRequestErrors.RequestFailed,
                `${basename(document)} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} to ${purpose} (first: ${where} ${message})`
            );
        });
    }

    private validatedDocument(params: { uri: string } | undefined, token?: CancellationToken): Promise<LangiumDocument<Document>> {
        return validatedDocument(this.shared, params, token);
    }

    private read<R>(action: () => R): Promise<R> {
        return readNow(this.shared, action);
    }

    /** `period` or `on`, or today moved into the playbook period; never a day before that period. */
    private reviewWindow(params: RenderReviewParams, period: DateRange | undefined, locale: 'en' | 'zh-CN'): ReviewWindow {
        if (params.on !== undefined && params.period !== undefined) {
            throw new ResponseError(
                OpsbookRequestErrors.InvalidParams,
                'give either on (a date, 2027-02-01) or period (2027-W05, 2027-01, 2027-Q1), not both'
            );
        }
        const parsed =
            params.period !== undefined
                ? periodWindow(String(params.period))
                : params.on !== undefined
                  ? dayWindow(String(params.on))
                  : { ok: true as const, window: windowOfDay(dayWithin(this.today(), period)) };
        if (!parsed.ok)
            throw new ResponseError(
                OpsbookRequestErrors.InvalidParams,
                `${params.period !== undefined ? 'period' : 'on'} ${parsed.message}`
            );
        const { window } = parsed;
        // SPEC §9: the same refusal as `opsbook review` (the option named as the request names it).
        const outside = windowOutsidePeriod(window, period, params.period !== undefined ? 'period' : 'on');
        if (outside) throw new ResponseError(OpsbookRequestErrors.InvalidParams, render(locale, outside));
        return window;
    }
}

/** `previousReview`: the decisions of an earlier review, or the same refusal as `opsbook review --previous`. */
function previousDecisions(text: unknown, locale: 'en' | 'zh-CN'): { source: string; decisions: PreviousDecision[] } {
    if (typeof text !== 'string')
        throw new ResponseError(OpsbookRequestErrors.InvalidParams, 'previousReview must be the text of an earlier review (Markdown)');
    const source = 'previous-review.md';
    const parsed = readPreviousDecisions(text, source);
    if (!parsed.ok) throw new ResponseError(OpsbookRequestErrors.InvalidParams, render(locale, parsed.message));
    return { source, decisions: parsed.decisions };
}

function checkedLocale(locale: unknown): 'en' | 'zh-CN' | undefined {
    if (locale === undefined || locale === null) return undefined;
    if (locale === 'en' || locale === 'zh-CN') return locale;
    throw new ResponseError(OpsbookRequestErrors.InvalidParams, `locale must be "en" or "zh-CN", not ${JSON.stringify(locale)}`);
}

function daySpan(range: DateRange): DaySpan {
    return { start: formatDate(range.start), end: formatDate(range.end) };
}

function reviewPeriod(choice: ReviewPeriodChoice): ReviewPeriod {
    return { period: choice.label, unit: choice.kind, ...(choice.relation ? { relation: choice.relation } : {}), ...daySpan(choice.range) };
}

function todayUtc(): CalendarDate {
    const now = new Date();
    return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}

function declaresPlaybook(document: LangiumDocument): boolean {
    return ((document.parseResult.value as Document).elements ?? []).some(element => element.$type === 'Playbook');
}

/** `growth.ops`, `../sales/q1.ops`: the playbook's path from the library's folder. */
function relativeName(library: LangiumDocument, playbook: LangiumDocument): string {
    return path.relative(path.dirname(library.uri.path), playbook.uri.path);
}
