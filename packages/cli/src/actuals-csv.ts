import { CsvError, parse } from 'csv-parse/sync';
import { type ActualRow, type PlaybookAnalysis, SPEND_METRIC, values } from 'opsbook-language';
import { CliError } from './cli-error.js';
import { readOpsFile } from './workspace-loader.js';

const COLUMNS = ['date', 'metric', 'channel', 'value'] as const;
type Column = (typeof COLUMNS)[number];

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * Reads `--actuals FILE.csv` (SPEC §6): a header naming the columns date, metric, channel and value
 * (any order, any case), then one row per figure. Every row is checked against the playbook: the
 * date is a calendar date, the metric is one of the playbook's (or `spend`), the channel is empty or
 * names a channel or campaign, the value is a plain decimal (percent metrics may end in `%`). The
 * first bad row stops everything with one line naming file:line (exit 2): nothing is written.
 */
export function readActuals(file: string, analysis: PlaybookAnalysis): ActualRow[] {
    const text = readOpsFile(file, file);
    let records: { record: string[]; info: { lines: number } }[];
    try {
        records = parse(text, { bom: true, skip_empty_lines: true, trim: true, info: true, relax_quotes: false }) as unknown as typeof records;
    } catch (error) {
        if (error instanceof CsvError) {
            const line = typeof error.lines === 'number' ? error.lines : 1;
            throw new CliError(`${file}:${line}: ${csvProblem(error)}`);
        }
        throw error;
    }
    const header = records.shift();
    if (!header) throw new CliError(`${file}:1: empty file: expected a header line date,metric,channel,value`);
    const index = headerIndex(file, header.record, header.info.lines);
    const channels = new Set([...analysis.channels.map(c => c.name), ...analysis.campaigns.map(c => c.name)]);
    const rows: ActualRow[] = [];
    for (const { record, info } of records) {
        const at = `${file}:${info.lines}`;
        const get = (column: Column) => record[index[column]] ?? '';
        const date = values.parseDate(get('date'));
        if (!date.ok) throw new CliError(`${at}: ${date.message}`);
        const metric = get('metric');
        const metricInfo = analysis.metrics.get(metric);
        if (metric !== SPEND_METRIC && !metricInfo) {
            const known = [...analysis.metrics.keys(), SPEND_METRIC].join(', ');
            throw new CliError(`${at}: unknown metric '${metric}': expected one of ${known}`);
        }
        const channel = get('channel');
        if (channel !== '' && !channels.has(channel)) {
            const known = [...channels].join(', ');
            throw new CliError(`${at}: unknown channel '${channel}': leave it empty or write one of ${known || '(no channels or campaigns)'}`);
        }
        let valueText = get('value');
        if (metricInfo?.kind === 'percent' && valueText.endsWith('%')) valueText = valueText.slice(0, -1);
        if (!NUMBER.test(valueText)) {
            throw new CliError(`${at}: value '${get('value')}' is not a number: write a plain decimal such as 1234.5 (no thousands separators)`);
        }
        const row: ActualRow = { date: date.date, metric, value: values.Decimal.of(valueText), line: info.lines };
        if (channel !== '') row.channel = channel;
        rows.push(row);
    }
    return rows;
}

function headerIndex(file: string, header: string[], line: number): Record<Column, number> {
    const names = header.map(h => h.toLowerCase());
    const index = {} as Record<Column, number>;
    for (const column of COLUMNS) {
        const i = names.indexOf(column);
        if (i < 0) throw new CliError(`${file}:${line}: the header has no '${column}' column: expected date,metric,channel,value`);
        index[column] = i;
    }
    const extra = names.find(n => !(COLUMNS as readonly string[]).includes(n));
    if (extra !== undefined) throw new CliError(`${file}:${line}: unexpected column '${extra}' in the header: expected date,metric,channel,value`);
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
