// SPEC §9 "The next cycle": the playbook of the cycle that follows a finished one, written from the
// checked playbook and its actuals. The same structure and names; the period the one that follows (of
// the same length, or the caller's); goal deadlines, milestones and dated reviews moved into it;
// campaigns whose window lay in the finished period left out; channel budgets as the review proposes
// (analysis/review-analysis.ts `proposeReallocation`, through `analyzeReview` over the whole finished
// period: the one function the review document shows); a header comment summarising the finished cycle.
// The text is made by edits of the source at the CST positions of what changes, then formatted with the
// formatter of `opsbook fmt`. Pure but for the formatter's parse: no I/O; the CLI and the server write.

import type { AstNode } from 'langium';
import type { OpsbookCoreServices } from '../core-services.js';
import { formatText } from '../format/format-text.js';
import type { Campaign, Document, Goal, Import, Playbook, Review } from '../generated/ast.js';
import { CYCLE_TEXT_EN } from '../i18n/en.js';
import type { CycleText } from '../i18n/cycle-text.js';
import { TextFormatter } from '../i18n/text.js';
import { CYCLE_TEXT_ZH_CN } from '../i18n/zh-cn.js';
import type { PlaybookAnalysis } from '../analysis/model.js';
import { type ActualRow, analyzeReview, type ReviewAnalysis, type ReviewWindow } from '../analysis/review-analysis.js';
import { type CalendarDate, compareDates, daysInMonth, dayNumber, formatDate, fromDayNumber, parseDate } from '../values/date.js';
import { normalizeCurrency } from '../values/currency.js';
import { Decimal } from '../values/decimal.js';
import { formatNumberLiteral } from '../values/number-literal.js';
import type { Locale } from '../values/format.js';
import { type DateRange, formatRange, lengthInDays, parsePeriodShorthand, type PeriodKind } from '../values/period.js';
import type { CheckedPlaybook } from './checked-playbook.js';

export type { CycleText } from '../i18n/cycle-text.js';

export function cycleText(locale: Locale): CycleText {
    return locale === 'zh-CN' ? CYCLE_TEXT_ZH_CN : CYCLE_TEXT_EN;
}

/** A period as `period` writes it: a shorthand (`2027-Q2`) or a range. */
export interface CyclePeriod {
    range: DateRange;
    /** The shorthand to write, when the period is a whole quarter, month or year written that way. */
    shorthand?: string;
    kind?: PeriodKind;
}

export type CyclePeriodParse = { ok: true; period: CyclePeriod } | { ok: false; message: string };

/** `--period` of `opsbook next`: `2027-Q2`, `2027-04`, `2027` or `2027-04-01..2027-06-30`. */
export function parseCyclePeriod(text: string): CyclePeriodParse {
    const range = /^\s*(\S+)\s*\.\.\s*(\S+)\s*$/.exec(text);
    if (range) {
        const start = parseDate(range[1] as string);
        if (!start.ok) return { ok: false, message: start.message };
        const end = parseDate(range[2] as string);
        if (!end.ok) return { ok: false, message: end.message };
        if (compareDates(start.date, end.date) > 0)
            return { ok: false, message: `${formatDate(start.date)} is after ${formatDate(end.date)}` };
        return { ok: true, period: { range: { start: start.date, end: end.date } } };
    }
    const shorthand = parsePeriodShorthand(text.trim());
    if (!shorthand.ok) return { ok: false, message: `${shorthand.message}, or a range 2027-04-01..2027-06-30` };
    return { ok: true, period: { range: shorthand.range, shorthand: text.trim(), kind: shorthand.kind } };
}

function monthIndex(d: CalendarDate): number {
    return d.year * 12 + (d.month - 1);
}

function fromMonthIndex(index: number, day: number | 'last'): CalendarDate {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const last = daysInMonth(year, month);
    return { year, month, day: day === 'last' ? last : Math.min(day, last) };
}

function isFirstOfMonth(d: CalendarDate): boolean {
    return d.day === 1;
}

function isLastOfMonth(d: CalendarDate): boolean {
    return d.day === daysInMonth(d.year, d.month);
}

