// The symbol tables reuse the index's descriptions once a file is indexed, and describe the file
// themselves before that (a file asked about between parsing and indexing).

import { DefaultAstNodeDescriptionProvider, DocumentState, EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../packages/language/src/generated/ast.js';
import { createOpsbookServices } from '../../packages/language/src/lsp/index.js';
import type { OpsbookIndexManager } from '../../packages/language/src/scope/opsbook-index-manager.js';

const TEXT =
    'person ann\nmetric signups count\ngoal G { target 5 signups by 2027-01-31 owner ann }\nassessment ann { kpi G weight 100% }\nperson ann\n';

describe('symbol tables', () => {
    it('hold the named top-level elements by name, the same before and after indexing', async () => {
        const { shared, Opsbook } = createOpsbookServices(EmptyFileSystem);
        const document = shared.workspace.LangiumDocumentFactory.fromString<Document>(TEXT, URI.parse('file:///w/a.ops'));
        shared.workspace.LangiumDocuments.addDocument(document);
        const shape = (table: ReadonlyMap<string, readonly { name: string; type: string; path: string; node?: unknown }[]>) =>
            [...table].map(([name, descriptions]) => [name, descriptions.map(d => `${d.type} ${d.path}`)]);

        expect(document.state).toBeLessThan(DocumentState.IndexedContent);
        const before = Opsbook.references.SymbolTables.of(document);
        expect(shape(before)).toEqual([
            ['ann', ['Person /elements@0', 'Person /elements@4']],
            ['signups', ['Metric /elements@1']],
            ['G', ['Goal /elements@2']]
        ]);

        await shared.workspace.DocumentBuilder.build([document]);
        const after = Opsbook.references.SymbolTables.of(document);
        expect(shape(after)).toEqual(shape(before));
        // Indexed: the very descriptions of Langium's index, not a second set.
        const indexed = shared.workspace.IndexManager.allElements(undefined, new Set([document.uri.toString()])).toArray();
        expect(after.get('G')?.[0]).toBe(indexed.find(d => d.name === 'G'));
    });
    it("read an indexed file's exports from the index by its URI, not by walking every file's (`allElements`)", async () => {
        const { shared, Opsbook } = createOpsbookServices(EmptyFileSystem);
        const documents = ['a', 'b', 'c'].map(name => {
            const document = shared.workspace.LangiumDocumentFactory.fromString<Document>(
                `person p_${name}\nmetric m_${name} count\n`,
                URI.parse(`file:///w/${name}.ops`)
            );
            shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await shared.workspace.DocumentBuilder.build(documents);
        const index = shared.workspace.IndexManager as OpsbookIndexManager;
        const walks: unknown[] = [];
        const allElements = index.allElements.bind(index);
        index.allElements = (...args) => {
            walks.push(args);
            return allElements(...args);
        };
        for (const document of documents) {
            const uri = document.uri.toString();
            const table = Opsbook.references.SymbolTables.of(document);
            // The same descriptions, in the same order, as Langium's `allElements` for that one file.
            expect([...table.values()].flat()).toEqual(allElements(undefined, new Set([uri])).toArray());
            expect(index.exportsOf(uri)).toEqual(allElements(undefined, new Set([uri])).toArray());
        }
        expect(walks).toEqual([]);
        expect(index.exportsOf('file:///w/none.ops')).toEqual([]);
    });
});

describe('element descriptions', () => {
    it('read the same as Langium’s eager ones: name, type, path, document, name and selection segments', async () => {
        const { shared, Opsbook } = createOpsbookServices(EmptyFileSystem);
        const document = shared.workspace.LangiumDocumentFactory.fromString<Document>(TEXT, URI.parse('file:///w/b.ops'));
        const eager = new DefaultAstNodeDescriptionProvider(Opsbook);
        const ours = Opsbook.workspace.AstNodeDescriptionProvider;
        const view = (d: ReturnType<typeof eager.createDescription>) => ({
            name: d.name,
            type: d.type,
            path: d.path,
            uri: d.documentUri.toString(),
            node: d.node,
            name_: d.nameSegment,
            selection: d.selectionSegment
        });
        let compared = 0;
        for (const element of document.parseResult.value.elements) {
            if (!('name' in element)) continue;
            expect(view(ours.createDescription(element, undefined, document))).toEqual(
                view(eager.createDescription(element, undefined, document))
            );
            compared++;
        }
        expect(compared).toBe(4);
    });
});
