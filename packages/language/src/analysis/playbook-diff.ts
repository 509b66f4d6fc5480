// SPEC §9 "Change review": two versions of a workspace compared by their analysed figures, not their
// text. Each version is first reduced to a snapshot — per file, the figures a reviewer of a pull request
// reads (targets, deadlines, milestones, coverage, owners, budgets and their allocation, channels,
// campaigns, findings), and per person the load across the workspace — then the snapshots are compared
// field by field. Only what differs is kept. Pure: figures come from the PlaybookAnalysis of each file
// (computed once, as everywhere), the findings from its diagnostics; generate/diff-document.ts renders
// the result as Markdown or JSON.

import type { ChangeField, ChangeKind, ChangeSection } from '../i18n/cycle-text.js';
import type { UnitText } from '../i18n/text.js';
import { type CalendarDate, formatDate } from '../values/date.js';
import type { Decimal } from '../values/decimal.js';
import { formatRange } from '../values/period.js';
import type { CoverageStatus, PlaybookAnalysis } from './model.js';

/** One figure of a snapshot, typed so each renderer can word it. */
export type DiffValue =
    | { kind: 'amount'; value: Decimal; unit?: UnitText }
    | { kind: 'money'; value: Decimal; currency: string }
    | { kind: 'ratio'; value: number }
    | { kind: 'points'; value: Decimal }
    | { kind: 'text'; value: string }
    | { kind: 'coverage'; value: CoverageStatus }
    | { kind: 'list'; items: string[] };

/** A warning, error or info of a file, without its position: a finding that moved is the same finding. */
export interface DiffFinding {
    severity: 'error' | 'warning' | 'info';
    rule: string;
    message: string;
    /** 1-based, in the version it is found in. */
    line: number;
}

export interface ElementSnapshot {
    section: ChangeSection;
    name: string;
    fields: Map<ChangeField, DiffValue>;
}

export interface FileSnapshot {
    /** The path both versions share (relative to the compared folder, or the file itself). */
    file: string;
    playbook?: string;
    /** By `section name`, in file order. */
    elements: Map<string, ElementSnapshot>;
    findings: DiffFinding[];
}

export interface WorkspaceSnapshot {
    files: Map<string, FileSnapshot>;
    /** People seen by the files, by name (and declaring file when two files declare one name). */
    people: Map<string, ElementSnapshot>;
}

export interface SnapshotInput {
    file: string;
    analysis: PlaybookAnalysis;
    findings: readonly DiffFinding[];
    /** The file that declares a person, as the snapshot names it (a person is keyed by name and file). */
    personFile?: (person: PlaybookAnalysis['people'][number]) => string;
}

function valueKey(value: DiffValue): string {
    switch (value.kind) {
        case 'amount':
        case 'points':
            return value.value.toString() + (value.kind === 'amount' && value.unit ? ` ${value.unit.metric}` : '');
        case 'money':
            return `${value.value.toString()} ${value.currency}`;
        case 'ratio':
            return value.value.toFixed(6);
        case 'text':
        case 'coverage':
            return value.value;
        case 'list':
            return value.items.join('\u0000');
    }
}

export function sameValue(a: DiffValue | undefined, b: DiffValue | undefined): boolean {
    if (a === undefined || b === undefined) return a === b;
    return a.kind === b.kind && valueKey(a) === valueKey(b);
}

