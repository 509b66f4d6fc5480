import type { AstNodeDescription, AstNodeDescriptionProvider, IndexManager, LangiumCoreServices, LangiumDocument } from 'langium';
import { DocumentCache, DocumentState } from 'langium';
import type { Document } from '../generated/ast.js';

/** The named elements of one file, indexed by name (several when a name is declared twice). */
export type FileSymbols = ReadonlyMap<string, readonly AstNodeDescription[]>;

/**
 * Hash-indexed names per file, computed once per document version. Linking looks names up here
 * instead of scanning streams (Langium's default scope goes quadratic inside one large file).
 */
export class SymbolTables {
    private readonly descriptions: AstNodeDescriptionProvider;
    private readonly index: IndexManager;
    private readonly cache: DocumentCache<string, FileSymbols>;

    constructor(services: LangiumCoreServices) {
        this.descriptions = services.workspace.AstNodeDescriptionProvider;
        this.index = services.shared.workspace.IndexManager;
        this.cache = new DocumentCache(services.shared);
    }

    of(document: LangiumDocument<Document>): FileSymbols {
        // Once indexed, a file's exports are exactly its named top-level elements (Langium's default
        // scope computation): the table reuses those descriptions instead of making a second set.
        if (document.state < DocumentState.IndexedContent) return this.compute(document, this.describe(document));
        return this.cache.get(document.uri, 'symbols', () =>
            this.compute(document, this.index.allElements(undefined, new Set([document.uri.toString()])))
        );
    }

    private describe(document: LangiumDocument<Document>): AstNodeDescription[] {
        const descriptions: AstNodeDescription[] = [];
        for (const element of document.parseResult.value.elements ?? []) {
            const name = (element as { name?: unknown }).name;
            if (typeof name === 'string' && name.length > 0)
                descriptions.push(this.descriptions.createDescription(element, name, document));
        }
        return descriptions;
    }

    private compute(document: LangiumDocument<Document>, descriptions: Iterable<AstNodeDescription>): FileSymbols {
        const table = new Map<string, AstNodeDescription[]>();
        for (const description of descriptions) {
            // Only top-level elements are visible by name (SPEC §4).
            if (description.node && description.node.$container !== document.parseResult.value) continue;
            const existing = table.get(description.name);
            if (existing) existing.push(description);
            else table.set(description.name, [description]);
        }
        return table;
    }
}
