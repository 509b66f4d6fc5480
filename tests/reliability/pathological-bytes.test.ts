// Pathological bytes, each through the real CLI process: numbers out of range, NUL bytes, invalid
// UTF-8, a BOM, CRLF and lone CR line endings, an empty file, a folder named x.ops.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess, runCliProcess } from './support/run-cli.js';
import { clean } from './support/clean-exit.js';
import { tempWorkspace } from './support/temp-workspace.js';

describe('pathological bytes', () => {
    it('numbers out of range are one clear number-too-large error at the number', () => {
        const dir = tempWorkspace({
            'huge.ops':
                'metric s "S" count\ngoal G { target 99999999999999999999亿 s by 2027-03-31 }\nplaybook P { budget 1000000000000000 CNY fx USD = 123456789012345678901234567890 CNY }\n'
        });
        const result = runCliProcess(['check', '--format', 'json', 'huge.ops'], { cwd: dir });
        clean(result);
        const report = JSON.parse(result.stdout) as {
            diagnostics: { line: number; column: number; endColumn: number; rule: string; message: string }[];
        };
        const tooLarge = report.diagnostics.filter(d => d.rule === 'number-too-large');
        expect(tooLarge.map(d => [d.line, d.column, d.endColumn])).toEqual([
            [2, 17, 38],
            [3, 21, 37],
            [3, 51, 81]
        ]);
        expect(tooLarge[0]?.message).toBe(
            '99999999999999999999亿 is too large: numbers in a playbook must be below 1,000,000,000,000,000 (is a scale suffix wrong?)'
        );
        expect(result.code).toBe(1);
    });

    it('NUL bytes are a syntax error naming the character, not a crash', () => {
        const dir = tempWorkspace({ 'nul.ops': 'person alice\u0000 "A"\nperson bob\n' });
        const result = runCliProcess(['check', 'nul.ops'], { cwd: dir });
        clean(result);
        expect(result.stdout).toContain('nul.ops:1:13 error syntax-error unexpected NUL character (U+0000): is this a binary file?');
        expect(result.code).toBe(1);
    });

    it('a binary file (many NUL bytes) gives one clear line per run, not thousands', () => {
        const dir = tempWorkspace({ 'binary.ops': Buffer.alloc(100_000, 0) });
        const result = runCliProcess(['check', 'binary.ops'], { cwd: dir });
        clean(result);
        expect(result.stdout.split('\n').length).toBeLessThan(10);
        expect(result.code).toBe(1);
    });

    it('invalid UTF-8: check reports unreadable-file at the byte (exit 1), fmt names it and leaves it (exit 1), plan is one line (exit 2)', () => {
        const dir = tempWorkspace({
            'bad.ops': Buffer.concat([Buffer.from('person alice\nperson b'), Buffer.from([0xff, 0xfe]), Buffer.from('ob\n')])
        });
        const message =
            'not valid UTF-8 text: byte 0xFF here is not part of a UTF-8 character, so the file was not checked; save it as UTF-8';
        const expected: Record<string, { code: number; stdout: string; stderr: string }> = {
            check: { code: 1, stdout: `bad.ops:2:9 error unreadable-file ${message}\n1 file checked: 1 error, 0 warnings\n`, stderr: '' },
            fmt: { code: 1, stdout: '', stderr: `bad.ops:2:9 error unreadable-file ${message} (file left unchanged)\n` },
            plan: { code: 2, stdout: '', stderr: 'opsbook: bad.ops:2:9: not valid UTF-8 text (save the file as UTF-8)\n' }
        };
        for (const [command, want] of Object.entries(expected)) {
            const result = runCliProcess([command, 'bad.ops'], { cwd: dir });
            clean(result);
            expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }, command).toEqual(want);
        }
        expect(fs.readFileSync(path.join(dir, 'bad.ops'))[21], 'fmt left the file as it was').toBe(0xff);
    });

    it('a BOM does not shift columns on the first line, and fmt keeps the file parseable', () => {
        const dir = tempWorkspace({ 'bom.ops': '\uFEFFgoal G { owner nobody }\n' });
        const result = runCliProcess(['check', 'bom.ops'], { cwd: dir });
        clean(result);
        expect(result.stdout).toContain("bom.ops:1:16 error unresolved-reference unknown person 'nobody'");
        const fmt = runCliProcess(['fmt', 'bom.ops'], { cwd: dir });
        clean(fmt);
        expect(fmt.code).toBe(0);
        const again = runCliProcess(['check', 'bom.ops'], { cwd: dir });
        expect(again.stdout).toMatch(/unresolved-reference unknown person 'nobody'/);
    });

    it('CRLF and lone CR line endings: lines and columns as with LF', () => {
        const lines = ['metric s count', 'person p', 'goal G { target 1 s by 2027-03-31', '  owner nobody }'];
        for (const [name, eol] of [
            ['lf', '\n'],
            ['crlf', '\r\n'],
            ['cr', '\r'],
            ['mixed', '\r\n']
        ] as const) {
            const text = name === 'mixed' ? `${lines[0]}\r${lines[1]}\n${lines[2]}\r\n${lines[3]}\r` : lines.join(eol) + eol;
            const dir = tempWorkspace({ 'eol.ops': text });
            const result = runCliProcess(['check', 'eol.ops'], { cwd: dir });
            clean(result);
            expect(result.stdout, name).toContain("eol.ops:4:9 error unresolved-reference unknown person 'nobody'");
        }
    });

    it('an empty file: check is clean, fmt leaves it empty, plan says it declares no playbook (exit 2)', () => {
        const dir = tempWorkspace({ 'empty.ops': '' });
        const check = runCliProcess(['check', 'empty.ops'], { cwd: dir });
        clean(check);
        expect(check.stdout).toBe('1 file checked: 0 errors, 0 warnings\n');
        expect(check.code).toBe(0);
        const fmt = runCliProcess(['fmt', 'empty.ops'], { cwd: dir });
        expect(fmt.code).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'empty.ops'), 'utf8')).toBe('');
        const plan = runCliProcess(['plan', 'empty.ops'], { cwd: dir });
        clean(plan);
        expect(plan.stderr).toMatch(/^opsbook: empty\.ops: declares no playbook/);
        expect(plan.code).toBe(2);
    });

    it('a folder named x.ops: one clear line from every command, skipped by discovery, an unresolved import', () => {
        const dir = tempWorkspace({ 'x.ops/inner.txt': 'not a playbook', 'main.ops': 'import "x.ops"\nperson p\n' });
        for (const args of [
            ['plan', 'x.ops'],
            ['fmt', 'x.ops'],
            ['check', 'x.ops']
        ]) {
            const result = runCliProcess(args, { cwd: dir });
            clean(result);
            expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
            expect(result.stderr, args.join(' ')).toMatch(/^opsbook: .*x\.ops/);
            expect(result.code).toBe(2);
        }
        const all = runCliProcess(['check', '.'], { cwd: dir });
        clean(all);
        expect(all.stdout).toBe(
            'main.ops:1:8 error import-unresolved cannot import "x.ops": no such file next to this one\n1 file checked: 1 error, 0 warnings\n'
        );
    });

    it('a folder named x.ops given to review, export, or as -o: one clear line, exit 2, nothing written', async () => {
        const dir = tempWorkspace({ 'x.ops/inner.txt': 'not a playbook', 'p.ops': 'playbook P { period 2027-Q1 }\n' });
        for (const args of [
            ['review', path.join(dir, 'x.ops'), '--on', '2027-02-01'],
            ['export', path.join(dir, 'x.ops')],
            ['plan', path.join(dir, 'p.ops'), '-o', path.join(dir, 'x.ops')],
            ['export', path.join(dir, 'p.ops'), '-o', path.join(dir, 'x.ops')]
        ]) {
            const result = await runCliInProcess(args);
            expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
            expect(result.stderr, args.join(' ')).toMatch(/^opsbook: [^\n]*x\.ops[^\n]*\n$/);
        }
        expect(fs.readdirSync(path.join(dir, 'x.ops'))).toEqual(['inner.txt']);
    });

    it('hostile --actuals CSV files (binary, wrong header, a folder, missing, absurd numbers): one clear line each, exit 2', async () => {
        const dir = tempWorkspace({
            'p.ops':
                'playbook P { period 2027-Q1 }\nmetric s count\nperson p\ngoal G { target 10 s by 2027-03-31 owner p }\nchannel C { kind paid owner p budget 1k CNY delivers 10 s to G }\nreview R { every week owner p covers G }\n',
            'binary.csv': Buffer.from([0x64, 0x61, 0x74, 0x65, 0x0a, 0x00, 0xff, 0xfe]),
            'header.csv': 'a,b\n1,2\n',
            'numbers.csv': 'date,metric,channel,value\n2027-01-05,s,C,1e999\n',
            'huge.csv': 'date,metric,channel,value\n2027-01-05,s,C,99999999999999999999亿\n'
        });
        for (const csv of ['binary.csv', 'header.csv', 'numbers.csv', 'huge.csv', '.', 'missing.csv']) {
            const result = await runCliInProcess([
                'review',
                path.join(dir, 'p.ops'),
                '--on',
                '2027-02-01',
                '--actuals',
                path.join(dir, csv)
            ]);
            expect(result.code, `${csv}: ${result.stderr}`).toBe(2);
            expect(result.stderr, csv).toMatch(/^opsbook: [^\n]+\n$/);
            expect(result.stderr).not.toMatch(/internal error/);
        }
    });
});
