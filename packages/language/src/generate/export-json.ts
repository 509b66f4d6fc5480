// `opsbook export --format json`: the resolved model with its computed figures, for dashboards and
// other tools. Keys are written in a fixed order and are always present (null when unknown); exact
// amounts are decimal strings ("14.285714285714"), never floats; ratios (coverage, shares, spread)
// are numbers rounded to 6 decimals; dates are ISO strings. docs/cli.md documents the shape and
// schemas/export.schema.json describes it formally.

import { URI, UriUtils } from 'langium';
import type { Contribution, DeliveryFigures, PlaybookAnalysis, PlaybookRef } from '../analysis/model.js';
import { reviewDates } from '../analysis/review-analysis.js';
import { type CalendarDate, formatDate } from '../values/date.js';
import { Decimal } from '../values/decimal.js';
import { parseNumberLiteral } from '../values/number-literal.js';
import type { DateRange } from '../values/period.js';
import { BIDI_CONTROLS, TERMINAL_CONTROLS } from './markdown-escape.js';

export const EXPORT_FORMAT = 'opsbook-export';
export const EXPORT_VERSION = 1;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const dec = (d: Decimal | undefined): Json => (d === undefined ? null : d.toString());
const ratio = (r: number | undefined): Json => (r === undefined || !Number.isFinite(r) ? null : Decimal.of(r).round(6).toNumber());
const str = (s: string | undefined): Json => s ?? null;
const bool = (b: boolean | undefined): Json => b ?? null;
const date = (d: CalendarDate | undefined): Json => (d ? formatDate(d) : null);
const range = (r: DateRange | undefined): Json => (r ? { start: formatDate(r.start), end: formatDate(r.end) } : null);

/** An fx rate as written (`7.1`, `1.2k`) as an exact decimal string. */
function fxRate(text: string | undefined): Json {
    const parsed = text === undefined ? undefined : parseNumberLiteral(text);
    return parsed?.ok ? parsed.value.toString() : str(text);
}

function deliveries(list: readonly DeliveryFigures[]): Json {
    return list.map(d => ({
        goal: str(d.goal),
        metric: str(d.metric),
        amount: dec(d.amount),
        counts: d.counts,
        shareOfGoal: ratio(d.shareOfGoal)
    }));
}

function contribution(c: Contribution): Json {
    // `file` and `playbook`: where a contribution from another file of the workspace is written (SPEC §8).
    return {
        kind: c.kind,
        from: c.from,
        fromType: c.fromType,
        amount: dec(c.amount),
        shareOfTarget: ratio(c.shareOfTarget),
        file: str(c.file),
        playbook: str(c.playbook),
        // SPEC §8 down the tree: what the sub-goal's own children add to it (a region's cities), only where there are some.
        ...(c.nested ? { nested: c.nested.map(contribution) } : {})
    };
}

