// SPEC §4/§8: a file that imports nothing and that no other file imports can have nothing added by the
// workspace, so its analysis asks the reference index nothing (per goal and person it used to: ≈ 14 ms
// per edit of a 10k-line file, bench/NOTES.md "Round three — plan preview"). A file with an importer
// still asks, and gets the importer's contributions.
import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import type { OpsbookIndexManager } from '../../packages/language/src/scope/opsbook-index-manager.js';
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
    const typed = vi.spyOn(index as OpsbookIndexManager, 'findReferencesOfType');
    try {
        const result = analyse(ws);
        const calls = [...spy.mock.calls, ...typed.mock.calls];
        const questions = calls.filter(([node]) => AstUtils.getDocument(node as AstNode) === solo).length;
        return { questions, analysis: result };
    } finally {
        spy.mockRestore();
        typed.mockRestore();
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

// SPEC §4: only a file that imports another can name its elements. The 1,000 playbooks of a workspace
// that all import one team file are imported by nobody: nothing of theirs is named elsewhere, so their
// goals and own people need no question to the index (bench/NOTES.md "Round four"); the team's people
// still get every file's load.
const TEAM = `person ann { capacity 100% }
person bob { capacity 50% }
metric revenue money
`;
const importer = (name: string, share: string) => `import "team.ops"
playbook ${name} { period 2027-Q3 currency CNY }
goal Revenue_${name} { target 10M CNY revenue by 2027-09-30 owner bob }
channel Direct_${name} { delivers 10M CNY revenue to Revenue_${name} }
person own_${name} { capacity 100% }
workstream Work_${name} { responsible ann ${share}  responsible own_${name} 40%  accountable bob }
`;

describe('a file nobody imports, importing a team file', () => {
    test("asks the index about none of its own nodes, and still adds the team's people's load in other files", async () => {
        const ws = await loadWorkspace([
            ['team.ops', TEAM],
            ['north.ops', importer('North', '60%')],
            ['south.ops', importer('South', '70%')]
        ]);
        const north = ws.doc('north.ops');
        const index = ws.services.shared.workspace.IndexManager;
        await ws.services.shared.workspace.DocumentBuilder.update([], []);
        // Every question to the index: by target, and by target and type of the referring node (a person's loads).
        const spy = vi.spyOn(index, 'findAllReferences');
        const typed = vi.spyOn(index as OpsbookIndexManager, 'findReferencesOfType');
        try {
            const analysis = ws.services.analysis.PlaybookAnalyzer.analyze(north);
            const asked = [...spy.mock.calls, ...typed.mock.calls].map(([node]) =>
                AstUtils.getDocument(node as AstNode)
                    .uri.path.split('/')
                    .pop()
            );
            expect(asked.filter(file => file === 'north.ops')).toEqual([]);
            expect(asked.filter(file => file === 'team.ops').length).toBeGreaterThan(0);
            const ann = analysis.people.find(p => p.name === 'ann');
            expect(ann?.load.toString()).toBe('60');
            expect(ann?.workspaceLoad.toString()).toBe('130');
            expect(ann?.elsewhere().map(line => `${line.workstream} ${line.share.toString()} ${line.playbook ?? line.file}`)).toEqual([
                'Work_South 70 South'
            ]);
            const own = analysis.people.find(p => p.name === 'own_North');
            expect([own?.load.toString(), own?.workspaceLoad.toString(), own?.elsewhere()]).toEqual(['40', '40', []]);
            expect(analysis.goals.map(g => [g.name, g.planned.toString(), g.contributions.length])).toEqual([
                ['Revenue_North', '10000000', 1]
            ]);
            expect(analysis.tree).toBeDefined();
            expect(analysis.tree!.children).toEqual([]);
        } finally {
            spy.mockRestore();
            typed.mockRestore();
        }
        // Everyone with no line in the file shares one empty list (the team's people of every importer).
        const south = ws.services.analysis.PlaybookAnalyzer.analyze(ws.doc('south.ops'));
        const bob = south.people.find(p => p.name === 'bob');
        const idle = ws.services.analysis.PlaybookAnalyzer.analyze(north).people.find(p => p.name === 'bob');
        expect(bob).toBeDefined();
        expect(idle).toBeDefined();
        expect(idle).not.toBe(bob);
        expect(bob!.responsibilities).toEqual([]);
        expect(bob!.responsibilities).toBe(idle!.responsibilities);
        // An imported person's capacity is one value for every importer.
        expect(bob!.capacity.toString()).toBe('50');
        expect(bob!.capacity).toBe(idle!.capacity);
    });
});
