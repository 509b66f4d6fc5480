import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll } from 'vitest';

const created: string[] = [];

// Generous: a folder of 10,000 files takes a while to remove on a busy machine.
afterAll(() => {
    for (const dir of created.splice(0)) {
        try {
            fs.rmSync(dir, { recursive: true, force: true });
        } catch {
            // a folder still busy (a mount point) stays in the temp dir; not worth failing a test for
        }
    }
}, 180_000);

/**
 * A fresh folder under the system temp dir, removed after the test file. With `root` (the default) it
 * holds an `opsbook.json`, so it is its own workspace root whatever the current folder is.
 */
export function tempWorkspace(files: Record<string, string | Buffer> = {}, options: { root?: boolean } = {}): string {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-reliability-')));
    created.push(dir);
    if (options.root ?? true) fs.writeFileSync(path.join(dir, 'opsbook.json'), '{}\n');
    writeFiles(dir, files);
    return dir;
}

/** Writes files below `dir`, creating folders as needed. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
    for (const [name, content] of Object.entries(files)) {
        const file = path.join(dir, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
    }
}
