// The GitHub Action (action.yml) and the pre-commit hooks (.pre-commit-hooks.yaml), run locally: the
// action's shell steps as GitHub runs a composite action (bash -eo pipefail, inputs through env, outputs
// through $GITHUB_OUTPUT), its `uses:` steps recorded with their inputs; the hooks' entries as
// pre-commit runs them. The CLI is this repository's build, installed as node_modules/.bin/opsbook.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, test } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-ci-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
let counter = 0;

/** A repository that installed @opsbook/cli, with these files. */
function project(files: Record<string, string>): string {
    const dir = path.join(work, String(counter++));
    fs.mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
    fs.symlinkSync(path.join(REPO, 'packages/cli/bin/opsbook.cjs'), path.join(dir, 'node_modules/.bin/opsbook'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

const fixture = (name: string) => fs.readFileSync(path.join(REPO, 'tests/fixtures/cli', name), 'utf8');
const GROWTH = Object.fromEntries(
    ['growth.ops', 'team.ops'].map(name => [`plans/${name}`, fs.readFileSync(path.join(REPO, 'examples/growth', name), 'utf8')])
);

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env))
        if (!/^(npm_|INIT_CWD$|GITHUB_|RUNNER_|FORCE_COLOR$)/.test(key)) env[key] = value;
    // npm_config_offline: should the action ever fall back to npx, it fails here instead of downloading.
    return { ...env, NO_COLOR: '1', npm_config_offline: 'true', ...extra };
}

// ---- the action -------------------------------------------------------------------------------

interface Step {
    id?: string;
    if?: string;
    uses?: string;
    run?: string;
    shell?: string;
    env?: Record<string, string>;
    with?: Record<string, string>;
    'working-directory'?: string;
}
interface Action {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, { value: string }>;
    runs: { using: string; steps: Step[] };
}

const action = yaml.load(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as Action;

interface ActionRun {
    failed: boolean;
    outputs: Record<string, string>;
    /** `uses:` steps that ran, with their evaluated inputs. */
    uses: { uses: string; with: Record<string, string> }[];
    log: string;
}

/** Runs action.yml the way GitHub runs a composite action, for the expressions it uses. */
function runAction(workspace: string, given: Record<string, string>): ActionRun {
    const inputs: Record<string, string> = {};
    for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = given[name] ?? spec.default ?? '';
    const steps: Record<string, { outputs: Record<string, string> }> = {};
    const value = (expression: string): string => {
        const e = expression.trim();
        let m = /^inputs\.([\w-]+)$/.exec(e);
        if (m) return inputs[m[1]!] ?? '';
        m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
        if (m) return steps[m[1]!]?.outputs[m[2]!] ?? '';
        throw new Error(`expression not understood by this test: ${e}`);
    };
    const condition = (expression: string): boolean => {
        const m = /^(.+?)\s*(==|!=)\s*'([^']*)'$/.exec(expression.trim());
        if (!m) throw new Error(`condition not understood by this test: ${expression}`);
        return (value(m[1]!) === m[3]) === (m[2] === '==');
    };
    const interpolate = (text: string) => text.replace(/\$\{\{(.+?)\}\}/g, (_, e: string) => value(e));
    const run: ActionRun = { failed: false, outputs: {}, uses: [], log: '' };
    for (const step of action.runs.steps) {
        if (step.if !== undefined && !condition(step.if)) continue;
        if (step.uses) {
            run.uses.push({
                uses: step.uses,
                with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v))]))
            });
            continue;
        }
        const outputFile = path.join(work, `output-${counter++}`);
        fs.writeFileSync(outputFile, '');
        const script = path.join(work, `step-${counter++}.sh`);
        fs.writeFileSync(script, step.run!);
        const env = cleanEnv({ GITHUB_OUTPUT: outputFile, RUNNER_TEMP: path.join(work, `runner-${counter++}`) });
        for (const [name, text] of Object.entries(step.env ?? {})) env[name] = interpolate(String(text));
        const cwd = path.resolve(workspace, interpolate(step['working-directory'] ?? '.'));
        const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
            cwd,
            env,
            encoding: 'utf8',
            timeout: 30_000
        });
        run.log += result.stdout + result.stderr;
        const outputs: Record<string, string> = {};
        for (const line of fs.readFileSync(outputFile, 'utf8').split('\n')) {
            const at = line.indexOf('=');
            if (at > 0) outputs[line.slice(0, at)] = line.slice(at + 1);
        }
        if (step.id) steps[step.id] = { outputs };
        if (result.status !== 0) {
            run.failed = true;
            break;
        }
    }
    for (const [name, output] of Object.entries(action.outputs)) run.outputs[name] = interpolate(output.value);
    return run;
}

