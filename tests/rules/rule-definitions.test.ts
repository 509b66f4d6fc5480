// The rule registry (packages/language/src/rules/) is the one place a rule is defined. These tests hold
// everything else to it: the rule catalogue, the message catalogues, the hover explanations, the places
// that report each rule, the quick fixes, the committed rule lists (npm run rules:sync) and docs/rules.md.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { EN } from '../../packages/language/src/i18n/en.js';
import { PUNCTUATION } from '../../packages/language/src/i18n/words.js';
import { ZH_CN } from '../../packages/language/src/i18n/zh-cn.js';
import { ruleExplanation } from '../../packages/language/src/validation/rule-explanations.js';
import { RULE_DEFINITIONS, ruleMessages } from '../../packages/language/src/rules/index.js';
import { RULE_IDS, RULES } from '../../packages/language/src/validation/rule-catalog.js';
// @ts-expect-error: a plain .mjs script without type declarations
import { SYNCED_FILES, syncedText } from '../../scripts/sync-rules.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PACKAGES = path.join(ROOT, 'packages');
const RULES_DIR = path.join(PACKAGES, 'language/src/rules');
const read = (file: string) => fs.readFileSync(file, 'utf8');

/** Every TypeScript source file of the three packages, relative to packages/ (generated code left out). */
function sourceFiles(): string[] {
    const files: string[] = [];
    for (const pkg of ['language', 'cli', 'extension']) {
        const walk = (dir: string) => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                const full = path.join(dir, entry.name);
                if (entry.isDirectory() && entry.name !== 'generated') walk(full);
                else if (entry.isFile() && entry.name.endsWith('.ts')) files.push(path.relative(PACKAGES, full).split(path.sep).join('/'));
            }
        };
        walk(path.join(PACKAGES, pkg, 'src'));
    }
    return files.sort();
}

/**
 * A place that reports a rule: `report('id', …`, `issue('id', …`, `accept('id', …`, or a diagnostic built
 * with `code: 'id'` (a type such as `rule: 'a' | 'b'` is not a place).
 */
function reportSites(source: string): Set<string> {
    const sites = new Set<string>();
    for (const match of source.matchAll(/(?:\b(?:report|issue|accept)\(\s*|\bcode(?::| =)\s*|\brule: )'([a-z]+(?:-[a-z]+)+)'\s*[,;)}]/g))
        sites.add(match[1] as string);
    return sites;
}

