import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentState, EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { setTextDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Document } from '../../packages/language/src/index.js';
import { createOpsbookServices } from '../../packages/language/src/lsp/index.js';
import { OpsbookDocumentUpdateHandler, quietTime } from '../../packages/language/src/lsp/workspace/opsbook-document-update-handler.js';
import { loadWorkspace } from './lsp-helpers.js';

/** In-memory services driven like the language server drives them: text documents plus the update handler. */
async function editorSession(delay: number, fileSystem: Parameters<typeof createOpsbookServices>[0] = EmptyFileSystem) {
    const { shared, Opsbook } = createOpsbookServices(fileSystem);
    shared.workspace.DocumentBuilder.updateBuildOptions = { validation: true };
    await shared.workspace.WorkspaceManager.initialize({ capabilities: {}, processId: null, rootUri: null, workspaceFolders: [] });
    await shared.workspace.WorkspaceManager.initialized({});
    const handler = shared.lsp.DocumentUpdateHandler as OpsbookDocumentUpdateHandler;
    expect(handler).toBeInstanceOf(OpsbookDocumentUpdateHandler);
    handler.delay = delay;
    const validated: string[] = [];
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
        validated.push(document.textDocument.getText());
    });
    const uri = 'file:///session/plan.ops';
    let version = 0;
    const edit = (text: string) => {
        const document = TextDocument.create(uri, 'opsbook', ++version, text);
        setTextDocument(shared, document);
        handler.didChangeContent({ document });
    };
    const current = () => shared.workspace.LangiumDocuments.getDocument(URI.parse(uri)) as LangiumDocument<Document> | undefined;
    return { shared, Opsbook, handler, validated, uri, edit, current };
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Polls until `predicate` holds (builds run on their own timers here); fails after 10 s. */
async function until(predicate: () => boolean): Promise<void> {
    const deadline = performance.now() + 10_000;
    while (!predicate()) {
        if (performance.now() > deadline) throw new Error('timed out');
        await sleep(5);
    }
}

describe('diagnostics as you type', () => {
    test('edits closer together than the delay are built once, with the last text', async () => {
        const session = await editorSession(40);
        for (const n of [1, 2, 3, 4, 5]) session.edit(`person p${n}\n`);
        expect(session.handler.hasPendingEdits(session.uri)).toBe(true);
        await session.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, URI.parse(session.uri));
        expect(session.validated).toEqual(['person p5\n']);
        expect(session.handler.hasPendingEdits()).toBe(false);
    });

    test('edits further apart than the delay are each built', async () => {
        const session = await editorSession(5);
        session.edit('person a\n');
        await until(() => session.validated.length === 1);
        session.edit('person b\n');
        await until(() => session.validated.length === 2);
        expect(session.validated).toEqual(['person a\n', 'person b\n']);
    });

    test('a request right after an edit reads the new text without waiting for the delay', async () => {
        const session = await editorSession(60_000);
        session.edit('person a\n');
        const started = performance.now();
        await session.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, URI.parse(session.uri));
        expect(performance.now() - started).toBeLessThan(10_000);
        expect(session.current()?.parseResult.value.elements.map(e => (e as { name?: string }).name)).toEqual(['a']);
        session.edit('person a\nperson b\n');
        await session.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, URI.parse(session.uri));
        expect(session.current()?.parseResult.value.elements.map(e => (e as { name?: string }).name)).toEqual(['a', 'b']);
    });

    test('a newer edit cancels the build of the older text before it is validated', async () => {
        const session = await editorSession(0);
        const old = `${Array.from({ length: 400 }, (_, i) => `person p${i} { role "r" capacity 50% }`).join('\n')}\n`;
        let cancelledOnce = false;
        session.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Parsed, document => {
            // While the old text is being built, the user types again.
            if (!cancelledOnce && document.textDocument.getText() === old) {
                cancelledOnce = true;
                session.edit('person newer\n');
            }
        });
        session.edit(old);
        await sleep(50);
        await session.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, URI.parse(session.uri));
        await sleep(50);
        expect(cancelledOnce).toBe(true);
        expect(session.validated).toEqual(['person newer\n']);
    });

    test('a file just opened is built without waiting for the delay', async () => {
        const session = await editorSession(60_000);
        const document = TextDocument.create(session.uri, 'opsbook', 1, 'person opened\n');
        setTextDocument(session.shared, document);
        session.handler.didOpenDocument({ document });
        session.handler.didChangeContent({ document });
        await until(() => session.validated.length === 1);
        expect(session.validated).toEqual(['person opened\n']);
        expect(session.handler.hasPendingEdits()).toBe(false);
    });
});

