import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = path.resolve('packages/cli/bin/opsbook.cjs');

function opsbook(args: string[], cwd = process.cwd()) {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('opsbook check as a real process', () => {
    it('checks the examples clean: exit 0, no diagnostics', () => {
        const result = opsbook(['check', 'examples']);
        expect(result.stderr).toBe('');
        expect(result.stdout).toMatch(/^\d+ files checked: 0 errors, 0 warnings\n$/);
        expect(result.code).toBe(0);
    });

    it('scopes names per file and direct imports: two playbooks may both define SEO', () => {
        const result = opsbook([
            'check',
            'tests/fixtures/scoping/a',
            'tests/fixtures/scoping/b/growth.ops',
            'tests/fixtures/scoping/b/transitive.ops',
            '--format',
            'json'
        ]);
        expect(result.code).toBe(1);
        const json = JSON.parse(result.stdout);
        expect(json.diagnostics).toEqual([
            {
                file: 'tests/fixtures/scoping/b/growth.ops',
                line: 2,
                column: 21,
                endLine: 2,
                endColumn: 25,
                severity: 'error',
                rule: 'unresolved-reference',
                message: "unknown person 'alic': did you mean 'alice'?"
            },
            {
                // base.ops imports team.ops, but imports are not transitive: alice is not visible here.
                file: 'tests/fixtures/scoping/b/transitive.ops',
                line: 2,
                column: 20,
                endLine: 2,
                endColumn: 25,
                severity: 'error',
                rule: 'unresolved-reference',
                message: "unknown person 'alice'"
            }
        ]);
        expect(json.summary).toEqual({ files: 3, errors: 2, warnings: 0, infos: 0 });
    });

    it('reports duplicate names, imports outside the root and missing imports', () => {
        const result = opsbook(['check', 'tests/fixtures/scoping/b/clash.ops']);
        expect(result.code).toBe(1);
        const lines = result.stdout.trim().split('\n');
        expect(lines).toEqual([
            `tests/fixtures/scoping/b/clash.ops:2:8 error import-unresolved cannot import "../../../../outside.ops": it lies outside the workspace root ${path.resolve('tests/fixtures/scoping')}`,
            'tests/fixtures/scoping/b/clash.ops:3:8 error import-unresolved cannot import "missing.ops": no such file next to this one',
            "tests/fixtures/scoping/b/clash.ops:4:6 error duplicate-name 'bob' is also defined as a person in team.ops, which this file imports: rename one of them",
            "tests/fixtures/scoping/b/clash.ops:6:6 error duplicate-name 'Users' is already defined as a goal at line 5: each name may be used once in a file and its imports",
            '1 file checked: 4 errors, 0 warnings'
        ]);
    });

    it('text format is path:line:col severity rule-id message', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-check-'));
        fs.writeFileSync(path.join(dir, 'opsbook.json'), '{}');
        fs.writeFileSync(path.join(dir, 'bad.ops'), 'goal G {\n  budget 5k CNY\n}\n');
        const result = opsbook(['check', 'bad.ops'], dir);
        expect(result.stdout).toBe(
            "bad.ops:2:3 error syntax-error 'budget' is not a property of a goal: expected target, milestone, owner, strategy, part of or '}'\n1 file checked: 1 error, 0 warnings\n"
        );
        expect(result.code).toBe(1);
    });

    it('exit 2 with one clear line for a missing path, a folder without .ops files, and bad usage', () => {
        const missing = opsbook(['check', 'no/such/place.ops']);
        expect([missing.code, missing.stdout, missing.stderr]).toEqual([2, '', 'opsbook: no/such/place.ops: no such file or folder\n']);
        const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-empty-'));
        const none = opsbook(['check', empty]);
        expect([none.code, none.stderr]).toEqual([2, `opsbook: no .ops files found in ${empty}\n`]);
        const usage = opsbook(['check', '--format', 'xml']);
        expect(usage.code).toBe(2);
        expect(usage.stderr).toContain("option '--format <format>' argument 'xml' is invalid");
        expect(usage.stderr).not.toMatch(/\n\s+at /);
    });

    it('discovers *.ops under folders, skipping node_modules and dot-folders, in a stable order', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-discover-'));
        fs.writeFileSync(path.join(dir, 'opsbook.json'), '{}');
        for (const file of ['z.ops', 'a/b.ops', 'node_modules/x.ops', '.hidden/y.ops', 'a/notes.txt']) {
            fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
            fs.writeFileSync(path.join(dir, file), 'goal G {\n  budget 1k CNY\n}\n');
        }
        const result = opsbook(['check', '--format', 'json'], dir);
        expect(JSON.parse(result.stdout).diagnostics.map((d: { file: string }) => d.file)).toEqual(['a/b.ops', 'z.ops']);
    });
});
