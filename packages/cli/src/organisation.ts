import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import type { OpsbookCoreServices } from 'opsbook-language';
import { walkedEntries } from './discovery.js';

/** `import "…"` at the start of a line: enough to see who imports whom before anything is parsed. */
const IMPORT_LINE = /^[ \t\uFEFF]*import[ \t]+"([^"\r\n]*)"/gm;

/**
 * SPEC §8, "the workspace is analysed as one": the other files of the workspace whose figures reach the
 * given ones. A goal counts the deliveries and sub-goals of the files that import its file, and a person
 * the shares of every file that sees them (through an import of the same file), so these are the files
 * that import a given file or a file it imports, directly or through others. Found by a scan of the
 * import lines of every `.ops` file under each workspace root (skipping `node_modules` and dot-folders);
 * the texts read are handed back so that nothing is read twice (`known`: the texts already read, by
 * absolute path).
 */
export function organisationFiles(
    given: readonly string[],
    services: OpsbookCoreServices,
    known: ReadonlyMap<string, string> = new Map()
): Map<string, string> {
    const roots = services.workspace.WorkspaceRoots;
    const resolver = services.references.ImportResolver;
    const givenSet = new Set(given);
    const readText = (file: string) => known.get(file) ?? readFile(file);
    /** Import paths resolve the same from every file of a folder: once per folder and path. */
    const resolved = new Map<string, string | undefined>();
    const resolve = (file: string, importPath: string) => {
        const key = `${path.dirname(file)}\0${importPath}`;
        if (resolved.has(key)) return resolved.get(key);
        const resolution = resolver.computeForPath(URI.file(file), importPath);
        const target = resolution.kind === 'resolved' ? resolution.uri.fsPath : undefined;
        resolved.set(key, target);
        return target;
    };
    const texts = new Map<string, string>();
    const importers = new Map<string, string[]>();
    const imports = new Map<string, string[]>();
    const scanned = new Set<string>();
    const scan = (file: string, text: string) => {
        const targets: string[] = [];
        for (const match of text.matchAll(IMPORT_LINE)) {
            const target = resolve(file, match[1] ?? '');
            if (target === undefined) continue;
            targets.push(target);
            const list = importers.get(target) ?? [];
            list.push(file);
            importers.set(target, list);
        }
        imports.set(file, targets);
    };
    for (const file of given) {
        const root = roots.rootOf(file);
        if (scanned.has(root)) continue;
        scanned.add(root);
        // Without opsbook.json or .git the root is the file's own folder: its sub-folders are not looked
        // through (`opsbook check ~/plan.ops` must not read the whole home folder).
        const marked = ['opsbook.json', '.git'].some(marker => fs.existsSync(path.join(root, marker)));
        for (const found of opsFilesUnder(root, marked)) {
            const text = readText(found);
            if (text === undefined) continue;
            texts.set(found, text);
            scan(found, text);
        }
    }
    const start = new Set<string>();
    for (const file of given) {
        start.add(file);
        if (!imports.has(file)) {
            const text = readText(file);
            if (text !== undefined) scan(file, text);
        }
        for (const target of imports.get(file) ?? []) start.add(target);
    }
    const result = new Map<string, string>();
    const queue = [...start];
    const seen = new Set(queue);
    while (queue.length > 0) {
        for (const importer of importers.get(queue.pop() as string) ?? []) {
            if (seen.has(importer)) continue;
            seen.add(importer);
            queue.push(importer);
            const text = texts.get(importer);
            if (text !== undefined && !givenSet.has(importer)) result.set(importer, text);
        }
    }
    return new Map([...result].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function opsFilesUnder(folder: string, recursive: boolean): string[] {
    const found: string[] = [];
    const walk = (dir: string) => {
        for (const entry of walkedEntries(dir) ?? []) {
            const child = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (recursive) walk(child);
            } else if (entry.isFile() && entry.name.endsWith('.ops')) found.push(child);
        }
    };
    walk(folder);
    return found;
}

function readFile(file: string): string | undefined {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
    } catch {
        return undefined;
    }
}