describe('rebuilds follow imports', () => {
    test('a file importing a changed file is revalidated even without references into it', async () => {
        const ws = await loadWorkspace([
            ['team.ops', 'person alice\n'],
            ['plan.ops', 'import "team.ops"\nmetric carol count\n']
        ]);
        const shared = ws.services.shared;
        expect(ws.doc('plan.ops').diagnostics?.map(d => d.code)).toEqual([]);
        const team = ws.doc('team.ops');
        // team.ops now also declares `carol`, which plan.ops declares too (as a watched file change).
        fs.writeFileSync(team.uri.fsPath, 'person alice\nperson carol\n');
        await shared.workspace.DocumentBuilder.update([team.uri], []);
        const plan = shared.workspace.LangiumDocuments.getDocument(ws.doc('plan.ops').uri);
        expect(plan?.diagnostics?.map(d => `${d.code} ${d.message}`)).toEqual([
            "duplicate-name 'carol' is also defined as a person in team.ops, which this file imports: rename one of them"
        ]);
    });
});

describe('a large document does not hold up the others', () => {
    /** Two documents in one editor session: `big.ops` (about 1 MB) and `small.ops`, built, in a workspace folder. */
    async function twoDocuments(smallText = 'person alice\n') {
        const session = await editorSession(10, NodeFileSystem);
        const builder = session.shared.workspace.DocumentBuilder;
        const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-updates-')));
        fs.writeFileSync(path.join(folder, 'opsbook.json'), '{}\n');
        const bigText = `${Array.from({ length: 20_000 }, (_, i) => `person p${i} "Person ${i}" { role "Role" capacity 50% }`).join('\n')}\n`;
        fs.writeFileSync(path.join(folder, 'big.ops'), bigText);
        fs.writeFileSync(path.join(folder, 'small.ops'), smallText);
        const big = pathToFileURL(path.join(folder, 'big.ops')).href;
        const small = pathToFileURL(path.join(folder, 'small.ops')).href;
        const versions = new Map<string, number>();
        const edit = (uri: string, text: string) => {
            const document = TextDocument.create(uri, 'opsbook', (versions.get(uri) ?? 0) + 1, text);
            versions.set(uri, document.version);
            setTextDocument(session.shared, document);
            session.handler.didChangeContent({ document });
        };
        for (const [uri, text] of [
            [big, bigText],
            [small, smallText]
        ] as const) {
            const document = TextDocument.create(uri, 'opsbook', 1, text);
            versions.set(uri, 1);
            setTextDocument(session.shared, document);
            session.handler.didOpenDocument({ document });
            session.handler.didChangeContent({ document });
        }
        await builder.waitUntil(DocumentState.Validated, URI.parse(big));
        await builder.waitUntil(DocumentState.Validated, URI.parse(small));
        return { session, builder, big, small, bigText, edit };
    }

    test('a request about another file is ready before the large one is parsed again after a keystroke', async () => {
        const { session, builder, big, small, bigText, edit } = await twoDocuments();
        const events: string[] = [];
        builder.onDocumentPhase(DocumentState.Parsed, document => {
            events.push(`parsed ${document.uri.path}`);
        });
        edit(big, `${bigText}person last\n`);
        // The next request comes a little later (as a hover does): the large file's edit is still
        // waiting for the text to be quiet, so nothing holds the request up.
        await sleep(30);
        await builder.waitUntil(DocumentState.Linked, URI.parse(small));
        events.push('small ready');
        expect(session.handler.hasPendingEdits(big)).toBe(true);
        await builder.waitUntil(DocumentState.Validated, URI.parse(big));
        expect(events).toEqual(['small ready', `parsed ${URI.parse(big).path}`]);
    });

    test('a request waits for the pending edits of its own file and of the files it imports, not of the others', async () => {
        const { session, builder, big, small, bigText, edit } = await twoDocuments('import "big.ops"\nperson alice\n');
        expect(session.shared.workspace.LangiumDocuments.getDocument(URI.parse(small))?.diagnostics?.filter(d => d.severity === 1)).toEqual(
            []
        );
        const other = small.replace('small.ops', 'other.ops');
        edit(other, 'person zoe\n');
        await builder.waitUntil(DocumentState.Validated, URI.parse(other));
        edit(big, `${bigText}person last\n`);
        await builder.waitUntil(DocumentState.Linked, URI.parse(other));
        expect(session.handler.hasPendingEdits(big)).toBe(true);
        // small.ops imports big.ops: its names may have changed, so the edit is built first.
        await builder.waitUntil(DocumentState.Linked, URI.parse(small));
        expect(session.handler.hasPendingEdits(big)).toBe(false);
    });
});

