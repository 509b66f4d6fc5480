// SPEC §8 "a person is one person across playbooks": capacity-overload sums a person's `responsible`
// shares over every workstream of the workspace whose playbook period overlaps (a workstream in a
// file without a playbook counts always), and names each share with its playbook.
import { describe, expect, test } from 'vitest';
import { loadWorkspace, positionOf, textDocument } from '../lsp/lsp-helpers.js';

const TEAM = 'person ann { capacity 100% }\nperson bob\n';
const HQ = 'import "team.ops"\nplaybook HQ { period 2027-Q3 }\nworkstream HqWork { responsible ann 40%  accountable bob }\n';
const EAST = 'import "team.ops"\nplaybook East { period 2027-Q3 }\nworkstream EastWork { responsible ann 70%  accountable bob }\n';
// The fourth quarter does not overlap the third: West's share never counts in HQ or East.
const WEST = 'import "team.ops"\nplaybook West { period 2027-Q4 }\nworkstream WestWork { responsible ann 70%  accountable bob }\n';
const SHARED = 'import "team.ops"\nworkstream Reporting { responsible ann 10%  accountable bob }\n';

function overloads(document: {
    diagnostics?: {
        code?: unknown;
        range: { start: { line: number; character: number } };
        message: string;
        relatedInformation?: { location: { uri: string }; message: string }[];
    }[];
}): string[] {
    return (document.diagnostics ?? [])
        .filter(d => d.code === 'capacity-overload')
        .map(
            d =>
                `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message} | ${(d.relatedInformation ?? []).map(r => `${r.location.uri.split('/').pop()}: ${r.message}`).join('; ')}`
        );
}

describe('one person in several playbooks', () => {
    test('shares of overlapping playbooks add up, each named with its playbook (else its file)', async () => {
        const ws = await loadWorkspace([
            ['team.ops', TEAM],
            ['hq.ops', HQ],
            ['east.ops', EAST],
            ['west.ops', WEST],
            ['shared.ops', SHARED]
        ]);
        expect(overloads(ws.doc('hq.ops'))).toEqual([
            "3:21 ann is responsible for 120% (HqWork 40% + EastWork 70% (East) + Reporting 10% (shared.ops)), 20% more than ann's capacity of 100%: lower the shares, share the work, or raise the capacity" +
                ' | hq.ops: ann is responsible for 40% in HqWork; east.ops: ann is responsible for 70% in EastWork; shared.ops: ann is responsible for 10% in Reporting'
        ]);
        expect(overloads(ws.doc('east.ops'))).toEqual([
            "3:23 ann is responsible for 120% (EastWork 70% + HqWork 40% (HQ) + Reporting 10% (shared.ops)), 20% more than ann's capacity of 100%: lower the shares, share the work, or raise the capacity" +
                ' | east.ops: ann is responsible for 70% in EastWork; hq.ops: ann is responsible for 40% in HqWork; shared.ops: ann is responsible for 10% in Reporting'
        ]);
        // West (Q4) overlaps neither: 70% + the 10% that counts always.
        expect(overloads(ws.doc('west.ops'))).toEqual([]);
        // A file without a playbook overlaps every playbook: 10 + 70 + 40 + 70.
        expect(overloads(ws.doc('shared.ops'))[0]?.split(' | ')[0]).toBe(
            "2:24 ann is responsible for 190% (Reporting 10% + EastWork 70% (East) + HqWork 40% (HQ) + WestWork 70% (West)), 90% more than ann's capacity of 100%: lower the shares, share the work, or raise the capacity"
        );
        expect(overloads(ws.doc('team.ops'))).toEqual([]);
        const ann = ws.services.analysis.PlaybookAnalyzer.analyze(ws.doc('hq.ops')).people.find(p => p.name === 'ann')!;
        expect([ann.load.toString(), ann.workspaceLoad.toString()]).toEqual(['40', '120']);
    });

    test('within capacity across playbooks: no diagnostic anywhere', async () => {
        const ws = await loadWorkspace([
            ['team.ops', TEAM],
            ['hq.ops', HQ],
            ['east.ops', EAST.replace('70%', '60%')]
        ]);
        for (const file of ['team.ops', 'hq.ops', 'east.ops']) expect(overloads(ws.doc(file))).toEqual([]);
    });

    test('in Chinese, each share of another playbook is named in full-width brackets', async () => {
        const ws = await loadWorkspace(
            [
                ['team.ops', TEAM],
                ['hq.ops', HQ],
                ['east.ops', EAST]
            ],
            'zh-CN'
        );
        expect(overloads(ws.doc('hq.ops'))[0]?.split(' | ')[0]).toBe(
            '3:21 ann 的执行份额合计 110%（HqWork 40% + EastWork 70%（East）），比其可投入时间 100% 多出 10%：请调低份额、把工作分给其他人，或调高 ann 的可投入时间（capacity）'
        );
    });

    test('hover on the person in a playbook shows the load across playbooks with each other share', async () => {
        const ws = await loadWorkspace([
            ['team.ops', TEAM],
            ['hq.ops', HQ],
            ['east.ops', EAST],
            ['west.ops', WEST]
        ]);
        const hq = ws.doc('hq.ops');
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(hq, {
            textDocument: textDocument(hq),
            position: positionOf(hq, 'ann', 1)
        });
        const text = (hover?.contents as { value?: string } | undefined)?.value ?? '';
        expect(text).toContain('Load: 40% of 100% capacity (40% used)');
        expect(text).toContain('Across playbooks: 110% of 100% capacity (110% used) — `EastWork` 70% (`East`)');
    });
});
