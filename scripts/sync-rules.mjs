// `npm run rules:sync`: rewrites the rule lists that are committed as data from the rule registry
// (packages/language/src/rules/index.ts): the `rules` properties of schemas/opsbook.schema.json and the
// `opsbook.rules` names of the VS Code extension's settings. tests/rules/rule-definitions.test.ts fails
// when either is stale. Run after `tsc -b` (the script reads the compiled registry in out/).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS_URL = 'https://github.com/opsbook/opsbook/blob/main/docs/rules.md';

/** The committed files this script writes, relative to the repository root. */
export const SYNCED_FILES = ['schemas/opsbook.schema.json', 'packages/extension/package.json'];

/** `rules` of the opsbook.json schema: one property per rule id, in registry order, naming its default. */
function syncSchema(schema, rules) {
    schema.properties.rules.properties = Object.fromEntries(
        rules.map(rule => [
            rule.id,
            {
                $ref: '#/definitions/severity',
                description: `Default: ${rule.severity}. ${DOCS_URL}#${rule.id}`
            }
        ])
    );
    return schema;
}

/** The extension's `opsbook.rules` setting accepts exactly the rule ids. */
function syncManifest(manifest, rules) {
    manifest.contributes.configuration.properties['opsbook.rules'].propertyNames.enum = rules.map(rule => rule.id);
    return manifest;
}

const SYNC = { 'schemas/opsbook.schema.json': syncSchema, 'packages/extension/package.json': syncManifest };

/** What `file` should contain for these rule definitions (JSON with two-space indent and a final newline). */
export function syncedText(file, text, rules) {
    return `${JSON.stringify(SYNC[file](JSON.parse(text), rules), null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const { RULE_DEFINITIONS } = await import('../packages/language/out/rules/index.js');
    for (const file of SYNCED_FILES) {
        const absolute = path.join(ROOT, file);
        const text = fs.readFileSync(absolute, 'utf8');
        const synced = syncedText(file, text, RULE_DEFINITIONS);
        if (synced !== text) {
            fs.writeFileSync(absolute, synced);
            console.log(`rules:sync: updated ${file}`);
        }
    }
}
