// opsbook.json: comments (JSONC), "ignore", the shipped JSON Schema as the judge, closest-name hints.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { parseConfigText } from '../../packages/language/src/config/opsbook-config.js';

const problems = (text: string) => parseConfigText(text, 'opsbook.json').problems.map(p => `${p.line}:${p.column} ${p.message}`);
const schema = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../schemas/opsbook.schema.json'), 'utf8'));
const schemaAccepts = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('comments in opsbook.json', () => {
    test('line and block comments are allowed and change nothing', () => {
        const text =
            '// team settings\n{\n  /* quieter until the forecasts settle */\n  "rules": { "forecast-spread": "off" }, // for Q1\n  "locale": "zh-CN"\n}\n';
        expect(parseConfigText(text, 'opsbook.json')).toEqual({
            problems: [],
            settings: expect.objectContaining({ rules: { 'forecast-spread': 'off' }, locale: 'zh-CN' })
        });
    });

    test('positions after comments and a byte-order mark stay exact', () => {
        expect(problems('\uFEFF// settings\n{\n  // the rules\n  "rulez": {}\n}\n')).toEqual([
            "4:3 unknown setting 'rulez' in opsbook.json: did you mean 'rules'?"
        ]);
        expect(problems('{ /* "rules": 1, */ "locale": "fr" }')).toEqual(['1:21 "locale" in opsbook.json must be "en" or "zh-CN"']);
    });

    test('a trailing comma, an unclosed comment or string is one error at its place', () => {
        expect(problems('{\n  "rules": { "no-review": "off", }\n}\n')).toEqual([
            "2:34 opsbook.json is not valid JSON: a comma before '}' (remove it: JSON allows no trailing comma)"
        ]);
        expect(problems('{ "ignore": ["a",] }')).toEqual([
            "1:18 opsbook.json is not valid JSON: a comma before ']' (remove it: JSON allows no trailing comma)"
        ]);
        expect(problems('{ "rules" { } }')).toEqual(["1:11 opsbook.json is not valid JSON: ':' was expected"]);
        expect(problems('{ /* open\n}')).toEqual(["1:3 opsbook.json is not valid JSON: a comment is not closed with '*/'"]);
        expect(problems('{ "locale": "en }')).toEqual(['1:13 opsbook.json is not valid JSON: a string is not closed']);
        expect(problems('')).toEqual(['1:1 opsbook.json is not valid JSON: the file is empty (write {} for the defaults)']);
    });
});

describe('unknown names suggest the closest one', () => {
    test('rules, thresholds and settings', () => {
        expect(problems('{ "rules": { "budget-overun": "off", "cpa-exeeded": "error" } }')).toEqual([
            "1:14 unknown rule 'budget-overun' in opsbook.json: did you mean 'budget-overrun'?",
            "1:38 unknown rule 'cpa-exeeded' in opsbook.json: did you mean 'cpa-exceeded'?"
        ]);
        expect(problems('{ "rules": { "everything": "off" } }')).toEqual([
            "1:14 unknown rule 'everything' in opsbook.json: the rules are listed in docs/rules.md and in the JSON Schema"
        ]);
        expect(problems('{ "thresholds": { "ontrack": 0.9 } }')).toEqual([
            "1:19 unknown threshold 'ontrack' in opsbook.json: did you mean 'onTrack'?"
        ]);
        expect(problems('{ "ignores": [] }')).toEqual(["1:3 unknown setting 'ignores' in opsbook.json: did you mean 'ignore'?"]);
    });
});

describe('"ignore"', () => {
    test('a list of patterns is read', () => {
        expect(parseConfigText('{ "ignore": ["drafts/", "**/*.draft.ops"] }', 'opsbook.json')).toEqual({
            problems: [],
            settings: expect.objectContaining({ ignore: ['drafts/', '**/*.draft.ops'] })
        });
    });

    test('anything else is an error at its place, and nothing is ignored', () => {
        expect(problems('{ "ignore": "drafts/" }')).toEqual([
            '1:3 "ignore" in opsbook.json must be a list of .gitignore patterns, like ["drafts/", "**/*.draft.ops"]'
        ]);
        const text = '{ "ignore": ["drafts/", 3, ""] }';
        expect(problems(text)).toEqual([
            '1:25 each pattern in "ignore" in opsbook.json must be a non-empty string',
            '1:28 each pattern in "ignore" in opsbook.json must be a non-empty string'
        ]);
        expect(parseConfigText(text, 'opsbook.json').settings.ignore).toBeUndefined();
    });
});

describe('the CLI and the editor agree: the shipped JSON Schema decides', () => {
    const CASES = [
        '{}',
        '{ "$schema": "./node_modules/@opsbook/cli/schemas/opsbook.schema.json" }',
        '{ "$schema": 1 }',
        '{ "rules": { "no-review": "off" } }',
        '{ "rules": { "no-review": "quiet" } }',
        '{ "rules": { "no-review": 1 } }',
        '{ "rules": [] }',
        '{ "rules": { "no-reveiw": "off" } }',
        '{ "thresholds": { "onTrack": 1 } }',
        '{ "thresholds": { "onTrack": 1.01 } }',
        '{ "thresholds": { "overcommitRatio": 0.99 } }',
        '{ "thresholds": { "forecastSpread": -0.1 } }',
        '{ "thresholds": { "atRisk": "0.8" } }',
        '{ "thresholds": 1 }',
        '{ "locale": "zh-CN" }',
        '{ "locale": "zh" }',
        '{ "ignore": [] }',
        '{ "ignore": ["x"] }',
        '{ "ignore": [1] }',
        '{ "ignore": {} }',
        '{ "colour": true }',
        '[]',
        '"rules"',
        'null'
    ];
    test.each(CASES)('%s', text => {
        const accepted = schemaAccepts(JSON.parse(text));
        expect(problems(text).length === 0).toBe(accepted);
    });

    test('what a schema cannot say is checked besides: atRisk above onTrack', () => {
        expect(schemaAccepts({ thresholds: { onTrack: 0.7, atRisk: 0.8 } })).toBe(true);
        expect(problems('{ "thresholds": { "onTrack": 0.7, "atRisk": 0.8 } }')).toEqual([
            "1:35 threshold 'atRisk' (0.8) in opsbook.json must not be above 'onTrack' (0.7)"
        ]);
    });
});

test('the validator compiled at build time is the shipped schema as it is now', async () => {
    const { validatorSource, VALIDATOR_FILE } = await import('../../scripts/config-validator.mjs');
    expect(fs.readFileSync(VALIDATOR_FILE, 'utf8')).toBe(validatorSource());
});
