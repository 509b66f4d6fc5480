import type { AstNodeDescription, AstNodeDescriptionProvider, IndexManager, LangiumCoreServices, LangiumDocument } from 'langium';
import { DocumentCache, DocumentState } from 'langium';
import type { Document } from '../generated/ast.js';
import { OpsbookIndexManager } from './opsbook-index-manager.js';

/**
 * The named elements of one file, indexed by name (several when a name is declared twice). A map of
 * lists to its readers; inside, a name declared once keeps its description alone, not in a list of one
 * (a list is 56 bytes more per name: a 100k-line playbook has 25k names). Linking asks `find` and `first`,
 * which make no list.
 */
export class FileSymbols implements ReadonlyMap<string, readonly AstNodeDescription[]> {
    private readonly byName = new Map<string, AstNodeDescription | AstNodeDescription[]>();

    add(description: AstNodeDescription): void {
        const existing = this.byName.get(description.name);
        if (existing === undefined) this.byName.set(description.name, description);
        else if (Array.isArray(existing)) existing.push(description);
        else this.byName.set(description.name, [existing, description]);
    }

    /** The first description named `name` (in file order). */
    first(name: string): AstNodeDescription | undefined {
        const found = this.byName.get(name);
        return Array.isArray(found) ? found[0] : found;
    }

    /** The first description named `name` that `accepts` takes. */
    find(name: string, accepts: (description: AstNodeDescription) => boolean): AstNodeDescription | undefined {
        const found = this.byName.get(name);
        if (found === undefined) return undefined;
        if (!Array.isArray(found)) return accepts(found) ? found : undefined;
        return found.find(accepts);
    }

    /** The names declared more than once, with their descriptions in file order. */
    *duplicates(): Generator<[string, readonly AstNodeDescription[]]> {
        for (const [name, found] of this.byName) if (Array.isArray(found)) yield [name, found];
    }

    get(name: string): readonly AstNodeDescription[] | undefined {
        const found = this.byName.get(name);
        return found === undefined || Array.isArray(found) ? found : [found];
    }

    has(name: string): boolean {
        return this.byName.has(name);
    }

    get size(): number {
        return this.byName.size;
    }

    *entries(): MapIterator<[string, readonly AstNodeDescription[]]> {
        for (const [name, found] of this.byName) yield [name, Array.isArray(found) ? found : [found]];
    }

    keys(): MapIterator<string> {
        return this.byName.keys();
    }

    *values(): MapIterator<readonly AstNodeDescription[]> {
        for (const [, descriptions] of this.entries()) yield descriptions;
    }

    forEach(
        visit: (value: readonly AstNodeDescription[], key: string, map: ReadonlyMap<string, readonly AstNodeDescription[]>) => void
    ): void {
        for (const [name, descriptions] of this.entries()) visit(descriptions, name, this);
    }

    [Symbol.iterator](): MapIterator<[string, readonly AstNodeDescription[]]> {
        return this.entries();
    }
}

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
        return this.cache.get(document.uri, 'symbols', () => {
            const uri = document.uri.toString();
            const index = this.index;
            // Our index answers for one file; Langium's `allElements` walks every file's key to find it.
            return this.compute(
                document,
                index instanceof OpsbookIndexManager ? index.exportsOf(uri) : index.allElements(undefined, new Set([uri]))
            );
        });
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
        const table = new FileSymbols();
        for (const description of descriptions) {
            // Only top-level elements are visible by name (SPEC §4).
            if (description.node && description.node.$container !== document.parseResult.value) continue;
            table.add(description);
        }
        return table;
    }
}
