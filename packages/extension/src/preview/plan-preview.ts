import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../client.js';
import { DocumentStatusRequest, RenderPlanRequest } from '../protocol.js';
import { configuredLocale } from '../settings.js';
import { describeError } from '../util/errors.js';
import { createNonce, markdownToHtml, previewShellHtml } from './preview-html.js';

export const PREVIEW_VIEW_TYPE = 'opsbook.planPreview';

/** What a preview shows now; read by the tests through the extension's API. */
export interface PreviewState {
    uri: string;
    /** The document version the Markdown was rendered from. */
    version: number;
    markdown: string;
    html: string;
    /** Filled in when the webview has drawn this render: Mermaid diagrams drawn and failed. */
    diagrams?: number;
    diagramErrors?: string[];
    /** The last render that failed, if the current text could not be rendered. */
    error?: string;
    /** Set when the file is a library (no `playbook`): the playbooks importing it, by path. */
    library?: { name: string; uri: string }[];
    /** The theme kind the webview drew the diagrams in: light, dark, hc-dark or hc-light. */
    theme?: string;
}

/** Re-render this long after the last keystroke: fast enough to feel live, without a render per key. */
const RENDER_DELAY_MS = 150;

interface WebviewMessage {
    type: 'ready' | 'rendered' | 'openPlaybook';
    version?: number;
    diagrams?: number;
    errors?: string[];
    theme?: string;
    uri?: string;
}

/**
 * One live preview per playbook, side by side with its editor. Every change of an Opsbook document
 * (the playbook itself or a file it imports) re-renders the plan through `opsbook/renderPlan`.
 */
export class PlanPreviewManager implements vscode.Disposable {
    private readonly previews = new Map<string, PlanPreview>();
    private readonly renderedEmitter = new vscode.EventEmitter<PreviewState>();
    private readonly subscriptions: vscode.Disposable[] = [];
    private active: vscode.Uri | undefined;
    readonly onDidRender = this.renderedEmitter.event;

    constructor(
        private readonly extensionUri: vscode.Uri,
        private readonly client: LanguageClient,
        private readonly output: vscode.OutputChannel
    ) {
        this.subscriptions.push(
            this.renderedEmitter,
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.document.languageId === LANGUAGE_ID && event.contentChanges.length > 0) this.scheduleAll();
            }),
            vscode.workspace.onDidSaveTextDocument(document => {
                if (document.languageId === LANGUAGE_ID) this.scheduleAll();
            }),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('opsbook')) this.scheduleAll();
            })
        );
    }

    /** Opens (or reveals) the preview of `uri` beside the active editor. */
    show(uri: vscode.Uri): PlanPreview {
        const existing = this.previews.get(uri.toString());
        if (existing) {
            existing.reveal();
            return existing;
        }
        const panel = vscode.window.createWebviewPanel(
            PREVIEW_VIEW_TYPE,
            previewTitle(uri),
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            webviewOptions(this.extensionUri)
        );
        return this.adopt(panel, uri);
    }

    /** Takes over a panel VS Code restored after a reload (see the serializer in extension.ts). */
    restore(panel: vscode.WebviewPanel, uri: vscode.Uri): void {
        panel.webview.options = webviewOptions(this.extensionUri);
        this.adopt(panel, uri);
    }

    /** The playbook of the preview last focused, while it is open (*Export Plan as HTML* from the preview). */
    activeUri(): vscode.Uri | undefined {
        return this.active;
    }

    state(uri: vscode.Uri | string): PreviewState | undefined {
        return this.previews.get(uri.toString())?.state;
    }

    dispose(): void {
        for (const preview of [...this.previews.values()]) preview.dispose();
        for (const subscription of this.subscriptions) subscription.dispose();
    }

    private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri): PlanPreview {
        const key = uri.toString();
        const preview = new PlanPreview(
            panel,
            uri,
            this.extensionUri,
            this.client,
            this.output,
            state => this.renderedEmitter.fire(state),
            target => {
                void vscode.window
                    .showTextDocument(target, { viewColumn: vscode.ViewColumn.One, preview: false })
                    .then(() => this.show(target));
            }
        );
        this.previews.set(key, preview);
        if (panel.active) this.active = uri;
        panel.onDidChangeViewState(event => {
            if (event.webviewPanel.active) this.active = uri;
        });
        panel.onDidDispose(() => {
            if (this.active?.toString() === key) this.active = undefined;
            this.previews.delete(key);
            preview.dispose();
        });
        return preview;
    }

    private scheduleAll(): void {
        for (const preview of this.previews.values()) preview.schedule();
    }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
        enableScripts: true,
        enableFindWidget: true,
        // The page may read the extension's media folder and nothing else.
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')]
    };
}

function previewTitle(uri: vscode.Uri): string {
    return vscode.l10n.t('Plan: {0}', path.posix.basename(uri.path));
}

/** The words of the page script, in the editor's language. */
function pageStrings(): Record<string, string> {
    return {
        zoomIn: vscode.l10n.t('Zoom in'),
        zoomOut: vscode.l10n.t('Zoom out'),
        fit: vscode.l10n.t('Fit to width'),
        diagramError: vscode.l10n.t('This diagram could not be drawn:')
    };
}

export class PlanPreview implements vscode.Disposable {
    state: PreviewState | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private rendering = false;
    private renderAgain = false;
    private webviewReady = false;
    private disposed = false;
    private renderCount = 0;

