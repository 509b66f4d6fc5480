import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { headingSlug, ruleHeadingLine, ruleOfCode } from '../../../packages/extension/src/commands/rule-sections.js';
import { coveragePercent, presentStatus } from '../../../packages/extension/src/status/status-text.js';
import { RULE_IDS } from '../../../packages/language/src/validation/rule-catalog.js';

describe('status bar text', () => {
    test('errors, warnings and coverage: the server sends the lowest goal coverage, and the label says so', () => {
        expect(presentStatus({ errors: 1, warnings: 2, coverage: 0.6 })).toEqual({
            text: 'Opsbook $(error) 1 $(warning) 2 $(pie-chart) 60% covered',
            accessibilityLabel: 'Opsbook: 1 error, 2 warnings, lowest goal coverage 60%',
            tooltip:
                'Opsbook: 1 error, 2 warnings in this file.\nLowest goal coverage: 60% (planned ÷ target of the least-covered goal with an additive target; every other goal is covered at least as well).\nClick to open the Problems view.'
        });
    });

    test('no coverage for a file without additive goals', () => {
        expect(presentStatus({ errors: 0, warnings: 1 }).text).toBe('Opsbook $(error) 0 $(warning) 1');
    });

    test('coverage rounds down, so an unfinished plan never shows 100%', () => {
        expect(coveragePercent(0.996)).toBe('99%');
        expect(coveragePercent(1)).toBe('100%');
        expect(coveragePercent(0.29)).toBe('29%');
        expect(coveragePercent(1.5)).toBe('150%');
    });
});

describe('rule documentation', () => {
    const markdown = [
        '# Rules',
        '```md',
        '## goal-cycle (in a fence)',
        '```',
        '## `goal-undercovered` — planned below target',
        'text',
        '### goal-cycle',
        '## budget-overrun: budgets exceed the playbook budget'
    ].join('\n');

    test('finds a rule heading by its id, outside code fences', () => {
        expect(ruleHeadingLine(markdown, 'goal-undercovered')).toBe(4);
        expect(ruleHeadingLine(markdown, 'goal-cycle')).toBe(6);
        expect(ruleHeadingLine(markdown, 'budget-overrun')).toBe(7);
        expect(ruleHeadingLine(markdown, 'no-review')).toBeUndefined();
    });

    test('GitHub anchors', () => {
        expect(headingSlug('`goal-undercovered` — planned below target')).toBe('goal-undercovered--planned-below-target');
    });

    test('the rule id of a diagnostic code', () => {
        expect(ruleOfCode('kpi-weights')).toBe('kpi-weights');
        expect(ruleOfCode({ value: 'kpi-weights' })).toBe('kpi-weights');
        expect(ruleOfCode(42)).toBeUndefined();
        expect(ruleOfCode(undefined)).toBeUndefined();
    });
});

describe('the manifest', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../packages/extension/package.json', import.meta.url), 'utf8'));

    test('opsbook.rules lists exactly the rules of the catalogue', () => {
        expect(manifest.contributes.configuration.properties['opsbook.rules'].propertyNames.enum).toEqual(RULE_IDS);
    });

    test('the $opsbook problem matcher reads `opsbook check` text lines', () => {
        const [matcher] = manifest.contributes.problemMatchers;
        const match = new RegExp(matcher.pattern.regexp).exec(
            'examples/shop/shop.ops:12:5 warning goal-overcommitted Revenue: planned 160% of target: a:b'
        );
        expect(match?.slice(1)).toEqual([
            'examples/shop/shop.ops',
            '12',
            '5',
            'warning',
            'goal-overcommitted',
            'Revenue: planned 160% of target: a:b'
        ]);
    });
});
