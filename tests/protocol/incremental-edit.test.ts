// The server re-parses only the edited top-level element after an edit (parser/incremental-parse.ts):
// over the protocol, an edit inside an element in the middle of a playbook that adds lines must leave
// every position after it right — the diagnostics (the same as those of the new text opened fresh) and
// hover on an element after the edit, at its new line.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { singlePlaybook } from '../../bench/generate.mjs';
import { temporaryWorkspace } from './fixtures.js';
import { fileUri, LspTestClient } from './lsp-client.js';

const TAIL = '\ngoal Tail_9 "尾巴目标" {\n  owner nobody_9\n  strategy Grow_1\n}\n';
const TEXT = `${singlePlaybook(600) as string}${TAIL}`;

describe('an edit inside an element, over the protocol', () => {
    let client: LspTestClient;
    let folder: string;

    beforeAll(async () => {
        folder = temporaryWorkspace({ 'plan.ops': TEXT });
        // The server logs each re-parse after an edit (workspace/opsbook-document-factory.ts): the path it took is seen.
        process.env.OPSBOOK_TRACE_REPARSE = '1';
        try {
            client = LspTestClient.start();
        } finally {
            delete process.env.OPSBOOK_TRACE_REPARSE;
        }
        await client.initialize(folder);
    });

    afterAll(async () => {
        await client?.stop();
        fs.rmSync(folder, { recursive: true, force: true });
    });

    test('moves the diagnostics and hover after it by the lines it adds', async () => {
        const uri = fileUri(path.join(folder, 'plan.ops'));
        let from = client.published.length;
        await client.open(path.join(folder, 'plan.ops'), TEXT);
        const before = await client.nextDiagnostics(uri, from);
        const lines = TEXT.split('\n');
        const tailLine = lines.indexOf('goal Tail_9 "尾巴目标" {');
        const unresolved = (diagnostics: typeof before) => diagnostics.find(d => d.message.includes('nobody_9'));
        expect(unresolved(before)?.range.start.line).toBe(tailLine + 1);

        // Inside a goal in the middle: its title retyped and two lines added after its `{`.
        const goalLine = lines.findIndex((line, i) => i > lines.length / 2 && /^goal \S+ "[^"]*" \{$/.test(line));
        const open = (lines[goalLine] as string).indexOf('"');
        const close = (lines[goalLine] as string).lastIndexOf('"');
        const replacement = '"改过的 title" {\n  // 第一行\n  // 第二行';
        from = client.published.length;
        await client.change(uri, [
            {
                range: { start: { line: goalLine, character: open }, end: { line: goalLine, character: close + 3 } },
                text: replacement
            }
        ]);
        const after = await client.nextDiagnostics(uri, from);
        // Re-parsed incrementally: the only re-parse so far (the open parsed the whole text, not as a re-parse).
        expect(client.stderr.join('').match(/re-parse of \S+plan\.ops: .*/g)).toEqual([
            expect.stringMatching(/: incremental \(incremental 1, whole text 0\)$/)
        ]);
        expect(unresolved(after)?.range).toEqual({
            start: { line: tailLine + 3, character: 8 },
            end: { line: tailLine + 3, character: 16 }
        });

        // The same as the new text's own diagnostics, opened fresh as another file.
        const edited = [
            ...lines.slice(0, goalLine),
            `${(lines[goalLine] as string).slice(0, open)}${replacement}`,
            ...lines.slice(goalLine + 1)
        ].join('\n');
        const copy = path.join(folder, 'copy.ops');
        fs.writeFileSync(copy, edited);
        from = client.published.length;
        await client.open(copy, edited);
        const fresh = await client.nextDiagnostics(fileUri(copy), from);
        expect(after).toEqual(fresh);
        expect(after.length).toBeGreaterThan(0);

        // Hover on the goal after the edit, at its new line; its old line is now inside the goal before it.
        const hoverAt = async (line: number) =>
            (
                (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 7 } }))
                    ?.contents as { value: string } | undefined
            )?.value ?? '';
        expect(await hoverAt(tailLine + 2)).toContain('尾巴目标');
        expect(await hoverAt(tailLine)).not.toContain('尾巴目标');
        expect(client.stderr.join('').replace(/^Opsbook: re-parse of .*\n/gm, '')).not.toMatch(/failed|Error/);
    });
});
