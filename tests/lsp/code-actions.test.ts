import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadWorkspace, textDocument, type Workspace } from './lsp-helpers.js';

/**
 * The quick fixes offered for the diagnostics of `rule` in `file`, as the client would request them —
 * without "Suppress RULE on this line", offered on every diagnostic (`offered` has it: tested below).
 */
async function fixes(ws: Workspace, file: string, rule: string): Promise<CodeAction[]> {
    return (await offered(ws, file, rule)).filter(action => !action.title.startsWith('Suppress '));
}

async function offered(ws: Workspace, file: string, rule: string): Promise<CodeAction[]> {
    const document = ws.doc(file);
    const diagnostics = (document.diagnostics ?? []).filter(d => d.code === rule);
    expect(
        diagnostics.length,
        `no ${rule} diagnostic in ${file}: ${JSON.stringify(document.diagnostics?.map(d => d.code))}`
    ).toBeGreaterThan(0);
    const range = diagnostics[0]!.range;
    const actions = await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: textDocument(document),
        range,
        context: { diagnostics }
    });
    return (actions ?? []) as CodeAction[];
}

/** The files after applying an action's edits: [name, text] pairs for every file of the workspace. */
function apply(ws: Workspace, action: CodeAction): [string, string][] {
    const changes = action.edit?.changes ?? {};
    return [...ws.documents.entries()].map(([name, document]) => {
        const edits = changes[document.uri.toString()] ?? [];
        const text = document.textDocument.getText();
        return [name, TextDocument.applyEdits(TextDocument.create('file:///x', 'opsbook', 1, text), edits)];
    });
}

function rules(ws: Workspace, file: string): string[] {
    return (ws.doc(file).diagnostics ?? []).map(d => String(d.code));
}

const TEAM: [string, string] = ['team.ops', 'person alice "Alice Wang"\nperson bob\n'];