/** The period after `current`, of the same length: whole months stay whole months (Q1 → Q2, not 90 days). */
export function followingPeriod(current: DateRange, shorthand: string | undefined): CyclePeriod {
    const start = fromDayNumber(dayNumber(current.end) + 1);
    if (isFirstOfMonth(current.start) && isLastOfMonth(current.end)) {
        const months = monthIndex(current.end) - monthIndex(current.start) + 1;
        const end = fromMonthIndex(monthIndex(start) + months - 1, 'last');
        const range = { start, end };
        const kind = shorthand !== undefined ? parsePeriodShorthand(shorthand) : undefined;
        if (kind?.ok) {
            const year = String(start.year).padStart(4, '0');
            const label =
                kind.kind === 'year'
                    ? year
                    : kind.kind === 'quarter'
                      ? `${year}-Q${Math.floor((start.month - 1) / 3) + 1}`
                      : `${year}-${String(start.month).padStart(2, '0')}`;
            return { range, shorthand: label, kind: kind.kind };
        }
        return { range };
    }
    return { range: { start, end: fromDayNumber(dayNumber(start) + lengthInDays(current) - 1) } };
}

/**
 * Moves a date of the finished period into the next one: by whole months when both periods start on
 * the first of a month (the 15th stays the 15th, a month's last day stays the last day), else by the
 * days between the starts; clamped into the new period.
 */
export function moveDate(date: CalendarDate, from: DateRange, to: DateRange): CalendarDate {
    let moved: CalendarDate;
    if (isFirstOfMonth(from.start) && isFirstOfMonth(to.start)) {
        const index = monthIndex(date) + monthIndex(to.start) - monthIndex(from.start);
        moved = fromMonthIndex(index, isLastOfMonth(date) ? 'last' : date.day);
    } else {
        moved = fromDayNumber(dayNumber(date) + dayNumber(to.start) - dayNumber(from.start));
    }
    if (compareDates(moved, to.start) < 0) return to.start;
    if (compareDates(moved, to.end) > 0) return to.end;
    return moved;
}

export interface NextCycleOptions {
    actuals: readonly ActualRow[];
    /** The actuals file as the header names it. */
    actualsSource: string;
    /** The next cycle's period; the one following the playbook's when left out. */
    period?: CyclePeriod;
    /** The text of an import in the new file, given the file it resolves to (an fsPath or URI path); as written when undefined. */
    importPath?: (target: string) => string | undefined;
    /**
     * Campaigns of other playbooks that are left out too (rolling an organisation forward): whether the
     * campaign `name` of the file `uri` (URI string) is dropped. Their deliveries stop counting.
     */
    droppedElsewhere?: (uri: string, name: string) => boolean;
    locale?: Locale;
}

export interface NextCycle {
    /** The next playbook, formatted. */
    text: string;
    period: CyclePeriod;
    /** The review of the finished cycle the budgets come from. */
    review: ReviewAnalysis;
    /** Campaigns left out (their window lay in the finished period). */
    dropped: string[];
}

export type NextCycleResult =
    | { ok: true; next: NextCycle }
    | { ok: false; reason: 'no-period' }
    | { ok: false; reason: 'not-after'; current: DateRange }
    | { ok: false; reason: 'format'; problem: string };

/** The campaigns of a playbook left out of its next cycle: those whose window ends within the finished period. */
export function droppedCampaigns(analysis: PlaybookAnalysis): string[] {
    const period = analysis.period;
    if (!period) return [];
    return analysis.campaigns.filter(c => c.window !== undefined && compareDates(c.window.end, period.end) <= 0).map(c => c.name);
}

/** The whole finished period as the review window of `analyzeReview`. */
export function finishedCycleWindow(analysis: PlaybookAnalysis): ReviewWindow | undefined {
    const period = analysis.period;
    if (!period) return undefined;
    const written = analysis.playbook?.period?.shorthand;
    const kind = written !== undefined ? parsePeriodShorthand(written) : undefined;
    return { label: written ?? formatRange(period), kind: kind?.ok && kind.kind !== 'week' ? kind.kind : 'quarter', range: period };
}

interface Edit {
    start: number;
    end: number;
    text: string;
}

function span(node: AstNode | undefined): { start: number; end: number } | undefined {
    const cst = node?.$cstNode;
    return cst ? { start: cst.offset, end: cst.end } : undefined;
}

