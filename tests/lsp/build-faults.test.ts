// A failure while building one document fails that document only (OpsbookDocumentBuilder): whichever
// build phase throws, the other documents are built and validated, requests waiting for the failed
// document are answered, and the next edit of it builds it afresh.

import { DocumentState, EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createOpsbookServices } from '../../packages/language/src/lsp/index.js';

const GOOD = 'person alice\ngoal G { owner alice }\n';
const ALSO_GOOD = 'person bob\ngoal H { owner nobody }\n';

type Services = ReturnType<typeof createOpsbookServices>;

/** The phases a document goes through, each with a service that can be made to throw for one document. */
const PHASES: [string, DocumentState, (s: Services, bad: (uri: URI) => boolean) => void][] = [
    [
        'parse',
        DocumentState.Parsed,
        ({ Opsbook }) =>
            throwFor(Opsbook.parser.LangiumParser, 'parse', (text: unknown) => typeof text === 'string' && text.includes('person bad'))
    ],
    [
        'index',
        DocumentState.IndexedContent,
        ({ Opsbook }, bad) =>
            throwFor(Opsbook.references.ScopeComputation, 'collectExportedSymbols', (document: unknown) =>
                bad((document as LangiumDocument).uri)
            )
    ],
    [
        'scopes',
        DocumentState.ComputedScopes,
        ({ Opsbook }, bad) =>
            throwFor(Opsbook.references.ScopeComputation, 'collectLocalSymbols', (document: unknown) =>
                bad((document as LangiumDocument).uri)
            )
    ],
    [
        'link',
        DocumentState.Linked,
        ({ Opsbook }, bad) => throwFor(Opsbook.references.Linker, 'link', (document: unknown) => bad((document as LangiumDocument).uri))
    ],
    [
        'index references',
        DocumentState.IndexedReferences,
        ({ shared }, bad) =>
            throwFor(shared.workspace.IndexManager, 'updateReferences', (document: unknown) => bad((document as LangiumDocument).uri))
    ],
    [
        'validate',
        DocumentState.Validated,
        ({ Opsbook }, bad) =>
            throwFor(Opsbook.validation.DocumentValidator, 'validateDocument', (document: unknown) =>
                bad((document as LangiumDocument).uri)
            )
    ]
];

let broken = true;

/** Makes `object[method]` throw a TypeError while `broken` holds and `when(first argument)` does. */
function throwFor(object: object, method: string, when: (first: unknown) => boolean): void {
    const original = (object as Record<string, (...args: unknown[]) => unknown>)[method]!.bind(object);
    vi.spyOn(object as Record<string, (...args: unknown[]) => unknown>, method).mockImplementation((...args: unknown[]) => {
        if (broken && when(args[0])) throw new TypeError("Cannot read properties of undefined (reading 'boom')");
        return original(...args);
    });
}

afterEach(() => {
    vi.restoreAllMocks();
    broken = true;
});

describe('a failure in one build phase of one document', () => {
    test.each(PHASES)(
        '%s: the other documents are validated, the failed one is answered and shows an internal-error diagnostic',
        async (phase, state, inject) => {
            const services = createOpsbookServices(EmptyFileSystem);
            const { shared } = services;
            shared.workspace.DocumentBuilder.updateBuildOptions = { validation: true };
            await shared.workspace.WorkspaceManager.initialize({ capabilities: {}, processId: null, rootUri: null, workspaceFolders: [] });
            await shared.workspace.WorkspaceManager.initialized({});
            const [good, bad, other] = ['file:///ws/a.ops', 'file:///ws/bad.ops', 'file:///ws/z.ops'].map(uri => URI.parse(uri)) as [
                URI,
                URI,
                URI
            ];
            inject(services, uri => uri.toString() === bad.toString());
            const texts = new Map([
                [good, GOOD],
                [bad, 'person bad\n'],
                [other, ALSO_GOOD]
            ]);
            for (const [uri, text] of texts) setTextDocument(shared, TextDocument.create(uri.toString(), 'opsbook', 1, text));
            const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
            const builder = shared.workspace.DocumentBuilder;
            await builder.update([...texts.keys()], []);
            const documents = shared.workspace.LangiumDocuments;
            const codes = (uri: URI) =>
                documents
                    .getDocument(uri)
                    ?.diagnostics?.filter(d => d.severity === 1)
                    .map(d => `${d.code} ${d.message}`);
            expect(codes(good)).toEqual([]);
            expect(codes(other)).toEqual(["unresolved-reference unknown person 'nobody'"]);
            expect(codes(bad)).toEqual([
                `internal-error Opsbook could not check this file (${DocumentState[state]} failed: Cannot read properties of undefined (reading 'boom')); please report this with the file. Other files are checked as usual.`
            ]);
            expect(log).toHaveBeenCalledTimes(1);
            expect(String(log.mock.calls[0]?.[0])).toMatch(
                new RegExp(
                    `^Opsbook: building file:///ws/bad.ops failed \\(${DocumentState[state]}\\); the other documents are not affected: TypeError: Cannot read properties of undefined \\(reading 'boom'\\)\\n\\s+at `
                )
            );
            // Requests waiting for the failed document are answered, not left hanging.
            await expect(builder.waitUntil(DocumentState.Validated, bad)).resolves.toEqual(bad);
            // Fixed (the next edit no longer throws): the document builds afresh, without the internal error.
            broken = false;
            setTextDocument(shared, TextDocument.create(bad.toString(), 'opsbook', 2, 'person bad\ngoal B { owner ghost }\n'));
            await builder.update([bad], []);
            expect(codes(bad), phase).toEqual(["unresolved-reference unknown person 'ghost'"]);
        }
    );
});
