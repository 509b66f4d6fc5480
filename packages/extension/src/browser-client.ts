import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import { LanguageClient } from 'vscode-languageclient/browser';
import { walkWorkspace } from './util/workspace-files.js';

/** The extension's language id (the same as client.ts, which this browser build does not import). */
export const BROWSER_LANGUAGE_ID = 'opsbook';

/** The browser's web worker, Blob and object URLs (the extension compiles without the DOM library). */
declare const Worker: new (
    url: string,
    options?: { name?: string }
) => Extract<ConstructorParameters<typeof LanguageClient>[2], { postMessage: unknown }>;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

/** At most this many workspace .ops files are handed to the server at start (imports of unopened files). */
const MAX_FILES = 2000;
/** At most this many folders are read at start; beyond them the workspace search (findFiles) finds the rest. */
const MAX_FOLDERS = 5000;

/**
 * VS Code for the Web (github.dev, vscode.dev): the language server runs in a web worker
 * (`dist/browser-server.js`, the same server as `dist/server.cjs` with an in-memory file system). It
 * cannot read the workspace, so the workspace's `.ops` files and `opsbook.json` are found and read here,
 * through VS Code's file system (util/workspace-files.ts walks the folders as the desktop server's
 * workspace scan does: findFiles finds nothing where no search provider is registered), and handed over
 * in `initializationOptions.files`; open documents are synced as usual. Files changed outside the
 * editor later are not seen until the server restarts.
 */
export async function createBrowserLanguageClient(
    context: vscode.ExtensionContext,
    outputChannel: vscode.LogOutputChannel
): Promise<LanguageClient> {
    const files: Record<string, string> = {};
    const decoder = new TextDecoder();
    try {
        const found = await discoverWorkspaceFiles();
        await Promise.all(
            found.map(async uri => {
                files[uri.toString()] = decoder.decode(await vscode.workspace.fs.readFile(uri));
            })
        );
    } catch (error) {
        outputChannel.warn(`Opsbook: workspace files could not be read for the language server: ${String(error)}`);
    }
    const worker = new Worker(await workerUrl(context), { name: 'opsbook-language-server' });
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: BROWSER_LANGUAGE_ID }],
        outputChannel,
        initializationOptions: { files }
    };
    return new LanguageClient(BROWSER_LANGUAGE_ID, 'Opsbook Language Server', worker, clientOptions);
}

/**
 * Where the worker script is loaded from: its own URL when the extension is served over http(s)
 * (vscode.dev, github.dev); otherwise (an extension installed on a remote, e.g. code-server, whose
 * `vscode-remote:` URLs a worker cannot load) the script is read through VS Code's file system and
 * started from a Blob.
 */
async function workerUrl(context: vscode.ExtensionContext): Promise<string> {
    const script = vscode.Uri.joinPath(context.extensionUri, 'dist/browser-server.js');
    if (script.scheme === 'http' || script.scheme === 'https') return script.toString(true);
    const bytes = await vscode.workspace.fs.readFile(script);
    return URL.createObjectURL(new Blob([bytes], { type: 'application/javascript' }));
}

/**
 * The workspace's `.ops` files and `opsbook.json`: the folders walked through `workspace.fs` (every file
 * system provider can list a folder); a walk stopped by its limits is completed by the workspace search.
 */
async function discoverWorkspaceFiles(): Promise<vscode.Uri[]> {
    const folders = (vscode.workspace.workspaceFolders ?? []).map(folder => folder.uri);
    const walked = await walkWorkspace(
        {
            readDirectory: folder => vscode.workspace.fs.readDirectory(folder),
            joinPath: (folder, name) => vscode.Uri.joinPath(folder, name)
        },
        folders,
        { maxFiles: MAX_FILES, maxFolders: MAX_FOLDERS }
    );
    if (!walked.truncated) return walked.files;
    const found = new Map(walked.files.map(uri => [uri.toString(), uri]));
    for (const uri of await vscode.workspace.findFiles('**/{*.ops,opsbook.json}', '**/{node_modules,.*}/**', MAX_FILES)) {
        if (found.size >= MAX_FILES) break;
        found.set(uri.toString(), uri);
    }
    return [...found.values()];
}
