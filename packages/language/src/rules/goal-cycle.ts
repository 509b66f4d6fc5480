import { defineRule } from './rule.js';

/** The messages of `goal-cycle`: one per kind of finding, with the figures it needs. */
export type GoalCycleMessages = {
    goalCycle(a: { goal: string; chain: readonly string[] }): string;
};

const EN: GoalCycleMessages = {
    goalCycle: ({ chain }) => `'part of' goes round in a loop: ${chain.join(' → ')}; a goal cannot be part of itself`
};

const ZH_CN: GoalCycleMessages = {
    goalCycle: ({ chain }) => `'part of' 形成了循环：${chain.join(' → ')}；目标不能是它自己的一部分`
};

export const goalCycle = defineRule({
    id: 'goal-cycle',
    severity: 'error',
    family: 'coverage',
    reportedBy: ['language/src/validation/coverage-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: '`part of` chains loop back to this goal: a goal cannot be part of itself.',
        'zh-CN': '`part of` 链条绕回了这个目标：目标不能是自己的一部分。'
    },
    fixes: []
});
