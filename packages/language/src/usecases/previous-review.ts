// SPEC §9 "Decisions carried": `opsbook review … --previous REVIEW.md` reads the decisions of an earlier
// review — its "Decisions and owners" table and the follow-ups it carried itself, filled in by hand — and
// the new review lists the open ones under "Follow-ups from the last review". Pure: the caller reads the file.
//
// A decisions table is a Markdown table whose header starts with `#` and names the decision column in
// any locale of the documents (`| # | Decision | Owner | Due | Done |`, `| # | 决定 | 负责人 | 完成日期 | 已完成 |`).
// A row is a decision when its decision cell is not empty; it is done when its Done cell holds a mark
// (i18n/words.ts DONE_MARKS: x, ✓, yes, done, …) or its decision is struck through (`~~…~~`). Reviews written
// before the Done column existed have no Done cell: every decision is then open unless struck through.

import type { CarriedDecision, FollowUps } from '../generate/review-document.js';
import { type Message, message } from '../i18n/message.js';
import { DOCUMENT_TEXT_EN } from '../i18n/en.js';
import { DOCUMENT_TEXT_ZH_CN } from '../i18n/zh-cn.js';
import { DONE_MARKS } from '../i18n/words.js';
import { type CalendarDate, compareDates, parseDate } from '../values/date.js';

/** One decision of an earlier review, as written there. */
export interface PreviousDecision {
    decision: string;
    owner?: string;
    due?: string;
    done: boolean;
}

export type PreviousReviewParse = { ok: true; decisions: PreviousDecision[] } | { ok: false; message: Message };

const TEXTS = [DOCUMENT_TEXT_EN, DOCUMENT_TEXT_ZH_CN];
const DONE = new Set(DONE_MARKS);

/** The decisions of a review document (`file` as the refusal names it). */
export function readPreviousDecisions(text: string, file: string): PreviousReviewParse {
    const lines = text.split(/\r\n|\r|\n/);
    const decisions: PreviousDecision[] = [];
    let tables = 0;
    for (let i = 0; i + 1 < lines.length; i++) {
        const header = tableRow(lines[i] as string);
        if (!header || !isDelimiterRow(lines[i + 1] as string)) continue;
        const columns = columnsOf(header);
        if (!columns) continue;
        tables++;
        for (i += 2; i < lines.length; i++) {
            const row = tableRow(lines[i] as string);
            if (!row) break;
            const decision = decisionOf(row, columns);
            if (decision) decisions.push(decision);
        }
    }
    if (tables === 0) return { ok: false, message: message('previousReviewNoDecisions', { file }) };
    return { ok: true, decisions: unique(decisions) };
}

/** The open decisions of an earlier review for the new one; overdue when due before `asOf`. */
export function followUpsOf(decisions: readonly PreviousDecision[], source: string, asOf: CalendarDate): FollowUps {
    const open: CarriedDecision[] = decisions
        .filter(d => !d.done)
        .map(d => {
            const due = d.due !== undefined ? parseDate(d.due) : undefined;
            const carried: CarriedDecision = { decision: d.decision, overdue: due?.ok === true && compareDates(due.date, asOf) < 0 };
            if (d.owner !== undefined) carried.owner = d.owner;
            if (d.due !== undefined) carried.due = d.due;
            return carried;
        });
    return { source, total: decisions.length, open };
}

interface Columns {
    decision: number;
    owner?: number;
    due?: number;
    done?: number;
}

function columnsOf(header: readonly string[]): Columns | undefined {
    if (header[0] !== '#') return undefined;
    const find = (pick: (t: (typeof TEXTS)[number]) => string) => {
        const at = header.findIndex(cell => TEXTS.some(t => pick(t).toLowerCase() === cell.toLowerCase()));
        return at >= 0 ? at : undefined;
    };
    const decision = find(t => t.decisionColumn);
    if (decision === undefined) return undefined;
    const columns: Columns = { decision };
    const owner = find(t => t.ownerColumn);
    const due = find(t => t.dueColumn);
    const done = find(t => t.doneColumn);
    if (owner !== undefined) columns.owner = owner;
    if (due !== undefined) columns.due = due;
    if (done !== undefined) columns.done = done;
    return columns;
}

function decisionOf(row: readonly string[], columns: Columns): PreviousDecision | undefined {
    let text = row[columns.decision] ?? '';
    const struck = /^~~.*~~$/.test(text);
    if (struck) text = text.slice(2, -2).trim();
    if (text === '' || text === '—') return undefined;
    const cell = (at: number | undefined) => {
        const value = at === undefined ? '' : (row[at] ?? '');
        return value === '' || value === '—' ? undefined : value;
    };
    const done = cell(columns.done);
    const decision: PreviousDecision = { decision: text, done: struck || (done !== undefined && DONE.has(done.toLowerCase())) };
    const owner = cell(columns.owner);
    const due = cell(columns.due);
    if (owner !== undefined) decision.owner = owner;
    if (due !== undefined) decision.due = due.replace(/\s*[(（].*[)）]$/, '');
    return decision;
}

/** A decision carried once and written again in the decisions table counts once (its last row). */
function unique(decisions: readonly PreviousDecision[]): PreviousDecision[] {
    const byKey = new Map<string, PreviousDecision>();
    for (const d of decisions) {
        const key = `${d.decision}\u0000${d.owner ?? ''}`;
        byKey.delete(key);
        byKey.set(key, d);
    }
    return [...byKey.values()];
}

/** The cells of a Markdown table row (`| a | b |`), unescaped; undefined for a line that is no row. */
function tableRow(line: string): string[] | undefined {
    const trimmed = line.trim();
    if (!trimmed.startsWith('|')) return undefined;
    const cells: string[] = [];
    let cell = '';
    for (let i = 1; i < trimmed.length; i++) {
        const ch = trimmed[i] as string;
        if (ch === '\\' && i + 1 < trimmed.length) {
            cell += ch + (trimmed[i + 1] as string);
            i++;
        } else if (ch === '|') {
            cells.push(cell);
            cell = '';
        } else {
            cell += ch;
        }
    }
    if (cell.trim() !== '') cells.push(cell);
    return cells.map(plainText);
}

function isDelimiterRow(line: string): boolean {
    const cells = tableRow(line);
    return cells !== undefined && cells.length > 0 && cells.every(c => /^:?-{3,}:?$/.test(c));
}

/** What a generated cell shows: backslash escapes, entities, word joiners and `<br>` undone. */
function plainText(cell: string): string {
    return cell
        .replace(/<br\s*\/?>/gi, ' ')
        .replace(/\\([!-/:-@[-`{-~])/g, '$1')
        .replace(/&#124;/g, '|')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/\u2060/g, '')
        .trim();
}
