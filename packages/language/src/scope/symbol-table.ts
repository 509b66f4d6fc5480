import type { AstNodeDescription, AstNodeDescriptionProvider, LangiumDocument } from 'langium';
import { DocumentCache } from 'langium';
import type { Document } from '../generated/ast.js';
import type { OpsbookServices } from '../opsbook-module.js';

/** The named elements of one file, indexed by name (several when a name is declared twice). */
export type FileSymbols = ReadonlyMap<string, readonly AstNodeDescription[]>;

/**
 * Hash-indexed names per file, computed once per document version. Linking looks names up here
 * instead of scanning streams (Langium's default scope goes quadratic inside one large file).
 */
export class SymbolTables {
    private readonly descriptions: AstNodeDescriptionProvider;
    private readonly cache: DocumentCache<string, FileSymbols>;

    constructor(services: OpsbookServices) {
        this.descriptions = services.workspace.AstNodeDescriptionProvider;
        this.cache = new DocumentCache(services.shared);
    }

    of(document: LangiumDocument<Document>): FileSymbols {
        return this.cache.get(document.uri, 'symbols', () => this.compute(document));
    }

    private compute(document: LangiumDocument<Document>): FileSymbols {
        const table = new Map<string, AstNodeDescription[]>();
        for (const element of document.parseResult.value.elements ?? []) {
            const name = (element as { name?: unknown }).name;
            if (typeof name !== 'string' || name.length === 0) continue;
            const description = this.descriptions.createDescription(element, name, document);
            const existing = table.get(name);
            if (existing) existing.push(description);
            else table.set(name, [description]);
        }
        return table;
    }
}
