// SPEC §10: every message of the CLI in zh-CN — usage errors, file errors, CSV errors, opsbook.json
// problems, the tally — chosen by --locale, else opsbook.json's "locale", else the environment
// (LC_ALL, LC_MESSAGES, LANG); and `opsbook init --locale zh-CN`, a Chinese starter that checks clean.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { ROOT, runCli, runInProcess, temporaryFolder } from './cli-helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const folder = temporaryFolder('opsbook-zh-cli-');
afterAll(() => folder.remove());
let counter = 0;
const fresh = (name: string, files: Record<string, string> = {}) => {
    const dir = path.join(folder.dir, `${counter++}-${name}`);
    fs.mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
    return dir;
};
const ZH = { 'opsbook.json': '{ "locale": "zh-CN" }' };

describe('usage errors (commander) in Chinese', () => {
    test('an option value that is not one of the choices, an unknown option, a missing argument, an unknown command', async () => {
        const dir = fresh('usage');
        expect(await runCli(['check', '--format', 'xml', '--locale', 'zh-CN'], { cwd: dir })).toEqual({
            code: 2,
            stdout: '',
            stderr: "错误：选项 '--format <format>' 的取值 'xml' 无效。可选值为 text、json、sarif、github、junit。\n"
        });
        expect((await runCli(['check', '--quite', '--locale=zh-CN'], { cwd: dir })).stderr).toBe(
            "错误：未知的选项 '--quite'\n（是不是 --quiet？）\n"
        );
        expect((await runCli(['plan', '--locale', 'zh-CN'], { cwd: dir })).stderr).toBe("错误：缺少必需的参数 'file'\n");
        expect((await runCli(['chek'], { cwd: fresh('cmd', ZH) })).stderr).toBe("错误：未知的命令 'chek'\n（是不是 check？）\n");
        expect((await runCli(['check', '--max-warnings', 'x'], { cwd: fresh('max', ZH) })).stderr).toBe(
            "错误：选项 '--max-warnings <n>' 的取值 'x' 无效。应为 0 或正整数\n"
        );
    });

    test('English stays exactly as commander words it', async () => {
        const dir = fresh('usage-en');
        expect((await runCli(['check', '--format', 'xml'], { cwd: dir })).stderr).toBe(
            "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif, github, junit.\n"
        );
        expect((await runCli(['check', '--quite'], { cwd: dir })).stderr).toBe(
            "error: unknown option '--quite'\n(Did you mean --quiet?)\n"
        );
    });
});

describe('--help in Chinese', () => {
    test('headings, descriptions and commander notes; English help unchanged', async () => {
        const dir = fresh('help', ZH);
        const check = await runCli(['check', '--help'], { cwd: dir });
        expect(check.code).toBe(0);
        expect(check.stdout).toContain('检查运营手册：语法、引用，以及数字是否对得上');
        const top = await runCli(['--help', '--locale', 'zh-CN'], { cwd: fresh('help-top') });
        expect(top.stdout).toContain('检查运营手册：语法、引用，以及数字是否对得上');
        const english = await runCli(['check', '--help'], { cwd: fresh('help-en') });
        expect(english.stdout.split('\n').slice(0, 5)).toEqual([
            'Usage: opsbook check [options] [paths...]',
            '',
            'check playbooks: syntax, references and whether the numbers add up',
            '',
            'Arguments:'
        ]);
        expect(english.stdout).toContain('output format (choices: "text", "json", "sarif",');
    });
});

