// SPEC §5 with §8: goal-undercovered and goal-overcommitted report the analysis's verdict (`goal.status`,
// `goal.shortfall`, `goal.excess`, `goal.coverage`), which is final only once the children's
// contributions are added (workspace-figures.ts calls finishCoverage again). A parent whose own plan
// alone would say otherwise: the diagnostics, the figures and the hover agree.
import type { LangiumDocument } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import type { GoalFigures } from '../../packages/language/src/analysis/model.js';
import type { Document } from '../../packages/language/src/index.js';
import { loadWorkspace, type Workspace } from '../lsp/lsp-helpers.js';

const METRICS = 'metric stores count\nperson a\n';
// Alone, HQ's goals would be: Stores undercovered (400 of 1000), Depots covered (100 of 100), Kiosks
// undercovered (50 of 200). With East: Stores covered, Depots overcommitted, Kiosks still undercovered.
const HQ = `import "metrics.ops"
playbook HQ { period 2027-Q3 currency CNY }
goal Stores { target 1000 stores by 2027-09-30  owner a }
goal Depots { target 100 stores by 2027-09-30  owner a }
goal Kiosks { target 200 stores by 2027-09-30  owner a }
channel Own { owner a  delivers 400 stores to Stores  delivers 100 stores to Depots  delivers 50 stores to Kiosks }
`;
const EAST = `import "metrics.ops"
import "hq.ops"
playbook East { period 2027-Q3 currency CNY  part of HQ }
goal EastStores { target 600 stores by 2027-09-30  owner a  part of Stores }
channel Dealers { owner a  delivers 600 stores to EastStores  delivers 80 stores to Depots  delivers 30 stores to Kiosks }
`;

describe('the coverage rules report the analysis’s final status', () => {
    let ws: Workspace;
    let hq: LangiumDocument<Document>;
    let goals: GoalFigures[];
    beforeAll(async () => {
        ws = await loadWorkspace([
            ['metrics.ops', METRICS],
            ['hq.ops', HQ],
            ['east.ops', EAST]
        ]);
        hq = ws.doc('hq.ops');
        goals = ws.services.analysis.PlaybookAnalyzer.analyze(hq).goals;
    });

    const coverage = () =>
        (hq.diagnostics ?? [])
            .filter(d => d.code === 'goal-undercovered' || d.code === 'goal-overcommitted')
            .map(d => `${d.code} ${d.range.start.line + 1} ${JSON.stringify(d.data ?? null)} ${d.message}`);

    test('status, shortfall and excess include the children', () => {
        expect(goals.map(g => `${g.name} ${g.status} ${g.planned} ${g.shortfall ?? '-'} ${g.excess ?? '-'} ${g.coverage}`)).toEqual([
            'Stores covered 1000 - - 1',
            'Depots overcommitted 180 - 80 1.8',
            'Kiosks undercovered 80 120 - 0.4'
        ]);
    });

    test('one diagnostic per goal whose status says so, with the same figures', () => {
        expect(coverage()).toEqual([
            'goal-overcommitted 4 {"code":"goal-overcommitted","message":"goalOvercommitted"} Depots: planned 180 of 100 stores (180%), more than 150% of the target, 80 more than needed: Own 100; Dealers 80 (east.ops)',
            'goal-undercovered 5 {"code":"goal-undercovered","message":"goalUndercovered","goal":"Kiosks","shortfall":"120"} Kiosks: planned 80 of 200 stores (40%), 120 short: Own 50; Dealers 30 (east.ops)'
        ]);
        // Every goal: a diagnostic exactly where its status is undercovered or overcommitted, on its line.
        const flagged = goals.flatMap(g =>
            g.status === 'undercovered' || g.status === 'overcommitted' ? [`goal-${g.status} ${g.node.$cstNode!.range.start.line + 1}`] : []
        );
        expect(coverage().map(line => line.split(' ').slice(0, 2).join(' '))).toEqual(flagged);
    });
});
