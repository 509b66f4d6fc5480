// Monitoring and reviews (DOMAIN.md: "a goal whose metric nobody watches, or a plan with no review, is
// a defect of the plan"): which metrics are watched, by channel or not, and when the team reviews.

import type { Monitor, Review } from '../generated/ast.js';
import { type AnalysisScope, ofType, refName } from './analysis-scope.js';
import type { ChannelFigures, GoalFigures, MetricInfo, MonitorInfo, ReviewInfo } from './model.js';
import { ALERT_PER, MONITOR_EVERY, REVIEW_EVERY, WEEKDAY_WORDS } from './vocabulary.js';

/** Monitors of this file and of the files it imports (a shared metrics file may hold them). */
export function* analyzeMonitors(scope: AnalysisScope): Generator<void, MonitorInfo[]> {
    let turn = 0;
    const result: MonitorInfo[] = [];
    for (const node of [...ofType<Monitor>(scope.own, 'Monitor'), ...ofType<Monitor>(scope.imported, 'Monitor')]) {
        if ((++turn & 511) === 0) yield;
        const info: MonitorInfo = { node, byChannel: node.byChannel === true };
        const metric = refName(node.metric);
        if (metric !== undefined) info.metric = metric;
        const every = scope.resolver.word(node, 'every', node.every, MONITOR_EVERY, 'every');
        if (every) info.every = every;
        if (node.source !== undefined) info.source = node.source;
        const alert = node.alert;
        if (alert) {
            const threshold = scope.resolver.number(alert, 'threshold', alert.threshold);
            const per = scope.resolver.word(alert, 'per', alert.per, ALERT_PER, 'per');
            if (threshold !== undefined)
                info.alert = per ? { direction: alert.direction, threshold, per } : { direction: alert.direction, threshold };
        }
        result.push(info);
    }
    return result;
}

export function analyzeReviews(scope: AnalysisScope): ReviewInfo[] {
    return ofType<Review>(scope.own, 'Review').map(node => {
        const info: ReviewInfo = { node, name: node.name, schedules: [], covers: [], asks: [...(node.asks ?? [])] };
        if (node.title !== undefined) info.title = node.title;
        const owner = refName(node.owner);
        if (owner !== undefined) info.owner = owner;
        for (const schedule of node.schedules ?? []) {
            const entry: ReviewInfo['schedules'][number] = { node: schedule };
            const every = scope.resolver.word(schedule, 'every', schedule.every, REVIEW_EVERY, 'every');
            if (every) entry.every = every;
            const weekday = scope.resolver.word(schedule, 'weekday', schedule.weekday, WEEKDAY_WORDS, 'weekday');
            if (weekday) entry.weekday = weekday;
            const date = scope.resolver.date(schedule.date);
            if (date) entry.date = date;
            info.schedules.push(entry);
        }
        for (const covered of node.covers ?? []) {
            const name = refName(covered);
            if (name !== undefined && !info.covers.includes(name)) info.covers.push(name);
        }
        return info;
    });
}

/** Marks metrics, goals and channels as watched (by channel or not). */
export function* markMonitoring(
    metrics: Map<string, MetricInfo>,
    monitors: readonly MonitorInfo[],
    goals: readonly GoalFigures[],
    channels: readonly ChannelFigures[]
): Generator<void, void> {
    let turn = 0;
    for (const monitor of monitors) {
        const metric = monitor.metric !== undefined ? metrics.get(monitor.metric) : undefined;
        if (!metric || metric.node !== monitor.node.metric?.ref) continue;
        metric.monitored = true;
        if (monitor.byChannel) metric.monitoredByChannel = true;
    }
    for (const goal of goals) goal.monitored = goal.metric?.monitored ?? false;
    // A set beside each list: `includes` on the list made 45,000 channels take minutes (RELIABILITY.md).
    const listed = new Map<MetricInfo, Set<string>>();
    for (const channel of channels) {
        if ((++turn & 511) === 0) yield;
        const delivered = new Set(channel.deliveries.map(d => d.metric).filter((m): m is string => m !== undefined));
        for (const name of delivered) {
            const metric = metrics.get(name);
            if (!metric) continue;
            let names = listed.get(metric);
            if (!names) listed.set(metric, (names = new Set(metric.deliveredByChannels)));
            if (!names.has(channel.name)) {
                names.add(channel.name);
                metric.deliveredByChannels.push(channel.name);
            }
        }
        channel.monitoredByChannel = [...delivered].every(name => metrics.get(name)?.monitoredByChannel ?? false);
    }
}
