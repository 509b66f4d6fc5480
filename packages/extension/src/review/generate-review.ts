import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    OpsbookRequestErrors,
    RenderReviewRequest,
    type ReviewPeriod,
    ReviewPeriodsRequest,
    type ReviewPeriodsResult
} from '../protocol.js';
import { configuredLocale } from '../settings.js';
import { activeOpsbookUri } from '../util/active-document.js';
import { describeError } from '../util/errors.js';
import { readIfExists, unsavedDocument, writeWhole } from '../util/write-file.js';
import { decideOverwrite, sha256 } from './overwrite-guard.js';
import { dayFormatProblem, localToday, periodLabel } from './period-labels.js';

/** Arguments that skip the quick pick and the save dialog (keybindings, tasks, tests). */
export interface GenerateReviewOptions {
    period?: string;
    on?: string;
    target?: vscode.Uri;
}

/** Asks whether to overwrite a file that was edited since it was generated; true = overwrite. */
export type OverwriteConfirmation = (message: string, detail: string) => Promise<boolean>;

export const askBeforeOverwriting: OverwriteConfirmation = async (message, detail) => {
    const overwrite = vscode.l10n.t('Overwrite');
    const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, overwrite);
    return answer === overwrite;
};

/** Where the hashes of written reviews are kept, per target URI (this workspace only). */
const GENERATED_KEY = 'opsbook.generatedReviews';

type Selection = { period: string } | { on: string };

/** *Opsbook: Generate Review Template*: pick a period, choose a file, never lose hand-written notes. */
export class ReviewGenerator {
    constructor(
        private readonly state: vscode.Memento,
        private readonly client: LanguageClient,
        private readonly confirm: () => OverwriteConfirmation
    ) {}

    /** Resolves with the written file, or undefined when the user cancelled or nothing changed. */
    async run(uri?: vscode.Uri, options: GenerateReviewOptions = {}): Promise<vscode.Uri | undefined> {
        const document = uri ?? activeOpsbookUri();
        if (!document) {
            void vscode.window.showErrorMessage(vscode.l10n.t('Opsbook: open a playbook (.ops file) to generate its review template.'));
            return undefined;
        }
        const selection: Selection | undefined = options.period
            ? { period: options.period }
            : options.on
              ? { on: options.on }
              : await this.pickPeriod(document);
        if (!selection) return undefined;

        let markdown: string;
        try {
            const locale = configuredLocale();
            ({ markdown } = await this.client.sendRequest(RenderReviewRequest, {
                uri: document.toString(),
                ...selection,
                ...(locale ? { locale } : {})
            }));
        } catch (error) {
            void vscode.window.showErrorMessage(
                vscode.l10n.t('Opsbook: the review template could not be generated: {0}', describeError(error))
            );
            return undefined;
        }

        const target = options.target ?? (await this.chooseTarget(document, selection));
        if (!target) return undefined;
        return this.write(target, markdown);
    }

    private async write(target: vscode.Uri, markdown: string): Promise<vscode.Uri | undefined> {
        const bytes = new TextEncoder().encode(markdown);
        const generated = this.state.get<Record<string, string>>(GENERATED_KEY, {});
        const name = path.posix.basename(target.path);
        let confirmed = false;
        if (unsavedDocument(target)) {
            // Whatever is on disk, the user is writing in this file right now: never replace it without asking.
            confirmed = await this.confirm()(
                vscode.l10n.t('{0} has unsaved changes in the editor. Write the new review to the file anyway?', name),
                vscode.l10n.t(
                    'Your unsaved text stays in the editor; saving it later would replace the new review. Cancel to keep working on it.'
                )
            );
            if (!confirmed) return undefined;
        }
        const decision = decideOverwrite(await readIfExists(target), bytes, generated[target.toString()]);
        if (decision === 'unchanged') {
            void vscode.window.showInformationMessage(vscode.l10n.t('Opsbook: {0} is already up to date.', name));
            return undefined;
        }
        if (decision === 'confirm' && !confirmed) {
            const overwrite = await this.confirm()(
                vscode.l10n.t('{0} was changed since Opsbook generated it. Overwrite it?', name),
                vscode.l10n.t('Notes written into the review would be lost. Cancel and choose another file name to keep both.')
            );
            if (!overwrite) return undefined;
        }
        try {
            await writeWhole(target, bytes);
        } catch (error) {
            void vscode.window.showErrorMessage(
                vscode.l10n.t('Opsbook: could not write {0}: {1}', target.fsPath || target.toString(), describeError(error))
            );
            return undefined;
        }
        await this.state.update(GENERATED_KEY, { ...generated, [target.toString()]: sha256(bytes) });
        await vscode.window.showTextDocument(target, { preview: false });
        return target;
    }

