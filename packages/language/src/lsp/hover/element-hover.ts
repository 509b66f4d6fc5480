import type { AstNode } from 'langium';
import type { Contribution, MonitorInfo, PersonFigures } from '../../analysis/model.js';
import { BINDINGS, CAMPAIGN_TYPES, CHANNEL_KINDS, FOCUSES, METRIC_KINDS, STAGES } from '../../analysis/vocabulary.js';
import type { Assessment, Funnel, Monitor, Team } from '../../generated/ast.js';
import { formatDate } from '../../values/date.js';
import { formatRange } from '../../values/period.js';
import type { FigureText } from '../figure-text.js';
import { code, escapeMarkdown } from '../markdown.js';

/**
 * The figure lines of an element's hover, read from the analysis of the file that declares it (people
 * and metrics: of the file being edited, which sees them through its imports).
 */
export function elementFigures(node: AstNode, x: FigureText): string[] {
    switch (node.$type) {
        case 'Goal':
            return goalLines(node, x);
        case 'Channel':
        case 'Campaign':
            return deliveringLines(node, x);
        case 'Person':
            return personLines(
                x.analysis.people.find(person => person.node === node),
                x
            );
        case 'Metric':
            return metricLines(node, x);
        case 'Workstream':
            return workstreamLines(node, x);
        case 'Forecast':
            return forecastLines(node, x);
        case 'Assessment':
            return assessmentLines(node as Assessment, x);
        case 'Playbook':
            return playbookLines(x);
        case 'Strategy':
            return strategyLines(node, x);
        case 'Team':
            return teamLines(node as Team, x);
        case 'Funnel':
            return funnelLines(node as Funnel, x);
        case 'Monitor':
            return monitorLines(node as Monitor, x);
        case 'Review':
            return reviewLines(node, x);
        default:
            return [];
    }
}

function goalLines(node: AstNode, x: FigureText): string[] {
    const goal = x.analysis.goals.find(candidate => candidate.node === node);
    if (!goal) return [];
    const { f, t } = x;
    const lines: string[] = [];
    if (goal.target !== undefined) {
        const deadline = goal.deadline ? ` ${t.deadline} ${formatDate(goal.deadline)}` : '';
        lines.push(`${t.target}${t.colon}${t.bound[goal.bound]} ${f.qty(goal.target, goal.unit)}${deadline}`);
    }
    // SPEC §9: the milestones, with each one's share of the target.
    const milestones = goal.milestones.filter(m => m.amount !== undefined && m.date);
    if (milestones.length > 0) {
        const items = milestones.map(m =>
            t.milestoneItem(
                f.amount(m.amount as NonNullable<typeof m.amount>, goal.unit),
                formatDate(m.date as NonNullable<typeof m.date>),
                x.share(m.shareOfTarget)
            )
        );
        lines.push(`${t.milestones}${t.colon}${items.join(t.listSeparator)}`);
    }
    if (goal.additive && goal.target !== undefined) {
        const state =
            goal.status === 'undercovered' && goal.shortfall
                ? `${t.status.undercovered}${t.comma}${t.short(f.amount(goal.shortfall, goal.unit))}`
                : goal.status === 'overcommitted' && goal.excess
                  ? `${t.status.overcommitted}${t.comma}${t.over(f.amount(goal.excess, goal.unit))}`
                  : t.status[goal.status];
        lines.push(
            `${t.planned}${t.colon}${f.amount(goal.planned, goal.unit)} / ${f.amount(goal.target, goal.unit)}${goal.coverage !== undefined ? ` (${x.share(goal.coverage)})` : ''} — ${state}`
        );
    } else if (goal.status === 'not-additive' || goal.status === 'unplanned') {
        lines.push(`${t.planned}${t.colon}${t.status[goal.status]}`);
    }
    if (goal.contributions.length > 0) {
        lines.push(`${t.contributions}${t.colon.trim()}`);
        const item = (contribution: Contribution, indent: string) => {
            const share = x.share(contribution.shareOfTarget);
            return `${indent}- ${x.type(contribution.fromType)} ${code(contribution.from)}: ${f.amount(contribution.amount, goal.unit)}${share ? ` (${share})` : ''}`;
        };
        for (const contribution of goal.contributions) if (contribution.file === undefined) lines.push(item(contribution, ''));
        // SPEC §8: the contributions written in other files of the workspace, by file.
        const files = [...new Set(goal.contributions.flatMap(c => (c.file !== undefined ? [c.file] : [])))].sort();
        for (const file of files) {
            const fromFile = goal.contributions.filter(c => c.file === file);
            const playbook = fromFile[0]?.playbook;
            const heading = `- ${code(file)}${playbook !== undefined ? ` (${code(playbook)})` : ''}${t.colon.trim()}`;
            lines.push([heading, ...fromFile.map(c => item(c, '  '))].join('\n'));
        }
    }
    if (goal.servedBy.length > 0) lines.push(`${t.servedBy}${t.colon}${goal.servedBy.map(code).join(t.listSeparator)}`);
    const facts = [
        goal.owner ? `${t.owner}${t.colon}${code(goal.owner)}` : undefined,
        goal.strategy ? `${t.strategy}${t.colon}${code(goal.strategy)}` : undefined,
        goal.parent ? `${t.partOf}${t.colon}${code(goal.parent)}` : undefined
    ].filter(Boolean);
    if (facts.length > 0) lines.push(facts.join(' · '));
    return lines;
}

