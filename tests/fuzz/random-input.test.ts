// Random Unicode text and random token soups through parsing, linking, analysis, validation and fmt
// in process: nothing throws, every diagnostic has a rule id and a range inside the text, and each
// input finishes in bounded time.

import fc from 'fast-check';
import { describe, it } from 'vitest';
import { fuzzRuns, fuzzTimeout, SEEDS } from './support/fuzz-settings.js';
import { survives } from './support/survives.js';
import { tokenSoup, unicodeText } from './support/token-soup.js';

describe('random input never crashes parsing, validation or formatting', () => {
    const unicodeRuns = fuzzRuns(150);
    it(`random Unicode text (${unicodeRuns} runs, seed ${SEEDS.unicodeText})`, async () => {
        await fc.assert(fc.asyncProperty(unicodeText, text => survives({ 'fuzz.ops': text })), { seed: SEEDS.unicodeText, numRuns: unicodeRuns, endOnFailure: true });
    }, fuzzTimeout(unicodeRuns, 200));

    const soupRuns = fuzzRuns(300);
    it(`random token soups of the grammar's keywords and literals (${soupRuns} runs, seed ${SEEDS.tokenSoup})`, async () => {
        await fc.assert(fc.asyncProperty(tokenSoup(), text => survives({ 'fuzz.ops': text })), { seed: SEEDS.tokenSoup, numRuns: soupRuns, endOnFailure: true });
    }, fuzzTimeout(soupRuns, 200));
});
