import { message } from '../i18n/message.js';
import { PUNCTUATION } from '../i18n/words.js';
import { type CalendarDate, formatDate } from '../values/date.js';
import { contains, type DateRange, formatRange, formatRangeFor, rangeWithin } from '../values/period.js';
import { defineRule, relatedList, type RuleCheckContext } from './rule.js';

/** The messages of `date-outside-period`: one per kind of finding, with the figures it needs. */
export type DateOutsidePeriodMessages = {
    /** `when` is a date, or a campaign's window. */
    dateOutsidePeriod(a: {
        what: 'deadline' | 'window' | 'review' | 'milestone';
        name: string;
        when: CalendarDate | DateRange;
        period: DateRange;
    }): string;
    /** SPEC §8: a child playbook's period outside its parent's. */
    childPeriodOutside(a: { playbook: string; period: DateRange; parent: string; parentPeriod: DateRange }): string;
};

const EN: DateOutsidePeriodMessages = {
    dateOutsidePeriod: ({ what, name, when, period: range }) => {
        const text = 'start' in when ? formatRange(when) : formatDate(when);
        const period = formatRange(range);
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
    childPeriodOutside: ({ playbook, period: range, parent, parentPeriod: parentRange }) => {
        const period = formatRange(range);
        const parentPeriod = formatRange(parentRange);
        return `the period of ${playbook}, ${period}, lies outside the period of its parent ${parent}, ${parentPeriod}: a playbook that breaks down ${parent} must lie within its period`;
    }
};

const ZH_TO = PUNCTUATION['zh-CN'].rangeTo;

const ZH_CN: DateOutsidePeriodMessages = {
    dateOutsidePeriod: ({ what, name, when, period }) => {
        const text = 'start' in when ? formatRangeFor(when, ZH_TO) : formatDate(when);
        const subject =
            what === 'deadline'
                ? `${name} 的截止日期 ${text}`
                : what === 'milestone'
                  ? `${name} 的里程碑日期 ${text}`
                  : what === 'window'
                    ? `${name} 的时间窗口 ${text}`
                    : `复盘 ${name} 的日期 ${text}`;
        return `${subject} 不在运营周期（${formatRangeFor(period, ZH_TO)}）内：请改到周期内，或延长周期`;
    },
    childPeriodOutside: ({ playbook, period, parent, parentPeriod }) =>
        `${playbook} 的运营周期（${formatRangeFor(period, ZH_TO)}）超出了上级 ${parent} 的周期（${formatRangeFor(parentPeriod, ZH_TO)}）：分解 ${parent} 的手册必须在它的周期之内`
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
                message('relatedParentPeriod', { parent: parent.name, period: tree.periodOutsideParent }),
                'period'
            )
        ]);
        context.report(
            'date-outside-period',
            message('childPeriodOutside', {
                playbook: playbook.name,
                period,
                parent: parent.name,
                parentPeriod: tree.periodOutsideParent
            }),
            { node: playbook, property: 'period', related }
        );
    }
    for (const goal of context.analysis.goals) {
        if (goal.deadline && goal.node.target && !contains(period, goal.deadline)) {
            context.report(
                'date-outside-period',
                message('dateOutsidePeriod', { what: 'deadline', name: goal.name, when: goal.deadline, period }),
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
                        when: milestone.date,
                        period
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
                    when: campaign.window,
                    period
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
                        when: schedule.date,
                        period
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
