// SPEC §8: figures that add up across the workspace. A goal's "planned" also counts the deliveries and
// `part of` sub-goals written in other files, and a person's load the `responsible` lines of every
// playbook whose period overlaps this one's. The other files are found through Langium's reference
// index (who refers to this goal, this person?) once per build, and read through their own analysis
// (`local`: that file's figures before the workspace is added), so no file's figures are summed twice.

import type { AstNode, LangiumDocument, URI } from 'langium';
import { AstUtils, UriUtils } from 'langium';
import type { Delivery, Document, Goal, Responsibility } from '../generated/ast.js';
import { Decimal } from '../values/decimal.js';
import { compareDates, formatDate } from '../values/date.js';
import type { DateRange } from '../values/period.js';
import { finishCoverage } from './coverage.js';
import { contributionPacing, pacingSchedule } from './milestones.js';
import type {
    Contribution,
    DeliveryFigures,
    ElsewhereLine,
    GoalFigures,
    PersonFigures,
    PlaybookAnalysis,
    UpwardContribution
} from './model.js';

/** A node of another document that refers to something of this one. */
export interface ForeignReference {
    document: LangiumDocument<Document>;
    node: AstNode;
}

export interface WorkspaceView {
    /** Nodes of documents other than `here` that refer to `target`, by file and then file order (reference index). */
    referencesFrom(target: AstNode, here: LangiumDocument): readonly ForeignReference[];
    /** A file's own figures, before the workspace is added. */
    local(document: LangiumDocument<Document>): PlaybookAnalysis;
    /** A person's `responsible` lines in every file (`collectLoadLines`), once per workspace state. */
    loadLines(person: AstNode): LoadLines;
    /**
     * No other file imports `document` and it imports none: by SPEC §4 no other file then refers to
     * anything of it, nor it to anything of another, and the workspace adds nothing to its figures
     * (optional: without it, every goal and person is looked up in the references).
     */
    isolated?(document: LangiumDocument<Document>): boolean;
    /**
     * No other file imports `document`: by SPEC §4 no other file refers to anything of it (it has no
     * child playbooks, no contributions from elsewhere); it may still refer to what it imports.
     */
    unimported?(document: LangiumDocument<Document>): boolean;
}

/**
 * The view's `isolated`, from the URIs that some document of the workspace imports (`imported`, once
 * per workspace state: `importedUris`).
 */
export function isolatedIn(
    document: LangiumDocument<Document>,
    imported: ReadonlySet<string>,
    importsOf: (document: LangiumDocument<Document>) => readonly LangiumDocument[]
): boolean {
    return !imported.has(document.uri.toString()) && importsOf(document).length === 0;
}

/** Every URI imported by some document of `documents`. */
export function importedUris(
    documents: Iterable<LangiumDocument<Document>>,
    importsOf: (document: LangiumDocument<Document>) => readonly LangiumDocument[]
): Set<string> {
    const uris = new Set<string>();
    for (const document of documents) for (const imported of importsOf(document)) uris.add(imported.uri.toString());
    return uris;
}

/** One `responsible` line with a share, in some file of the workspace. */
interface LoadLine {
    document: LangiumDocument<Document>;
    period: DateRange | undefined;
    workstream: string;
    share: Decimal;
    node: Responsibility;
    playbook: string | undefined;
}

/**
 * A person's `responsible` lines across the workspace, collected once per workspace state rather than
 * once per file that sees the person (which made a workspace of n files sharing people O(n²): issue 19),
 * with their sums by playbook period, so that a file's load elsewhere is a few additions.
 */
export interface LoadLines {
    /** In reference order: by file, then position. */
    lines: LoadLine[];
    /** By distinct period (files without a playbook period under `undefined`): the total and each file's part. */
    periods: { period: DateRange | undefined; total: Decimal; byDocument: Map<LangiumDocument, Decimal> }[];
}

/** The load lines of a person no other file can name (in a file nobody imports): none elsewhere. */
export const NO_LOAD_LINES: LoadLines = Object.freeze({ lines: Object.freeze([]), periods: Object.freeze([]) }) as unknown as LoadLines;

