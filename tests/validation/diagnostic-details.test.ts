import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { check } from '../helpers.js';
import { CLEAN, edit } from './validation-helpers.js';

async function diagnosticsOf(text: string, rule: string): Promise<Diagnostic[]> {
    const document = await check(text);
    return (document.diagnostics ?? []).filter(d => d.code === rule);
}

const at = (d: { range: Diagnostic['range'] }) =>
    `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`;

describe('what a diagnostic carries', () => {
    test('rule id as code, the rules.md anchor, default severity, message key in data', async () => {
        const [diagnostic] = await diagnosticsOf(
            edit(CLEAN, 'delivers 800 signups to Signups', 'delivers 600 signups to Signups'),
            'goal-undercovered'
        );
        expect(diagnostic?.code).toBe('goal-undercovered');
        expect(diagnostic?.codeDescription?.href).toMatch(/docs\/rules\.md#goal-undercovered$/);
        expect(diagnostic?.severity).toBe(1);
        expect(diagnostic?.data).toMatchObject({
            code: 'goal-undercovered',
            message: 'goalUndercovered',
            goal: 'Signups',
            shortfall: '200'
        });
    });

    test('goal-undercovered relates each contributing delivery', async () => {
        const [diagnostic] = await diagnosticsOf(
            edit(CLEAN, 'delivers 800 signups to Signups', 'delivers 600 signups to Signups'),
            'goal-undercovered'
        );
        expect(diagnostic?.relatedInformation?.map(r => [at(r.location), r.message])).toEqual([
            ['47:3-47:35', 'Search delivers 1,200 signups'],
            ['55:3-55:34', 'Ads delivers 600 signups']
        ]);
    });

    test('sub-goals are related with their target', async () => {
        const text = edit(
            edit(CLEAN, 'delivers 60k CNY revenue to Revenue', 'delivers 40k CNY revenue to Revenue'),
            'goal Retention {',
            'goal South {\n  target 10k revenue by 2027-03-31\n  part of Revenue\n  owner bo\n}\n\ngoal Retention {'
        );
        const [diagnostic] = await diagnosticsOf(text, 'goal-undercovered');
        expect(diagnostic?.relatedInformation?.map(r => r.message)).toEqual([
            'Launch delivers 40,000 CNY revenue',
            'sub-goal South targets 10,000 CNY revenue'
        ]);
    });

    test('budget-overrun relates every budget line', async () => {
        const [diagnostic] = await diagnosticsOf(edit(CLEAN, 'budget 100k CNY', 'budget 80k CNY'), 'budget-overrun');
        expect(diagnostic?.relatedInformation?.map(r => [at(r.location), r.message])).toEqual([
            ['43:10-43:17', 'Search: budget 20,000 CNY'],
            ['53:10-53:16', 'Ads: budget 35,000 CNY'],
            ['63:10-63:17', 'Launch: budget 30,000 CNY']
        ]);
    });

    test('capacity-overload relates each responsible line of the person', async () => {
        const text = edit(
            CLEAN,
            'workstream Content {',
            'workstream Support {\n  responsible bo 70%\n  accountable bo\n}\n\nworkstream Content {'
        );
        const [diagnostic] = await diagnosticsOf(text, 'capacity-overload');
        expect(diagnostic?.relatedInformation?.map(r => r.message)).toEqual([
            'bo is responsible for 70% in Support',
            'bo is responsible for 40% in Content'
        ]);
    });

    test('kpi-weights relates each weight; forecast-spread each forecast', async () => {
        const [weights] = await diagnosticsOf(edit(CLEAN, 'kpi Visits weight 40%', 'kpi Visits weight 30%'), 'kpi-weights');
        expect(weights?.relatedInformation?.map(r => r.message)).toEqual(['Visits: weight 30%', 'Signups: weight 60%']);
        const [spread] = await diagnosticsOf(edit(CLEAN, 'sales 65k', 'sales 80k'), 'forecast-spread');
        expect(spread?.relatedInformation?.map(r => r.message)).toEqual([
            'sales forecast: 80,000 CNY',
            'finance forecast: 55,000 CNY',
            'market forecast: 60,000 CNY'
        ]);
    });

    test('cpa-exceeded spans the whole `cpa at most` line', async () => {
        const [diagnostic] = await diagnosticsOf(edit(CLEAN, 'cpa at most 20 CNY', 'cpa at most 0.5 CNY'), 'cpa-exceeded');
        expect(at(diagnostic as Diagnostic)).toBe('44:3-44:22');
        expect(diagnostic?.relatedInformation?.map(r => r.message)).toEqual(['Search delivers 30,000 visits']);
    });
});
