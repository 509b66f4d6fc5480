// Generated valid playbooks with random numbers, names, titles and layout: the analysis model's
// figures equal the ones computed independently (exactly, to the last digit), `fmt` is idempotent and
// keeps the AST and the comments, and the execution plan is sound Markdown with intact tables.

import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { analyzeReview, generate } from '../../packages/language/src/index.js';
import { inspectMarkdown } from '../reliability/support/markdown-check.js';
import { runCliInProcess } from '../reliability/support/run-cli.js';
import { tempWorkspace } from '../reliability/support/temp-workspace.js';
import { compare, text, toNumber } from './support/exact.js';
import { fuzzRuns, fuzzTimeout, PER_INPUT_LIMIT_MS, SEEDS } from './support/fuzz-settings.js';
import { checkText, format, rulesOf } from './support/in-process.js';
import { randomPlaybook } from './support/random-playbook.js';
import { survives } from './support/survives.js';
import { type GeneratedPlaybook, validPlaybook } from './support/valid-playbook.js';

/** Rules a generated playbook may trigger: its numbers are random, its structure is sound. */
const EXPECTED_RULES = new Set([
    'goal-undercovered',
    'goal-overcommitted',
    'goal-unplanned',
    'budget-overrun',
    'date-outside-period',
    'owner-not-assessed',
    'late-contribution'
]);

/** The AST as plain data: no CST, no containers, references as their text. */
function astShape(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(astShape);
    if (node === null || typeof node !== 'object') return node;
    if ('$refText' in node) return { ref: (node as { $refText: string }).$refText };
    const shape: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node as AstNode)) {
        if (key.startsWith('$') && key !== '$type') continue;
        shape[key] = astShape(value);
    }
    return shape;
}

describe('generated valid playbooks', () => {
    const runs = fuzzRuns(60);
    it(
        `the analysis model computes planned, coverage and budget totals exactly (${runs} runs, seed ${SEEDS.validPlaybooks})`,
        async () => {
            await fc.assert(
                fc.asyncProperty(validPlaybook, async (generated: GeneratedPlaybook) => {
                    const checked = await checkText(generated.text);
                    expect(checked.elapsed).toBeLessThan(PER_INPUT_LIMIT_MS);
                    const unexpected = checked.diagnostics.filter(d => !EXPECTED_RULES.has(String(d.code)));
                    expect(unexpected.map(d => `${d.code} ${d.message}`)).toEqual([]);
                    const { analysis } = checked;
                    for (const want of generated.goals) {
                        const goal = analysis.goals.find(g => g.name === want.name);
                        expect(goal, want.name).toBeDefined();
                        if (!goal) continue;
                        expect(goal.target?.toString(), `${want.name} target`).toBe(text(want.target));
                        expect(goal.planned.toString(), `${want.name} planned`).toBe(text(want.planned));
                        // planned = the sum of its contributions, each exact
                        expect(
                            goal.contributions.reduce((total, c) => total.add(c.amount), goal.planned.sub(goal.planned)).toString()
                        ).toBe(text(want.planned));
                        const ratio = toNumber(want.planned) / toNumber(want.target);
                        // coverage is a ratio for people (a float); equal to the exact ratio within rounding
                        expect(
                            Math.abs((goal.coverage ?? Number.NaN) - ratio) <= 1e-12 * Math.max(1, ratio),
                            `${want.name} coverage ${goal.coverage} ≠ ${ratio}`
                        ).toBe(true);
                        if (goal.shortfall !== undefined)
                            expect(goal.shortfall.toString()).toBe(
                                text({
                                    units:
                                        want.target.units * 10n ** BigInt(Math.max(0, want.planned.scale - want.target.scale)) -
                                        want.planned.units * 10n ** BigInt(Math.max(0, want.target.scale - want.planned.scale)),
                                    scale: Math.max(want.target.scale, want.planned.scale)
                                })
                            );
                    }
                    const undercovered = generated.goals.filter(
                        g => compare(g.planned, g.target) < 0 && analysis.goals.find(a => a.name === g.name)?.hasPlan
                    );
                    expect(rulesOf(checked.diagnostics).filter(r => r === 'goal-undercovered')).toHaveLength(undercovered.length);

                    const totals = analysis.budgetTotals;
                    expect(totals.total?.toString(), 'budget total').toBe(text(generated.budget.total));
                    expect(totals.channels.toString(), 'channel budgets').toBe(text(generated.budget.channels));
                    expect(totals.campaigns.toString(), 'campaign budgets').toBe(text(generated.budget.campaigns));
                    expect(totals.allocated.toString(), 'allocated').toBe(text(generated.budget.allocated));
                    expect(totals.remaining?.toString(), 'remaining').toBe(text(generated.budget.remaining));
                    expect(
                        totals.items.reduce((total, item) => total.add(item.amount), totals.allocated.sub(totals.allocated)).toString()
                    ).toBe(text(generated.budget.allocated));
                    const overrun = compare(generated.budget.allocated, generated.budget.total) > 0;
                    expect(
                        rulesOf(checked.diagnostics).includes('budget-overrun'),
                        'budget-overrun fires exactly when allocated > total'
                    ).toBe(overrun);
                }),
                { seed: SEEDS.validPlaybooks, numRuns: runs, endOnFailure: true }
            );
        },
        fuzzTimeout(runs, 300)
    );

    const formatRuns = fuzzRuns(60);
    it(
        `fmt is idempotent, keeps the AST, the comments and the diagnostics (${formatRuns} runs, seed ${SEEDS.formatValid})`,
        async () => {
            await fc.assert(
                fc.asyncProperty(validPlaybook, async (generated: GeneratedPlaybook) => {
                    const once = await format(generated.text);
                    expect(once.ok, JSON.stringify(once)).toBe(true);
                    if (!once.ok) return;
                    const twice = await format(once.text);
                    expect(twice).toEqual({ ok: true, text: once.text, changed: false });
                    const before = await checkText(generated.text);
                    const after = await checkText(once.text);
                    expect(astShape(after.document.parseResult.value)).toEqual(astShape(before.document.parseResult.value));
                    expect(rulesOf(after.diagnostics)).toEqual(rulesOf(before.diagnostics));
                    for (const comment of generated.comments) expect(once.text).toContain(comment.trim());
                }),
                { seed: SEEDS.formatValid, numRuns: formatRuns, endOnFailure: true }
            );
        },
        fuzzTimeout(formatRuns, 300)
    );

    const planRuns = fuzzRuns(25, 0.1);
    it(
        `opsbook plan writes sound Markdown: intact tables, no HTML or links from user text (${planRuns} runs, seed ${SEEDS.planMarkdown})`,
        async () => {
            const dir = tempWorkspace({
                'opsbook.json': JSON.stringify({ rules: { 'goal-undercovered': 'warning', 'budget-overrun': 'warning' } })
            });
            const file = path.join(dir, 'fuzz.ops');
            await fc.assert(
                fc.asyncProperty(validPlaybook, async (generated: GeneratedPlaybook) => {
                    fs.writeFileSync(file, generated.text);
                    const result = await runCliInProcess(['plan', file]);
                    expect(result.stderr).toBe('');
                    expect(result.code).toBe(0);
                    expect(result.elapsed).toBeLessThan(PER_INPUT_LIMIT_MS * 2);
                    const report = inspectMarkdown(result.stdout);
                    expect(report.problems).toEqual([]);
                    expect(report.tables).toBeGreaterThan(3);
                    expect(report.mermaidFences).toBeGreaterThan(0);
                    expect(generate.inspectGenerated(result.stdout).state).toBe('intact');
                }),
                { seed: SEEDS.planMarkdown, numRuns: planRuns, endOnFailure: true }
            );
        },
        fuzzTimeout(planRuns, 1500)
    );
});

