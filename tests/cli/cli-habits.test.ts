// CLI habits (issue 17 item 5) as a real process: `-` for standard input, `fmt --diff`, `check --fix`,
// shell completion, and `--help` with examples for every command. `--watch` is in watch.test.ts.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { CLI_TEXT_EN } from '../../packages/language/src/i18n/en.js';
import { CLI_TEXT_ZH_CN } from '../../packages/language/src/i18n/zh-cn.js';
import { runCli, temporaryFolder } from './cli-helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const folder = temporaryFolder('opsbook-habits-');
afterAll(() => folder.remove());
let counter = 0;
const fresh = (name: string, files: Record<string, string> = {}) => {
    const dir = path.join(folder.dir, `${counter++}-${name}`);
    fs.mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
    return dir;
};

const MESSY = 'metric   signups count\ngoal G {target 10 signups by 2027-03-31    owner a}\n';
const TIDY = 'metric signups count\ngoal G {\n  target 10 signups by 2027-03-31\n  owner a\n}\n';
const TEAM = 'person alice "Alice" { capacity 100% }\nmetric signups "Sign-ups" count\n';
const NEEDS_FIXES = `playbook P "P" {
  period 2027-Q1
  currency CNY
}

// opsbook-ignore cpa-exceeded
goal G "G" {
  target 100 signups by 2027-03-31
  owner alice // opsbook-ignore goal-cycle
}
`;

