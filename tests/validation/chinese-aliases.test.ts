// SPEC §10: the enumerated values have Chinese aliases that mean the same (`stage 成长期` is `stage
// growth`). The analysis reads them as the English value; unknown-value offers both; hover explains
// one by the other; the formatter keeps the author's word; zh-CN documents print the Chinese word.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { formatText } from '../../packages/language/src/format/format-text.js';
import { runInProcess } from '../cli/cli-helpers.js';
import { services } from '../helpers.js';
import { loadWorkspace, positionOf, textDocument } from '../lsp/lsp-helpers.js';
import { CLEAN, diagnose, edit, loadFolder, tempFolder } from './validation-helpers.js';

/** The clean fixture with every enumerated value written as its Chinese alias. */
const CHINESE = [
    ['stage growth', 'stage 成长期'],
    ['focus acquisition', 'focus 拉新'],
    ['metric visits  count', 'metric visits  计数'],
    ['metric signups count', 'metric signups 计数'],
    ['metric revenue money', 'metric revenue 金额'],
    ['metric d30     percent', 'metric d30     百分比'],
    ['kind organic', 'kind 自然流量'],
    ['kind paid', 'kind 付费投放'],
    ['type event', 'type 活动'],
    ['binding mandatory', 'binding 强制']
] as const;
const CLEAN_ZH = CHINESE.reduce((text, [from, to]) => edit(text, from, to), CLEAN);

describe('Chinese aliases of enumerated values', () => {
    test('a playbook written with the aliases checks exactly like the English one', async () => {
        expect(await diagnose(CLEAN)).toEqual([]);
        expect(await diagnose(CLEAN_ZH)).toEqual([]);
        // The figures behind the rules see the English values: a broken budget or a mandatory campaign
        // without owner is reported the same way.
        const broken = (text: string) => edit(text, 'budget 100k CNY', 'budget 80k CNY');
        expect(await diagnose(broken(CLEAN_ZH))).toEqual(await diagnose(broken(CLEAN)));
        expect(await diagnose(broken(CLEAN_ZH))).toHaveLength(1);
    });

    test('stage-focus reads 成长期 as growth and 召回 as reactivation', async () => {
        const zh = await diagnose(edit(CLEAN_ZH, 'focus 拉新', 'focus 召回'));
        const en = await diagnose(edit(CLEAN, 'focus acquisition', 'focus reactivation'));
        // Same rule and message; the range is the word as written (召回 is two characters).
        expect(zh).toEqual([en[0]?.replace('10:23-10:35', '10:23-10:25')]);
        expect(zh).toEqual([
            expect.stringMatching(/^stage-focus 10:23-10:25 focus reactivation does not suit a product in the growth stage/)
        ]);
    });

    test('unknown-value: English message unchanged, Chinese message lists each value with its alias', async () => {
        expect(await diagnose(edit(CLEAN, 'stage growth', 'stage 成长'))).toEqual([
            "unknown-value 3:9-3:11 unknown stage '成长': did you mean '成长期'? expected development, seed, growth, mature or decline"
        ]);
        const dir = tempFolder({ 'opsbook.json': '{ "locale": "zh-CN" }', 'plan.ops': edit(CLEAN, 'binding mandatory', 'binding 必须') });
        expect((await loadFolder(dir)).of('plan.ops')).toEqual([
            'unknown-value 61:11-61:13 未知的执行要求（binding）「必须」：可选值为 强制（mandatory）或建议（advisory）'
        ]);
    });

    test('an unknown metric kind is still unit-mismatch, with the aliases accepted', async () => {
        expect((await diagnose('metric m 钱\n')).filter(line => !line.startsWith('no-review'))).toEqual([
            "unit-mismatch 1:10-1:11 unknown metric kind '钱' for m: expected count, money, percent or number"
        ]);
    });

    test('the formatter keeps the word the author wrote', async () => {
        const result = await formatText(
            services.Opsbook,
            'playbook P {\n    stage   成长期\n}\nstrategy S { focus  growth }\n',
            'memory:/a.ops'
        );
        expect(result).toEqual({ ok: true, changed: true, text: 'playbook P { stage 成长期 }\nstrategy S { focus growth }\n' });
    });
});

describe('hover explains an alias by its value and a value by its alias', () => {
    async function hoverText(locale: string | undefined, text: string, needle: string): Promise<string | undefined> {
        const ws = await loadWorkspace([['a.ops', text]], locale);
        const document: LangiumDocument = ws.doc('a.ops');
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: textDocument(document),
            position: positionOf(document, needle, 1)
        });
        // The first section: a rule explanation may follow when the line has a diagnostic.
        return (hover?.contents as { value?: string } | undefined)?.value?.split('\n\n---\n\n')[0];
    }

    test('in English and in Chinese', async () => {
        expect(await hoverText(undefined, 'playbook P { stage 成长期 }\n', '成长期')).toBe(
            '**stage** `成长期` — the Chinese alias of `growth`: both mean the same'
        );
        expect(await hoverText(undefined, 'playbook P { stage growth }\n', 'growth')).toBe(
            '**stage** `growth` — its Chinese alias `成长期` means the same'
        );
        expect(await hoverText('zh-CN', 'campaign C { binding 强制 }\n', '强制')).toBe('**binding** `强制`，即 `mandatory`，两者含义相同');
        expect(await hoverText('zh-CN', 'channel C { kind paid }\n', 'paid')).toBe('**kind** `paid`，中文写作 `付费投放`，两者含义相同');
        expect(await hoverText(undefined, 'metric m 百分比\n', '百分比')).toBe(
            '**kind** `百分比` — the Chinese alias of `percent`: both mean the same'
        );
        expect(await hoverText(undefined, 'review R { every week }\n', 'week')).toBeUndefined();
    });

    test("an element's hover in zh-CN names its values in Chinese, whichever the author wrote; in English in English", async () => {
        const text = 'playbook P { stage growth }\nstrategy S { focus 拉新 }\nmetric m money\nchannel C { kind paid }\n';
        expect(await hoverText('zh-CN', text, 'playbook P')).toMatch(/^\*\*运营手册\*\* `P`\n\n成长期 · CNY/);
        expect(await hoverText('zh-CN', text, 'strategy S')).toContain('重点：拉新');
        expect(await hoverText(undefined, text, 'strategy S')).toContain('focus acquisition');
        expect(await hoverText('zh-CN', text, 'metric m')).toContain('类型：金额');
        expect(await hoverText('zh-CN', text, 'channel C')).toContain('付费投放');
        expect(await hoverText(undefined, text, 'channel C')).toContain('paid');
    });
});

describe('documents', () => {
    test('the zh-CN plan prints the Chinese word whichever the author wrote; the English plan the English word', async () => {
        const dir = tempFolder({ 'plan.ops': CLEAN_ZH });
        const file = path.join(dir, 'plan.ops');
        const zh = await runInProcess(['plan', file, '--locale', 'zh-CN']);
        const en = await runInProcess(['plan', file, '--locale', 'en']);
        expect(zh.code).toBe(0);
        expect(zh.stdout).toContain('| 阶段 | 成长期 |');
        expect(en.stdout).toContain('| Stage | growth |');
        fs.writeFileSync(file, CLEAN);
        expect((await runInProcess(['plan', file, '--locale', 'zh-CN'])).stdout).toBe(zh.stdout);
    });
});