/** What `view.loadLines` computes: `references` are every node referring to `person`, in reference order. */
export function collectLoadLines(
    person: AstNode,
    references: readonly ForeignReference[],
    local: (document: LangiumDocument<Document>) => PlaybookAnalysis
): LoadLines {
    const lines: LoadLine[] = [];
    const periods = new Map<string, LoadLines['periods'][number]>();
    for (const { document, node } of references) {
        if (node.$type !== 'Responsibility' || (node as Responsibility).person?.ref !== person || !parses(document)) continue;
        const other = local(document);
        const line = responsibleLines(other).get(node);
        if (!line || line.share.isZero()) continue;
        lines.push({
            document,
            period: other.period,
            workstream: line.workstream,
            share: line.share,
            node: node as Responsibility,
            playbook: other.name
        });
        const key = other.period ? `${formatDate(other.period.start)}..${formatDate(other.period.end)}` : '';
        let bucket = periods.get(key);
        if (!bucket) {
            bucket = { period: other.period, total: Decimal.ZERO, byDocument: new Map() };
            periods.set(key, bucket);
        }
        bucket.total = bucket.total.add(line.share);
        bucket.byDocument.set(document, (bucket.byDocument.get(document) ?? Decimal.ZERO).add(line.share));
    }
    return { lines, periods: [...periods.values()] };
}

/** A file's `responsible` lines by node (which workstream, which share), once per analysis. */
const responsibleByNode = new WeakMap<PlaybookAnalysis, Map<AstNode, { workstream: string; share: Decimal }>>();
function responsibleLines(analysis: PlaybookAnalysis): Map<AstNode, { workstream: string; share: Decimal }> {
    let lines = responsibleByNode.get(analysis);
    if (!lines) {
        lines = new Map();
        for (const workstream of analysis.workstreams) {
            for (const line of workstream.responsible)
                if (!lines.has(line.node)) lines.set(line.node, { workstream: workstream.name, share: line.share });
        }
        responsibleByNode.set(analysis, lines);
    }
    return lines;
}

/** Adds what other files contribute to this file's goals and people (in place: `analysis` is this file's own). */
export function addWorkspaceFigures(analysis: PlaybookAnalysis, view: WorkspaceView, overcommitRatio: number): void {
    // A file on its own (the usual one-file playbook, edited in the editor): without this, a question
    // to the reference index per goal and person, ≈ 14 ms per edit of a 10k-line file (bench/NOTES.md).
    // Its own figures already say "nothing elsewhere" (`workspaceLoad` = `load`, no lines elsewhere).
    if (view.isolated?.(analysis.document)) return;
    let folder: URI | undefined;
    const fileOf = (document: LangiumDocument) => UriUtils.relative((folder ??= UriUtils.dirname(analysis.document.uri)), document.uri);
    const contributing = new Map<string, LangiumDocument<Document>>();
    // A file nobody imports: no other file names its goals (SPEC §4), nothing to look up per goal.
    const goals = view.unimported?.(analysis.document) ? [] : analysis.goals;
    for (const goal of goals) {
        const references = view.referencesFrom(goal.node, analysis.document);
        if (references.length === 0) continue;
        const walk: ForeignWalk = { analysis, goal, view, fileOf, contributing };
        const foreign: Contribution[] = [];
        for (const { document, node } of references) {
            let contribution = contributionOf(analysis, goal, view.local(document), node);
            if (contribution === 'none') continue;
            // Error recovery leaves a file that does not parse half-read: its numbers are unknown.
            if (contribution !== 'served' && !parses(document)) contribution = 'unresolved';
            goal.hasPlan = true;
            if (contribution === 'served') {
                const name = (node as { name?: string }).name;
                if (typeof name === 'string' && !goal.servedBy.includes(name)) goal.servedBy.push(name);
            } else if (contribution === 'unresolved') {
                goal.unresolvedContributions++;
            } else if (contribution === 'mismatch') {
                goal.mismatchedDeliveries++;
            } else {
                placeForeign(walk, contribution, document, goal, analysis.period, new Set([goal.node]));
                foreign.push(contribution);
            }
        }
        // Largest first; then by file and name, so that equal amounts keep one order.
        foreign.sort((a, b) => b.amount.cmp(a.amount) || compareText(a.file ?? '', b.file ?? '') || compareText(a.from, b.from));
        goal.contributions.push(...foreign);
        finishCoverage(goal, overcommitRatio);
    }
    for (const person of analysis.people) addLoadElsewhere(analysis, person, view, fileOf);
    analysis.contributesTo = upwardContributions(analysis, view, fileOf);
    analysis.workspaceChannels = [...contributing.values()]
        .sort((a, b) => compareText(a.uri.toString(), b.uri.toString()))
        .flatMap(document => {
            const other = view.local(document);
            const file = fileOf(document);
            const owners = [
                ...other.channels.map(c => ({ name: c.name, type: 'Channel' as const })),
                ...other.campaigns.map(c => ({ name: c.name, type: 'Campaign' as const }))
            ];
            return owners.map(owner => (other.name !== undefined ? { ...owner, playbook: other.name, file } : { ...owner, file }));
        });
}