describe('- reads standard input, reported as <stdin>', () => {
    test('check -: the diagnostics of the text piped in, exit 1 on errors', async () => {
        const dir = fresh('stdin-check', { 'opsbook.json': '{}\n', 'team.ops': TEAM });
        const result = await runCli(['check', '-'], {
            cwd: dir,
            input: NEEDS_FIXES.replace('// opsbook-ignore cpa-exceeded\n', 'import "team.ops"\n')
        });
        expect(result).toEqual({
            code: 0,
            stderr: '',
            stdout: [
                "<stdin>:1:10 warning no-review playbook P has no review: add 'review Weekly { every week owner … covers … }' to check the plan against the data",
                "<stdin>:7:6 warning goal-unplanned nothing delivers to, serves or decomposes G: add 'delivers … to G' to a channel or campaign, 'serves G' to a campaign or workstream, or a sub-goal 'part of G'",
                '<stdin>:8:10 warning metric-unmonitored no monitor watches signups, the metric of G: add \'monitor signups { every week source "…" }\'',
                "<stdin>:9:9 warning owner-not-assessed alice owns G but has no assessment: add 'assessment alice { kpi G weight 100% }'",
                '<stdin>:9:33 warning unused-suppression opsbook-ignore goal-cycle silences nothing: the next line has no goal-cycle problem; remove it',
                '1 file checked: 0 errors, 5 warnings',
                ''
            ].join('\n')
        });
        const json = await runCli(['check', '-', '--format', 'json', '--quiet'], {
            cwd: dir,
            input: 'goal G { target 10 signupz by 2027-03-31 }\n'
        });
        expect(json.code).toBe(1);
        expect(
            JSON.parse(json.stdout).diagnostics.map((d: { file: string; line: number; column: number; rule: string }) => [
                d.file,
                d.line,
                d.column,
                d.rule
            ])
        ).toEqual([
            ['<stdin>', 1, 6, 'owner-missing'],
            ['<stdin>', 1, 20, 'unresolved-reference']
        ]);
    });

    test('check -: bytes that are not UTF-8 are unreadable-file at the first bad byte', async () => {
        const dir = fresh('stdin-bytes');
        const child = spawnSync(process.execPath, [path.resolve('packages/cli/bin/opsbook.cjs'), 'check', '-'], {
            cwd: dir,
            input: Buffer.from([0x67, 0x6f, 0x61, 0x6c, 0x0a, 0x20, 0xc4, 0xe3]),
            env: { ...process.env, NO_COLOR: '1' }
        });
        expect(child.status).toBe(1);
        expect(child.stdout.toString()).toMatch(/^<stdin>:2:2 error unreadable-file .*0xC4.*\n1 file checked: 1 error, 0 warnings\n$/);
    });

    test('- cannot be mixed with paths, nor used with --watch or --fix (exit 2, one line)', async () => {
        const dir = fresh('stdin-usage', { 'a.ops': TIDY });
        expect(await runCli(['check', '-', 'a.ops'], { cwd: dir })).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: - (standard input) cannot be given with other paths\n'
        });
        expect(await runCli(['check', '-', '--fix'], { cwd: dir })).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: - (standard input) cannot be used with --fix\n'
        });
        expect(await runCli(['plan', '-', '--watch'], { cwd: dir })).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: - (standard input) cannot be used with --watch\n'
        });
        expect(await runCli(['fmt', 'a.ops', '-', '--locale', 'zh-CN'].slice(0, 3), { cwd: dir })).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: - (standard input) cannot be given with other paths\n'
        });
        expect(await runCli(['check', '-', 'a.ops', '--locale', 'zh-CN'], { cwd: dir })).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: - （标准输入）不能与其他路径一起使用\n'
        });
    });

    test('plan - and export -: the documents of the playbook piped in; imports resolve from the current folder', async () => {
        const dir = fresh('stdin-plan');
        expect((await runCli(['init', '.', '--period', '2027-Q1'], { cwd: dir })).code).toBe(0);
        const text = fs.readFileSync(path.join(dir, 'playbook.ops'), 'utf8');
        const plan = await runCli(['plan', '-'], { cwd: dir, input: text });
        expect(plan.code, plan.stderr).toBe(0);
        expect(plan.stdout).toMatch(/^<!-- opsbook:plan fingerprint=\w+ -->\n# Execution plan: 2027-Q1 plan\n/);
        const fromFile = await runCli(['plan', 'playbook.ops'], { cwd: dir });
        expect(plan.stdout.split('\n').slice(4).join('\n')).toBe(fromFile.stdout.split('\n').slice(4).join('\n'));
        const broken = await runCli(['plan', '-'], { cwd: dir, input: text.replace('delivers 1200 signups', 'delivers 1000 signups') });
        expect(broken).toEqual({
            code: 1,
            stdout: '',
            stderr: '<stdin>:29:10 error goal-undercovered Main: channels deliver 1,800 of 2,000 signups (90%), 200 short; plan 200 more or lower the target\nopsbook: <stdin>: 1 error; fix it before generating documents (see opsbook check)\n'
        });
        const exported = await runCli(['export', '-'], { cwd: dir, input: text });
        expect(JSON.parse(exported.stdout).playbook.name).toBe('Starter');
    });

    test('fmt -: formatted text on standard output; --check and --diff name it <stdin>', async () => {
        const dir = fresh('stdin-fmt');
        expect(await runCli(['fmt', '-'], { cwd: dir, input: MESSY })).toEqual({ code: 0, stdout: TIDY, stderr: '' });
        expect(await runCli(['fmt', '-'], { cwd: dir, input: TIDY })).toEqual({ code: 0, stdout: TIDY, stderr: '' });
        expect(await runCli(['fmt', '-', '--check'], { cwd: dir, input: MESSY })).toEqual({
            code: 1,
            stdout: '<stdin>\n',
            stderr: '1 file not formatted (run opsbook fmt to format it)\n'
        });
        expect(await runCli(['fmt', '-', '--check'], { cwd: dir, input: TIDY })).toEqual({ code: 0, stdout: '', stderr: '' });
        const broken = await runCli(['fmt', '-'], { cwd: dir, input: 'goal G {\n' });
        expect(broken.code).toBe(1);
        expect(broken.stdout).toBe('');
        expect(broken.stderr).toMatch(/^<stdin>:1:9 error syntax-error .* \(file left unchanged\)\n$/);
    });
});

