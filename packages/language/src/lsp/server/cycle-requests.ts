// SPEC §9 requests of the language server: `opsbook/nextCycle` and `opsbook/diffPlaybooks`. They call
// the use cases `opsbook next` and `opsbook diff` call (usecases/next-cycle.ts, usecases/diff-playbooks.ts).
// The other version of a diff is built in services of its own (so the open documents are untouched),
// from the text the client sends or a file, with its imports read through the server's file system.

import * as path from 'pathe';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';
import { readNow, validatedDocument } from './open-document.js';
import type { ActualRow } from '../../analysis/review-analysis.js';
import type { Document } from '../../generated/ast.js';
import { createOpsbookCoreServices } from '../../opsbook-module.js';
import {
    basename,
    type CheckedPlaybook,
    type CyclePeriod,
    diagnosticText,
    diffPlaybooks,
    loadCheckedPlaybook,
    nextCycle,
    parseCyclePeriod,
    snapshotVersion
} from '../../usecases/index.js';
import { formatRange } from '../../values/period.js';
import {
    DIFF_PLAYBOOKS_REQUEST,
    type DiffPlaybooksParams,
    type DiffPlaybooksResult,
    NEXT_CYCLE_REQUEST,
    type NextCycleParams,
    type NextCycleResult,
    OpsbookRequestErrors
} from '../custom-requests.js';
import type { OpsbookServices } from '../opsbook-services.js';
import { parseActualsText } from './actuals-text.js';

export class CycleRequestHandlers {
    constructor(
        private readonly shared: LangiumSharedServices,
        private readonly services: OpsbookServices
    ) {}

    register(connection: Connection): void {
        connection.onRequest(NEXT_CYCLE_REQUEST, (params: NextCycleParams, token: CancellationToken) => this.nextCycle(params, token));
        connection.onRequest(DIFF_PLAYBOOKS_REQUEST, (params: DiffPlaybooksParams, token: CancellationToken) =>
            this.diffPlaybooks(params, token)
        );
    }

    async nextCycle(params: NextCycleParams, token?: CancellationToken): Promise<NextCycleResult> {
        const locale = checkedLocale(params?.locale);
        const period = params?.period !== undefined ? parseCyclePeriod(String(params.period)) : undefined;
        if (period && !period.ok) throw new ResponseError(OpsbookRequestErrors.InvalidParams, `period ${period.message}`);
        const document = await this.validatedDocument(params, token);
        const prepared = await this.read(() => {
            const load = loadCheckedPlaybook(this.services, document);
            if (!load.ok) {
                if (load.refusal.kind === 'no-playbook')
                    throw new ResponseError(
                        OpsbookRequestErrors.RequestFailed,
                        `${basename(document)} declares no playbook (it is a library such as team.ops): open the file that declares \`playbook\` to start its next cycle`
                    );
                const first = load.refusal.errors[0] as (typeof load.refusal.errors)[number];
                const where = `${basename(first.document)}:${first.diagnostic.range.start.line + 1}:${first.diagnostic.range.start.character + 1}`;
                throw new ResponseError(
                    OpsbookRequestErrors.RequestFailed,
                    `${basename(document)} has errors; fix them to start its next cycle (first: ${where} ${diagnosticText(first.diagnostic).replace(/\r?\n/g, ' ')})`
                );
            }
            const actuals = parseActualsText(params.actualsCsv, load.playbook.analysis, locale ?? load.playbook.settings.locale ?? 'en');
            return this.nextOf(document, { playbook: load.playbook, actuals }, params, period?.ok ? period.period : undefined, locale);
        });
        return prepared;
    }

    /** Inside the read lock: the AST must not change while the edits of the next playbook are made. */
    private async nextOf(
        document: LangiumDocument<Document>,
        prepared: { playbook: CheckedPlaybook; actuals: { rows: ActualRow[]; warnings: string[] } },
        params: NextCycleParams,
        period: CyclePeriod | undefined,
        locale: 'en' | 'zh-CN' | undefined
    ): Promise<NextCycleResult> {
        const target = typeof params.targetUri === 'string' ? URI.parse(params.targetUri) : undefined;
        const folder = path.dirname(document.uri.path);
        const newFolder = target ? path.dirname(target.path) : folder;
        const result = await nextCycle(this.services, prepared.playbook, {
            actuals: prepared.actuals.rows,
            actualsSource: typeof params.actualsName === 'string' ? params.actualsName : 'actuals.csv',
            ...(period ? { period } : {}),
            importPath: imported => (newFolder === folder ? undefined : path.relative(newFolder, URI.file(imported).path)),
            ...(locale ? { locale } : {})
        });
        if (!result.ok) {
            const message =
                result.reason === 'no-period'
                    ? `${basename(document)}: the playbook has no period; give the next cycle's as period (e.g. 2027-Q2)`
                    : result.reason === 'not-after'
                      ? `period does not start after the playbook's period (${formatRange(result.current)})`
                      : `the next playbook could not be formatted (${result.problem})`;
            throw new ResponseError(
                result.reason === 'not-after' ? OpsbookRequestErrors.InvalidParams : OpsbookRequestErrors.RequestFailed,
                message
            );
        }
        const { next } = result;
        return {
            text: next.text,
            period: next.period.shorthand ?? formatRange(next.period.range),
            dropped: next.dropped,
            ...(prepared.actuals.warnings.length > 0 ? { warnings: prepared.actuals.warnings } : {})
        };
    }

