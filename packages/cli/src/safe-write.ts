import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from './cli-error.js';
import { words } from './words.js';

/** What is already at a path the CLI is about to write. */
export type ExistingState = 'generated' | 'edited' | 'foreign';

export interface SafeWriteOptions {
    /** Overwrite edited and foreign files too. */
    force?: boolean;
    /**
     * Classifies the current content of an existing file: `generated` may be replaced, `edited`
     * (a generated file changed by hand) and `foreign` (anything else) only with `force`.
     * Leave out to allow replacing any regular file (fmt rewriting the file it read).
     */
    classify?: (existing: string) => ExistingState;
    /** How the refusal names the file kind: "review", "plan", "export". */
    what?: string;
}

/**
 * Writes `content` to `target` whole or not at all (SPEC §7): into a temporary file in the same
 * folder, flushed, then renamed over the target, so a crash or a full disk leaves either the old
 * file or the new one. Refuses, with one line and nothing written:
 * - a target that is a folder or not a regular file;
 * - a symbolic link into another folder (writing through it would change a file elsewhere; a link
 *   within the same folder is followed and the file it names is replaced);
 * - an existing file that `classify` says was edited by hand or was not generated, unless `force`;
 * - a read-only file (no write bit for its owner, or not writable for this user), even with `force`;
 * - a missing folder.
 * A replaced file keeps its mode, owner and group.
 */
export function writeFileSafely(target: string, content: string, options: SafeWriteOptions = {}): void {
    const shown = target;
    let destination = path.resolve(target);
    let stat: fs.Stats | undefined;
    try {
        stat = fs.lstatSync(destination);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
            throw new CliError(words().files.cannotWrite(shown, (error as NodeJS.ErrnoException).code ?? 'error'));
    }
    if (stat?.isSymbolicLink()) {
        let real: string;
        try {
            real = fs.realpathSync(destination);
        } catch {
            throw new CliError(words().files.linkToMissing(shown));
        }
        const folder = fs.realpathSync(path.dirname(destination));
        if (path.dirname(real) !== folder) {
            throw new CliError(words().files.linkElsewhere(shown, real));
        }
        destination = real;
        stat = fs.statSync(real);
    }
    if (stat?.isDirectory()) throw new CliError(words().files.isFolder(shown));
    if (stat && !stat.isFile()) throw new CliError(words().files.notRegular(shown));
    if (stat && !options.force && options.classify) {
        let existing: string;
        try {
            existing = fs.readFileSync(destination, 'utf8');
        } catch (error) {
            throw new CliError(words().files.cannotReadBeforeOverwrite(shown, (error as NodeJS.ErrnoException).code ?? 'error'));
        }
        refuseUnlessGenerated(shown, options.classify(existing), options.what ?? 'file');
    }
    if (stat && !isWritable(destination, stat)) {
        throw new CliError(words().files.readOnly(shown));
    }
    const folder = path.dirname(destination);
    if (!fs.existsSync(folder)) throw new CliError(words().files.folderMissing(shown, path.dirname(shown) || '.'));
    removeStaleTemporaries(folder, path.basename(destination));
    const temporary = path.join(folder, `.${path.basename(destination)}.${process.pid}.${Date.now().toString(36)}.opsbook-tmp`);
    try {
        const fd = fs.openSync(temporary, 'wx', stat ? stat.mode & 0o7777 : 0o666);
        try {
            if (stat) {
                // The replacement keeps the file's mode (open() applies the umask) and its owner and
                // group (the temporary file belongs to whoever runs opsbook, root included).
                fs.fchmodSync(fd, stat.mode & 0o7777);
                const created = fs.fstatSync(fd);
                if (created.uid !== stat.uid || created.gid !== stat.gid) fs.fchownSync(fd, stat.uid, stat.gid);
            }
            fs.writeFileSync(fd, content, 'utf8');
            fs.fsyncSync(fd);
        } finally {
            fs.closeSync(fd);
        }
        fs.renameSync(temporary, destination);
    } catch (error) {
        try {
            fs.unlinkSync(temporary);
        } catch {
            // already renamed or never created
        }
        throw new CliError(words().files.writeFailed(shown, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
    }
}

/** The refusal of an existing file that was edited by hand or not generated (SPEC §7). */
export function refuseUnlessGenerated(shown: string, state: ExistingState, what: string): void {
    if (state === 'edited') {
        throw new CliError(words().files.edited(shown, what));
    }
    if (state === 'foreign') {
        throw new CliError(words().files.foreign(shown));
    }
}

/**
 * A read-only file is never replaced, as Prettier, gofmt and terraform fmt refuse it: renaming over it
 * would succeed in a writable folder although the file itself says "do not write". The mode bits are
 * read directly because root may write anything (access(2) says yes): a file whose owner has no write
 * permission (`chmod u-w`, 444) is read-only for everyone, root included; other users are also refused
 * what access(2) denies them.
 */
function isWritable(file: string, stat: fs.Stats): boolean {
    if ((stat.mode & 0o200) === 0) return false;
    try {
        fs.accessSync(file, fs.constants.W_OK);
        return true;
    } catch {
        return false;
    }
}

/**
 * Temporary files of this target left by a write that was killed (`.NAME.PID.TIME.opsbook-tmp`) are
 * removed by the next write of the same file; those of an opsbook process that is still running (its
 * pid alive) are left to it. Never fails the write.
 */
function removeStaleTemporaries(folder: string, base: string): void {
    let names: string[];
    try {
        names = fs.readdirSync(folder);
    } catch {
        return;
    }
    const prefix = `.${base}.`;
    for (const name of names) {
        if (!name.startsWith(prefix) || !name.endsWith('.opsbook-tmp')) continue;
        const middle = name.slice(prefix.length, -'.opsbook-tmp'.length);
        const match = /^(\d+)\.[0-9a-z]+$/.exec(middle);
        if (middle !== '' && !match) continue;
        if (match && Number(match[1]) !== process.pid && isRunning(Number(match[1]))) continue;
        try {
            if (fs.lstatSync(path.join(folder, name)).isFile()) fs.unlinkSync(path.join(folder, name));
        } catch {
            // gone already, or not ours to remove
        }
    }
}

function isRunning(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
}
