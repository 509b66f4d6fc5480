// SPEC §8 in the editor: the server knows the workspace's unopened files, and an edit in a region
// revalidates the national file it imports — diagnostics, inlay hints, code lenses and hover follow.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DocumentState, type LangiumDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { setTextDocument } from 'langium/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Document } from '../../packages/language/src/index.js';
import { createOpsbookServices } from '../../packages/language/src/lsp/index.js';
import type { OpsbookDocumentUpdateHandler } from '../../packages/language/src/lsp/workspace/opsbook-document-update-handler.js';

const FILES: Record<string, string> = {
    'metrics.ops': 'metric revenue money\n',
    'team.ops': 'person ann\nperson bob\n',
    'hq.ops':
        'import "metrics.ops"\nimport "team.ops"\nplaybook HQ { period 2027-Q3 }\ngoal Revenue { target 120M CNY revenue by 2027-09-30 }\n' +
        'campaign MidAutumn { type promotion  delivers 30M CNY revenue to Revenue }\nworkstream Promo { responsible ann 50%  accountable bob }\n',
    'east.ops':
        'import "metrics.ops"\nimport "hq.ops"\nplaybook East { period 2027-Q3 }\ngoal EastRevenue { target 50M CNY revenue by 2027-09-30  part of Revenue }\n',
    'south.ops':
        'import "metrics.ops"\nimport "hq.ops"\nimport "team.ops"\nplaybook South { period 2027-Q3 }\ngoal SouthRevenue { target 40M CNY revenue by 2027-09-30  part of Revenue }\n' +
        'workstream Live { responsible ann 50%  accountable bob }\n'
};

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
async function until(predicate: () => boolean): Promise<void> {
    const deadline = performance.now() + 10_000;
    while (!predicate()) {
        if (performance.now() > deadline) throw new Error('timed out');
        await sleep(5);
    }
}