describe('the rule registry', () => {
    test('one file per rule, named after its id, each listed once in rules/index.ts', () => {
        const files = fs
            .readdirSync(RULES_DIR)
            .filter(name => name !== 'index.ts' && name !== 'rule.ts')
            .map(name => name.replace(/\.ts$/, ''))
            .sort();
        expect(RULE_DEFINITIONS.map(rule => rule.id).sort()).toEqual(files);
        expect(new Set(RULE_IDS).size).toBe(RULE_DEFINITIONS.length);
        for (const rule of RULE_DEFINITIONS) expect(read(path.join(RULES_DIR, `${rule.id}.ts`))).toContain(`id: '${rule.id}'`);
    });

    test('the rule catalogue is the registry: ids in order and default severities', () => {
        expect(RULE_IDS).toEqual(RULE_DEFINITIONS.map(rule => rule.id));
        expect(RULES).toEqual(Object.fromEntries(RULE_DEFINITIONS.map(rule => [rule.id, rule.severity])));
        expect(RULE_IDS.length).toBe(38);
        expect(RULE_DEFINITIONS.filter(rule => 'extension' in rule && rule.extension).map(rule => rule.id)).toEqual([
            'unknown-value',
            'number-too-large',
            'invalid-config',
            'unreadable-file',
            'unused-suppression'
        ]);
    });

    test('each rule is reported by exactly the files it names in reportedBy, and nowhere else', () => {
        const reportedBy = new Map<string, string[]>();
        for (const file of sourceFiles()) {
            for (const rule of reportSites(read(path.join(PACKAGES, file)))) reportedBy.set(rule, [...(reportedBy.get(rule) ?? []), file]);
        }
        for (const rule of RULE_DEFINITIONS) {
            expect({ rule: rule.id, files: [...rule.reportedBy].sort() }).toEqual({ rule: rule.id, files: reportedBy.get(rule.id) ?? [] });
        }
        // A rule whose check is in its file reports from there, and is run by the validation family it names.
        const registered = read(path.join(PACKAGES, 'language/src/validation/register-checks.ts'));
        for (const rule of RULE_DEFINITIONS.filter(rule => 'check' in rule)) {
            expect(rule.reportedBy).toEqual([`language/src/rules/${rule.id}.ts`]);
            const runner = /FamilyChecks\(services, '([a-z]+)'\)/g;
            const families = [...registered.matchAll(runner)].map(m => m[1]);
            const classes = sourceFiles()
                .filter(file => file.startsWith('language/src/validation/'))
                .filter(file => read(path.join(PACKAGES, file)).includes(`protected readonly family = '${rule.family}';`));
            expect({ rule: rule.id, runs: families.includes(rule.family) || classes.length === 1 }).toEqual({ rule: rule.id, runs: true });
        }
        expect(RULE_DEFINITIONS.filter(rule => 'check' in rule).map(rule => rule.id)).toEqual([
            'funnel-order',
            'date-outside-period',
            'late-contribution',
            'milestone-order',
            'owner-missing',
            'capacity-overload',
            'kpi-weights',
            'owner-not-assessed',
            'stage-focus',
            'metric-unmonitored',
            'channel-unattributed',
            'no-review',
            'mandatory-unscheduled'
        ]);
        // `internal-error` (a crash while building a document, lsp/workspace) is not a rule: it cannot be configured.
        expect([...reportedBy.keys()].filter(id => !RULE_IDS.includes(id as never))).toEqual(['internal-error']);
    });

    test('every message of a rule belongs to that rule alone and is used by the code that reports it', () => {
        const owner = new Map<string, string>();
        const everything = sourceFiles()
            .filter(file => !file.startsWith('language/src/i18n/'))
            .map(file => read(path.join(PACKAGES, file)))
            .join('\n');
        for (const rule of RULE_DEFINITIONS) {
            const keys = Object.keys(rule.messages.en);
            expect(keys.length).toBeGreaterThan(0);
            expect(Object.keys(rule.messages['zh-CN'])).toEqual(keys);
            for (const key of keys) {
                expect({ key, owner: owner.get(key) }).toEqual({ key, owner: undefined });
                owner.set(key, rule.id);
                expect({ key, used: new RegExp(`[mM]essage\\(\\s*'${key}'`).test(everything) }).toEqual({ key, used: true });
            }
        }
        // The catalogues hold each rule's messages, under the same keys, and nothing of a rule twice.
        const ruleKeys = [...owner.keys()].sort();
        expect(Object.keys(ruleMessages('en')).sort()).toEqual(ruleKeys);
        for (const key of ruleKeys) {
            expect(EN[key as keyof typeof EN]).toBe(ruleMessages('en')[key as keyof ReturnType<typeof ruleMessages>]);
            expect(ZH_CN[key as keyof typeof ZH_CN]).toBe(ruleMessages('zh-CN')[key as keyof ReturnType<typeof ruleMessages>]);
        }
        const core = Object.keys(EN)
            .filter(key => !owner.has(key))
            .sort();
        expect(core).toEqual([
            'actualsDuplicateRow',
            'actualsProblem',
            'configProblem',
            'previousReviewNoDecisions',
            'relatedBudget',
            'relatedDelivery',
            'relatedForecastFigure',
            'relatedGoal',
            'relatedKpi',
            'relatedMonitor',
            'relatedParentPeriod',
            'relatedPartOf',
            'relatedResponsibility',
            'relatedSubGoal',
            'reviewOutsidePeriod'
        ]);
    });

    test('hover explanations are the docs of the definition, in both locales, Chinese written in Chinese', () => {
        for (const rule of RULE_DEFINITIONS) {
            expect(ruleExplanation(rule.id, 'en')).toBe(rule.docs.en);
            expect(ruleExplanation(rule.id, 'zh-CN')).toBe(rule.docs['zh-CN']);
            expect(rule.docs.en).not.toBe('');
            expect(rule.docs['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
        }
        expect(ruleExplanation('goal-cycle', 'en')).toBe('`part of` chains loop back to this goal: a goal cannot be part of itself.');
    });

    test('the quick fixes a rule declares are the ones the code action provider offers for it', () => {
        const provider = read(path.join(PACKAGES, 'language/src/lsp/code-actions/opsbook-code-action-provider.ts'));
        const handled = [...new Set([...provider.matchAll(/rule (?:===|!==) '([a-z-]+)'/g)].map(m => m[1] as string))].sort();
        expect(
            RULE_DEFINITIONS.filter(rule => rule.fixes.length > 0)
                .map(rule => rule.id)
                .sort()
        ).toEqual(handled);
        expect(Object.fromEntries(RULE_DEFINITIONS.filter(rule => rule.fixes.length > 0).map(rule => [rule.id, rule.fixes]))).toEqual({
            'unresolved-reference': ['replace-with-suggestion', 'add-import', 'create-element'],
            'owner-missing': ['add-owner'],
            'kpi-weights': ['rescale-weights'],
            'metric-unmonitored': ['add-monitor'],
            'unused-suppression': ['remove-suppression'],
            'owner-not-assessed': ['add-kpi']
        });
    });
});

describe('files made from the registry', () => {
    test('the opsbook.json schema and the extension settings list the registry (run `npm run rules:sync` when this fails)', () => {
        for (const file of SYNCED_FILES as string[]) {
            const text = read(path.join(ROOT, file));
            expect({ file, stale: syncedText(file, text, RULE_DEFINITIONS) !== text }).toEqual({ file, stale: false });
        }
        const schema = JSON.parse(read(path.join(ROOT, 'schemas/opsbook.schema.json')));
        expect(schema.properties.rules.properties['no-review']).toEqual({
            $ref: '#/definitions/severity',
            description: 'Default: warning. https://github.com/opsbook/opsbook/blob/main/docs/rules.md#no-review'
        });
    });

    test('a stale list is detected: a rule missing from the schema is put back by rules:sync', () => {
        const file = 'schemas/opsbook.schema.json';
        const schema = JSON.parse(read(path.join(ROOT, file)));
        delete schema.properties.rules.properties['goal-cycle'];
        const stale = `${JSON.stringify(schema, null, 2)}\n`;
        expect(syncedText(file, stale, RULE_DEFINITIONS)).toBe(read(path.join(ROOT, file)));
    });

    test('docs/rules.md: the index table gives every rule once with its default, and a section per rule in registry order', () => {
        const docs = read(path.join(ROOT, 'docs/rules.md'));
        const index = [...docs.matchAll(/\[([a-z-]+)\]\(#\1\) \| (error|warning|info) \|/g)].map(m => [m[1], m[2]]);
        expect(Object.fromEntries(index)).toEqual(RULES);
        expect(index.length).toBe(RULE_DEFINITIONS.length);
        expect([...docs.matchAll(/^## ([a-z-]+)$/gm)].map(m => m[1])).toEqual(RULE_IDS);
        for (const rule of RULE_DEFINITIONS) {
            const section = docs.slice(docs.indexOf(`## ${rule.id}\n`)).split(/\n## /)[0] as string;
            expect({ rule: rule.id, extension: section.includes('\n*Extension.* ') }).toEqual({
                rule: rule.id,
                extension: 'extension' in rule && rule.extension === true
            });
        }
    });
});

describe('one catalogue per locale', () => {
    test('punctuation is defined once per locale', () => {
        expect(PUNCTUATION).toEqual({
            en: { colon: ': ', comma: ', ', listSeparator: ', ', rangeTo: ' – ' },
            'zh-CN': { colon: '：', comma: '，', listSeparator: '、', rangeTo: ' 至 ' }
        });
        const definitions = sourceFiles().filter(file => /\b(?:colon|listSeparator): '/.test(read(path.join(PACKAGES, file))));
        expect(definitions).toEqual(['language/src/i18n/words.ts']);
    });

    test('Chinese text lives only in the catalogues (i18n/) and the rule files (rules/), outside comments', () => {
        const han = /[\u4e00-\u9fff]/;
        // The language itself has Chinese words: the scale suffixes 万 and 亿 (read and written), the currency
        // alias 元 and the Chinese aliases of the enumerated values (SPEC §10).
        const syntax = [
            'language/src/format/canonical-layout.ts',
            'language/src/parser/fast-lexer.ts',
            'language/src/values/currency.ts',
            'language/src/values/number-literal.ts',
            'language/src/values/format.ts',
            'language/src/analysis/vocabulary.ts'
        ];
        const outside = sourceFiles()
            .filter(file => !file.startsWith('language/src/i18n/') && !file.startsWith('language/src/rules/') && !syntax.includes(file))
            .filter(file =>
                read(path.join(PACKAGES, file))
                    .split('\n')
                    .some(line => han.test(line) && !/^\s*(\/\/|\*|\/\*\*)/.test(line))
            );
        expect(outside).toEqual([]);
    });
});
