import * as path from 'node:path';
import * as vscode from 'vscode';
import { RequestType } from 'vscode-languageclient';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    DIFF_PLAYBOOKS_REQUEST,
    type DiffPlaybooksParams,
    type DiffPlaybooksResult,
    NEXT_CYCLE_REQUEST,
    type NextCycleParams,
    type NextCycleResult
} from 'opsbook-language/lsp-protocol';
import { configuredLocale } from '../settings.js';
import { activeOpsbookUri } from '../util/active-document.js';
import { describeError } from '../util/errors.js';
import { unsavedDocument, writeWhole } from '../util/write-file.js';

// SPEC §9 in the editor: *Opsbook: Compare with…* (a git revision or another file; the change review
// shown in a Markdown preview) and *Opsbook: Start Next Cycle* (the next playbook written through
// `opsbook/nextCycle`, the request that gives what `opsbook next` writes).

export const DiffPlaybooksRequest = new RequestType<DiffPlaybooksParams, DiffPlaybooksResult, void>(DIFF_PLAYBOOKS_REQUEST);
export const NextCycleRequest = new RequestType<NextCycleParams, NextCycleResult, void>(NEXT_CYCLE_REQUEST);

export const COMPARE_WITH = 'opsbook.compareWith';
export const START_NEXT_CYCLE = 'opsbook.startNextCycle';

/** Arguments that skip the pickers and dialogs (keybindings, tasks, tests). */
export interface CompareOptions {
    revision?: string;
    other?: vscode.Uri;
    /** Return the Markdown without opening a preview. */
    quiet?: boolean;
}

export interface NextCycleOptions {
    actuals?: vscode.Uri;
    /** The next period; empty for the one following. */
    period?: string;
    target?: vscode.Uri;
}

interface GitRepository {
    show(ref: string, path: string): Promise<string>;
}
interface GitApi {
    getRepository(uri: vscode.Uri): GitRepository | null;
}

/** The text of `uri` at a git revision, through VS Code's Git extension (the language server runs no git). */
async function textAtRevision(uri: vscode.Uri, revision: string): Promise<string> {
    const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
    if (!extension) throw new Error(vscode.l10n.t('the Git extension of VS Code is not available'));
    const api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
    const repository = api.getRepository(uri);
    if (!repository) throw new Error(vscode.l10n.t('{0} is not in a git repository', path.posix.basename(uri.path)));
    try {
        return await repository.show(revision, uri.fsPath);
    } catch {
        throw new Error(vscode.l10n.t('{0} is not in revision {1} (or the revision is unknown)', path.posix.basename(uri.path), revision));
    }
}

export async function compareWith(client: LanguageClient, uri?: vscode.Uri, options: CompareOptions = {}): Promise<string | undefined> {
    const document = uri ?? activeOpsbookUri();
    if (!document) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Opsbook: open a playbook (.ops file) to compare it with another version.'));
        return undefined;
    }
    let other: { otherText: string; otherLabel: string } | { otherUri: string } | undefined;
    try {
        let revision = options.revision;
        let file = options.other;
        if (revision === undefined && file === undefined) {
            const choice = await vscode.window.showQuickPick(
                [
                    {
                        label: vscode.l10n.t('A git revision…'),
                        detail: vscode.l10n.t('HEAD, a branch, a tag or a commit'),
                        choice: 'revision' as const
                    },
                    { label: vscode.l10n.t('Another file…'), detail: vscode.l10n.t('another .ops file'), choice: 'file' as const }
                ],
                { title: vscode.l10n.t('Opsbook: Compare with…') }
            );
            if (!choice) return undefined;
            if (choice.choice === 'revision')
                revision = await vscode.window.showInputBox({
                    title: vscode.l10n.t('Compare with a git revision'),
                    value: 'HEAD',
                    prompt: vscode.l10n.t('A branch, tag or commit')
                });
            else
                file = (
                    await vscode.window.showOpenDialog({
                        title: vscode.l10n.t('Compare with another file'),
                        filters: { Opsbook: ['ops'] },
                        canSelectMany: false
                    })
                )?.[0];
            if (!revision && !file) return undefined;
        }
        other = file
            ? { otherUri: file.toString() }
            : { otherText: await textAtRevision(document, revision as string), otherLabel: revision as string };
    } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Opsbook: {0}', describeError(error)));
        return undefined;
    }
    let text: string;
    try {
        const locale = configuredLocale();
        ({ text } = await client.sendRequest(DiffPlaybooksRequest, { uri: document.toString(), ...other, ...(locale ? { locale } : {}) }));
    } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Opsbook: the versions could not be compared: {0}', describeError(error)));
        return undefined;
    }
    if (!options.quiet) {
        const markdown = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
        await vscode.commands.executeCommand('markdown.showPreview', markdown.uri);
    }
    return text;
}

