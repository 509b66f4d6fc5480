// `opsbook check --format sarif|github` and the progress indicator.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, test } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../packages/cli/src/output/format-github.js';
import { formatJson } from '../../packages/cli/src/output/format-json.js';
import { formatSarif } from '../../packages/cli/src/output/format-sarif.js';
import { formatText } from '../../packages/cli/src/output/format-text.js';
import { Progress } from '../../packages/cli/src/progress.js';
import { runCli, temporaryFolder } from './cli-helpers.js';

const folder = temporaryFolder('opsbook-ci-formats-');
afterAll(() => folder.remove());

// Examples (clean), the grammar fixtures (syntax errors and warnings), the hostile titles, a Chinese file name.
const PATHS = ['examples', 'tests/grammar', 'tests/fixtures/cli/hostile', 'tests/fixtures/cli/broken', 'tests/fixtures/cli/warnings'];

/** Microsoft's SARIF Multitool; npm 11 blocks the postinstall that sets its run bit, so set it here. */
function multitool(): string {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));
    const binary = path.join(dir, 'Sarif.Multitool');
    fs.chmodSync(binary, 0o755);
    return binary;
}

interface MultitoolResult {
    level?: string;
    ruleId?: string;
    locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[];
}

describe('--format sarif', () => {
    test('matches the JSON format one result per diagnostic, and validates with the SARIF Multitool', async () => {
        const sarif = await runCli(['check', ...PATHS, '--format', 'sarif']);
        const json = await runCli(['check', ...PATHS, '--format', 'json']);
        expect(sarif.code).toBe(1);
        expect(sarif.stderr).toBe('');
        const log = JSON.parse(sarif.stdout);
        const diagnostics = JSON.parse(json.stdout).diagnostics as {
            file: string;
            line: number;
            column: number;
            endLine: number;
            endColumn: number;
            severity: string;
            rule: string;
            message: string;
        }[];
        expect(diagnostics.length).toBeGreaterThan(5);
        expect(log.version).toBe('2.1.0');
        const run = log.runs[0];
        expect(run.tool.driver.name).toBe('opsbook');
        expect(run.results).toHaveLength(diagnostics.length);
        const level = { error: 'error', warning: 'warning', info: 'note' } as Record<string, string>;
        run.results.forEach((result: Record<string, any>, i: number) => {
            const d = diagnostics[i]!;
            expect(result.ruleId).toBe(d.rule);
            expect(run.tool.driver.rules[result.ruleIndex].id).toBe(d.rule);
            expect(result.level).toBe(level[d.severity]);
            expect(result.message.text).toBe(d.message);
            expect(result.locations[0].physicalLocation.region).toEqual({
                startLine: d.line,
                startColumn: d.column,
                endLine: d.endLine,
                endColumn: d.endColumn
            });
            expect(decodeURIComponent(result.locations[0].physicalLocation.artifactLocation.uri)).toBe(d.file);
        });

        // The validator must be able to fail: a deliberately broken log is validated alongside.
        const good = path.join(folder.dir, 'opsbook.sarif');
        const broken = path.join(folder.dir, 'broken.sarif');
        fs.writeFileSync(good, sarif.stdout);
        fs.writeFileSync(broken, JSON.stringify({ version: '2.1.0', runs: [{ tool: {}, results: [] }] }));
        const out = path.join(folder.dir, 'validation.sarif');
        // No network at test time: the Multitool looks up the log's web addresses (json.schemastore.org, github.com), which
        // here waits for DNS timeouts (≈5 s); a proxy on a closed local port makes every lookup fail at once, as it
        // would offline — the findings are the same.
        const offline = 'http://127.0.0.1:9';
        execFileSync(multitool(), ['validate', good, broken, '-o', out, '--log', 'ForceOverwrite'], {
            encoding: 'utf8',
            timeout: 120_000,
            env: { ...process.env, HTTP_PROXY: offline, HTTPS_PROXY: offline, ALL_PROXY: offline, NO_PROXY: '' }
        });
        const findings = JSON.parse(fs.readFileSync(out, 'utf8')).runs[0].results as MultitoolResult[];
        const about = (file: string) =>
            findings.filter(f =>
                f.locations?.some(l => decodeURIComponent(l.physicalLocation?.artifactLocation?.uri ?? '').endsWith(file))
            );
        expect(
            about('broken.sarif')
                .filter(f => f.level === 'error')
                .map(f => f.ruleId)
        ).toContain('JSON1002');
        expect(about('opsbook.sarif').filter(f => f.level === 'error')).toEqual([]);
        expect(about('opsbook.sarif').filter(f => f.level === 'warning')).toEqual([]);
    }, 300_000);

    test('a clean run has no results and exits 0', async () => {
        const result = await runCli(['check', 'examples', '--format', 'sarif']);
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout).runs[0].results).toEqual([]);
    });
});

