import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { OpsbookNodeFileSystemProvider } from 'opsbook-language/node';
import {
    createOpsbookCoreServices,
    type Document,
    type LangiumSharedCoreServices,
    type OpsbookCoreServices,
    type OpsbookSettings
} from 'opsbook-language';
import { CliError } from './cli-error.js';
import { words } from './words.js';
import { environmentLocale } from './cli-locale.js';
import { organisationFiles } from './organisation.js';

export interface LoadedFile {
    /** The path as the user gave it or as discovery found it. */
    shown: string;
    document: LangiumDocument<Document>;
}

export interface LoadedWorkspace {
    services: OpsbookCoreServices;
    shared: LangiumSharedCoreServices;
    files: LoadedFile[];
    /** Given files that could not be read (only with `unreadable: 'collect'`; otherwise loading throws). */
    unreadable: UnreadableFile[];
}

export interface UnreadableFile {
    shown: string;
    uri: URI;
    problem: UnreadableProblem;
}

/**
 * Why a file could not be read as text: a failed read (`code`: `EACCES`, `EISDIR`, `ENOENT`, …) at
 * 1:1, or bytes that are not UTF-8 at the first bad byte (`byte`: its value in hex). Lines and columns
 * are 1-based and counted as in the editor: CRLF, lone CR and LF end a line, a BOM takes no column,
 * columns are UTF-16 code units.
 */
export interface UnreadableProblem {
    line: number;
    column: number;
    code?: string;
    byte?: string;
}

/** `-` on the command line: the playbook comes from standard input and is reported under this name. */
export const STDIN_ARGUMENT = '-';
export const STDIN_SHOWN = '<stdin>';
/** Where that text lives for the language: a `.ops` file in the current folder (never read or written). */
const STDIN_FILE = '<stdin>.ops';

/** Reads and decodes a file as UTF-8, or says why that is impossible (never throws). */
export function tryReadOpsFile(absolute: string): { text: string } | { problem: UnreadableProblem } {
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(absolute);
    } catch (error) {
        return { problem: { line: 1, column: 1, code: (error as NodeJS.ErrnoException).code ?? 'error' } };
    }
    return decodeOpsBytes(bytes);
}

