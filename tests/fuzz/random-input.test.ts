// Random Unicode text and random token soups through parsing, linking, analysis, validation and fmt
// in process: nothing throws, every diagnostic has a rule id and a range inside the text, and each
// input finishes in bounded time.

import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCliInProcess, STACK_TRACE } from '../reliability/support/run-cli.js';
import { tempWorkspace } from '../reliability/support/temp-workspace.js';
import { fuzzRuns, fuzzTimeout, PER_INPUT_LIMIT_MS, SEEDS } from './support/fuzz-settings.js';
import { survives } from './support/survives.js';
import { tokenSoup, unicodeText } from './support/token-soup.js';

describe('random input never crashes parsing, validation or formatting', () => {
    const unicodeRuns = fuzzRuns(150);
    it(
        `random Unicode text (${unicodeRuns} runs, seed ${SEEDS.unicodeText})`,
        async () => {
            await fc.assert(
                fc.asyncProperty(unicodeText, text => survives({ 'fuzz.ops': text })),
                { seed: SEEDS.unicodeText, numRuns: unicodeRuns, endOnFailure: true }
            );
        },
        fuzzTimeout(unicodeRuns, 200)
    );

    const soupRuns = fuzzRuns(300);
    it(
        `random token soups of the grammar's keywords and literals (${soupRuns} runs, seed ${SEEDS.tokenSoup})`,
        async () => {
            await fc.assert(
                fc.asyncProperty(tokenSoup(), text => survives({ 'fuzz.ops': text })),
                { seed: SEEDS.tokenSoup, numRuns: soupRuns, endOnFailure: true }
            );
        },
        fuzzTimeout(soupRuns, 200)
    );
});

describe('random input through the CLI', () => {
    const runs = fuzzRuns(10, 0.05);
    it(
        `opsbook check, fmt and plan on soups and Unicode: exit codes as specified, one clear line, no internal error (${runs} runs, seed ${SEEDS.cliSoup})`,
        async () => {
            const dir = tempWorkspace();
            const file = path.join(dir, 'soup.ops');
            const input = fc.oneof(
                tokenSoup(),
                unicodeText,
                tokenSoup().map(soup => `playbook P { period 2027-Q1 }\n${soup}`)
            );
            await fc.assert(
                fc.asyncProperty(input, async text => {
                    fs.writeFileSync(file, text);
                    for (const [args, codes] of [
                        [
                            ['check', file],
                            [0, 1]
                        ],
                        [
                            ['fmt', '--check', file],
                            [0, 1]
                        ],
                        [
                            ['fmt', file],
                            [0, 1]
                        ],
                        [
                            ['plan', file],
                            [0, 1, 2]
                        ]
                    ] as const) {
                        const result = await runCliInProcess([...args]);
                        expect(codes, `${args[0]}: ${result.stderr}`).toContain(result.code);
                        expect(result.stderr).not.toMatch(/internal error/);
                        expect(result.stderr).not.toMatch(STACK_TRACE);
                        expect(result.elapsed).toBeLessThan(PER_INPUT_LIMIT_MS * 2);
                        if (result.code === 2) expect(result.stderr).toMatch(/^opsbook: [^\n]+\n$/);
                    }
                }),
                { seed: SEEDS.cliSoup, numRuns: runs, endOnFailure: true }
            );
        },
        fuzzTimeout(runs, 5000)
    );
});
