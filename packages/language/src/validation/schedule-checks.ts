import { message } from '../i18n/catalogue.js';
import { compareDates, formatDate } from '../values/date.js';
import { contains, formatRange, rangeWithin } from '../values/period.js';
import { AnalysisChecks, relatedList, type RuleContext } from './analysis-check.js';

/**
 * date-outside-period, late-contribution, mandatory-unscheduled: when things happen. Invalid dates and
 * reversed ranges are undefined in the analysis, so they never cascade into these rules.
 */
export class ScheduleChecks extends AnalysisChecks {
    protected readonly family = 'schedule';
    protected run(context: RuleContext): void {
        this.checkPeriod(context);
        this.checkLateContributions(context);
        this.checkMandatory(context);
    }

    private checkPeriod(context: RuleContext): void {
        const { period } = context.analysis;
        if (!period) return;
        const text = formatRange(period);
        for (const goal of context.analysis.goals) {
            if (goal.deadline && goal.node.target && !contains(period, goal.deadline)) {
                context.report('date-outside-period', message('dateOutsidePeriod', { what: 'deadline', name: goal.name, text: formatDate(goal.deadline), period: text }), {
                    node: goal.node.target, property: 'deadline'
                });
            }
        }
        for (const campaign of context.analysis.campaigns) {
            if (campaign.window && !rangeWithin(campaign.window, period)) {
                context.report('date-outside-period', message('dateOutsidePeriod', { what: 'window', name: campaign.name, text: formatRange(campaign.window), period: text }), {
                    node: campaign.node, property: 'window'
                });
            }
        }
        for (const review of context.analysis.reviews) {
            for (const schedule of review.schedules) {
                if (schedule.date && !contains(period, schedule.date)) {
                    context.report('date-outside-period', message('dateOutsidePeriod', { what: 'review', name: review.name, text: formatDate(schedule.date), period: text }), {
                        node: schedule.node, property: 'date' as never
                    });
                }
            }
        }
    }

    private checkLateContributions(context: RuleContext): void {
        const deadlines = new Map(context.analysis.goals.map(goal => [goal.node, goal]));
        for (const campaign of context.analysis.campaigns) {
            if (!campaign.window) continue;
            for (const delivery of campaign.deliveries) {
                const goal = deadlines.get(delivery.node.goal?.ref as never);
                if (!goal?.deadline || compareDates(goal.deadline, campaign.window.start) >= 0) continue;
                context.report('late-contribution', message('lateContribution', {
                    campaign: campaign.name, start: formatDate(campaign.window.start), goal: goal.name, deadline: formatDate(goal.deadline)
                }), { node: delivery.node, related: relatedList([context.related(goal.node, message('relatedGoal', { goal: goal.name }), 'target')]) });
            }
        }
    }

    private checkMandatory(context: RuleContext): void {
        for (const campaign of context.analysis.campaigns) {
            if (campaign.binding !== 'mandatory') continue;
            const missing: ('window' | 'owner')[] = [];
            // A window or owner that is written but broken is reported where it is broken, not here.
            if (!campaign.node.window) missing.push('window');
            if (!campaign.node.owner) missing.push('owner');
            if (missing.length === 0) continue;
            context.report('mandatory-unscheduled', message('mandatoryUnscheduled', { campaign: campaign.name, missing }), { node: campaign.node, property: 'binding' });
        }
    }
}
