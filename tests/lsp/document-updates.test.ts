import * as fs from 'node:fs';
import { DocumentState, EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createOpsbookServices, type Document } from '../../packages/language/src/index.js';
import { OpsbookDocumentUpdateHandler } from '../../packages/language/src/lsp/workspace/opsbook-document-update-handler.js';
import { loadWorkspace } from './lsp-helpers.js';

/** In-memory services driven like the language server drives them: text documents plus the update handler. */
async function editorSession(delay: number) {
    const { shared, Opsbook } = createOpsbookServices(EmptyFileSystem);
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
        const ws = await loadWorkspace([['team.ops', 'person alice\n'], ['plan.ops', 'import "team.ops"\nmetric carol count\n']]);
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
