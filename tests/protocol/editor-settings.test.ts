import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol/node';
import { PLAN_OPS, TEAM_OPS, temporaryWorkspace } from './fixtures.js';
import { fileUri, LspTestClient } from './lsp-client.js';

const UNDERCOVERED = 'G: channels deliver 18,000 of 20,000 signups (90%), 2,000 short; plan 2,000 more or lower the target';

describe("the editor's opsbook.rules (workspace/configuration) over opsbook.json's", () => {
    let client: LspTestClient;
    let planUri: string;

    /** goal-undercovered as plan.ops's last published diagnostics show it: [severity, line, character, message]. */
    const undercovered = () => {
        const found = (client.diagnostics.get(planUri) ?? []).filter(d => d.code === 'goal-undercovered');
        return found.map(d => [d.severity, d.range.start.line, d.range.start.character, d.message]);
    };
    const waitForSeverity = (severity: number | undefined, what: string) =>
        client.waitFor(
            () =>
                severity === undefined
                    ? client.diagnostics.has(planUri) && undercovered().length === 0
                    : undercovered()[0]?.[0] === severity,
            what
        );

    beforeAll(async () => {
        const folder = temporaryWorkspace({ 'team.ops': TEAM_OPS, 'plan.ops': PLAN_OPS });
        fs.writeFileSync(path.join(folder, 'opsbook.json'), '{ "rules": { "goal-undercovered": "warning" } }\n');
        planUri = fileUri(path.join(folder, 'plan.ops'));
        client = LspTestClient.start();
        client.settings.opsbook = { rules: { 'goal-undercovered': 'info' }, locale: null };
        await client.initialize(folder, { workspaceConfiguration: true, initializationOptions: { diagnosticsDelay: 0 } });
    });

    afterAll(async () => {
        await client?.stop();
    });

    test('at start-up the server pulls the opsbook section, and its severity wins over opsbook.json', async () => {
        await waitForSeverity(3, 'goal-undercovered as info (the editor setting)');
        expect(client.configurationRequests).toContain('opsbook');
        expect(undercovered()).toEqual([[3, 4, 16, UNDERCOVERED]]);
    });

    test('pull model: didChangeConfiguration without settings makes the server ask again; off removes the diagnostic', async () => {
        await waitForSeverity(3, 'the start-up diagnostics');
        const asked = client.configurationRequests.length;
        client.settings.opsbook = { rules: { 'goal-undercovered': 'off' } };
        await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
        await waitForSeverity(undefined, 'goal-undercovered to disappear');
        expect(client.configurationRequests.slice(asked)).toEqual(['opsbook']);
        expect(client.diagnostics.get(planUri)?.map(d => d.code)).not.toContain('goal-undercovered');
    });

    test("push model: settings in the notification; a rule the editor leaves out keeps opsbook.json's severity", async () => {
        await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { opsbook: { rules: {} } } });
        await waitForSeverity(2, "goal-undercovered as opsbook.json's warning");
        expect(undercovered()).toEqual([[2, 4, 16, UNDERCOVERED]]);
    });

    test('entries that are not a rule and a severity are logged and ignored; the others apply', async () => {
        const rules = { 'goal-undercovered': 'error', 'no-such-rule': 'off', 'owner-missing': 'loud' };
        await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { opsbook: { rules } } });
        await waitForSeverity(1, 'goal-undercovered as an error');
        expect(client.logs.filter(line => line.startsWith('opsbook.rules'))).toEqual([
            expect.stringMatching(/^opsbook\.rules: unknown rule 'no-such-rule' is ignored: rules are syntax-error, /),
            'opsbook.rules: \'owner-missing\' is ignored: its severity must be error, warning, info or off, not "loud"'
        ]);
    });
});
