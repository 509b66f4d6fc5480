import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CompletionItem, CompletionRequest, InsertTextFormat } from 'vscode-languageserver-protocol/node';
import { PLAN_OPS, TEAM_OPS, temporaryWorkspace } from './fixtures.js';
import { fileUri, LspTestClient } from './lsp-client.js';

// Issue 16: typing `goal` offered five entries (the keyword, two server snippets, two snippets the
// extension contributed), and the contributed ones also came where a value is expected (`#region` after
// `owner `). Now the server's snippets are the entries of an element keyword, and only where an element
// may start; the extension contributes none (tests/lsp/completion.test.ts checks its manifest).

describe('completion over the protocol: one entry per thing', () => {
    let client: LspTestClient;
    let planUri: string;
    const complete = async (line: number, character: number): Promise<CompletionItem[]> => {
        const result = await client.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri: planUri },
            position: { line, character }
        });
        return Array.isArray(result) ? result : (result?.items ?? []);
    };

    beforeAll(async () => {
        const folder = temporaryWorkspace({ 'team.ops': TEAM_OPS, 'plan.ops': `${PLAN_OPS}\ngo\ngoal H { owner  }\n` });
        planUri = fileUri(path.join(folder, 'plan.ops'));
        client = LspTestClient.start();
        await client.initialize(folder, { initializationOptions: { diagnosticsDelay: 0 } });
        await client.open(path.join(folder, 'plan.ops'));
    });

    afterAll(async () => {
        await client?.stop();
    });

    test('`go` where an element starts: the two goal snippets, no bare keyword', async () => {
        const lines = PLAN_OPS.split('\n').length;
        const goal = (await complete(lines, 2)).filter(item => item.label === 'goal');
        expect(goal.map(item => [item.kind, item.insertTextFormat, item.labelDetails?.description])).toEqual([
            [15, InsertTextFormat.Snippet, 'snippet'],
            [15, InsertTextFormat.Snippet, 'snippet: Sub-goal (part of)']
        ]);
        const all = await complete(lines, 2);
        expect(all.filter(item => item.detail === 'keyword')).toEqual([]);
        expect(new Set(all.map(item => `${item.label} ${item.labelDetails?.description ?? ''}`)).size).toBe(all.length);
    });

    test('after `owner `: the people, and no snippet', async () => {
        const lines = PLAN_OPS.split('\n').length;
        const items = await complete(lines + 1, 15);
        expect(items.map(item => item.label).sort()).toEqual(['alice', 'bob']);
        expect(items.filter(item => item.insertTextFormat === InsertTextFormat.Snippet)).toEqual([]);
    });
});
