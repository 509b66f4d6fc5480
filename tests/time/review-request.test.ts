import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { ResponseError } from 'vscode-languageserver';
import { OpsbookRequestErrors } from '../../packages/language/src/lsp/custom-requests.js';
import { CustomRequestHandlers } from '../../packages/language/src/lsp/server/custom-request-handlers.js';
import { runInProcess } from '../cli/cli-helpers.js';
import { loadWorkspace, REPO } from '../lsp/lsp-helpers.js';

/** SPEC §9 through the editor's review request: the same document and the same refusals as `opsbook review`. */
vi.setConfig({ testTimeout: 120_000 });
const LAUNCH = 'examples/launch/launch.ops';
const FILLED = 'tests/fixtures/time/review-2027-W30-filled.md';

async function handlers(): Promise<{ handlers: CustomRequestHandlers; uri: string }> {
    const ws = await loadWorkspace([LAUNCH]);
    const shared = ws.services.shared;
    await shared.workspace.WorkspaceManager.initialize({ capabilities: {}, processId: null, rootUri: null, workspaceFolders: [] });
    await shared.workspace.WorkspaceManager.initialized({});
    return {
        handlers: new CustomRequestHandlers(shared, ws.services, () => ({ year: 2027, month: 8, day: 3 })),
        uri: ws.doc(LAUNCH).uri.toString()
    };
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

describe('opsbook/renderReview (SPEC §9)', () => {
    test('previousReview carries the open decisions: the follow-ups section of `opsbook review --previous`', async () => {
        const { handlers: h, uri } = await handlers();
        const { markdown } = await h.renderReview({
            uri,
            period: '2027-W31',
            previousReview: fs.readFileSync(path.join(REPO, FILLED), 'utf8')
        });
        const cli = await runInProcess(['review', LAUNCH, '--period', '2027-W31', '--previous', FILLED]);
        const section = (text: string) => text.slice(text.indexOf('| # | Decision'), text.indexOf('## Goals'));
        expect(section(markdown)).toBe(section(cli.stdout));
        expect(section(markdown)).toContain(
            '| 1 | Move 30k CNY from Retail to Search for back-to-school | omar | 2027-08-02 (overdue) |   |'
        );
    });

    test('a period outside the playbook period: the CLI refusal, with the option named as the request names it', async () => {
        const { handlers: h, uri } = await handlers();
        expect(await failure(h.renderReview({ uri, on: '2027-10-01' }))).toEqual({
            code: OpsbookRequestErrors.InvalidParams,
            message: 'on 2027-10-01 lies outside the playbook period 2027-07-01 .. 2027-09-30: review a date or period within it'
        });
        expect((await failure(h.renderReview({ uri, period: '2027-W40', locale: 'zh-CN' }))).message).toBe(
            'period 2027-W40 不在运营周期（2027-07-01 至 2027-09-30）内：请改用该周期内的日期或时段'
        );
    });
});