describe('unresolved-reference', () => {
    test('replace with the suggested name', async () => {
        const ws = await loadWorkspace([TEAM, ['plan.ops', 'import "team.ops"\ngoal G { owner alcie }\n']]);
        const [first] = await fixes(ws, 'plan.ops', 'unresolved-reference');
        expect(first?.title).toBe("Replace with 'alice'");
        expect(first?.isPreferred).toBe(true);
        expect(apply(ws, first!)[1]).toEqual(['plan.ops', 'import "team.ops"\ngoal G { owner alice }\n']);
    });

    test('create a missing person in the imported file where the people live', async () => {
        const ws = await loadWorkspace([TEAM, ['plan.ops', 'import "team.ops"\ngoal G { owner xiaoming }\n']]);
        const actions = await fixes(ws, 'plan.ops', 'unresolved-reference');
        expect(actions.map(a => a.title)).toEqual(["Create person 'xiaoming' in team.ops"]);
        const fixed = apply(ws, actions[0]!);
        expect(fixed).toEqual([
            ['team.ops', 'person alice "Alice Wang"\nperson bob\nperson xiaoming\n'],
            ['plan.ops', 'import "team.ops"\ngoal G { owner xiaoming }\n']
        ]);
        expect(rules(await loadWorkspace(fixed), 'plan.ops')).not.toContain('unresolved-reference');
    });

    test('create a missing metric of the kind its use needs, after the other metrics', async () => {
        const ws = await loadWorkspace([['plan.ops', 'metric signups count\ngoal G { target at least 35% retention by 2027-03-31 }\n']]);
        const actions = await fixes(ws, 'plan.ops', 'unresolved-reference');
        expect(actions.map(a => a.title)).toEqual(["Create metric 'retention'"]);
        expect(apply(ws, actions[0]!)).toEqual([
            ['plan.ops', 'metric signups count\nmetric retention percent\ngoal G { target at least 35% retention by 2027-03-31 }\n']
        ]);
        const money = await loadWorkspace([['plan.ops', 'playbook P { currency CNY }\ngoal G { target 300k CNY gmv by 2027-03-31 }\n']]);
        const [create] = await fixes(money, 'plan.ops', 'unresolved-reference');
        expect(apply(money, create!)[0]![1]).toBe(
            'playbook P { currency CNY }\ngoal G { target 300k CNY gmv by 2027-03-31 }\nmetric gmv money\n'
        );
    });

    test('create a missing goal after the last goal', async () => {
        const ws = await loadWorkspace([
            [
                'plan.ops',
                'metric signups count\ngoal A { target 5 signups by 2027-01-01 }\n\nchannel C { delivers 5 signups to Retention }\n'
            ]
        ]);
        const actions = await fixes(ws, 'plan.ops', 'unresolved-reference');
        expect(actions.map(a => a.title)).toEqual(["Create goal 'Retention'"]);
        expect(apply(ws, actions[0]!)[0]![1]).toBe(
            'metric signups count\ngoal A { target 5 signups by 2027-01-01 }\ngoal Retention\n\nchannel C { delivers 5 signups to Retention }\n'
        );
    });

    test('import the file that declares the name (found in the workspace index)', async () => {
        const ws = await loadWorkspace([
            TEAM,
            ['sales/people.ops', 'person xiaoming "Xiao Ming"\n'],
            ['plan.ops', '// Q1 plan\nimport "team.ops"\ngoal G { owner xiaoming }\n']
        ]);
        const actions = await fixes(ws, 'plan.ops', 'unresolved-reference');
        expect(actions.map(a => a.title)).toEqual([`Import 'xiaoming' from "sales/people.ops"`, "Create person 'xiaoming' in team.ops"]);
        const fixed = apply(ws, actions[0]!);
        expect(fixed[2]).toEqual(['plan.ops', '// Q1 plan\nimport "team.ops"\nimport "sales/people.ops"\ngoal G { owner xiaoming }\n']);
        expect(rules(await loadWorkspace(fixed), 'plan.ops')).not.toContain('unresolved-reference');
    });

    test('with no import yet, the import goes before the first element, after a leading comment', async () => {
        const ws = await loadWorkspace([
            ['lib.ops', 'person xiaoming\n'],
            ['plan.ops', '// header\n\ngoal G { owner xiaoming }\n']
        ]);
        const [importFix] = await fixes(ws, 'plan.ops', 'unresolved-reference');
        expect(importFix?.title).toBe(`Import 'xiaoming' from "lib.ops"`);
        expect(apply(ws, importFix!)[1]![1]).toBe('// header\n\nimport "lib.ops"\n\ngoal G { owner xiaoming }\n');
    });

    test('no "create" when the name exists as another kind (it would clash)', async () => {
        const ws = await loadWorkspace([['plan.ops', 'metric alice count\ngoal G { owner alice }\n']]);
        expect(await fixes(ws, 'plan.ops', 'unresolved-reference')).toEqual([]);
    });
});