/** The export as a plain JSON value (stable key order). */
export function exportModel(a: PlaybookAnalysis, source: string): Json {
    const t = a.budgetTotals;
    return {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        source,
        playbook: {
            name: str(a.name),
            title: str(a.title),
            product: str(a.product),
            stage: str(a.stage),
            period: range(a.period),
            currency: a.currency,
            fx: (a.playbook?.fx ?? []).map(r => ({ from: r.from, rate: fxRate(r.rate), to: r.to })),
            budget: dec(a.budget),
            locale: a.locale,
            // SPEC §8: the playbook this one is part of, and its region.
            parent: str(a.tree?.parent?.name),
            region: str(a.tree?.region)
        },
        strategies: a.strategies.map(s => ({
            name: s.name,
            title: str(s.title),
            focus: str(s.focus),
            rationale: str(s.rationale),
            competition: str(s.competition),
            suitsStage: bool(s.suitsStage),
            goals: [...s.goals]
        })),
        metrics: [...a.metrics.values()].map(m => ({
            name: m.name,
            title: str(m.title),
            kind: str(m.kind),
            monitored: m.monitored,
            monitoredByChannel: m.monitoredByChannel
        })),
        funnels: a.funnels.map(f => ({ name: f.name, steps: [...f.steps] })),
        goals: a.goals.map(g => ({
            name: g.name,
            title: str(g.title),
            metric: str(g.metric?.name),
            bound: g.bound,
            target: dec(g.target),
            deadline: date(g.deadline),
            // SPEC §9: only goals with milestones carry the key (exports of plans without them stay as they were).
            ...(g.milestones.length > 0
                ? {
                      milestones: g.milestones.map(m => ({
                          amount: dec(m.amount),
                          date: date(m.date),
                          shareOfTarget: ratio(m.shareOfTarget)
                      }))
                  }
                : {}),
            owner: str(g.owner),
            strategy: str(g.strategy),
            parent: str(g.parent),
            subGoals: [...g.subGoals],
            additive: g.additive,
            planned: dec(g.planned),
            coverage: ratio(g.coverage),
            shortfall: dec(g.shortfall),
            status: g.status,
            contributions: g.contributions.map(contribution),
            servedBy: [...g.servedBy],
            forecast: str(g.forecast),
            monitored: g.monitored
        })),
        channels: a.channels.map(c => ({
            name: c.name,
            title: str(c.title),
            kind: str(c.kind),
            owner: str(c.owner),
            budget: dec(c.budget),
            budgetShare: ratio(c.budgetShare),
            cpaLimit: dec(c.cpaLimit),
            unitMetric: str(c.unitMetric),
            unitsDelivered: dec(c.unitsDelivered),
            impliedCostPerUnit: dec(c.impliedCostPerUnit),
            assumption: c.assumption
                ? {
                      volume: dec(c.assumption.volume),
                      metric: str(c.assumption.metric),
                      rate: dec(c.assumption.rate),
                      derived: dec(c.assumption.derived),
                      nextMetric: str(c.assumption.nextMetric),
                      delivered: dec(c.assumption.delivered),
                      deviation: ratio(c.assumption.deviation)
                  }
                : null,
            deliveries: deliveries(c.deliveries),
            campaigns: [...c.campaigns]
        })),
        campaigns: a.campaigns.map(c => ({
            name: c.name,
            title: str(c.title),
            type: str(c.type),
            window: range(c.window),
            binding: str(c.binding),
            region: str(c.region),
            via: str(c.via),
            owner: str(c.owner),
            budget: dec(c.budget),
            budgetShare: ratio(c.budgetShare),
            unitMetric: str(c.unitMetric),
            unitsDelivered: dec(c.unitsDelivered),
            impliedCostPerUnit: dec(c.impliedCostPerUnit),
            deliveries: deliveries(c.deliveries),
            serves: [...c.serves]
        })),
        budget: {
            total: dec(t.total),
            channels: dec(t.channels),
            campaigns: dec(t.campaigns),
            allocated: dec(t.allocated),
            remaining: dec(t.remaining),
            items: t.items.map(i => ({ name: i.name, type: i.type, amount: dec(i.amount), share: ratio(i.share) }))
        },
        workstreams: a.workstreams.map(w => ({
            name: w.name,
            title: str(w.title),
            responsible: w.responsible.map(r => ({ person: r.person, share: dec(r.share) })),
            accountable: str(w.accountable),
            consulted: [...w.consulted],
            informed: [...w.informed],
            serves: [...w.serves]
        })),
        people: a.people.map(p => ({
            name: p.name,
            title: str(p.title),
            role: str(p.role),
            team: str(p.team),
            capacity: dec(p.capacity),
            load: dec(p.load),
            loadRatio: ratio(p.loadRatio),
            assignments: p.assignments.map(x => ({ role: x.role, type: x.type, name: x.name, share: dec(x.share) }))
        })),
        assessments: a.assessments.map(s => ({
            person: str(s.person),
            totalWeight: dec(s.totalWeight),
            kpis: s.kpis.map(k => ({
                subject: str(k.subject),
                subjectType: str(k.subjectType),
                label: str(k.label),
                target: dec(k.target),
                per: str(k.per),
                weight: dec(k.weight)
            }))
        })),
        forecasts: a.forecasts.map(f => ({
            name: f.name,
            goal: str(f.goal),
            sales: dec(f.sales),
            finance: dec(f.finance),
            market: dec(f.market),
            decided: dec(f.decided),
            decider: str(f.decider),
            min: dec(f.min),
            max: dec(f.max),
            median: dec(f.median),
            spread: ratio(f.spread),
            decisionInside: bool(f.decisionInside),
            matchesGoal: bool(f.matchesGoal)
        })),
        monitors: a.monitors.map(m => ({
            metric: str(m.metric),
            byChannel: m.byChannel,
            every: str(m.every),
            source: str(m.source),
            alert: m.alert ? { direction: m.alert.direction, threshold: dec(m.alert.threshold), per: str(m.alert.per) } : null
        })),
        reviews: a.reviews.map(r => ({
            name: r.name,
            title: str(r.title),
            owner: str(r.owner),
            schedules: r.schedules.map(s => ({ every: str(s.every), weekday: str(s.weekday), date: date(s.date) })),
            dates: a.period ? reviewDates(r, a.period).map(formatDate) : [],
            covers: [...r.covers],
            asks: [...r.asks]
        })),
        organisation: organisation(a)
    };
}