/** Decodes bytes as UTF-8 or names the first bad byte (line, column as the editor counts them). */
export function decodeOpsBytes(bytes: Buffer): { text: string } | { problem: UnreadableProblem } {
    try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
        const offset = firstInvalidUtf8(bytes);
        // The decoder drops a BOM, so the editor's columns do not count it either.
        const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
        const lines = before.split(/\r\n|\r|\n/);
        const last = lines[lines.length - 1] ?? '';
        return {
            problem: { line: lines.length, column: last.length + 1, byte: (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0') }
        };
    }
}

/** Decodes a file's bytes as UTF-8, refusing binary and mis-encoded input with one clear line. */
export function readOpsFile(shown: string, absolute: string): string {
    const read = tryReadOpsFile(absolute);
    if ('text' in read) return read.text;
    const { line, column, code } = read.problem;
    if (code === undefined) throw new CliError(words().files.notUtf8(shown, line, column));
    throw new CliError(words().files.cannotRead(shown, code));
}

/**
 * The offset of the first byte of the first sequence that is not UTF-8 (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF; a sequence cut short counts from its lead byte).
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
    const n = bytes.length;
    let i = 0;
    while (i < n) {
        const lead = bytes[i]!;
        if (lead < 0x80) {
            i++;
            continue;
        }
        let follow: number;
        let low = 0x80;
        let high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) follow = 1;
        else if (lead === 0xe0) [follow, low] = [2, 0xa0];
        else if (lead === 0xed) [follow, high] = [2, 0x9f];
        else if (lead >= 0xe1 && lead <= 0xef) follow = 2;
        else if (lead === 0xf0) [follow, low] = [3, 0x90];
        else if (lead === 0xf4) [follow, high] = [3, 0x8f];
        else if (lead >= 0xf1 && lead <= 0xf3) follow = 3;
        else return i;
        if (i + follow >= n) return i;
        const second = bytes[i + 1]!;
        if (second < low || second > high) return i;
        for (let k = 2; k <= follow; k++) {
            const next = bytes[i + k]!;
            if (next < 0x80 || next > 0xbf) return i;
        }
        i += follow + 1;
    }
    return n;
}

/**
 * Creates the services, loads the given files and, transitively, the files they import (inside the
 * workspace root), then builds everything once: parse, index, link, validate.
 */
export async function loadWorkspace(
    shownPaths: string[],
    options: {
        cwd?: string;
        overrides?: Partial<OpsbookSettings>;
        validation?: boolean;
        onProgress?: (validated: number, total: number) => void;
        /** `collect`: a given file that cannot be read is listed in `unreadable` and the others load (check); default `throw` (one line, exit 2). */
        unreadable?: 'throw' | 'collect';
        /** The text of standard input, for the path `-`: a file `<stdin>.ops` in the current folder (imports and opsbook.json resolve from there). */
        stdin?: { text: string } | { problem: UnreadableProblem };
        /** Also load the workspace files whose figures reach the given ones (SPEC §8); default true. */
        organisation?: boolean;
    } = {}
): Promise<LoadedWorkspace> {
    const cwd = options.cwd ?? process.cwd();
    const { shared, Opsbook } = createOpsbookCoreServices({ fileSystemProvider: () => new OneRunFileSystemProvider() });
    // No fallback root: without opsbook.json or .git above it, a file's root is its own folder, not
    // the current folder (packages/language/src/scope/workspace-root.ts).
    if (options.overrides) Opsbook.config.ConfigProvider.setOverrides(options.overrides);
    // SPEC §10: without --locale or opsbook.json, messages follow the environment's language.
    Opsbook.config.ConfigProvider.setFallbackLocale(environmentLocale());
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;

    const files: LoadedFile[] = [];
    /** What was read of each file, so that the organisation's scan reads nothing twice. */
    const texts = new Map<string, string>();
    const add = (shown: string, absolute: string, read?: string): LangiumDocument<Document> => {
        const uri = URI.file(absolute);
        const existing = langiumDocuments.getDocument(uri);
        if (existing) return existing as LangiumDocument<Document>;
        const text = read ?? readOpsFile(shown, absolute);
        texts.set(absolute, text);
        const document = factory.fromString<Document>(text, uri);
        langiumDocuments.addDocument(document);
        return document;
    };
    const unreadable: UnreadableFile[] = [];
    let stdinFile: string | undefined;
    for (const given of shownPaths) {
        const fromStdin = given === STDIN_ARGUMENT && options.stdin !== undefined;
        const shown = fromStdin ? STDIN_SHOWN : given;
        const absolute = path.resolve(cwd, fromStdin ? STDIN_FILE : shown);
        let text: string | undefined;
        if (fromStdin) {
            const read = options.stdin!;
            if ('problem' in read) {
                if (options.unreadable !== 'collect')
                    throw new CliError(words().files.notUtf8(STDIN_SHOWN, read.problem.line, read.problem.column));
                unreadable.push({ shown, uri: URI.file(absolute), problem: read.problem });
                continue;
            }
            text = read.text;
            stdinFile = absolute;
        } else if (options.unreadable === 'collect' && !langiumDocuments.hasDocument(URI.file(absolute))) {
            const read = tryReadOpsFile(absolute);
            if ('problem' in read) {
                unreadable.push({ shown, uri: URI.file(absolute), problem: read.problem });
                continue;
            }
            text = read.text;
        }
        files.push({ shown, document: add(shown, absolute, text) });
    }
    // SPEC §8: the files that import these (or what these import) add to their goals and people.
    const organisation: LangiumDocument<Document>[] = [];
    if (options.organisation ?? true) {
        const given = files
            .map(file => file.document.uri)
            .filter(uri => uri.scheme === 'file')
            .map(uri => uri.fsPath);
        // Standard input is no file on disk: the scan does not see its imports.
        if (stdinFile !== undefined) texts.delete(stdinFile);
        for (const [absolute, text] of organisationFiles(given, Opsbook, texts)) {
            if (!langiumDocuments.hasDocument(URI.file(absolute))) organisation.push(add(path.relative(cwd, absolute), absolute, text));
        }
    }
    // Follow imports (the language's one walk of the import graph), reading each imported file from disk
    // once, so that names from imported files resolve; a missing one is `import-unresolved`.
    Opsbook.references.ImportResolver.importClosure([...files.map(file => file.document), ...organisation], uri => {
        try {
            return add(path.relative(cwd, uri.fsPath), uri.fsPath);
        } catch {
            // Unreadable imports surface as `import-unresolved` on the import itself.
            return undefined;
        }
    });
    const all = langiumDocuments.all.toArray();
    referencesFromLinkedTrees(shared, Opsbook);
    const onProgress = options.onProgress;
    let validated = 0;
    const listener = onProgress
        ? shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => onProgress(++validated, all.length))
        : undefined;
    try {
        await shared.workspace.DocumentBuilder.build(all, { validation: options.validation ?? true });
    } finally {
        listener?.dispose();
    }
    return { services: Opsbook, shared, files, unreadable };
}

