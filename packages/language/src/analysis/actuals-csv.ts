// The text of an actuals CSV (SPEC §6) as checked rows for the review analysis. One parser for every
// caller: the CLI reads `--actuals FILE.csv` and passes its text; the language server passes
// `opsbook/renderReview`'s `actualsCsv`. Each names the source its own way (file:line, "actualsCsv line").

import { CsvError, parse } from 'csv-parse/sync';
import { type ActualsProblem, type Message, message, render } from '../i18n/catalogue.js';
import { formatDate, parseDate } from '../values/date.js';
import { Decimal } from '../values/decimal.js';
import { MAX_LITERAL } from '../values/number-literal.js';
import type { PlaybookAnalysis } from './model.js';
import { type ActualRow, SPEND_METRIC } from './review-analysis.js';

const COLUMNS = ['date', 'metric', 'channel', 'value'] as const;
/** SPEC §8: which playbook a row's channel belongs to, when several playbooks of the workspace have one of that name. */
const PLAYBOOK_COLUMN = 'playbook';
type Column = (typeof COLUMNS)[number] | typeof PLAYBOOK_COLUMN;

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
// Spreadsheets export thousands separators ("1,850", "1,850.50"): in a quoted field they are read.
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * The first problem of an actuals CSV: its 1-based line and column (of the field at fault; 1 when the
 * problem is the row or the file) and what is wrong, without the source name.
 */
export class ActualsCsvError extends Error {
    /** What is wrong, in English; `detail` renders in any locale (`renderMessage(locale, error.detail)`). */
    readonly problem: string;
    readonly detail: Message;

    constructor(
        readonly line: number,
        problem: ActualsProblem,
        readonly column = 1
    ) {
        const detail = message('actualsProblem', problem);
        const english = render('en', detail);
        super(`line ${line}, column ${column}: ${english}`);
        this.problem = english;
        this.detail = detail;
        this.name = 'ActualsCsvError';
    }
}

/** Something to tell about an actuals CSV that does not stop the review: a row repeated. */
export interface ActualsCsvWarning {
    line: number;
    column: number;
    message: Message;
}

export interface ActualsCsv {
    rows: ActualRow[];
    warnings: ActualsCsvWarning[];
}

/**
 * A header naming the columns date, metric, channel and value (any order, any case), then one row per
 * figure. Every row is checked against the playbook: the date is a calendar date, the metric is one of
 * the playbook's (or `spend`), the channel is empty or names a channel or campaign, the value is a
 * decimal below 10^15 like any number in a playbook (percent metrics may end in `%`; a quoted value may
 * group thousands with commas, "1,850.50"). The first bad row throws an ActualsCsvError naming its line
 * and the column of the bad field.
 */
export function parseActualsCsv(text: string, analysis: PlaybookAnalysis): ActualRow[] {
    return readActualsCsv(text, analysis).rows;
}

/**
 * As parseActualsCsv, with the warnings: a row with the date, metric and channel of an earlier row.
 * `skipForeign`: a row whose metric or channel this playbook does not know belongs to another playbook
 * of the organisation (`opsbook next DIR` reads one CSV for all) and is skipped, not refused.
 */