describe('the short quiet time after a small edit', () => {
    // 120,000 characters: the quiet time by size is 24 ms, the diagnostics delay 1 ms.
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `person p${i} "P${i}" {\n    capacity 50%\n}\n`).join('');
    const text = `${filler(3000)}goal g "目标" {\n}\n`.padEnd(120_000, '\n');
    const built = (session: Awaited<ReturnType<typeof editorSession>>, expected: string) =>
        until(() => session.current()?.state === DocumentState.Validated && session.current()?.textDocument.getText() === expected);
    /**
     * An editor session on one document, opened with `first`: each `type(next)` waits until the text
     * before is built, edits it to `next` and gives the quiet time that edit got.
     */
    const editing = async (first: string) => {
        const session = await editorSession(1);
        let current = first;
        session.edit(first);
        return async (next: string) => {
            await built(session, current);
            session.edit(next);
            current = next;
            return session.handler.lastQuietTime;
        };
    };

    test('is taken only when the document has a parse without a syntax error to re-parse from', async () => {
        const type = await editing(text);
        const typed = text.replace('"目标"', '"目标一"');
        expect(await type(typed)).toBe(1);
        // A syntax error: the last parse without one is kept as the base, so the next small edit is quick too.
        const broken = typed.replace('goal g "目标一" {', 'goal g "目标一" {{');
        expect(await type(broken)).toBe(1);
        expect(await type(broken.replace('"目标一"', '"目标二"'))).toBe(1);
    });

    test('is not taken for a document with a syntax error since it was opened', async () => {
        const broken = text.replace('goal g "目标" {', 'goal g "目标" {{');
        const type = await editing(broken);
        const typed = broken.replace('"目标"', '"目标一"');
        // The wait by size (as for a whole-text parse), not the diagnostics delay.
        const wait = await type(typed);
        expect(wait).toBe(quietTime(1, typed.length));
        expect(wait).toBeGreaterThan(20);
    });

    test('is not taken after an edit inside one element too large to re-parse alone', async () => {
        // One goal of 300,000 characters (a long comment inside it): an edit inside it parses the whole text.
        const huge = `goal g "目标" {\n/* ${'长'.repeat(300_000)} */\n}\n`;
        const type = await editing(huge);
        const once = huge.replace('"目标"', '"目标一"');
        expect(await type(once)).toBe(1);
        const twice = once.replace('"目标一"', '"目标二"');
        const wait = await type(twice);
        expect(wait).toBe(quietTime(1, twice.length));
        expect(wait).toBeGreaterThan(50);
    });
});