function deliveringLines(node: AstNode, x: FigureText): string[] {
    const figures =
        node.$type === 'Channel' ? x.analysis.channels.find(c => c.node === node) : x.analysis.campaigns.find(c => c.node === node);
    if (!figures) return [];
    const { f, t } = x;
    const lines: string[] = [];
    const facts: string[] = [];
    if ('kind' in figures && figures.kind) facts.push(x.value(CHANNEL_KINDS, figures.kind));
    if ('type' in figures && figures.type) facts.push(x.value(CAMPAIGN_TYPES, figures.type));
    if ('binding' in figures && figures.binding) facts.push(x.value(BINDINGS, figures.binding));
    if ('window' in figures && figures.window) facts.push(`${t.window}${t.colon}${formatRange(figures.window)}`);
    if ('via' in figures && figures.via) facts.push(`${t.via}${t.colon}${code(figures.via)}`);
    if (figures.owner) facts.push(`${t.owner}${t.colon}${code(figures.owner)}`);
    if (facts.length > 0) lines.push(facts.join(' · '));
    if (figures.budget !== undefined) {
        const share = x.share(figures.budgetShare);
        lines.push(`${t.budget}${t.colon}${x.money(figures.budget)}${share ? ` (${t.ofPlaybookBudget(share)})` : ''}`);
    }
    if (figures.deliveries.length > 0) {
        lines.push(`${t.delivers}${t.colon.trim()}`);
        for (const delivery of figures.deliveries) {
            if (delivery.amount === undefined) continue;
            lines.push(
                `- ${t.deliveryLine(x.quantity(delivery.amount, delivery.metric), code(delivery.goal ?? '?'), x.share(delivery.shareOfGoal))}`
            );
        }
    }
    if (figures.impliedCostPerUnit !== undefined && figures.unitMetric) {
        const limit = 'cpaLimit' in figures && figures.cpaLimit !== undefined ? ` · ${t.cpaLimit(x.money(figures.cpaLimit))}` : '';
        lines.push(`${t.impliedCost(x.money(figures.impliedCostPerUnit), code(figures.unitMetric))}${limit}`);
    }
    const assumption = 'assumption' in figures ? figures.assumption : undefined;
    if (assumption) {
        const derived = f.num(assumption.derived);
        const compared =
            assumption.nextMetric && assumption.delivered !== undefined
                ? ` · ${t.assumptionCompared(assumption.nextMetric, f.num(assumption.delivered))}`
                : '';
        lines.push(`${t.assumption(f.num(assumption.volume), assumption.metric ?? '?', f.points(assumption.rate), derived)}${compared}`);
    }
    if ('serves' in figures && figures.serves.length > 0)
        lines.push(`${t.serves}${t.colon}${figures.serves.map(code).join(t.listSeparator)}`);
    return lines;
}

/** Load, capacity and assignments of a person as seen by one playbook. */
export function personLines(person: PersonFigures | undefined, x: FigureText): string[] {
    if (!person) return [];
    const { f, t } = x;
    const lines: string[] = [];
    const facts = [
        person.role ? escapeMarkdown(person.role) : undefined,
        person.team ? `${t.team}${t.colon}${code(person.team)}` : undefined
    ].filter(Boolean);
    if (facts.length > 0) lines.push(facts.join(' · '));
    lines.push(`${t.load}${t.colon}${t.loadLine(f.points(person.load), f.points(person.capacity), x.share(person.loadRatio))}`);
    if (person.elsewhere().length > 0) {
        const ratio = person.capacity.sign() > 0 ? x.share(person.workspaceLoad.divide(person.capacity, 12).toNumber()) : undefined;
        const shares = person.elsewhere().map(r => `${code(r.workstream)} ${f.points(r.share)} (${code(r.playbook ?? r.file)})`);
        lines.push(
            `${t.workspaceLoad}${t.colon}${t.loadLine(f.points(person.workspaceLoad), f.points(person.capacity), ratio)} — ${shares.join(t.listSeparator)}`
        );
    }
    if (person.assignments.length > 0) {
        lines.push(`${t.assignments}${t.colon.trim()}`);
        for (const assignment of person.assignments) {
            const share = assignment.share !== undefined ? ` (${f.points(assignment.share)})` : '';
            lines.push(`- ${t.role[assignment.role]} ${x.type(assignment.type)} ${code(assignment.name)}${share}`);
        }
    }
    if (person.assessedOn.length > 0) lines.push(`${t.assessedOn}${t.colon}${person.assessedOn.map(code).join(t.listSeparator)}`);
    return lines;
}

