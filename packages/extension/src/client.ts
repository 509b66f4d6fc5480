import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const LANGUAGE_ID = 'opsbook';

/** Opsbook documents the server checks: files on disk and unsaved new files. */
export const DOCUMENT_SELECTOR = [
    { scheme: 'file', language: LANGUAGE_ID },
    { scheme: 'untitled', language: LANGUAGE_ID }
];

/**
 * The client of the bundled language server (`dist/server.cjs`), run in a Node process of its own and
 * spoken to over IPC. The client id `opsbook` makes the `opsbook.trace.server` setting work; the server
 * pulls the `opsbook` settings section through `workspace/configuration` and is sent it when it changes,
 * and applies `opsbook.rules` over opsbook.json (`opsbook.locale` goes with each preview/review request).
 */
export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
    const module = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: DOCUMENT_SELECTOR,
        outputChannel,
        synchronize: {
            // Imports and opsbook.json change what a playbook means even when it is not open.
            fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.ops,opsbook.json}')
        }
    };
    return new LanguageClient(LANGUAGE_ID, 'Opsbook Language Server', serverOptions, clientOptions);
}