    constructor(
        private readonly panel: vscode.WebviewPanel,
        readonly uri: vscode.Uri,
        private readonly extensionUri: vscode.Uri,
        private readonly client: LanguageClient,
        private readonly output: vscode.OutputChannel,
        private readonly onRendered: (state: PreviewState) => void,
        private readonly openPlaybook: (uri: vscode.Uri) => void
    ) {
        panel.iconPath = vscode.Uri.joinPath(extensionUri, 'images', 'icon.png');
        panel.webview.onDidReceiveMessage((message: WebviewMessage) => this.onMessage(message));
        panel.webview.html = this.shell();
        void this.render();
    }

    reveal(): void {
        this.panel.reveal(undefined, true);
    }

    /** Renders again shortly, once the user pauses. */
    schedule(): void {
        if (this.disposed) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            this.timer = undefined;
            void this.render();
        }, RENDER_DELAY_MS);
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        if (this.timer) clearTimeout(this.timer);
        this.panel.dispose();
    }

    private shell(): string {
        const webview = this.panel.webview;
        const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file)).toString();
        return previewShellHtml({
            cspSource: webview.cspSource,
            nonce: createNonce(),
            title: previewTitle(this.uri),
            lang: vscode.env.language,
            strings: pageStrings(),
            placeholder: vscode.l10n.t('Rendering the plan…'),
            mermaidScriptUri: media('mermaid.min.js'),
            previewScriptUri: media('preview.js'),
            styleUri: media('preview.css')
        });
    }

    private async render(): Promise<void> {
        // One request at a time; changes that arrive meanwhile are rendered right after.
        if (this.rendering) {
            this.renderAgain = true;
            return;
        }
        this.rendering = true;
        try {
            const document = vscode.workspace.textDocuments.find(d => d.uri.toString() === this.uri.toString());
            const version = document?.version ?? 0;
            const locale = configuredLocale();
            const result = await this.client.sendRequest(RenderPlanRequest, { uri: this.uri.toString(), ...(locale ? { locale } : {}) });
            if (this.disposed) return;
            const html = markdownToHtml(result.markdown);
            this.renderCount += 1;
            this.state = { uri: this.uri.toString(), version, markdown: result.markdown, html };
            this.post();
        } catch (error) {
            if (this.disposed) return;
            if (await this.showLibrary()) return;
            const message = vscode.l10n.t('The plan could not be rendered: {0}', describeError(error));
            this.output.appendLine(`[preview] ${this.uri.toString()}: ${message}`);
            this.state = { ...(this.state ?? { uri: this.uri.toString(), version: -1, markdown: '', html: '' }), error: message };
            if (this.webviewReady) void this.panel.webview.postMessage({ type: 'error', message });
            this.onRendered(this.state);
        } finally {
            this.rendering = false;
            if (this.renderAgain && !this.disposed) {
                this.renderAgain = false;
                void this.render();
            }
        }
    }

    /**
     * A file without `playbook` cannot be rendered: the panel says it is a library and links the
     * playbooks that import it. False when the file is not a library (or the server cannot tell).
     */
    private async showLibrary(): Promise<boolean> {
        const status = await this.client.sendRequest(DocumentStatusRequest, { uri: this.uri.toString() }).catch(() => undefined);
        if (!status?.library || this.disposed) return false;
        this.renderCount += 1;
        this.state = { uri: this.uri.toString(), version: -1, markdown: '', html: '', library: status.importedBy ?? [] };
        this.post();
        return true;
    }

    /** Sends the current render to the webview, once its script is listening. */
    private post(): void {
        if (!this.state || !this.webviewReady) return;
        if (this.state.library) {
            const name = path.posix.basename(this.uri.path);
            const playbooks = this.state.library;
            void this.panel.webview.postMessage({
                type: 'library',
                version: this.renderCount,
                uri: this.uri.toString(),
                library: {
                    title: vscode.l10n.t('{0} is a library', name),
                    text: vscode.l10n.t(
                        '{0} declares no playbook: it holds people, teams, metrics or other elements that playbooks import. Open the preview of a playbook that imports it:',
                        name
                    ),
                    none: vscode.l10n.t('No playbook of this workspace imports it yet.'),
                    playbooks
                }
            });
            return;
        }
        void this.panel.webview.postMessage({ type: 'render', html: this.state.html, version: this.renderCount, uri: this.uri.toString() });
    }

    private onMessage(message: WebviewMessage): void {
        if (message.type === 'ready') {
            // A new page (first load, or shown again after being hidden): give it the latest render.
            this.webviewReady = true;
            this.post();
        } else if (message.type === 'openPlaybook' && typeof message.uri === 'string') {
            const target = vscode.Uri.parse(message.uri);
            if (this.state?.library?.some(playbook => playbook.uri === message.uri)) this.openPlaybook(target);
        } else if (message.type === 'rendered' && this.state && message.version === this.renderCount) {
            this.state = {
                ...this.state,
                diagrams: message.diagrams ?? 0,
                diagramErrors: message.errors ?? [],
                ...(message.theme ? { theme: message.theme } : {})
            };
            delete this.state.error;
            if (this.state.diagramErrors!.length > 0) {
                this.output.appendLine(`[preview] ${this.uri.toString()}: ${this.state.diagramErrors!.join('; ')}`);
            }
            this.onRendered(this.state);
        }
    }
}
