import type { FileSystemProvider } from 'langium';
import { URI } from 'langium';
import * as path from 'pathe';

/** Files whose presence marks a folder as a workspace root (SPEC §7). */
const ROOT_MARKERS = ['opsbook.json', '.git'];

/**
 * Finds the workspace root of a file: the nearest ancestor folder holding `opsbook.json` or `.git`;
 * else the editor's workspace folder that contains it; else the file's own folder. The CLI sets no
 * fallback: the folder it runs in says nothing about where a playbook's imports may reach (`cd / &&
 * opsbook check /abs/a.ops` made `/` the root), so without a marker a file imports only from its own
 * folder and below. Answers are cached per folder: a build asks once per file.
 */
export class WorkspaceRoots {
    /** Files are looked at through Langium's file system provider (Node's on disk, a map in the browser). */
    constructor(private readonly fileSystem: FileSystemProvider) {}

    private readonly cache = new Map<string, string | null>();
    /** The answer by path as asked: the configuration and the imports ask for every file several times per build. */
    private readonly byFile = new Map<string, string>();
    private fallbacks: string[] = [];

    /** Folders to use when no marker is found: the editor's workspace folders (LSP). */
    setFallbackRoots(folders: string[]): void {
        this.fallbacks = folders.map(folder => path.resolve(folder)).sort((a, b) => b.length - a.length);
        this.clearCache();
    }

    clearCache(): void {
        this.cache.clear();
        this.byFile.clear();
    }

    rootOf(filePath: string): string {
        let root = this.byFile.get(filePath);
        if (root === undefined) {
            const dir = path.dirname(path.resolve(filePath));
            root = this.markedAncestor(dir) ?? this.fallbacks.find(folder => isInside(dir, folder)) ?? dir;
            // A relative path depends on the current folder: only absolute ones are remembered.
            if (path.isAbsolute(filePath)) this.byFile.set(filePath, root);
        }
        return root;
    }

    private markedAncestor(dir: string): string | undefined {
        const cached = this.cache.get(dir);
        if (cached !== undefined) return cached ?? undefined;
        let result: string | undefined;
        if (ROOT_MARKERS.some(marker => exists(this.fileSystem, path.join(dir, marker)))) {
            result = dir;
        } else {
            const parent = path.dirname(dir);
            result = parent !== dir ? this.markedAncestor(parent) : undefined;
        }
        this.cache.set(dir, result ?? null);
        return result;
    }
}

function exists(fileSystem: FileSystemProvider, file: string): boolean {
    try {
        return fileSystem.existsSync(URI.file(file));
    } catch {
        return false;
    }
}

/**
 * A file system provider that also knows a file's real path (symbolic links resolved): the Node one
 * (`opsbook-language/node`). One without it (in memory, in the browser) has no links to follow.
 */
export interface RealPathFileSystemProvider extends FileSystemProvider {
    realPathSync(uri: URI): URI;
}

/** The real path of a file or folder; throws when it does not exist (as `fs.realpathSync`). */
export function realPath(fileSystem: FileSystemProvider, file: string): string {
    if ('realPathSync' in fileSystem && typeof fileSystem.realPathSync === 'function') {
        return path.normalize((fileSystem as RealPathFileSystemProvider).realPathSync(URI.file(file)).fsPath);
    }
    if (!fileSystem.existsSync(URI.file(file))) throw new Error(`no such file: ${file}`);
    return file;
}

/** Whether the path names a file (not a folder); false when it does not exist. */
export function isFile(fileSystem: FileSystemProvider, file: string): boolean {
    try {
        return fileSystem.statSync(URI.file(file)).isFile;
    } catch {
        return false;
    }
}

/**
 * True when `child` is `parent` or lies below it (both absolute, normalised). Judged by path segments:
 * only a first segment that *is* `..` leaves the parent; `..notes.ops` or `..data/x.ops` are names
 * inside it (a `startsWith('..')` test refused them).
 */
export function isInside(child: string, parent: string): boolean {
    const relative = path.relative(parent, child);
    if (relative === '') return true;
    if (path.isAbsolute(relative)) return false; // another drive on Windows
    return relative.split(/[\\/]/)[0] !== '..';
}

/** The workspace-root service (composed in `opsbook-module.ts`). */
export type WorkspaceRootServices = {
    workspace: {
        WorkspaceRoots: WorkspaceRoots;
    };
};