/** The snapshot of the given files (one workspace version). */
export function snapshotWorkspace(inputs: readonly SnapshotInput[]): WorkspaceSnapshot {
    const files = new Map<string, FileSnapshot>();
    const people = new Map<string, { name: string; file: string; element: ElementSnapshot; load: Decimal }>();
    for (const input of inputs) {
        files.set(input.file, snapshotFile(input));
        for (const person of input.analysis.people) {
            const file = input.personFile?.(person) ?? input.file;
            const key = `${file}\u0000${person.name}`;
            const known = people.get(key);
            // A person seen by several playbooks: the largest load any of them sees (periods may differ).
            if (known && known.load.gte(person.workspaceLoad)) continue;
            const fields = new Map<ChangeField, DiffValue>();
            fields.set('capacity', { kind: 'points', value: person.capacity });
            fields.set('load', { kind: 'points', value: person.workspaceLoad });
            people.set(key, {
                name: person.name,
                file,
                element: { section: 'person', name: person.name, fields },
                load: person.workspaceLoad
            });
        }
    }
    const byName = new Map<string, number>();
    for (const p of people.values()) byName.set(p.name, (byName.get(p.name) ?? 0) + 1);
    const named = new Map<string, ElementSnapshot>();
    for (const p of [...people.values()].sort((a, b) => compare(a.name, b.name) || compare(a.file, b.file))) {
        const name = (byName.get(p.name) ?? 0) > 1 ? `${p.name} (${p.file})` : p.name;
        named.set(name, { ...p.element, name });
    }
    return { files, people: named };
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function snapshotFile(input: SnapshotInput): FileSnapshot {
    const { analysis } = input;
    const elements = new Map<string, ElementSnapshot>();
    const add = (section: ChangeSection, name: string, entries: [ChangeField, DiffValue | undefined][]) => {
        const fields = new Map<ChangeField, DiffValue>();
        for (const [field, value] of entries) if (value !== undefined) fields.set(field, value);
        elements.set(`${section} ${name}`, { section, name, fields });
    };
    const text = (value: string | undefined): DiffValue | undefined => (value === undefined ? undefined : { kind: 'text', value });
    const money = (value: Decimal | undefined): DiffValue | undefined =>
        value === undefined ? undefined : { kind: 'money', value, currency: analysis.currency };
    const ratio = (value: number | undefined): DiffValue | undefined => (value === undefined ? undefined : { kind: 'ratio', value });
    const deliveries = (list: PlaybookAnalysis['channels'][number]['deliveries']): DiffValue | undefined => {
        const items = list
            .filter(d => d.amount !== undefined && d.goal !== undefined)
            .map(d => `${d.amount?.toString()}\u0001${d.metric ?? ''}\u0001${d.goal}`);
        return items.length > 0 ? { kind: 'list', items } : undefined;
    };

    if (analysis.playbook) {
        const totals = analysis.budgetTotals;
        add('playbook', analysis.name ?? '', [
            ['title', text(analysis.title)],
            ['stage', text(analysis.stage)],
            ['period', text(analysis.period && formatRange(analysis.period))],
            ['currency', text(analysis.currency)],
            ['budget', money(analysis.budget)],
            ['allocated', money(totals.allocated)],
            ['remaining', money(totals.remaining)],
            ['parent', text(analysis.tree?.parent?.name)],
            ['region', text(analysis.tree?.region)]
        ]);
    }
    for (const goal of analysis.goals) {
        const unit: UnitText | undefined = goal.unit
            ? { metric: goal.unit.metric, kind: goal.unit.kind, ...(goal.unit.currency ? { currency: goal.unit.currency } : {}) }
            : undefined;
        const milestones = milestonesOf(goal);
        add('goal', goal.name, [
            ['title', text(goal.title)],
            ['target', goal.target === undefined ? undefined : { kind: 'amount', value: goal.target, ...(unit ? { unit } : {}) }],
            ['bound', goal.target === undefined ? undefined : text(goal.bound)],
            ['deadline', text(goal.deadline && formatDate(goal.deadline))],
            ['milestones', milestones.length > 0 ? { kind: 'list', items: milestones } : undefined],
            ['owner', text(goal.owner)],
            ['strategy', text(goal.strategy)],
            ['partOf', text(goal.parent)],
            ['planned', goal.additive ? { kind: 'amount', value: goal.planned, ...(unit ? { unit } : {}) } : undefined],
            ['coverage', ratio(goal.coverage)],
            ['status', { kind: 'coverage', value: goal.status }]
        ]);
    }
    for (const channel of analysis.channels) {
        add('channel', channel.name, [
            ['title', text(channel.title)],
            ['kind', text(channel.kind)],
            ['owner', text(channel.owner)],
            ['budget', money(channel.budget)],
            ['deliveries', deliveries(channel.deliveries)],
            ['costPerUnit', money(channel.impliedCostPerUnit)]
        ]);
    }
    for (const campaign of analysis.campaigns) {
        add('campaign', campaign.name, [
            ['title', text(campaign.title)],
            ['type', text(campaign.type)],
            ['window', text(campaign.window && formatRange(campaign.window))],
            ['binding', text(campaign.binding)],
            ['region', text(campaign.region)],
            ['via', text(campaign.via)],
            ['owner', text(campaign.owner)],
            ['budget', money(campaign.budget)],
            ['deliveries', deliveries(campaign.deliveries)]
        ]);
    }
    const findings = [...input.findings].sort((a, b) => a.line - b.line || compare(a.rule, b.rule) || compare(a.message, b.message));
    return { file: input.file, ...(analysis.name !== undefined ? { playbook: analysis.name } : {}), elements, findings };
}

/** Milestones (SPEC §9) as `amount by date`, in the goal's unit. */
function milestonesOf(goal: PlaybookAnalysis['goals'][number]): string[] {
    return goal.milestones
        .filter(m => m.amount !== undefined && m.date !== undefined)
        .map(
            m =>
                `${m.amount?.toString()}\u0001${goal.unit?.kind === 'money' ? (goal.unit.currency ?? '') : ''}\u0001by\u0001${formatDate(m.date as CalendarDate)}`
        );
}

export interface FieldChange {
    field: ChangeField;
    before?: DiffValue;
    after?: DiffValue;
}

export interface ElementChange {
    section: ChangeSection;
    name: string;
    change: ChangeKind;
    /** For `changed`: the fields that differ; for `added` / `removed`: every field of the element. */
    fields: FieldChange[];
}

export interface FileChange {
    file: string;
    /** The playbook's name, in the newer version when both have one. */
    playbook?: string;
    change: ChangeKind;
    elements: ElementChange[];
    appeared: DiffFinding[];
    gone: DiffFinding[];
}

export interface PlaybookDiff {
    files: FileChange[];
    people: ElementChange[];
    /** Element and field changes, people included. */
    changeCount: number;
    appeared: number;
    gone: number;
}

function compareElements(before: Map<string, ElementSnapshot>, after: Map<string, ElementSnapshot>): ElementChange[] {
    const changes: ElementChange[] = [];
    const all = (element: ElementSnapshot, side: 'before' | 'after'): FieldChange[] =>
        [...element.fields].map(([field, value]) => ({ field, [side]: value }) as FieldChange);
    for (const [key, old] of before) {
        const now = after.get(key);
        if (!now) {
            changes.push({ section: old.section, name: old.name, change: 'removed', fields: all(old, 'before') });
            continue;
        }
        const fields: FieldChange[] = [];
        const names = new Set<ChangeField>([...old.fields.keys(), ...now.fields.keys()]);
        for (const field of names) {
            const a = old.fields.get(field);
            const b = now.fields.get(field);
            if (sameValue(a, b)) continue;
            fields.push({ field, ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}) });
        }
        if (fields.length > 0) changes.push({ section: old.section, name: now.name, change: 'changed', fields });
    }
    for (const [key, now] of after) {
        if (!before.has(key)) changes.push({ section: now.section, name: now.name, change: 'added', fields: all(now, 'after') });
    }
    return changes;
}

