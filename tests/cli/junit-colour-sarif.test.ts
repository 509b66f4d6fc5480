// `--format junit`, colour switches, and SARIF rule descriptions.
import { Parser } from 'xml2js';
import { describe, expect, test } from 'vitest';
import { formatJunit } from '../../packages/cli/src/output/format-junit.js';
import { firstSentence } from '../../packages/cli/src/output/format-sarif.js';
import { colourWanted } from '../../packages/cli/src/options.js';
import { ruleExplanation, RULES } from '../../packages/language/src/index.js';
import { runCli } from './cli-helpers.js';

const parseXml = (text: string) => new Parser({ strict: true }).parseStringPromise(text);
const PATHS = ['tests/fixtures/cli/warnings', 'tests/fixtures/cli/broken', 'tests/fixtures/cli/hostile', 'examples/growth'];

describe('--format junit', () => {
    test('one testsuite per file, one testcase per diagnostic, a failure for each error; counts agree with --format json', async () => {
        const junit = await runCli(['check', ...PATHS, '--format', 'junit']);
        const json = JSON.parse((await runCli(['check', ...PATHS, '--format', 'json'])).stdout);
        expect([junit.code, junit.stderr]).toEqual([1, '']);
        expect(junit.stdout.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<testsuites ')).toBe(true);
        const doc = await parseXml(junit.stdout);
        const suites = doc.testsuites.testsuite as any[];
        const diagnostics = json.diagnostics as {
            file: string;
            severity: string;
            rule: string;
            message: string;
            line: number;
            column: number;
        }[];
        const files = [...new Set([...suites.map(s => s.$.name)])];
        expect(suites).toHaveLength(json.summary.files);
        expect(files).toHaveLength(json.summary.files);
        for (const suite of suites) {
            const own = diagnostics.filter(d => d.file === suite.$.name);
            const cases = suite.testcase as any[];
            expect(cases).toHaveLength(Math.max(1, own.length));
            expect(Number(suite.$.tests)).toBe(cases.length);
            expect(Number(suite.$.failures)).toBe(own.filter(d => d.severity === 'error').length);
            if (own.length === 0) expect(cases[0].$).toEqual({ time: '0', name: suite.$.name, classname: suite.$.name });
            own.forEach((d, i) => {
                expect(cases[i].$.name).toBe(`opsbook.${d.rule}`);
                expect(cases[i].$.classname).toBe(d.file);
                if (d.severity === 'error') {
                    expect(cases[i].failure).toHaveLength(1);
                    expect(cases[i].failure[0].$.type).toBe('error');
                    expect(cases[i].failure[0]._).toMatch(
                        new RegExp(`^${d.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${d.line}:${d.column} Error - `)
                    );
                } else {
                    expect(cases[i].failure).toBeUndefined();
                    expect(cases[i]['system-out'][0]).toContain(`${d.line}:${d.column} Warning - `);
                }
            });
        }
        expect(Number(doc.testsuites.$.failures)).toBe(json.summary.errors);
        expect(Number(doc.testsuites.$.tests)).toBe(suites.reduce((n, s) => n + s.testcase.length, 0));
    });

    test('user text stays inert: entities for markup, \\u escapes for controls', async () => {
        const xml = formatJunit(
            ['a<b>.ops'],
            [
                {
                    file: 'a<b>.ops',
                    line: 1,
                    column: 2,
                    endLine: 1,
                    endColumn: 3,
                    severity: 'error',
                    rule: 'syntax-error',
                    message: 'bad "x" & \'y\' \u001b[31m</failure><x>\u202e'
                }
            ]
        );
        expect(xml).toContain('name="a&lt;b&gt;.ops"');
        expect(xml).toContain('message="bad &quot;x&quot; &amp; &apos;y&apos; \\u001b[31m&lt;/failure&gt;&lt;x&gt;\\u202e"');
        expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/);
        const doc = await parseXml(xml);
        expect(doc.testsuites.testsuite[0].testcase[0].failure[0].$.message).toBe('bad "x" & \'y\' \\u001b[31m</failure><x>\\u202e');
    });

    test('a clean run is all passing test cases and exit 0', async () => {
        const result = await runCli(['check', 'examples/growth', '--format', 'junit']);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe(
            [
                '<?xml version="1.0" encoding="utf-8"?>',
                '<testsuites name="opsbook" tests="2" failures="0" errors="0">',
                '<testsuite package="opsbook" time="0" tests="1" failures="0" errors="0" name="examples/growth/growth.ops">',
                '  <testcase time="0" name="examples/growth/growth.ops" classname="examples/growth/growth.ops" />',
                '</testsuite>',
                '<testsuite package="opsbook" time="0" tests="1" failures="0" errors="0" name="examples/growth/team.ops">',
                '  <testcase time="0" name="examples/growth/team.ops" classname="examples/growth/team.ops" />',
                '</testsuite>',
                '</testsuites>',
                ''
            ].join('\n')
        );
    });
});

