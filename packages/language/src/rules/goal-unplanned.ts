import { defineRule } from './rule.js';

/** The messages of `goal-unplanned`: one per kind of finding, with the figures it needs. */
export type GoalUnplannedMessages = {
    goalUnplanned(a: { goal: string }): string;
};

const EN: GoalUnplannedMessages = {
    goalUnplanned: ({ goal }) =>
        `nothing delivers to, serves or decomposes ${goal}: add 'delivers … to ${goal}' to a channel or campaign, 'serves ${goal}' to a campaign or workstream, or a sub-goal 'part of ${goal}'`
};

const ZH_CN: GoalUnplannedMessages = {
    goalUnplanned: ({ goal }) =>
        `没有任何渠道、活动、工作板块或子目标支撑 ${goal}：请在渠道或活动中加上 'delivers … to ${goal}'，在活动或工作板块中加上 'serves ${goal}'，或增加 'part of ${goal}' 的子目标`
};

export const goalUnplanned = defineRule({
    id: 'goal-unplanned',
    severity: 'warning',
    family: 'coverage',
    reportedBy: ['language/src/validation/coverage-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'Nothing delivers to, serves or decomposes this goal: add a `delivers … to` it, a `serves`, or a `part of` sub-goal.',
        'zh-CN': '没有任何交付、支持或子目标指向这个目标：请添加 `delivers … to`、`serves` 或 `part of` 子目标。'
    },
    fixes: []
});