/** Findings of `a` that `b` does not have, as multisets of (severity, rule, message). */
function findingsMinus(a: readonly DiffFinding[], b: readonly DiffFinding[]): DiffFinding[] {
    const count = new Map<string, number>();
    const key = (f: DiffFinding) => `${f.severity}\u0000${f.rule}\u0000${f.message}`;
    for (const f of b) count.set(key(f), (count.get(key(f)) ?? 0) + 1);
    const result: DiffFinding[] = [];
    for (const f of a) {
        const left = count.get(key(f)) ?? 0;
        if (left > 0) count.set(key(f), left - 1);
        else result.push(f);
    }
    return result;
}

/** What changed from `before` to `after`: files in path order, elements in file order. */
export function diffSnapshots(before: WorkspaceSnapshot, after: WorkspaceSnapshot): PlaybookDiff {
    const paths = [...new Set([...before.files.keys(), ...after.files.keys()])].sort(compare);
    const files: FileChange[] = [];
    for (const file of paths) {
        const old = before.files.get(file);
        const now = after.files.get(file);
        const change: ChangeKind = !old ? 'added' : !now ? 'removed' : 'changed';
        const elements = compareElements(old?.elements ?? new Map(), now?.elements ?? new Map());
        const appeared = findingsMinus(now?.findings ?? [], old?.findings ?? []);
        const gone = findingsMinus(old?.findings ?? [], now?.findings ?? []);
        if (change === 'changed' && elements.length === 0 && appeared.length === 0 && gone.length === 0) continue;
        const playbook = now?.playbook ?? old?.playbook;
        files.push({ file, ...(playbook !== undefined ? { playbook } : {}), change, elements, appeared, gone });
    }
    const people = compareElements(before.people, after.people);
    const count = (changes: readonly ElementChange[]) => changes.reduce((n, c) => n + (c.change === 'changed' ? c.fields.length : 1), 0);
    return {
        files,
        people,
        changeCount: files.reduce((n, f) => n + count(f.elements), 0) + count(people),
        appeared: files.reduce((n, f) => n + f.appeared.length, 0),
        gone: files.reduce((n, f) => n + f.gone.length, 0)
    };
}
