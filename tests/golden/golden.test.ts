// Golden documents: every example's plan, review template and review with actuals, in both locales,
// plus its JSON and CSV export, compared byte for byte with tests/golden/<example>/. After a change
// that is meant to alter them, regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/golden` and
// read the diff: these files are what teams get.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { ROOT, runInProcess, temporaryFolder } from '../cli/cli-helpers.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
vi.setConfig({ testTimeout: 120_000 });

interface Example {
    name: string;
    playbook: string;
    period: string;
    actuals: string;
}

const EXAMPLES: Example[] = [
    { name: 'growth', playbook: 'examples/growth/growth.ops', period: '2027-W05', actuals: 'tests/fixtures/cli/actuals/growth.csv' },
    { name: 'shop', playbook: 'examples/shop/shop.ops', period: '2027-W23', actuals: 'tests/fixtures/cli/actuals/shop.csv' },
    { name: 'saas', playbook: 'examples/saas/saas.ops', period: '2027-04', actuals: 'tests/fixtures/cli/actuals/saas.csv' },
    // SPEC §9: goals paced by milestones, period-over-period figures from weekly actuals.
    { name: 'launch', playbook: 'examples/launch/launch.ops', period: '2027-W30', actuals: 'tests/fixtures/cli/actuals/launch.csv' },
    // SPEC §8: a national playbook and two regional ones that add up across files (tests/golden/org/<file>/).
    { name: 'org/总部', playbook: 'examples/org/总部.ops', period: '2027-08', actuals: 'tests/fixtures/cli/actuals/org-总部.csv' },
    { name: 'org/华东', playbook: 'examples/org/华东.ops', period: '2027-08', actuals: 'tests/fixtures/cli/actuals/org-华东.csv' },
    { name: 'org/华南', playbook: 'examples/org/华南.ops', period: '2027-08', actuals: 'tests/fixtures/cli/actuals/org-华南.csv' }
];

function cases(example: Example): { file: string; args: string[] }[] {
    const list: { file: string; args: string[] }[] = [];
    for (const locale of ['en', 'zh-CN']) {
        list.push({ file: `plan.${locale}.md`, args: ['plan', example.playbook, '--locale', locale] });
        list.push({
            file: `review-${example.period}.${locale}.md`,
            args: ['review', example.playbook, '--period', example.period, '--locale', locale]
        });
        list.push({
            file: `review-${example.period}-actuals.${locale}.md`,
            args: ['review', example.playbook, '--period', example.period, '--actuals', example.actuals, '--locale', locale]
        });
    }
    list.push({ file: 'export.json', args: ['export', example.playbook, '--format', 'json'] });
    list.push({ file: 'export.csv', args: ['export', example.playbook, '--format', 'csv'] });
    return list;
}

describe.each(EXAMPLES)('golden documents of examples/$name', example => {
    test.each(cases(example))('$file', async ({ file, args }) => {
        const result = await runInProcess(args);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const golden = join(ROOT, 'tests', 'golden', example.name, file);
        if (UPDATE || !existsSync(golden)) {
            if (!UPDATE) throw new Error(`${golden} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/golden`);
            mkdirSync(dirname(golden), { recursive: true });
            writeFileSync(golden, result.stdout);
        }
        expect(result.stdout).toBe(readFileSync(golden, 'utf8'));
        // Generating twice gives identical bytes.
        expect((await runInProcess(args)).stdout).toBe(result.stdout);
    });
});

// SPEC §8: `opsbook plan examples/org -o OUTDIR` writes index.md beside the plans (tests/golden/org/index.<locale>.md).
describe('golden index of examples/org', () => {
    test.each(['en', 'zh-CN'])('index.%s.md', async locale => {
        const { dir, remove } = temporaryFolder('opsbook-golden-index-');
        try {
            const result = await runInProcess(['plan', 'examples/org', '-o', dir, '--locale', locale]);
            expect(result.code).toBe(0);
            const text = readFileSync(join(dir, 'index.md'), 'utf8');
            const golden = join(ROOT, 'tests', 'golden', 'org', `index.${locale}.md`);
            if (UPDATE || !existsSync(golden)) {
                if (!UPDATE) throw new Error(`${golden} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/golden`);
                writeFileSync(golden, text);
            }
            expect(text).toBe(readFileSync(golden, 'utf8'));
        } finally {
            remove();
        }
    });
});