/**
 * Node's file system, remembering for the one run of a command what it was asked about a path (real
 * path, file or folder): every file that imports team.ops asked for the real path of
 * team.ops and of the workspace root (Node's JavaScript realpath: a `lstat` per path segment), and the
 * organisation's scan asked again (≈ 5 system calls per file). A command reads the files once and
 * reports on what it read; `--watch` and `--fix` load again with a new provider.
 */
class OneRunFileSystemProvider extends OpsbookNodeFileSystemProvider {
    private readonly realPaths = new Map<string, URI | Error>();
    private readonly stats = new Map<string, ReturnType<OpsbookNodeFileSystemProvider['statSync']> | Error>();

    override realPathSync(uri: URI): URI {
        return remembered(this.realPaths, uri.fsPath, () => super.realPathSync(uri));
    }

    override statSync(uri: URI): ReturnType<OpsbookNodeFileSystemProvider['statSync']> {
        return remembered(this.stats, uri.fsPath, () => super.statSync(uri));
    }
}

/** The answer for `key`, computed once; a thrown error is thrown again each time it is asked. */
function remembered<T>(cache: Map<string, T | Error>, key: string, compute: () => T): T {
    let answer = cache.get(key);
    if (answer === undefined) {
        try {
            answer = compute();
        } catch (error) {
            answer = error instanceof Error ? error : new Error(String(error));
        }
        cache.set(key, answer);
    }
    if (answer instanceof Error) throw answer;
    return answer;
}

/**
 * One build, no editor: "who refers to this?" is asked only by the analysis, about other files (SPEC §8),
 * so Langium's reference index (descriptions by path and URI, kept for find-references, rename and
 * relinking after an edit) is not built: the analysis reads the references off the linked trees once
 * (`PlaybookAnalyzer.useLinkedTrees`) — about 0.4 s of CPU on 1,000 files, a tenth of one large playbook's
 * build (bench/NOTES.md). Which files it reads, and the references to which files it keeps, are the
 * analysis's own `isolated` and `unimported` (SPEC §4: nothing else is named elsewhere).
 */
function referencesFromLinkedTrees(shared: LangiumSharedCoreServices, Opsbook: OpsbookCoreServices): void {
    shared.workspace.IndexManager.updateReferences = async () => {};
    Opsbook.analysis.PlaybookAnalyzer.useLinkedTrees();
}
