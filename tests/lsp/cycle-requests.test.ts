// SPEC §9 requests of the language server: opsbook/nextCycle and opsbook/diffPlaybooks give what
// `opsbook next` and `opsbook diff` print (the same use cases).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { ResponseError } from 'vscode-languageserver';
import { OpsbookRequestErrors } from '../../packages/language/src/lsp/custom-requests.js';
import { CycleRequestHandlers } from '../../packages/language/src/lsp/server/cycle-requests.js';
import { runInProcess } from '../cli/cli-helpers.js';
import { loadWorkspace, type Workspace } from './lsp-helpers.js';

vi.setConfig({ testTimeout: 60_000 });

async function handlersFor(ws: Workspace): Promise<CycleRequestHandlers> {
    const shared = ws.services.shared;
    await shared.workspace.WorkspaceManager.initialize({ capabilities: {}, processId: null, rootUri: null, workspaceFolders: [] });
    await shared.workspace.WorkspaceManager.initialized({});
    return new CycleRequestHandlers(shared, ws.services);
}

async function failure(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
    try {
        await promise;
    } catch (error) {
        expect(error).toBeInstanceOf(ResponseError);
        return { code: (error as ResponseError<unknown>).code, message: (error as Error).message };
    }
    throw new Error('the request did not fail');
}

const ACTUALS = 'tests/fixtures/cli/actuals/growth.csv';

describe('opsbook/nextCycle', () => {
    test('the playbook `opsbook next` writes, byte for byte', async () => {
        const ws = await loadWorkspace(['examples/growth/growth.ops', 'examples/growth/team.ops']);
        const handlers = await handlersFor(ws);
        const uri = ws.doc('examples/growth/growth.ops').uri.toString();
        const result = await handlers.nextCycle({ uri, actualsCsv: fs.readFileSync(ACTUALS, 'utf8'), actualsName: 'growth.csv' });
        const cli = await runInProcess(['next', 'examples/growth/growth.ops', '--actuals', ACTUALS]);
        expect(result.text).toBe(cli.stdout);
        expect(result.period).toBe('2027-04-01 .. 2027-06-30');
        expect(result.dropped).toEqual(['SpringSale', 'SouthRoadshow']);
        // Saved into a sub-folder, the import is written from there.
        const moved = await handlers.nextCycle({
            uri,
            actualsCsv: fs.readFileSync(ACTUALS, 'utf8'),
            targetUri: uri.replace('/growth.ops', '/q2/growth.ops'),
            period: '2027-Q2'
        });
        expect(moved.text).toContain('import "../team.ops"');
        expect(moved.period).toBe('2027-Q2');
    });

    test('bad parameters: one clear line', async () => {
        const ws = await loadWorkspace(['examples/growth/growth.ops', 'examples/growth/team.ops']);
        const handlers = await handlersFor(ws);
        const uri = ws.doc('examples/growth/growth.ops').uri.toString();
        expect(await failure(handlers.nextCycle({ uri, actualsCsv: 'date,metric,channel,value\n2027-01-01,nope,,1\n' }))).toEqual({
            code: OpsbookRequestErrors.InvalidParams,
            message: "actualsCsv line 2: unknown metric 'nope': expected one of visits, signups, activated, revenue, d30, spend"
        });
        expect(await failure(handlers.nextCycle({ uri, actualsCsv: 'date,metric,channel,value\n', period: '2026-Q4' }))).toEqual({
            code: OpsbookRequestErrors.InvalidParams,
            message: "period does not start after the playbook's period (2027-01-01 .. 2027-03-31)"
        });
    });
});

describe('opsbook/diffPlaybooks', () => {
    test('another file, or the text of another version: what `opsbook diff` prints', async () => {
        const ws = await loadWorkspace(['examples/growth/growth.ops', 'examples/growth/team.ops']);
        const handlers = await handlersFor(ws);
        const uri = ws.doc('examples/growth/growth.ops').uri.toString();
        const v2 = path.resolve('tests/fixtures/next-diff/growth-v2/growth.ops');
        const fromFile = await handlers.diffPlaybooks({ uri, otherUri: `file://${v2}` });
        const cli = await runInProcess(['diff', 'tests/fixtures/next-diff/growth-v2/growth.ops', 'examples/growth/growth.ops']);
        expect(fromFile.text.split('\n').slice(1)).toEqual(cli.stdout.split('\n').slice(1));
        expect(fromFile.text.split('\n')[0]).toBe('## Opsbook changes: growth.ops → growth.ops');
        expect(fromFile.findingsGone).toBe(1);
        // A revision's text, read by the client, at the file's own place.
        const older = fs.readFileSync('examples/growth/growth.ops', 'utf8').replace('budget 60k CNY', 'budget 50k CNY');
        const fromText = await handlers.diffPlaybooks({ uri, otherText: older, otherLabel: 'HEAD~1', format: 'json' });
        const json = JSON.parse(fromText.text);
        expect(json.old).toBe('HEAD~1');
        expect(json.files[0].elements.find((e: { name: string }) => e.name === 'SEO').fields[0]).toEqual({
            field: 'budget',
            before: { amount: '50000', currency: 'CNY' },
            after: { amount: '60000', currency: 'CNY' }
        });
        const same = await handlers.diffPlaybooks({
            uri,
            otherText: fs.readFileSync('examples/growth/growth.ops', 'utf8'),
            otherLabel: 'HEAD'
        });
        expect(same).toEqual({
            text: '## Opsbook changes: HEAD → growth.ops\n\nNo change in the analysed figures.\n',
            changes: 0,
            findingsAppeared: 0,
            findingsGone: 0
        });
    });

    test('neither or both versions: invalid params', async () => {
        const ws = await loadWorkspace(['examples/growth/growth.ops', 'examples/growth/team.ops']);
        const handlers = await handlersFor(ws);
        const uri = ws.doc('examples/growth/growth.ops').uri.toString();
        expect(await failure(handlers.diffPlaybooks({ uri }))).toEqual({
            code: OpsbookRequestErrors.InvalidParams,
            message: 'give the other version as otherText (its text) or otherUri (another .ops file), one of them'
        });
        expect((await failure(handlers.diffPlaybooks({ uri, otherUri: 'file:///nowhere/x.ops' }))).message).toBe(
            '/nowhere/x.ops: no such file (the other version)'
        );
    });
});