function metricLines(node: AstNode, x: FigureText): string[] {
    const info = [...x.analysis.metrics.values()].find(metric => metric.node === node);
    if (!info) return [];
    const { t } = x;
    const lines = [`${t.kind}${t.colon}${info.kind ? x.value(METRIC_KINDS, info.kind) : '?'}`];
    const monitors = x.analysis.monitors.filter(monitor => monitor.metric === info.name);
    if (monitors.length > 0) {
        const how = monitors.map(monitor => monitorHow(monitor, x));
        lines.push(t.monitored(how.join(x.locale === 'zh-CN' ? '；' : '; ')));
    } else if (x.analysis.playbook) {
        lines.push(t.notMonitored);
    }
    return lines;
}

function workstreamLines(node: AstNode, x: FigureText): string[] {
    const workstream = x.analysis.workstreams.find(w => w.node === node);
    if (!workstream) return [];
    const { f, t } = x;
    const lines = workstream.responsible.map(r => `- ${t.raci.responsible}${t.colon}${code(r.person)} ${f.points(r.share)}`);
    if (workstream.accountable) lines.push(`- ${t.raci.accountable}${t.colon}${code(workstream.accountable)}`);
    if (workstream.consulted.length > 0)
        lines.push(`- ${t.raci.consulted}${t.colon}${workstream.consulted.map(code).join(t.listSeparator)}`);
    if (workstream.informed.length > 0) lines.push(`- ${t.raci.informed}${t.colon}${workstream.informed.map(code).join(t.listSeparator)}`);
    if (workstream.serves.length > 0) lines.push(`${t.serves}${t.colon}${workstream.serves.map(code).join(t.listSeparator)}`);
    return lines;
}

function forecastLines(node: AstNode, x: FigureText): string[] {
    const forecast = x.analysis.forecasts.find(candidate => candidate.node === node);
    if (!forecast) return [];
    const { f, t } = x;
    const amount = (value: typeof forecast.sales) => (value === undefined ? '—' : f.amount(value, forecast.unit));
    const lines = [
        `${t.forecasts}${t.colon}sales ${amount(forecast.sales)} · finance ${amount(forecast.finance)} · market ${amount(forecast.market)}`
    ];
    const spread = x.share(forecast.spread);
    const decided = forecast.decided !== undefined ? t.decided(amount(forecast.decided), code(forecast.decider ?? '?')) : undefined;
    const facts = [spread ? t.spread(spread) : undefined, decided].filter(Boolean);
    if (facts.length > 0) lines.push(facts.join(' · '));
    if (forecast.goalTarget !== undefined && forecast.goal)
        lines.push(`${t.target} ${code(forecast.goal)}: ${amount(forecast.goalTarget)}`);
    return lines;
}

function assessmentLines(node: Assessment, x: FigureText): string[] {
    const assessment = x.analysis.assessments.find(candidate => candidate.node === node);
    if (!assessment) return [];
    const { f, t } = x;
    const lines = assessment.kpis.map(
        kpi => `- ${kpi.subject ? code(kpi.subject) : escapeMarkdown(`"${kpi.label ?? ''}"`)} ${f.points(kpi.weight)}`
    );
    lines.push(t.weights(f.points(assessment.totalWeight)));
    return lines;
}

