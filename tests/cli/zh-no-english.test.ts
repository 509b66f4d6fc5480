// SPEC §10, issue 16: under zh-CN every command's own words are Chinese — next (a file, a folder, its
// CSV errors, the errors that stop it), diff, plan DIR -o, review --previous, check --fix, fmt --diff,
// init, completion and --watch. Each output is searched for English sentences, leaving out what is not
// the CLI's words: user text and names (Chinese here), file names, options, code spans, the .ops
// keywords of a generated playbook and the machine-readable `file:line:col severity rule` prefix.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { CLI, ROOT, runCli, temporaryFolder } from './cli-helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const folder = temporaryFolder('opsbook-zh-english-');
const dir = folder.dir;
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(() => folder.remove());

fs.cpSync(path.join(ROOT, 'examples', 'org'), path.join(dir, 'org'), { recursive: true });
fs.copyFileSync(path.join(ROOT, 'tests/fixtures/cli/actuals/org-总部.csv'), path.join(dir, 'q3.csv'));
fs.writeFileSync(
    path.join(dir, '华东.csv'),
    `date,metric,channel,value\n${fs
        .readFileSync(path.join(dir, 'q3.csv'), 'utf8')
        .split('\n')
        .filter(line => line.endsWith(',华东Q3'))
        .map(line => line.replace(/,华东Q3$/, ''))
        .join('\n')}\n`
);
fs.writeFileSync(path.join(dir, 'bad.csv'), 'date,metric,channel,value,playbook\n2027-08-31,销售额,华东KA,abc,华东Q3\n');
fs.writeFileSync(
    path.join(dir, 'dup.csv'),
    'date,metric,channel,value,playbook\n2027-08-31,销售额,华东KA,1,华东Q3\n2027-08-31,销售额,华东KA,1,华东Q3\n'
);
fs.cpSync(path.join(dir, 'org'), path.join(dir, 'broken'), { recursive: true });
fs.writeFileSync(path.join(dir, 'broken', '坏.ops'), 'playbook 坏 { stage 成长 }\n');
fs.mkdirSync(path.join(dir, '待修'));
fs.writeFileSync(
    path.join(dir, '待修', 'a.ops'),
    'playbook P\nperson p\n// opsbook-ignore no-review\nreview R { every week owner p }\nmetric   m 计数\n'
);

/** The environment asks for Chinese (no --locale, no opsbook.json at the current folder). */
const ZH_ENV = { LANG: 'zh_CN.UTF-8' };
const zh = (args: string[]) => runCli(args, { cwd: dir, env: ZH_ENV });

/**
 * The English words of `text` that are the CLI's: what remains after removing code spans, fenced
 * blocks, HTML comments, options, file names, command lines and the diagnostic prefix.
 */
