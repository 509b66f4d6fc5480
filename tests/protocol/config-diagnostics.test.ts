import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DidChangeWatchedFilesNotification } from 'vscode-languageserver-protocol/node';
import { PLAN_OPS, TEAM_OPS, temporaryWorkspace } from './fixtures.js';
import { fileUri, LspTestClient } from './lsp-client.js';

// Issue 16: a broken opsbook.json was an invalid-config error at 1:1 of every .ops file (four bad entries
// made 23 problems). Now each problem is reported once, on opsbook.json at the offending token.

const BROKEN = ['{', '  "rules": {', '    "forecast-sprad": "off",', '    "no-review": "silent"', '  },', '  "colour": true', '}', ''].join(
    '\n'
);

describe('opsbook.json problems in the editor', () => {
    let client: LspTestClient;
    let folder: string;
    let configUri: string;
    const shown = () =>
        (client.diagnostics.get(configUri) ?? []).map(
            d =>
                `${d.code} ${d.severity} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.message}`
        );

    beforeAll(async () => {
        folder = temporaryWorkspace({ 'team.ops': TEAM_OPS, 'plan.ops': PLAN_OPS });
        fs.writeFileSync(path.join(folder, 'opsbook.json'), BROKEN);
        configUri = fileUri(path.join(folder, 'opsbook.json'));
        client = LspTestClient.start();
        await client.initialize(folder, { initializationOptions: { diagnosticsDelay: 0 } });
    });

    afterAll(async () => {
        await client?.stop();
    });

    test('each problem once, on opsbook.json at its token; none on the .ops files', async () => {
        const planUri = fileUri(path.join(folder, 'plan.ops'));
        const teamUri = fileUri(path.join(folder, 'team.ops'));
        await client.waitFor(
            () => client.diagnostics.has(configUri) && client.diagnostics.has(planUri) && client.diagnostics.has(teamUri),
            'diagnostics of opsbook.json and both files'
        );
        expect(shown()).toEqual([
            "invalid-config 1 3:5-3:21 unknown rule 'forecast-sprad' in opsbook.json: did you mean 'forecast-spread'? (the defaults apply until it is fixed)",
            "invalid-config 1 4:5-4:16 rule 'no-review' in opsbook.json: severity must be error, warning, info or off (the defaults apply until it is fixed)",
            "invalid-config 1 6:3-6:11 unknown setting 'colour' in opsbook.json: expected rules, thresholds, locale or ignore (the defaults apply until it is fixed)"
        ]);
        expect(client.diagnostics.get(configUri)?.[0]?.codeDescription?.href).toMatch(/#invalid-config$/);
        expect(client.diagnostics.get(teamUri)).toEqual([]);
        expect(client.diagnostics.get(planUri)?.map(d => d.code)).toEqual(['goal-undercovered']);
        const onOps = client.published
            .filter(p => p.params.uri !== configUri)
            .flatMap(p => p.params.diagnostics)
            .filter(d => d.code === 'invalid-config');
        expect(onOps).toEqual([]);
    });

    test('fixed and saved: the problems of opsbook.json are cleared', async () => {
        fs.writeFileSync(path.join(folder, 'opsbook.json'), '{\n  "rules": { "forecast-spread": "off" }\n}\n');
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: 2 }] });
        await client.waitFor(() => client.diagnostics.get(configUri)?.length === 0, 'opsbook.json to be clean');
        expect(shown()).toEqual([]);
    });

    test('in Chinese when the documents are in Chinese', async () => {
        const zh = LspTestClient.start();
        try {
            const other = temporaryWorkspace({ 'plan.ops': PLAN_OPS, 'team.ops': TEAM_OPS });
            fs.writeFileSync(path.join(other, 'opsbook.json'), BROKEN);
            const uri = fileUri(path.join(other, 'opsbook.json'));
            await zh.initialize(other, { locale: 'zh-CN', initializationOptions: { diagnosticsDelay: 0 } });
            await zh.waitFor(() => zh.diagnostics.has(uri), 'the diagnostics of opsbook.json');
            // The whole message in the editor's language, problem included (it was English before the suffix).
            expect(zh.diagnostics.get(uri)?.map(d => [d.range.start.line + 1, d.range.start.character + 1, d.message])).toEqual([
                [3, 5, 'opsbook.json 中有未知的规则「forecast-sprad」：是否应为「forecast-spread」？（修正之前使用默认设置）'],
                [4, 5, 'opsbook.json 中规则「no-review」的级别必须是 error、warning、info 或 off（修正之前使用默认设置）'],
                [6, 3, 'opsbook.json 中有未知的设置「colour」：可用的设置为 rules、thresholds、locale、ignore（修正之前使用默认设置）']
            ]);
        } finally {
            await zh.stop();
        }
    });
});
