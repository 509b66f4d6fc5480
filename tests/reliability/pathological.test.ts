// Pathological inputs, each through the real CLI process (what a user or CI runs): huge files, deep
// `part of` chains, thousands of imports, import cycles, a 1 MB line, numbers out of range, NUL
// bytes, invalid UTF-8, a BOM, CRLF and lone CR line endings, an empty file, a folder named x.ops.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bigPlaybook, HEADER, partOfChain } from './support/big-inputs.js';
import { runCliProcess, STACK_TRACE } from './support/run-cli.js';
import { tempWorkspace } from './support/temp-workspace.js';

/** The summary line of `opsbook check` text output. */
function summary(stdout: string): string {
    return stdout.trim().split('\n').pop() ?? '';
}

function clean(result: { stdout: string; stderr: string; signal: NodeJS.Signals | null }): void {
    expect(result.signal, 'killed by the time limit or a crash').toBeNull();
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stderr).not.toMatch(/internal error|Maximum call stack|heap out of memory/);
}

// Bounds are generous (CI machines are shared); the failures they catch were minutes or endless.
const BIG_FILE_LIMIT_MS = 150_000;
const DEEP_LIMIT_MS = 30_000;

describe('pathological inputs', () => {
    it('a 10 MB playbook is checked in bounded time, with every unresolved owner reported and suggested', () => {
        const { text, blocks } = bigPlaybook(10 * 1024 * 1024);
        const dir = tempWorkspace({ 'big.ops': text });
        const result = runCliProcess(['check', '--format', 'json', 'big.ops'], { cwd: dir, timeout: BIG_FILE_LIMIT_MS });
        clean(result);
        expect(result.elapsed).toBeLessThan(BIG_FILE_LIMIT_MS);
        const report = JSON.parse(result.stdout) as { diagnostics: { line: number; rule: string; message: string }[]; summary: { errors: number } };
        const unresolved = report.diagnostics.filter(d => d.rule === 'unresolved-reference');
        const typos = Math.floor((blocks - 1) / 50);
        expect(unresolved).toHaveLength(typos);
        // block 50 starts after the header (9 lines) and 50 blocks of 4 lines; its goal is the 2nd line
        expect(unresolved[0]).toMatchObject({ line: 9 + 50 * 4 + 2, message: "unknown person 'p50x': did you mean 'p50'?" });
        expect(result.code).toBe(1);
    }, BIG_FILE_LIMIT_MS + 30_000);

    it('a 10,000-deep `part of` chain: check and plan finish, no stack overflow, every goal covered', () => {
        const dir = tempWorkspace({ 'chain.ops': partOfChain(10_000) });
        const check = runCliProcess(['check', 'chain.ops'], { cwd: dir, timeout: DEEP_LIMIT_MS });
        clean(check);
        expect(check.elapsed).toBeLessThan(DEEP_LIMIT_MS);
        expect(check.stdout).not.toMatch(/ error /);
        expect(summary(check.stdout)).toMatch(/^1 file checked: 0 errors/);
        expect(check.code).toBe(0);
        const plan = runCliProcess(['plan', 'chain.ops', '-o', 'plan.md'], { cwd: dir, timeout: DEEP_LIMIT_MS });
        clean(plan);
        expect(plan.code, plan.stderr).toBe(0);
        const markdown = fs.readFileSync(path.join(dir, 'plan.md'), 'utf8');
        expect(markdown).toContain('G9999');
    }, 3 * DEEP_LIMIT_MS);

    it('a 10,000-long `part of` loop is one goal-cycle error per goal in it, found without recursion', () => {
        const dir = tempWorkspace({ 'loop.ops': partOfChain(10_000, true) });
        const result = runCliProcess(['check', '--format', 'json', 'loop.ops'], { cwd: dir, timeout: DEEP_LIMIT_MS });
        clean(result);
        expect(result.elapsed).toBeLessThan(DEEP_LIMIT_MS);
        const report = JSON.parse(result.stdout) as { diagnostics: { rule: string; message: string }[] };
        const cycles = report.diagnostics.filter(d => d.rule === 'goal-cycle');
        expect(cycles.length).toBeGreaterThan(0);
        expect(result.code).toBe(1);
    }, 2 * DEEP_LIMIT_MS);

    it('10,000 imports in one file load, link and check in bounded time', () => {
        const files: Record<string, string> = {};
        const imports: string[] = [];
        for (let i = 0; i < 10_000; i++) {
            files[`people/p${i}.ops`] = `person p${i} "Person ${i}"\n`;
            imports.push(`import "people/p${i}.ops"`);
        }
        files['main.ops'] = `${imports.join('\n')}\nmetric signups count\ngoal G { target 1 signups by 2027-03-31 owner p9999 }\ngoal H { target 1 signups by 2027-03-31 owner p10000 }\n`;
        const dir = tempWorkspace(files);
        const result = runCliProcess(['check', 'main.ops'], { cwd: dir, timeout: DEEP_LIMIT_MS * 2 });
        clean(result);
        expect(result.elapsed).toBeLessThan(DEEP_LIMIT_MS * 2);
        const lines = result.stdout.trim().split('\n');
        expect(lines.filter(line => line.includes(' error '))).toEqual([`main.ops:10003:47 error unresolved-reference unknown person 'p10000': did you mean 'p1000'?`]);
        expect(result.code).toBe(1);
    }, 3 * DEEP_LIMIT_MS);

    it('import cycles (a → b → a, a file importing itself, a 1,000-file ring) are harmless', () => {
        const ring: Record<string, string> = {};
        for (let i = 0; i < 1000; i++) ring[`ring/r${i}.ops`] = `import "r${(i + 1) % 1000}.ops"\nperson r${i}\n`;
        const dir = tempWorkspace({
            'a.ops': 'import "b.ops"\nimport "a.ops"\nmetric signups count\ngoal A { target 1 signups by 2027-03-31 owner bob }\nperson alice\n',
            'b.ops': 'import "a.ops"\nperson bob\ngoal B { target 1 signups by 2027-03-31 owner alice }\n',
            ...ring
        });
        const result = runCliProcess(['check', '.'], { cwd: dir, timeout: DEEP_LIMIT_MS });
        clean(result);
        // names flow through each direct import, in both directions of the cycle; none of it is an error
        expect(result.stdout).not.toMatch(/ error /);
        expect(summary(result.stdout)).toMatch(/^1002 files checked: 0 errors/);
        expect(result.code).toBe(0);
    }, 2 * DEEP_LIMIT_MS);

    it('a 1 MB line: checked in bounded time and a finding after it has the right column', () => {
        const title = 'x'.repeat(1024 * 1024);
        const dir = tempWorkspace({ 'line.ops': `${HEADER}person p0 "${title}" { role "r" }    goal G0 { target 1 signups by 2027-03-31 owner nobody }\n` });
        const result = runCliProcess(['check', 'line.ops'], { cwd: dir, timeout: DEEP_LIMIT_MS });
        clean(result);
        expect(result.elapsed).toBeLessThan(DEEP_LIMIT_MS);
        const column = `person p0 "${title}" { role "r" }    goal G0 { target 1 signups by 2027-03-31 owner `.length + 1;
        expect(result.stdout).toContain(`line.ops:10:${column} error unresolved-reference unknown person 'nobody'`);
    }, 2 * DEEP_LIMIT_MS);

    it('a 1 MB line of 100,000 tokens is checked in bounded time', () => {
        const goals = Array.from({ length: 20_000 }, (_, i) => `goal G${i} { target 1 signups by 2027-03-31 owner p0 }`).join(' ');
        const dir = tempWorkspace({ 'tokens.ops': `${HEADER}person p0 ${goals}\n` });
        const result = runCliProcess(['check', '--quiet', 'tokens.ops'], { cwd: dir, timeout: DEEP_LIMIT_MS });
        clean(result);
        expect(result.elapsed).toBeLessThan(DEEP_LIMIT_MS);
        expect(result.code).toBe(0);
    }, 2 * DEEP_LIMIT_MS);

    it('numbers out of range are one clear number-too-large error at the number', () => {
        const dir = tempWorkspace({
            'huge.ops': 'metric s "S" count\ngoal G { target 99999999999999999999亿 s by 2027-03-31 }\nplaybook P { budget 1000000000000000 CNY fx USD = 123456789012345678901234567890 CNY }\n'
        });
        const result = runCliProcess(['check', '--format', 'json', 'huge.ops'], { cwd: dir });
        clean(result);
        const report = JSON.parse(result.stdout) as { diagnostics: { line: number; column: number; endColumn: number; rule: string; message: string }[] };
        const tooLarge = report.diagnostics.filter(d => d.rule === 'number-too-large');
        expect(tooLarge.map(d => [d.line, d.column, d.endColumn])).toEqual([
            [2, 17, 38],
            [3, 21, 37],
            [3, 51, 81]
        ]);
        expect(tooLarge[0]?.message).toBe('99999999999999999999亿 is too large: numbers in a playbook must be below 1,000,000,000,000,000 (is a scale suffix wrong?)');
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

    it('invalid UTF-8: one clear line with file, line and column, exit 2 (check, fmt and plan)', () => {
        const dir = tempWorkspace({ 'bad.ops': Buffer.concat([Buffer.from('person alice\nperson b'), Buffer.from([0xff, 0xfe]), Buffer.from('ob\n')]) });
        for (const args of [['check', 'bad.ops'], ['fmt', 'bad.ops'], ['plan', 'bad.ops']]) {
            const result = runCliProcess(args, { cwd: dir });
            clean(result);
            expect(result.stderr, args.join(' ')).toBe('opsbook: bad.ops:2:9: not valid UTF-8 text (save the file as UTF-8)\n');
            expect(result.code).toBe(2);
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
        for (const [name, eol] of [['lf', '\n'], ['crlf', '\r\n'], ['cr', '\r'], ['mixed', '\r\n']] as const) {
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
        for (const args of [['plan', 'x.ops'], ['fmt', 'x.ops'], ['check', 'x.ops']]) {
            const result = runCliProcess(args, { cwd: dir });
            clean(result);
            expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
            expect(result.stderr, args.join(' ')).toMatch(/^opsbook: .*x\.ops/);
            expect(result.code).toBe(2);
        }
        const all = runCliProcess(['check', '.'], { cwd: dir });
        clean(all);
        expect(all.stdout).toBe('main.ops:1:8 error import-unresolved cannot import "x.ops": no such file next to this one\n1 file checked: 1 error, 0 warnings\n');
    });
});