describe('action.yml', () => {
    test('is a composite action whose scripts never splice inputs in (they come through env)', () => {
        expect(action.runs.using).toBe('composite');
        for (const step of action.runs.steps) {
            if (step.run) {
                expect(step.run).not.toContain('${{');
                expect(step.shell).toBe('bash');
            }
        }
        expect(action.runs.steps.filter(step => step.uses).map(step => step.uses)).toEqual([
            'github/codeql-action/upload-sarif@v3',
            'actions/upload-artifact@v4'
        ]);
    });

    test('clean playbooks: annotations none, exit code 0, nothing uploaded', () => {
        const run = runAction(project(GROWTH), { paths: 'plans' });
        expect(run.failed).toBe(false);
        expect(run.outputs['exit-code']).toBe('0');
        expect(run.uses).toEqual([]);
        expect(run.log).toContain('2 files checked: 0 errors, 0 warnings');
        expect(run.log).not.toContain('::error');
    });

    test('errors: annotations, SARIF written and handed to upload-sarif, the plan as an artefact, and the action fails with 1', () => {
        const dir = project({ ...GROWTH, 'broken/broken.ops': fixture('broken/broken.ops') });
        const run = runAction(dir, { paths: 'plans broken', sarif: 'true', plan: 'plans/growth.ops' });
        expect(run.failed).toBe(true);
        expect(run.outputs['exit-code']).toBe('1');
        expect(run.log).toMatch(
            /^::error file=broken\/broken\.ops,line=4,col=10,endLine=4,endColumn=17,title=budget-overrun::channel and campaign budgets add up to 20,000 CNY/m
        );
        expect(run.log).toContain('opsbook check exited with 1');
        const sarifFile = path.join(dir, run.outputs['sarif-file']!);
        const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8'));
        expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual([
            'budget-overrun',
            'goal-undercovered',
            'owner-not-assessed'
        ]);
        expect(run.uses[0]).toEqual({
            uses: 'github/codeql-action/upload-sarif@v3',
            with: { sarif_file: './opsbook.sarif', category: 'opsbook' }
        });
        const planFile = run.outputs['plan-file']!;
        expect(fs.readFileSync(planFile, 'utf8')).toMatch(/^<!-- opsbook:plan fingerprint=[0-9a-f]+ -->\n# /);
        expect(run.uses[1]).toEqual({ uses: 'actions/upload-artifact@v4', with: { name: 'opsbook-plan', path: planFile } });
    });

    test('fail-on-error false only reports; max-warnings makes warnings fail; working-directory', () => {
        const dir = project({
            'site/opsbook.json': '{}\n',
            'site/warnings.ops': fixture('warnings/warnings.ops'),
            'site/team.ops': fixture('warnings/team.ops')
        });
        const reportOnly = runAction(dir, { 'working-directory': 'site', 'max-warnings': '0', 'fail-on-error': 'false' });
        expect([reportOnly.failed, reportOnly.outputs['exit-code']]).toEqual([false, '1']);
        expect(reportOnly.log).toContain('too many warnings: 2 (at most 0 allowed by --max-warnings)');
        const tolerant = runAction(dir, { 'working-directory': 'site' });
        expect([tolerant.failed, tolerant.outputs['exit-code']]).toEqual([false, '0']);
        expect(tolerant.log).toMatch(/^::warning file=warnings\.ops,line=33,/m);
    });

    test('a broken opsbook.json fails with exit code 2', () => {
        const run = runAction(project({ 'opsbook.json': '{ "rulez": {} }', ...GROWTH }), {});
        expect([run.failed, run.outputs['exit-code']]).toEqual([true, '2']);
        expect(run.log).toContain("opsbook: opsbook.json:1:3: unknown setting 'rulez' in opsbook.json: did you mean 'rules'?");
    });
});

// ---- pre-commit --------------------------------------------------------------------------------

interface Hook {
    id: string;
    name: string;
    entry: string;
    language: string;
    files?: string;
    pass_filenames?: boolean;
    description?: string;
}
const hooks = yaml.load(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

/** What pre-commit runs for a hook: the entry split on blanks, then the matching files (unless pass_filenames: false). */
function runHook(id: string, dir: string, staged: string[]) {
    const hook = hooks.find(h => h.id === id)!;
    const files = staged.filter(file => new RegExp(hook.files ?? '').test(file));
    if (files.length === 0) return undefined;
    const [command, ...args] = hook.entry.split(/\s+/);
    return spawnSync(command!, [...args, ...(hook.pass_filenames === false ? [] : files)], {
        cwd: dir,
        env: cleanEnv(),
        encoding: 'utf8',
        timeout: 30_000
    });
}

describe('.pre-commit-hooks.yaml', () => {
    test('two valid hook definitions', () => {
        expect(hooks.map(h => h.id)).toEqual(['opsbook-check', 'opsbook-fmt']);
        for (const hook of hooks) {
            expect(
                Object.keys(hook).every(key => ['id', 'name', 'entry', 'language', 'files', 'pass_filenames', 'description'].includes(key))
            ).toBe(true);
            expect(typeof hook.name).toBe('string');
            expect(hook.language).toBe('system');
        }
        const check = new RegExp(hooks[0]!.files!);
        expect(['a.ops', 'plans/q1.ops', 'opsbook.json', 'sub/opsbook.json'].every(file => check.test(file))).toBe(true);
        expect(['a.ops.md', 'myopsbook.json', 'README.md'].some(file => check.test(file))).toBe(false);
    });

    test('clean and formatted: both pass; numbers that do not add up fail check; an untidy file fails fmt', () => {
        const dir = project(GROWTH);
        expect(
            spawnSync(process.execPath, [path.join(REPO, 'packages/cli/bin/opsbook.cjs'), 'fmt', 'plans'], { cwd: dir, encoding: 'utf8' })
                .status
        ).toBe(0);
        expect(runHook('opsbook-check', dir, ['plans/growth.ops'])).toMatchObject({
            status: 0,
            stdout: '2 files checked: 0 errors, 0 warnings\n'
        });
        expect(runHook('opsbook-fmt', dir, ['plans/growth.ops', 'plans/team.ops'])).toMatchObject({ status: 0, stdout: '' });
        expect(runHook('opsbook-check', dir, ['README.md'])).toBeUndefined();

        fs.writeFileSync(path.join(dir, 'plans/broken.ops'), fixture('broken/broken.ops'));
        const check = runHook('opsbook-check', dir, ['plans/broken.ops']);
        expect(check?.status).toBe(1);
        expect(check?.stdout).toContain('plans/broken.ops:4:10 error budget-overrun ');

        fs.writeFileSync(path.join(dir, 'plans/untidy.ops'), 'metric   signups count\n');
        const fmt = runHook('opsbook-fmt', dir, ['plans/untidy.ops', 'plans/growth.ops']);
        expect([fmt?.status, fmt?.stdout]).toEqual([1, 'plans/untidy.ops\n']);
    });
});
