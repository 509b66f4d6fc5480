import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseConfigText } from '../../packages/language/src/config/opsbook-config.js';
import { RULE_IDS, RULES } from '../../packages/language/src/validation/rule-catalog.js';
import { CLEAN, diagnose, edit, loadFolder, severityOf, tempFolder } from './validation-helpers.js';
import * as fs from 'node:fs';

const WARNINGS = edit(edit(CLEAN, 'sales 65k', 'sales 80k'), '  serves Retention\n', ''); // forecast-spread + goal-unplanned

async function inWorkspace(config: string, text: string) {
    const loaded = await loadFolder(tempFolder({ 'opsbook.json': config, 'plan.ops': text }));
    return {
        lines: loaded.of('plan.ops'),
        document: loaded.documents.get('plan.ops') as NonNullable<ReturnType<typeof loaded.documents.get>>
    };
}

describe('severities from opsbook.json', () => {
    test('a warning made an error, an error made a warning, a rule made info', async () => {
        const { document } = await inWorkspace(
            '{ "rules": { "forecast-spread": "error", "goal-undercovered": "warning", "goal-unplanned": "info" } }',
            edit(WARNINGS, 'delivers 800 signups to Signups', 'delivers 600 signups to Signups')
        );
        expect([
            severityOf(document, 'forecast-spread'),
            severityOf(document, 'goal-undercovered'),
            severityOf(document, 'goal-unplanned')
        ]).toEqual([['error'], ['warning'], ['info']]);
    });

    test('"off" removes the rule, and only that rule', async () => {
        const { lines } = await inWorkspace('{ "rules": { "forecast-spread": "off" } }', WARNINGS);
        expect(lines.map(l => l.split(' ')[0])).toEqual(['goal-unplanned']);
    });

    test('default severities without opsbook.json', async () => {
        const { document } = await inWorkspace('{}', edit(WARNINGS, 'delivers 800 signups to Signups', 'delivers 600 signups to Signups'));
        expect([severityOf(document, 'forecast-spread'), severityOf(document, 'goal-undercovered')]).toEqual([['warning'], ['error']]);
    });

    test('thresholds: overcommitRatio, forecastSpread, assumptionTolerance', async () => {
        const text = edit(edit(edit(CLEAN, 'target 2000 signups', 'target 1000 signups'), 'sales 65k', 'sales 80k'), 'at 4%', 'at 4.1%');
        expect((await inWorkspace('{}', text)).lines.map(l => l.split(' ')[0])).toEqual([
            'goal-overcommitted',
            'assumption-mismatch',
            'forecast-spread'
        ]);
        expect(
            (await inWorkspace('{ "thresholds": { "overcommitRatio": 2, "forecastSpread": 0.5, "assumptionTolerance": 0.05 } }', text))
                .lines
        ).toEqual([]);
    });

    test('a broken opsbook.json is not repeated on the .ops files (the server reports it on opsbook.json), and the defaults apply', async () => {
        const dir = tempFolder({
            'opsbook.json': '{\n  "rules": { "forecast-sprad": "off" }\n}\n',
            'a.ops': WARNINGS,
            'b.ops': 'person x\n'
        });
        const loaded = await loadFolder(dir);
        expect(loaded.of('b.ops')).toEqual([]);
        expect(loaded.of('a.ops').map(l => l.split(' ')[0])).toEqual(['goal-unplanned', 'forecast-spread']);
    });

    test('invalid JSON is reported with its line and column (tests/protocol/config-diagnostics.test.ts shows it in the editor)', () => {
        const problems = parseConfigText('{\n  "rules": { "no-review": "off", }\n}\n', 'opsbook.json').problems;
        expect(problems.map(p => [p.line, p.column])).toEqual([[2, 34]]);
        expect(problems[0]?.message).toMatch(/^opsbook\.json is not valid JSON: /);
    });

    test('threshold values are checked', () => {
        const problems = (text: string) => parseConfigText(text, 'opsbook.json').problems.map(p => `${p.line}:${p.column} ${p.message}`);
        expect(problems('{ "thresholds": { "overcommitRatio": 0.5 } }')).toEqual([
            "1:19 threshold 'overcommitRatio' in opsbook.json must be at least 1 (1.5 means 150% of the target)"
        ]);
        expect(problems('{ "thresholds": { "onTrack": 95 } }')).toEqual([
            "1:19 threshold 'onTrack' in opsbook.json is a share of the target to date: write it between 0 and 1 (0.95 means 95%)"
        ]);
        expect(problems('{ "thresholds": { "onTrack": 0.7, "atRisk": 0.8 } }')).toEqual([
            "1:35 threshold 'atRisk' (0.8) in opsbook.json must not be above 'onTrack' (0.7)"
        ]);
        expect(problems('{ "rules": { "no-review": "silent" }, "locale": "fr", "colour": true }')).toEqual([
            "1:14 rule 'no-review' in opsbook.json: severity must be error, warning, info or off",
            '1:39 "locale" in opsbook.json must be "en" or "zh-CN"',
            "1:55 unknown setting 'colour' in opsbook.json: expected rules, thresholds, locale or ignore"
        ]);
        expect(parseConfigText('{ "thresholds": { "forecastSpread": 0.3 }, "locale": "zh-CN" }', 'opsbook.json').settings).toMatchObject({
            thresholds: { forecastSpread: 0.3, overcommitRatio: 1.5 },
            locale: 'zh-CN'
        });
    });

    test('the JSON Schema lists every rule id with its default, every threshold and the locales', () => {
        const schema = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../schemas/opsbook.schema.json'), 'utf8'));
        expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
        expect(Object.keys(schema.properties.rules.properties)).toEqual(RULE_IDS);
        for (const rule of RULE_IDS)
            expect(schema.properties.rules.properties[rule].description).toMatch(new RegExp(`^Default: ${RULES[rule]}\\. .*#${rule}$`));
        expect(Object.keys(schema.properties.thresholds.properties)).toEqual([
            'overcommitRatio',
            'forecastSpread',
            'onTrack',
            'atRisk',
            'assumptionTolerance'
        ]);
        expect(schema.definitions.severity.enum).toEqual(['error', 'warning', 'info', 'off']);
        expect(schema.properties.locale.enum).toEqual(['en', 'zh-CN']);
    });

    test('docs/rules.md has an entry for every rule id', () => {
        const docs = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/rules.md'), 'utf8');
        const anchors = [...docs.matchAll(/^## ([a-z-]+)$/gm)].map(m => m[1]);
        expect([...anchors].sort()).toEqual([...RULE_IDS].sort());
    });
});

describe('// opsbook-ignore', () => {
    const line = 'cpa at most 20 CNY';
    const broken = edit(CLEAN, line, 'cpa at most 0.5 CNY');

    test('silences the named rule on the next line', async () => {
        expect(await diagnose(edit(broken, '  cpa at most 0.5 CNY', '  // opsbook-ignore cpa-exceeded\n  cpa at most 0.5 CNY'))).toEqual(
            []
        );
    });

    test('several rules in one comment; other rules on that line still fire', async () => {
        const text = edit(broken, '  cpa at most 0.5 CNY', '  // opsbook-ignore goal-overcommitted, cpa-exceeded\n  cpa at most 0.5 CNY');
        expect((await diagnose(text)).map(l => l.split(' ')[0])).toEqual(['unused-suppression']);
        const other = edit(broken, '  cpa at most 0.5 CNY', '  // opsbook-ignore goal-undercovered\n  cpa at most 0.5 CNY');
        expect((await diagnose(other)).map(l => l.split(' ')[0])).toEqual(['unused-suppression', 'cpa-exceeded']);
    });

    test('only the next line: two lines below it fires', async () => {
        const text = edit(broken, '  cpa at most 0.5 CNY', '  // opsbook-ignore cpa-exceeded\n\n  cpa at most 0.5 CNY');
        expect((await diagnose(text)).map(l => l.split(' ')[0])).toEqual(['unused-suppression', 'cpa-exceeded']);
    });

    test('silences value rules too', async () => {
        const text = edit(
            CLEAN,
            '  period 2027-01-01 .. 2027-03-31',
            '  // opsbook-ignore invalid-date\n  period 2027-01-01 .. 2027-03-32'
        );
        expect(await diagnose(text)).toEqual([]);
    });
});
