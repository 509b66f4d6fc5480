// No data loss: a failed write (disk full, a failing rename, a parent that is a file) leaves the old
// file intact and no temporary file behind; fmt leaves files with syntax errors untouched; a
// hand-edited review or plan is never overwritten without --force.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from './support/run-cli.js';
import { tempWorkspace } from './support/temp-workspace.js';

const PLAYBOOK = 'playbook P "Plan" { period 2027-Q1 }\nmetric s count\nperson p\ngoal G { target 10 s by 2027-03-31 owner p }\nchannel C { kind paid owner p budget 1k CNY delivers 10 s to G }\nmonitor s { by channel every week source "x" }\nassessment p { kpi G weight 100% }\nreview R { every week owner p covers G }\n';
const OLD = '<!-- a file the user cares about -->\nold content\n';

// node:fs as CommonJS: patching it and syncing the ESM exports reaches every `import * as fs`.
const cjsFs = createRequire(import.meta.url)('node:fs') as typeof fs;
const restore: (() => void)[] = [];
afterEach(() => {
    for (const undo of restore.splice(0)) undo();
    syncBuiltinESMExports();
});

/** Makes `fs[name]` throw an errno error (for paths matching `when`) until the test ends. */
function failing(name: 'writeFileSync' | 'renameSync' | 'fsyncSync' | 'openSync', code: string, when: (args: unknown[]) => boolean = () => true): void {
    const original = cjsFs[name] as (...args: unknown[]) => unknown;
    (cjsFs as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        if (when(args)) throw Object.assign(new Error(`${code}: simulated`), { code });
        return original.apply(cjsFs, args);
    };
    restore.push(() => {
        (cjsFs as unknown as Record<string, unknown>)[name] = original;
    });
    syncBuiltinESMExports();
}

function leftovers(dir: string): string[] {
    return fs.readdirSync(dir).filter(name => name.includes('tmp'));
}

describe('a failed write leaves the old file intact', () => {
    for (const [what, fault] of [
        ['the disk fills up while writing', () => failing('writeFileSync', 'ENOSPC', args => typeof args[0] === 'number')],
        ['flushing to disk fails', () => failing('fsyncSync', 'EIO')],
        ['the final rename fails', () => failing('renameSync', 'EXDEV')],
        ['the temporary file cannot be created', () => failing('openSync', 'EACCES', args => String(args[0]).includes('opsbook-tmp'))]
    ] as const) {
        it(`${what}: exit 2, one line, old bytes unchanged, no temporary file left`, async () => {
            const dir = tempWorkspace({ 'p.ops': PLAYBOOK, 'plan.md': OLD });
            fault();
            const result = await runCliInProcess(['plan', path.join(dir, 'p.ops'), '-o', path.join(dir, 'plan.md'), '--force']);
            expect(result.code).toBe(2);
            expect(result.stderr.trim().split('\n')).toHaveLength(1);
            expect(result.stderr).toMatch(/plan\.md: cannot be written \(.+\); the previous content, if any, is unchanged/);
            expect(fs.readFileSync(path.join(dir, 'plan.md'), 'utf8')).toBe(OLD);
            expect(leftovers(dir)).toEqual([]);
        });
    }

    it('fmt on a full disk leaves the source file exactly as it was', async () => {
        const ugly = 'person    alice   "Alice"\n';
        const dir = tempWorkspace({ 'a.ops': ugly });
        failing('writeFileSync', 'ENOSPC', args => typeof args[0] === 'number');
        const result = await runCliInProcess(['fmt', path.join(dir, 'a.ops')]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/a\.ops: cannot be written \(no space left on the device\)/);
        expect(fs.readFileSync(path.join(dir, 'a.ops'), 'utf8')).toBe(ugly);
        expect(leftovers(dir)).toEqual([]);
    });

    it('an output path whose parent is a file: one clear line, nothing written anywhere', async () => {
        const dir = tempWorkspace({ 'p.ops': PLAYBOOK, 'notes.txt': OLD });
        const result = await runCliInProcess(['plan', path.join(dir, 'p.ops'), '-o', path.join(dir, 'notes.txt', 'plan.md')]);
        expect(result.code).toBe(2);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(/^opsbook: .*notes\.txt\/plan\.md: /);
        expect(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe(OLD);
        expect(fs.readdirSync(dir).sort()).toEqual(['notes.txt', 'opsbook.json', 'p.ops']);
    });

    it('a really full disk (a 64 kB tmpfs): the old plan survives a plan too big to fit', async context => {
        const dir = tempWorkspace({ 'p.ops': PLAYBOOK });
        const disk = path.join(dir, 'disk');
        fs.mkdirSync(disk);
        try {
            execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk], { stdio: 'ignore' });
        } catch {
            context.skip('mounting a tmpfs needs root with CAP_SYS_ADMIN; the simulated ENOSPC tests above cover the same path');
        }
        try {
            fs.writeFileSync(path.join(disk, 'plan.md'), OLD);
            // fill the disk up to the last few bytes
            try {
                fs.writeFileSync(path.join(disk, 'filler'), Buffer.alloc(64 * 1024));
            } catch {
                // ENOSPC: the filler is as big as it could get
            }
            const result = await runCliInProcess(['plan', path.join(dir, 'p.ops'), '-o', path.join(disk, 'plan.md'), '--force']);
            expect(result.code).toBe(2);
            expect(result.stderr).toMatch(/cannot be written \(no space left on the device\); the previous content, if any, is unchanged/);
            expect(fs.readFileSync(path.join(disk, 'plan.md'), 'utf8')).toBe(OLD);
            expect(leftovers(disk)).toEqual([]);
        } finally {
            try {
                execFileSync('umount', [disk], { stdio: 'ignore' });
            } catch {
                execFileSync('umount', ['-l', disk], { stdio: 'ignore' });
            }
        }
    });
});

