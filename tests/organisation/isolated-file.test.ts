// SPEC §4/§8: a file that imports nothing and that no other file imports can have nothing added by the
// workspace, so its analysis asks the reference index nothing (per goal and person it used to: ≈ 14 ms
// per edit of a 10k-line file, bench/NOTES.md "Round three — plan preview"). A file with an importer
// still asks, and gets the importer's contributions.
import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import { loadWorkspace, type Workspace } from '../lsp/lsp-helpers.js';

const SOLO = `metric revenue money
playbook Solo { period 2027-Q3 currency CNY }
goal Revenue { target 120M CNY revenue by 2027-09-30 }
channel Direct { delivers 100M CNY revenue to Revenue }
person ann { capacity 100% }
workstream Work { responsible ann 60%  serves Revenue }
`;
const EAST = `import "solo.ops"
playbook East { period 2027-Q3 currency CNY }
channel Dealers { delivers 20M CNY revenue to Revenue }
workstream EastWork { responsible ann 70% }
`;

/** Solo's analysis computed afresh, and how many of the index's questions were about its nodes. */
async function analyseSolo(ws: Workspace): Promise<{ questions: number; analysis: ReturnType<typeof analyse> }> {
    const solo = ws.doc('solo.ops');
    const index = ws.services.shared.workspace.IndexManager;
    // Empties the analysis caches, as an edit does.
    await ws.services.shared.workspace.DocumentBuilder.update([], []);
    const spy = vi.spyOn(index, 'findAllReferences');
    try {
        const result = analyse(ws);
        const questions = spy.mock.calls.filter(([node]) => AstUtils.getDocument(node as AstNode) === solo).length;
        return { questions, analysis: result };
    } finally {
        spy.mockRestore();
    }
}

function analyse(ws: Workspace) {
    const analysis = ws.services.analysis.PlaybookAnalyzer.analyze(ws.doc('solo.ops'));
    const revenue = analysis.goals.find(g => g.name === 'Revenue');
    const ann = analysis.people.find(p => p.name === 'ann');
    return {
        planned: revenue?.planned?.toString(),
        contributions: revenue?.contributions.map(c => `${c.from}${c.file ? ` (${c.file})` : ''} ${c.amount.toString()}`),
        load: ann?.load.toString(),
        workspaceLoad: ann?.workspaceLoad.toString(),
        elsewhere: ann?.elsewhere().map(line => `${line.workstream} ${line.share.toString()} ${line.playbook ?? line.file}`),
        contributesTo: analysis.contributesTo.length,
        workspaceChannels: analysis.workspaceChannels.length
    };
}

describe('a file on its own', () => {
    test('asks the reference index nothing; its figures are its own', async () => {
        const ws = await loadWorkspace([['solo.ops', SOLO]]);
        const { questions, analysis } = await analyseSolo(ws);
        expect(questions).toBe(0);
        expect(analysis).toEqual({
            planned: '100000000',
            contributions: ['Direct 100000000'],
            load: '60',
            workspaceLoad: '60',
            elsewhere: [],
            contributesTo: 0,
            workspaceChannels: 0
        });
    });

    test('imported by another file, it asks, and counts what that file adds', async () => {
        const ws = await loadWorkspace([
            ['solo.ops', SOLO],
            ['east.ops', EAST]
        ]);
        const { questions, analysis } = await analyseSolo(ws);
        expect(questions).toBeGreaterThan(0);
        expect(analysis).toEqual({
            planned: '120000000',
            contributions: ['Direct 100000000', 'Dealers (east.ops) 20000000'],
            load: '60',
            workspaceLoad: '130',
            elsewhere: ['EastWork 70 East'],
            contributesTo: 0,
            workspaceChannels: 1
        });
    });
});
