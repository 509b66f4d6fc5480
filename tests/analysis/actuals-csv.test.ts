// The actuals CSV parser (SPEC §6): every bad value is an error at its line and column (a 350-digit
// value was an internal error, `Decimal.of: Infinity`, in the review's ratios), quoted thousands
// separators as spreadsheets export them are read, and a row repeating the date, metric and channel of
// an earlier one is a warning naming both lines. The CLI side is in the last describe block.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ActualsCsvError, parseActualsCsv, readActualsCsv } from '../../packages/language/src/analysis/actuals-csv.js';
import type { PlaybookAnalysis } from '../../packages/language/src/analysis/model.js';
import { render } from '../../packages/language/src/i18n/catalogue.js';
import { CustomRequestHandlers } from '../../packages/language/src/lsp/server/custom-request-handlers.js';
import { runCli } from '../cli/cli-helpers.js';
import { checkText } from '../fuzz/support/in-process.js';
import { loadWorkspace } from '../lsp/lsp-helpers.js';
import { tempWorkspace } from '../reliability/support/temp-workspace.js';

const PLAYBOOK = `playbook P { period 2027-Q1 }
metric s count
metric rate percent
person p
goal G { target 10 s by 2027-03-31 owner p }
channel C { kind paid owner p budget 1k CNY delivers 10 s to G }
review R { every week owner p covers G }
`;

let analysis: PlaybookAnalysis;
beforeAll(async () => {
    analysis = (await checkText(PLAYBOOK)).analysis;
});

const HEADER = 'date,metric,channel,value\n';
const HUGE = `9${'0'.repeat(349)}`;

function failure(text: string): { line: number; column: number; problem: string } {
    try {
        parseActualsCsv(text, analysis);
    } catch (error) {
        if (error instanceof ActualsCsvError) return { line: error.line, column: error.column, problem: error.problem };
        throw error;
    }
    throw new Error('no error');
}

