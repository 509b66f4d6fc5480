import * as fs from 'node:fs';
import * as path from 'node:path';
import { type CliText, skippedInWalk, WorkspaceRoots, workspaceFile } from 'opsbook-language';
import { OpsbookNodeFileSystem } from 'opsbook-language/node';
import { CliError } from './cli-error.js';
import { walkedEntries } from './discovery.js';
import type { OutputStreams } from './options.js';
import { escapeControls } from './output/escape.js';

/** Clears the terminal and its scrollback, cursor home (what tsc --watch and Jest do). */
const CLEAR_SCREEN = '\x1b[2J\x1b[3J\x1b[H';
/** Edits in quick succession (an editor's save is often several events) run once. */
const QUIET_MS = 100;

export interface WatchOptions {
    /** The paths given on the command line (default: the current folder). */
    given: string[];
    /** One run; resolves to the absolute paths of the files it read (what to watch besides `given`). */
    run: () => Promise<string[]>;
    io: OutputStreams;
    t: CliText;
    /** Clear the screen before each run after the first: only on a terminal. */
    clear: boolean;
    /** Stops watching (tests); otherwise the loop lasts until the process is interrupted. */
    signal?: AbortSignal;
}

/**
 * `--watch`: runs once, then again whenever a `.ops` file, an `opsbook.json` or a `.gitignore` changes
 * in a watched folder — the folders given (with their subfolders, skipping `node_modules` and dot
 * folders as the search does), the folders of every file the last run read (imports included), and
 * their workspace roots. A run that fails (a syntax error, a broken opsbook.json, a missing file)
 * prints its one line and the loop goes on. Plain `fs.watch` on folders (no polling, no dependency).
 */
export async function watchLoop(options: WatchOptions): Promise<number> {
    const { io, t } = options;
    const cwd = process.cwd();
    const watchers = new Map<string, fs.FSWatcher>();
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    let changed: string | undefined;
    const given = options.given.length > 0 ? options.given : ['.'];

    const runOnce = async (first: boolean) => {
        if (!first) {
            if (options.clear) io.stdout.write(CLEAR_SCREEN);
            io.stderr.write(`${t.rerun(escapeControls(changed ?? '.'))}\n`);
        }
        let read: string[] = [];
        try {
            read = await options.run();
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            io.stderr.write(`opsbook: ${error instanceof CliError ? escapeControls(message) : t.internalError(escapeControls(message))}\n`);
        }
        if (options.signal?.aborted) return;
        updateWatchers(folders(given, read, cwd));
        io.stderr.write(`${t.watching(escapeControls(given.join(' ')))}\n`);
    };

    const schedule = (file: string) => {
        changed = path.relative(cwd, file) || file;
        clearTimeout(timer);
        timer = setTimeout(() => {
            running = running.then(() => runOnce(false));
        }, QUIET_MS);
    };

    const updateWatchers = (wanted: Set<string>) => {
        for (const [folder, watcher] of watchers) {
            if (!wanted.has(folder)) {
                watcher.close();
                watchers.delete(folder);
            }
        }
        for (const folder of wanted) {
            if (watchers.has(folder)) continue;
            try {
                const watcher = fs.watch(folder, (_event, name) => {
                    const file = name ? path.join(folder, name.toString()) : folder;
                    if (relevant(file)) schedule(file);
                });
                watcher.on('error', () => {
                    watcher.close();
                    watchers.delete(folder);
                });
                watchers.set(folder, watcher);
            } catch {
                // A folder that vanished between the run and now: the next run finds out.
            }
        }
    };

    await runOnce(true);
    return new Promise<number>(resolve => {
        options.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            for (const watcher of watchers.values()) watcher.close();
            watchers.clear();
            running.then(() => resolve(0));
        });
    });
}

/** A change that may change the result: a playbook, a configuration, an ignore file, or a new folder. */
function relevant(file: string): boolean {
    const name = path.basename(file);
    if (workspaceFile(name) || name === '.gitignore') return true;
    if (skippedInWalk(name)) return false;
    try {
        return fs.statSync(file).isDirectory();
    } catch {
        return false;
    }
}

/** The folders to watch: given folders and their subfolders, the folders of given and read files, their roots. */
function folders(given: string[], read: string[], cwd: string): Set<string> {
    const result = new Set<string>();
    const roots = new WorkspaceRoots(OpsbookNodeFileSystem.fileSystemProvider());
    for (const input of given) {
        const absolute = path.resolve(cwd, input);
        let stat: fs.Stats | undefined;
        try {
            stat = fs.statSync(absolute);
        } catch {
            stat = undefined;
        }
        if (stat?.isDirectory()) subfolders(absolute, result);
        else if (fs.existsSync(path.dirname(absolute))) result.add(path.dirname(absolute));
    }
    for (const file of read) {
        result.add(path.dirname(file));
        result.add(roots.rootOf(file));
    }
    return result;
}

function subfolders(folder: string, into: Set<string>): void {
    into.add(folder);
    for (const entry of walkedEntries(folder) ?? []) if (entry.isDirectory()) subfolders(path.join(folder, entry.name), into);
}
