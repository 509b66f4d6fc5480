import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { DocumentState, ReadPriority, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, Connection, Diagnostic } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';
import type { PlaybookAnalysis } from '../../analysis/model.js';
import { analyzeReview, type ReviewWindow } from '../../analysis/review-analysis.js';
import { exportModel } from '../../generate/export-json.js';
import type { DocumentFinding } from '../../generate/findings.js';
import { generatePlan } from '../../generate/plan-document.js';
import { generateReview } from '../../generate/review-document.js';
import type { Document } from '../../generated/ast.js';
import type { OpsbookServices } from '../opsbook-services.js';
import { compareDates, formatDate, parseDate, type CalendarDate } from '../../values/date.js';
import { formatRange, parseReviewPeriod } from '../../values/period.js';
import {
    ANALYSIS_REQUEST, type AnalysisParams, type AnalysisResult, DOCUMENT_STATUS_REQUEST, type DocumentStatusParams, type DocumentStatusResult,
    OpsbookRequestErrors, RENDER_PLAN_REQUEST, RENDER_REVIEW_REQUEST, type RenderPlanParams, type RenderPlanResult, type RenderReviewParams,
    type RenderReviewResult
} from '../custom-requests.js';
import { parseActualsText } from './actuals-text.js';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' } as const;

/**
 * The requests of custom-requests.ts. Each waits until its document is validated (after the edits
 * still pending), reads the one analysis model, and answers with a clear error when it cannot.
 */
export class CustomRequestHandlers {
    constructor(
        private readonly shared: LangiumSharedServices,
        private readonly services: OpsbookServices,
        private readonly today: () => CalendarDate = todayUtc
    ) {}

    /** Registers the four requests (the connection is expected to be guarded: see request-guard.ts). */
    register(connection: Connection): void {
        connection.onRequest(RENDER_PLAN_REQUEST, (params: RenderPlanParams, token: CancellationToken) => this.renderPlan(params, token));
        connection.onRequest(RENDER_REVIEW_REQUEST, (params: RenderReviewParams, token: CancellationToken) => this.renderReview(params, token));
        connection.onRequest(ANALYSIS_REQUEST, (params: AnalysisParams, token: CancellationToken) => this.analysis(params, token));
        connection.onRequest(DOCUMENT_STATUS_REQUEST, (params: DocumentStatusParams, token: CancellationToken) => this.documentStatus(params, token));
    }

    async renderPlan(params: RenderPlanParams, token?: CancellationToken): Promise<RenderPlanResult> {
        const locale = checkedLocale(params?.locale);
        return this.withPlaybook(params, 'preview the plan', token, (analysis, document) => {
            const markdown = generatePlan(analysis, { source: basename(document), findings: this.findings(document), ...(locale ? { locale } : {}) });
            return { markdown };
        });
    }

    async renderReview(params: RenderReviewParams, token?: CancellationToken): Promise<RenderReviewResult> {
        const locale = checkedLocale(params?.locale);
        return this.withPlaybook(params, 'generate a review', token, (analysis, document) => {
            const window = this.reviewWindow(params, analysis);
            const settings = this.services.config.ConfigProvider.forUri(document.uri).settings;
            const parsed = params.actualsCsv !== undefined ? parseActualsText(params.actualsCsv, analysis, locale ?? settings.locale ?? 'en') : undefined;
            const actuals = parsed?.rows;
            const review = analyzeReview(analysis, {
                window,
                thresholds: { onTrack: settings.thresholds.onTrack, atRisk: settings.thresholds.atRisk },
                ...(actuals ? { actuals } : {})
            });
            const markdown = generateReview(review, { source: basename(document), ...(actuals ? { actualsSource: 'actuals.csv' } : {}), ...(locale ? { locale } : {}) });
            return parsed && parsed.warnings.length > 0 ? { markdown, warnings: parsed.warnings } : { markdown };
        });
    }

    async analysis(params: AnalysisParams, token?: CancellationToken): Promise<AnalysisResult> {
        const document = await this.validatedDocument(params, token);
        return this.read(() => exportModel(this.services.analysis.PlaybookAnalyzer.analyze(document), basename(document)) as AnalysisResult);
    }

    async documentStatus(params: DocumentStatusParams, token?: CancellationToken): Promise<DocumentStatusResult> {
        const document = await this.validatedDocument(params, token);
        return this.read(() => {
            const diagnostics = document.diagnostics ?? [];
            const status: DocumentStatusResult = {
                errors: diagnostics.filter(d => d.severity === 1).length,
                warnings: diagnostics.filter(d => d.severity === 2).length
            };
            const coverages = this.services.analysis.PlaybookAnalyzer.analyze(document).goals
                .filter(goal => goal.additive && goal.coverage !== undefined)
                .map(goal => goal.coverage as number);
            if (coverages.length > 0) status.coverage = Math.min(...coverages);
            return status;
        });
    }

