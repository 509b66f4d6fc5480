import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, test } from 'vitest';
import { createOpsbookServices } from '../../packages/language/src/lsp/index.js';
import { isInside } from '../../packages/language/src/scope/workspace-root.js';
import { runCli } from '../cli/cli-helpers.js';
import { loadFolder, tempFolder } from './validation-helpers.js';

const TEAM = `person ann { capacity 50% }
person bo
metric signups count
metric revenue money
monitor revenue { by channel every week source "Ledger" }
`;

const PLAN = `import "team.ops"
playbook P {
  period 2027-Q1
  currency CNY
  budget 100k CNY
}
goal Signups { target 1000 signups by 2027-03-31  owner ann }
goal Revenue { target 50k revenue by 2027-03-31  owner bo }
channel Ads { owner bo  budget 10k CNY  delivers 1000 signups to Signups  delivers 50k revenue to Revenue }
workstream W { responsible ann 40%  accountable ann  serves Signups }
assessment ann { kpi Signups weight 100% }
assessment bo { kpi Revenue weight 100% }
monitor signups { by channel every day }
review R { every week  owner ann }
`;

describe('rules across files', () => {
    test('people and metrics from an imported file: clean', async () => {
        const loaded = await loadFolder(tempFolder({ 'opsbook.json': '{}', 'team.ops': TEAM, 'plan.ops': PLAN }));
        expect(loaded.all()).toEqual([]);
    });

    test('capacity-overload in the playbook, from a capacity in team.ops', async () => {
        const loaded = await loadFolder(
            tempFolder({ 'opsbook.json': '{}', 'team.ops': TEAM, 'plan.ops': PLAN.replace('responsible ann 40%', 'responsible ann 60%') })
        );
        expect(loaded.all()).toEqual([
            "plan.ops capacity-overload 10:16-10:35 ann is responsible for 60% (W 60%), 10% more than ann's capacity of 50%: lower the shares, share the work, or raise the capacity"
        ]);
    });

    test('a monitor in the imported file that is not by channel: channel-unattributed on the delivery here', async () => {
        const loaded = await loadFolder(
            tempFolder({ 'opsbook.json': '{}', 'team.ops': TEAM.replace('by channel every week', 'every week'), 'plan.ops': PLAN })
        );
        expect(loaded.all()).toEqual([
            "plan.ops channel-unattributed 9:88-9:95 channel Ads delivers revenue, but no monitor of revenue is 'by channel': add 'by channel' to see which channel brings them"
        ]);
    });

    test("an imported file's own problem is reported there, and the importer stays silent about it", async () => {
        const loaded = await loadFolder(
            tempFolder({
                'opsbook.json': '{}',
                'team.ops': TEAM.replace('capacity 50%', 'capacity 150%'),
                'plan.ops': PLAN.replace('responsible ann 40%', 'responsible ann 90%')
            })
        );
        expect(loaded.all()).toEqual([
            "team.ops percent-range 1:23-1:27 capacity 150% is above 100%: a person's capacity goes up to 100% (all of their time)"
        ]);
    });

    test('a metric of the imported file with an unknown kind is reported in that file only', async () => {
        const loaded = await loadFolder(
            tempFolder({ 'opsbook.json': '{}', 'team.ops': TEAM.replace('metric signups count', 'metric signups cout'), 'plan.ops': PLAN })
        );
        expect(loaded.all()).toEqual([
            "team.ops unit-mismatch 3:16-3:20 unknown metric kind 'cout' for signups: did you mean 'count'? expected count, money, percent or number"
        ]);
    });

    test('two playbooks in one workspace each define SEO; each is checked on its own figures', async () => {
        const a = 'playbook A { budget 10k CNY }\nchannel SEO { owner p  budget 20k CNY }\nperson p\nreview R { every week }\n';
        const b = 'playbook B { budget 10k CNY }\nchannel SEO { owner p  budget 5k CNY }\nperson p\nreview R { every week }\n';
        const loaded = await loadFolder(tempFolder({ 'opsbook.json': '{}', 'a/a.ops': a, 'b/b.ops': b }));
        expect(loaded.all()).toEqual([
            'a/a.ops budget-overrun 1:21-1:28 channel and campaign budgets add up to 20,000 CNY (channels 20,000 CNY, campaigns 0 CNY), 10,000 CNY over the playbook budget of 10,000 CNY: cut budgets or raise the playbook budget'
        ]);
    });
});

