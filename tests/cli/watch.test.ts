// `--watch` as a user runs it: the built CLI is spawned, a playbook is edited on disk, the re-run is
// read from its output, then the process is killed. Runs keep going after errors (a syntax error, an
// error that stops the plan, a broken opsbook.json).
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { CLI, importCliMain, runCli, temporaryFolder } from './cli-helpers.js';

vi.setConfig({ testTimeout: 60_000 });

const folder = temporaryFolder('opsbook-watch-');
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(() => folder.remove());

interface Watched {
    stdout: () => string;
    stderr: () => string;
    /** Resolves when `predicate` holds for the output so far; fails after `ms` with what was seen. */
    until: (predicate: (out: { stdout: string; stderr: string }) => boolean, ms?: number) => Promise<void>;
    child: ChildProcessWithoutNullStreams;
}

function watch(args: string[], cwd: string): Watched {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', chunk => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk));
    const until: Watched['until'] = (predicate, ms = 20_000) =>
        new Promise((resolve, reject) => {
            const started = Date.now();
            const poll = () => {
                if (predicate({ stdout, stderr })) return resolve();
                if (child.exitCode !== null) return reject(new Error(`exited ${child.exitCode}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
                if (Date.now() - started > ms) return reject(new Error(`timed out\nstdout:\n${stdout}\nstderr:\n${stderr}`));
                setTimeout(poll, 50);
            };
            poll();
        });
    return { stdout: () => stdout, stderr: () => stderr, until, child };
}

const count = (text: string, part: string) => text.split(part).length - 1;

async function starter(name: string): Promise<string> {
    const dir = path.join(folder.dir, name);
    expect((await runCli(['init', dir, '--period', '2027-Q1'])).code).toBe(0);
    return dir;
}

describe('check --watch', () => {
    test('checks, then checks again after each change; goes on after errors; stops when killed', async () => {
        const dir = await starter('check');
        const file = path.join(dir, 'playbook.ops');
        const original = fs.readFileSync(file, 'utf8');
        const run = watch(['check', '--watch'], dir);
        await run.until(out => out.stderr.includes('watching . for changes (Ctrl+C to stop)\n'));
        expect(run.stdout()).toBe('2 files checked: 0 errors, 0 warnings\n');
        expect(run.stderr()).toBe('watching . for changes (Ctrl+C to stop)\n');

        // An edit that breaks the numbers: the new error is reported.
        fs.writeFileSync(file, original.replace('delivers 1200 signups', 'delivers 1000 signups'));
        await run.until(out => count(out.stderr, 'watching .') === 2);
        expect(run.stderr()).toContain('\nplaybook.ops changed: running again\n');
        expect(run.stdout()).toBe(
            '2 files checked: 0 errors, 0 warnings\n' +
                'playbook.ops:29:10 error goal-undercovered Main: channels deliver 1,800 of 2,000 signups (90%), 200 short; plan 200 more or lower the target\n' +
                '2 files checked: 1 error, 0 warnings\n'
        );

        // A syntax error, then a broken opsbook.json: reported, and the watch goes on.
        fs.writeFileSync(file, `${original}goal {\n`);
        await run.until(out => count(out.stderr, 'watching .') === 3);
        expect(run.stdout().split('\n').at(-3)).toMatch(/^playbook\.ops:\d+:\d+ error syntax-error /);
        fs.writeFileSync(path.join(dir, 'opsbook.json'), '{ "rules": { "nothing-such": "off" } }\n');
        await run.until(out => count(out.stderr, 'watching .') === 4);
        expect(run.stderr()).toContain(
            "opsbook.json changed: running again\nopsbook: opsbook.json:1:14: unknown rule 'nothing-such' in opsbook.json: the rules are listed in docs/rules.md and in the JSON Schema\nwatching . for changes"
        );

        // Back to a good state: clean again, the process still alive.
        fs.writeFileSync(path.join(dir, 'opsbook.json'), '{}\n');
        fs.writeFileSync(file, original);
        await run.until(out => out.stdout.endsWith('2 files checked: 0 errors, 0 warnings\n') && count(out.stderr, 'watching .') >= 5);
        expect(run.child.exitCode).toBeNull();
        run.child.kill('SIGTERM');
        await new Promise(resolve => run.child.once('exit', resolve));
    });

    test('a change to an imported file outside the folder given re-runs too', async () => {
        const dir = await starter('imports');
        fs.mkdirSync(path.join(dir, 'plans'));
        fs.renameSync(path.join(dir, 'playbook.ops'), path.join(dir, 'plans', 'playbook.ops'));
        fs.writeFileSync(
            path.join(dir, 'plans', 'playbook.ops'),
            fs.readFileSync(path.join(dir, 'plans', 'playbook.ops'), 'utf8').replace('import "team.ops"', 'import "../team.ops"')
        );
        const run = watch(['check', 'plans', '--watch', '--locale', 'zh-CN'], dir);
        await run.until(out => out.stderr.includes('正在监视 plans 的改动（按 Ctrl+C 停止）\n'));
        expect(run.stdout()).toBe('已检查 1 个文件：0 个错误，0 个警告\n');
        const team = path.join(dir, 'team.ops');
        fs.writeFileSync(team, fs.readFileSync(team, 'utf8').replace(/person marketer\b/, 'person seller'));
        await run.until(out => count(out.stderr, '正在监视') === 2);
        expect(run.stderr()).toContain('team.ops 有改动，重新运行\n');
        expect(run.stdout()).toMatch(/unresolved-reference .*「marketer」/);
    });
});

describe('plan --watch', () => {
    test('writes the plan, writes it again after a change, keeps the last one while the playbook has errors', async () => {
        const dir = await starter('plan');
        const file = path.join(dir, 'playbook.ops');
        const original = fs.readFileSync(file, 'utf8');
        const out = path.join(dir, 'plan.md');
        const run = watch(['plan', 'playbook.ops', '-o', 'plan.md', '--watch'], dir);
        await run.until(o => o.stderr.includes('watching playbook.ops for changes'));
        expect(fs.readFileSync(out, 'utf8')).toContain('# Execution plan: 2027-Q1 plan\n');

        fs.writeFileSync(file, original.replace('"2027-Q1 plan"', '"Spring plan"'));
        await run.until(o => count(o.stderr, 'watching playbook.ops') === 2);
        expect(fs.readFileSync(out, 'utf8')).toContain('# Execution plan: Spring plan\n');

        fs.writeFileSync(file, original.replace('delivers 1200 signups', 'delivers 1000 signups'));
        await run.until(o => count(o.stderr, 'watching playbook.ops') === 3);
        expect(run.stderr()).toContain(
            'playbook.ops:29:10 error goal-undercovered Main: channels deliver 1,800 of 2,000 signups (90%), 200 short; plan 200 more or lower the target\nopsbook: playbook.ops: 1 error; fix it before generating documents (see opsbook check)\n'
        );
        expect(fs.readFileSync(out, 'utf8')).toContain('# Execution plan: Spring plan\n');

        fs.writeFileSync(file, original);
        await run.until(o => count(o.stderr, 'watching playbook.ops') === 4);
        expect(fs.readFileSync(out, 'utf8')).toContain('# Execution plan: 2027-Q1 plan\n');
        expect(count(run.stderr(), 'wrote plan.md\n')).toBe(3);
    });
});

describe('--watch in process', () => {
    test('on a terminal the screen is cleared before each run after the first; aborting ends the loop with 0', async () => {
        const dir = await starter('in-process');
        const { main } = await importCliMain();
        const chunks: string[] = [];
        const errors: string[] = [];
        const sink = (into: string[]) =>
            new Writable({
                write: (chunk, _encoding, done) => {
                    into.push(String(chunk));
                    done();
                }
            });
        const controller = new AbortController();
        const previous = process.cwd();
        process.chdir(dir);
        try {
            const running = main(['check', '--watch'], {
                stdout: sink(chunks),
                stderr: sink(errors),
                colour: false,
                clearScreen: true,
                signal: controller.signal
            });
            await until(() => errors.join('').includes('watching .'));
            expect(chunks.join('')).toBe('2 files checked: 0 errors, 0 warnings\n');
            fs.appendFileSync(path.join(dir, 'playbook.ops'), '\n');
            await until(() => errors.join('').split('watching .').length === 3);
            expect(chunks.join('')).toBe(
                '2 files checked: 0 errors, 0 warnings\n\x1b[2J\x1b[3J\x1b[H2 files checked: 0 errors, 0 warnings\n'
            );
            controller.abort();
            expect(await running).toBe(0);
        } finally {
            process.chdir(previous);
        }
    });
});

function until(predicate: () => boolean, ms = 20_000): Promise<void> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
        const poll = () => (predicate() ? resolve() : Date.now() - started > ms ? reject(new Error('timed out')) : setTimeout(poll, 50));
        poll();
    });
}