/** What the walk of one goal's contributions from other files carries along. */
interface ForeignWalk {
    analysis: PlaybookAnalysis;
    /** The goal of `analysis` they add up to. */
    goal: GoalFigures;
    view: WorkspaceView;
    fileOf: (document: LangiumDocument) => string;
    /** The files contributing, by URI (their channels may be named in this playbook's actuals). */
    contributing: Map<string, LangiumDocument<Document>>;
}

/**
 * A contribution written in `document` (another file) to `paced` (a goal of the playbook whose period is
 * `period`): its file, channels, playbook, region, pacing (as `document`'s review paces it) and, for a
 * sub-goal, what other files contribute to it in turn (`seen`: the goals met on the way down).
 */
function placeForeign(
    walk: ForeignWalk,
    contribution: Contribution,
    document: LangiumDocument<Document>,
    paced: GoalFigures,
    period: DateRange | undefined,
    seen: Set<AstNode>
): void {
    const other = walk.view.local(document);
    contribution.file = walk.fileOf(document);
    walk.contributing.set(document.uri.toString(), document);
    contribution.channels = contribution.kind === 'delivery' ? [contribution.from] : [...feeders(contribution.from, other)];
    if (other.name !== undefined) contribution.playbook = other.name;
    if (other.playbook?.region !== undefined) contribution.region = other.playbook.region;
    const from =
        contribution.kind === 'sub-goal'
            ? other.goals.find(candidate => candidate.name === contribution.from)
            : contribution.fromType === 'Campaign'
              ? other.campaigns.find(campaign => campaign.name === contribution.from)
              : undefined;
    const pacing = contributionPacing(contribution, from, other.period, paced, period);
    if (pacing) contribution.pacing = pacing;
    if (contribution.kind === 'sub-goal' && from) {
        const nested = nestedContributions(walk, document, from as GoalFigures, seen);
        if (nested.length > 0) contribution.nested = nested;
    }
}

/**
 * SPEC §8 down the playbook tree: what other files contribute to `sub` (a sub-goal of the walk's goal
 * written in `document`), and to their sub-goals in turn — a national goal's region is split further by
 * its cities. In the walk's goal's unit (money through this playbook's `fx`), largest first, each placed
 * like a direct contribution (`placeForeign`). Informative only: the sub-goal's target already holds them
 * (no coverage counts them).
 */
function nestedContributions(walk: ForeignWalk, document: LangiumDocument<Document>, sub: GoalFigures, seen: Set<AstNode>): Contribution[] {
    const { analysis, goal, view } = walk;
    if (seen.has(sub.node)) return [];
    seen.add(sub.node);
    const owner = view.local(document);
    const found: Contribution[] = [];
    for (const reference of view.referencesFrom(sub.node, document)) {
        if (reference.document === analysis.document || !parses(reference.document)) continue;
        const contribution = contributionOf(owner, sub, view.local(reference.document), reference.node);
        if (typeof contribution === 'string') continue;
        const amount = inCurrency(analysis, goal, contribution.amount, owner.currency);
        if (amount === undefined) continue;
        contribution.amount = amount;
        if (goal.target !== undefined && goal.target.sign() > 0) contribution.shareOfTarget = amount.divide(goal.target, 12).toNumber();
        else delete contribution.shareOfTarget;
        placeForeign(walk, contribution, reference.document, sub, owner.period, seen);
        found.push(contribution);
    }
    return found.sort((a, b) => b.amount.cmp(a.amount) || compareText(a.file ?? '', b.file ?? '') || compareText(a.from, b.from));
}

