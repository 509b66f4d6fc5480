import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import type { Document } from '../packages/language/src/index.js';
import { createOpsbookServices } from '../packages/language/src/lsp/index.js';

export const services = createOpsbookServices(EmptyFileSystem);
export const parse = parseHelper<Document>(services.Opsbook);

/** Parses and validates one in-memory document; returns it with its diagnostics. */
export async function check(text: string, uri?: string): Promise<LangiumDocument<Document>> {
    return parse(text, { validation: true, ...(uri ? { documentUri: uri } : {}) });
}