export function readActualsCsv(text: string, analysis: PlaybookAnalysis, options: { skipForeign?: boolean } = {}): ActualsCsv {
    // csv-parse checks the shape (and words what is wrong); the records with the line and column of
    // each field come from `scanCsv`, which reads the same dialect.
    try {
        parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_quotes: false });
    } catch (error) {
        if (error instanceof CsvError) throw new ActualsCsvError(typeof error.lines === 'number' ? error.lines : 1, csvProblem(error));
        throw error;
    }
    const records = scanCsv(text);
    const header = records.shift();
    if (!header) throw new ActualsCsvError(1, { kind: 'empty' });
    const index = headerIndex(header);
    const channels = channelCandidates(analysis);
    const rows: ActualRow[] = [];
    const warnings: ActualsCsvWarning[] = [];
    const seen = new Map<string, number>();
    for (const record of records) {
        const field = (column: Column): CsvField => {
            const at = index[column];
            return (at !== undefined ? record.fields[at] : undefined) ?? { text: '', line: record.line, column: 1 };
        };
        // Typed explicitly so that TypeScript narrows after a call to it.
        const fail: (column: Column, problem: ActualsProblem) => never = (column, problem) => {
            const at = field(column);
            throw new ActualsCsvError(at.line, problem, at.column);
        };
        const date = parseDate(field('date').text);
        if (!date.ok) fail('date', { kind: 'date', text: field('date').text, reason: date.message });
        const metric = field('metric').text;
        const metricInfo = analysis.metrics.get(metric);
        if (metric !== SPEND_METRIC && !metricInfo) {
            if (options.skipForeign) continue;
            fail('metric', { kind: 'unknown-metric', metric, expected: [...analysis.metrics.keys(), SPEND_METRIC] });
        }
        const channel = field('channel').text;
        const playbookName = index.playbook !== undefined ? field('playbook').text : '';
        let playbook: string | undefined;
        if (channel !== '') {
            let candidates = channels.get(channel) ?? [];
            if (candidates.length === 0) {
                if (options.skipForeign) continue;
                fail('channel', { kind: 'unknown-channel', channel, expected: [...channels.keys()] });
            }
            if (playbookName !== '') {
                candidates = candidates.filter(c => c.playbook === playbookName);
                if (candidates.length === 0) {
                    fail('playbook', {
                        kind: 'channel-elsewhere',
                        channel,
                        playbook: playbookName,
                        where: (channels.get(channel) ?? []).map(c => c.playbook ?? c.file)
                    });
                }
            }
            if (candidates.length > 1) {
                fail('channel', { kind: 'channel-ambiguous', channel, playbooks: candidates.map(c => `${c.playbook ?? '?'} (${c.file})`) });
            }
            playbook = candidates[0]?.own ? undefined : candidates[0]?.playbook;
        } else if (
            playbookName !== '' &&
            playbookName !== analysis.name &&
            !analysis.workspaceChannels.some(c => c.playbook === playbookName)
        ) {
            fail('playbook', {
                kind: 'unknown-playbook',
                playbook: playbookName,
                expected: [analysis.name, ...new Set(analysis.workspaceChannels.map(c => c.playbook))].filter(n => n !== undefined)
            });
        }
        const written = field('value').text;
        let valueText = metricInfo?.kind === 'percent' && written.endsWith('%') ? written.slice(0, -1) : written;
        if (GROUPED_NUMBER.test(valueText)) valueText = valueText.replace(/,/g, '');
        if (!NUMBER.test(valueText)) {
            fail('value', { kind: 'not-a-number', written });
        }
        const value = Decimal.of(valueText);
        // The review multiplies and divides actuals; a figure no playbook could state is a typo.
        if (value.abs().gte(MAX_LITERAL)) {
            const shown = written.length > 40 ? `'${written.slice(0, 20)}…' (${written.length} characters)` : `'${written}'`;
            fail('value', { kind: 'too-large', shown });
        }
        const row: ActualRow = { date: date.date, metric, value, line: record.line };
        if (channel !== '') row.channel = channel;
        if (playbook !== undefined) row.playbook = playbook;
        rows.push(row);
        const key = `${formatDate(date.date)}\u0000${metric}\u0000${channel}\u0000${playbook ?? ''}`;
        const first = seen.get(key);
        if (first === undefined) {
            seen.set(key, record.line);
        } else {
            const at = field('date');
            warnings.push({
                line: at.line,
                column: at.column,
                message: message('actualsDuplicateRow', {
                    line: first,
                    date: formatDate(date.date),
                    metric,
                    channel,
                    level: metricInfo?.kind === 'percent' || metricInfo?.kind === 'number'
                })
            });
        }
    }
    return { rows, warnings };
}

interface CsvField {
    text: string;
    /** 1-based line and column (UTF-16 code units, as in the editor) where the field starts. */
    line: number;
    column: number;
}

interface CsvRecord {
    line: number;
    fields: CsvField[];
}

