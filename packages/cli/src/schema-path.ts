import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where `npm install --save-dev @opsbook/cli` puts the JSON Schema of opsbook.json, from the folder that installs it. */
export const INSTALLED_SCHEMA = 'node_modules/@opsbook/cli/schemas/opsbook.schema.json';

/**
 * The `$schema` for an opsbook.json written into `folder`: the installed schema of the nearest folder at
 * or above it that has @opsbook/cli in its node_modules (as Node would find it), relative to `folder`
 * with `/` separators; `./node_modules/…` when none has it yet (the usual case: init, then install).
 */
export function schemaReference(folder: string): string {
    const start = path.resolve(folder);
    for (let dir = start; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, INSTALLED_SCHEMA))) {
            const relative = path.relative(start, path.join(dir, INSTALLED_SCHEMA)).split(path.sep).join('/');
            return relative.startsWith('.') ? relative : `./${relative}`;
        }
        if (path.dirname(dir) === dir) return `./${INSTALLED_SCHEMA}`;
    }
}
