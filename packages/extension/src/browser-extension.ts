// The extension's `browser` entry (VS Code for the Web: github.dev, vscode.dev): the language server in
// a web worker (browser-client.ts) gives diagnostics, completion, hover, quick fixes, formatting and
// the rest of LSP; the plan preview shows the server's HTML plan (diagrams drawn as SVG by the
// generator, no script); *Export Plan as HTML* saves it. Review templates, JSON export and the rule
// documentation need the desktop extension (they write files through Node). No Node module is
// imported here or below (scripts/bundle.mjs bundles this file for the browser).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/browser';
import { BROWSER_LANGUAGE_ID, createBrowserLanguageClient } from './browser-client.js';
import { exportPlanHtml } from './commands/export-html.js';
import { RenderPlanRequest } from './protocol.js';
import { configuredLocale } from './settings.js';
import { describeError } from './util/errors.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient; ready: Promise<void> }> {
    const output = vscode.window.createOutputChannel('Opsbook', { log: true });
    context.subscriptions.push(output);
    const languageClient = await createBrowserLanguageClient(context, output);
    client = languageClient;
    const ready = languageClient.start().catch(error => {
        output.appendLine(`The Opsbook language server did not start: ${describeError(error)}`);
        void vscode.window.showErrorMessage('Opsbook: the language server did not start; see the Opsbook output channel.');
        throw error;
    });
    const previews = new HtmlPlanPreviews(languageClient);
    const activeUri = () => {
        const document = vscode.window.activeTextEditor?.document;
        return document?.languageId === BROWSER_LANGUAGE_ID ? document.uri : undefined;
    };
    context.subscriptions.push(
        previews,
        vscode.commands.registerCommand('opsbook.previewPlan', (uri?: vscode.Uri) => {
            const target = uri instanceof vscode.Uri ? uri : activeUri();
            if (!target) {
                void vscode.window.showErrorMessage('Opsbook: open a playbook (.ops file) to preview its plan.');
                return undefined;
            }
            previews.show(target);
            return target;
        }),
        vscode.commands.registerCommand('opsbook.exportPlanHtml', (uri?: vscode.Uri, target?: vscode.Uri) =>
            exportPlanHtml(languageClient, uri instanceof vscode.Uri ? uri : (previews.activeUri() ?? activeUri()), target)
        ),
        vscode.commands.registerCommand('opsbook.restartServer', async () => {
            await languageClient.stop();
            await languageClient.start();
            output.appendLine('The Opsbook language server was restarted.');
        })
    );
    return { client: languageClient, ready };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/** Plan previews of the web extension: the server's self-contained HTML plan, refreshed on edits. */
class HtmlPlanPreviews implements vscode.Disposable {
    private readonly panels = new Map<string, vscode.WebviewPanel>();
    private readonly subscriptions: vscode.Disposable[] = [];
    private active: vscode.Uri | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly client: LanguageClient) {
        this.subscriptions.push(
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.document.languageId === BROWSER_LANGUAGE_ID && event.contentChanges.length > 0) this.scheduleAll();
            }),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('opsbook')) this.scheduleAll();
            })
        );
    }

    activeUri(): vscode.Uri | undefined {
        return this.active;
    }

    show(uri: vscode.Uri): void {
        const key = uri.toString();
        const existing = this.panels.get(key);
        if (existing) {
            existing.reveal(undefined, true);
            return;
        }
        // No script in the page (the HTML plan needs none), and no local resource either.
        const panel = vscode.window.createWebviewPanel(
            'opsbook.planPreview',
            `Plan: ${uri.path.split('/').pop() ?? ''}`,
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            { enableScripts: false, localResourceRoots: [] }
        );
        this.panels.set(key, panel);
        this.active = uri;
        panel.onDidChangeViewState(event => {
            if (event.webviewPanel.active) this.active = uri;
        });
        panel.onDidDispose(() => {
            this.panels.delete(key);
            if (this.active?.toString() === key) this.active = undefined;
        });
        void this.render(uri, panel);
    }

    private scheduleAll(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            for (const [key, panel] of this.panels) void this.render(vscode.Uri.parse(key), panel);
        }, 300);
    }

    private async render(uri: vscode.Uri, panel: vscode.WebviewPanel): Promise<void> {
        try {
            const locale = configuredLocale();
            const result = await this.client.sendRequest(RenderPlanRequest, {
                uri: uri.toString(),
                format: 'html',
                ...(locale ? { locale } : {})
            });
            if (result.html !== undefined) panel.webview.html = result.html;
        } catch (error) {
            const text = describeError(error).replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`);
            panel.webview.html = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"></head><body style="font-family: sans-serif; padding: 1em"><p>${text}</p></body></html>`;
        }
    }

    dispose(): void {
        clearTimeout(this.timer);
        for (const panel of [...this.panels.values()]) panel.dispose();
        for (const subscription of this.subscriptions) subscription.dispose();
    }
}
