import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../client.js';
import { DocumentStatusRequest, type DocumentStatus } from '../protocol.js';
import { presentStatus } from './status-text.js';

const UPDATE_DELAY_MS = 100;

/** Context keys for when-clauses: the active file is a library; the paths of the libraries seen so far. */
export const ACTIVE_IS_LIBRARY = 'opsbook.activeIsLibrary';
export const LIBRARY_PATHS = 'opsbook.libraryPaths';

/**
 * The status bar item of the active playbook: errors, warnings and the lowest goal coverage, from
 * `opsbook/documentStatus`, refreshed whenever that document's diagnostics change. Clicking it opens
 * the Problems view. It also sets the context keys that hide *Generate Review Template* and *Export
 * JSON* for a library file (no `playbook`): `opsbook.activeIsLibrary` for the editor's menus and the
 * Command Palette, `opsbook.libraryPaths` (every library met so far) for the Explorer's.
 */
export class PlaybookStatusBar implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('opsbook.status', vscode.StatusBarAlignment.Left, 50);
    private readonly subscriptions: vscode.Disposable[] = [];
    private readonly changedEmitter = new vscode.EventEmitter<void>();
    private timer: ReturnType<typeof setTimeout> | undefined;
    private generation = 0;
    private readonly libraries = new Set<string>();
    /** Fires after the item shows a new status (read by the tests). */
    readonly onDidUpdate = this.changedEmitter.event;

    constructor(private readonly client: LanguageClient) {
        this.item.name = 'Opsbook';
        this.item.command = 'workbench.actions.view.problems';
        this.subscriptions.push(
            this.item,
            this.changedEmitter,
            vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
            vscode.languages.onDidChangeDiagnostics(event => {
                const active = this.activeUri();
                if (active && event.uris.some(uri => uri.toString() === active.toString())) this.schedule(UPDATE_DELAY_MS);
            })
        );
        this.schedule(0);
    }

    get text(): string | undefined {
        return this.activeUri() ? this.item.text : undefined;
    }

    get accessibilityLabel(): string | undefined {
        return this.activeUri() ? this.item.accessibilityInformation?.label : undefined;
    }

    dispose(): void {
        if (this.timer) clearTimeout(this.timer);
        for (const subscription of this.subscriptions) subscription.dispose();
    }

    private activeUri(): vscode.Uri | undefined {
        const document = vscode.window.activeTextEditor?.document;
        return document?.languageId === LANGUAGE_ID ? document.uri : undefined;
    }

    private schedule(delay: number): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.update(), delay);
    }

    private async update(): Promise<void> {
        const uri = this.activeUri();
        const generation = ++this.generation;
        if (!uri) {
            this.item.hide();
            void vscode.commands.executeCommand('setContext', ACTIVE_IS_LIBRARY, false);
            return;
        }
        const status = await this.statusOf(uri);
        if (generation !== this.generation) return; // a newer update is on its way
        this.noteLibrary(uri, status.library === true);
        const shown = presentStatus(status, vscode.l10n.t);
        this.item.text = shown.text;
        this.item.tooltip = shown.tooltip;
        this.item.accessibilityInformation = { label: shown.accessibilityLabel };
        this.item.show();
        this.changedEmitter.fire();
    }

    private noteLibrary(uri: vscode.Uri, library: boolean): void {
        void vscode.commands.executeCommand('setContext', ACTIVE_IS_LIBRARY, library);
        if (uri.scheme !== 'file' || this.libraries.has(uri.fsPath) === library) return;
        if (library) this.libraries.add(uri.fsPath);
        else this.libraries.delete(uri.fsPath);
        void vscode.commands.executeCommand('setContext', LIBRARY_PATHS, [...this.libraries]);
    }

    /** The server's status; the editor's own diagnostic counts while the server cannot answer. */
    private async statusOf(uri: vscode.Uri): Promise<DocumentStatus> {
        try {
            return await this.client.sendRequest(DocumentStatusRequest, { uri: uri.toString() });
        } catch {
            const diagnostics = vscode.languages.getDiagnostics(uri);
            return {
                errors: diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Error).length,
                warnings: diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Warning).length
            };
        }
    }
}