describe('the workspace root and names that start with two dots', () => {
    test('"..notes.ops" and "..data/x.ops" are inside the root and resolve', async () => {
        const folder = tempFolder({
            'opsbook.json': '{}',
            '..notes.ops': 'person ann { capacity 50% }\nperson bo\n',
            '..data/x.ops': 'metric signups count\nmetric revenue money\nmonitor revenue { by channel every week source "Ledger" }\n',
            'plan.ops': PLAN.replace('import "team.ops"', 'import "..notes.ops"\nimport "..data/x.ops"')
        });
        const loaded = await loadFolder(folder);
        expect(loaded.of('plan.ops')).toEqual([]);
    });

    test('isInside judges path segments, not a prefix', () => {
        const root = path.resolve('/w/root');
        expect(isInside(path.join(root, '..notes.ops'), root)).toBe(true);
        expect(isInside(path.join(root, '..data', 'x.ops'), root)).toBe(true);
        expect(isInside(path.join(root, '...', 'x.ops'), root)).toBe(true);
        expect(isInside(root, root)).toBe(true);
        expect(isInside(path.resolve('/w/root/../x.ops'), root)).toBe(false);
        expect(isInside(path.resolve('/w'), root)).toBe(false);
        expect(isInside(path.resolve('/w/root2/x.ops'), root)).toBe(false);
        expect(isInside(path.resolve('/elsewhere/x.ops'), root)).toBe(false);
    });

    test('without opsbook.json or .git above, a file imports from its own folder only; a workspace folder (the editor) widens the root', () => {
        const folder = fs.realpathSync(
            tempFolder({ 'team.ops': TEAM, 'app/plan.ops': PLAN.replace('"team.ops"', '"../team.ops"'), 'app/own.ops': TEAM })
        );
        const plan = URI.file(path.join(folder, 'app', 'plan.ops'));
        const { Opsbook } = createOpsbookServices({ ...NodeFileSystem });
        const resolver = Opsbook.references.ImportResolver;
        expect(resolver.computeForPath(plan, '../team.ops')).toEqual({
            kind: 'outside-root',
            path: '../team.ops',
            root: path.join(folder, 'app')
        });
        expect(resolver.computeForPath(plan, 'own.ops').kind).toBe('resolved');
        Opsbook.workspace.WorkspaceRoots.setFallbackRoots([folder]);
        expect(resolver.computeForPath(plan, '../team.ops')).toEqual({ kind: 'resolved', uri: URI.file(path.join(folder, 'team.ops')) });
        expect(resolver.computeForPath(plan, '../../x.ops').kind).toBe('outside-root');
    });

    test('opsbook check from "/" (or the parent folder) with no marker: the root is the checked file\'s folder, not the current folder', async () => {
        const folder = fs.realpathSync(tempFolder({ 'team.ops': TEAM, 'app/plan.ops': PLAN.replace('"team.ops"', '"../team.ops"') }));
        const plan = path.join(folder, 'app', 'plan.ops');
        for (const cwd of ['/', folder]) {
            const result = await runCli(['check', plan], { cwd });
            expect(result.code, cwd).toBe(1);
            expect(result.stdout, cwd).toMatch(/error import-unresolved .*outside the workspace root/);
        }
        // With a marker the parent is the root, and the import resolves.
        fs.writeFileSync(path.join(folder, 'opsbook.json'), '{}');
        const marked = await runCli(['check', plan], { cwd: '/' });
        expect([marked.code, marked.stdout]).toEqual([0, expect.not.stringContaining('import-unresolved')]);
    });
});