describe('fmt --diff', () => {
    test('prints a unified diff per file that would change, changes nothing, exits 1; patch applies it', async () => {
        const dir = fresh('diff', { 'messy.ops': MESSY, 'tidy.ops': TIDY });
        const result = await runCli(['fmt', '--diff'], { cwd: dir });
        expect(result).toEqual({
            code: 1,
            stdout: [
                '--- a/messy.ops',
                '+++ b/messy.ops',
                '@@ -1,2 +1,5 @@',
                '-metric   signups count',
                '-goal G {target 10 signups by 2027-03-31    owner a}',
                '+metric signups count',
                '+goal G {',
                '+  target 10 signups by 2027-03-31',
                '+  owner a',
                '+}',
                ''
            ].join('\n'),
            stderr: '1 file not formatted (run opsbook fmt to format it)\n'
        });
        expect(fs.readFileSync(path.join(dir, 'messy.ops'), 'utf8')).toBe(MESSY);
        const patch = spawnSync('patch', ['-p1'], { cwd: dir, input: result.stdout });
        if (patch.error === undefined) {
            expect(patch.status, patch.stderr.toString()).toBe(0);
            expect(fs.readFileSync(path.join(dir, 'messy.ops'), 'utf8')).toBe(TIDY);
        }
        expect(await runCli(['fmt', '--diff'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    test('a CRLF file keeps its line ends in the diff; control characters in strings are escaped', async () => {
        const dir = fresh('diff-crlf', { 'c.ops': 'metric  a "x\u001b[2Jy" count\r\n' });
        const result = await runCli(['fmt', '--diff', 'c.ops'], { cwd: dir });
        expect(result.stdout).toBe(
            '--- a/c.ops\n+++ b/c.ops\n@@ -1,1 +1,1 @@\n-metric  a "x\\u001b[2Jy" count\r\n+metric a "x\\u001b[2Jy" count\r\n'
        );
        expect(result.code).toBe(1);
    });
});

describe('check --fix', () => {
    test('applies the safe fixes (unused opsbook-ignore, the one missing import), names the files, reports the rest', async () => {
        const dir = fresh('fix', { 'opsbook.json': '{}\n', 'team.ops': TEAM, 'p.ops': NEEDS_FIXES });
        const result = await runCli(['check', '--fix'], { cwd: dir });
        expect(result).toEqual({
            code: 0,
            stderr: 'p.ops: fixed 4 problems\n',
            stdout: [
                "p.ops:3:10 warning no-review playbook P has no review: add 'review Weekly { every week owner … covers … }' to check the plan against the data",
                "p.ops:8:6 warning goal-unplanned nothing delivers to, serves or decomposes G: add 'delivers … to G' to a channel or campaign, 'serves G' to a campaign or workstream, or a sub-goal 'part of G'",
                'p.ops:9:10 warning metric-unmonitored no monitor watches signups, the metric of G: add \'monitor signups { every week source "…" }\'',
                "p.ops:10:9 warning owner-not-assessed alice owns G but has no assessment: add 'assessment alice { kpi G weight 100% }'",
                '2 files checked: 0 errors, 4 warnings',
                ''
            ].join('\n')
        });
        expect(fs.readFileSync(path.join(dir, 'p.ops'), 'utf8')).toBe(
            'import "team.ops"\n\nplaybook P "P" {\n  period 2027-Q1\n  currency CNY\n}\n\ngoal G "G" {\n  target 100 signups by 2027-03-31\n  owner alice\n}\n'
        );
        expect(fs.readFileSync(path.join(dir, 'team.ops'), 'utf8')).toBe(TEAM);
        const again = await runCli(['check', '--fix', '--locale', 'zh-CN'], { cwd: dir });
        expect(again.stderr).toBe('');
    });

    test('never guesses: two files declaring the name, a suggestion, a missing owner stay for a person (exit 1)', async () => {
        const dir = fresh('fix-unsafe', {
            'opsbook.json': '{}\n',
            'a.ops': 'person alice\n',
            'b.ops': 'person alice\n',
            'p.ops': 'metric signups count\ngoal G { target 10 signupz by 2027-03-31 owner alice }\n'
        });
        const before = fs.readFileSync(path.join(dir, 'p.ops'), 'utf8');
        const result = await runCli(['check', 'p.ops', '--fix', '--quiet'], { cwd: dir });
        expect(result.code).toBe(1);
        expect(result.stderr).toBe('');
        expect(result.stdout).toContain("p.ops:2:20 error unresolved-reference unknown metric 'signupz'");
        expect(fs.readFileSync(path.join(dir, 'p.ops'), 'utf8')).toBe(before);
    });

    test('a BOM is kept; the Chinese line names the file', async () => {
        const dir = fresh('fix-bom', { 'opsbook.json': '{}\n', 'p.ops': '\uFEFFmetric m count // opsbook-ignore no-review\n' });
        const result = await runCli(['check', '--fix', '--locale', 'zh-CN'], { cwd: dir });
        expect(result.stderr).toBe('p.ops：已修复 1 个问题\n');
        expect(fs.readFileSync(path.join(dir, 'p.ops'), 'utf8')).toBe('\uFEFFmetric m count\n');
    });
});

describe('opsbook completion bash|zsh|fish', () => {
    const complete = (script: string, words: string[], cwd: string) => {
        const run = `source /dev/stdin <<'SCRIPT'\n${script}SCRIPT\nCOMP_WORDS=(${words.map(word => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _opsbook; printf '%s\\n' "\${COMPREPLY[@]}"`;
        const result = spawnSync('bash', ['-c', run], { cwd, encoding: 'utf8' });
        expect(result.status, result.stderr).toBe(0);
        return result.stdout.split('\n').filter(Boolean).sort();
    };

    test('bash: commands, the options of a command, the values of an option, playbooks and folders', async () => {
        const dir = fresh('completion', { 'a.ops': TIDY, 'notes.md': '' });
        fs.mkdirSync(path.join(dir, 'plans'));
        const { stdout, code } = await runCli(['completion', 'bash']);
        expect(code).toBe(0);
        expect(complete(stdout, ['opsbook', ''], dir).filter(word => !word.startsWith('-'))).toEqual([
            'check',
            'completion',
            'diff',
            'export',
            'fmt',
            'init',
            'next',
            'plan',
            'review'
        ]);
        expect(complete(stdout, ['opsbook', 'ch'], dir)).toEqual(['check']);
        expect(complete(stdout, ['opsbook', 'check', '--f'], dir)).toEqual(['--fix', '--format']);
        expect(complete(stdout, ['opsbook', 'check', '--format', ''], dir)).toEqual(['github', 'json', 'junit', 'sarif', 'text']);
        expect(complete(stdout, ['opsbook', '--no-color', 'fmt', '--d'], dir)).toEqual(['--diff']);
        expect(complete(stdout, ['opsbook', 'plan', ''], dir)).toEqual(['a.ops', 'plans']);
        expect(complete(stdout, ['opsbook', 'plan', 'a.ops', '--locale', 'z'], dir)).toEqual(['zh-CN']);
        expect(complete(stdout, ['opsbook', 'completion', ''], dir)).toEqual(['bash', 'fish', 'zsh']);
    });

    test('zsh and fish: every command and every option of each, from the same definitions', async () => {
        const help = (await runCli(['--help'])).stdout;
        const commands = ['check', 'plan', 'review', 'export', 'fmt', 'init', 'next', 'diff', 'completion'];
        const zsh = (await runCli(['completion', 'zsh'])).stdout;
        const fish = (await runCli(['completion', 'fish'])).stdout;
        expect(zsh.startsWith('#compdef opsbook\n')).toBe(true);
        for (const command of commands) {
            expect(help).toContain(`  ${command} `);
            const options = [...(await runCli([command, '--help'])).stdout.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map(match => match[1]);
            expect(options.length).toBeGreaterThan(0);
            const zshCase = zsh.split('\n').find(line => line.trimStart().startsWith(`${command}) _arguments`)) ?? '';
            for (const option of options) {
                expect(zshCase, `zsh ${command} ${option}`).toMatch(new RegExp(`[{'(]${option}[\\[ ,}]`));
                expect(fish, `fish ${command} ${option}`).toContain(`-n '__fish_seen_subcommand_from ${command}' -l ${option!.slice(2)}`);
            }
        }
        expect(fish).toContain(
            "complete -c opsbook -n '__fish_seen_subcommand_from check' -l format -x -a 'text json sarif github junit' -d 'output format'"
        );
    });

    test('an unknown shell is a usage error (exit 2)', async () => {
        const result = await runCli(['completion', 'powershell']);
        expect(result).toEqual({
            code: 2,
            stdout: '',
            stderr: "error: command-argument value 'powershell' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.\n"
        });
    });
});

describe('--help of every command: what it does, its options, examples that use real options', () => {
    const commands = ['check', 'plan', 'review', 'export', 'fmt', 'init', 'next', 'diff', 'completion'] as const;

    test.each(commands)('%s --help', async command => {
        const result = await runCli([command, '--help']);
        expect(result.code).toBe(0);
        const examples = CLI_TEXT_EN.commands[command].examples;
        expect(examples.length).toBeGreaterThan(0);
        expect(result.stdout.replace(/\s+/g, ' ')).toContain(` ${CLI_TEXT_EN.commands[command].description} Arguments:`);
        expect(result.stdout).toContain(`\nExamples:\n${examples.map(([line, what]) => `  # ${what}\n  $ ${line}`).join('\n')}\n`);
        for (const [line] of examples) {
            expect(line.replace(/^cat \S+ \| /, '')).toMatch(new RegExp(`^opsbook ${command}\\b`));
            for (const option of line.match(/(?<=\s)--?[\w-]+/g) ?? [])
                expect(result.stdout, `${line}: ${option}`).toMatch(new RegExp(`\\s${option}[ ,]`));
        }
        expect(CLI_TEXT_ZH_CN.commands[command].examples.map(([line]) => line)).toEqual(examples.map(([line]) => line));
    });

    test('in Chinese with --locale zh-CN or opsbook.json locale', async () => {
        const zh = await runCli(['fmt', '--help', '--locale', 'zh-CN']);
        expect(zh.stdout).toContain('\n按统一版式格式化运营手册（直接改写文件）\n');
        expect(zh.stdout).toContain('\n示例：\n  # 格式化当前目录下的所有运营手册\n  $ opsbook fmt\n');
        expect(zh.stdout).toMatch(/--diff +不改动文件；以统一差异格式输出将要改动的内容/);
        expect(zh.stdout).toMatch(/-h, --help +显示命令帮助/);
        const dir = fresh('zh-help', { 'opsbook.json': '{ "locale": "zh-CN" }\n' });
        expect((await runCli(['--help'], { cwd: dir })).stdout).toContain('检查运营手册：语法、引用，以及数字是否对得上');
        expect(await runCli(['check', '--max-warnings', 'x'], { cwd: dir })).toEqual({
            code: 2,
            stdout: '',
            stderr: "错误：选项 '--max-warnings <n>' 的取值 'x' 无效。应为 0 或正整数\n"
        });
        fs.writeFileSync(path.join(dir, 'team.ops'), 'person a\n');
        const plan = await runCli(['plan', 'team.ops', '--locale', 'zh-CN'], { cwd: dir });
        expect(plan).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: team.ops：没有声明 playbook（这是 team.ops 之类的共用文件）；请指定声明了 `playbook` 的文件\n'
        });
        expect(await runCli(['check', 'missing.ops', '--locale', 'zh-CN'], { cwd: dir })).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: missing.ops：文件或目录不存在\n'
        });
        fs.writeFileSync(path.join(dir, 'p.ops'), 'playbook P "P" { period 2027-Q1 }\nreview W { every week }\n');
        fs.writeFileSync(path.join(dir, 'notes.md'), 'mine\n');
        const refused = await runCli(['plan', 'p.ops', '-o', 'notes.md'], { cwd: dir });
        expect(refused).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: notes.md：已存在且不是 opsbook 生成的；不会覆盖（用 --force 强制替换，或用 -o 换一个文件）\n'
        });
    });
});