describe('which language: --locale, opsbook.json, the environment', () => {
    test('opsbook.json above the current folder, LANG=zh_CN.UTF-8, and --locale en over both', async () => {
        const zhRoot = fresh('root', ZH);
        const inside = path.join(zhRoot, 'sub');
        fs.mkdirSync(inside);
        expect((await runCli(['fmt'], { cwd: inside })).stderr).toBe('opsbook: 当前目录中没有 .ops 文件\n');
        const plain = fresh('plain');
        expect((await runCli(['fmt'], { cwd: plain, env: { LANG: 'zh_CN.UTF-8' } })).stderr).toBe('opsbook: 当前目录中没有 .ops 文件\n');
        expect((await runCli(['fmt', 'nope.ops'], { cwd: plain, env: { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' } })).stderr).toBe(
            'opsbook: nope.ops：文件或目录不存在\n'
        );
        expect((await runCli(['fmt'], { cwd: plain })).stderr).toBe('opsbook: no .ops files found in the current folder\n');
        expect((await runCli(['fmt', '--locale', 'en'], { cwd: inside, env: { LANG: 'zh_CN.UTF-8' } })).stderr).toBe(
            "error: unknown option '--locale'\n"
        );
        expect((await runCli(['check', '--locale', 'en'], { cwd: inside, env: { LANG: 'zh_CN.UTF-8' } })).stderr).toBe(
            'opsbook: no .ops files found in the current folder\n'
        );
    });

    test('the diagnostics follow the environment too when nothing else chooses', async () => {
        const dir = fresh('env-diagnostics', { 'a.ops': 'playbook P { stage grwoth }\n' });
        const result = await runCli(['check', 'a.ops'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
        expect(result.stdout).toBe(
            "a.ops:1:10 warning no-review 运营手册 P 没有复盘：请加上 'review 周复盘 { every week owner … covers … }'，用数据检验计划\n" +
                'a.ops:1:20 error unknown-value 未知的阶段（stage）「grwoth」：是否应为「growth」？可选值为 开发期（development）、种子期（seed）、成长期（growth）、成熟期（mature）或衰退期（decline）\n' +
                '已检查 1 个文件：1 个错误，1 个警告\n'
        );
    });
});

describe('check, fmt, plan and review in Chinese', () => {
    test('the tally and --max-warnings', async () => {
        const dir = fresh('tally', { ...ZH, 'a.ops': 'playbook P\n' });
        const result = await runCli(['check', '--max-warnings', '0'], { cwd: dir });
        expect(result).toEqual({
            code: 1,
            stdout: "a.ops:1:10 warning no-review 运营手册 P 没有复盘：请加上 'review 周复盘 { every week owner … covers … }'，用数据检验计划\n已检查 1 个文件：0 个错误，1 个警告\n",
            stderr: '警告过多：共 1 个（--max-warnings 最多允许 0 个）\n'
        });
    });

    test('fmt --check and a file left unchanged', async () => {
        const dir = fresh('fmt', { ...ZH, 'a.ops': 'metric   m count\n', 'b.ops': 'goal G {\n  budget 1\n}\n' });
        const result = await runCli(['fmt', '--check'], { cwd: dir });
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('a.ops\n');
        expect(result.stderr).toBe(
            "b.ops:2:3 error syntax-error 'budget' 不是目标（goal）的属性：应为 target、milestone、owner、strategy、part of 或 '}' （文件未改动）\n1 个文件未格式化（运行 opsbook fmt 进行格式化）\n"
        );
    });

    test('a library file, errors before documents, a file written, a file refused', async () => {
        const dir = fresh('plan', {
            ...ZH,
            'team.ops': 'person p\n',
            'bad.ops': 'playbook B { stage grwoth }\n',
            'ok.ops': 'playbook P\nreview R { every week owner p }\nperson p\n'
        });
        expect((await runCli(['plan', 'team.ops'], { cwd: dir })).stderr).toBe(
            'opsbook: team.ops：没有声明 playbook（这是 team.ops 之类的共用文件）；请指定声明了 `playbook` 的文件\n'
        );
        const bad = await runCli(['plan', 'bad.ops'], { cwd: dir });
        expect([bad.code, bad.stderr.split('\n').at(-2)]).toEqual([
            1,
            'opsbook: bad.ops：有 1 个错误；请先修正再生成文档（详见 opsbook check）'
        ]);
        expect(await runCli(['plan', 'ok.ops', '-o', 'plan.md'], { cwd: dir })).toEqual({
            code: 0,
            stdout: '',
            stderr: '已写入 plan.md\n'
        });
        fs.writeFileSync(path.join(dir, 'plan.md'), fs.readFileSync(path.join(dir, 'plan.md'), 'utf8') + 'edited\n');
        expect((await runCli(['plan', 'ok.ops', '-o', 'plan.md'], { cwd: dir })).stderr).toBe(
            'opsbook: plan.md：这份执行计划在 opsbook 生成后被改动过；不会覆盖（用 --force 强制替换，或用 -o 写到别的文件）\n'
        );
    });

    test('review: the window options and the actuals CSV', async () => {
        const dir = fresh('review', {
            ...ZH,
            'ok.ops': 'playbook P { period 2027-Q1 }\nmetric m count\nreview R { every week owner p }\nperson p\n'
        });
        fs.writeFileSync(path.join(dir, 'bad.csv'), 'date,metric,channel,value\n2027-01-02,m,,abc\n2027-01-03,x,,1\n');
        fs.writeFileSync(path.join(dir, 'dates.csv'), 'date,metric,channel,value\n2027-02-30,m,,1\n');
        fs.writeFileSync(path.join(dir, 'extra.csv'), 'date,metric,channel,value,note\n');
        expect((await runCli(['review', 'ok.ops'], { cwd: dir })).stderr).toBe(
            'opsbook: review 需要且只需要 --on 日期（如 --on 2027-02-01）或 --period 周期（2027-W05、2027-01、2027-Q1）其中之一\n'
        );
        expect((await runCli(['review', 'ok.ops', '--on', '2027-13-01'], { cwd: dir })).stderr).toBe(
            'opsbook: --on 2027-13-01：不是有效日期；请写成 YYYY-MM-DD，例如 2027-02-01\n'
        );
        expect((await runCli(['review', 'ok.ops', '--period', '2026-12'], { cwd: dir })).stderr).toBe(
            'opsbook: --period 2026-12 不在运营周期（2027-01-01 至 2027-03-31）内：请改用该周期内的日期或时段\n'
        );
        const csv = (file: string) => runCli(['review', 'ok.ops', '--period', '2027-01', '--actuals', file], { cwd: dir });
        expect(await csv('bad.csv')).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: bad.csv:2:15：数值 \'abc\' 不是数字：请写成 1234.5 这样的小数，或加引号写成 "1,234.5"\n'
        });
        expect((await csv('dates.csv')).stderr).toBe(
            "opsbook: dates.csv:2:1：日期 '2027-02-30' 无效：请写成日历上存在的 YYYY-MM-DD 日期，例如 2027-03-01\n"
        );
        expect((await csv('extra.csv')).stderr).toBe(
            "opsbook: extra.csv:1:27：表头中有多余的列 'note'：应为 date,metric,channel,value，可另加 playbook 列\n"
        );
    });

    test('opsbook.json problems in its own locale, and in English without one', async () => {
        const zh = fresh('config-zh', {
            'opsbook.json': '{ "locale": "zh-CN", "rules": { "budget-overun": "off" } }',
            'a.ops': 'person p\n'
        });
        expect(await runCli(['check'], { cwd: zh })).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: opsbook.json:1:33：opsbook.json 中有未知的规则「budget-overun」：是否应为「budget-overrun」？\n'
        });
        const trailing = fresh('config-json', { 'opsbook.json': '{ "locale": "zh-CN", }', 'a.ops': 'person p\n' });
        // A file that is not JSON cannot say its locale: English, unless --locale or the environment says otherwise.
        expect((await runCli(['check'], { cwd: trailing })).stderr).toBe(
            "opsbook: opsbook.json:1:22: opsbook.json is not valid JSON: a comma before '}' (remove it: JSON allows no trailing comma)\n"
        );
        expect((await runCli(['check'], { cwd: trailing, env: { LANG: 'zh_CN.UTF-8' } })).stderr).toBe(
            "opsbook: opsbook.json:1:22：opsbook.json 不是有效的 JSON：'}' 前面多了一个逗号（请删掉：JSON 不允许末尾逗号）\n"
        );
        const en = fresh('config-en', { 'opsbook.json': '{ "rules": { "budget-overun": "off" } }', 'a.ops': 'person p\n' });
        expect((await runCli(['check'], { cwd: en })).stderr).toBe(
            "opsbook: opsbook.json:1:14: unknown rule 'budget-overun' in opsbook.json: did you mean 'budget-overrun'?\n"
        );
        expect((await runCli(['check', '--locale', 'zh-CN'], { cwd: en })).stderr).toBe(
            'opsbook: opsbook.json:1:14：opsbook.json 中有未知的规则「budget-overun」：是否应为「budget-overrun」？\n'
        );
    });
});

describe('opsbook init --locale zh-CN', () => {
    test('writes a Chinese starter that checks clean, with a Chinese plan; refuses to overwrite in Chinese', async () => {
        const dir = fresh('init');
        expect(await runCli(['init', 'starter', '--period', '2027-Q1', '--locale', 'zh-CN'], { cwd: dir })).toEqual({
            code: 0,
            stdout: 'starter/playbook.ops\nstarter/team.ops\nstarter/opsbook.json\n',
            stderr: '下一步：npx opsbook check starter\n'
        });
        const playbook = fs.readFileSync(path.join(dir, 'starter', 'playbook.ops'), 'utf8');
        expect(playbook).toContain('playbook 起步 "2027-Q1 运营计划" {');
        expect(playbook).toContain('  stage 成长期');
        expect(playbook).toContain('  focus 拉新');
        expect(playbook).toContain('metric 注册 "注册用户" 计数');
        expect(playbook).not.toMatch(/\b(?:Your|the|and)\b/);
        expect(JSON.parse(fs.readFileSync(path.join(dir, 'starter', 'opsbook.json'), 'utf8')).locale).toBe('zh-CN');
        expect(await runCli(['check', 'starter'], { cwd: dir })).toEqual({
            code: 0,
            stdout: '已检查 2 个文件：0 个错误，0 个警告\n',
            stderr: ''
        });
        const plan = await runCli(['plan', 'starter/playbook.ops'], { cwd: dir });
        expect(plan.stdout).toContain('# 执行计划');
        expect(plan.stdout).toContain('| 阶段 | 成长期 |');
        expect(await runCli(['init', 'starter', '--locale', 'zh-CN'], { cwd: dir })).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: starter/playbook.ops、starter/team.ops、starter/opsbook.json 已存在；init 不会写入任何文件（请先移走，或换一个目录）\n'
        });
        expect(
            (await runCli(['init', 'x', '--stage', 'decline', '--focus', 'acquisition', '--locale', 'zh-CN'], { cwd: dir })).stderr
        ).toBe('opsbook: 策略重点 acquisition 不适合 decline 阶段：请选择 retention、reactivation、monetization\n');
    });

    const SUITS: Record<string, string[]> = {
        development: ['acquisition', 'activation', 'retention', 'referral', 'brand'],
        seed: ['acquisition', 'activation', 'retention', 'referral', 'brand'],
        growth: ['acquisition', 'activation', 'retention', 'monetization', 'referral', 'brand'],
        mature: ['acquisition', 'activation', 'retention', 'monetization', 'referral', 'brand', 'reactivation'],
        decline: ['activation', 'retention', 'monetization', 'referral', 'brand', 'reactivation']
    };
    test.each(Object.entries(SUITS).flatMap(([stage, focuses]) => focuses.map(focus => [stage, focus])))(
        '--stage %s --focus %s checks clean and is formatted',
        async (stage, focus) => {
            const dir = path.join(fresh(`${stage}-${focus}`), 'starter');
            expect(
                (await runInProcess(['init', dir, '--stage', stage, '--focus', focus, '--period', '2027-03', '--locale', 'zh-CN'])).code
            ).toBe(0);
            expect(await runInProcess(['check', dir])).toEqual({ code: 0, stdout: '已检查 2 个文件：0 个错误，0 个警告\n', stderr: '' });
            expect(await runInProcess(['fmt', '--check', dir])).toEqual({ code: 0, stdout: '', stderr: '' });
        }
    );

    test('the English starter is unchanged by the Chinese one', () => {
        expect(fs.readFileSync(path.join(ROOT, 'packages/cli/templates/playbook.ops'), 'utf8')).toContain('locale en ');
        expect(fs.readFileSync(path.join(ROOT, 'packages/cli/templates/zh-CN/playbook.ops'), 'utf8')).toContain('locale zh-CN ');
    });
});
