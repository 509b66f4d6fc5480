import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * The editor document of `uri` when it holds unsaved changes. Writing the file under it would not lose
 * them (the editor keeps its text), but saving them later would silently replace what was written, and
 * the user may not notice the conflict: callers ask or refuse instead.
 */
export function unsavedDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find(document => document.isDirty && document.uri.toString() === uri.toString());
}

/** Reads a file's bytes, or undefined when it does not exist. */
export async function readIfExists(uri: vscode.Uri): Promise<Uint8Array | undefined> {
    try {
        return await vscode.workspace.fs.readFile(uri);
    } catch (error) {
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
        throw error;
    }
}

/**
 * Writes a file whole or not at all: on disk through a temporary file in the same folder and a
 * rename, elsewhere through VS Code's file system.
 */
export async function writeWhole(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
    if (uri.scheme !== 'file') {
        await vscode.workspace.fs.writeFile(uri, bytes);
        return;
    }
    const target = uri.fsPath;
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
    try {
        await fs.writeFile(temporary, bytes);
        await fs.rename(temporary, target);
    } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
    }
}
