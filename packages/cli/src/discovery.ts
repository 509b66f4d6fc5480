import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { loadConfigFile, skippedInWalk } from 'opsbook-language';
import { OpsbookNodeFileSystem } from 'opsbook-language/node';
import { CliError } from './cli-error.js';
import { words } from './words.js';

/**
 * The entries of `folder` a walk of the workspace looks at (SPEC §8: not `skippedInWalk`), in the order
 * the file system gives them; undefined when the folder cannot be read (the caller passes over it).
 */
export function walkedEntries(folder: string): fs.Dirent[] | undefined {
    try {
        return fs.readdirSync(folder, { withFileTypes: true }).filter(entry => !skippedInWalk(entry.name));
    } catch {
        return undefined;
    }
}

/**
 * SPEC §7: PATHS are files or folders (default: the current folder), searched for `*.ops`, skipping
 * `node_modules`, dot-folders, what `.gitignore` files ignore and what the `"ignore"` patterns of
 * opsbook.json name. Files named on the command line are always read (as Ruff and Prettier do).
 * Files keep the spelling the user gave; found ones are relative to it. The result is sorted so that
 * output is deterministic.
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
            problems.push(words().files.noSuchPath(input));
            continue;
        }
        if (stat.isDirectory()) {
            walk(absolute, input, found, inheritedRules(absolute));
        } else if (stat.isFile()) {
            found.push(input);
        } else {
            problems.push(words().files.notFileOrFolder(input));
        }
    }
    return { files: [...new Set(found)], problems };
}

/** Ignore patterns that apply below `base` (the folder of the .gitignore or opsbook.json they come from). */
interface IgnoreRules {
    base: string;
    rules: Ignore;
}

/** What the search of a folder ignores. */
interface Ignoring {
    /** `.gitignore` files from the repository's root (the nearest folder with `.git`) down, outermost first. */
    gitignores: IgnoreRules[];
    /** `"ignore"` of the governing opsbook.json (the nearest one: the workspace root's). */
    config?: IgnoreRules;
}

function readRules(file: string, base: string, patterns?: string[]): IgnoreRules | undefined {
    let lines = patterns;
    if (!lines) {
        try {
            lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
        } catch {
            return undefined;
        }
    }
    return { base, rules: ignore({ allowRelativePaths: true }).add(lines) };
}

function configRules(folder: string): IgnoreRules | undefined {
    const file = path.join(folder, 'opsbook.json');
    if (!fs.existsSync(file)) return undefined;
    // A broken opsbook.json ignores nothing here; `check` reports it (invalid-config, exit 2).
    const patterns = loadConfigFile(file, OpsbookNodeFileSystem.fileSystemProvider()).settings.ignore;
    return patterns ? readRules(file, folder, patterns) : { base: folder, rules: ignore() };
}

/** The rules from the folders above `folder`, for a search that starts there. */
function inheritedRules(folder: string): Ignoring {
    const above: string[] = [];
    for (let dir = path.dirname(folder); ; dir = path.dirname(dir)) {
        above.unshift(dir);
        if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
    }
    const inRepository = fs.existsSync(path.join(folder, '.git')) || fs.existsSync(path.join(above[0]!, '.git'));
    const gitignores = inRepository ? above.flatMap(dir => readRules(path.join(dir, '.gitignore'), dir) ?? []) : [];
    let config: IgnoreRules | undefined;
    for (let dir = path.dirname(folder); !config; dir = path.dirname(dir)) {
        config = configRules(dir);
        if (path.dirname(dir) === dir) break;
    }
    const inherited = { gitignores, ...(config ? { config } : {}) };
    // A folder named on the command line is searched even if it is ignored itself (a `/tmp/` in the
    // repository's .gitignore, an "ignore" of opsbook.json): then only the rules inside it count.
    return isIgnored(folder, true, inherited) ? { gitignores: [] } : inherited;
}

/** gitignore semantics: the last matching rule decides, deeper .gitignore files after the outer ones. */
function isIgnored(absolute: string, isFolder: boolean, ignoring: Ignoring): boolean {
    let ignored = false;
    for (const { base, rules } of [...ignoring.gitignores, ...(ignoring.config ? [ignoring.config] : [])]) {
        const relative = path.relative(base, absolute).split(path.sep).join('/');
        if (relative === '' || relative.startsWith('../')) continue;
        const result = rules.test(isFolder ? `${relative}/` : relative);
        if (result.ignored) ignored = true;
        else if (result.unignored) ignored = false;
    }
    return ignored;
}

function walk(absolute: string, shown: string, found: string[], inherited: Ignoring): void {
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
        throw new CliError(words().files.cannotReadFolder(shown, (error as NodeJS.ErrnoException).code ?? 'error'));
    }
    const gitignore = entries.some(entry => entry.name === '.gitignore' && entry.isFile())
        ? readRules(path.join(absolute, '.gitignore'), absolute)
        : undefined;
    const config = entries.some(entry => entry.name === 'opsbook.json' && entry.isFile()) ? configRules(absolute) : undefined;
    const ignoring: Ignoring = {
        gitignores: gitignore ? [...inherited.gitignores, gitignore] : inherited.gitignores,
        ...((config ?? inherited.config) ? { config: config ?? inherited.config } : {})
    };
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
        if (skippedInWalk(entry.name)) continue;
        const childAbsolute = path.join(absolute, entry.name);
        const childShown = shown === '.' ? entry.name : path.join(shown, entry.name);
        if (entry.isDirectory()) {
            if (!isIgnored(childAbsolute, true, ignoring)) walk(childAbsolute, childShown, found, ignoring);
        } else if (entry.isFile() && entry.name.endsWith('.ops')) {
            if (!isIgnored(childAbsolute, false, ignoring)) found.push(childShown);
        }
    }
}
