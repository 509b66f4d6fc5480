// The bundled server over stdio with a large document (parsed in slices: RELIABILITY.md, "Huge documents
// in the editor"): while it rebuilds after edits, hovers on another file are answered, with their
// content; an edit sent while the previous one builds leaves only the last text's diagnostics; the
// diagnostics are those of the text. Asserted by answers and their order, not by timings.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { singlePlaybook } from '../../bench/generate.mjs';
import { CHUNKED_PARSE_THRESHOLD } from '../../packages/language/src/parser/chunked-parser.js';
import { temporaryWorkspace } from './fixtures.js';
import { LspTestClient } from './lsp-client.js';

const SMALL =
    'metric signups "Signups" count\nperson alice "Alice"\ngoal Seed "Seed users" {\n  target 2万 signups by 2027-03-31\n  owner alice\n}\n';
const HUGE = singlePlaybook(12_000);

describe('a large document over stdio', () => {
    let client: LspTestClient;
    let huge: string;
    let small: string;

    beforeAll(async () => {
        expect(HUGE.length).toBeGreaterThan(CHUNKED_PARSE_THRESHOLD);
        const folder = temporaryWorkspace({ 'huge.ops': HUGE, 'small.ops': SMALL });
        client = LspTestClient.start();
        await client.initialize(folder);
        huge = await client.open(path.join(folder, 'huge.ops'), fs.readFileSync(path.join(folder, 'huge.ops'), 'utf8'));
        small = await client.open(path.join(folder, 'small.ops'));
        await client.waitFor(() => client.diagnostics.has(huge) && client.diagnostics.has(small), 'the first diagnostics', 60_000);
    }, 90_000);

    afterAll(async () => {
        await client?.stop();
    });

    test('hovers on another file are answered while it rebuilds; an edit during a rebuild leaves only the last text’s diagnostics', async () => {
        const events: string[] = [];
        const from = client.published.length;
        const hugeDiagnostics = () => client.published.slice(from).filter(p => p.params.uri === huge);
        await client.change(huge, [{ text: `${HUGE}goal A "A" { owner nobodyA }\n` }]);
        let sentB = false;
        // Hovers one after the other until the rebuild of the last text has published its diagnostics.
        while (!hugeDiagnostics().some(p => p.params.diagnostics.some(d => d.message.includes("'nobodyB'")))) {
            const hover = await client.connection.sendRequest(HoverRequest.type, {
                textDocument: { uri: small },
                position: { line: 2, character: 6 }
            });
            const value = (hover?.contents as { value?: string } | undefined)?.value ?? '';
            events.push(value.includes('Seed users') ? 'hover' : `wrong hover: ${value}`);
            if (!sentB) {
                // The server has taken in the first edit and answered a hover: the next edit comes now.
                sentB = true;
                await client.change(huge, [{ text: `${HUGE}goal B "B" { owner nobodyB }\n` }]);
            }
            if (hugeDiagnostics().length > 0 && !events.includes('diagnostics')) events.push('diagnostics');
            if (events.length > 10_000) throw new Error('no diagnostics for the last text');
        }
        expect(events.filter(e => e.startsWith('wrong'))).toEqual([]);
        // A hover sent after the second edit was answered before the large file's diagnostics came.
        const diagnosticsAt = events.indexOf('diagnostics');
        expect(diagnosticsAt === -1 || diagnosticsAt >= 2).toBe(true);
        expect(events.filter(e => e === 'hover').length).toBeGreaterThan(1);
        // Only the last text's diagnostics were published: the first text's build was cancelled (or merged).
        const owners = hugeDiagnostics().flatMap(p => p.params.diagnostics.map(d => /'(nobody[AB])'/.exec(d.message)?.[1]).filter(Boolean));
        expect(owners.length).toBeGreaterThan(0);
        expect(new Set(owners)).toEqual(new Set(['nobodyB']));
        // And the diagnostics are those of the text: the same as after a fresh open of the last text.
        const last = hugeDiagnostics()
            .at(-1)
            ?.params.diagnostics.map(d => [d.code, d.range.start.line, d.message]);
        expect(last?.some(([code, line]) => code === 'unresolved-reference' && line === HUGE.split('\n').length - 1)).toBe(true);
    }, 120_000);
});
