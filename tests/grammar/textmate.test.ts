// Runs the TextMate grammar's unit tests (tests/grammar/*.ops, vscode-tmgrammar-test) and checks that
// the example playbooks tokenize without invalid.* or unscoped words (tokenize.mjs --check).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function opsFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter(e => e.isFile() && e.name.endsWith('.ops'))
        .map(e => relative(root, join(e.parentPath, e.name)))
        .sort();
}

function run(args: string[]): { code: number; out: string } {
    try {
        return { code: 0, out: execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }) };
    } catch (error) {
        const e = error as { status: number; stdout: string; stderr: string };
        return { code: e.status, out: `${e.stdout}${e.stderr}` };
    }
}

describe('TextMate grammar', () => {
    it('passes its scope assertions (tests/grammar/*.ops)', () => {
        const cli = join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
        const { code, out } = run([cli, '-c', '-g', 'syntaxes/opsbook.tmLanguage.json', 'tests/grammar/*.ops']);
        expect(out, out).not.toMatch(/failed|ERROR/);
        expect(code, out).toBe(0);
    });

    it('tokenizes the examples without invalid or unscoped tokens', () => {
        const files = opsFiles(join(root, 'examples'));
        if (files.length === 0) return;
        const { code, out } = run(['tests/grammar/tokenize.mjs', '--check', ...files]);
        expect(code, out).toBe(0);
    });
});
