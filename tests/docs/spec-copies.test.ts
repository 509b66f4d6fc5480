// docs/SPEC.md and docs/DOMAIN.md are copies of the specification the project is built against
// (/work/shared/*.md, i.e. `../shared/` beside the repository). They are never edited here.
// - Where `../shared/` exists (the developers' machines): each copy must equal its source byte for byte.
// - Everywhere (also a fresh clone in CI, without `../shared/`): each copy must have the SHA-256
//   recorded below, so an edit of the copy alone fails too.
// Taking a new version: copy the file over, run this test, put the hash it prints below.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const SHARED = path.resolve(REPO, '../shared');

const RECORDED: Record<string, string> = {
    'SPEC.md': '90a96b50f06f654c1b644ae4b7899e14558113e646df2801855be9d28cafa178',
    'DOMAIN.md': '2f706b8069e29aa49bbafbc98ba0d9c42f692b2ae4e6f54336ecbeee1d870c2a'
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(Object.keys(RECORDED))('docs/%s', name => {
    const copy = fs.readFileSync(path.join(REPO, 'docs', name));

    test('has the recorded SHA-256 (edit the source, not the copy)', () => {
        expect(sha256(copy), `docs/${name} changed: if it is a new version of ../shared/${name}, record its hash`).toBe(RECORDED[name]);
    });

    // Where ../shared/ exists, the copy must also equal its source (a fresh clone has only the hash above).
    test(`equals ../shared/${name} byte for byte where ../shared/ exists`, () => {
        const sourcePath = path.join(SHARED, name);
        const source = fs.existsSync(sourcePath) ? fs.readFileSync(sourcePath) : copy;
        expect(copy.equals(source), `../shared/${name} changed: copy it to docs/${name} and record its SHA-256 ${sha256(source)}`).toBe(
            true
        );
    });
});
