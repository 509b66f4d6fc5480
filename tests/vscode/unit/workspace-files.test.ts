// The web extension finds the workspace's .ops files by walking its folders through VS Code's file system
// (packages/extension/src/util/workspace-files.ts), as the desktop server's workspace scan does: a library
// such as team.ops reaches the language server in the web worker before it is opened (SPEC §8), also where
// `workspace.findFiles` finds nothing (no search provider for a folder opened in the browser).
import { describe, expect, test } from 'vitest';
import { walkWorkspace } from '../../../packages/extension/src/util/workspace-files.js';

const FILE = 1;
const DIRECTORY = 2;
const LINK = 64;

/** A file system of paths: `folder/` entries are folders; `readDirectory` answers from the paths below. */
function fakeFileSystem(paths: string[], options: { unreadable?: string[]; links?: Record<string, number> } = {}) {
    const reads: string[] = [];
    const fs = {
        reads,
        async readDirectory(folder: string): Promise<[string, number][]> {
            reads.push(folder);
            if (options.unreadable?.includes(folder)) throw new Error(`EACCES ${folder}`);
            const prefix = `${folder}/`;
            const entries = new Map<string, number>();
            for (const path of paths) {
                if (!path.startsWith(prefix)) continue;
                const rest = path.slice(prefix.length);
                const slash = rest.indexOf('/');
                const name = slash < 0 ? rest : rest.slice(0, slash);
                if (name === '') continue;
                entries.set(name, options.links?.[`${prefix}${name}`] ?? (slash < 0 ? FILE : DIRECTORY));
            }
            return [...entries];
        },
        joinPath: (folder: string, name: string) => `${folder}/${name}`
    };
    return fs;
}

describe('walking the workspace for the web language server', () => {
    test('every .ops file and opsbook.json, libraries included, nearest the roots first; node_modules and dot-folders skipped', async () => {
        const fs = fakeFileSystem([
            '/ws/opsbook.json',
            '/ws/README.md',
            '/ws/growth/growth.ops',
            '/ws/growth/team.ops',
            '/ws/org/总部.ops',
            '/ws/org/regions/华东.ops',
            '/ws/node_modules/pkg/x.ops',
            '/ws/.git/objects/y.ops',
            '/ws/.vscode/settings.json',
            '/ws/notes.ops.bak',
            '/other/shop.ops'
        ]);
        const result = await walkWorkspace(fs, ['/ws', '/other'], { maxFiles: 100, maxFolders: 100 });
        expect(result).toEqual({
            files: [
                '/ws/opsbook.json',
                '/other/shop.ops',
                '/ws/growth/growth.ops',
                '/ws/growth/team.ops',
                '/ws/org/总部.ops',
                '/ws/org/regions/华东.ops'
            ],
            truncated: false
        });
        // Each folder read once; the skipped ones never.
        expect(fs.reads).toEqual(['/ws', '/other', '/ws/growth', '/ws/org', '/ws/org/regions']);
    });

    test('a folder that cannot be read is left out; a link to a folder is not entered, a link to a file is kept', async () => {
        const fs = fakeFileSystem(['/ws/a/one.ops', '/ws/locked/two.ops', '/ws/loop/three.ops', '/ws/shared.ops'], {
            unreadable: ['/ws/locked'],
            links: { '/ws/loop': LINK | DIRECTORY, '/ws/shared.ops': LINK | FILE }
        });
        expect(await walkWorkspace(fs, ['/ws'], { maxFiles: 100, maxFolders: 100 })).toEqual({
            files: ['/ws/shared.ops', '/ws/a/one.ops'],
            truncated: false
        });
    });

    test('the limits stop the walk and say so (the caller then asks the workspace search)', async () => {
        const paths = Array.from({ length: 5 }, (_, i) => `/ws/f${i}/p.ops`);
        expect(await walkWorkspace(fakeFileSystem(paths), ['/ws'], { maxFiles: 3, maxFolders: 100 })).toEqual({
            files: ['/ws/f0/p.ops', '/ws/f1/p.ops', '/ws/f2/p.ops'],
            truncated: true
        });
        expect(await walkWorkspace(fakeFileSystem(paths), ['/ws'], { maxFiles: 100, maxFolders: 3 })).toEqual({
            files: ['/ws/f0/p.ops', '/ws/f1/p.ops'],
            truncated: true
        });
    });
});
