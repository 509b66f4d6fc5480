// Mutations of the examples (tokens deleted, duplicated, swapped, replaced, inserted), in process and
// through the CLI's check, fmt and plan: no crash, no hang, no internal error, no stack trace, and
// fmt never touches a file it cannot parse.

import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectMarkdown } from '../reliability/support/markdown-check.js';
import { runCliInProcess, STACK_TRACE } from '../reliability/support/run-cli.js';
import { tempWorkspace } from '../reliability/support/temp-workspace.js';
import { fuzzRuns, fuzzTimeout, PER_INPUT_LIMIT_MS, SEEDS } from './support/fuzz-settings.js';
import { exampleFolders, mutant, type Mutant } from './support/mutations.js';
import { survives } from './support/survives.js';

const examples = exampleFolders();

function noInternalError(result: { stderr: string; stdout: string }): void {
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stdout).not.toMatch(STACK_TRACE);
}

describe('mutated examples', () => {
    it('the examples are there to mutate', () => {
        expect(examples.map(e => e.folder).length).toBeGreaterThanOrEqual(3);
    });

    const runs = fuzzRuns(120);
    it(
        `parse, link, analyse, validate and format every mutant (${runs} runs, seed ${SEEDS.mutations})`,
        async () => {
            await fc.assert(
                fc.asyncProperty(mutant(examples), (m: Mutant) => survives(m.files)),
                { seed: SEEDS.mutations, numRuns: runs, endOnFailure: true }
            );
        },
        fuzzTimeout(runs, 300)
    );

    const cliRuns = fuzzRuns(12, 0.1);
    it(
        `opsbook check, fmt and plan on mutants: exit codes as specified, never an internal error (${cliRuns} runs, seed ${SEEDS.cliMutations})`,
        async () => {
            let round = 0;
            await fc.assert(
                fc.asyncProperty(mutant(examples), async (m: Mutant) => {
                    const dir = tempWorkspace();
                    for (const [name, text] of Object.entries(m.files)) fs.writeFileSync(path.join(dir, name), text);
                    const target = path.join(dir, m.file);
                    round++;

                    const check = await runCliInProcess(['check', '--format', 'json', dir]);
                    noInternalError(check);
                    expect([0, 1], check.stderr).toContain(check.code);
                    expect(check.elapsed).toBeLessThan(PER_INPUT_LIMIT_MS * 2);
                    const report = JSON.parse(check.stdout) as { diagnostics: { file: string; rule: string }[] };
                    const mutatedHasSyntaxError = report.diagnostics.some(d => d.file.endsWith(m.file) && d.rule === 'syntax-error');

                    const before = fs.readFileSync(target);
                    const fmt = await runCliInProcess(['fmt', target]);
                    noInternalError(fmt);
                    expect([0, 1], fmt.stderr).toContain(fmt.code);
                    if (mutatedHasSyntaxError) {
                        // fmt refuses a file that does not parse and leaves every byte as it was.
                        expect(fmt.code).toBe(1);
                        expect(fmt.stderr).toMatch(/syntax-error .*\(file left unchanged\)/);
                        expect(fs.readFileSync(target).equals(before)).toBe(true);
                    } else {
                        expect(fmt.code, fmt.stderr).toBe(0);
                        const recheck = await runCliInProcess(['check', '--format', 'json', dir]);
                        const rules = (json: string) =>
                            (JSON.parse(json) as { diagnostics: { rule: string }[] }).diagnostics.map(d => d.rule).sort();
                        expect(rules(recheck.stdout), 'fmt changes layout, never meaning').toEqual(rules(check.stdout));
                    }

                    const playbook = Object.keys(m.files).find(name => /^\s*playbook\s/m.test(m.files[name] as string)) ?? m.file;
                    const plan = await runCliInProcess(['plan', path.join(dir, playbook)]);
                    noInternalError(plan);
                    expect([0, 1, 2], plan.stderr).toContain(plan.code);
                    if (plan.code === 0) expect(inspectMarkdown(plan.stdout).problems).toEqual([]);
                    else expect(plan.stderr.trim().split('\n').pop()).toMatch(/^opsbook: .+/);
                }),
                { seed: SEEDS.cliMutations, numRuns: cliRuns, endOnFailure: true }
            );
            expect(round).toBe(cliRuns);
        },
        fuzzTimeout(cliRuns, 5000)
    );
});
