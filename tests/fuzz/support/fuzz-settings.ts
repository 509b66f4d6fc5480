// How long the fuzzers run. `npm test` uses the small defaults below (the whole fuzz + reliability suite
// stays within a couple of minutes); `npm run test:stress` (OPSBOOK_STRESS=1, also in `.ci/run`) runs
// STRESS_FUZZ_RUNS per property, and `npm run fuzz` sets OPSBOOK_FUZZ_RUNS=5000 for a long run. Seeds
// are fixed so that a failure in CI reproduces exactly; fast-check prints the seed and path of a failure.

import { STRESS, STRESS_FUZZ_RUNS } from '../../stress.js';

/**
 * Runs per property: `ciDefault`, or OPSBOOK_FUZZ_RUNS × `longShare` when that is set (or
 * STRESS_FUZZ_RUNS × `longShare` under OPSBOOK_STRESS=1; properties that start the whole CLI per run
 * take a share of the long run, so `npm run fuzz` stays in minutes).
 */
export function fuzzRuns(ciDefault: number, longShare = 1): number {
    const configured = Number(process.env.OPSBOOK_FUZZ_RUNS || (STRESS ? STRESS_FUZZ_RUNS : undefined));
    return Number.isInteger(configured) && configured > 0 ? Math.max(ciDefault, Math.round(configured * longShare)) : ciDefault;
}

/** A vitest timeout for a property run `runs` times at `perRunMs` each (plus start-up). */
export function fuzzTimeout(runs: number, perRunMs: number): number {
    return 30_000 + runs * perRunMs;
}

/** OPSBOOK_FUZZ_SEED shifts every seed, to explore new inputs in a long run (CI never sets it). */
const SEED_SHIFT = Number.isInteger(Number(process.env.OPSBOOK_FUZZ_SEED)) ? Number(process.env.OPSBOOK_FUZZ_SEED) : 0;

const BASE_SEEDS = {
    unicodeText: 80_001,
    tokenSoup: 80_002,
    cliSoup: 80_003,
    validPlaybooks: 80_004,
    formatValid: 80_005,
    planMarkdown: 80_006,
    mutations: 80_007,
    cliMutations: 80_008,
    randomPlaybooks: 80_009
} as const;

/** The fixed seeds, one per property, listed in RELIABILITY.md (shifted by OPSBOOK_FUZZ_SEED). */
export const SEEDS = Object.fromEntries(Object.entries(BASE_SEEDS).map(([name, seed]) => [name, seed + SEED_SHIFT])) as Record<
    keyof typeof BASE_SEEDS,
    number
>;

/**
 * Wall-clock bound for one small input (a few kB) through parse, link, analysis and validation.
 * Generous because CI machines are shared and slow: a real hang or a quadratic blow-up overshoots
 * it by orders of magnitude.
 */
export const PER_INPUT_LIMIT_MS = 5_000;
