// One switch for the long runs. `npm test` runs every stress and fuzz test in a reduced form (smaller
// inputs, fewer runs: the same code paths, in seconds); `npm run test:stress` (also run by `.ci/run`)
// sets OPSBOOK_STRESS=1 and runs them at full size: the 10 MB playbook, the 10,000-deep chains and
// 10,000 imports, and longer fuzz runs. Nothing is skipped in either mode; a test's title names the
// size it ran with.

/** True under `npm run test:stress` (OPSBOOK_STRESS=1). */
export const STRESS = process.env.OPSBOOK_STRESS === '1';

/** `full` under `npm run test:stress`, `reduced` under `npm test`. */
export function stressSize<T>(full: T, reduced: T): T {
    return STRESS ? full : reduced;
}

/** Fuzz runs per property under `npm run test:stress` when OPSBOOK_FUZZ_RUNS is not set. */
export const STRESS_FUZZ_RUNS = 2000;
