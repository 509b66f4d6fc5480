import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from './cli-error.js';

/**
 * SPEC §7: PATHS are files or folders (default: the current folder), searched for `*.ops`, skipping
 * `node_modules` and dot-folders. Files keep the spelling the user gave; found ones are relative to it.
 * The result is sorted so that output is deterministic.
 */
export function discoverOpsFiles(paths: string[], cwd = process.cwd()): string[] {
    const { files, problems } = discoverOpsFilesAndProblems(paths, cwd);
    if (problems.length > 0) throw new CliError(problems[0]!);
    return files;
}

/**
 * The same search, but a path that does not exist (or is not a file or folder) does not stop it: it
 * is one line in `problems` and the other paths are still searched (`check` reports on them first,
 * then exits 2).
 */
export function discoverOpsFilesAndProblems(paths: string[], cwd = process.cwd()): { files: string[]; problems: string[] } {
    const inputs = paths.length > 0 ? paths : ['.'];
    const found: string[] = [];
    const problems: string[] = [];
    for (const input of inputs) {
        const absolute = path.resolve(cwd, input);
        let stat: fs.Stats;
        try {
            stat = fs.statSync(absolute);
        } catch {
            problems.push(`${input}: no such file or folder`);
            continue;
        }
        if (stat.isDirectory()) {
            walk(absolute, input, found);
        } else if (stat.isFile()) {
            found.push(input);
        } else {
            problems.push(`${input}: not a regular file or folder`);
        }
    }
    return { files: [...new Set(found)], problems };
}

function walk(absolute: string, shown: string, found: string[]): void {
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
        throw new CliError(`${shown}: cannot read folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const childAbsolute = path.join(absolute, entry.name);
        const childShown = shown === '.' ? entry.name : path.join(shown, entry.name);
        if (entry.isDirectory()) {
            walk(childAbsolute, childShown, found);
        } else if (entry.isFile() && entry.name.endsWith('.ops')) {
            found.push(childShown);
        }
    }
}
