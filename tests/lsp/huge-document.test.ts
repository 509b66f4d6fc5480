// A huge document in the editor (RELIABILITY.md, "Huge documents in the editor"): its rebuild is
// cancelled by the next edit wherever it is (parse, analysis), and requests on another document are
// answered while it is parsed and while it is analysed. Asserted by the order of events, not by timings.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentState, isOperationCancelled, type LangiumDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { setTextDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { singlePlaybook } from '../../bench/generate.mjs';
import type { Document } from '../../packages/language/src/index.js';
import { createOpsbookServices } from '../../packages/language/src/lsp/index.js';
import type { OpsbookDocumentUpdateHandler } from '../../packages/language/src/lsp/workspace/opsbook-document-update-handler.js';
import { CHUNKED_PARSE_THRESHOLD } from '../../packages/language/src/parser/chunked-parser.js';
import type { OpsbookDocumentFactory } from '../../packages/language/src/workspace/opsbook-document-factory.js';

const SMALL =
    'metric signups "Signups" count\nperson alice "Alice"\ngoal Seed "Seed users" {\n  target 2万 signups by 2027-03-31\n  owner alice\n}\n';
const HUGE = singlePlaybook(12_000);

/** An editor session (text documents + the update handler, as the server drives them) with huge.ops and small.ops built. */
async function session() {
    const { shared, Opsbook } = createOpsbookServices(NodeFileSystem);
    shared.workspace.DocumentBuilder.updateBuildOptions = { validation: true };
    const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-huge-')));
    fs.writeFileSync(path.join(folder, 'opsbook.json'), '{}\n');
    fs.writeFileSync(path.join(folder, 'huge.ops'), HUGE);
    fs.writeFileSync(path.join(folder, 'small.ops'), SMALL);
    await shared.workspace.WorkspaceManager.initialize({ capabilities: {}, processId: null, rootUri: null, workspaceFolders: [] });
    await shared.workspace.WorkspaceManager.initialized({});
    const handler = shared.lsp.DocumentUpdateHandler as OpsbookDocumentUpdateHandler;
    handler.delay = 0;
    const huge = pathToFileURL(path.join(folder, 'huge.ops')).href;
    const small = pathToFileURL(path.join(folder, 'small.ops')).href;
    const versions = new Map<string, number>();
    const edit = (uri: string, text: string) => {
        const document = TextDocument.create(uri, 'opsbook', (versions.get(uri) ?? 0) + 1, text);
        versions.set(uri, document.version);
        setTextDocument(shared, document);
        handler.didChangeContent({ document });
    };
    for (const [uri, text] of [
        [huge, HUGE],
        [small, SMALL]
    ] as const) {
        // Opened in the editor: built at once.
        const document = TextDocument.create(uri, 'opsbook', 1, text);
        versions.set(uri, 1);
        setTextDocument(shared, document);
        handler.didOpenDocument({ document });
        handler.didChangeContent({ document });
    }
    const builder = shared.workspace.DocumentBuilder;
    await builder.waitUntil(DocumentState.Validated, URI.parse(huge));
    await builder.waitUntil(DocumentState.Validated, URI.parse(small));
    const smallDocument = shared.workspace.LangiumDocuments.getDocument(URI.parse(small)) as LangiumDocument<Document>;
    /** A hover on small.ops as the server answers it: wait until it is linked, then ask the provider. */
    const hoverSmall = async (): Promise<string> => {
        await builder.waitUntil(DocumentState.Linked, URI.parse(small));
        const hover = await Opsbook.lsp.HoverProvider?.getHoverContent(smallDocument, {
            textDocument: { uri: small },
            position: { line: 2, character: 6 }
        });
        const contents = hover?.contents as { value?: string } | undefined;
        return contents?.value ?? '';
    };
    const hugeDocument = () => shared.workspace.LangiumDocuments.getDocument(URI.parse(huge)) as LangiumDocument<Document>;
    return { shared, Opsbook, builder, huge, small, edit, hoverSmall, hugeDocument };
}

/** Hovers on small.ops, one after the other, each recorded in `events` with its answer, until `stop()`. */
function hoverLoop(hover: () => Promise<string>, events: string[]) {
    let running = true;
    const done = (async () => {
        while (running) {
            const answer = await hover();
            events.push(answer.includes('Seed users') ? 'hover answered' : `hover answered wrongly: ${answer}`);
            await new Promise(resolve => setTimeout(resolve, 1));
        }
    })();
    return async () => {
        running = false;
        await done;
    };
}

