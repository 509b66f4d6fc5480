import type { LangiumDocument } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadWorkspace, textDocument, type Workspace } from './lsp-helpers.js';

const ALL = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

describe('inlay hints and code lenses on examples/growth/growth.ops', () => {
    let ws: Workspace;
    let growth: LangiumDocument;
    beforeAll(async () => {
        ws = await loadWorkspace(['examples/growth/growth.ops', 'examples/growth/team.ops']);
        growth = ws.doc('examples/growth/growth.ops');
    });

    /** Each hint as "text of its line up to the hint ⟨label⟩". */
    async function hints(range = ALL): Promise<string[]> {
        const list = (await ws.services.lsp.InlayHintProvider!.getInlayHints(growth, { textDocument: textDocument(growth), range })) ?? [];
        return list.map(
            hint =>
                `${growth.textDocument.getText({ start: { line: hint.position.line, character: 0 }, end: hint.position }).trim()} ⟨${hint.label}⟩`
        );
    }

    test('after each target, budget, assumes and delivers: the figure it implies', async () => {
        expect(await hints()).toEqual([
            'target 2万 signups by 2027-03-31 ⟨planned 20,000 (100%)⟩',
            'target 300k CNY revenue by 2027-03-31 ⟨planned 300,000 CNY (100%)⟩',
            'target 100k CNY revenue by 2027-03-31 ⟨planned 100,000 CNY (100%)⟩',
            'budget 60k CNY ⟨12% of budget⟩',
            'assumes 150k visits at 4% ⟨= 6,000 signups⟩',
            'delivers 6000 signups to SeedUsers ⟨30% of SeedUsers⟩',
            'budget 200k CNY ⟨40% of budget⟩',
            'delivers 14000 signups to SeedUsers ⟨70% of SeedUsers⟩',
            'budget 80k CNY ⟨16% of budget⟩',
            'delivers 200k CNY revenue to Revenue ⟨67% of Revenue⟩',
            'budget 40k CNY ⟨8% of budget⟩',
            'delivers 100k CNY revenue to SouthRevenue ⟨100% of SouthRevenue⟩'
        ]);
    });

    test('only the hints inside the requested range', async () => {
        expect(await hints({ start: { line: 47, character: 0 }, end: { line: 54, character: 0 } })).toEqual([
            'budget 60k CNY ⟨12% of budget⟩',
            'assumes 150k visits at 4% ⟨= 6,000 signups⟩',
            'delivers 6000 signups to SeedUsers ⟨30% of SeedUsers⟩'
        ]);
    });

    test("lenses: 'Preview plan' and 'Generate review' on the playbook, planned / target on each additive goal", async () => {
        const lenses = (await ws.services.lsp.CodeLensProvider!.provideCodeLens(growth, { textDocument: textDocument(growth) })) ?? [];
        const uri = growth.uri.toString();
        expect(lenses.map(lens => [lens.range.start.line, lens.command?.title, lens.command?.command, lens.command?.arguments])).toEqual([
            [2, 'Preview plan', 'opsbook.previewPlan', [uri]],
            [2, 'Generate review', 'opsbook.generateReview', [uri]],
            [25, 'planned 20,000 / 20,000 (100%)', '', undefined],
            [36, 'planned 300,000 CNY / 300,000 CNY (100%)', '', undefined],
            [41, 'planned 100,000 CNY / 100,000 CNY (100%)', '', undefined]
        ]);
    });
});

describe('an undercovered goal', () => {
    test('its lens and hint give planned, target and coverage; a library file gets no playbook lenses', async () => {
        const ws = await loadWorkspace([
            ['team.ops', 'person alice\n'],
            [
                'plan.ops',
                'import "team.ops"\nplaybook P { budget 100k CNY }\nmetric signups count\ngoal G { target 20_000 signups by 2027-03-31 owner alice }\nchannel C { budget 25k CNY delivers 18000 signups to G }\n'
            ]
        ]);
        const plan = ws.doc('plan.ops');
        const lenses = (await ws.services.lsp.CodeLensProvider!.provideCodeLens(plan, { textDocument: textDocument(plan) })) ?? [];
        expect(lenses.map(lens => lens.command?.title)).toEqual(['Preview plan', 'Generate review', 'planned 18,000 / 20,000 (90%)']);
        const hints =
            (await ws.services.lsp.InlayHintProvider!.getInlayHints(plan, { textDocument: textDocument(plan), range: ALL })) ?? [];
        expect(hints.map(hint => hint.label)).toEqual(['planned 18,000 (90%)', '25% of budget', '90% of G']);
        const team = ws.doc('team.ops');
        expect(await ws.services.lsp.CodeLensProvider!.provideCodeLens(team, { textDocument: textDocument(team) })).toEqual([]);
    });
});
