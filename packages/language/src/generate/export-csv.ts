// `opsbook export --format csv`: one flat table for spreadsheets. One row per goal, channel,
// campaign, delivery, budget line and person (column `section`); cells that do not apply are empty.
// Amounts are exact decimals in the playbook currency or the metric's unit, ratios are decimals
// (0.3 = 30%). RFC 4180 quoting; text that a spreadsheet would run as a formula (= + - @ at the
// start) gets a leading apostrophe; Unicode bidi controls and terminal control characters are removed.

import type { PlaybookAnalysis } from '../analysis/model.js';
import { formatDate } from '../values/date.js';
import { Decimal } from '../values/decimal.js';
import { BIDI_CONTROLS, TERMINAL_CONTROLS } from './markdown-escape.js';

export const CSV_COLUMNS = [
    'section',
    'name',
    'title',
    'owner',
    'metric',
    'goal',
    'target',
    'deadline',
    'planned',
    'coverage',
    'status',
    'amount',
    'share',
    'budget',
    'budget_share',
    'cost_per_unit',
    'capacity',
    'load'
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | Decimal | number | undefined>>;

function cellText(value: string | Decimal | number | undefined, column: Column): string {
    if (value === undefined) return '';
    if (value instanceof Decimal) return value.toString();
    if (typeof value === 'number') return Number.isFinite(value) ? Decimal.of(value).round(6).toString() : '';
    // Only free text can start a formula; names, numbers and codes are written by the generator.
    // Bidi controls go (CSV has no escape for them): they could make a cell read in another order. So do
    // control characters but tab and line breaks: printed to a terminal they would drive it (ESC, BEL, C1).
    const plain = value.replace(BIDI_CONTROLS, '').replace(TERMINAL_CONTROLS, '');
    const text = column === 'title' && /^[=+\-@\t\r]/.test(plain) ? `'${plain}` : plain;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportCsv(a: PlaybookAnalysis): string {
    const rows: Row[] = [];
    for (const g of a.goals) {
        rows.push({
            section: 'goal',
            name: g.name,
            title: g.title,
            owner: g.owner,
            metric: g.metric?.name,
            goal: g.parent,
            target: g.target,
            deadline: g.deadline ? formatDate(g.deadline) : undefined,
            planned: g.planned,
            coverage: g.coverage,
            status: g.status
        });
    }
    for (const [section, list] of [
        ['channel', a.channels],
        ['campaign', a.campaigns]
    ] as const) {
        for (const c of list) {
            rows.push({
                section,
                name: c.name,
                title: c.title,
                owner: c.owner,
                metric: c.unitMetric,
                amount: c.unitsDelivered,
                budget: c.budget,
                budget_share: c.budgetShare,
                cost_per_unit: c.impliedCostPerUnit
            });
            for (const d of c.deliveries) {
                rows.push({ section: 'delivery', name: c.name, metric: d.metric, goal: d.goal, amount: d.amount, share: d.shareOfGoal });
            }
        }
    }
    const t = a.budgetTotals;
    for (const [name, amount] of [
        ['total', t.total],
        ['channels', t.channels],
        ['campaigns', t.campaigns],
        ['allocated', t.allocated],
        ['remaining', t.remaining]
    ] as const) {
        if (amount !== undefined) rows.push({ section: 'budget', name, amount });
    }
    for (const p of a.people) {
        rows.push({ section: 'person', name: p.name, title: p.title, capacity: p.capacity, load: p.load, share: p.loadRatio });
    }
    const lines = [CSV_COLUMNS.join(','), ...rows.map(row => CSV_COLUMNS.map(column => cellText(row[column], column)).join(','))];
    return `${lines.join('\r\n')}\r\n`;
}
