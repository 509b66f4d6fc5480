// Parses, links, analyses and validates texts in this process, one build per text, and forgets each
// document afterwards so that thousands of runs do not pile up in one workspace.

import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { formatText, type Document, type FormatResult, type PlaybookAnalysis } from '../../../packages/language/src/index.js';
import { createOpsbookServices } from '../../../packages/language/src/lsp/index.js';

const { shared, Opsbook } = createOpsbookServices(EmptyFileSystem);
export const fuzzServices = Opsbook;

let counter = 0;

export interface Checked {
    document: LangiumDocument<Document>;
    diagnostics: Diagnostic[];
    analysis: PlaybookAnalysis;
    elapsed: number;
}

/**
 * Builds `files` (name → text, all in one in-memory folder so that imports between them resolve) and
 * returns the result for the first one. Documents are removed again before this returns.
 */
export async function checkFiles(files: Record<string, string>): Promise<Checked> {
    const folder = `memory:///fuzz-${++counter}`;
    const documents = Object.entries(files).map(([name, text]) =>
        shared.workspace.LangiumDocumentFactory.fromString<Document>(text, URI.parse(`${folder}/${name}`))
    );
    const started = performance.now();
    try {
        for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const document = documents[0] as LangiumDocument<Document>;
        const analysis = Opsbook.analysis.PlaybookAnalyzer.analyze(document);
        return { document, diagnostics: document.diagnostics ?? [], analysis, elapsed: performance.now() - started };
    } finally {
        for (const document of documents) {
            shared.workspace.LangiumDocuments.deleteDocument(document.uri);
            shared.workspace.IndexManager.remove(document.uri);
        }
    }
}

export function checkText(text: string): Promise<Checked> {
    return checkFiles({ 'fuzz.ops': text });
}

export function format(text: string): Promise<FormatResult> {
    return formatText(Opsbook, text, `memory:///format-${++counter}/fuzz.ops`);
}

/** The rule ids of the diagnostics, sorted (for comparing what fired). */
export function rulesOf(diagnostics: Diagnostic[]): string[] {
    return diagnostics.map(d => String(d.code)).sort();
}