/** The channels and campaigns of `other` whose rows count for its goal `name`: those delivering to it or to its sub-goals. */
function feeders(name: string, other: PlaybookAnalysis, seen = new Set<string>()): Set<string> {
    const names = new Set<string>();
    const goal = other.goals.find(g => g.name === name);
    if (!goal || seen.has(name)) return names;
    seen.add(name);
    for (const c of goal.contributions) {
        if (c.file !== undefined) continue;
        if (c.kind === 'delivery') names.add(c.from);
        else for (const n of feeders(c.from, other, seen)) names.add(n);
    }
    return names;
}

/**
 * What this file's sub-goals and deliveries add to goals declared in other files (SPEC §8: a child's
 * share of its parent's goals), read through the other file's own figures.
 */
function upwardContributions(
    analysis: PlaybookAnalysis,
    view: WorkspaceView,
    fileOf: (document: LangiumDocument) => string
): UpwardContribution[] {
    const result: UpwardContribution[] = [];
    const add = (
        target: Goal | undefined,
        from: string,
        fromType: UpwardContribution['fromType'],
        amount: Decimal | undefined,
        metric: string | undefined
    ) => {
        if (!target || amount === undefined) return;
        const document = AstUtils.getDocument(target) as LangiumDocument<Document>;
        if (document === analysis.document) return;
        const other = view.local(document);
        const goal = other.goals.find(candidate => candidate.node === target);
        if (!goal?.metric || goal.metric.name !== metric) return;
        let inUnit: Decimal | undefined = amount;
        if (goal.metric.kind === 'money' && analysis.currency !== other.currency) {
            inUnit = other.fx.convert({ amount, currency: analysis.currency }, other.currency)?.amount;
        }
        if (inUnit === undefined) return;
        const found: UpwardContribution = { goal: goal.name, file: fileOf(document), bound: goal.bound, from, fromType, amount: inUnit };
        if (goal.title !== undefined) found.goalTitle = goal.title;
        if (other.name !== undefined) found.playbook = other.name;
        if (goal.target !== undefined) {
            found.target = goal.target;
            if (goal.target.sign() > 0) found.share = inUnit.divide(goal.target, 12).toNumber();
        }
        if (goal.unit) found.unit = goal.unit;
        if (fromType === 'Channel' && goal.target !== undefined && goal.target.sign() > 0) {
            const pacing = pacingSchedule(goal, other.period, amount);
            if (pacing) found.pacing = pacing;
        }
        result.push(found);
    };
    for (const goal of analysis.goals) {
        if (goal.cycle) continue;
        add(goal.node.parent?.ref, goal.name, 'Goal', goal.target, goal.metric?.name);
    }
    for (const owner of [...analysis.channels, ...analysis.campaigns]) {
        for (const delivery of owner.deliveries) {
            if (delivery.counts) add(delivery.node.goal?.ref, delivery.from, delivery.fromType, delivery.amount, delivery.metric);
        }
    }
    return result;
}

function parses(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0;
}

type Counted = Contribution | 'none' | 'served' | 'unresolved' | 'mismatch';

