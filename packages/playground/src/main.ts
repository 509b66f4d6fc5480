// The Opsbook playground: Monaco with Microsoft's own LSP client for it (monaco-editor's `lsp`
// namespace, MonacoLspClient) talking to the Opsbook language server in a web worker
// (packages/language/src/browser/worker-main.ts). Diagnostics, completion, hover, quick fixes, inlay
// hints and the rest come from the server; the plan beside the editor is the server's
// `opsbook/renderPlan` in HTML (diagrams drawn as SVG by the generator), shown in a sandboxed frame.
// The state is in the address: ?example=shop&lang=zh-CN#code=… — a link to send to a colleague.

import * as monaco from 'monaco-editor/editor/editor.api.js';
import { createTransportToWorker, MonacoLspClient } from 'monaco-lsp-client';
import examples from 'virtual:examples';
import { UI_TEXT, type UiLocale } from './ui-text.js';

type Examples = Record<string, { main: string; files: Record<string, string> }>;
type Message = {
    jsonrpc: '2.0';
    id?: number | string | null;
    method?: string;
    params?: unknown;
    result?: unknown;
    error?: { code: number; message: string };
};
type Transport = ReturnType<typeof createTransportToWorker>;

const EXAMPLES = examples as Examples;
const FOLDER = 'file:///playground/';
const RENDER_PLAN = 'opsbook/renderPlan';

declare global {
    interface Window {
        MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
        /** For the end-to-end test and the curious: timings and the current plan. */
        opsbook: {
            /** performance.now() when this script started, the server answered `initialize`, diagnostics were shown. */
            appStartedAt: number;
            serverReadyAt?: number;
            diagnosticsShownAt?: number;
            planShownAt?: number;
            planHtml?: string;
            plans: number;
            editor?: monaco.editor.IStandaloneCodeEditor;
            markers?: () => { severity: string; message: string; line: number; column: number; code?: string }[];
        };
    }
}
window.opsbook = { plans: 0, appStartedAt: performance.now() };

// ---- state from the address ----------------------------------------------------------------------

const params = new URLSearchParams(location.search);
const locale: UiLocale = params.get('lang') === 'zh-CN' ? 'zh-CN' : 'en';
const exampleNames = Object.keys(EXAMPLES);
const exampleName =
    params.get('example') && EXAMPLES[params.get('example') as string]
        ? (params.get('example') as string)
        : exampleNames.includes('growth')
          ? 'growth'
          : (exampleNames[0] as string);
const example = EXAMPLES[exampleName] as Examples[string];
const text = UI_TEXT[locale];

