// Commander's own words in zh-CN (SPEC §10, issue 16): the headings, placeholders and notes of `--help`
// and every usage error it raises, through its hooks (packages/cli/src/commander-locale.ts), with the
// same exit codes as in English. Runs the real bin.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { CLI, runCli, temporaryFolder } from './cli-helpers.js';
import { displayWidth } from '../../packages/language/src/format/display-width.js';

vi.setConfig({ testTimeout: 120_000 });

const folder = temporaryFolder('opsbook-commander-zh-');
afterAll(() => folder.remove());
fs.writeFileSync(path.join(folder.dir, 'a.ops'), 'playbook P\nreview R { every week owner p }\nperson p\n');
const zh = (args: string[]) => runCli(args, { cwd: folder.dir, env: { LANG: 'zh_CN.UTF-8' } });
const en = (args: string[]) => runCli(args, { cwd: folder.dir });

/** Commander's English, which must not show through in Chinese help. */
const COMMANDER_ENGLISH = /Usage:|Options:|Commands:|Arguments:|\[options\]|\[command\]|display help|output the version|choices:|default:/;

describe('--help in zh-CN', () => {
    test('the root: headings, usage placeholders, the help and version options', async () => {
        const result = await zh(['--help']);
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('');
        const lines = result.stdout.split('\n');
        expect(lines.slice(0, 5)).toEqual(['用法：opsbook [选项] [命令]', '', 'Opsbook：把运营手册写成可检查的文本文件', '', '选项：']);
        expect(lines).toContain('命令：');
        expect(lines).toContain('  -V, --version            显示版本号');
        expect(lines).toContain('  -h, --help               显示命令帮助');
        expect(lines).toContain('  check [选项] [paths...]  检查运营手册：语法、引用，以及数字是否对得上');
        expect(lines).toContain('  help [命令]              显示命令帮助');
        expect(result.stdout).not.toMatch(COMMANDER_ENGLISH);
    });

    test('a subcommand: arguments, the notes after an option, wrapped at 80 columns counting each Chinese character as two', async () => {
        const result = await zh(['check', '--help']);
        expect(result.code).toBe(0);
        const lines = result.stdout.split('\n');
        expect(lines.slice(0, 6)).toEqual([
            '用法：opsbook check [选项] [paths...]',
            '',
            '检查运营手册：语法、引用，以及数字是否对得上',
            '',
            '参数：',
            '  paths               要检查的文件或目录（默认：当前目录；- 表示读取标准输入）'
        ]);
        expect(result.stdout).toContain(
            '  --format <format>   输出格式（可选 text、json、sarif、github、junit；默认\n                      text）\n'
        );
        expect(result.stdout).toContain('  --locale <locale>   消息和文档的语言（可选 en、zh-CN）\n');
        // The opening parenthesis goes to the next line with what it opens.
        expect(result.stdout).toContain('一有改动就重新运行\n                      （按 Ctrl+C 停止）\n');
        expect(result.stdout).not.toMatch(COMMANDER_ENGLISH);
        expect(lines.filter(line => displayWidth(line) > 80)).toEqual([]);
    });

    test('English help is exactly as commander writes it', async () => {
        const result = await en(['check', '--help']);
        expect(result.stdout.split('\n').slice(0, 11)).toEqual([
            'Usage: opsbook check [options] [paths...]',
            '',
            'check playbooks: syntax, references and whether the numbers add up',
            '',
            'Arguments:',
            '  paths               files or folders to check (default: the current folder; -',
            '                      reads standard input)',
            '',
            'Options:',
            '  --format <format>   output format (choices: "text", "json", "sarif", "github",',
            '                      "junit", default: "text")'
        ]);
        expect((await en(['--help'])).stdout).toContain('\nCommands:\n  check [options] [paths...]  ');
    });
});

describe("commander's usage errors in zh-CN, exit code 2 as in English", () => {
    const cases: [string, string[], string, string][] = [
        [
            'unknown option',
            ['check', '--quite'],
            "错误：未知的选项 '--quite'\n（是不是 --quiet？）\n",
            "error: unknown option '--quite'\n(Did you mean --quiet?)\n"
        ],
        [
            'unknown command',
            ['chek'],
            "错误：未知的命令 'chek'\n（是不是 check？）\n",
            "error: unknown command 'chek'\n(Did you mean check?)\n"
        ],
        ['missing argument', ['plan'], "错误：缺少必需的参数 'file'\n", "error: missing required argument 'file'\n"],
        [
            'option missing its value',
            ['plan', 'a.ops', '-o'],
            "错误：选项 '-o, --output <file>' 缺少取值\n",
            "error: option '-o, --output <file>' argument missing\n"
        ],
        [
            'required option missing',
            ['next', 'a.ops'],
            "错误：缺少必需的选项 '--actuals <csv>'\n",
            "error: required option '--actuals <csv>' not specified\n"
        ],
        [
            'excess arguments',
            ['init', 'a', 'b'],
            '错误：「init」的参数过多：应为 1 个，实际为 2 个。\n',
            "error: too many arguments for 'init'. Expected 1 argument but got 2.\n"
        ],
        [
            'invalid choice of an option',
            ['export', 'a.ops', '--format', 'xml'],
            "错误：选项 '--format <format>' 的取值 'xml' 无效。可选值为 json、csv。\n",
            "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are json, csv.\n"
        ],
        [
            'invalid choice of an argument',
            ['completion', 'tcsh'],
            "错误：参数 'shell' 的取值 'tcsh' 无效。可选值为 bash、zsh、fish。\n",
            "error: command-argument value 'tcsh' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.\n"
        ],
        [
            'a value our own parser refuses',
            ['check', '--max-warnings', 'x'],
            "错误：选项 '--max-warnings <n>' 的取值 'x' 无效。应为 0 或正整数\n",
            "error: option '--max-warnings <n>' argument 'x' is invalid. expected a whole number, 0 or more\n"
        ]
    ];
    test.each(cases)('%s', async (_name, args, chinese, english) => {
        expect(await zh(args)).toEqual({ code: 2, stdout: '', stderr: chinese });
        expect(await en(args)).toEqual({ code: 2, stdout: '', stderr: english });
    });

    test('no command: the help on standard error, in Chinese, exit 2', async () => {
        const result = await zh([]);
        expect(result.code).toBe(2);
        expect(result.stderr.split('\n')[0]).toBe('用法：opsbook [选项] [命令]');
        expect(result.stderr).not.toMatch(COMMANDER_ENGLISH);
    });
});

describe('a reader that leaves early', () => {
    test('`opsbook check --help | head -1`: the closed pipe ends the CLI quietly, exit 0, no stack trace', async () => {
        const child = spawn(process.execPath, [CLI, 'check', '--help'], { cwd: folder.dir, env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
        // The reader is gone before the CLI writes: its write fails with EPIPE.
        child.stdout.destroy();
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk));
        const code = await new Promise<number | null>(resolve => child.on('close', resolve));
        expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    });
});