/** The next cycle of a checked playbook (SPEC §9). */
export async function nextCycle(
    services: OpsbookCoreServices,
    playbook: CheckedPlaybook,
    options: NextCycleOptions
): Promise<NextCycleResult> {
    const { analysis, document } = playbook;
    const current = analysis.period;
    const node = analysis.playbook as Playbook;
    if (!current) return { ok: false, reason: 'no-period' };
    const period = options.period ?? followingPeriod(current, node.period?.shorthand);
    if (compareDates(period.range.start, current.end) <= 0) return { ok: false, reason: 'not-after', current };
    const locale = options.locale ?? analysis.locale;
    const t = cycleText(locale);
    const f = new TextFormatter(locale);
    const window = finishedCycleWindow(analysis) as ReviewWindow;
    const { thresholds } = playbook.settings;
    // `review: ''` names no review element (names are never empty), so every goal is summarised, not only
    // the ones the playbook's reviews cover.
    const review = analyzeReview(analysis, {
        window,
        thresholds: { onTrack: thresholds.onTrack, atRisk: thresholds.atRisk },
        actuals: options.actuals,
        review: ''
    });
    const dropped = droppedCampaigns(analysis);
    const droppedSet = new Set(dropped);
    const text = document.textDocument.getText();
    const edits: Edit[] = [];
    const replace = (target: AstNode | undefined, replacement: string) => {
        const at = span(target);
        if (at) edits.push({ ...at, text: replacement });
    };
    const move = (date: { value: string } | undefined) => {
        if (!date) return;
        const parsed = parseDate(date.value);
        if (parsed.ok) replace(date as unknown as AstNode, formatDate(moveDate(parsed.date, current, period.range)));
    };

    replace(node.period, period.shorthand ?? formatRange(period.range));
    const root = document.parseResult.value as Document;
    for (const element of root.elements) {
        switch (element.$type) {
            case 'Import': {
                const imported = element as Import;
                const resolution = services.references.ImportResolver.computeForPath(document.uri, imported.path);
                const rewritten = resolution.kind === 'resolved' ? options.importPath?.(resolution.uri.fsPath) : undefined;
                const cst = imported.$cstNode;
                const literal = cst ? cst.text.indexOf('"') : -1;
                if (rewritten !== undefined && rewritten !== imported.path && cst && literal >= 0) {
                    edits.push({ start: cst.offset + literal, end: cst.end, text: JSON.stringify(rewritten) });
                }
                break;
            }
            case 'Goal':
                move((element as Goal).target?.deadline);
                for (const milestone of (element as Goal).milestones) move(milestone.date);
                break;
            case 'Review':
                for (const schedule of (element as Review).schedules) move(schedule.date);
                break;
            case 'Campaign':
                if (droppedSet.has((element as Campaign).name)) replace(element, '');
                break;
        }
    }

    // Channel budgets as the review proposes; the playbook's total stays.
    const reallocated = (review.reallocation?.groups ?? []).flatMap(g => g.rows).filter(r => !r.change.isZero());
    for (const row of reallocated) {
        const channel = analysis.channels.find(c => c.name === row.channel);
        const money = channel?.node.budget;
        if (!money) continue;
        // The currency as written when it is the playbook's (`元` stays `元`), else the playbook's code.
        const currency = normalizeCurrency(money.currency) === analysis.currency ? money.currency : analysis.currency;
        replace(money, `${formatNumberLiteral(row.proposed, money.value)} ${currency}`);
    }

    // A goal its dropped campaigns delivered to would be under-covered: say so above its target.
    const droppedHere = (c: { file?: string; from: string; fromType: string; kind: string }, goal: PlaybookAnalysis['goals'][number]) =>
        c.kind === 'delivery' &&
        c.fromType === 'Campaign' &&
        (c.file === undefined ? droppedSet.has(c.from) : (options.droppedElsewhere?.(fileUri(goal, c.file), c.from) ?? false));
    for (const goal of analysis.goals) {
        if (!goal.additive || goal.target === undefined || !goal.node.target) continue;
        const lost = goal.contributions.filter(c => droppedHere(c, goal));
        if (lost.length === 0) continue;
        const remaining = goal.planned.sub(Decimal.sum(lost.map(c => c.amount)));
        if (remaining.gte(goal.target)) continue;
        // With nothing left to plan it, the goal is `goal-unplanned` (a warning that says so), not under-covered.
        const stillPlanned =
            goal.contributions.length > lost.length || goal.subGoals.length > 0 || goal.servedBy.some(name => !droppedSet.has(name));
        if (!stillPlanned) continue;
        const at = span(goal.node.target);
        if (!at) continue;
        const names = t.replaceCampaigns({ campaigns: lost.map(c => c.from) });
        edits.push({
            start: keywordStart(text, at.start),
            end: keywordStart(text, at.start),
            text: `// opsbook-ignore goal-undercovered -- ${names}\n`
        });
    }

    // The header comment: the finished cycle in figures.
    const lines: string[] = [
        t.nextHeader({
            playbook: analysis.name ?? '',
            period: period.shorthand ?? formatRange(period.range),
            source: playbook.source,
            actuals: options.actualsSource
        })
    ];
    lines.push(t.finishedCycle({ period: formatRange(current) }));
    for (const goal of review.goals) {
        const unit = goal.goal.unit;
        const result: Parameters<CycleText['goalResult']>[0] = { goal: goal.goal.name };
        if (goal.actual !== undefined) result.actual = f.qty(goal.actual, unit);
        if (goal.target !== undefined) result.target = f.amount(goal.target, unit);
        if (goal.attainment !== undefined) result.attainment = f.pct(goal.attainment);
        if (goal.status !== undefined) result.status = t.statusWord(goal.status);
        lines.push(`  ${t.goalResult(result)}`);
    }
    const costs = review.costs.filter(c => c.type === 'Channel' && c.unitMetric !== undefined);
    if (costs.length > 0) {
        lines.push(t.costsHeading);
        for (const cost of costs) {
            const entry: Parameters<CycleText['channelCost']>[0] = { channel: cost.name, metric: cost.unitMetric as string };
            if (cost.actualCostPerUnit !== undefined) entry.actual = f.money(cost.actualCostPerUnit, analysis.currency);
            if (cost.plannedCostPerUnit !== undefined) entry.planned = f.money(cost.plannedCostPerUnit, analysis.currency);
            lines.push(`  ${t.channelCost(entry)}`);
        }
    }
    if (reallocated.length > 0) {
        lines.push(t.reallocationHeading);
        for (const row of reallocated) {
            const sign = row.change.sign() > 0 ? '+' : '-';
            lines.push(
                `  ${t.reallocationRow({ channel: row.channel, from: f.num(row.budget), to: f.money(row.proposed, analysis.currency), change: `${sign}${f.num(row.change.abs())}` })}`
            );
        }
    } else if (analysis.channels.some(c => c.budget !== undefined)) {
        lines.push(t.reallocationNone);
    }
    if (dropped.length > 0) {
        const listed = dropped.map(name => {
            const window = analysis.campaigns.find(c => c.name === name)?.window;
            return window ? { name, window: formatRange(window) } : { name };
        });
        lines.push(t.droppedCampaigns({ campaigns: listed }));
    }
    const header = `${lines.map(line => `// ${line.replace(/[\r\n]+/g, ' ')}`.trimEnd()).join('\n')}\n\n`;
    edits.push({ start: 0, end: 0, text: header });

    const edited = applyEdits(text, edits);
    const formatted = await formatText(services, edited, document.uri.with({ path: `${document.uri.path}.next.ops` }).toString());
    if (!formatted.ok)
        return {
            ok: false,
            reason: 'format',
            problem: `${formatted.problem.line}:${formatted.problem.column} ${formatted.problem.message}`
        };
    return { ok: true, next: { text: formatted.text, period, review, dropped } };
}

/** Where the keyword of a property starts: `target` before the Target node's first token is its own. */
function keywordStart(text: string, offset: number): number {
    const before = text.lastIndexOf('target', offset);
    return before >= 0 ? before : offset;
}

function fileUri(goal: PlaybookAnalysis['goals'][number], relative: string): string {
    const base = goal.node.$document?.uri;
    if (!base) return relative;
    const folder = base.path.slice(0, base.path.lastIndexOf('/'));
    return base.with({ path: normalise(`${folder}/${relative}`) }).toString();
}

function normalise(p: string): string {
    const out: string[] = [];
    for (const part of p.split('/')) {
        if (part === '..') out.pop();
        else if (part !== '.') out.push(part);
    }
    return out.join('/');
}

function applyEdits(text: string, edits: Edit[]): string {
    const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
    let result = text;
    for (const edit of sorted) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    return result;
}