describe('an edit in a region reaches the national file', () => {
    let folder: string;
    let session: Awaited<ReturnType<typeof start>>;

    async function start() {
        const { shared, Opsbook } = createOpsbookServices({ ...NodeFileSystem });
        shared.workspace.DocumentBuilder.updateBuildOptions = { validation: true };
        shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
        await shared.workspace.WorkspaceManager.initialize({
            capabilities: {},
            processId: null,
            rootUri: null,
            workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'org' }]
        });
        await shared.workspace.WorkspaceManager.initialized({});
        await shared.workspace.WorkspaceManager.ready;
        const handler = shared.lsp.DocumentUpdateHandler as OpsbookDocumentUpdateHandler;
        handler.delay = 0;
        const doc = (name: string) =>
            shared.workspace.LangiumDocuments.getDocument(URI.file(path.join(folder, name))) as LangiumDocument<Document>;
        let version = 0;
        const edit = (name: string, text: string) => {
            const document = TextDocument.create(URI.file(path.join(folder, name)).toString(), 'opsbook', ++version, text);
            setTextDocument(shared, document);
            handler.didChangeContent({ document });
        };
        const rules = (name: string) => (doc(name).diagnostics ?? []).map(d => `${d.code} ${d.message}`);
        return { shared, Opsbook, doc, edit, rules };
    }

    beforeAll(async () => {
        folder = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-org-editor-'));
        // Only the rules this test is about.
        const off = ['owner-missing', 'metric-unmonitored', 'no-review'];
        fs.writeFileSync(path.join(folder, 'opsbook.json'), JSON.stringify({ rules: Object.fromEntries(off.map(rule => [rule, 'off'])) }));
        for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(folder, name), text);
        session = await start();
    });
    afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

    test('unopened workspace files count from the start: the national goal is covered, the shared person loaded', () => {
        expect(session.rules('hq.ops')).toEqual([]);
        const ann = session.Opsbook.analysis.PlaybookAnalyzer.analyze(session.doc('hq.ops')).people.find(p => p.name === 'ann')!;
        expect(ann.workspaceLoad.toString()).toBe('100');
        const revenue = session.Opsbook.analysis.PlaybookAnalyzer.analyze(session.doc('hq.ops')).goals[0]!;
        expect(revenue.planned.toString()).toBe('120000000');
    });

    test('lowering the region target: the national diagnostics, inlay hint, code lens and hover change', async () => {
        const hq = session.doc('hq.ops');
        const hintsBefore = await session.Opsbook.lsp.InlayHintProvider!.getInlayHints(hq, {
            textDocument: { uri: hq.uri.toString() },
            range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }
        });
        expect(hintsBefore?.map(h => String(h.label))).toContain('planned 120,000,000 CNY (100%)');

        const validated: string[] = [];
        const listening = session.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            validated.push(path.basename(document.uri.fsPath));
        });
        session.edit('east.ops', FILES['east.ops']!.replace('target 50M', 'target 20M'));
        await until(() => session.rules('hq.ops').some(r => r.startsWith('goal-undercovered')));
        await session.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated);
        listening.dispose();
        // The edited region and the files it imports; not the other region (east.ops gives no one a share).
        expect(validated.sort()).toEqual(['east.ops', 'hq.ops', 'metrics.ops']);
        expect(session.rules('hq.ops')).toEqual([
            'goal-undercovered Revenue: planned 90,000,000 of 120,000,000 CNY revenue (75%), 30,000,000 short: MidAutumn 30,000,000; SouthRevenue 40,000,000 (south.ops); EastRevenue 20,000,000 (east.ops)'
        ]);
        const hq2 = session.doc('hq.ops');
        await session.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, hq2.uri);
        const hints = await session.Opsbook.lsp.InlayHintProvider!.getInlayHints(hq2, {
            textDocument: { uri: hq2.uri.toString() },
            range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }
        });
        expect(hints?.map(h => String(h.label))).toContain('planned 90,000,000 CNY (75%)');
        const lenses = await session.Opsbook.lsp.CodeLensProvider!.provideCodeLens(hq2, { textDocument: { uri: hq2.uri.toString() } });
        expect(lenses?.map(l => l.command?.title).join(' | ')).toContain('75%');

        const offset = hq2.textDocument.getText().indexOf('Revenue');
        const hover = await session.Opsbook.lsp.HoverProvider!.getHoverContent(hq2, {
            textDocument: { uri: hq2.uri.toString() },
            position: hq2.textDocument.positionAt(offset)
        });
        const text = (hover?.contents as { value?: string } | undefined)?.value;
        expect(text).toContain(
            [
                'Contributions:',
                '- campaign `MidAutumn`: 30,000,000 CNY (25%)',
                '- `east.ops` (`East`):',
                '  - goal `EastRevenue`: 20,000,000 CNY (17%)',
                '- `south.ops` (`South`):',
                '  - goal `SouthRevenue`: 40,000,000 CNY (33%)'
            ].join('\n')
        );
    });

    test("raising a region's share of a shared person: the national file's capacity-overload appears", async () => {
        const validated: string[] = [];
        const listening = session.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            validated.push(path.basename(document.uri.fsPath));
        });
        session.edit('south.ops', FILES['south.ops']!.replace('ann 50%', 'ann 70%'));
        await until(() => session.rules('hq.ops').some(r => r.startsWith('capacity-overload')));
        expect(session.rules('hq.ops').filter(r => r.startsWith('capacity-overload'))).toEqual([
            "capacity-overload ann is responsible for 120% (Promo 50% + Live 70% (South)), 20% more than ann's capacity of 100%: lower the shares, share the work, or raise the capacity"
        ]);
        await session.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated);
        listening.dispose();
        // A share changed: every file importing what south.ops imports may count ann (east.ops imports hq.ops).
        expect([...new Set(validated)].sort()).toEqual(['east.ops', 'hq.ops', 'metrics.ops', 'south.ops', 'team.ops']);
    });
});
