// Folder searches skip what .gitignore files and opsbook.json's "ignore" name; named files are always read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { discoverOpsFilesAndProblems } from '../../packages/cli/src/discovery.js';
import { runCli, temporaryFolder } from './cli-helpers.js';

const folder = temporaryFolder('opsbook-discovery-');
afterAll(() => folder.remove());
let counter = 0;

/** A folder with these files (a name ending in / is an empty folder); returns its path. */
function tree(files: Record<string, string>): string {
    const dir = path.join(folder.dir, String(counter++));
    for (const [name, text] of Object.entries(files)) {
        const file = path.join(dir, name);
        fs.mkdirSync(name.endsWith('/') ? file : path.dirname(file), { recursive: true });
        if (!name.endsWith('/')) fs.writeFileSync(file, text);
    }
    return dir;
}

const found = (dir: string, paths: string[] = []) => discoverOpsFilesAndProblems(paths, dir).files;
const OPS = 'metric signups count\n';

describe('.gitignore', () => {
    test('patterns of the folder searched and of its subfolders, with negation and folder patterns', () => {
        const dir = tree({
            '.gitignore': 'build/\n*.tmp.ops\n!keep.tmp.ops\n',
            'a.ops': OPS,
            'b.tmp.ops': OPS,
            'keep.tmp.ops': OPS,
            'build/gen.ops': OPS,
            'sub/.gitignore': 'local.ops\n',
            'sub/local.ops': OPS,
            'sub/shared.ops': OPS,
            'other/local.ops': OPS
        });
        expect(found(dir)).toEqual(['a.ops', 'keep.tmp.ops', path.join('other', 'local.ops'), path.join('sub', 'shared.ops')]);
    });

    test('.gitignore files above the searched folder count up to the repository root (the folder with .git)', () => {
        const dir = tree({ '.git/': '', '.gitignore': 'drafts/\n', 'plans/drafts/x.ops': OPS, 'plans/q1.ops': OPS });
        expect(found(path.join(dir, 'plans'))).toEqual(['q1.ops']);
        // Outside a repository, only the .gitignore files inside the searched folder count.
        const loose = tree({ '.gitignore': 'drafts/\n', 'plans/drafts/x.ops': OPS, 'plans/q1.ops': OPS });
        expect(found(path.join(loose, 'plans'))).toEqual([path.join('drafts', 'x.ops'), 'q1.ops']);
    });

    test('a folder or file named on the command line is read even if ignored', () => {
        const dir = tree({ '.git/': '', '.gitignore': 'tmp/\nold.ops\n', 'tmp/a.ops': OPS, 'old.ops': OPS, 'new.ops': OPS });
        expect(found(dir)).toEqual(['new.ops']);
        expect(found(dir, ['tmp'])).toEqual([path.join('tmp', 'a.ops')]);
        expect(found(dir, ['old.ops', '.'])).toEqual(['old.ops', 'new.ops']);
    });
});

describe('"ignore" in opsbook.json', () => {
    test('patterns relative to the folder of opsbook.json, also when a subfolder is searched', () => {
        const dir = tree({
            'opsbook.json': '{\n  // drafts are not checked\n  "ignore": ["drafts/", "**/*.draft.ops"]\n}\n',
            'a.ops': OPS,
            'drafts/b.ops': OPS,
            'team/c.draft.ops': OPS,
            'team/c.ops': OPS
        });
        expect(found(dir)).toEqual(['a.ops', path.join('team', 'c.ops')]);
        expect(found(path.join(dir, 'team'))).toEqual(['c.ops']);
    });

    test("a nested opsbook.json governs its own folder (it is that folder's workspace root)", () => {
        const dir = tree({ 'opsbook.json': '{ "ignore": ["x.ops"] }', 'x.ops': OPS, 'inner/opsbook.json': '{}', 'inner/x.ops': OPS });
        expect(found(dir)).toEqual([path.join('inner', 'x.ops')]);
    });

    test('opsbook check: ignored files are not checked; a broken opsbook.json ignores nothing and stops with exit 2', async () => {
        const dir = tree({ 'opsbook.json': '{ "ignore": ["broken/"] }', 'good.ops': OPS, 'broken/bad.ops': 'goal {\n' });
        expect(await runCli(['check'], { cwd: dir })).toEqual({ code: 0, stdout: '1 file checked: 0 errors, 0 warnings\n', stderr: '' });
        fs.writeFileSync(path.join(dir, 'opsbook.json'), '{ "ignore": "broken/" }');
        expect(await runCli(['check'], { cwd: dir })).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: opsbook.json:1:3: "ignore" in opsbook.json must be a list of .gitignore patterns, like ["drafts/", "**/*.draft.ops"]\n'
        });
    });
});
