import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import type { LangiumDocument } from 'langium';
import { type CliText, skippedInWalk, usecases, workspaceFile } from 'opsbook-language';
import { CliError } from '../cli-error.js';
import { cliLocale } from '../cli-locale.js';
import { discoverOpsFiles } from '../discovery.js';
import { withExamples } from '../help.js';
import { localeOption, type OutputStreams } from '../options.js';
import { writeOutput } from '../output-target.js';
import { loadWorkspace } from '../workspace-loader.js';

interface DiffOptions {
    rev?: string;
    format?: 'markdown' | 'json';
    output?: string;
    locale?: 'en' | 'zh-CN';
}

/** One version to compare: files to load (absolute), the key each is compared under, and how to name it. */
interface Version {
    label: string;
    /** The folder the keys are relative to. */
    root: string;
    /** absolute path → key. */
    files: Map<string, string>;
    /** Load also the files whose figures reach these (SPEC §8): for a single file. */
    organisation: boolean;
}

/**
 * `opsbook diff OLD NEW` and `opsbook diff --rev A[..B] [PATHS…]` (SPEC §9): what changed in the analysed
 * figures between two versions of a playbook workspace, as Markdown (a pull-request comment) or JSON.
 * Exit 0 whatever changed; 2 for bad input (a missing side, no git repository, an unknown revision), with
 * one line. Git is read here, in the CLI, with `git show REV:path` into a temporary folder that mirrors
 * the repository, so imports and opsbook.json resolve as they did in that revision.
 */
export async function runDiff(paths: string[], options: DiffOptions, io: OutputStreams): Promise<number> {
    const t = usecases.cycleText(options.locale ?? cliLocale([], process.cwd()));
    const temporary: string[] = [];
    try {
        let before: Version;
        let after: Version;
        if (options.rev !== undefined) {
            [before, after] = gitVersions(options.rev, paths, t, temporary);
        } else {
            if (paths.length !== 2) throw new CliError(t.diffNeedsTwo);
            [before, after] = pathVersions(paths[0] as string, paths[1] as string, t);
        }
        const old = await snapshot(before, options.locale);
        const now = await snapshot(after, options.locale);
        const locale = options.locale ?? now.locale ?? old.locale ?? 'en';
        const { text } = usecases.diffPlaybooks(old.snapshot, now.snapshot, {
            format: options.format ?? 'markdown',
            oldLabel: before.label,
            newLabel: after.label,
            locale
        });
        // A change review is written over whatever file -o names (no generated-document marker to check).
        writeOutput(text, { output: options.output, force: true }, io);
        return 0;
    } finally {
        for (const folder of temporary) fs.rmSync(folder, { recursive: true, force: true });
    }
}

async function snapshot(
    version: Version,
    locale: 'en' | 'zh-CN' | undefined
): Promise<{ snapshot: usecases.WorkspaceSnapshot; locale?: 'en' | 'zh-CN' }> {
    const absolute = [...version.files.keys()];
    if (absolute.length === 0) return { snapshot: { files: new Map(), people: new Map() } };
    // The findings are worded in the document language, as in every generated document.
    const workspace = await loadWorkspace(absolute, {
        cwd: version.root,
        organisation: version.organisation,
        overrides: locale ? { locale } : {}
    });
    const files = workspace.files.map(file => ({
        file: version.files.get(file.document.uri.fsPath) ?? file.shown,
        document: file.document
    }));
    const personFile = (document: LangiumDocument | undefined) =>
        document ? path.relative(version.root, document.uri.fsPath).split(path.sep).join('/') : '';
    const snapshot = usecases.snapshotVersion(workspace.services, files, personFile);
    const first = files.map(f => workspace.services.analysis.PlaybookAnalyzer.analyze(f.document)).find(a => a.playbook);
    return { snapshot, ...(first ? { locale: first.locale } : {}) };
}

function kindOf(shown: string): 'file' | 'folder' | undefined {
    try {
        const stat = fs.statSync(shown);
        return stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : undefined;
    } catch {
        return undefined;
    }
}

/** Two files (compared as one playbook) or two folders (file by file, by path inside each). */
function pathVersions(oldPath: string, newPath: string, t: usecases.CycleText): [Version, Version] {
    const oldKind = kindOf(oldPath);
    if (!oldKind) throw new CliError(t.diffMissing({ file: oldPath, side: 'old' }));
    const newKind = kindOf(newPath);
    if (!newKind) throw new CliError(t.diffMissing({ file: newPath, side: 'new' }));
    if (oldKind !== newKind) throw new CliError(t.diffKindsDiffer({ old: oldPath, new: newPath }));
    if (oldKind === 'file') {
        const key = path.basename(newPath);
        const version = (shown: string): Version => ({
            label: shown,
            root: path.dirname(path.resolve(shown)),
            files: new Map([[path.resolve(shown), key]]),
            organisation: true
        });
        return [version(oldPath), version(newPath)];
    }
    const version = (folder: string): Version => {
        const root = path.resolve(folder);
        const files = new Map(
            discoverOpsFiles([folder]).map(file => [path.resolve(file), path.relative(root, path.resolve(file)).split(path.sep).join('/')])
        );
        return { label: folder, root, files, organisation: false };
    };
    return [version(oldPath), version(newPath)];
}