function englishIn(text: string): string[] {
    const kept = text
        .replace(/```[\s\S]*?```/g, '')
        .replace(/<!--[\s\S]*?-->/g, '')
        .split('\n')
        .map(line =>
            line
                .replace(/^\S+:\d+:\d+ (?:error|warning|info) \S+ /, '')
                .replace(/`[^`]*`/g, '')
                .replace(/(?:npx )?opsbook(?: [a-z]+)?/g, '')
                .replace(/--?[a-zA-Z][\w-]*/g, '')
                .replace(/[\w./~${}[\]\u4e00-\u9fff-]+\.(?:ops|csv|md|json|html|fish)\b/g, '')
        )
        .join('\n');
    return (
        kept.match(
            /\b(?:the|and|of|is|are|was|not|no|with|from|before|after|wrote|written|errors?|warnings?|files?|folders?|found|changed|checked|fix|see|usage|options?|commands?|expected|missing|unknown|invalid|cannot|please|generated|cycle|period|changes?|figures?|install|then|shell|add)\b/gi
        ) ?? []
    );
}

function expectChinese(output: { stdout: string; stderr: string }, what: string): void {
    expect({ what, stdout: englishIn(output.stdout), stderr: englishIn(output.stderr) }).toEqual({ what, stdout: [], stderr: [] });
}

describe('no English from the CLI under zh-CN', () => {
    test('the detector finds the English this test is about', () => {
        expect(englishIn('wrote org-q4/总部.ops\n')).toEqual(['wrote']);
        expect(englishIn('opsbook: broken: 1 error; fix it before generating documents (see opsbook check)\n')).toEqual([
            'error',
            'fix',
            'before',
            'see'
        ]);
        expect(englishIn('a.ops:1:2 error unknown-value 未知的阶段\n已写入 plans/总部.md\n')).toEqual([]);
    });

    test('next: one file to standard output and to -o, a folder, a bad CSV, a duplicate row, errors that stop it', async () => {
        const single = await zh(['next', 'org/华东.ops', '--actuals', '华东.csv']);
        expect(single.code).toBe(0);
        // The generated playbook is .ops source: the comment block that opens it is the CLI's words (the author's follow).
        const comments = single.stdout.split('\n\n')[0] ?? '';
        expect(comments).toContain('由 opsbook next 根据');
        expectChinese({ stdout: comments, stderr: single.stderr }, 'next FILE');
        const written = await zh(['next', 'org/华东.ops', '--actuals', '华东.csv', '-o', 'q4-华东.ops']);
        expect(written).toEqual({ code: 0, stdout: '', stderr: '已写入 q4-华东.ops\n' });
        const again = await zh(['next', 'org/华东.ops', '--actuals', '华东.csv', '-o', 'q4-华东.ops']);
        expect(again).toEqual({ code: 2, stdout: '', stderr: 'opsbook: q4-华东.ops：文件已存在，不会覆盖（如需替换请加 --force）\n' });
        const org = await zh(['next', 'org', '--actuals', 'q3.csv', '-o', 'org-q4']);
        expect(org).toEqual({
            code: 0,
            stdout: '',
            stderr: [
                '已写入 org-q4/华东.ops',
                '已写入 org-q4/华南.ops',
                '已写入 org-q4/总部.ops',
                '已写入 org-q4/团队.ops',
                '已写入 org-q4/opsbook.json',
                ''
            ].join('\n')
        });
        expect(await zh(['next', 'org', '--actuals', 'bad.csv', '-o', 'org-bad'])).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: bad.csv:2:21：数值 \'abc\' 不是数字：请写成 1234.5 这样的小数，或加引号写成 "1,234.5"\n'
        });
        const duplicate = await zh(['next', 'org', '--actuals', 'dup.csv', '-o', 'org-dup']);
        expect(duplicate.code).toBe(0);
        // The one CSV serves every playbook of the folder: its warning is said once.
        expect(duplicate.stderr.split('\n').filter(line => line.startsWith('dup.csv:3:1 warning '))).toHaveLength(1);
        expectChinese(duplicate, 'next DIR, a duplicate row');
        const broken = await zh(['next', 'broken', '--actuals', 'q3.csv', '-o', 'broken-q4']);
        expect([broken.code, broken.stderr.split('\n').at(-2)]).toEqual([
            1,
            'opsbook: broken：有 1 个错误；请先修正再生成文档（详见 opsbook check）'
        ]);
        expectChinese(broken, 'next DIR with errors');
        expect(await zh(['next', 'org', '--actuals', 'q3.csv'])).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: 对目录生成下一周期需要 -o OUTDIR：写入新手册的目录\n'
        });
    });

    test('diff, plan DIR -o, review and review --previous', async () => {
        const diff = await zh(['diff', 'org/总部.ops', 'org-q4/总部.ops']);
        expect(diff.stdout).toContain('## Opsbook 变更：org/总部.ops → org-q4/总部.ops');
        expectChinese(diff, 'diff');
        expect(await zh(['diff', 'org/总部.ops', 'org-q4/总部.ops', '-o', 'diff.md'])).toEqual({
            code: 0,
            stdout: '',
            stderr: '已写入 diff.md\n'
        });
        expect(await zh(['diff', 'org/总部.ops'])).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: diff 需要两个版本：OLD NEW（文件或目录），或 --rev A[..B] [PATHS…]\n'
        });
        const plans = await zh(['plan', 'org', '-o', 'plans']);
        expect(plans.stderr).toBe('已写入 plans/华东.md\n已写入 plans/华南.md\n已写入 plans/总部.md\n已写入 plans/index.md\n');
        expect(await zh(['plan', 'org'])).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: org：这是目录；请用 -o OUTDIR 指定输出目录，为其中每个运营手册生成执行计划，并生成 index.md\n'
        });
        expect((await zh(['review', 'org/华东.ops', '--period', '2027-07', '-o', 'r.md'])).stderr).toBe('已写入 r.md\n');
        const previous = await zh(['review', 'org/华东.ops', '--period', '2027-08', '--previous', 'r.md']);
        expect(previous.code).toBe(0);
        expect(previous.stdout).toContain('## 上次复盘的跟进事项');
        expectChinese(previous, 'review --previous');
        expect(await zh(['review', 'org/华东.ops', '--period', '2027-08', '--previous', 'missing.md'])).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: missing.md：文件不存在\n'
        });
    });

    test('check --fix, fmt --diff, fmt, init, completion', async () => {
        const fixed = await zh(['check', '--fix', '待修']);
        expect(fixed.stderr).toBe('待修/a.ops：已修复 1 个问题\n');
        expectChinese(fixed, 'check --fix');
        const diff = await zh(['fmt', '--diff', '待修']);
        expect(diff.code).toBe(1);
        expect(diff.stderr).toBe('1 个文件未格式化（运行 opsbook fmt 进行格式化）\n');
        expectChinese(await zh(['fmt', '待修']), 'fmt');
        const init = await zh(['init', 'starter', '--period', '2027-Q1']);
        expect(init).toEqual({
            code: 0,
            stdout: 'starter/playbook.ops\nstarter/team.ops\nstarter/opsbook.json\n',
            stderr: '下一步：npx opsbook check starter\n'
        });
        // The starter follows the command line's language.
        expect(fs.readFileSync(path.join(dir, 'starter', 'playbook.ops'), 'utf8')).toContain('  locale zh-CN');
        for (const shell of ['bash', 'zsh', 'fish']) {
            const script = await zh(['completion', shell]);
            const comments = script.stdout
                .split('\n')
                .filter(line => line.startsWith('# '))
                .join('\n');
            expect(comments).toContain(`opsbook 的 ${shell} 命令补全`);
            expectChinese({ stdout: comments, stderr: script.stderr }, `completion ${shell}`);
        }
        expect((await zh(['completion', 'zsh'])).stdout).toContain("_describe -t commands 'opsbook 命令' commands");
    });

    test('--watch: the watching line and the re-run', async () => {
        const child = spawn(process.execPath, [CLI, 'check', '待修', '--watch'], {
            cwd: dir,
            env: { ...process.env, NO_COLOR: '1', ...ZH_ENV }
        });
        children.push(child);
        let stderr = '';
        let stdout = '';
        child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk));
        child.stdout.setEncoding('utf8').on('data', chunk => (stdout += chunk));
        const until = async (predicate: () => boolean) => {
            for (let waited = 0; !predicate(); waited += 50) {
                if (waited > 20_000) throw new Error(`timed out:\n${stdout}\n${stderr}`);
                await new Promise(resolve => setTimeout(resolve, 50));
            }
        };
        await until(() => stderr.includes('正在监视'));
        fs.appendFileSync(path.join(dir, '待修', 'a.ops'), 'metric n 计数\n');
        await until(() => stdout.split('已检查').length > 2);
        expect(stderr).toContain('正在监视 待修 的改动（按 Ctrl+C 停止）');
        expectChinese({ stdout, stderr }, 'check --watch');
    });
});