export async function startNextCycle(
    client: LanguageClient,
    uri?: vscode.Uri,
    options: NextCycleOptions = {}
): Promise<vscode.Uri | undefined> {
    const document = uri ?? activeOpsbookUri();
    if (!document) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Opsbook: open a playbook (.ops file) to start its next cycle.'));
        return undefined;
    }
    const actuals =
        options.actuals ??
        (
            await vscode.window.showOpenDialog({
                title: vscode.l10n.t("The finished cycle's actuals (CSV: date,metric,channel,value)"),
                filters: { CSV: ['csv'] },
                canSelectMany: false
            })
        )?.[0];
    if (!actuals) return undefined;
    const period =
        options.period ??
        (await vscode.window.showInputBox({
            title: vscode.l10n.t('The next period'),
            prompt: vscode.l10n.t('e.g. 2027-Q2, 2027-04 or 2027-04-01..2027-06-30; empty for the one following')
        }));
    if (period === undefined) return undefined;
    const base = path.posix.basename(document.path).replace(/\.ops$/, '');
    // The save dialog asks before replacing an existing file.
    const target =
        options.target ??
        (await vscode.window.showSaveDialog({
            title: vscode.l10n.t('Save the Next Playbook'),
            saveLabel: vscode.l10n.t('Save'),
            defaultUri: vscode.Uri.joinPath(document, '..', `${base}-next.ops`),
            filters: { Opsbook: ['ops'] }
        }));
    if (!target) return undefined;
    if (unsavedDocument(target)) {
        void vscode.window.showErrorMessage(
            vscode.l10n.t(
                'Opsbook: {0} has unsaved changes in the editor: save or close it, or choose another file.',
                path.posix.basename(target.path)
            )
        );
        return undefined;
    }
    let result: NextCycleResult;
    try {
        const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(actuals));
        const locale = configuredLocale();
        result = await client.sendRequest(NextCycleRequest, {
            uri: document.toString(),
            actualsCsv: csv,
            actualsName: path.posix.basename(actuals.path),
            targetUri: target.toString(),
            ...(period.trim() !== '' ? { period: period.trim() } : {}),
            ...(locale ? { locale } : {})
        });
        await writeWhole(target, new TextEncoder().encode(result.text));
    } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Opsbook: the next cycle could not be written: {0}', describeError(error)));
        return undefined;
    }
    if (!options.target) await vscode.window.showTextDocument(target);
    return target;
}

/** Registers both commands; one line in extension.ts. */
export function registerCycleCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
    context.subscriptions.push(
        vscode.commands.registerCommand(COMPARE_WITH, (uri?: vscode.Uri, options?: CompareOptions) =>
            compareWith(client, uri instanceof vscode.Uri ? uri : undefined, options)
        ),
        vscode.commands.registerCommand(START_NEXT_CYCLE, (uri?: vscode.Uri, options?: NextCycleOptions) =>
            startNextCycle(client, uri instanceof vscode.Uri ? uri : undefined, options)
        )
    );
}