function git(args: string[], cwd: string): string | undefined {
    try {
        return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 });
    } catch {
        return undefined;
    }
}

function gitBuffer(args: string[], cwd: string): Buffer | undefined {
    try {
        return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 });
    } catch {
        return undefined;
    }
}

/** Files under a repository path that the workspace reads: `.ops` files and `opsbook.json`, outside dot-folders and node_modules. */
function wanted(file: string): boolean {
    const parts = file.split('/');
    if (parts.some(skippedInWalk)) return false;
    return workspaceFile(parts[parts.length - 1] as string);
}

/** `--rev A[..B]`: revision A, and revision B or the working tree, of the given paths (default: the current folder). */
function gitVersions(range: string, paths: string[], t: usecases.CycleText, temporary: string[]): [Version, Version] {
    const cwd = process.cwd();
    const top = git(['rev-parse', '--show-toplevel'], cwd)?.trim();
    if (!top) throw new CliError(t.diffNotGit({ folder: cwd }));
    const toplevel = fs.realpathSync(top);
    const [a, b] = range.includes('..') ? (range.split('..', 2) as [string, string]) : [range, ''];
    const revisions = [a === '' ? 'HEAD' : a, ...(b !== '' ? [b] : [])];
    for (const revision of revisions) {
        if (git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], toplevel) === undefined)
            throw new CliError(t.diffUnknownRevision({ revision }));
    }
    const scopes = (paths.length > 0 ? paths : ['.']).map(shown => {
        const absolute = path.resolve(cwd, shown);
        const real = fs.existsSync(absolute)
            ? fs.realpathSync(absolute)
            : path.join(fs.realpathSync(path.dirname(absolute)), path.basename(absolute));
        const relative = path.relative(toplevel, real).split(path.sep).join('/');
        if (relative.startsWith('..') || path.isAbsolute(relative)) throw new CliError(t.diffOutsideRepository({ file: shown }));
        return { shown, relative };
    });
    const inScope = (file: string) => scopes.some(s => s.relative === '' || file === s.relative || file.startsWith(`${s.relative}/`));
    const fromRevision = (revision: string): Version => {
        const listed = (git(['ls-tree', '-r', '-z', '--name-only', revision], toplevel) ?? '')
            .split('\0')
            .filter(f => f !== '' && wanted(f));
        for (const scope of scopes) {
            if (scope.relative.endsWith('.ops') && !listed.includes(scope.relative))
                throw new CliError(t.diffNotInRevision({ file: scope.shown, revision }));
        }
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-diff-'));
        temporary.push(folder);
        // The repository's root is a workspace root (SPEC §8): mark it as .git marks the real one.
        fs.mkdirSync(path.join(folder, '.git'));
        const files = new Map<string, string>();
        for (const file of listed) {
            const content = gitBuffer(['show', `${revision}:${file}`], toplevel);
            if (content === undefined) continue;
            const target = path.join(folder, ...file.split('/'));
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.writeFileSync(target, content);
            if (file.endsWith('.ops') && inScope(file)) files.set(target, file);
        }
        return { label: revision, root: folder, files, organisation: false };
    };
    const before = fromRevision(revisions[0] as string);
    if (revisions[1] !== undefined) return [before, fromRevision(revisions[1])];
    const files = new Map<string, string>();
    for (const scope of scopes) {
        const absolute = path.join(toplevel, ...scope.relative.split('/').filter(p => p !== ''));
        if (scope.relative.endsWith('.ops') && !fs.existsSync(absolute))
            throw new CliError(t.diffNotInRevision({ file: scope.shown, revision: 'the working tree' }));
        for (const file of discoverOpsFiles([absolute])) {
            const real = path.resolve(file);
            files.set(real, path.relative(toplevel, real).split(path.sep).join('/'));
        }
    }
    return [before, { label: t.workingTree, root: toplevel, files, organisation: false }];
}

export function registerDiff(program: Command, io: OutputStreams, setExit: (code: number) => void, t: CliText): void {
    const command = program
        .command('diff')
        .description(t.commands.diff.description)
        .argument('[paths...]', t.options.diffPaths)
        .option('--rev <range>', t.options.diffRev)
        .addOption(new Option('--format <format>', t.options.diffFormat).choices(['markdown', 'json']).default('markdown'))
        .option('-o, --output <file>', t.options.output)
        .addOption(localeOption(t))
        .action(async (paths: string[], options: DiffOptions) => {
            setExit(await runDiff(paths, options, io));
        });
    withExamples(command, t, 'diff');
}