describe('fmt never touches a file it cannot parse', () => {
    it('files with syntax errors keep every byte (CRLF, BOM, NUL included); the others are formatted', async () => {
        const broken: Record<string, Buffer> = {
            'broken.ops': Buffer.from('goal G {\n  budget 5k CNY\n}\n'),
            'crlf.ops': Buffer.from('person   a\r\ngoal G { target 1 }\r\n'),
            'bom.ops': Buffer.from('\uFEFFperson   a {\n'),
            'nul.ops': Buffer.from('person   a\u0000\n'),
            'unterminated.ops': Buffer.from('person a "never closed\n')
        };
        const dir = tempWorkspace({ ...broken, 'fine.ops': 'person    fine\n' });
        const mtimes = Object.fromEntries(Object.keys(broken).map(name => [name, fs.statSync(path.join(dir, name)).mtimeMs]));
        const result = await runCliInProcess(['fmt', dir]);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe(`${path.join(dir, 'fine.ops')}\n`);
        for (const [name, bytes] of Object.entries(broken)) {
            expect(fs.readFileSync(path.join(dir, name)).equals(bytes), name).toBe(true);
            expect(fs.statSync(path.join(dir, name)).mtimeMs, name).toBe(mtimes[name]);
            expect(result.stderr).toContain(`${path.join(dir, name)}:`);
        }
        expect(result.stderr.match(/\(file left unchanged\)/g)).toHaveLength(Object.keys(broken).length);
        expect(fs.readFileSync(path.join(dir, 'fine.ops'), 'utf8')).toBe('person fine\n');
    });

    it('fmt --check changes nothing at all', async () => {
        const dir = tempWorkspace({ 'a.ops': 'person    a\n', 'b.ops': 'goal {\n' });
        const result = await runCliInProcess(['fmt', '--check', dir]);
        expect(result.code).toBe(1);
        expect(fs.readFileSync(path.join(dir, 'a.ops'), 'utf8')).toBe('person    a\n');
        expect(fs.readFileSync(path.join(dir, 'b.ops'), 'utf8')).toBe('goal {\n');
    });
});

describe('hand-edited documents are never overwritten without --force', () => {
    for (const kind of ['review', 'plan'] as const) {
        const args = (dir: string, ...more: string[]) => (kind === 'review' ? ['review', path.join(dir, 'p.ops'), '--on', '2027-02-01', '-o', path.join(dir, `${kind}.md`), ...more] : ['plan', path.join(dir, 'p.ops'), '-o', path.join(dir, `${kind}.md`), ...more]);

        it(`${kind}: regenerated while intact, refused once edited, replaced with --force`, async () => {
            const dir = tempWorkspace({ 'p.ops': PLAYBOOK });
            const file = path.join(dir, `${kind}.md`);
            expect((await runCliInProcess(args(dir))).code).toBe(0);
            // untouched (even with its line endings turned into CRLF by a checkout): regenerated freely
            fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
            expect((await runCliInProcess(args(dir))).code).toBe(0);

            const edited = `${fs.readFileSync(file, 'utf8')}\nOur answer: the SEO channel brings the users who stay.\n`;
            fs.writeFileSync(file, edited);
            const refused = await runCliInProcess(args(dir));
            expect(refused.code).toBe(2);
            expect(refused.stderr).toBe(`opsbook: ${file}: this ${kind} was edited since opsbook generated it; not overwriting it (use --force to replace it, or write to another file with -o)\n`);
            expect(fs.readFileSync(file, 'utf8')).toBe(edited);

            const forced = await runCliInProcess(args(dir, '--force'));
            expect(forced.code).toBe(0);
            expect(fs.readFileSync(file, 'utf8')).not.toContain('Our answer');
        });

        it(`${kind}: a file opsbook did not write is never overwritten without --force`, async () => {
            const dir = tempWorkspace({ 'p.ops': PLAYBOOK, [`${kind}.md`]: OLD });
            const refused = await runCliInProcess(args(dir));
            expect(refused.code).toBe(2);
            expect(refused.stderr).toMatch(/exists and was not generated by opsbook; not overwriting it/);
            expect(fs.readFileSync(path.join(dir, `${kind}.md`), 'utf8')).toBe(OLD);
        });
    }

    it('a review is not overwritten by a plan (or the other way round) without --force', async () => {
        const dir = tempWorkspace({ 'p.ops': PLAYBOOK });
        const file = path.join(dir, 'doc.md');
        expect((await runCliInProcess(['review', path.join(dir, 'p.ops'), '--on', '2027-02-01', '-o', file])).code).toBe(0);
        const review = fs.readFileSync(file, 'utf8');
        const refused = await runCliInProcess(['plan', path.join(dir, 'p.ops'), '-o', file]);
        expect(refused.code).toBe(2);
        expect(fs.readFileSync(file, 'utf8')).toBe(review);
    });

    it('init refuses to overwrite any existing file', async () => {
        const dir = tempWorkspace({ 'team.ops': OLD });
        const result = await runCliInProcess(['init', dir]);
        expect(result.code).toBe(2);
        expect(fs.readFileSync(path.join(dir, 'team.ops'), 'utf8')).toBe(OLD);
        expect(fs.readFileSync(path.join(dir, 'opsbook.json'), 'utf8')).toBe('{}\n');
    });
});