describe('rules of the plan', () => {
    const PLAN = (body: string): [string, string] => [
        'plan.ops',
        `import "team.ops"\nplaybook P { period 2027-Q1 }\nmetric signups count\n${body}`
    ];

    test('metric-unmonitored: add a monitor, by channel when channels deliver the metric', async () => {
        const ws = await loadWorkspace([
            TEAM,
            PLAN('goal G { target 5 signups by 2027-03-31 owner alice }\nchannel C { owner bob delivers 5 signups to G }\n')
        ]);
        const actions = await fixes(ws, 'plan.ops', 'metric-unmonitored');
        expect(actions.map(a => a.title)).toEqual(["Add a monitor for 'signups'"]);
        const fixed = apply(ws, actions[0]!);
        expect(fixed[1]![1].endsWith('channel C { owner bob delivers 5 signups to G }\nmonitor signups { by channel every week }\n')).toBe(
            true
        );
        const after = rules(await loadWorkspace(fixed), 'plan.ops');
        expect(after).not.toContain('metric-unmonitored');
        expect(after).not.toContain('channel-unattributed');
    });

    test('kpi-weights: rescale to 100% with whole percents that add up exactly', async () => {
        const ws = await loadWorkspace([
            TEAM,
            PLAN('assessment alice {\n  kpi "A" weight 30%\n  kpi "B" weight 30%\n  kpi "C" weight 30%\n}\n')
        ]);
        const actions = await fixes(ws, 'plan.ops', 'kpi-weights');
        expect(actions.map(a => a.title)).toEqual(['Rescale the KPI weights to 100%']);
        const fixed = apply(ws, actions[0]!);
        expect(fixed[1]![1]).toContain('assessment alice {\n  kpi "A" weight 34%\n  kpi "B" weight 33%\n  kpi "C" weight 33%\n}\n');
        expect(rules(await loadWorkspace(fixed), 'plan.ops')).not.toContain('kpi-weights');
    });

    test('kpi-weights: proportions are kept (10% + 30% → 25% + 75%)', async () => {
        const ws = await loadWorkspace([TEAM, PLAN('assessment bob { kpi "A" weight 10% kpi "B" weight 30% }\n')]);
        const [rescale] = await fixes(ws, 'plan.ops', 'kpi-weights');
        expect(apply(ws, rescale!)[1]![1]).toContain('assessment bob { kpi "A" weight 25% kpi "B" weight 75% }');
    });

    test('owner-not-assessed: add the kpi line with the weight the other KPIs leave, in the assessment', async () => {
        const ws = await loadWorkspace([
            TEAM,
            PLAN(
                'goal G { target 5 signups by 2027-03-31 owner alice }\ngoal H { target 9 signups by 2027-03-31 owner alice }\nassessment alice {\n  kpi G weight 70%\n}\n'
            )
        ]);
        const actions = await fixes(ws, 'plan.ops', 'owner-not-assessed');
        expect(actions.map(a => [a.title, a.isPreferred])).toEqual([["Add 'kpi H weight 30%' to the assessment of alice", true]]);
        const fixed = apply(ws, actions[0]!);
        expect(fixed[1]![1]).toContain('assessment alice {\n  kpi G weight 70%\n  kpi H weight 30%\n}\n');
        const after = rules(await loadWorkspace(fixed), 'plan.ops');
        expect(after).not.toContain('owner-not-assessed');
        expect(after).not.toContain('kpi-weights');
    });

    test('owner-not-assessed: weights already at 100% → an equal share (kpi-weights then offers to rescale); one-line block', async () => {
        const ws = await loadWorkspace([
            TEAM,
            PLAN('goal G { target 5 signups by 2027-03-31 owner bob }\nassessment bob { kpi "A" weight 100% }\n')
        ]);
        const [add] = await fixes(ws, 'plan.ops', 'owner-not-assessed');
        expect(add?.title).toBe("Add 'kpi G weight 50%' to the assessment of bob");
        const fixed = apply(ws, add!);
        expect(fixed[1]![1]).toContain('assessment bob { kpi "A" weight 100% kpi G weight 50% }');
        const after = rules(await loadWorkspace(fixed), 'plan.ops');
        expect(after).not.toContain('owner-not-assessed');
        expect(after).toContain('kpi-weights');
    });

    test('owner-not-assessed: no assessment yet → a new one with the goal at 100%', async () => {
        const ws = await loadWorkspace([
            TEAM,
            PLAN('goal G { target 5 signups by 2027-03-31 owner bob }\nassessment alice { kpi G weight 100% }\n')
        ]);
        const [add] = await fixes(ws, 'plan.ops', 'owner-not-assessed');
        expect(add?.title).toBe("Add 'assessment bob { kpi G weight 100% }'");
        const fixed = apply(ws, add!);
        expect(fixed[1]![1]).toContain('assessment alice { kpi G weight 100% }\nassessment bob { kpi G weight 100% }\n');
        expect(rules(await loadWorkspace(fixed), 'plan.ops')).not.toContain('owner-not-assessed');
    });

    test('owner-missing: add an owner, one action per person, in each block style', async () => {
        const ws = await loadWorkspace([
            TEAM,
            PLAN('goal G {\n  target 5 signups by 2027-03-31\n}\nchannel C { delivers 5 signups to G }\ncampaign K\n')
        ]);
        const document = ws.doc('plan.ops');
        const diagnostics = (document.diagnostics ?? []).filter(d => d.code === 'owner-missing');
        expect(diagnostics.length).toBe(3);
        const results: string[] = [];
        for (const diagnostic of diagnostics) {
            const actions = (await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: textDocument(document),
                range: diagnostic.range,
                context: { diagnostics: [diagnostic] }
            })) as CodeAction[];
            expect(actions.map(a => a.title)).toEqual(['Add owner alice', 'Add owner bob', 'Suppress owner-missing on this line']);
            results.push(apply(ws, actions[1]!)[1]![1]);
        }
        expect(results[0]).toContain('goal G {\n  owner bob\n  target 5 signups by 2027-03-31\n}');
        expect(results[1]).toContain('channel C { owner bob delivers 5 signups to G }');
        expect(results[2]).toContain('campaign K { owner bob }');
    });

    test('owner-missing on a workstream: make someone accountable', async () => {
        const ws = await loadWorkspace([TEAM, PLAN('workstream W { responsible bob 50% }\n')]);
        const actions = await fixes(ws, 'plan.ops', 'owner-missing');
        expect(actions.map(a => a.title)).toEqual(['Make alice accountable', 'Make bob accountable']);
        const fixed = apply(ws, actions[0]!);
        expect(fixed[1]![1]).toContain('workstream W { accountable alice responsible bob 50% }');
        expect(rules(await loadWorkspace(fixed), 'plan.ops')).not.toContain('owner-missing');
    });
});

