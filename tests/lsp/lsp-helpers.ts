import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Position } from 'vscode-languageserver';
import type { Document } from '../../packages/language/src/index.js';
import { createOpsbookServices, type OpsbookServices } from '../../packages/language/src/lsp/index.js';

export const REPO = path.resolve(import.meta.dirname, '../..');

export interface Workspace {
    services: OpsbookServices;
    /** The temporary folder holding [name, text] files (with an empty opsbook.json), if any. */
    folder?: string;
    documents: Map<string, LangiumDocument<Document>>;
    /** The document of a file, by its path relative to the repository. */
    doc(file: string): LangiumDocument<Document>;
}

/**
 * Loads files (paths relative to the repository, or [name, text] pairs written under a temporary
 * folder) into fresh services with the real file system, and builds them with full validation —
 * what the language server does at start-up.
 */
export async function loadWorkspace(files: (string | [string, string])[], locale?: string): Promise<Workspace> {
    const { shared, Opsbook } = createOpsbookServices({ ...NodeFileSystem });
    if (locale) Opsbook.config.ConfigProvider.setClientLocale(locale);
    const documents = new Map<string, LangiumDocument<Document>>();
    const temporary = files.some(file => Array.isArray(file)) ? fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-lsp-')) : undefined;
    if (temporary) fs.writeFileSync(path.join(temporary, 'opsbook.json'), '{}');
    for (const file of files) {
        const [name, text] = Array.isArray(file) ? file : [file, fs.readFileSync(path.join(REPO, file), 'utf8')];
        const absolute = Array.isArray(file) ? path.join(temporary!, name) : path.join(REPO, name);
        if (Array.isArray(file)) {
            fs.mkdirSync(path.dirname(absolute), { recursive: true });
            fs.writeFileSync(absolute, text);
        }
        const document = shared.workspace.LangiumDocumentFactory.fromString<Document>(text, URI.file(absolute));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(name, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    return {
        services: Opsbook,
        ...(temporary ? { folder: temporary } : {}),
        documents,
        doc(file: string) {
            const document = documents.get(file);
            if (!document) throw new Error(`no document ${file}`);
            return document;
        }
    };
}

/** The position of the `occurrence`-th match of `needle` in the document (plus `shift` characters). */
export function positionOf(document: LangiumDocument, needle: string, shift = 0, occurrence = 1): Position {
    const text = document.textDocument.getText();
    let index = -1;
    for (let i = 0; i < occurrence; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`'${needle}' (occurrence ${occurrence}) not found in ${document.uri.path}`);
    }
    return document.textDocument.positionAt(index + shift);
}

export function textDocument(document: LangiumDocument): { uri: string } {
    return { uri: document.uri.toString() };
}