describe('colour', () => {
    test('FORCE_COLOR, NO_COLOR, CI and the terminal, in that order', () => {
        expect(colourWanted({}, true)).toBe(true);
        expect(colourWanted({}, false)).toBe(false);
        expect(colourWanted({ CI: 'true' }, true)).toBe(false);
        expect(colourWanted({ NO_COLOR: '1' }, true)).toBe(false);
        expect(colourWanted({ NO_COLOR: '' }, true)).toBe(true);
        expect(colourWanted({ FORCE_COLOR: '1' }, false)).toBe(true);
        expect(colourWanted({ FORCE_COLOR: '1', NO_COLOR: '1', CI: 'true' }, false)).toBe(true);
        expect(colourWanted({ FORCE_COLOR: '0' }, true)).toBe(false);
        expect(colourWanted({ FORCE_COLOR: 'false' }, true)).toBe(false);
    });

    const BOLD_FILE = '\u001b[1mtests/fixtures/cli/broken/broken.ops:4:10\u001b[22m \u001b[31merror\u001b[39m';
    test('--color and FORCE_COLOR colour a piped report; --no-color wins over FORCE_COLOR', async () => {
        const plain = await runCli(['check', 'tests/fixtures/cli/broken']);
        expect(plain.stdout).not.toContain('\u001b');
        for (const run of [
            runCli(['check', 'tests/fixtures/cli/broken', '--color']),
            runCli(['--color', 'check', 'tests/fixtures/cli/broken']),
            runCli(['check', 'tests/fixtures/cli/broken'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } })
        ]) {
            const result = await run;
            expect(result.code).toBe(1);
            expect(result.stdout.startsWith(BOLD_FILE)).toBe(true);
            expect(result.stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain.stdout);
        }
        const off = await runCli(['check', 'tests/fixtures/cli/broken', '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
        expect(off.stdout).toBe(plain.stdout);
        // Machine formats never carry colour.
        expect((await runCli(['check', 'tests/fixtures/cli/broken', '--color', '--format', 'github'])).stdout).not.toContain('\u001b');
    });
});

describe('SARIF rule descriptions', () => {
    test("each rule's short and full description are its explanation (the editor's hover text)", async () => {
        const log = JSON.parse((await runCli(['check', 'examples/growth', '--format', 'sarif'])).stdout);
        const rules = log.runs[0].tool.driver.rules as {
            id: string;
            shortDescription: { text: string };
            fullDescription: { text: string };
        }[];
        expect(rules.map(r => r.id)).toEqual(Object.keys(RULES));
        for (const rule of rules) {
            const explanation = ruleExplanation(rule.id as keyof typeof RULES, 'en');
            expect(rule.fullDescription.text).toBe(explanation);
            expect(explanation.startsWith(rule.shortDescription.text)).toBe(true);
            expect(rule.shortDescription.text).toMatch(/[.)]$|\.$/);
        }
        expect(rules.find(r => r.id === 'goal-undercovered')?.shortDescription.text).toBe(
            'What channels, campaigns and sub-goals plan for this additive goal adds up to less than its target.'
        );
        expect(rules.find(r => r.id === 'number-too-large')?.shortDescription.text).toBe(
            'A number at or above 10^15: almost surely a typo such as a doubled suffix.'
        );
    });

    test('the first sentence ends at a full stop outside `code`', () => {
        expect(firstSentence('Use `a.b` here. Then more.')).toBe('Use `a.b` here.');
        expect(firstSentence('No stop at all')).toBe('No stop at all');
        expect(firstSentence('Ends 1.5 times. Next.')).toBe('Ends 1.5 times.');
    });
});
