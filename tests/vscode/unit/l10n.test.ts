// The extension's own words in Chinese (issue 16): the manifest through package.nls.*.json, the rest
// through vscode.l10n with l10n/bundle.l10n.zh-cn.json. Every text is translated, every translation used.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { periodLabel } from '../../../packages/extension/src/review/period-labels.js';
import { presentStatus } from '../../../packages/extension/src/status/status-text.js';
import type { Translate } from '../../../packages/extension/src/util/translate.js';

const EXTENSION = join(import.meta.dirname, '../../../packages/extension');
const read = (file: string) => readFileSync(join(EXTENSION, file), 'utf8');
const json = (file: string) => JSON.parse(read(file)) as Record<string, unknown>;
const BUNDLE = json('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
const CJK = /[\u4e00-\u9fff]/;

function sources(dir: string): string[] {
    return readdirSync(join(EXTENSION, dir), { withFileTypes: true }).flatMap(entry =>
        entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []
    );
}

/** Every literal given to `t(…)` or `vscode.l10n.t(…)` in the extension's sources. */
function translatedTexts(): string[] {
    const found = new Set<string>();
    for (const file of sources('src')) {
        for (const match of read(file).matchAll(/\bt\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g)) {
            found.add((match[1] as string).slice(1, -1).replace(/\\(['"])/g, '$1'));
        }
    }
    return [...found];
}

const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map(m => m[0]).sort();

/** `vscode.l10n.t` with the Chinese bundle, as VS Code applies it. */
const chinese: Translate = (message, ...args) =>
    (BUNDLE[message] ?? message).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

describe('vscode.l10n bundle (zh-cn)', () => {
    test('every text of the sources has its Chinese, with the same placeholders, and every entry is used', () => {
        const texts = translatedTexts();
        expect(texts.length).toBeGreaterThan(60);
        expect(texts.filter(text => !(text in BUNDLE))).toEqual([]);
        expect(Object.keys(BUNDLE).filter(key => !texts.includes(key))).toEqual([]);
        for (const [english, translated] of Object.entries(BUNDLE)) {
            expect(placeholders(translated), english).toEqual(placeholders(english));
            if (/[a-z]{3}/i.test(english.replace(/\{\d+\}|Opsbook|YYYY-MM-DD|playbook|JSON/g, '')))
                expect(translated, english).toMatch(CJK);
        }
    });

    test('status bar and review periods in Chinese', () => {
        expect(presentStatus({ errors: 2, warnings: 1, coverage: 0.6 }, chinese)).toEqual({
            text: 'Opsbook $(error) 2 $(warning) 1 $(pie-chart) 覆盖率 60%',
            accessibilityLabel: 'Opsbook：2 个错误，1 个警告，最低目标覆盖率 60%',
            tooltip:
                'Opsbook：本文件中有 2 个错误，1 个警告。\n最低目标覆盖率：60%（在目标可累加的目标中，覆盖最少的那个的计划量 ÷ 目标值；其他目标的覆盖率都不低于此）。\n点击打开“问题”面板。'
        });
        expect(periodLabel({ period: '2027-W05', unit: 'week', relation: 'next', start: '2027-02-01', end: '2027-02-07' }, chinese)).toBe(
            '下周'
        );
        expect(periodLabel({ period: '2027-02', unit: 'month', start: '2027-02-01', end: '2027-02-28' }, chinese)).toBe('月度 2027-02');
    });
});

describe('package.nls (the manifest)', () => {
    test('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json, and nothing else', () => {
        const keys = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map(m => m[1] as string).sort();
        expect(keys.length).toBeGreaterThanOrEqual(12);
        expect(Object.keys(json('package.nls.json')).sort()).toEqual(keys);
        expect(Object.keys(json('package.nls.zh-cn.json')).sort()).toEqual(keys);
        for (const value of Object.values(json('package.nls.zh-cn.json'))) expect(value).toMatch(CJK);
        expect(json('package.json').l10n).toBe('./l10n');
    });

    test('command titles in Chinese', () => {
        expect(json('package.nls.zh-cn.json')).toMatchObject({
            'command.previewPlan.title': '打开执行计划预览',
            'command.generateReview.title': '生成复盘模板'
        });
    });
});

describe('library files (no playbook)', () => {
    test('review and export are not offered for them: the menus and the palette test the context keys', () => {
        const menus = (json('package.json').contributes as { menus: Record<string, { command: string; when: string }[]> }).menus;
        const whens = Object.entries(menus).flatMap(([menu, items]) =>
            items
                .filter(i => i.command === 'opsbook.generateReview' || i.command === 'opsbook.exportJson')
                .map(i => `${menu} ${i.command}: ${i.when}`)
        );
        expect(whens).toEqual([
            'editor/context opsbook.generateReview: editorLangId == opsbook && !opsbook.activeIsLibrary && !isWeb',
            'editor/context opsbook.exportJson: editorLangId == opsbook && !opsbook.activeIsLibrary && !isWeb',
            'explorer/context opsbook.generateReview: resourceExtname == .ops && resourcePath not in opsbook.libraryPaths && !isWeb',
            'commandPalette opsbook.generateReview: editorLangId == opsbook && !opsbook.activeIsLibrary && !isWeb',
            'commandPalette opsbook.exportJson: editorLangId == opsbook && !opsbook.activeIsLibrary && !isWeb'
        ]);
    });

    test('the status bar says a file is a library and which playbooks import it', () => {
        const shown = presentStatus({
            errors: 0,
            warnings: 0,
            library: true,
            importedBy: [{ uri: 'file:///w/growth.ops', name: 'growth.ops' }]
        });
        expect(shown.text).toBe('Opsbook $(error) 0 $(warning) 0 $(library)');
        expect(shown.tooltip).toBe(
            'Opsbook: 0 errors, 0 warnings in this file.\nA library (no playbook), imported by growth.ops.\nClick to open the Problems view.'
        );
        expect(presentStatus({ errors: 0, warnings: 0, library: true, importedBy: [] }, chinese).accessibilityLabel).toBe(
            'Opsbook：0 个错误，0 个警告；共享文件（没有 playbook），还没有运营手册导入它'
        );
    });
});
