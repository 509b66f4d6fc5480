import * as vscode from 'vscode';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Polls until `probe` returns something other than undefined / false; fails with `what` after the time-out. */
export async function waitFor<T>(
    what: string,
    probe: () => T | undefined | false | Promise<T | undefined | false>,
    timeoutMs = 30_000
): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
        try {
            const value = await probe();
            if (value !== undefined && value !== false) return value;
        } catch (error) {
            lastError = error;
        }
        if (Date.now() > deadline) {
            throw new Error(
                `timed out after ${timeoutMs / 1000} s waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`
            );
        }
        await sleep(100);
    }
}

export function workspaceFile(...segments: string[]): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('the tests need a workspace folder (a copy of examples/ and tests/vscode/fixtures/)');
    return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document, { preview: false });
}

export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return code === undefined ? undefined : String(code);
}

/** The document's diagnostics as `line:col rule message` (1-based, like `opsbook check`), sorted. */
export function diagnosticLines(uri: vscode.Uri): string[] {
    return vscode.languages
        .getDiagnostics(uri)
        .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${ruleOf(d)} ${d.message}`)
        .sort();
}

/** The position just after the first occurrence of `text` on or after `fromLine`. */
export function positionAfter(document: vscode.TextDocument, text: string, fromLine = 0): vscode.Position {
    for (let line = fromLine; line < document.lineCount; line++) {
        const column = document.lineAt(line).text.indexOf(text);
        if (column >= 0) return new vscode.Position(line, column + text.length);
    }
    throw new Error(`'${text}' not found in ${document.uri.toString()}`);
}

export async function readText(uri: vscode.Uri): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