function decodeCode(hash: string): string | undefined {
    const match = /(?:^#|&)code=([^&]*)/.exec(hash);
    if (!match) return undefined;
    try {
        const binary = atob((match[1] as string).replace(/-/g, '+').replace(/_/g, '/'));
        return new TextDecoder().decode(Uint8Array.from(binary, c => c.charCodeAt(0)));
    } catch {
        return undefined;
    }
}

function encodeCode(code: string): string {
    let binary = '';
    for (const byte of new TextEncoder().encode(code)) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// ---- page ----------------------------------------------------------------------------------------

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
document.documentElement.lang = locale;
$('example-label').textContent = text.example;
$('language-label').textContent = text.language;
$('share').textContent = text.copyLink;
$('export').textContent = text.exportHtml;
$<HTMLIFrameElement>('plan').title = text.plan;
const exampleSelect = $<HTMLSelectElement>('example');
for (const name of exampleNames) exampleSelect.add(new Option(name, name, name === exampleName, name === exampleName));
const languageSelect = $<HTMLSelectElement>('language');
languageSelect.value = locale;
const status = $('status');
status.textContent = text.checking;

function navigate(next: { example?: string; lang?: UiLocale; keepCode: boolean }): void {
    const query = new URLSearchParams({ example: next.example ?? exampleName, lang: next.lang ?? locale });
    location.assign(`${location.pathname}?${query.toString()}${next.keepCode ? location.hash : ''}`);
}
exampleSelect.addEventListener('change', () => navigate({ example: exampleSelect.value, keepCode: false }));
languageSelect.addEventListener('change', () => navigate({ lang: languageSelect.value as UiLocale, keepCode: true }));

const folder = `${FOLDER}${exampleName}/`;
const mainUri = monaco.Uri.parse(`${folder}${example.main}`);

// ---- language server (started first: it initializes while the editor is being built) -------------

interface LspDiagnostic {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    message: string;
    code?: string | number;
    data?: unknown;
}

/**
 * The worker transport, plus what MonacoLspClient does not do: the workspace folder, the language and
 * the files (the example's, so imports resolve) in `initialize`; the diagnostics of a code-action
 * request given back whole (the client sends only range, message and severity, and the server's quick
 * fixes are keyed on the diagnostic's `code` and `data`); and requests of our own (the plan), whose
 * answers are kept from the client.
 */
class PlaygroundTransport {
    private readonly inner: Transport;
    private nextId = 1;
    private readonly pending = new Map<string, { resolve(value: unknown): void; reject(error: Error): void }>();
    private listener: ((message: Message) => void) | undefined;
    private readonly published = new Map<string, LspDiagnostic[]>();

    constructor(worker: Worker) {
        this.inner = createTransportToWorker(worker);
        this.inner.setListener(message => this.receive(message as Message));
    }

    get state() {
        return this.inner.state;
    }

    send(message: Message): Promise<void> {
        if (message.method === 'initialize') {
            // The example's own files (what its imports reach); the others would only lengthen the first build.
            const files: Record<string, string> = {};
            for (const [file, content] of Object.entries(example.files)) files[`${folder}${file}`] = content;
            message.params = {
                ...(message.params as object),
                locale,
                rootUri: folder,
                workspaceFolders: [{ uri: folder, name: exampleName }],
                initializationOptions: { locale, diagnosticsDelay: 50, files }
            };
        }
        if (message.method === 'textDocument/codeAction') {
            const params = message.params as { textDocument: { uri: string }; context: { diagnostics: LspDiagnostic[] } };
            const published = this.published.get(params.textDocument.uri) ?? [];
            const same = (a: LspDiagnostic, b: LspDiagnostic) =>
                a.message === b.message &&
                a.range.start.line === b.range.start.line &&
                a.range.start.character === b.range.start.character &&
                a.range.end.line === b.range.end.line &&
                a.range.end.character === b.range.end.character;
            params.context.diagnostics = params.context.diagnostics.map(sent => published.find(original => same(original, sent)) ?? sent);
        }
        return this.inner.send(message as never);
    }

    setListener(listener: ((message: Message) => void) | undefined): void {
        this.listener = listener;
    }

    toString(): string {
        return 'opsbook worker';
    }

    request<T>(method: string, params: unknown): Promise<T> {
        const id = `playground-${this.nextId++}`;
        return new Promise<T>((resolve, reject) => {
            this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
            void this.inner.send({ jsonrpc: '2.0', id, method, params } as never);
        });
    }

    private receive(message: Message): void {
        const own = typeof message.id === 'string' ? this.pending.get(message.id) : undefined;
        if (message.id === 1 && message.method === undefined) window.opsbook.serverReadyAt ??= performance.now();
        if (own && message.method === undefined) {
            this.pending.delete(message.id as string);
            if (message.error) own.reject(new Error(message.error.message));
            else own.resolve(message.result);
            return;
        }
        if (message.method === 'textDocument/publishDiagnostics') {
            const params = message.params as { uri: string; diagnostics: LspDiagnostic[] };
            this.published.set(params.uri, params.diagnostics);
            onDiagnostics(params.uri);
        }
        this.listener?.(message);
    }
}

// index.html starts the worker before this script has loaded, so the two load and start in parallel.
const early = (window as { opsbookWorker?: Worker }).opsbookWorker;
const worker = early ?? new Worker(new URL('opsbook-server.js', import.meta.url), { name: 'opsbook-language-server' });
const transport = new PlaygroundTransport(worker);
new MonacoLspClient(transport as never);

// ---- editor --------------------------------------------------------------------------------------

window.MonacoEnvironment = { getWorker: () => new Worker(new URL('editor.worker.js', import.meta.url)) };

monaco.languages.register({ id: 'opsbook', extensions: ['.ops'], aliases: ['Opsbook'] });
monaco.languages.setLanguageConfiguration('opsbook', {
    comments: { lineComment: '//' },
    brackets: [['{', '}']],
    autoClosingPairs: [
        { open: '{', close: '}' },
        { open: '"', close: '"' }
    ]
});
monaco.languages.setMonarchTokensProvider('opsbook', {
    keywords:
        'above accountable alert ask assessment assumes at below binding budget by campaign capacity channel competition consulted covers cpa currency decided delivers every finance focus for forecast funnel fx goal import informed kind kpi lead least locale market metric monitor most of on owner part per period person playbook product rationale region responsible review role sales serves source stage strategy target team to type via weight window workstream'.split(
            ' '
        ),
    tokenizer: {
        root: [
            [/\/\/.*$/, 'comment'],
            [/"([^"\\]|\\.)*"/, 'string'],
            [/\d{4}-\d{1,2}-\d{1,2}|\d{4}-(Q[1-4]|W\d{2}|\d{2})/, 'number'],
            [/\d[\d_]*(\.\d+)?[kM万亿%]?/, 'number'],
            [/[a-zA-Z_\u00c0-\uffff][\w\u00c0-\uffff]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
            [/->|\.\./, 'operator']
        ]
    }
});

const shared = decodeCode(location.hash);
const models = Object.entries(example.files)
    .filter(([file]) => file.endsWith('.ops'))
    .map(([file, content]) => {
        const uri = monaco.Uri.parse(`${FOLDER}${exampleName}/${file}`);
        return monaco.editor.createModel(file === example.main && shared !== undefined ? shared : content, 'opsbook', uri);
    });
const mainModel = monaco.editor.getModel(mainUri) as monaco.editor.ITextModel;
const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
const editor = monaco.editor.create($('editor'), {
    model: mainModel,
    theme: dark ? 'vs-dark' : 'vs',
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    wordBasedSuggestions: 'off',
    'semanticHighlighting.enabled': true
});
window.opsbook.editor = editor;
window.opsbook.markers = () =>
    monaco.editor.getModelMarkers({ resource: shownUri() }).map(m => ({
        severity: monaco.MarkerSeverity[m.severity] ?? String(m.severity),
        message: m.message,
        line: m.startLineNumber,
        column: m.startColumn,
        ...(typeof m.code === 'string' ? { code: m.code } : typeof m.code === 'object' && m.code ? { code: m.code.value } : {})
    }));

const tabs = $('tabs');
for (const model of models) {
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('role', 'tab');
    button.textContent = decodeURIComponent(model.uri.path.split('/').pop() ?? '');
    button.setAttribute('aria-selected', String(model === mainModel));
    button.addEventListener('click', () => {
        editor.setModel(model);
        for (const other of tabs.children) other.setAttribute('aria-selected', String(other === button));
        refreshStatus();
        schedulePlan();
    });
    tabs.append(button);
}

// ---- status, plan --------------------------------------------------------------------------------

function refreshStatus(): void {
    const model = editor.getModel();
    if (!model) return;
    const markers = monaco.editor.getModelMarkers({ resource: model.uri });
    const errors = markers.filter(m => m.severity === monaco.MarkerSeverity.Error).length;
    const warnings = markers.filter(m => m.severity === monaco.MarkerSeverity.Warning).length;
    status.textContent = errors + warnings === 0 ? text.noProblems : text.problems(errors, warnings);
    status.className = errors > 0 ? 'errors' : warnings > 0 ? 'warnings' : 'clean';
}

let firstDiagnostics = true;
/** The file shown: the plan is made from it (a library such as team.ops gets the server's explanation). */
const shownUri = () => editor.getModel()?.uri ?? mainUri;

function onDiagnostics(uri: string): void {
    if (uri !== shownUri().toString()) return;
    // Monaco sets the markers when the client has handled the notification, right after this.
    setTimeout(() => {
        refreshStatus();
        if (firstDiagnostics) {
            firstDiagnostics = false;
            window.opsbook.diagnosticsShownAt = performance.now();
            document.body.dataset.diagnostics = 'shown';
        }
        schedulePlan();
    }, 0);
}
monaco.editor.onDidChangeMarkers(() => refreshStatus());

const frame = $<HTMLIFrameElement>('plan');
const note = $('plan-note');
let planTimer: ReturnType<typeof setTimeout> | undefined;
let planSeq = 0;

function schedulePlan(): void {
    clearTimeout(planTimer);
    planTimer = setTimeout(() => void renderPlan(), 150);
}

async function renderPlan(): Promise<void> {
    const seq = ++planSeq;
    try {
        const result = await transport.request<{ html?: string }>(RENDER_PLAN, { uri: shownUri().toString(), locale, format: 'html' });
        if (seq !== planSeq || result.html === undefined) return;
        window.opsbook.planHtml = result.html;
        window.opsbook.plans++;
        frame.srcdoc = result.html;
        frame.classList.remove('stale');
        note.className = '';
        note.textContent = text.planUpdated(new Date().toLocaleTimeString(locale));
        window.opsbook.planShownAt ??= performance.now();
        document.body.dataset.plan = String(window.opsbook.plans);
    } catch (error) {
        if (seq !== planSeq) return;
        frame.classList.add('stale');
        note.className = 'refused';
        note.textContent = text.planRefused(error instanceof Error ? error.message : String(error));
        document.body.dataset.plan = 'refused';
    }
}

let hashTimer: ReturnType<typeof setTimeout> | undefined;
mainModel.onDidChangeContent(() => {
    clearTimeout(hashTimer);
    hashTimer = setTimeout(
        () => history.replaceState(null, '', `${location.pathname}${location.search}#code=${encodeCode(mainModel.getValue())}`),
        400
    );
});

$('share').addEventListener('click', async () => {
    const url = `${location.origin}${location.pathname}?example=${encodeURIComponent(exampleName)}&lang=${locale}#code=${encodeCode(mainModel.getValue())}`;
    try {
        await navigator.clipboard.writeText(url);
        note.textContent = text.linkCopied;
    } catch {
        history.replaceState(null, '', url);
    }
});

$('export').addEventListener('click', () => {
    const html = window.opsbook.planHtml;
    if (!html) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    link.download = `${exampleName}-plan.html`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
});
