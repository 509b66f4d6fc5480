// `unreadable-file`: a file that cannot be read or is not UTF-8 is one diagnostic at its first bad byte,
// in every format; the other files are still checked and reported. A path that does not exist is still
// exit 2, after the report on the others (Reliability round two, item 4).
import * as fs from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import * as path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { RULE_IDS } from '../../packages/language/src/validation/rule-catalog.js';
import { runCli, runInProcess, temporaryFolder } from './cli-helpers.js';

const folder = temporaryFolder('opsbook-unreadable-');
afterAll(() => folder.remove());

// b.ops: a BOM (no column), CRLF endings, a Chinese character (one column), then a GBK-style byte 0xC4
// followed by ASCII: the bad byte is the 10th character of line 2 as an editor counts.
const BAD = Buffer.concat([Buffer.from('\uFEFFperson alice\r\nperson 李b', 'utf8'), Buffer.from([0xc4]), Buffer.from('ob\r\n')]);
fs.writeFileSync(path.join(folder.dir, 'opsbook.json'), '{}\n');
fs.writeFileSync(path.join(folder.dir, 'a.ops'), 'person ann "Ann"\n');
fs.writeFileSync(path.join(folder.dir, 'b.ops'), BAD);
fs.writeFileSync(path.join(folder.dir, 'c.ops'), 'goal G { owner nobody }\n');

const MESSAGE = 'not valid UTF-8 text: byte 0xC4 here is not part of a UTF-8 character, so the file was not checked; save it as UTF-8';
// c.ops's own messages belong to other rules (and may be reworded): matched by their start.
const UNPLANNED = expect.stringMatching(/^nothing delivers to, serves or decomposes G/);
const NOBODY = expect.stringMatching(/^unknown person 'nobody'/);
const unplannedLine = expect.stringMatching(/^c\.ops:1:6 warning goal-unplanned nothing delivers to, serves or decomposes G/);
const nobodyLine = expect.stringMatching(/^c\.ops:1:16 error unresolved-reference unknown person 'nobody'/);
const check = (...args: string[]) => runCli(['check', ...args], { cwd: folder.dir });

