import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type LangiumDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Document, OpsbookSettings } from '../../packages/language/src/index.js';
import { createOpsbookServices } from '../../packages/language/src/lsp/index.js';
import { check } from '../helpers.js';

export const CLEAN = fs.readFileSync(new URL('../fixtures/validation/clean.ops', import.meta.url), 'utf8');

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** `rule L:C-L:C message` (1-based, like the CLI), one string per diagnostic, in document order. */
export function describe1(diagnostic: Diagnostic): string {
    const { start, end } = diagnostic.range;
    return `${diagnostic.code} ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${diagnostic.message}`;
}

export function lines(document: LangiumDocument): string[] {
    return [...(document.diagnostics ?? [])]
        .sort(
            (a, b) =>
                a.range.start.line - b.range.start.line ||
                a.range.start.character - b.range.start.character ||
                String(a.code).localeCompare(String(b.code))
        )
        .map(describe1);
}

export function severityOf(document: LangiumDocument, rule: string): string[] {
    return (document.diagnostics ?? []).filter(d => d.code === rule).map(d => SEVERITY[d.severity ?? 0] as string);
}

/** Replaces exactly one occurrence of `from` (the test fails loudly when the fixture changed). */
export function edit(text: string, from: string, to: string): string {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`edit: '${from}' must occur exactly once`);
    return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Validates one in-memory file; returns its diagnostics as `rule L:C-L:C message` lines. */
export async function diagnose(text: string): Promise<string[]> {
    return lines(await check(text));
}

/** The diagnostics of the clean fixture after one edit. */
export async function diagnoseEdit(from: string, to: string): Promise<string[]> {
    return diagnose(edit(CLEAN, from, to));
}

/** The diagnostics of the clean fixture after several edits, applied in order. */
export async function diagnoseEdits(edits: [string, string][]): Promise<string[]> {
    return diagnose(edits.reduce((text, [from, to]) => edit(text, from, to), CLEAN));
}

/** 1-based line of the first occurrence of `needle` in `text`, for readable expected ranges. */
export function lineOf(text: string, needle: string): number {
    const at = text.indexOf(needle);
    if (at < 0) throw new Error(`lineOf: '${needle}' not found`);
    return text.slice(0, at).split('\n').length;
}

export interface LoadedFolder {
    documents: Map<string, LangiumDocument<Document>>;
    /** Diagnostic lines of one file (by its name relative to the folder). */
    of(file: string): string[];
    /** Diagnostic lines of every file, prefixed with the file name. */
    all(): string[];
    services: ReturnType<typeof createOpsbookServices>;
}

/**
 * Loads every .ops file of a folder (texts may be replaced in memory) with real file URIs, so imports
 * and opsbook.json work as in the editor and the CLI, then builds with validation.
 */
export async function loadFolder(
    folder: string,
    replace: Record<string, string> = {},
    overrides?: Partial<OpsbookSettings>,
    clientLocale?: string
): Promise<LoadedFolder> {
    const services = createOpsbookServices({ ...NodeFileSystem });
    const { shared, Opsbook } = services;
    Opsbook.workspace.WorkspaceRoots.setFallbackRoots([folder]);
    if (overrides) Opsbook.config.ConfigProvider.setOverrides(overrides);
    if (clientLocale) Opsbook.config.ConfigProvider.setClientLocale(clientLocale);
    const documents = new Map<string, LangiumDocument<Document>>();
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith('.ops')) {
                const name = path.relative(folder, full);
                const text = replace[name] ?? fs.readFileSync(full, 'utf8');
                const document = shared.workspace.LangiumDocumentFactory.fromString<Document>(text, URI.file(full));
                shared.workspace.LangiumDocuments.addDocument(document);
                documents.set(name, document);
            }
        }
    };
    walk(folder);
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    return {
        documents,
        services,
        of: file => lines(documents.get(file) as LangiumDocument),
        all: () => [...documents.entries()].flatMap(([name, document]) => lines(document).map(line => `${name} ${line}`))
    };
}

/** A temporary folder with the given files (an opsbook.json marks it as a workspace root). */
export function tempFolder(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-validation-'));
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}