describe('--format github', () => {
    test('one workflow command per diagnostic, then the summary', async () => {
        const result = await runCli(['check', 'tests/fixtures/cli/broken', '--format', 'github']);
        expect(result.code).toBe(1);
        expect(result.stdout.split('\n')).toEqual([
            '::error file=tests/fixtures/cli/broken/broken.ops,line=4,col=10,endLine=4,endColumn=17,title=budget-overrun::channel and campaign budgets add up to 20,000 CNY (channels 20,000 CNY, campaigns 0 CNY), 10,000 CNY over the playbook budget of 10,000 CNY: cut budgets or raise the playbook budget',
            '::error file=tests/fixtures/cli/broken/broken.ops,line=9,col=10,endLine=9,endColumn=36,title=goal-undercovered::G: channels deliver 400 of 1,000 signups (40%25), 600 short; plan 600 more or lower the target',
            "::warning file=tests/fixtures/cli/broken/broken.ops,line=10,col=9,endLine=10,endColumn=10,title=owner-not-assessed::a owns G but has no assessment: add 'assessment a { kpi G weight 100%25 }'",
            '1 file checked: 2 errors, 1 warning',
            ''
        ]);
    });

    test("escapes follow GitHub's rules: data %, CR, LF; properties also : and ,", () => {
        expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
        expect(escapeProperty('dir,x/a:b%.ops')).toBe('dir%2Cx/a%3Ab%25.ops');
        const text = formatGithub(
            [
                {
                    file: 'a,b:c.ops',
                    line: 1,
                    column: 2,
                    endLine: 3,
                    endColumn: 4,
                    severity: 'info',
                    rule: 'no-review',
                    message: 'line\nbreak 5%'
                }
            ],
            { files: 1, errors: 0, warnings: 0, infos: 1 }
        );
        expect(text).toBe(
            '::notice file=a%2Cb%3Ac.ops,line=1,col=2,endLine=3,endColumn=4,title=no-review::line%0Abreak 5%25\n1 file checked: 0 errors, 0 warnings, 1 info\n'
        );
    });
});

describe('control and bidi characters from user text (every format)', () => {
    const hostile = {
        file: 'a\n\x1b[2J.ops',
        line: 1,
        column: 2,
        endLine: 1,
        endColumn: 3,
        severity: 'error' as const,
        rule: 'syntax-error',
        message: 'x\x1b]0;t\x07\ty\x7f\u0085\u009b\u202e\u2066\u200f\u2028z'
    };
    const summary = { files: 1, errors: 1, warnings: 0, infos: 0 };
    const SHOWN = 'x\\u001b]0;t\\u0007\\u0009y\\u007f\\u0085\\u009b\\u202e\\u2066\\u200f\\u2028z';

    test('text and github show them as \\uXXXX; GitHub escapes come first for CR and LF', () => {
        expect(formatText([hostile], summary, false)).toBe(
            `a\\u000a\\u001b[2J.ops:1:2 error syntax-error ${SHOWN}\n1 file checked: 1 error, 0 warnings\n`
        );
        expect(formatGithub([hostile], summary)).toBe(
            `::error file=a%0A\\u001b[2J.ops,line=1,col=2,endLine=1,endColumn=3,title=syntax-error::${SHOWN}\n1 file checked: 1 error, 0 warnings\n`
        );
        expect(escapeData('a\r\nb\x1b')).toBe('a%0D%0Ab\\u001b');
    });

    test('json and sarif: JSON escapes for what JSON.stringify leaves raw, the same data when parsed', () => {
        for (const out of [formatJson([hostile], summary), formatSarif([hostile], '0.0.0')]) {
            expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u2028\u2029]/);
            expect(out).toContain(SHOWN.replace('\\u0009', '\\t'));
        }
        expect(JSON.parse(formatJson([hostile], summary)).diagnostics[0]).toEqual(hostile);
        expect(JSON.parse(formatSarif([hostile], '0.0.0')).runs[0].results[0].message.text).toBe(hostile.message);
    });
});

describe('progress indicator', () => {
    test('only on a terminal, never in CI', () => {
        expect(Progress.wanted({ isTTY: true }, {})).toBe(true);
        expect(Progress.wanted({ isTTY: true }, { CI: 'true' })).toBe(false);
        expect(Progress.wanted({ isTTY: false }, {})).toBe(false);
        expect(Progress.wanted({}, {})).toBe(false);
    });

    test('draws after the delay, at most every interval, and erases itself', () => {
        const stream = new PassThrough();
        let now = 0;
        const progress = new Progress(stream, true, 300, 100, () => now);
        progress.update('checking', 1, 10); // before the delay: nothing
        now = 400;
        progress.update('checking', 2, 10);
        now = 450;
        progress.update('checking', 3, 10); // within the interval: skipped
        now = 520;
        progress.update('checking', 4, 10);
        progress.done();
        expect(stream.read()?.toString()).toBe('\r\x1b[Kchecking 2/10\r\x1b[Kchecking 4/10\r\x1b[K');
    });

    test('disabled, it writes nothing', () => {
        const stream = new PassThrough();
        const progress = new Progress(stream, false, 0, 0, () => 1000);
        progress.update('checking', 1, 1);
        progress.done();
        expect(stream.read()).toBeNull();
    });

    test('a real run with stderr piped shows no progress', async () => {
        const result = await runCli(['check', 'examples'], { env: { CI: '' } });
        expect([result.code, result.stderr]).toEqual([0, '']);
    });
});
