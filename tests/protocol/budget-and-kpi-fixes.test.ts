import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CodeAction, CodeActionRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { PLAN_OPS, TEAM_OPS, temporaryWorkspace } from './fixtures.js';
import { fileUri, LspTestClient } from './lsp-client.js';

// Issue 16, item 7: budget-overrun also marks the budget just edited; owner-not-assessed has a quick fix.

const PLAN = PLAN_OPS.replace(
    'playbook P { period 2027-Q1 budget 100k CNY }',
    'playbook P {\n  period 2027-Q1\n  budget 100k CNY\n}'
).replace(
    'goal G { target 20k signups by 2027-03-31 owner alice }',
    'goal G { target 20k signups by 2027-03-31 owner alice }\ngoal H { target 1k signups by 2027-03-31 owner bob }\nchannel D { owner bob budget 10k CNY delivers 1k signups to H }'
);

describe('budget-overrun and owner-not-assessed in the editor', () => {
    let client: LspTestClient;
    let planUri: string;
    const overruns = () =>
        (client.diagnostics.get(planUri) ?? [])
            .filter(d => d.code === 'budget-overrun')
            .map(
                d =>
                    `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity}`
            );

    beforeAll(async () => {
        const folder = temporaryWorkspace({ 'team.ops': TEAM_OPS, 'plan.ops': PLAN });
        planUri = fileUri(path.join(folder, 'plan.ops'));
        client = LspTestClient.start();
        await client.initialize(folder, { initializationOptions: { diagnosticsDelay: 0 } });
        await client.open(path.join(folder, 'plan.ops'), PLAN);
        await client.waitFor(() => client.diagnostics.has(planUri), 'the diagnostics of plan.ops');
    });

    afterAll(async () => {
        await client?.stop();
    });

    test('editing a channel budget past the playbook budget marks that budget as well as the playbook', async () => {
        const line = PLAN.split('\n').indexOf('  budget 30k CNY');
        expect(line).toBe(12);
        await client.change(planUri, [{ range: { start: { line, character: 9 }, end: { line, character: 11 } }, text: '95' }]);
        await client.waitFor(() => overruns().length === 2, 'budget-overrun at the playbook and at the edited budget');
        expect(overruns()).toEqual(['5:10-5:18 1', '13:10-13:17 1']);
        const mark = client.diagnostics.get(planUri)!.find(d => d.code === 'budget-overrun' && d.range.start.line === 12) as Diagnostic;
        const primary = client.diagnostics.get(planUri)!.find(d => d.code === 'budget-overrun' && d.range.start.line === 4) as Diagnostic;
        expect(mark.message).toBe(primary.message);
        expect(mark.message).toMatch(/^channel and campaign budgets add up to 105,000 CNY/);
        expect(mark.relatedInformation?.map(r => [r.location.range.start.line + 1, r.message])).toEqual([[5, 'P: budget 100,000 CNY']]);
        expect(primary.relatedInformation?.map(r => r.location.range.start.line + 1)).toEqual([10, 13]);
    });

    test('an edit elsewhere moves the mark away; the playbook keeps its diagnostic', async () => {
        const line = PLAN.split('\n').findIndex(text => text.startsWith('goal G'));
        await client.change(planUri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '// note\n' }]);
        await client.waitFor(() => overruns().length === 1, 'the mark to go');
        expect(overruns()).toEqual(['5:10-5:18 1']);
    });

    test("owner-not-assessed: the quick fix adds 'kpi H weight …' to bob's assessment, or a new assessment", async () => {
        await client.waitFor(
            () => (client.diagnostics.get(planUri) ?? []).some(d => d.code === 'owner-not-assessed'),
            'owner-not-assessed'
        );
        const diagnostic = client.diagnostics.get(planUri)!.find(d => d.code === 'owner-not-assessed') as Diagnostic;
        const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: planUri },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic] }
        })) as CodeAction[];
        expect(actions.map(action => [action.title, action.isPreferred])).toEqual([
            ["Add 'assessment bob { kpi H weight 100% }'", true],
            ['Suppress owner-not-assessed on this line', undefined]
        ]);
        const edit = actions[0]!.edit?.changes?.[planUri];
        expect(edit?.map(e => e.newText)).toEqual(['assessment bob { kpi H weight 100% }\n']);
    });
});