    /** A playbook file without errors (in itself or what it imports), analysed: documents are generated from checked playbooks only. */
    private async withPlaybook<R>(params: { uri: string }, purpose: string, token: CancellationToken | undefined, render: (analysis: PlaybookAnalysis, document: LangiumDocument<Document>) => R): Promise<R> {
        const document = await this.validatedDocument(params, token);
        return this.read(() => {
            const errors = this.closure(document).flatMap(d => (d.diagnostics ?? []).filter(x => x.severity === 1).map(x => ({ document: d, diagnostic: x })));
            const first = errors[0];
            if (first) {
                const where = `${basename(first.document)}:${first.diagnostic.range.start.line + 1}:${first.diagnostic.range.start.character + 1}`;
                throw new ResponseError(OpsbookRequestErrors.RequestFailed, `${basename(document)} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} to ${purpose} (first: ${where} ${messageText(first.diagnostic)})`);
            }
            const analysis = this.services.analysis.PlaybookAnalyzer.analyze(document);
            if (!analysis.playbook) {
                throw new ResponseError(OpsbookRequestErrors.RequestFailed, `${basename(document)} declares no playbook (it is a library such as team.ops): open the file that declares \`playbook\` to ${purpose}`);
            }
            return render(analysis, document);
        });
    }

    private async validatedDocument(params: { uri: string } | undefined, token?: CancellationToken): Promise<LangiumDocument<Document>> {
        if (!params || typeof params.uri !== 'string' || params.uri === '') {
            throw new ResponseError(OpsbookRequestErrors.InvalidParams, 'the request needs { uri: string }, the URI of an open .ops document');
        }
        const uri = URI.parse(params.uri);
        await this.shared.workspace.WorkspaceManager.ready;
        const documents = this.shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(uri)) {
            throw new ResponseError(OpsbookRequestErrors.RequestFailed, `${params.uri} is not an .ops document of this workspace: open it in the editor first`);
        }
        await this.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
        return documents.getDocument(uri) as LangiumDocument<Document>;
    }

    private read<R>(action: () => R): Promise<R> {
        return this.shared.workspace.WorkspaceLock.read(action, ReadPriority.Immediate);
    }

    /** The document and every file it imports, transitively (what `opsbook plan` loads). */
    private closure(document: LangiumDocument<Document>): LangiumDocument<Document>[] {
        const seen = new Map<string, LangiumDocument<Document>>();
        const queue = [document];
        while (queue.length > 0) {
            const next = queue.shift() as LangiumDocument<Document>;
            if (seen.has(next.uri.toString())) continue;
            seen.set(next.uri.toString(), next);
            queue.push(...this.services.references.ImportResolver.importedDocuments(next));
        }
        return [...seen.values()];
    }

    /** Warnings and infos that remain, named relative to the playbook's folder, as the plan lists them. */
    private findings(document: LangiumDocument<Document>): DocumentFinding[] {
        const folder = path.posix.dirname(document.uri.path);
        const findings: DocumentFinding[] = [];
        for (const source of this.closure(document)) {
            const file = path.posix.relative(folder, source.uri.path);
            for (const diagnostic of source.diagnostics ?? []) {
                const severity = SEVERITY[(diagnostic.severity ?? 1) as 1 | 2 | 3 | 4];
                if (severity === 'error') continue;
                findings.push({ file, line: diagnostic.range.start.line + 1, column: diagnostic.range.start.character + 1, severity, rule: String(diagnostic.code ?? ''), message: messageText(diagnostic) });
            }
        }
        return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule)));
    }

    private reviewWindow(params: RenderReviewParams, analysis: PlaybookAnalysis): ReviewWindow {
        if (params.on !== undefined && params.period !== undefined) {
            throw new ResponseError(OpsbookRequestErrors.InvalidParams, 'give either on (a date, 2027-02-01) or period (2027-W05, 2027-01, 2027-Q1), not both');
        }
        if (params.period !== undefined) {
            const period = parseReviewPeriod(String(params.period));
            if (!period.ok) throw new ResponseError(OpsbookRequestErrors.InvalidParams, `period ${period.message}`);
            return { label: String(params.period), kind: period.kind, range: period.range };
        }
        let on: CalendarDate;
        if (params.on !== undefined) {
            const parsed = parseDate(String(params.on));
            if (!parsed.ok) throw new ResponseError(OpsbookRequestErrors.InvalidParams, `on ${parsed.message}`);
            on = parsed.date;
        } else {
            on = this.today();
            if (analysis.period && compareDates(on, analysis.period.start) < 0) on = analysis.period.start;
            if (analysis.period && compareDates(on, analysis.period.end) > 0) on = analysis.period.end;
        }
        if (analysis.period && compareDates(on, analysis.period.start) < 0) {
            throw new ResponseError(OpsbookRequestErrors.InvalidParams, `${formatDate(on)} is before the playbook period (${formatRange(analysis.period)})`);
        }
        return { label: formatDate(on), kind: 'day', range: { start: on, end: on } };
    }
}

function checkedLocale(locale: unknown): 'en' | 'zh-CN' | undefined {
    if (locale === undefined || locale === null) return undefined;
    if (locale === 'en' || locale === 'zh-CN') return locale;
    throw new ResponseError(OpsbookRequestErrors.InvalidParams, `locale must be "en" or "zh-CN", not ${JSON.stringify(locale)}`);
}

function basename(document: LangiumDocument): string {
    return path.posix.basename(document.uri.path);
}

function messageText(diagnostic: Diagnostic): string {
    return (typeof diagnostic.message === 'string' ? diagnostic.message : String(diagnostic.message)).replace(/\r?\n/g, ' ');
}

function todayUtc(): CalendarDate {
    const now = new Date();
    return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}
