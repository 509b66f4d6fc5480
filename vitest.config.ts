import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['tests/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
        exclude: ['tests/e2e/**', '**/node_modules/**'],
        setupFiles: ['./packages/language/polyfill.mjs'],
        testTimeout: 30000,
        pool: 'forks',
        // One fork per worker runs its test files one after another without re-importing Langium and the language
        // package for each file (with isolation that import was about half the suite's CPU time: bench/NOTES.md,
        // "Round four — test suite time"). So a test file must leave the process as it found it: environment
        // variables (OPSBOOK_CLI_NO_AUTORUN is set only while the CLI's main.js is imported), working folder, spies.
        isolate: false
    }
});
