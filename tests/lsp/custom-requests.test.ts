import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ResponseError } from 'vscode-languageserver';
import { generatePlan } from '../../packages/language/src/generate/plan-document.js';
import { OpsbookRequestErrors } from '../../packages/language/src/lsp/custom-requests.js';
import { CustomRequestHandlers } from '../../packages/language/src/lsp/server/custom-request-handlers.js';
import { loadWorkspace, type Workspace } from './lsp-helpers.js';

/** Request handlers on a loaded workspace, with "today" fixed so that default review dates are stable. */
async function handlersFor(ws: Workspace, today = { year: 2027, month: 2, day: 14 }): Promise<CustomRequestHandlers> {
    const shared = ws.services.shared;
    await shared.workspace.WorkspaceManager.initialize({ capabilities: {}, processId: null, rootUri: null, workspaceFolders: [] });
    await shared.workspace.WorkspaceManager.initialized({});
    return new CustomRequestHandlers(shared, ws.services, () => today);
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

describe('requests for the extension on examples/growth', () => {
    test('opsbook/renderPlan: the plan `opsbook plan` writes, in the playbook locale or the one asked for', async () => {
        const ws = await loadWorkspace(['examples/growth/growth.ops', 'examples/growth/team.ops']);
        const handlers = await handlersFor(ws);
        const uri = ws.doc('examples/growth/growth.ops').uri.toString();
        const { markdown } = await handlers.renderPlan({ uri });
        const analysis = ws.services.analysis.PlaybookAnalyzer.analyze(ws.doc('examples/growth/growth.ops'));
        expect(markdown).toBe(generatePlan(analysis, { source: 'growth.ops', findings: [] }));
        expect(markdown).toContain('# Execution plan: Acme Notes — Q1 2027 growth');
        const chinese = await handlers.renderPlan({ uri, locale: 'zh-CN' });
        expect(chinese.markdown).not.toBe(markdown);
        expect(chinese.markdown).toBe(generatePlan(analysis, { source: 'growth.ops', findings: [], locale: 'zh-CN' }));
    });

    test('opsbook/renderReview: a period, a date, or today moved into the playbook period', async () => {
        const ws = await loadWorkspace(['examples/growth/growth.ops', 'examples/growth/team.ops']);
        const uri = ws.doc('examples/growth/growth.ops').uri.toString();
        const handlers = await handlersFor(ws, { year: 2030, month: 1, day: 1 });
        expect((await handlers.renderReview({ uri, period: '2027-01' })).markdown).toContain('# Weekly growth review: 2027-01');
        expect((await handlers.renderReview({ uri, on: '2027-02-01' })).markdown).toContain('# Weekly growth review: 2027-02-01');
        expect((await handlers.renderReview({ uri })).markdown).toContain('# Weekly growth review: 2027-03-31');
    });

    test('opsbook/renderReview: bad parameters get one clear line', async () => {
        const ws = await loadWorkspace(['examples/growth/growth.ops', 'examples/growth/team.ops']);
        const uri = ws.doc('examples/growth/growth.ops').uri.toString();
        const handlers = await handlersFor(ws);
        expect(await failure(handlers.renderReview({ uri, on: '2027-02-01', period: '2027-01' }))).toEqual({
            code: OpsbookRequestErrors.InvalidParams,
            message: 'give either on (a date, 2027-02-01) or period (2027-W05, 2027-01, 2027-Q1), not both'
        });
        const badPeriod = await failure(handlers.renderReview({ uri, period: '2027-Q5' }));
        expect(badPeriod.code).toBe(OpsbookRequestErrors.InvalidParams);
        expect(badPeriod.message).toMatch(/^period /);
        expect((await failure(handlers.renderReview({ uri, on: '2026-12-01' }))).message).toBe(
            'on 2026-12-01 lies outside the playbook period 2027-01-01 .. 2027-03-31: review a date or period within it'
        );
        expect(await failure(handlers.renderReview({ uri, period: '2027-Q2', locale: 'zh-CN' }))).toEqual({
            code: OpsbookRequestErrors.InvalidParams,
            message: 'period 2027-Q2 不在运营周期（2027-01-01 至 2027-03-31）内：请改用该周期内的日期或时段'
        });
        expect(
            (await failure(handlers.renderReview({ uri, period: '2027-W05', previousReview: '# Review\n\nno table here\n' }))).message
        ).toBe(
            'previous-review.md has no decisions table (a table headed | # | Decision | Owner | Due |): --previous needs a review written by opsbook review'
        );
        expect((await failure(handlers.renderPlan({ uri, locale: 'fr' as 'en' }))).message).toBe(
            'locale must be "en" or "zh-CN", not "fr"'
        );
    });

    test('opsbook/analysis: the JSON export of the model', async () => {
        const ws = await loadWorkspace(['examples/growth/growth.ops', 'examples/growth/team.ops']);
        const handlers = await handlersFor(ws);
        const result = (await handlers.analysis({ uri: ws.doc('examples/growth/growth.ops').uri.toString() })) as {
            format: string;
            source: string;
            goals: { name: string; planned: string; coverage: number }[];
        };
        expect(result.format).toBe('opsbook-export');
        expect(result.source).toBe('growth.ops');
        expect(result.goals.map(goal => [goal.name, goal.planned, goal.coverage])).toEqual([
            ['SeedUsers', '20000', 1],
            ['Retention', '0', null],
            ['Revenue', '300000', 1],
            ['SouthRevenue', '100000', 1]
        ]);
    });

    test('opsbook/documentStatus: errors, warnings and the lowest goal coverage', async () => {
        const ws = await loadWorkspace(['examples/growth/growth.ops', 'examples/growth/team.ops']);
        const handlers = await handlersFor(ws);
        expect(await handlers.documentStatus({ uri: ws.doc('examples/growth/growth.ops').uri.toString() })).toEqual({
            errors: 0,
            warnings: 0,
            coverage: 1
        });
        expect(await handlers.documentStatus({ uri: ws.doc('examples/growth/team.ops').uri.toString() })).toEqual({
            errors: 0,
            warnings: 0,
            library: true,
            importedBy: [{ uri: ws.doc('examples/growth/growth.ops').uri.toString(), name: 'growth.ops' }]
        });
    });
});

describe('requests on files that cannot give an answer', () => {
    const FILES: [string, string][] = [
        ['team.ops', 'person alice\n'],
        [
            'plan.ops',
            'import "team.ops"\nplaybook P { period 2027-Q1 }\nmetric signups count\ngoal G { target 20k signups by 2027-03-31 owner alice }\nchannel C { owner alice delivers 18k signups to G }\n'
        ]
    ];

    test('a playbook with errors: renderPlan names the count and the first one', async () => {
        const ws = await loadWorkspace(FILES);
        const handlers = await handlersFor(ws);
        const uri = ws.doc('plan.ops').uri.toString();
        expect(await failure(handlers.renderPlan({ uri }))).toEqual({
            code: OpsbookRequestErrors.RequestFailed,
            message:
                'plan.ops has 1 error; fix it to preview the plan (first: plan.ops:4:17 G: channels deliver 18,000 of 20,000 signups (90%), 2,000 short; plan 2,000 more or lower the target)'
        });
        expect(await handlers.documentStatus({ uri })).toEqual({ errors: 1, warnings: 3, coverage: 0.9 });
    });

    test('a library file declares no playbook', async () => {
        const ws = await loadWorkspace(FILES);
        const handlers = await handlersFor(ws);
        expect((await failure(handlers.renderReview({ uri: ws.doc('team.ops').uri.toString(), period: '2027-01' }))).message).toBe(
            'team.ops declares no playbook (it is a library such as team.ops): open the file that declares `playbook` to generate a review'
        );
    });

    test('an unknown document or a missing uri', async () => {
        const ws = await loadWorkspace(FILES);
        const handlers = await handlersFor(ws);
        expect(await failure(handlers.analysis({ uri: 'file:///nowhere/x.ops' }))).toEqual({
            code: OpsbookRequestErrors.RequestFailed,
            message: 'file:///nowhere/x.ops is not an .ops document of this workspace: open it in the editor first'
        });
        expect((await failure(handlers.documentStatus(undefined as unknown as { uri: string }))).code).toBe(
            OpsbookRequestErrors.InvalidParams
        );
    });
});

describe('opsbook/renderReview with actualsCsv: the parser of `opsbook review --actuals`, on text', () => {
    const GROWTH_CSV = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/cli/actuals/growth.csv'), 'utf8');

    test('the actuals fill the review: actual, variance, status and the re-allocation', async () => {
        const ws = await loadWorkspace(['examples/growth/growth.ops', 'examples/growth/team.ops']);
        const handlers = await handlersFor(ws);
        const uri = ws.doc('examples/growth/growth.ops').uri.toString();
        const { markdown } = await handlers.renderReview({ uri, on: '2027-02-07', actualsCsv: GROWTH_CSV });
        // The same row as tests/cli/documents.test.ts '--on a date, --actuals filled in'.
        expect(markdown).toContain(
            '| **SEO** (channel) | 6,000 signups → SeedUsers | 2027-01-01 – 2027-03-31 | 42% | 2,533 | 2,300 | -233 (91%) | 🟡 at risk | bob |'
        );
        expect(markdown).toContain('## Proposed budget re-allocation for the next cycle');
        const template = (await handlers.renderReview({ uri, on: '2027-02-07' })).markdown;
        expect(template).toContain(
            '| **SEO** (channel) | 6,000 signups → SeedUsers | 2027-01-01 – 2027-03-31 | 42% | 2,533 |   |   |   | bob |'
        );
    });

    test.each([
        [
            'date,metric,channel,value\n2027-01-10,signups,SEO,420\n2027-02-30,signups,SEO,1\n',
            'actualsCsv line 3: 2027-02-30 is not on the calendar: February 2027 has 28 days'
        ],
        [
            'date,metric,channel,value\n2027-01-10,signup,SEO,420\n',
            "actualsCsv line 2: unknown metric 'signup': expected one of visits, signups, activated, revenue, d30, spend"
        ],
        ['date,metric,channel,value\n\n2027-01-10,signups,SEO,"1\n', 'actualsCsv line 3: a quoted field is never closed'],
        ['day,metric,channel,value\n', "actualsCsv line 1: the header has no 'date' column: expected date,metric,channel,value"],
        ['', 'actualsCsv line 1: empty file: expected a header line date,metric,channel,value']
    ])('a bad CSV %j is an invalid-params reply naming the line', async (actualsCsv, message) => {
        const ws = await loadWorkspace(['examples/growth/growth.ops', 'examples/growth/team.ops']);
        const handlers = await handlersFor(ws);
        const uri = ws.doc('examples/growth/growth.ops').uri.toString();
        expect(await failure(handlers.renderReview({ uri, period: '2027-01', actualsCsv }))).toEqual({
            code: OpsbookRequestErrors.InvalidParams,
            message
        });
    });
});