describe('a huge document in the editor', () => {
    test('is parsed in slices by the document builder: hovers on another file are answered during its parse and during its analysis', async () => {
        expect(HUGE.length).toBeGreaterThan(CHUNKED_PARSE_THRESHOLD);
        const { Opsbook, builder, huge, edit, hoverSmall, hugeDocument } = await session();
        const events: string[] = [];
        const parser = Opsbook.parser.AsyncParser;
        const parse = parser.parse.bind(parser);
        parser.parse = (async (text: string, token: Parameters<typeof parser.parse>[1]) => {
            events.push('parse started');
            const result = await parse(text, token);
            events.push('parse done');
            return result;
        }) as typeof parser.parse;
        const analyzer = Opsbook.analysis.PlaybookAnalyzer;
        const analyzeAsync = analyzer.analyzeAsync.bind(analyzer);
        analyzer.analyzeAsync = async (document, token) => {
            if (document.uri.toString() !== huge) return analyzeAsync(document, token);
            events.push('analysis started');
            const result = await analyzeAsync(document, token);
            events.push('analysis done');
            return result;
        };
        edit(huge, `${HUGE}goal Extra "Extra" { owner nobody }\n`);
        const stop = hoverLoop(hoverSmall, events);
        await builder.waitUntil(DocumentState.Validated, URI.parse(huge));
        await stop();
        // The new text was taken in: its unresolved owner is reported.
        expect(hugeDocument().diagnostics?.filter(d => d.message.includes("'nobody'")).length).toBe(1);
        const between = (from: string, to: string) => events.slice(events.indexOf(from) + 1, events.indexOf(to));
        expect(events.filter(e => e.startsWith('hover answered wrongly'))).toEqual([]);
        expect(events.filter(e => !e.startsWith('hover'))).toEqual(['parse started', 'parse done', 'analysis started', 'analysis done']);
        // Without the slices (one synchronous parse, one synchronous analysis) nothing is answered in between.
        expect(between('parse started', 'parse done')).toContain('hover answered');
        expect(between('analysis started', 'analysis done')).toContain('hover answered');
    });

    test('a rebuild is cancelled by the next edit while it parses, and while it analyses', async () => {
        const { shared, Opsbook, builder, huge, edit, hugeDocument } = await session();
        // The parse of the whole text (an edit of the last element alone would be re-parsed incrementally, in one go).
        (shared.workspace.LangiumDocumentFactory as OpsbookDocumentFactory).incremental = false;
        const outcomes: string[] = [];
        const textA = `${HUGE}goal A "A" { owner nobodyA }\n`;
        const textB = `${HUGE}goal B "B" { owner nobodyB }\n`;
        const textC = `${HUGE}goal C "C" { owner nobodyC }\n`;
        const label = (text: string) => (text === textA ? 'A' : text === textB ? 'B' : text === textC ? 'C' : '?');
        const parser = Opsbook.parser.AsyncParser;
        const parse = parser.parse.bind(parser);
        parser.parse = (async (text: string, token: Parameters<typeof parser.parse>[1]) => {
            outcomes.push(`parse ${label(text)} started`);
            // The next edit arrives while A is being parsed.
            if (text === textA) setTimeout(() => edit(huge, textB), 0);
            try {
                const result = await parse(text, token);
                outcomes.push(`parse ${label(text)} done`);
                return result;
            } catch (error) {
                outcomes.push(`parse ${label(text)} ${isOperationCancelled(error) ? 'cancelled' : 'failed'}`);
                throw error;
            }
        }) as typeof parser.parse;
        const analyzer = Opsbook.analysis.PlaybookAnalyzer;
        const analyzeAsync = analyzer.analyzeAsync.bind(analyzer);
        analyzer.analyzeAsync = async (document, token) => {
            if (document.uri.toString() !== huge) return analyzeAsync(document, token);
            const name = label(document.textDocument.getText());
            outcomes.push(`analysis ${name} started`);
            // The next edit arrives while B is being analysed.
            if (name === 'B') setTimeout(() => edit(huge, textC), 0);
            try {
                const result = await analyzeAsync(document, token);
                outcomes.push(`analysis ${name} done`);
                return result;
            } catch (error) {
                outcomes.push(`analysis ${name} ${isOperationCancelled(error) ? 'cancelled' : 'failed'}`);
                throw error;
            }
        };
        edit(huge, textA);
        await new Promise<void>(resolve => {
            const check = () => (outcomes.includes('analysis C done') ? resolve() : setTimeout(check, 5));
            check();
        });
        await builder.waitUntil(DocumentState.Validated, URI.parse(huge));
        expect(outcomes).toEqual([
            'parse A started',
            'parse A cancelled',
            'parse B started',
            'parse B done',
            'analysis B started',
            'analysis B cancelled',
            'parse C started',
            'parse C done',
            'analysis C started',
            'analysis C done'
        ]);
        const owners = (hugeDocument().diagnostics ?? []).map(d => /'(nobody[ABC])'/.exec(d.message)?.[1]).filter(Boolean);
        expect(owners).toEqual(['nobodyC']);
    });
});
