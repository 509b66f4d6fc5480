// The change review of `opsbook diff` (SPEC §9) as Markdown for a pull-request comment, or as JSON.
// Renders analysis/playbook-diff.ts's result: nothing is computed here. User text (names, titles,
// finding messages) goes through the Markdown builder's escaping, as in every generated document.

import type { DiffFinding, DiffValue, ElementChange, FieldChange, PlaybookDiff } from '../analysis/playbook-diff.js';
import type { ChangeField, CycleText } from '../i18n/cycle-text.js';
import { CYCLE_TEXT_EN } from '../i18n/en.js';
import { TextFormatter } from '../i18n/text.js';
import { CYCLE_TEXT_ZH_CN } from '../i18n/zh-cn.js';
import type { Locale } from '../values/format.js';
import { documentText } from './i18n-documents.js';
import { type Cell, code, join, MarkdownDocument } from './markdown-builder.js';

export interface DiffDocumentOptions {
    /** How the two versions are named: file or folder names, or git revisions. */
    oldLabel: string;
    newLabel: string;
    locale?: Locale;
}

/** The fields an added or removed element is summarised by, in this order. */
const SUMMARY_FIELDS: readonly ChangeField[] = ['target', 'deadline', 'window', 'budget', 'owner', 'capacity', 'load'];

function wordValue(value: DiffValue | undefined, locale: Locale): string {
    if (value === undefined) return '';
    const f = new TextFormatter(locale);
    switch (value.kind) {
        case 'amount':
            return f.qty(value.value, value.unit);
        case 'money':
            return f.money(value.value, value.currency);
        case 'ratio':
            return f.pct(value.value);
        case 'points':
            return f.points(value.value);
        case 'text':
            return value.value;
        case 'coverage':
            return documentText(locale).coverageStatus(value.value);
        case 'list':
            return value.items
                .map(item =>
                    item
                        .split('\u0001')
                        .filter(part => part !== '')
                        .join(' ')
                )
                .join(documentText(locale).listSeparator);
    }
}

function summary(change: ElementChange, side: 'before' | 'after', locale: Locale, t: CycleText): string {
    const fields = change.fields.filter(f => SUMMARY_FIELDS.includes(f.field) && f[side] !== undefined);
    fields.sort((a, b) => SUMMARY_FIELDS.indexOf(a.field) - SUMMARY_FIELDS.indexOf(b.field));
    return fields.map(f => `${t.field(f.field)} ${wordValue(f[side], locale)}`).join(documentText(locale).listSeparator);
}

function changeRows(changes: readonly ElementChange[], locale: Locale, t: CycleText): Cell[][] {
    const rows: Cell[][] = [];
    for (const change of changes) {
        const element = join([`${t.section(change.section)} `, code(change.name)]);
        if (change.change === 'changed') {
            for (const field of change.fields)
                rows.push([element, t.field(field.field), wordValue(field.before, locale), wordValue(field.after, locale)]);
        } else {
            rows.push([
                element,
                t.kind(change.change),
                change.change === 'removed' ? summary(change, 'before', locale, t) : '',
                change.change === 'added' ? summary(change, 'after', locale, t) : ''
            ]);
        }
    }
    return rows;
}

function findingLine(file: string, finding: DiffFinding, locale: Locale): Cell {
    return join([
        code(`${file}:${finding.line}`),
        ` ${documentText(locale).severity(finding.severity)} `,
        code(finding.rule),
        ` ${finding.message}`
    ]);
}

/** The Markdown comment: a title, a one-line summary, a table per changed file, then people's load. */
export function diffMarkdown(diff: PlaybookDiff, options: DiffDocumentOptions): string {
    const locale = options.locale ?? 'en';
    const t = locale === 'zh-CN' ? CYCLE_TEXT_ZH_CN : CYCLE_TEXT_EN;
    const doc = new MarkdownDocument();
    doc.heading(2, t.diffTitle({ old: options.oldLabel, new: options.newLabel }));
    if (diff.files.length === 0 && diff.people.length === 0) {
        doc.paragraph(t.noChanges);
        return doc.toString();
    }
    doc.paragraph(t.diffSummary({ changes: diff.changeCount, appeared: diff.appeared, gone: diff.gone }));
    const header: Cell[] = [t.columnElement, t.columnChange, t.columnBefore, t.columnAfter];
    for (const file of diff.files) {
        doc.heading(3, t.playbookHeading({ playbook: file.playbook ?? '', file: file.file }));
        if (file.change !== 'changed') doc.paragraph(file.change === 'added' ? t.fileAdded : t.fileRemoved);
        if (file.elements.length > 0) doc.table(header, changeRows(file.elements, locale, t));
        if (file.appeared.length > 0) {
            doc.heading(4, t.findingsAppeared);
            doc.bullets(file.appeared.map(f => findingLine(file.file, f, locale)));
        }
        if (file.gone.length > 0) {
            doc.heading(4, t.findingsGone);
            doc.bullets(file.gone.map(f => findingLine(file.file, f, locale)));
        }
    }
    if (diff.people.length > 0) {
        doc.heading(3, t.peopleHeading);
        doc.table(header, changeRows(diff.people, locale, t));
    }
    return doc.toString();
}

function jsonValue(value: DiffValue | undefined): unknown {
    if (value === undefined) return null;
    switch (value.kind) {
        case 'amount':
            return value.unit
                ? {
                      amount: value.value.toString(),
                      metric: value.unit.metric,
                      ...(value.unit.currency ? { currency: value.unit.currency } : {})
                  }
                : value.value.toString();
        case 'money':
            return { amount: value.value.toString(), currency: value.currency };
        case 'points':
            return value.value.toString();
        case 'ratio':
            return Number(value.value.toFixed(6));
        case 'text':
        case 'coverage':
            return value.value;
        case 'list':
            return value.items.map(item =>
                item
                    .split('\u0001')
                    .filter(part => part !== '')
                    .join(' ')
            );
    }
}

function jsonChanges(changes: readonly ElementChange[]): unknown[] {
    return changes.map(change => ({
        section: change.section,
        name: change.name,
        change: change.change,
        fields: change.fields.map((f: FieldChange) => ({ field: f.field, before: jsonValue(f.before), after: jsonValue(f.after) }))
    }));
}

/** The same change review as one JSON object (amounts as exact decimal strings, as in `opsbook export`). */
export function diffJson(diff: PlaybookDiff, options: DiffDocumentOptions): string {
    const value = {
        format: 'opsbook-diff',
        version: 1,
        old: options.oldLabel,
        new: options.newLabel,
        summary: { changes: diff.changeCount, findingsAppeared: diff.appeared, findingsGone: diff.gone },
        files: diff.files.map(file => ({
            file: file.file,
            playbook: file.playbook ?? null,
            change: file.change,
            elements: jsonChanges(file.elements),
            findingsAppeared: file.appeared,
            findingsGone: file.gone
        })),
        people: jsonChanges(diff.people)
    };
    return `${JSON.stringify(value, null, 2)}\n`;
}
