// `opsbook fmt` and `opsbook init` as a real process (and init's whole stage × focus matrix in process).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { runCli, runInProcess, temporaryFolder } from './cli-helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const folder = temporaryFolder('opsbook-fmt-init-');
afterAll(() => folder.remove());
let counter = 0;
const fresh = (name: string) => {
    const dir = path.join(folder.dir, `${counter++}-${name}`);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
};

const MESSY = 'metric   signups count\ngoal G {target 10 signups by 2027-03-31    owner a}\n';
const TIDY = 'metric signups count\ngoal G {\n  target 10 signups by 2027-03-31\n  owner a\n}\n';
const BROKEN = 'goal G {\n  budget 10k CNY\n}\n';

describe('opsbook fmt', () => {
    test('--check lists the files that would change, changes nothing, exits 1', async () => {
        const dir = fresh('check');
        fs.writeFileSync(path.join(dir, 'messy.ops'), MESSY);
        fs.writeFileSync(path.join(dir, 'tidy.ops'), TIDY);
        const result = await runCli(['fmt', '--check', '.'], { cwd: dir });
        expect(result).toEqual({ code: 1, stdout: 'messy.ops\n', stderr: '1 file not formatted (run opsbook fmt to format it)\n' });
        expect(fs.readFileSync(path.join(dir, 'messy.ops'), 'utf8')).toBe(MESSY);
    });

    test('rewrites the files in place, names those it changed, then --check exits 0', async () => {
        const dir = fresh('write');
        fs.writeFileSync(path.join(dir, 'messy.ops'), MESSY);
        fs.writeFileSync(path.join(dir, 'tidy.ops'), TIDY);
        fs.chmodSync(path.join(dir, 'messy.ops'), 0o640);
        const result = await runCli(['fmt'], { cwd: dir });
        expect(result).toEqual({ code: 0, stdout: 'messy.ops\n', stderr: '' });
        expect(fs.readFileSync(path.join(dir, 'messy.ops'), 'utf8')).toBe(TIDY);
        expect(fs.statSync(path.join(dir, 'messy.ops')).mode & 0o777).toBe(0o640);
        expect(await runCli(['fmt', '--check'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    test('a file with a syntax error is left untouched, with its error, exit 1; the others are formatted', async () => {
        const dir = fresh('broken');
        fs.writeFileSync(path.join(dir, 'a.ops'), BROKEN);
        fs.writeFileSync(path.join(dir, 'b.ops'), MESSY);
        const result = await runCli(['fmt', '.'], { cwd: dir });
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('b.ops\n');
        expect(result.stderr).toBe(
            "a.ops:2:3 error syntax-error 'budget' is not a property of a goal: expected target, milestone, owner, strategy, part of or '}' (file left unchanged)\n"
        );
        expect(fs.readFileSync(path.join(dir, 'a.ops'), 'utf8')).toBe(BROKEN);
    });

    test('no .ops files, or a missing path, is bad usage', async () => {
        const dir = fresh('empty');
        expect(await runCli(['fmt'], { cwd: dir })).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: no .ops files found in the current folder\n'
        });
        expect((await runCli(['fmt', 'nope.ops'], { cwd: dir })).stderr).toBe('opsbook: nope.ops: no such file or folder\n');
    });
});

describe('opsbook init', () => {
    test('writes a starter that checks clean, then refuses to overwrite anything', async () => {
        const dir = fresh('init');
        const result = await runCli(['init', 'starter', '--period', '2027-Q1'], { cwd: dir });
        expect(result).toEqual({
            code: 0,
            stdout: 'starter/playbook.ops\nstarter/team.ops\nstarter/opsbook.json\n',
            stderr: 'next: npx opsbook check starter\n'
        });
        const check = await runCli(['check', 'starter'], { cwd: dir });
        expect([check.code, check.stdout]).toEqual([0, '2 files checked: 0 errors, 0 warnings\n']);
        const plan = await runCli(['plan', 'starter/playbook.ops'], { cwd: dir });
        expect(plan.code).toBe(0);
        expect(plan.stdout).toContain('None: opsbook check reports no warnings for this playbook.');

        fs.writeFileSync(path.join(dir, 'starter', 'team.ops'), '// mine\n');
        const again = await runCli(['init', 'starter'], { cwd: dir });
        expect(again).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: starter/playbook.ops, starter/team.ops, starter/opsbook.json already exist; init writes nothing (move them away or choose another folder)\n'
        });
        expect(fs.readFileSync(path.join(dir, 'starter', 'team.ops'), 'utf8')).toBe('// mine\n');
    });

    test('one existing file is enough to refuse, and nothing else is written', async () => {
        const dir = fresh('partial');
        fs.writeFileSync(path.join(dir, 'opsbook.json'), '{}\n');
        const result = await runCli(['init'], { cwd: dir });
        expect(result.code).toBe(2);
        expect(result.stderr).toBe('opsbook: opsbook.json already exists; init writes nothing (move it away or choose another folder)\n');
        expect(fs.readdirSync(dir)).toEqual(['opsbook.json']);
    });

    test('a focus that does not suit the stage, or an unknown stage, is bad usage', async () => {
        const dir = fresh('usage');
        expect(await runCli(['init', '--stage', 'decline', '--focus', 'acquisition'], { cwd: dir })).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: focus acquisition does not suit stage decline: choose retention, reactivation, monetization\n'
        });
        expect((await runCli(['init', '--stage', 'teen'], { cwd: dir })).code).toBe(2);
        expect(fs.readdirSync(dir)).toEqual([]);
    });

    const STAGES = ['development', 'seed', 'growth', 'mature', 'decline'];
    const SUITS: Record<string, string[]> = {
        development: ['acquisition', 'activation', 'retention', 'referral', 'brand'],
        seed: ['acquisition', 'activation', 'retention', 'referral', 'brand'],
        growth: ['acquisition', 'activation', 'retention', 'monetization', 'referral', 'brand'],
        mature: ['acquisition', 'activation', 'retention', 'monetization', 'referral', 'brand', 'reactivation'],
        decline: ['activation', 'retention', 'monetization', 'referral', 'brand', 'reactivation']
    };
    test.each(STAGES.flatMap(stage => SUITS[stage]!.map(focus => [stage, focus])))(
        '--stage %s --focus %s checks clean and is formatted',
        async (stage, focus) => {
            const dir = fresh(`${stage}-${focus}`);
            const init = await runInProcess(['init', dir, '--stage', stage, '--focus', focus, '--period', '2027-03']);
            expect(init.code).toBe(0);
            const check = await runInProcess(['check', dir]);
            expect([check.code, check.stdout]).toEqual([0, '2 files checked: 0 errors, 0 warnings\n']);
            const fmt = await runInProcess(['fmt', '--check', dir]);
            expect(fmt).toEqual({ code: 0, stdout: '', stderr: '' });
        }
    );
});