describe('values out of range are an error at their line and column', () => {
    test.each([
        ['a 350-digit value', HUGE],
        ['a 350-digit negative value', `-${HUGE}`],
        ['a 350-digit value with decimals', `${HUGE}.5`],
        ['10^15', '1000000000000000'],
        ['a quoted grouped one', '"1,000,000,000,000,000"']
    ])('%s', (_, value) => {
        const result = failure(`${HEADER}2027-01-05,s,C,1\n2027-01-06,s,C,${value}\n`);
        expect(result).toMatchObject({ line: 3, column: 16 });
        expect(result.problem).toMatch(/^value '.+ is too large: figures must be below 1,000,000,000,000,000$/);
        expect(result.problem.length).toBeLessThan(120);
    });

    test('just below the limit is read', () => {
        expect(parseActualsCsv(`${HEADER}2027-01-05,s,C,999999999999999.99\n`, analysis)[0]?.value.toString()).toBe('999999999999999.99');
    });
});

describe('thousands separators in a quoted value', () => {
    test.each([
        ['"1,850"', '1850'],
        ['"1,850.50"', '1850.5'],
        ['"-12,345,678.9"', '-12345678.9'],
        [' "1,850" ', '1850']
    ])('%s is %s', (value, expected) => {
        expect(parseActualsCsv(`${HEADER}2027-01-05,s,C,${value}\n`, analysis).map(r => r.value.toString())).toEqual([expected]);
    });

    test('a percent metric may group too: "1,200.5%"', () => {
        expect(parseActualsCsv(`${HEADER}2027-01-05,rate,,"1,200.5%"\n`, analysis)[0]?.value.toString()).toBe('1200.5');
    });

    test.each(['"1,85"', '"1,8500"', '",850"', '"1.850,50"', '"1 850"', '"1,,850"'])('%s is not a number, at its column', value => {
        const result = failure(`${HEADER}2027-01-05,s,C,${value}\n`);
        expect(result).toMatchObject({ line: 2, column: 16 });
        expect(result.problem).toContain('is not a number');
    });

    test('unquoted, the comma separates fields: the row has too many', () => {
        expect(failure(`${HEADER}2027-01-05,s,C,1,850\n`).problem).toMatch(/^this row has 5 fields/);
    });
});

describe('errors name the column of the field at fault', () => {
    test.each([
        ['2027-02-30,s,C,1', 1, 'is not on the calendar'],
        ['2027-02-01,t,C,1', 12, "unknown metric 't'"],
        ['2027-02-01,s,D,1', 14, "unknown channel 'D'"],
        ['2027-02-01,s,C,x', 16, "value 'x' is not a number"],
        ['  2027-02-01 , s ,  C ,  x', 26, "value 'x' is not a number"],
        ['2027-02-01,s,"C",  "x"', 20, "value 'x' is not a number"]
    ])('%s: column %d', (row, column, problem) => {
        const result = failure(`${HEADER}${row}\n`);
        expect(result).toMatchObject({ line: 2, column });
        expect(result.problem).toContain(problem);
    });

    test('CRLF, a BOM, empty lines and a quoted field over two lines keep lines and columns right', () => {
        const text = `\ufeffdate,metric,channel,value\r\n\r\n2027-01-05,s,"C",1\r\n2027-01-06,"s\r\n",C,1\r\n2027-01-07,s,C,bad\r\n`;
        // The quoted metric "s\r\n" is unknown: reported where the field starts.
        expect(failure(text)).toMatchObject({ line: 4, column: 12 });
        expect(failure(text.replace('"s\r\n"', 's'))).toMatchObject({ line: 5, column: 16 });
    });

    test('an unexpected header column is named at its column', () => {
        expect(failure('date,metric,channel,value,note\n')).toMatchObject({
            line: 1,
            column: 27,
            problem: expect.stringContaining("unexpected column 'note'")
        });
    });
});

describe('duplicate rows are a warning naming both lines', () => {
    test('same date, metric and channel; a missing channel is a channel too', () => {
        const text = `${HEADER}2027-01-05,s,C,1\n2027-01-05,s,,2\n2027-01-06,s,C,3\n2027-01-05,s,C,4\n2027-01-05,s,,5\n2027-01-05,rate,,6\n2027-01-05,rate,,7\n`;
        const { rows, warnings } = readActualsCsv(text, analysis);
        expect(rows).toHaveLength(7);
        expect(warnings.map(w => [w.line, w.column, render('en', w.message)])).toEqual([
            [
                5,
                1,
                'the same date, metric and channel as line 2 (2027-01-05, s, C): both values are added up; delete one if the row was exported twice'
            ],
            [
                6,
                1,
                'the same date, metric and channel as line 3 (2027-01-05, s, no channel): both values are added up; delete one if the row was exported twice'
            ],
            [
                8,
                1,
                'the same date, metric and channel as line 7 (2027-01-05, rate, no channel): the later line is used; delete one if the row was exported twice'
            ]
        ]);
        expect(render('zh-CN', warnings[0]?.message as never)).toBe(
            '与第 2 行的日期、指标和渠道相同（2027-01-05，s，C）：两行的数值会相加；如果是重复导出的，请删除其中一行'
        );
    });

    test('the same date written differently is the same date; other dates, metrics or channels are not duplicates', () => {
        const text = `${HEADER}2027-01-05,s,C,1\n 2027-01-05 ,s,C,1\n2027-01-06,s,C,1\n2027-01-05,rate,C,1\n2027-01-05,s,,1\n`;
        expect(readActualsCsv(text, analysis).warnings.map(w => w.line)).toEqual([3]);
    });
});

describe('opsbook review --actuals', () => {
    test('a 350-digit value: one opsbook: line with file:line:column, exit 2, no internal error', async () => {
        const dir = tempWorkspace({ 'p.ops': PLAYBOOK, 'a.csv': `${HEADER}2027-01-05,s,C,1\n2027-01-06,s,C,${HUGE}\n` });
        const result = await runCli(['review', 'p.ops', '--on', '2027-02-01', '--actuals', 'a.csv'], { cwd: dir });
        expect(result.code).toBe(2);
        expect(result.stderr).toBe(
            `opsbook: a.csv:3:16: value '${HUGE.slice(0, 20)}…' (350 characters) is too large: figures must be below 1,000,000,000,000,000\n`
        );
    });

    test('"1,850" is read; duplicates are warnings on stderr (file:line:col warning …) and the review is written', async () => {
        const dir = tempWorkspace({ 'p.ops': PLAYBOOK, 'a.csv': `${HEADER}2027-01-05,s,C,"1,850"\n2027-01-05,s,C,"1,850.50"\n` });
        const result = await runCli(['review', 'p.ops', '--on', '2027-02-01', '--actuals', 'a.csv', '-o', 'r.md'], { cwd: dir });
        expect(result.code).toBe(0);
        expect(result.stderr.split('\n')[0]).toBe(
            'a.csv:3:1 warning the same date, metric and channel as line 2 (2027-01-05, s, C): both values are added up; delete one if the row was exported twice'
        );
        expect(fs.readFileSync(path.join(dir, 'r.md'), 'utf8')).toContain('3,700.5');
        const zh = await runCli(
            ['review', 'p.ops', '--on', '2027-02-01', '--actuals', 'a.csv', '--locale', 'zh-CN', '-o', 'r.md', '--force'],
            { cwd: dir }
        );
        expect(zh.stderr).toContain('a.csv:3:1 warning 与第 2 行的日期、指标和渠道相同');
    });
});

describe('the language server: opsbook/renderReview with actualsCsv', () => {
    test('duplicates come back as warnings in the requested locale; without any, the result is { markdown } alone', async () => {
        const ws = await loadWorkspace(['examples/growth/growth.ops', 'examples/growth/team.ops']);
        const shared = ws.services.shared;
        await shared.workspace.WorkspaceManager.initialize({ capabilities: {}, processId: null, rootUri: null, workspaceFolders: [] });
        await shared.workspace.WorkspaceManager.initialized({});
        const handlers = new CustomRequestHandlers(shared, ws.services, () => ({ year: 2027, month: 2, day: 14 }));
        const uri = ws.doc('examples/growth/growth.ops').uri.toString();
        const csv = `${HEADER}2027-01-10,signups,SEO,"1,850"\n2027-01-11,signups,SEO,420\n2027-01-10,signups,SEO,420\n`;
        const result = await handlers.renderReview({ uri, on: '2027-02-07', actualsCsv: csv });
        expect(result.warnings).toEqual([
            'actualsCsv line 4, column 1: the same date, metric and channel as line 2 (2027-01-10, signups, SEO): both values are added up; delete one if the row was exported twice'
        ]);
        expect(result.markdown).toContain('2,690');
        const zh = await handlers.renderReview({ uri, on: '2027-02-07', actualsCsv: csv, locale: 'zh-CN' });
        expect(zh.warnings).toEqual([
            'actualsCsv line 4, column 1: 与第 2 行的日期、指标和渠道相同（2027-01-10，signups，SEO）：两行的数值会相加；如果是重复导出的，请删除其中一行'
        ]);
        const clean = await handlers.renderReview({ uri, on: '2027-02-07', actualsCsv: `${HEADER}2027-01-10,signups,SEO,420\n` });
        expect(Object.keys(clean)).toEqual(['markdown']);
    });
});