/**
 * SPEC §8: this playbook's place in the workspace's tree — its parent chain, its children with their
 * budgets and what each adds to this playbook's goals, what this file adds to other files' goals, and
 * the mandatory campaigns that reach it. Files are relative to this file's folder.
 */
function organisation(a: PlaybookAnalysis): Json {
    const folder = UriUtils.dirname(a.document.uri);
    const fileOf = (uri: string) => UriUtils.relative(folder, URI.parse(uri));
    const tree = a.tree;
    const ref = (p: PlaybookRef) => ({ name: p.name, title: str(p.title), region: str(p.region), file: fileOf(p.uri) });
    return {
        parent: tree?.parent ? ref(tree.parent) : null,
        ancestors: (tree?.ancestors ?? []).map(p => p.name),
        shareOfParentBudget: ratio(tree?.shareOfParentBudget),
        cycle: tree?.cycle ? [...tree.cycle] : null,
        children: (tree?.children ?? []).map(c => ({
            ...ref(c),
            period: range(c.period),
            budget: dec(c.ownBudget?.amount),
            currency: str(c.ownBudget?.currency),
            budgetInThisCurrency: dec(c.budget),
            budgetShare: ratio(c.budgetShare),
            contributions: a.goals.flatMap(g => {
                const mine = g.contributions.filter(x => x.file !== undefined && x.playbook === c.name);
                return mine.length === 0
                    ? []
                    : [
                          {
                              goal: g.name,
                              amount: dec(Decimal.sum(mine.map(x => x.amount))),
                              shareOfTarget: ratio(
                                  g.target && g.target.sign() > 0
                                      ? Decimal.sum(mine.map(x => x.amount))
                                            .divide(g.target, 12)
                                            .toNumber()
                                      : undefined
                              )
                          }
                      ];
            })
        })),
        childPlaybooksBudget: tree && tree.children.length > 0 ? dec(a.budgetTotals.childPlaybooks) : null,
        contributesTo: a.contributesTo.map(c => ({
            goal: c.goal,
            playbook: str(c.playbook),
            file: c.file,
            from: c.from,
            fromType: c.fromType,
            amount: dec(c.amount),
            target: dec(c.target),
            shareOfTarget: ratio(c.share)
        })),
        mandatoryCampaigns: (tree?.mandatoryCampaigns ?? []).map(c => ({
            name: c.name,
            playbook: c.playbook,
            type: str(c.type),
            window: range(c.window),
            region: str(c.region),
            owner: str(c.owner),
            budget: dec(c.budget),
            currency: c.currency
        }))
    };
}

const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The export as text: two-space indentation, a final newline. */
export function exportJson(a: PlaybookAnalysis, source: string): string {
    // Bidi controls, DEL and C1 controls are written as \u escapes (JSON.stringify escapes C0 only): the
    // same string once parsed, but the file cannot read in another order than it is (Trojan Source) in
    // an editor or a diff, and printed to a terminal it cannot drive it (RELIABILITY.md, round two, 6).
    const json = JSON.stringify(exportModel(a, source), null, 2)
        .replace(BIDI_CONTROLS, unicodeEscape)
        .replace(TERMINAL_CONTROLS, unicodeEscape);
    return `${json}\n`;
}
