// The workspace's `.ops` files and `opsbook.json`, found by walking the workspace folders through VS
// Code's file system (`workspace.fs`), as the desktop server's workspace scan walks them on disk (SPEC §8:
// every `.ops` file under the root, skipping `node_modules` and dot-folders: `skippedInWalk`, the server's own rule). The web extension hands
// them to its language server in a web worker, which cannot read the workspace itself. `workspace.findFiles`
// is not enough there: it needs a search provider, which a file system opened in the browser (vscode.dev's
// local folders, a virtual file system) may not have, and then finds nothing — a library such as team.ops
// was only seen once opened in an editor. Pure: VS Code's API comes in as parameters (unit-tested).

import { skippedInWalk, workspaceFile } from 'opsbook-language/lsp-protocol';

/** What a directory entry is: VS Code's `FileType` (File = 1, Directory = 2, SymbolicLink = 64, as flags). */
const FILE = 1;
const DIRECTORY = 2;

/** The part of `vscode.workspace.fs` and `vscode.Uri` the walk needs. */
export interface WalkFileSystem<U> {
    readDirectory(folder: U): Thenable<[string, number][]>;
    joinPath(folder: U, name: string): U;
}

export interface WalkLimits {
    /** Stop after this many files found. */
    maxFiles: number;
    /** Stop after reading this many folders (a huge repository is not walked to its end). */
    maxFolders: number;
}

export interface WalkResult<U> {
    /** `.ops` files and `opsbook.json` files, folder by folder in name order. */
    files: U[];
    /** True when a limit stopped the walk before the end (the caller may fall back to a search). */
    truncated: boolean;
}

/**
 * Walks `folders` breadth first (so that a limit keeps the files nearest the roots), reading each
 * folder once; a folder that cannot be read is skipped. Symbolic links are followed as what they point to
 * (VS Code reports `SymbolicLink | File` or `SymbolicLink | Directory`); a link to a folder is not entered,
 * so a loop of links cannot make the walk endless.
 */
export async function walkWorkspace<U>(fs: WalkFileSystem<U>, folders: readonly U[], limits: WalkLimits): Promise<WalkResult<U>> {
    const files: U[] = [];
    const queue: U[] = [...folders];
    let read = 0;
    while (queue.length > 0) {
        if (read >= limits.maxFolders) return { files, truncated: true };
        const folder = queue.shift() as U;
        read++;
        let entries: [string, number][];
        try {
            entries = await fs.readDirectory(folder);
        } catch {
            continue;
        }
        for (const [name, type] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
            const link = (type & 64) !== 0;
            if ((type & DIRECTORY) !== 0) {
                if (!link && !skippedInWalk(name)) queue.push(fs.joinPath(folder, name));
            } else if ((type & FILE) !== 0 && workspaceFile(name)) {
                if (files.length >= limits.maxFiles) return { files, truncated: true };
                files.push(fs.joinPath(folder, name));
            }
        }
    }
    return { files, truncated: false };
}