/**
 * The records of CSV text that csv-parse accepted with the options above (RFC 4180 quotes, fields
 * trimmed, empty lines skipped, a BOM ignored), each field with the line and column where it starts.
 * Any of CR LF, LF and CR ends a line.
 */
function scanCsv(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    const length = text.length;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let line = 1;
    let lineStart = i;
    const newline = (): void => {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        lineStart = i;
    };
    const skipBlanks = (): void => {
        while (i < length && (text[i] === ' ' || text[i] === '\t')) i++;
    };
    let fields: CsvField[] = [];
    let quotedRecord = false;
    while (i <= length) {
        skipBlanks();
        const start: CsvField = { text: '', line, column: i - lineStart + 1 };
        if (text[i] === '"') {
            quotedRecord = true;
            i++;
            while (i < length) {
                const char = text[i] as string;
                if (char === '"') {
                    if (text[i + 1] !== '"') {
                        i++;
                        break;
                    }
                    start.text += '"';
                    i += 2;
                } else if (char === '\r' || char === '\n') {
                    const from = i;
                    newline();
                    start.text += text.slice(from, i);
                } else {
                    start.text += char;
                    i++;
                }
            }
            skipBlanks();
        } else {
            const from = i;
            while (i < length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') i++;
            start.text = text.slice(from, i).trim();
        }
        fields.push(start);
        if (i < length && text[i] === ',') {
            i++;
            continue;
        }
        const empty = !quotedRecord && fields.length === 1 && start.text === '';
        if (!empty) records.push({ line: fields[0]?.line ?? line, fields });
        fields = [];
        quotedRecord = false;
        if (i >= length) break;
        newline();
    }
    return records;
}

/** A channel or campaign a row may name: this playbook's own, or one of another file that contributes to its goals. */
interface ChannelCandidate {
    own: boolean;
    playbook?: string;
    file: string;
}

function channelCandidates(analysis: PlaybookAnalysis): Map<string, ChannelCandidate[]> {
    const candidates = new Map<string, ChannelCandidate[]>();
    const add = (name: string, candidate: ChannelCandidate) => candidates.set(name, [...(candidates.get(name) ?? []), candidate]);
    const file = analysis.document.uri.path.split('/').pop() ?? '';
    const own: ChannelCandidate = analysis.name !== undefined ? { own: true, playbook: analysis.name, file } : { own: true, file };
    for (const owner of [...analysis.channels, ...analysis.campaigns]) add(owner.name, own);
    for (const other of analysis.workspaceChannels)
        add(
            other.name,
            other.playbook !== undefined ? { own: false, playbook: other.playbook, file: other.file } : { own: false, file: other.file }
        );
    return candidates;
}

function headerIndex(header: CsvRecord): Partial<Record<Column, number>> {
    const names = header.fields.map(h => h.text.toLowerCase());
    const index: Partial<Record<Column, number>> = {};
    for (const column of COLUMNS) {
        const i = names.indexOf(column);
        if (i < 0) throw new ActualsCsvError(header.line, { kind: 'no-column', column });
        index[column] = i;
    }
    const optional = names.indexOf(PLAYBOOK_COLUMN);
    if (optional >= 0) index.playbook = optional;
    const extra = names.findIndex(n => !(COLUMNS as readonly string[]).includes(n) && n !== PLAYBOOK_COLUMN);
    if (extra >= 0) {
        const at = header.fields[extra] as CsvField;
        throw new ActualsCsvError(at.line, { kind: 'extra-column', column: names[extra] ?? '' }, at.column);
    }
    return index;
}

function csvProblem(error: CsvError): ActualsProblem {
    switch (error.code) {
        case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
            return Array.isArray(error.record) ? { kind: 'field-count', fields: error.record.length } : { kind: 'field-count' };
        case 'CSV_QUOTE_NOT_CLOSED':
            return { kind: 'quote-not-closed' };
        case 'CSV_INVALID_CLOSING_QUOTE':
        case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
        case 'INVALID_OPENING_QUOTE':
            return { kind: 'quote-inside' };
        default:
            return { kind: 'not-csv', detail: error.message };
    }
}
