import * as fs from 'node:fs';
import * as path from 'node:path';

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
    private readonly cache = new Map<string, string | null>();
    private fallbacks: string[] = [];

    /** Folders to use when no marker is found: the editor's workspace folders (LSP). */
    setFallbackRoots(folders: string[]): void {
        this.fallbacks = folders.map(folder => path.resolve(folder)).sort((a, b) => b.length - a.length);
        this.cache.clear();
    }

    clearCache(): void {
        this.cache.clear();
    }

    rootOf(filePath: string): string {
        const dir = path.dirname(path.resolve(filePath));
        const marked = this.markedAncestor(dir);
        if (marked) return marked;
        const fallback = this.fallbacks.find(folder => isInside(dir, folder));
        return fallback ?? dir;
    }

    private markedAncestor(dir: string): string | undefined {
        const cached = this.cache.get(dir);
        if (cached !== undefined) return cached ?? undefined;
        let result: string | undefined;
        if (ROOT_MARKERS.some(marker => exists(path.join(dir, marker)))) {
            result = dir;
        } else {
            const parent = path.dirname(dir);
            result = parent !== dir ? this.markedAncestor(parent) : undefined;
        }
        this.cache.set(dir, result ?? null);
        return result;
    }
}

function exists(file: string): boolean {
    try {
        fs.statSync(file);
        return true;
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
