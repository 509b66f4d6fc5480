import { message } from '../i18n/message.js';
import { compareDates, formatDate } from '../values/date.js';
import { defineRule, relatedList, type RuleCheckContext } from './rule.js';

/** The messages of `late-contribution`: one per kind of finding, with the figures it needs. */
export type LateContributionMessages = {
    lateContribution(a: { campaign: string; start: string; goal: string; deadline: string }): string;
};

const EN: LateContributionMessages = {
    lateContribution: ({ campaign, start, goal, deadline }) =>
        `${campaign} starts on ${start}, after the deadline of ${goal}, ${deadline}: what it delivers comes too late; start it earlier or aim at a later goal`
};

const ZH_CN: LateContributionMessages = {
    lateContribution: ({ campaign, start, goal, deadline }) =>
        `${campaign} 于 ${start} 开始，晚于 ${goal} 的截止日期 ${deadline}：它的交付来得太晚；请提前开始，或改为交付给更晚的目标`
};

function check(context: RuleCheckContext): void {
    const deadlines = new Map(context.analysis.goals.map(goal => [goal.node, goal]));
    for (const campaign of context.analysis.campaigns) {
        if (!campaign.window) continue;
        for (const delivery of campaign.deliveries) {
            const goal = deadlines.get(delivery.node.goal?.ref as never);
            if (!goal?.deadline || compareDates(goal.deadline, campaign.window.start) >= 0) continue;
            context.report(
                'late-contribution',
                message('lateContribution', {
                    campaign: campaign.name,
                    start: formatDate(campaign.window.start),
                    goal: goal.name,
                    deadline: formatDate(goal.deadline)
                }),
                {
                    node: delivery.node,
                    related: relatedList([context.related(goal.node, message('relatedGoal', { goal: goal.name }), 'target')])
                }
            );
        }
    }
}

export const lateContribution = defineRule({
    id: 'late-contribution',
    severity: 'warning',
    family: 'schedule',
    reportedBy: ['language/src/rules/late-contribution.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: "A campaign delivers to a goal whose deadline is before the campaign's window starts.",
        'zh-CN': '活动交付给一个截止日早于活动开始的目标。'
    },
    fixes: [],
    check
});
