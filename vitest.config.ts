import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['tests/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
        exclude: ['tests/e2e/**', '**/node_modules/**'],
        setupFiles: ['./packages/language/polyfill.mjs'],
        testTimeout: 30000,
        pool: 'forks'
    }
});
