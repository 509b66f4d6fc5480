import { describe, expect, test } from 'vitest';
import { EN } from '../../packages/language/src/i18n/en.js';
import { normalizeLocale } from '../../packages/language/src/i18n/locale.js';
import { ZH_CN } from '../../packages/language/src/i18n/zh-cn.js';
import { CLEAN, edit, loadFolder, tempFolder } from './validation-helpers.js';

const BROKEN = edit(
    edit(edit(CLEAN, 'delivers 800 signups to Signups', 'delivers 600 signups to Signups'), 'budget 100k CNY', 'budget 80k CNY'),
    'stage growth',
    'stage grwoth'
);

describe('messages in Simplified Chinese', () => {
    test('opsbook.json "locale": "zh-CN" switches every message, numbers formatted', async () => {
        const dir = tempFolder({ 'opsbook.json': '{ "locale": "zh-CN" }', 'plan.ops': BROKEN + '\ngoal X { owner nobody }\n' });
        expect((await loadFolder(dir)).of('plan.ops')).toEqual([
            'unknown-value 3:9-3:15 未知的阶段（stage）「grwoth」：是否应为「growth」？可选值为 开发期（development）、种子期（seed）、成长期（growth）、成熟期（mature）或衰退期（decline）',
            'budget-overrun 7:10-7:17 渠道和活动预算合计 8.5万元（渠道 5.5万元，活动 3万元），比总预算 8万元 多出 5,000元：请削减预算或提高总预算',
            'goal-undercovered 25:10-25:36 Signups：渠道共交付 1,800 / 2,000 signups（90%），还差 200；请再安排 200 的交付，或下调目标',
            "goal-unplanned 100:6-100:7 没有任何渠道、活动、工作板块或子目标支撑 X：请在渠道或活动中加上 'delivers … to X'，在活动或工作板块中加上 'serves X'，或增加 'part of X' 的子目标",
            'unresolved-reference 100:16-100:22 未知的人员「nobody」'
        ]);
    });

    test('date-outside-period: the period in （…） with 至, a one-day window once', async () => {
        const text = edit(
            edit(CLEAN, 'target 2000 signups by 2027-03-31', 'target 2000 signups by 2027-04-15'),
            'window 2027-02-01 .. 2027-02-14',
            'window 2027-04-01 .. 2027-04-01'
        );
        const dir = tempFolder({ 'opsbook.json': '{ "locale": "zh-CN" }', 'plan.ops': text });
        expect((await loadFolder(dir)).of('plan.ops').filter(l => l.startsWith('date-outside-period'))).toEqual([
            'date-outside-period 25:26-25:36 Signups 的截止日期 2027-04-15 不在运营周期（2027-01-01 至 2027-03-31）内：请改到周期内，或延长周期',
            'date-outside-period 60:10-60:34 Launch 的时间窗口 2027-04-01 不在运营周期（2027-01-01 至 2027-03-31）内：请改到周期内，或延长周期'
        ]);
    });

    test('names in 「」: unresolved-reference with a suggestion', async () => {
        const dir = tempFolder({ 'opsbook.json': '{ "locale": "zh-CN" }', 'plan.ops': CLEAN.replace('owner bo\n', 'owner boo\n') });
        expect((await loadFolder(dir)).of('plan.ops')).toEqual(['unresolved-reference 32:9-32:12 未知的人员「boo」：是否应为「bo」？']);
    });

    test('syntax errors: a string without its closing quote, a character not recognised, what was found', async () => {
        const dir = tempFolder({
            'opsbook.json': '{ "locale": "zh-CN" }',
            'a.ops': 'person ann { title "Ann }\n',
            'b.ops': 'person ann § \n',
            'c.ops': 'person ann {\n'
        });
        const loaded = await loadFolder(dir);
        expect(loaded.of('a.ops')[0]).toMatch(/^syntax-error 1:20-1:\d+ 字符串缺少结尾的引号：带引号的文字必须在同一行以 " 结尾/);
        expect(loaded.of('b.ops')[0]).toMatch(/^syntax-error 1:12-1:13 无法识别的字符 /);
        expect(loaded.of('c.ops')[0]).toMatch(/，但这里是 /);
    });

    test('syntax errors, duplicate names and imports are translated too', async () => {
        const dir = tempFolder({
            'opsbook.json': '{ "locale": "zh-CN" }',
            'a.ops': 'import "missing.ops"\nperson ann\nperson ann\ngoal G {\n  budget 5k CNY\n}\n',
            'b.ops': 'person bo { capacity 80％ }\n'
        });
        const loaded = await loadFolder(dir);
        expect(loaded.of('a.ops')).toEqual([
            'import-unresolved 1:8-1:21 无法导入 "missing.ops"：同一目录下没有这个文件',
            "duplicate-name 3:8-3:11 'ann' 已在第 2 行定义为人员（person）：在一个文件及其导入中，每个名称只能使用一次",
            "syntax-error 5:3-5:9 'budget' 不是目标（goal）的属性：应为 target、milestone、owner、strategy、part of 或 '}'"
        ]);
        expect(loaded.of('b.ops')[0]).toMatch(/^syntax-error 1:24-1:25 全角字符 '％'：请改用半角的 '%'/);
        const owner = await loadFolder(
            tempFolder({
                'opsbook.json': '{ "locale": "zh-CN" }',
                'c.ops': 'goal G { target 5 m by 2027-01-01 }\nmetric m count\nchannel C { owner p delivers 5 m to G }\nperson p\n'
            })
        );
        expect(owner.of('c.ops').filter(l => l.startsWith('owner-missing'))).toEqual([
            "owner-missing 1:6-1:7 目标 G 没有负责人：请加上 'owner 人员'"
        ]);
    });

    test('precedence: --locale (setOverrides) over the editor (setClientLocale) over opsbook.json', async () => {
        const dir = tempFolder({ 'opsbook.json': '{ "locale": "zh-CN" }', 'plan.ops': BROKEN });
        const editor = await loadFolder(dir, {}, undefined, 'en-US');
        expect(editor.of('plan.ops')[0]).toMatch(/^unknown-value 3:9-3:15 unknown stage 'grwoth'/);
        const cli = await loadFolder(dir, {}, { locale: 'en' }, 'zh-cn');
        expect(cli.of('plan.ops')[0]).toMatch(/^unknown-value 3:9-3:15 unknown stage 'grwoth'/);
        const zhEditor = await loadFolder(tempFolder({ 'plan.ops': BROKEN }), {}, undefined, 'zh-Hans');
        expect(zhEditor.of('plan.ops')[0]).toMatch(/^unknown-value 3:9-3:15 未知的阶段（stage）/);
    });

    test('the playbook locale is for documents, not messages', async () => {
        const dir = tempFolder({ 'plan.ops': edit(BROKEN, 'currency CNY', 'currency CNY\n  locale zh-CN') });
        const loaded = await loadFolder(dir);
        expect(loaded.of('plan.ops')[0]).toMatch(/^unknown-value 3:9-3:15 unknown stage/);
        const document = loaded.documents.get('plan.ops');
        expect(document && loaded.services.Opsbook.analysis.PlaybookAnalyzer.analyze(document).locale).toBe('zh-CN');
    });

    test('editor locale tags map to the two catalogues', () => {
        expect(['zh-cn', 'zh-CN', 'zh', 'zh-Hans', 'zh_TW', 'en', 'en-US', 'fr', '', undefined].map(normalizeLocale)).toEqual([
            'zh-CN',
            'zh-CN',
            'zh-CN',
            'zh-CN',
            'zh-CN',
            'en',
            'en',
            undefined,
            undefined,
            undefined
        ]);
    });

    test('both catalogues have every message, and the Chinese one is not English', () => {
        expect(Object.keys(ZH_CN).sort()).toEqual(Object.keys(EN).sort());
        const sample = {
            goal: 'G',
            person: 'p',
            name: 'n',
            metric: 'm',
            kind: 'count',
            text: 't',
            what: 'stage',
            word: 'w',
            expected: ['a'],
            code: 'X',
            base: 'Y',
            type: 'Goal',
            elementType: 'Goal',
            wantedType: 'Goal',
            actualType: 'Person',
            file: 'f',
            path: 'p',
            root: 'r',
            first: 'a',
            second: 'b',
            line: 1,
            column: 1,
            problem: 'p',
            chain: ['a', 'b'],
            missing: ['window'],
            channels: ['c'],
            goals: ['g'],
            parts: [],
            suited: ['s'],
            found: { kind: 'eof' },
            char: '，',
            replacement: ',',
            shown: 'x',
            from: 'f',
            goalMetric: 'g',
            funnel: 'f',
            campaign: 'c',
            forecast: 'f',
            strategy: 's',
            focus: 'f',
            stage: 's',
            playbook: 'p',
            phrase: 'p',
            firstLine: 1,
            suggestion: 's',
            noneVisible: true,
            accountable: false,
            hasAssessment: true,
            reason: 'month-days',
            year: 2027,
            month: 2,
            days: 28,
            example: 'e',
            start: 's',
            end: 'e',
            deadline: 'd',
            period: 'p',
            workstream: 'w',
            subject: 's',
            who: 'sales',
            value: 'v',
            currency: 'CNY',
            source: 'channels'
        };
        // The problems of an actuals CSV and of opsbook.json: one sample of every kind.
        const kinds: Record<string, object[]> = {
            actualsProblem: [
                { kind: 'empty' },
                { kind: 'field-count', fields: 3 },
                { kind: 'quote-not-closed' },
                { kind: 'quote-inside' },
                { kind: 'not-csv', detail: 'x' },
                { kind: 'no-column', column: 'date' },
                { kind: 'extra-column', column: 'x' },
                { kind: 'date', text: 'x', reason: 'x' },
                { kind: 'unknown-metric', metric: 'x', expected: ['a'] },
                { kind: 'unknown-channel', channel: 'x', expected: [] },
                { kind: 'not-a-number', written: 'x' },
                { kind: 'too-large', shown: 'x' }
            ],
            configProblem: [
                { kind: 'empty' },
                { kind: 'trailing-comma', next: '}' },
                { kind: 'json', code: 1, detail: 'x' },
                { kind: 'json', code: 99, detail: 'x' },
                { kind: 'unknown-setting', name: 'x', expected: ['a'] },
                { kind: 'not-object' },
                { kind: 'unknown-rule', rule: 'x' },
                { kind: 'rules-not-object' },
                { kind: 'severity', rule: 'x' },
                { kind: 'unknown-threshold', name: 'x', expected: ['a'] },
                { kind: 'thresholds-not-object' },
                { kind: 'overcommit-ratio' },
                { kind: 'share-threshold', name: 'x' },
                { kind: 'threshold-negative', name: 'x' },
                { kind: 'at-risk-above-on-track', atRisk: 1, onTrack: 0 },
                { kind: 'locale' },
                { kind: 'ignore-not-list' },
                { kind: 'ignore-pattern' },
                { kind: 'schema-ref' },
                { kind: 'other', pointer: '/x', detail: 'x' }
            ]
        };
        for (const [key, samples] of Object.entries(kinds)) {
            for (const one of samples) {
                const zh = (ZH_CN as unknown as Record<string, (a: unknown) => string>)[key]?.(one) ?? '';
                expect(zh, `${key} ${JSON.stringify(one)}`).toMatch(/[\u4e00-\u9fff]/);
                expect((EN as unknown as Record<string, (a: unknown) => string>)[key]?.(one), `${key} ${JSON.stringify(one)}`).toMatch(
                    /^[\x20-\x7e]+$/
                );
            }
        }
        const untranslated = Object.keys(EN)
            .filter(key => !(key in kinds))
            .filter(key => {
                const zh = (ZH_CN as unknown as Record<string, (a: unknown) => string>)[key];
                try {
                    return !/[\u4e00-\u9fff]/.test(zh?.(sample) ?? '');
                } catch {
                    return false; // needs Decimal arguments: covered by the rule tests above
                }
            });
        expect(untranslated).toEqual([]);
    });
});
