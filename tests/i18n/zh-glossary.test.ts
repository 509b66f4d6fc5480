// The Chinese terms are one glossary (docs/chinese.md, 术语表): the words its "不用" column rejects must
// not appear in the zh-CN text we write — the catalogue, the rules' Chinese messages, the Chinese starter
// and the extension's Chinese strings. User text (examples, goldens) is not ours to change and is not read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cliText } from '../../packages/language/src/index.js';
import { DOCUMENT_TEXT_ZH_CN } from '../../packages/language/src/i18n/zh-cn.js';
import { ROOT } from '../cli/cli-helpers.js';

/** The glossary's rows: [English, chosen Chinese, rejected variants]. */
function glossary(): [string, string, string[]][] {
    const text = fs.readFileSync(path.join(ROOT, 'docs', 'chinese.md'), 'utf8');
    const section = text.slice(text.indexOf('### 术语表'), text.indexOf('## English'));
    return section
        .split('\n')
        .filter(line => line.startsWith('| ') && !line.startsWith('| English') && !line.startsWith('| ---'))
        .map(line => {
            const [english = '', chosen = '', rejected = ''] = line.slice(2, -2).split(' | ');
            return [english, chosen, rejected === '—' ? [] : rejected.split('、')];
        });
}

/** Our Chinese text: the files that hold it, with what in each is Chinese we wrote. */
function chineseSources(): [string, string][] {
    const files = [
        'packages/language/src/i18n/zh-cn.ts',
        'packages/language/src/i18n/words.ts',
        ...fs
            .readdirSync(path.join(ROOT, 'packages/language/src/rules'))
            .filter(file => file.endsWith('.ts'))
            .map(file => `packages/language/src/rules/${file}`),
        ...fs.readdirSync(path.join(ROOT, 'packages/cli/templates/zh-CN')).map(file => `packages/cli/templates/zh-CN/${file}`),
        'packages/extension/package.nls.zh-cn.json',
        'packages/extension/l10n/bundle.l10n.zh-cn.json'
    ];
    return files.map(file => [file, fs.readFileSync(path.join(ROOT, file), 'utf8')]);
}

describe('zh-CN glossary', () => {
    const rows = glossary();

    test('the table is read: its terms, and the variants it rejects', () => {
        expect(rows.length).toBeGreaterThanOrEqual(15);
        const rejected = Object.fromEntries(rows.map(([english, , variants]) => [english, variants]));
        expect(rejected['directory, folder']).toEqual(['文件夹']);
        expect(rejected['period (of a playbook, of a review)']).toEqual(['期间']);
    });

    test('no rejected variant in the zh-CN catalogue, the rules, the starter or the extension', () => {
        const found: string[] = [];
        for (const [file, text] of chineseSources()) {
            text.split('\n').forEach((line, i) => {
                for (const [, chosen, variants] of rows) {
                    for (const variant of variants)
                        if (line.includes(variant)) found.push(`${file}:${i + 1}: '${variant}' (use ${chosen})`);
                }
            });
        }
        expect(found).toEqual([]);
    });

    test('the chosen terms are the ones the CLI and the documents use', () => {
        const cli = cliText('zh-CN');
        const doc = DOCUMENT_TEXT_ZH_CN;
        expect(cli.files.noSuchPath('a')).toBe('a：文件或目录不存在');
        expect(cli.noOpsFiles([])).toBe('当前目录中没有 .ops 文件');
        expect(cli.noOpsFiles(['a', 'b'])).toBe('a、b 中没有 .ops 文件');
        expect(doc.periodLabel).toBe('周期');
        expect(doc.targetToDateColumn).toBe('序时目标');
        expect(doc.costPerUnitColumn).toBe('预计单位成本');
        expect(doc.bindingColumn).toBe('执行要求（区域）');
    });
});
