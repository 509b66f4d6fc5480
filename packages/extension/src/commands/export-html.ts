import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { RenderPlanRequest } from '../protocol.js';
import { configuredLocale } from '../settings.js';
import { describeError } from '../util/errors.js';

/**
 * *Opsbook: Export Plan as HTML* (also in the plan preview's title bar): the plan as one
 * self-contained page (`opsbook/renderPlan` with `format: 'html'`, what `opsbook plan --format html`
 * writes: diagrams drawn as SVG, no script, printable), saved where the user chooses; the save dialog
 * asks before replacing a file, `target` skips it. Runs in VS Code and VS Code for the Web alike (no
 * Node module: the file is written through VS Code's file system).
 */
export async function exportPlanHtml(
    client: BaseLanguageClient,
    uri: vscode.Uri | undefined,
    target?: vscode.Uri
): Promise<vscode.Uri | undefined> {
    if (!uri) {
        void vscode.window.showErrorMessage('Opsbook: open a playbook (.ops file) or its plan preview to export the plan as HTML.');
        return undefined;
    }
    let html: string | undefined;
    try {
        const locale = configuredLocale();
        html = (await client.sendRequest(RenderPlanRequest, { uri: uri.toString(), format: 'html', ...(locale ? { locale } : {}) })).html;
    } catch (error) {
        void vscode.window.showErrorMessage(`Opsbook: the plan could not be exported: ${describeError(error)}`);
        return undefined;
    }
    if (html === undefined) {
        void vscode.window.showErrorMessage(
            'Opsbook: the language server answered without HTML; restart it (Opsbook: Restart Language Server).'
        );
        return undefined;
    }
    const base = (uri.path.split('/').pop() ?? 'plan').replace(/\.ops$/, '');
    const destination =
        target ??
        (await vscode.window.showSaveDialog({
            title: 'Export Plan as HTML',
            saveLabel: 'Export',
            defaultUri: vscode.Uri.joinPath(uri, '..', `${base}-plan.html`),
            filters: { HTML: ['html'] }
        }));
    if (!destination) return undefined;
    try {
        await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(html));
    } catch (error) {
        void vscode.window.showErrorMessage(
            `Opsbook: could not write ${destination.fsPath || destination.toString()}: ${describeError(error)}`
        );
        return undefined;
    }
    if (!target) void vscode.window.showInformationMessage(`Opsbook: exported ${destination.path.split('/').pop() ?? ''}.`);
    return destination;
}
