import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AnalysisRequest } from '../protocol.js';
import { activeOpsbookUri } from '../util/active-document.js';
import { describeError } from '../util/errors.js';
import { unsavedDocument, writeWhole } from '../util/write-file.js';

/**
 * *Opsbook: Export JSON*: the resolved model with its computed figures (`opsbook/analysis`, the same
 * data as `opsbook export --format json`), saved where the user chooses. The save dialog itself asks
 * before replacing a file; `target` skips it. A file open with unsaved changes is never written.
 */
export async function exportJson(client: LanguageClient, uri?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const document = uri ?? activeOpsbookUri();
    if (!document) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Opsbook: open a playbook (.ops file) to export it as JSON.'));
        return undefined;
    }
    let json: unknown;
    try {
        json = await client.sendRequest(AnalysisRequest, { uri: document.toString() });
    } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Opsbook: the playbook could not be exported: {0}', describeError(error)));
        return undefined;
    }
    const base = path.posix.basename(document.path).replace(/\.ops$/, '');
    const destination =
        target ??
        (await vscode.window.showSaveDialog({
            title: vscode.l10n.t('Export Playbook as JSON'),
            saveLabel: vscode.l10n.t('Export'),
            defaultUri: vscode.Uri.joinPath(document, '..', `${base}.json`),
            filters: { JSON: ['json'] }
        }));
    if (!destination) return undefined;
    if (unsavedDocument(destination)) {
        void vscode.window.showErrorMessage(
            vscode.l10n.t(
                'Opsbook: {0} has unsaved changes in the editor: save or close it, or export to another file.',
                path.posix.basename(destination.path)
            )
        );
        return undefined;
    }
    try {
        await writeWhole(destination, new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`));
    } catch (error) {
        void vscode.window.showErrorMessage(
            vscode.l10n.t('Opsbook: could not write {0}: {1}', destination.fsPath || destination.toString(), describeError(error))
        );
        return undefined;
    }
    if (!target) {
        const open = vscode.l10n.t('Open');
        void vscode.window
            .showInformationMessage(vscode.l10n.t('Opsbook: exported {0}.', path.posix.basename(destination.path)), open)
            .then(answer => {
                if (answer === open) void vscode.window.showTextDocument(destination);
            });
    }
    return destination;
}