describe('random well-formed playbooks', () => {
    const runs = fuzzRuns(150);
    it(
        `parse without syntax errors and survive analysis, every rule, fmt, and — when error-free — plan, review and export (${runs} runs, seed ${SEEDS.randomPlaybooks})`,
        async () => {
            let generated = 0;
            await fc.assert(
                fc.asyncProperty(randomPlaybook, async text => {
                    await survives({ 'random.ops': text });
                    const checked = await checkText(text);
                    expect(checked.diagnostics.filter(d => d.code === 'syntax-error').map(d => d.message)).toEqual([]);
                    if (checked.diagnostics.some(d => d.severity === 1)) return;
                    generated++;
                    const { analysis } = checked;
                    const plan = generate.generatePlan(analysis, { source: 'random.ops', findings: [] });
                    expect(inspectMarkdown(plan).problems).toEqual([]);
                    for (const on of ['2027-01-01', '2027-02-15', '2028-12-31']) {
                        const [year, month, day] = on.split('-').map(Number) as [number, number, number];
                        const at = { year, month, day };
                        const review = generate.generateReview(
                            analyzeReview(analysis, {
                                window: { label: on, kind: 'day', range: { start: at, end: at } },
                                thresholds: { onTrack: 0.95, atRisk: 0.8 }
                            }),
                            { source: 'random.ops' }
                        );
                        expect(inspectMarkdown(review).problems).toEqual([]);
                    }
                    expect(() => JSON.parse(generate.exportJson(analysis, 'random.ops'))).not.toThrow();
                    generate.exportCsv(analysis);
                }),
                { seed: SEEDS.randomPlaybooks, numRuns: runs, endOnFailure: true }
            );
            // Most random playbooks have errors; enough must be error-free to reach the generators.
            expect(generated).toBeGreaterThan(runs / 30);
        },
        fuzzTimeout(runs, 400)
    );
});
