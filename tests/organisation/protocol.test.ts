// SPEC §8 over the wire: the bundled server (opsbook-language-server --stdio) knows the unopened files
// of the workspace, and an edit in a region re-publishes the national file's diagnostics — with each
// contribution as related information — and asks the client to refresh inlay hints and code lenses.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InitializedNotification, InitializeRequest } from 'vscode-languageserver-protocol/node';
import { fileUri, LspTestClient, REPO } from '../protocol/lsp-client.js';
import { temporaryWorkspace } from '../protocol/fixtures.js';

describe('examples/org in the language server', () => {
    let client: LspTestClient;
    let folder: string;
    const refreshes: string[] = [];
    const uri = (name: string) => fileUri(path.join(folder, name));

    beforeAll(async () => {
        const files = Object.fromEntries(
            ['总部.ops', '华东.ops', '华南.ops', '团队.ops', 'opsbook.json'].map(name => [
                name,
                fs.readFileSync(path.join(REPO, 'examples/org', name), 'utf8')
            ])
        );
        folder = temporaryWorkspace(files);
        fs.writeFileSync(path.join(folder, 'opsbook.json'), files['opsbook.json']!);
        client = LspTestClient.start();
        client.connection.onRequest('workspace/inlayHint/refresh', () => {
            refreshes.push('inlayHint');
            return null;
        });
        client.connection.onRequest('workspace/codeLens/refresh', () => {
            refreshes.push('codeLens');
            return null;
        });
        await client.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: fileUri(folder),
            workspaceFolders: [{ uri: fileUri(folder), name: 'org' }],
            initializationOptions: { diagnosticsDelay: 0 },
            capabilities: {
                textDocument: { publishDiagnostics: { relatedInformation: true } },
                workspace: { workspaceFolders: true, inlayHint: { refreshSupport: true }, codeLens: { refreshSupport: true } }
            }
        });
        await client.connection.sendNotification(InitializedNotification.type, {});
    });

    afterAll(async () => {
        await client?.stop();
    });

    test('the unopened national file is checked clean at start-up (the regions count there)', async () => {
        await client.waitFor(
            () => client.diagnostics.has(uri('总部.ops')) && client.diagnostics.has(uri('华南.ops')),
            'start-up diagnostics'
        );
        expect(client.diagnostics.get(uri('总部.ops'))).toEqual([]);
    });

    test("lowering 华南's target re-publishes 总部.ops with each contribution as related information", async () => {
        const south = await client.open(path.join(folder, '华南.ops'));
        const from = client.published.length;
        refreshes.length = 0;
        const text = fs.readFileSync(path.join(folder, '华南.ops'), 'utf8');
        const line = text.split('\n').findIndex(l => l.includes('target 4000万元 销售额'));
        const column = text.split('\n')[line]!.indexOf('4000万元');
        await client.change(south, [{ range: { start: { line, character: column }, end: { line, character: column + 4 } }, text: '1000' }]);
        await client.waitFor(
            () => client.published.slice(from).some(p => p.params.uri === uri('总部.ops') && p.params.diagnostics.length > 0),
            '总部.ops diagnostics'
        );
        const [diagnostic, ...rest] = client.diagnostics.get(uri('总部.ops'))!;
        expect(rest).toEqual([]);
        expect(diagnostic).toMatchObject({
            code: 'goal-undercovered',
            severity: 1,
            range: { start: { line: 23, character: 9 }, end: { line: 23, character: 32 } },
            message:
                '全国销售额：计划 9,000万 / 1.2亿元 销售额（75%），还差 3,000万：中秋大促 3,000万；华东销售额 5,000万（华东.ops）；华南销售额 1,000万（华南.ops）'
        });
        expect(
            diagnostic!.relatedInformation?.map(
                r => `${decodeURIComponent(r.location.uri).split('/').pop()}:${r.location.range.start.line + 1} ${r.message}`
            )
        ).toEqual([
            '总部.ops:38 中秋大促 交付 3,000万元 销售额',
            '华东.ops:24 子目标 华东销售额 的目标为 5,000万元 销售额',
            '华南.ops:24 子目标 华南销售额 的目标为 1,000万元 销售额'
        ]);
        await client
            .waitFor(() => refreshes.includes('inlayHint') && refreshes.includes('codeLens'), 'refresh requests', 5000)
            .catch(() => undefined);
        expect([...new Set(refreshes)].sort()).toEqual(['codeLens', 'inlayHint']);
    });
});