    private async pickPeriod(document: vscode.Uri): Promise<Selection | undefined> {
        const choices = await this.reviewPeriods(document);
        const playbookPeriod = choices.playbookPeriod;
        type Item = vscode.QuickPickItem & { period?: string; day?: true };
        const toItem = (choice: ReviewPeriod): Item => ({
            label: periodLabel(choice, vscode.l10n.t),
            description: choice.period,
            detail: `${choice.start} – ${choice.end}`,
            period: choice.period
        });
        const items: Item[] = [
            ...choices.relative.map(toItem),
            { label: vscode.l10n.t('A specific day…'), description: vscode.l10n.t('targets to date on that day'), day: true }
        ];
        if (choices.all.length > 0) {
            items.push({ label: vscode.l10n.t('Every period of the playbook'), kind: vscode.QuickPickItemKind.Separator });
            items.push(
                ...choices.all.map(choice => ({ ...toItem(choice), detail: undefined, description: `${choice.start} – ${choice.end}` }))
            );
        }
        const picked = await vscode.window.showQuickPick(items, {
            title: vscode.l10n.t('Generate Review Template'),
            placeHolder: playbookPeriod
                ? vscode.l10n.t('Review which period of {0} – {1}?', playbookPeriod.start, playbookPeriod.end)
                : vscode.l10n.t('Review which period?'),
            matchOnDescription: true
        });
        if (!picked) return undefined;
        if (picked.period) return { period: picked.period };
        const day = await vscode.window.showInputBox({
            title: vscode.l10n.t('Generate Review Template'),
            prompt: vscode.l10n.t('Targets are pro-rated up to this day'),
            placeHolder: 'YYYY-MM-DD',
            value: localToday(),
            validateInput: text => this.invalidDayReason(text.trim())
        });
        return day ? { on: day.trim() } : undefined;
    }

    /** The periods the server offers for this playbook; without an answer about it, those of the calendar alone. */
    private async reviewPeriods(document: vscode.Uri): Promise<ReviewPeriodsResult> {
        const today = localToday();
        try {
            return await this.client.sendRequest(ReviewPeriodsRequest, { uri: document.toString(), today });
        } catch {
            return this.client.sendRequest(ReviewPeriodsRequest, { today }).catch(() => ({ relative: [], all: [] }));
        }
    }

    /** Undefined for a calendar day (the server judges, with the calendar of `opsbook review --on`), else the reason. */
    private async invalidDayReason(text: string): Promise<string | undefined> {
        const problem = dayFormatProblem(text, vscode.l10n.t);
        if (problem) return problem;
        try {
            await this.client.sendRequest(ReviewPeriodsRequest, { today: text });
            return undefined;
        } catch (error) {
            // Without the server's answer the day is taken; generating the review will say what is wrong.
            return (error as { code?: unknown } | undefined)?.code === OpsbookRequestErrors.InvalidParams
                ? vscode.l10n.t('{0} is not on the calendar.', text)
                : undefined;
        }
    }

    private async chooseTarget(document: vscode.Uri, selection: Selection): Promise<vscode.Uri | undefined> {
        const base = path.posix.basename(document.path).replace(/\.ops$/, '');
        const suffix = 'period' in selection ? selection.period : selection.on;
        return vscode.window.showSaveDialog({
            title: vscode.l10n.t('Save Review Template'),
            saveLabel: vscode.l10n.t('Save Review'),
            defaultUri: vscode.Uri.joinPath(document, '..', `${base}-review-${suffix}.md`),
            filters: { Markdown: ['md'] }
        });
    }
}
