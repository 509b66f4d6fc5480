import { message } from '../i18n/message.js';
import { formatDate } from '../values/date.js';
import { contains, formatRange, rangeWithin } from '../values/period.js';
import { defineRule, type RuleCheckContext } from './rule.js';

/** The messages of `date-outside-period`: one per kind of finding, with the figures it needs. */
export type DateOutsidePeriodMessages = {
    dateOutsidePeriod(a: { what: 'deadline' | 'window' | 'review'; name: string; text: string; period: string }): string;
};

const EN: DateOutsidePeriodMessages = {
    dateOutsidePeriod: ({ what, name, text, period }) => {
        const subject = what === 'deadline' ? `the deadline of ${name}, ${text},` : what === 'window' ? `the window of ${name}, ${text},` : `review ${name} on ${text}`;
        return `${subject} lies outside the playbook period ${period}: move it into the period or widen the period`;
    },
};

const ZH_CN: DateOutsidePeriodMessages = {
    dateOutsidePeriod: ({ what, name, text, period }) => {
        const subject = what === 'deadline' ? `${name} 的截止日期 ${text}` : what === 'window' ? `${name} 的时间窗口 ${text}` : `复盘 ${name} 的日期 ${text}`;
        return `${subject}不在运营期间 ${period} 内：请移到期间内，或放宽期间`;
    },
};

function check(context: RuleCheckContext): void {
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

export const dateOutsidePeriod = defineRule({
    id: 'date-outside-period',
    severity: 'warning',
    family: 'schedule',
    reportedBy: ['language/src/rules/date-outside-period.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'A goal deadline, campaign window or review date lies outside the playbook period.',
        'zh-CN': '目标截止日、活动窗口或复盘日期在剧本周期之外。'
    },
    fixes: [],
    check
});