    async diffPlaybooks(params: DiffPlaybooksParams, token?: CancellationToken): Promise<DiffPlaybooksResult> {
        const locale = checkedLocale(params?.locale);
        if (params?.format !== undefined && params.format !== 'markdown' && params.format !== 'json') {
            throw new ResponseError(
                OpsbookRequestErrors.InvalidParams,
                `format must be "markdown" or "json", not ${JSON.stringify(params.format)}`
            );
        }
        if ((typeof params?.otherText === 'string') === (typeof params?.otherUri === 'string')) {
            throw new ResponseError(
                OpsbookRequestErrors.InvalidParams,
                'give the other version as otherText (its text) or otherUri (another .ops file), one of them'
            );
        }
        const document = await this.validatedDocument(params, token);
        const key = basename(document);
        const fileSystem = this.shared.workspace.FileSystemProvider;
        let otherText = params.otherText;
        const otherUri = typeof params.otherUri === 'string' ? URI.parse(params.otherUri) : undefined;
        if (otherUri) {
            const open = this.shared.workspace.LangiumDocuments.getDocument(otherUri);
            try {
                otherText = open ? open.textDocument.getText() : await fileSystem.readFile(otherUri);
            } catch {
                throw new ResponseError(OpsbookRequestErrors.RequestFailed, `${otherUri.path}: no such file (the other version)`);
            }
        }
        // The other version, in services of its own: at the other file's place, or at this file's place
        // (a git revision of it), so that its imports resolve as the file's do.
        const { shared, Opsbook } = createOpsbookCoreServices({ fileSystemProvider: () => fileSystem });
        Opsbook.config.ConfigProvider.setOverrides(locale ? { locale } : {});
        const place = otherUri ?? document.uri;
        const factory = shared.workspace.LangiumDocumentFactory;
        const other = factory.fromString<Document>(otherText as string, place);
        shared.workspace.LangiumDocuments.addDocument(other);
        Opsbook.references.ImportResolver.importClosure([other], uri => {
            try {
                const loaded = factory.fromString<Document>(fileSystem.readFileSync(uri), uri);
                shared.workspace.LangiumDocuments.addDocument(loaded);
                return loaded;
            } catch {
                return undefined;
            }
        });
        await shared.workspace.DocumentBuilder.build(shared.workspace.LangiumDocuments.all.toArray(), { validation: true });
        const personFile = (folder: string) => (file: LangiumDocument | undefined) => (file ? path.relative(folder, file.uri.path) : '');
        const before = snapshotVersion(Opsbook, [{ file: key, document: other }], personFile(path.dirname(place.path)));
        return this.read(() => {
            const after = snapshotVersion(this.services, [{ file: key, document }], personFile(path.dirname(document.uri.path)));
            const label = typeof params.otherLabel === 'string' ? params.otherLabel : otherUri ? path.basename(otherUri.path) : 'other';
            const analysisLocale = this.services.analysis.PlaybookAnalyzer.analyze(document).locale;
            const { text, diff } = diffPlaybooks(before, after, {
                format: params.format ?? 'markdown',
                oldLabel: label,
                newLabel: key,
                locale: locale ?? analysisLocale
            });
            return { text, changes: diff.changeCount, findingsAppeared: diff.appeared, findingsGone: diff.gone };
        });
    }

    private validatedDocument(params: { uri: string } | undefined, token?: CancellationToken): Promise<LangiumDocument<Document>> {
        return validatedDocument(this.shared, params, token);
    }

    private read<R>(action: () => R): Promise<R> {
        return readNow(this.shared, action);
    }
}

function checkedLocale(locale: unknown): 'en' | 'zh-CN' | undefined {
    if (locale === undefined || locale === null) return undefined;
    if (locale === 'en' || locale === 'zh-CN') return locale;
    throw new ResponseError(OpsbookRequestErrors.InvalidParams, `locale must be "en" or "zh-CN", not ${JSON.stringify(locale)}`);
}