test('the fixture files live in a temporary workspace root', async () => {
    const ws = await loadWorkspace([TEAM]);
    expect(ws.folder && path.isAbsolute(ws.folder)).toBe(true);
});

describe('unused-suppression: remove it', () => {
    /** The quick fixes for each unused-suppression diagnostic of plan.ops, applied one at a time: [title, fixed text]. */
    async function removals(text: string, locale?: string): Promise<[string, string][]> {
        const ws = await loadWorkspace([['plan.ops', text]], locale);
        const document = ws.doc('plan.ops');
        const result: [string, string][] = [];
        for (const diagnostic of (document.diagnostics ?? []).filter(d => d.code === 'unused-suppression')) {
            const actions = ((await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: textDocument(document),
                range: diagnostic.range,
                context: { diagnostics: [diagnostic] }
            })) ?? []) as CodeAction[];
            expect(actions).toHaveLength(1);
            expect(actions[0]!.isPreferred).toBe(true);
            result.push([actions[0]!.title, apply(ws, actions[0]!)[0]![1]]);
        }
        return result;
    }

    test('a comment alone on its line: the whole line goes', async () => {
        expect(await removals('person a\n  // opsbook-ignore no-review\nperson b\n')).toEqual([
            ['Remove this opsbook-ignore comment', 'person a\nperson b\n']
        ]);
    });

    test('with CRLF line ends, and on the last line without a line end', async () => {
        expect(await removals('person a\r\n// opsbook-ignore no-review\r\nperson b\r\n')).toEqual([
            ['Remove this opsbook-ignore comment', 'person a\r\nperson b\r\n']
        ]);
        expect(await removals('person a\n// opsbook-ignore no-review')).toEqual([['Remove this opsbook-ignore comment', 'person a']]);
    });

    test('a comment after code: only the comment goes', async () => {
        expect(await removals('person a   // opsbook-ignore no-review\nperson b\n')).toEqual([
            ['Remove this opsbook-ignore comment', 'person a\nperson b\n']
        ]);
    });

    test('several names, one unused: only that name goes, the used one stays', async () => {
        const plan = (comment: string) => `person a\nassessment a { kpi G weight 100% }\n${comment}\ngoal G { owner a }\n`;
        expect(await removals(plan('// opsbook-ignore goal-unplanned, cpa-exceeded'))).toEqual([
            ["Remove 'cpa-exceeded' from opsbook-ignore", plan('// opsbook-ignore goal-unplanned')]
        ]);
        expect(await removals(plan('// opsbook-ignore cpa-exceeded goal-unplanned -- nothing yet'))).toEqual([
            ["Remove 'cpa-exceeded' from opsbook-ignore", plan('// opsbook-ignore goal-unplanned -- nothing yet')]
        ]);
    });

    test('every name unused: each fix removes the whole comment (in Chinese too)', async () => {
        expect(await removals('person a\n// opsbook-ignore no-reveiw, cpa-exceeded\nperson b\n', 'zh-CN')).toEqual([
            ['删除这条 opsbook-ignore 注释', 'person a\nperson b\n'],
            ['删除这条 opsbook-ignore 注释', 'person a\nperson b\n']
        ]);
    });
});