function playbookLines(x: FigureText): string[] {
    const { analysis, f, t } = x;
    const lines: string[] = [];
    const facts = [
        analysis.product ? escapeMarkdown(analysis.product) : undefined,
        analysis.stage ? x.value(STAGES, analysis.stage) : undefined,
        analysis.period ? formatRange(analysis.period) : undefined,
        analysis.currency
    ].filter(Boolean);
    lines.push(facts.join(' · '));
    const totals = analysis.budgetTotals;
    if (totals.total !== undefined && !totals.total.isZero()) {
        lines.push(
            `${t.budget}${t.colon}${t.allocated(x.money(totals.allocated), x.money(totals.total), f.pct(totals.allocated.divide(totals.total)))}`
        );
        if (totals.remaining !== undefined) lines.push(t.remaining(x.money(totals.remaining)));
    }
    lines.push(t.goalsCount(analysis.goals.length));
    // SPEC §8: where the playbook sits in the tree, what its children are given, what its parents impose.
    const tree = analysis.tree;
    if (!tree) return lines;
    const place = [
        tree.parent ? `${t.partOf}${t.colon}${code(tree.parent.name)}` : undefined,
        tree.region !== undefined ? `${t.region}${t.colon}${escapeMarkdown(tree.region)}` : undefined
    ].filter(Boolean);
    if (place.length > 0) lines.push(place.join(' · '));
    if (tree.children.length > 0) {
        lines.push(`${t.childPlaybooks}${t.colon.trim()}`);
        for (const child of tree.children) {
            const budget =
                child.budget !== undefined
                    ? `: ${x.money(child.budget)}${child.budgetShare !== undefined ? ` (${t.ofPlaybookBudget(x.share(child.budgetShare) ?? '')})` : ''}`
                    : '';
            lines.push(`- ${code(child.name)}${child.region !== undefined ? ` (${escapeMarkdown(child.region)})` : ''}${budget}`);
        }
    }
    for (const setter of [...new Set(tree.mandatoryCampaigns.map(c => c.playbook))]) {
        const names = tree.mandatoryCampaigns
            .filter(c => c.playbook === setter)
            .map(c => `${code(c.name)}${c.window ? ` ${formatRange(c.window)}` : ''}`);
        lines.push(`${t.mandatoryFrom(escapeMarkdown(setter))}${t.colon}${names.join(t.listSeparator)}`);
    }
    return lines;
}

function strategyLines(node: AstNode, x: FigureText): string[] {
    const strategy = x.analysis.strategies.find(candidate => candidate.node === node);
    if (!strategy) return [];
    const lines = [strategy.focus ? x.t.focusLine(x.value(FOCUSES, strategy.focus)) : ''];
    if (strategy.rationale) lines.push(escapeMarkdown(strategy.rationale));
    if (strategy.goals.length > 0) lines.push(strategy.goals.map(code).join(x.t.listSeparator));
    return lines.filter(Boolean);
}

function teamLines(node: Team, x: FigureText): string[] {
    const { t } = x;
    const members = x.analysis.people.filter(person => person.team === node.name).map(person => code(person.name));
    const lines: string[] = [];
    if (node.lead?.$refText) lines.push(`${t.lead}${t.colon}${code(node.lead.$refText)}`);
    if (members.length > 0) lines.push(`${t.members}${t.colon}${members.join(t.listSeparator)}`);
    return lines;
}

function funnelLines(node: Funnel, x: FigureText): string[] {
    const funnel = x.analysis.funnels.find(candidate => candidate.node === node);
    if (!funnel) return [];
    return funnel.steps.map((step, index) => {
        const target = funnel.stepTargets[index];
        return `${index + 1}. ${code(step)}${target !== undefined ? ` — ${x.t.target} ${x.f.num(target)}` : ''}`;
    });
}

/** How a monitor watches its metric, in the hover's language; the source is user text, escaped. */
function monitorHow(monitor: MonitorInfo, x: FigureText): string {
    return x.t.monitorHow(monitor.every, monitor.byChannel, monitor.source ? escapeMarkdown(monitor.source) : undefined);
}

function monitorLines(node: Monitor, x: FigureText): string[] {
    const monitor = x.analysis.monitors.find(candidate => candidate.node === node);
    if (!monitor) return [];
    const lines = [monitorHow(monitor, x)];
    if (monitor.alert) lines.push(x.t.monitorAlert(monitor.alert.direction, x.f.num(monitor.alert.threshold), monitor.alert.per));
    return lines.filter(Boolean);
}

function reviewLines(node: AstNode, x: FigureText): string[] {
    const review = x.analysis.reviews.find(candidate => candidate.node === node);
    if (!review) return [];
    const { t } = x;
    const schedule = review.schedules
        .map(s => (s.date ? formatDate(s.date) : t.reviewEvery(s.every ?? '?', s.weekday || undefined)))
        .join(t.listSeparator);
    const lines: string[] = [];
    if (schedule) lines.push(`${t.schedule}${t.colon}${schedule}`);
    if (review.owner) lines.push(`${t.owner}${t.colon}${code(review.owner)}`);
    if (review.covers.length > 0) lines.push(`${t.covers}${t.colon}${review.covers.map(code).join(t.listSeparator)}`);
    return lines;
}
