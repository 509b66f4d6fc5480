// The text of an actuals CSV (SPEC §6) as checked rows for the review analysis. One parser for every
// caller: the CLI reads `--actuals FILE.csv` and passes its text; the language server passes
// `opsbook/renderReview`'s `actualsCsv`. Each names the source its own way (file:line, "actualsCsv line").

import { CsvError, parse } from 'csv-parse/sync';
import { parseDate } from '../values/date.js';
import { Decimal } from '../values/decimal.js';
import type { PlaybookAnalysis } from './model.js';
import { type ActualRow, SPEND_METRIC } from './review-analysis.js';

const COLUMNS = ['date', 'metric', 'channel', 'value'] as const;
type Column = (typeof COLUMNS)[number];

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** The first problem of an actuals CSV: its 1-based line and what is wrong, without the source name. */
export class ActualsCsvError extends Error {
    constructor(
        readonly line: number,
        readonly problem: string
    ) {
        super(`line ${line}: ${problem}`);
        this.name = 'ActualsCsvError';
    }
}

/**
 * A header naming the columns date, metric, channel and value (any order, any case), then one row per
 * figure. Every row is checked against the playbook: the date is a calendar date, the metric is one of
 * the playbook's (or `spend`), the channel is empty or names a channel or campaign, the value is a plain
 * decimal (percent metrics may end in `%`). The first bad row throws an ActualsCsvError naming its line.
 */
export function parseActualsCsv(text: string, analysis: PlaybookAnalysis): ActualRow[] {
    let records: { record: string[]; info: { lines: number } }[];
    try {
        records = parse(text, { bom: true, skip_empty_lines: true, trim: true, info: true, relax_quotes: false }) as unknown as typeof records;
    } catch (error) {
        if (error instanceof CsvError) throw new ActualsCsvError(typeof error.lines === 'number' ? error.lines : 1, csvProblem(error));
        throw error;
    }
    const header = records.shift();
    if (!header) throw new ActualsCsvError(1, 'empty file: expected a header line date,metric,channel,value');
    const index = headerIndex(header.record, header.info.lines);
    const channels = new Set([...analysis.channels.map(c => c.name), ...analysis.campaigns.map(c => c.name)]);
    const rows: ActualRow[] = [];
    for (const { record, info } of records) {
        // Typed explicitly so that TypeScript narrows after a call to it.
        const fail: (problem: string) => never = problem => {
            throw new ActualsCsvError(info.lines, problem);
        };
        const get = (column: Column) => record[index[column]] ?? '';
        const date = parseDate(get('date'));
        if (!date.ok) fail(date.message);
        const metric = get('metric');
        const metricInfo = analysis.metrics.get(metric);
        if (metric !== SPEND_METRIC && !metricInfo) {
            fail(`unknown metric '${metric}': expected one of ${[...analysis.metrics.keys(), SPEND_METRIC].join(', ')}`);
        }
        const channel = get('channel');
        if (channel !== '' && !channels.has(channel)) {
            fail(`unknown channel '${channel}': leave it empty or write one of ${[...channels].join(', ') || '(no channels or campaigns)'}`);
        }
        let valueText = get('value');
        if (metricInfo?.kind === 'percent' && valueText.endsWith('%')) valueText = valueText.slice(0, -1);
        if (!NUMBER.test(valueText)) {
            fail(`value '${get('value')}' is not a number: write a plain decimal such as 1234.5 (no thousands separators)`);
        }
        const row: ActualRow = { date: date.date, metric, value: Decimal.of(valueText), line: info.lines };
        if (channel !== '') row.channel = channel;
        rows.push(row);
    }
    return rows;
}

function headerIndex(header: string[], line: number): Record<Column, number> {
    const names = header.map(h => h.toLowerCase());
    const index = {} as Record<Column, number>;
    for (const column of COLUMNS) {
        const i = names.indexOf(column);
        if (i < 0) throw new ActualsCsvError(line, `the header has no '${column}' column: expected date,metric,channel,value`);
        index[column] = i;
    }
    const extra = names.find(n => !(COLUMNS as readonly string[]).includes(n));
    if (extra !== undefined) throw new ActualsCsvError(line, `unexpected column '${extra}' in the header: expected date,metric,channel,value`);
    return index;
}

function csvProblem(error: CsvError): string {
    switch (error.code) {
        case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
            const got = Array.isArray(error.record) ? `${error.record.length} fields` : 'a different number of fields';
            return `this row has ${got}; every row needs one per header column (date,metric,channel,value)`;
        }
        case 'CSV_QUOTE_NOT_CLOSED':
            return 'a quoted field is never closed';
        case 'CSV_INVALID_CLOSING_QUOTE':
        case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
        case 'INVALID_OPENING_QUOTE':
            return 'a quote in the middle of a field: quote the whole field and double the quotes inside ("")';
        default:
            return `not valid CSV (${error.message})`;
    }
}
