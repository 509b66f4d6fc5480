import { DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { createScanner } from 'jsonc-parser';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { ConfigProblem } from '../../config/opsbook-config.js';
import { message, render } from '../../i18n/catalogue.js';
import { RULES, ruleDocumentationUrl } from '../../validation/rule-catalog.js';
import type { OpsbookServices } from '../opsbook-services.js';

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/**
 * invalid-config in the editor: each problem of an `opsbook.json` is published once, on that file at
 * the offending token, in the language of the documents it configures. The `.ops` files keep their own
 * diagnostics (the CLI stops with exit 2 and `opsbook.json:LINE:COL: …` instead). Published after every
 * build (a change to opsbook.json re-reads it and rebuilds every document: see the update handler); a
 * file that became valid, or whose rule was turned off, gets an empty list.
 */
export class ConfigDiagnostics {
    /** The diagnostics last sent per opsbook.json URI (as JSON), for files that have some. */
    private readonly sent = new Map<string, string>();

    constructor(
        private readonly shared: LangiumSharedServices,
        private readonly services: OpsbookServices,
        private readonly connection: Connection
    ) {}

    register(): void {
        this.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => this.publish());
    }

    /** The diagnostics of every opsbook.json that configures a document of the workspace. */
    collect(): Map<string, Diagnostic[]> {
        const provider = this.services.config.ConfigProvider;
        const found = new Map<string, Diagnostic[]>();
        for (const document of this.shared.workspace.LangiumDocuments.all) {
            const loaded = provider.forUri(document.uri);
            if (!loaded.file) continue;
            const uri = URI.file(loaded.file).toString();
            if (found.has(uri)) continue;
            const severity = loaded.settings.rules['invalid-config'] ?? RULES['invalid-config'];
            if (severity === 'off' || loaded.problems.length === 0) {
                found.set(uri, []);
                continue;
            }
            const locale = provider.messageLocale(document.uri);
            const text = this.readText(loaded.file);
            found.set(
                uri,
                loaded.problems.map(problem => ({
                    range: problemRange(text, problem),
                    severity: SEVERITY[severity],
                    code: 'invalid-config',
                    codeDescription: { href: ruleDocumentationUrl('invalid-config') },
                    source: 'opsbook',
                    message: render(locale, message('invalidConfig', { problem: render(locale, problem.detail) }))
                }))
            );
        }
        return found;
    }

    /** The text of opsbook.json, through the workspace's file system (the browser's too); '' when unreadable. */
    private readText(file: string): string {
        try {
            return this.shared.workspace.FileSystemProvider.readFileSync(URI.file(file));
        } catch {
            return '';
        }
    }

    /** Sends what changed since the last build (nothing for a file that stays clean). */
    publish(): void {
        const found = this.collect();
        for (const uri of this.sent.keys()) if (!found.has(uri)) found.set(uri, []);
        for (const [uri, diagnostics] of found) {
            const key = JSON.stringify(diagnostics);
            if ((this.sent.get(uri) ?? '[]') === key) continue;
            if (diagnostics.length > 0) this.sent.set(uri, key);
            else this.sent.delete(uri);
            void this.connection.sendDiagnostics({ uri, diagnostics });
        }
    }
}

/** From the problem's line and column to the end of the JSON token there (a zero-width range past the text). */
function problemRange(text: string, problem: ConfigProblem): Diagnostic['range'] {
    const line = Math.max(0, problem.line - 1);
    const character = Math.max(0, problem.column - 1);
    const start = { line, character };
    const lines = text.split('\n');
    if (line >= lines.length) return { start, end: start };
    let offset = 0;
    for (let l = 0; l < line; l++) offset += (lines[l] as string).length + 1;
    const scanner = createScanner(text.replace(/^\uFEFF/, '\u0020'), false);
    scanner.setPosition(offset + character);
    scanner.scan();
    const end = scanner.getTokenOffset() === offset + character ? offset + character + scanner.getTokenLength() : offset + character;
    const endCharacter = Math.min(end - offset, (lines[line] as string).replace(/\r$/, '').length);
    return { start, end: { line, character: Math.max(character, endCharacter) } };
}
