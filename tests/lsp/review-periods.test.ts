import { describe, expect, test } from 'vitest';
import { ResponseError } from 'vscode-languageserver';
import { OpsbookRequestErrors, type ReviewPeriod } from '../../packages/language/src/lsp/custom-requests.js';
import { CustomRequestHandlers } from '../../packages/language/src/lsp/server/custom-request-handlers.js';
import { loadWorkspace, type Workspace } from './lsp-helpers.js';

// opsbook/reviewPeriods: the periods *Generate Review Template* offers (the extension only names them:
// tests/vscode/unit/period-labels.test.ts). The calendar is values/period.ts's, the choice the use case's.

async function handlersFor(ws: Workspace): Promise<CustomRequestHandlers> {
    const shared = ws.services.shared;
    await shared.workspace.WorkspaceManager.initialize({ capabilities: {}, processId: null, rootUri: null, workspaceFolders: [] });
    await shared.workspace.WorkspaceManager.initialized({});
    return new CustomRequestHandlers(shared, ws.services);
}

const GROWTH = ['examples/growth/growth.ops', 'examples/growth/team.ops'];
const summary = (choices: ReviewPeriod[]) => choices.map(c => `${c.relation ?? c.unit}: ${c.period} ${c.start}..${c.end}`);

async function periods(today: string, file: string | null = 'examples/growth/growth.ops') {
    const ws = await loadWorkspace(GROWTH);
    const handlers = await handlersFor(ws);
    return handlers.reviewPeriods({ today, ...(file ? { uri: ws.doc(file).uri.toString() } : {}) });
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

describe('opsbook/reviewPeriods on examples/growth (period 2027-01-01 .. 2027-03-31)', () => {
    test('during the playbook: this and next, without periods after it', async () => {
        const result = await periods('2027-02-15');
        expect(result.playbookPeriod).toEqual({ start: '2027-01-01', end: '2027-03-31' });
        expect(summary(result.relative)).toEqual([
            'this: 2027-W07 2027-02-15..2027-02-21',
            'next: 2027-W08 2027-02-22..2027-02-28',
            'this: 2027-02 2027-02-01..2027-02-28',
            'next: 2027-03 2027-03-01..2027-03-31',
            'this: 2027-Q1 2027-01-01..2027-03-31'
        ]);
        expect(result.relative.map(c => c.unit)).toEqual(['week', 'week', 'month', 'month', 'quarter']);
    });

    test('before the playbook starts: its first periods (ISO weeks belong to the year of their Thursday)', async () => {
        expect(summary((await periods('2026-11-25')).relative)).toEqual([
            'first: 2026-W53 2026-12-28..2027-01-03',
            'second: 2027-W01 2027-01-04..2027-01-10',
            'first: 2027-01 2027-01-01..2027-01-31',
            'second: 2027-02 2027-02-01..2027-02-28',
            'first: 2027-Q1 2027-01-01..2027-03-31'
        ]);
    });

    test('after the playbook ended: its final periods', async () => {
        expect(summary((await periods('2027-06-01')).relative)).toEqual([
            'final: 2027-W13 2027-03-29..2027-04-04',
            'final: 2027-03 2027-03-01..2027-03-31',
            'final: 2027-Q1 2027-01-01..2027-03-31'
        ]);
    });

    test('every quarter, month and week of the playbook', async () => {
        const all = (await periods('2027-02-15')).all;
        expect(summary(all.slice(0, 5))).toEqual([
            'quarter: 2027-Q1 2027-01-01..2027-03-31',
            'month: 2027-01 2027-01-01..2027-01-31',
            'month: 2027-02 2027-02-01..2027-02-28',
            'month: 2027-03 2027-03-01..2027-03-31',
            'week: 2026-W53 2026-12-28..2027-01-03'
        ]);
        expect(summary(all.slice(-1))).toEqual(['week: 2027-W13 2027-03-29..2027-04-04']);
        expect(all.filter(c => c.unit === 'week')).toHaveLength(14);
        expect(all.every(c => c.relation === undefined)).toBe(true);
    });
});

describe('opsbook/reviewPeriods without a playbook period', () => {
    test('without a uri: the calendar around today, leap days and year ends included', async () => {
        const result = await periods('2027-12-30', null);
        expect(result.playbookPeriod).toBeUndefined();
        expect(result.relative.map(c => c.period)).toEqual(['2027-W52', '2028-W01', '2027-12', '2028-01', '2027-Q4', '2028-Q1']);
        expect(result.all).toEqual([]);
        expect(summary((await periods('2028-02-10', null)).relative).slice(2, 4)).toEqual([
            'this: 2028-02 2028-02-01..2028-02-29',
            'next: 2028-03 2028-03-01..2028-03-31'
        ]);
    });

    test('a library file (no playbook, no period): the calendar alone', async () => {
        const result = await periods('2027-05-31', 'examples/growth/team.ops');
        expect(result.playbookPeriod).toBeUndefined();
        expect(summary(result.relative)).toEqual([
            'this: 2027-W22 2027-05-31..2027-06-06',
            'next: 2027-W23 2027-06-07..2027-06-13',
            'this: 2027-05 2027-05-01..2027-05-31',
            'next: 2027-06 2027-06-01..2027-06-30',
            'this: 2027-Q2 2027-04-01..2027-06-30',
            'next: 2027-Q3 2027-07-01..2027-09-30'
        ]);
    });
});

describe('opsbook/reviewPeriods: bad parameters (the extension checks a typed day with it)', () => {
    test('a today that is not a calendar day, or not a day at all, is invalid params', async () => {
        const ws = await loadWorkspace(GROWTH);
        const handlers = await handlersFor(ws);
        expect(await failure(handlers.reviewPeriods({ today: '2027-02-30' }))).toEqual({
            code: OpsbookRequestErrors.InvalidParams,
            message: 'today 2027-02-30 is not on the calendar: February 2027 has 28 days'
        });
        expect((await failure(handlers.reviewPeriods({ today: '2027-2-3' }))).code).toBe(OpsbookRequestErrors.InvalidParams);
        expect((await failure(handlers.reviewPeriods(undefined as never))).code).toBe(OpsbookRequestErrors.InvalidParams);
        expect(await handlers.reviewPeriods({ today: '2028-02-29' })).toMatchObject({ relative: expect.any(Array) });
    });

    test('an unknown document fails like the other requests', async () => {
        const ws = await loadWorkspace(GROWTH);
        const handlers = await handlersFor(ws);
        expect(await failure(handlers.reviewPeriods({ today: '2027-02-15', uri: 'file:///nowhere/x.ops' }))).toEqual({
            code: OpsbookRequestErrors.RequestFailed,
            message: 'file:///nowhere/x.ops is not an .ops document of this workspace: open it in the editor first'
        });
    });
});