/** What one node of another file adds to `goal`: a delivery, a sub-goal's target, a `serves`, or nothing. */
function contributionOf(analysis: PlaybookAnalysis, goal: GoalFigures, other: PlaybookAnalysis, node: AstNode): Counted {
    if (node.$type === 'Delivery' && (node as Delivery).goal?.ref === goal.node) {
        const delivery = deliveryFigures(other, node as Delivery);
        if (!delivery) return 'unresolved';
        if (delivery.counts && delivery.amount !== undefined) {
            const amount = inCurrency(analysis, goal, delivery.amount, other.currency);
            if (amount === undefined) return 'unresolved';
            const found: Contribution = { kind: 'delivery', from: delivery.from, fromType: delivery.fromType, node, amount };
            const owner = [...other.channels, ...other.campaigns].find(candidate => candidate.deliveries.includes(delivery))?.owner;
            if (owner !== undefined) found.owner = owner;
            return found;
        }
        if (delivery.metric !== undefined && goal.metric !== undefined && delivery.metric !== goal.metric.name) return 'mismatch';
        return 'unresolved';
    }
    if (node.$type === 'Goal' && (node as Goal).parent?.ref === goal.node) {
        const sub = other.goals.find(candidate => candidate.node === node);
        // Never around a `part of` loop (goal-cycle says so).
        if (!sub || (sub.cycle && goal.cycle)) return 'none';
        const written = (node as Goal).target;
        if (written && (sub.target === undefined || !sub.metric?.kind)) return 'unresolved';
        // A sub-goal counts with its target in the parent's metric only (SPEC §5).
        if (sub.target === undefined || sub.metric?.node !== goal.metric?.node) return 'none';
        const amount = inCurrency(analysis, goal, sub.target, other.currency);
        if (amount === undefined) return 'unresolved';
        const found: Contribution = { kind: 'sub-goal', from: sub.name, fromType: 'Goal', node: written ?? node, amount };
        if (sub.owner !== undefined) found.owner = sub.owner;
        return found;
    }
    const serves = (node as { serves?: { ref?: AstNode }[] }).serves;
    if ((node.$type === 'Campaign' || node.$type === 'Workstream') && serves?.some(reference => reference.ref === goal.node))
        return 'served';
    return 'none';
}

function deliveryFigures(analysis: PlaybookAnalysis, node: Delivery): DeliveryFigures | undefined {
    for (const owner of [...analysis.channels, ...analysis.campaigns]) {
        const found = owner.deliveries.find(delivery => delivery.node === node);
        if (found) return found;
    }
    return undefined;
}

/** Money written in another playbook's currency, in this one's (through this playbook's `fx`). */
function inCurrency(analysis: PlaybookAnalysis, goal: GoalFigures, amount: Decimal, currency: string): Decimal | undefined {
    if (goal.metric?.kind !== 'money' || currency === analysis.currency) return amount;
    return analysis.fx.convert({ amount, currency }, analysis.currency)?.amount;
}

function addLoadElsewhere(
    analysis: PlaybookAnalysis,
    person: PersonFigures,
    view: WorkspaceView,
    fileOf: (document: LangiumDocument) => string
): void {
    const { lines, periods } = view.loadLines(person.node);
    // No `responsible` line anywhere (most people of a shared team file, seen by every file): nothing to
    // add, and no closure per person and file kept for the lines (issue 19, heap).
    if (lines.length === 0) return;
    let load = person.load;
    for (const bucket of periods) {
        if (!overlaps(analysis.period, bucket.period)) continue;
        load = load.add(bucket.total);
        const own = bucket.byDocument.get(analysis.document);
        if (own) load = load.sub(own);
    }
    person.workspaceLoad = load;
    // No line in another file: the analysis's own `elsewhere` (none) stays.
    if (!lines.some(line => line.document !== analysis.document)) return;
    // The lines themselves only when read (an overloaded person's diagnostic, hover): every file of a
    // large workspace sees the same people, and most are not overloaded.
    let elsewhere: readonly ElsewhereLine[] | undefined;
    person.elsewhere = () => {
        elsewhere ??= lines
            .filter(line => line.document !== analysis.document && overlaps(analysis.period, line.period))
            .map(line => {
                const share = { workstream: line.workstream, share: line.share, node: line.node, file: fileOf(line.document) };
                return line.playbook !== undefined ? { ...share, playbook: line.playbook } : share;
            });
        return elsewhere;
    };
}

/** Two playbook periods share a day; a file without a period (no playbook) overlaps every other. */
function overlaps(a: DateRange | undefined, b: DateRange | undefined): boolean {
    if (!a || !b) return true;
    return compareDates(a.start, b.end) <= 0 && compareDates(b.start, a.end) <= 0;
}

function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
