import { message } from '../i18n/message.js';
import { formatDate } from '../values/date.js';
import { contains, formatRange, rangeWithin } from '../values/period.js';
import { defineRule, relatedList, type RuleCheckContext } from './rule.js';

/** The messages of `date-outside-period`: one per kind of finding, with the figures it needs. */
export type DateOutsidePeriodMessages = {
    dateOutsidePeriod(a: { what: 'deadline' | 'window' | 'review' | 'milestone'; name: string; text: string; period: string }): string;
    /** SPEC §8: a child playbook's period outside its parent's. */
    childPeriodOutside(a: { playbook: string; period: string; parent: string; parentPeriod: string }): string;
};

const EN: DateOutsidePeriodMessages = {
    dateOutsidePeriod: ({ what, name, text, period }) => {
        const subject =
            what === 'deadline'
                ? `the deadline of ${name}, ${text},`
                : what === 'milestone'
                  ? `the milestone of ${name} by ${text}`
                  : what === 'window'
                    ? `the window of ${name}, ${text},`
                    : `review ${name} on ${text}`;
        return `${subject} lies outside the playbook period ${period}: move it into the period or widen the period`;
    },
    childPeriodOutside: ({ playbook, period, parent, parentPeriod }) =>
        `the period of ${playbook}, ${period}, lies outside the period of its parent ${parent}, ${parentPeriod}: a playbook that breaks down ${parent} must lie within its period`
};

const ZH_CN: DateOutsidePeriodMessages = {
    dateOutsidePeriod: ({ what, name, text, period }) => {
        const subject =
            what === 'deadline'
                ? `${name} 的截止日期 ${text}`
                : what === 'milestone'
                  ? `${name} 的里程碑日期 ${text}`
                  : what === 'window'
                    ? `${name} 的时间窗口 ${text}`
                    : `复盘 ${name} 的日期 ${text}`;
        return `${subject}不在运营周期 ${period} 内：请移到周期内，或放宽周期`;
    },
    childPeriodOutside: ({ playbook, period, parent, parentPeriod }) =>
        `${playbook} 的运营周期 ${period} 超出了上级 ${parent} 的周期 ${parentPeriod}：分解 ${parent} 的手册必须在它的周期之内`
};

function check(context: RuleCheckContext): void {
    const { period, tree, playbook } = context.analysis;
    if (!period) return;
    // SPEC §8: a child playbook lies within its parent's period (a loop of `part of` is playbook-cycle's).
    const parent = tree?.parent;
    if (playbook && parent && !tree.cycle && tree.periodOutsideParent) {
        const related = relatedList([
            context.related(
                parent.node,
                message('relatedParentPeriod', { parent: parent.name, period: formatRange(tree.periodOutsideParent) }),
                'period'
            )
        ]);
        context.report(
            'date-outside-period',
            message('childPeriodOutside', {
                playbook: playbook.name,
                period: formatRange(period),
                parent: parent.name,
                parentPeriod: formatRange(tree.periodOutsideParent)
            }),
            { node: playbook, property: 'period', related }
        );
    }
    // The period as text only for a finding (most files have none).
    let formatted: string | undefined;
    const periodText = () => (formatted ??= formatRange(period));
    for (const goal of context.analysis.goals) {
        if (goal.deadline && goal.node.target && !contains(period, goal.deadline)) {
            context.report(
                'date-outside-period',
                message('dateOutsidePeriod', { what: 'deadline', name: goal.name, text: formatDate(goal.deadline), period: periodText() }),
                {
                    node: goal.node.target,
                    property: 'deadline'
                }
            );
        }
        for (const milestone of goal.milestones) {
            if (milestone.date && !contains(period, milestone.date)) {
                context.report(
                    'date-outside-period',
                    message('dateOutsidePeriod', {
                        what: 'milestone',
                        name: goal.name,
                        text: formatDate(milestone.date),
                        period: periodText()
                    }),
                    {
                        node: milestone.node,
                        property: 'date'
                    }
                );
            }
        }
    }
    for (const campaign of context.analysis.campaigns) {
        if (campaign.window && !rangeWithin(campaign.window, period)) {
            context.report(
                'date-outside-period',
                message('dateOutsidePeriod', {
                    what: 'window',
                    name: campaign.name,
                    text: formatRange(campaign.window),
                    period: periodText()
                }),
                {
                    node: campaign.node,
                    property: 'window'
                }
            );
        }
    }
    for (const review of context.analysis.reviews) {
        for (const schedule of review.schedules) {
            if (schedule.date && !contains(period, schedule.date)) {
                context.report(
                    'date-outside-period',
                    message('dateOutsidePeriod', {
                        what: 'review',
                        name: review.name,
                        text: formatDate(schedule.date),
                        period: periodText()
                    }),
                    {
                        node: schedule.node,
                        property: 'date' as never
                    }
                );
            }
        }
    }
}

export const dateOutsidePeriod = defineRule({
    id: 'date-outside-period',
    severity: 'warning',
    family: 'schedule',
    reportedBy: ['language/src/rules/date-outside-period.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: "A goal deadline or milestone, campaign window or review date lies outside the playbook period, or a child playbook's period lies outside its parent's.",
        'zh-CN': '目标截止日或里程碑、活动窗口或复盘日期在运营周期之外，或下级运营手册的周期超出了上级的周期。'
    },
    fixes: [],
    check
});