describe('suppress a rule on this line (// opsbook-ignore, SPEC §5), as ESLint offers', () => {
    /** Every action offered for the diagnostics of `rule` in plan.ops: [title, plan.ops after its edit]. */
    async function suppressions(text: string, rule: string, locale?: string): Promise<[string, string][]> {
        const ws = await loadWorkspace([TEAM, ['plan.ops', text]], locale);
        const actions = (await offered(ws, 'plan.ops', rule)).filter(action => action.title.includes(rule));
        return actions.map(action => [action.title, apply(ws, action)[1]![1]]);
    }

    test('a new comment above the line, indented like it; the rule is silenced', async () => {
        const text = 'import "team.ops"\nmetric signups count\ngoal G {\n  target 5 signups by 2027-03-31\n}\n';
        expect(await suppressions(text, 'owner-missing')).toEqual([
            ['Suppress owner-missing on this line', text.replace('goal G {\n', '// opsbook-ignore owner-missing\ngoal G {\n')]
        ]);
        const indented =
            'import "team.ops"\nmetric signups count\nchannel C {\n  owner bob\n  cpa at most 1 CNY\n  budget 10k CNY\n  delivers 10 signups to G\n}\ngoal G { target 10 signups by 2027-03-31 owner alice }\n';
        const again = indented.replace('  cpa at most', '  // opsbook-ignore cpa-exceeded\n  cpa at most');
        expect(await suppressions(indented, 'cpa-exceeded')).toEqual([['Suppress cpa-exceeded on this line', again]]);
        const ws = await loadWorkspace([TEAM, ['plan.ops', again]]);
        expect(rules(ws, 'plan.ops')).not.toContain('cpa-exceeded');
    });

    test('an opsbook-ignore comment already above: the rule joins its names, before the reason', async () => {
        const text =
            'import "team.ops"\nmetric signups count\nchannel C {\n  owner bob\n  budget 10k CNY\n  // opsbook-ignore unit-mismatch -- agreed\n  cpa at most 1 CNY\n  delivers 10 signups to G\n}\ngoal G { target 10 signups by 2027-03-31 owner alice }\n';
        expect(await suppressions(text, 'cpa-exceeded')).toEqual([
            [
                'Suppress cpa-exceeded on this line',
                text.replace('opsbook-ignore unit-mismatch -- agreed', 'opsbook-ignore unit-mismatch cpa-exceeded -- agreed')
            ]
        ]);
    });

    test('with CRLF line ends, and in Chinese', async () => {
        const text = 'import "team.ops"\r\ngoal G { target 5 signups by 2027-03-31 }\r\nmetric signups count\r\n';
        expect(await suppressions(text, 'owner-missing', 'zh-CN')).toEqual([
            ['在此行忽略 owner-missing', text.replace('goal G', '// opsbook-ignore owner-missing\r\ngoal G')]
        ]);
    });

    test('not for a syntax error, nor for unused-suppression (its fix removes the comment)', async () => {
        const broken = await loadWorkspace([['plan.ops', 'person a\ngoal {\n']]);
        const unused = await loadWorkspace([['plan.ops', 'person a\n// opsbook-ignore no-review\nperson b\n']]);
        for (const [ws, rule] of [
            [broken, 'syntax-error'],
            [unused, 'unused-suppression']
        ] as const) {
            const titles = (await offered(ws, 'plan.ops', rule)).map(action => action.title);
            expect(titles.filter(title => title.startsWith('Suppress'))).toEqual([]);
        }
    });
});
