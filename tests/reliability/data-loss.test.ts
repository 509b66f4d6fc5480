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

const PLAYBOOK =
    'playbook P "Plan" { period 2027-Q1 }\nmetric s count\nperson p\ngoal G { target 10 s by 2027-03-31 owner p }\nchannel C { kind paid owner p budget 1k CNY delivers 10 s to G }\nmonitor s { by channel every week source "x" }\nassessment p { kpi G weight 100% }\nreview R { every week owner p covers G }\n';
const OLD = '<!-- a file the user cares about -->\nold content\n';

// node:fs as CommonJS: patching it and syncing the ESM exports reaches every `import * as fs`.
const cjsFs = createRequire(import.meta.url)('node:fs') as typeof fs;
const restore: (() => void)[] = [];
afterEach(() => {
    for (const undo of restore.splice(0)) undo();
    syncBuiltinESMExports();
});

/** Makes `fs[name]` throw an errno error (for paths matching `when`) until the test ends. */
function failing(
    name: 'writeFileSync' | 'renameSync' | 'fsyncSync' | 'openSync',
    code: string,
    when: (args: unknown[]) => boolean = () => true
): void {
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
        const args = (dir: string, ...more: string[]) =>
            kind === 'review'
                ? ['review', path.join(dir, 'p.ops'), '--on', '2027-02-01', '-o', path.join(dir, `${kind}.md`), ...more]
                : ['plan', path.join(dir, 'p.ops'), '-o', path.join(dir, `${kind}.md`), ...more];

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
            expect(refused.stderr).toBe(
                `opsbook: ${file}: this ${kind} was edited since opsbook generated it; not overwriting it (use --force to replace it, or write to another file with -o)\n`
            );
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

describe('read-only files, modes and owners (Reliability round two, item 5)', () => {
    const ugly = 'person    alice   "Alice"\n';
    const readOnly = (file: string) =>
        `opsbook: ${file}: is read-only; not writing to it (make it writable, e.g. chmod u+w, to let opsbook change it)\n`;
    const snapshot = (file: string) => {
        const stat = fs.statSync(file);
        return {
            bytes: fs.readFileSync(file).toString('base64'),
            mode: stat.mode & 0o7777,
            ino: stat.ino,
            mtimeMs: stat.mtimeMs,
            uid: stat.uid,
            gid: stat.gid
        };
    };

    // Tests run as root, who may write any file: opsbook reads the mode bits itself, as Prettier, gofmt
    // and terraform fmt behave for a normal user.
    it('fmt and plan -o refuse a read-only file (mode 444), also as root and with --force: exit 2, one line, the file untouched', async () => {
        const dir = tempWorkspace({ 'p.ops': PLAYBOOK, 'a.ops': ugly });
        const [source, plan] = [path.join(dir, 'a.ops'), path.join(dir, 'plan.md')];
        expect((await runCliInProcess(['plan', path.join(dir, 'p.ops'), '-o', plan])).code).toBe(0);
        fs.chmodSync(source, 0o444);
        fs.chmodSync(plan, 0o444);
        const before = [snapshot(source), snapshot(plan)];
        expect(await runCliInProcess(['fmt', source])).toMatchObject({ code: 2, stdout: '', stderr: readOnly(source) });
        expect(await runCliInProcess(['plan', path.join(dir, 'p.ops'), '-o', plan])).toMatchObject({
            code: 2,
            stdout: '',
            stderr: readOnly(plan)
        });
        expect(await runCliInProcess(['plan', path.join(dir, 'p.ops'), '-o', plan, '--force'])).toMatchObject({
            code: 2,
            stdout: '',
            stderr: readOnly(plan)
        });
        expect([snapshot(source), snapshot(plan)]).toEqual(before);
        expect(leftovers(dir)).toEqual([]);
        // fmt --check only reads: a read-only file may be checked
        expect((await runCliInProcess(['fmt', '--check', source])).code).toBe(1);
    });

    it('a rewritten file keeps its mode (whatever the umask), its owner and its group', async context => {
        const dir = tempWorkspace({ 'p.ops': PLAYBOOK, 'a.ops': ugly });
        const [source, plan] = [path.join(dir, 'a.ops'), path.join(dir, 'plan.md')];
        expect((await runCliInProcess(['plan', path.join(dir, 'p.ops'), '-o', plan])).code).toBe(0);
        fs.chmodSync(source, 0o664); // the umask (022 here) would make a new file 644
        fs.chmodSync(plan, 0o640);
        const root = process.getuid?.() === 0;
        if (root) {
            fs.chownSync(source, 1234, 5678);
            fs.chownSync(plan, 4321, 8765);
        }
        const owners = [snapshot(source), snapshot(plan)].map(s => [s.uid, s.gid]);
        expect(await runCliInProcess(['fmt', source])).toMatchObject({ code: 0, stdout: `${source}\n` });
        expect(await runCliInProcess(['plan', path.join(dir, 'p.ops'), '-o', plan, '--force'])).toMatchObject({
            code: 0,
            stderr: `wrote ${plan}\n`
        });
        expect(fs.readFileSync(source, 'utf8')).toBe('person alice "Alice"\n');
        expect([snapshot(source).mode, snapshot(plan).mode]).toEqual([0o664, 0o640]);
        expect([snapshot(source), snapshot(plan)].map(s => [s.uid, s.gid])).toEqual(owners);
        if (!root) context.skip('owners other than the current user need root to set up; the modes were checked');
    });

    it("a temporary file left by a killed write is removed by the next write of that file; a running writer's and other files' are kept", async () => {
        const dir = tempWorkspace({ 'p.ops': PLAYBOOK, 'a.ops': ugly });
        const dead = 2 ** 22 + 1; // above Linux's largest pid: no such process
        const stale = [`.plan.md.${dead}.m1abc.opsbook-tmp`, '.plan.md.opsbook-tmp', `.a.ops.${dead}.x.opsbook-tmp`];
        const kept = [`.plan.md.${process.ppid}.m1abc.opsbook-tmp`, `.other.md.${dead}.m1abc.opsbook-tmp`, '.plan.md.notes'];
        for (const name of [...stale, ...kept]) fs.writeFileSync(path.join(dir, name), 'half a file');
        expect((await runCliInProcess(['plan', path.join(dir, 'p.ops'), '-o', path.join(dir, 'plan.md')])).code).toBe(0);
        expect((await runCliInProcess(['fmt', path.join(dir, 'a.ops')])).code).toBe(0);
        expect(
            fs
                .readdirSync(dir)
                .filter(name => name.startsWith('.'))
                .sort()
        ).toEqual([...kept].sort());
    });
});