describe('a file that is not UTF-8 among good ones', () => {
    test('text: the bad file is one unreadable-file error at its first bad byte, the others are checked; exit 1', async () => {
        const result = await check('.');
        expect([result.code, result.stderr]).toEqual([1, '']);
        expect(result.stdout.split('\n')).toEqual([
            `b.ops:2:10 error unreadable-file ${MESSAGE}`,
            unplannedLine,
            nobodyLine,
            '3 files checked: 2 errors, 1 warning',
            ''
        ]);
    });

    test('json: one valid object with the diagnostic and every file counted', async () => {
        const result = await check('.', '--format', 'json');
        expect(result.code).toBe(1);
        expect(result.stderr).toBe('');
        const report = JSON.parse(result.stdout);
        expect(report.diagnostics[0]).toEqual({
            file: 'b.ops',
            line: 2,
            column: 10,
            endLine: 2,
            endColumn: 11,
            severity: 'error',
            rule: 'unreadable-file',
            message: MESSAGE
        });
        expect(report.diagnostics.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`)).toEqual([
            'b.ops unreadable-file',
            'c.ops goal-unplanned',
            'c.ops unresolved-reference'
        ]);
        expect(report.summary).toEqual({ files: 3, errors: 2, warnings: 1, infos: 0 });
    });

    test('sarif: a result of the catalogued rule unreadable-file with its region', async () => {
        const result = await check('.', '--format', 'sarif');
        expect(result.code).toBe(1);
        const run = JSON.parse(result.stdout).runs[0];
        const index = RULE_IDS.indexOf('unreadable-file');
        expect(index).toBeGreaterThanOrEqual(0);
        expect(run.tool.driver.rules[index]).toMatchObject({
            id: 'unreadable-file',
            name: 'UnreadableFile',
            defaultConfiguration: { level: 'error' }
        });
        expect(run.results[0]).toEqual({
            ruleId: 'unreadable-file',
            ruleIndex: index,
            level: 'error',
            message: { text: MESSAGE },
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: { uri: 'b.ops', uriBaseId: '%SRCROOT%' },
                        region: { startLine: 2, startColumn: 10, endLine: 2, endColumn: 11 }
                    }
                }
            ]
        });
        expect(run.results).toHaveLength(3);
    });

    test('github: a workflow command like any other diagnostic', async () => {
        const result = await check('.', '--format', 'github');
        expect(result.code).toBe(1);
        expect(result.stdout.split('\n')[0]).toBe(
            `::error file=b.ops,line=2,col=10,endLine=2,endColumn=11,title=unreadable-file::${MESSAGE}`
        );
        expect(result.stdout.split('\n')).toHaveLength(5);
    });

    test('in Chinese with --locale zh-CN; opsbook.json can lower its severity', async () => {
        const zh = await check('b.ops', '--locale', 'zh-CN');
        expect(zh).toEqual({
            code: 1,
            stderr: '',
            stdout: 'b.ops:2:10 error unreadable-file 文件不是有效的 UTF-8 文本：此处的字节 0xC4 无法按 UTF-8 解码（文件可能是 GBK 等其他编码），因此未检查；请将文件另存为 UTF-8 编码\n已检查 1 个文件：1 个错误，0 个警告\n'
        });
        const other = temporaryFolder('opsbook-unreadable-config-');
        try {
            fs.writeFileSync(path.join(other.dir, 'opsbook.json'), '{ "rules": { "unreadable-file": "warning" } }\n');
            fs.writeFileSync(path.join(other.dir, 'b.ops'), BAD);
            const lowered = await runCli(['check', '.'], { cwd: other.dir });
            expect(lowered).toEqual({
                code: 0,
                stderr: '',
                stdout: `b.ops:2:10 warning unreadable-file ${MESSAGE}\n1 file checked: 0 errors, 1 warning\n`
            });
        } finally {
            other.remove();
        }
    });

    test('a sequence cut short at the end of the file, an overlong form and a lone 0xFF each point at their first byte', async () => {
        const other = temporaryFolder('opsbook-unreadable-bytes-');
        try {
            fs.writeFileSync(path.join(other.dir, 'opsbook.json'), '{}\n');
            fs.writeFileSync(path.join(other.dir, 'cut.ops'), Buffer.concat([Buffer.from('person a\n// é'), Buffer.from([0xe6, 0x9d])]));
            fs.writeFileSync(path.join(other.dir, 'overlong.ops'), Buffer.concat([Buffer.from('person a '), Buffer.from([0xc0, 0xaf])]));
            fs.writeFileSync(path.join(other.dir, 'ff.ops'), Buffer.from([0xff]));
            const result = await runCli(['check', '.', '--format', 'json'], { cwd: other.dir });
            const found = JSON.parse(result.stdout).diagnostics.map(
                (d: { file: string; line: number; column: number; message: string }) =>
                    `${d.file}:${d.line}:${d.column} ${d.message.slice(0, 36)}`
            );
            expect(found).toEqual([
                'cut.ops:2:5 not valid UTF-8 text: byte 0xE6 here',
                'ff.ops:1:1 not valid UTF-8 text: byte 0xFF here',
                'overlong.ops:1:10 not valid UTF-8 text: byte 0xC0 here'
            ]);
            expect(result.code).toBe(1);
        } finally {
            other.remove();
        }
    });
});

describe('a path that does not exist', () => {
    test('exit 2 with one line on stderr, after the whole report on the other paths (JSON stays one object)', async () => {
        const json = await check('.', 'missing.ops', '--format', 'json');
        expect(json.code).toBe(2);
        expect(json.stderr).toBe('opsbook: missing.ops: no such file or folder\n');
        expect(JSON.parse(json.stdout).summary).toEqual({ files: 3, errors: 2, warnings: 1, infos: 0 });
        const text = await check('c.ops', 'missing.ops', 'gone');
        expect([text.code, text.stderr]).toEqual([
            2,
            'opsbook: missing.ops: no such file or folder\nopsbook: gone: no such file or folder\n'
        ]);
        expect(text.stdout.split('\n')).toEqual([unplannedLine, nobodyLine, '1 file checked: 1 error, 1 warning', '']);
    });

    test('only missing paths: the line alone, exit 2, nothing on stdout', async () => {
        expect(await check('missing.ops')).toEqual({ code: 2, stdout: '', stderr: 'opsbook: missing.ops: no such file or folder\n' });
    });
});

describe('a file that cannot be read at all', () => {
    // Root reads any file whatever its mode, so the failure is simulated: node:fs patched in process.
    const cjsFs = createRequire(import.meta.url)('node:fs') as typeof fs;
    const original = cjsFs.readFileSync;
    afterEach(() => {
        cjsFs.readFileSync = original;
        syncBuiltinESMExports();
    });

    test('permission denied: unreadable-file at 1:1, the other files are checked, exit 1', async () => {
        const denied = path.join(folder.dir, 'a.ops');
        cjsFs.readFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
            if (file === denied) throw Object.assign(new Error('EACCES: simulated'), { code: 'EACCES' });
            return (original as (...args: unknown[]) => unknown)(file, ...rest);
        }) as typeof fs.readFileSync;
        syncBuiltinESMExports();
        const result = await runInProcess(['check', denied, path.join(folder.dir, 'c.ops'), '--format', 'json']);
        expect(result.code).toBe(1);
        expect(
            JSON.parse(result.stdout).diagnostics.map(
                (d: { line: number; column: number; endColumn: number; rule: string; message: string }) => [
                    d.line,
                    d.column,
                    d.endColumn,
                    d.rule,
                    d.message
                ]
            )
        ).toEqual([
            [1, 1, 1, 'unreadable-file', 'the file cannot be read (permission denied), so it was not checked'],
            [1, 6, 7, 'goal-unplanned', UNPLANNED],
            [1, 16, 22, 'unresolved-reference', NOBODY]
        ]);
    });
});

describe('fmt and plan', () => {
    test('fmt formats the good files, names the bad one with its position and leaves it byte for byte (exit 1)', async () => {
        const other = temporaryFolder('opsbook-unreadable-fmt-');
        try {
            fs.writeFileSync(path.join(other.dir, 'opsbook.json'), '{}\n');
            fs.writeFileSync(path.join(other.dir, 'a.ops'), 'person    ann   "Ann"\n');
            fs.writeFileSync(path.join(other.dir, 'b.ops'), BAD);
            fs.writeFileSync(path.join(other.dir, 'c.ops'), 'person    cy   "Cy"\n');
            const result = await runCli(['fmt', '.'], { cwd: other.dir });
            expect(result).toEqual({
                code: 1,
                stdout: 'a.ops\nc.ops\n',
                stderr: `b.ops:2:10 error unreadable-file ${MESSAGE} (file left unchanged)\n`
            });
            expect(fs.readFileSync(path.join(other.dir, 'b.ops')).equals(BAD)).toBe(true);
            expect(fs.readFileSync(path.join(other.dir, 'c.ops'), 'utf8')).toBe('person cy "Cy"\n');
        } finally {
            other.remove();
        }
    });

    test('plan of a file that is not UTF-8 is still one line, exit 2', async () => {
        expect(await runCli(['plan', 'b.ops'], { cwd: folder.dir })).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: b.ops:2:10: not valid UTF-8 text (save the file as UTF-8)\n'
        });
    });
});
