import type { UnitText } from '../i18n/text.js';
import { message } from '../i18n/message.js';
import { en as E, zh as Z } from '../i18n/words.js';
import { formatDate } from '../values/date.js';
import type { Decimal } from '../values/decimal.js';
import { defineRule, relatedList, type RuleCheckContext } from './rule.js';

/** The messages of `milestone-order` (SPEC §9): one per way a milestone breaks the order. */
export type MilestoneOrderMessages = {
    /** A milestone dated on or before the milestone written before it. */
    milestoneDateOrder(a: {
        goal: string;
        amount: Decimal;
        date: string;
        previousAmount: Decimal | undefined;
        previousDate: string;
        unit: UnitText;
    }): string;
    /** A milestone not further toward the target than the one before it (`rises`: above it; else below it). */
    milestoneAmountOrder(a: {
        goal: string;
        amount: Decimal;
        date: string | undefined;
        previousAmount: Decimal;
        previousDate: string | undefined;
        unit: UnitText;
        rises: boolean;
    }): string;
    milestoneAfterDeadline(a: { goal: string; amount: Decimal | undefined; date: string; deadline: string; unit: UnitText }): string;
    /** `above`: above an `at least` (or cumulative) target; else below an `at most` level. */
    milestoneBeyondTarget(a: {
        goal: string;
        amount: Decimal;
        date: string | undefined;
        target: Decimal;
        unit: UnitText;
        above: boolean;
    }): string;
    /** Related information: the milestone before. */
    relatedPreviousMilestone(a: { goal: string }): string;
};

const enMilestone = (amount: Decimal | undefined, date: string | undefined, unit: UnitText) =>
    `milestone${amount !== undefined ? ` ${E.f.qty(amount, unit)}` : ''}${date !== undefined ? ` by ${date}` : ''}`;
const zhMilestone = (amount: Decimal | undefined, date: string | undefined, unit: UnitText) =>
    `里程碑${amount !== undefined ? ` ${Z.f.qty(amount, unit)}` : ''}${date !== undefined ? `（${date} 前）` : ''}`;

const EN: MilestoneOrderMessages = {
    milestoneDateOrder: ({ goal, amount, date, previousAmount, previousDate, unit }) =>
        `${goal}: ${enMilestone(amount, date, unit)} is not after the milestone before it (${enMilestone(previousAmount, previousDate, unit)}): write the milestones in date order`,
    milestoneAmountOrder: ({ goal, amount, date, previousAmount, previousDate, unit, rises }) =>
        rises
            ? `${goal}: ${enMilestone(amount, date, unit)} is not above the milestone before it (${enMilestone(previousAmount, previousDate, unit)}): milestones are cumulative, each one higher than the last`
            : `${goal}: ${enMilestone(amount, date, unit)} is not below the milestone before it (${enMilestone(previousAmount, previousDate, unit)}): toward an 'at most' target each milestone is lower than the last`,
    milestoneAfterDeadline: ({ goal, amount, date, deadline, unit }) =>
        `${goal}: ${enMilestone(amount, date, unit)} is after the goal's deadline ${deadline}: move it before the deadline or remove it`,
    milestoneBeyondTarget: ({ goal, amount, date, target, unit, above }) =>
        above
            ? `${goal}: ${enMilestone(amount, date, unit)} is above the target ${E.f.qty(target, unit)}: a checkpoint on the way cannot ask for more than the target`
            : `${goal}: ${enMilestone(amount, date, unit)} is below the 'at most' target ${E.f.qty(target, unit)}: a checkpoint on the way cannot be stricter than the target`,
    relatedPreviousMilestone: ({ goal }) => `the milestone of ${goal} before it`
};

const ZH_CN: MilestoneOrderMessages = {
    milestoneDateOrder: ({ goal, amount, date, previousAmount, previousDate, unit }) =>
        `${goal}：${zhMilestone(amount, date, unit)}不晚于前一个${zhMilestone(previousAmount, previousDate, unit)}：请按日期先后排列里程碑`,
    milestoneAmountOrder: ({ goal, amount, date, previousAmount, previousDate, unit, rises }) =>
        rises
            ? `${goal}：${zhMilestone(amount, date, unit)}没有高于前一个${zhMilestone(previousAmount, previousDate, unit)}：里程碑是累计值，应一个比一个高`
            : `${goal}：${zhMilestone(amount, date, unit)}没有低于前一个${zhMilestone(previousAmount, previousDate, unit)}：at most 目标的里程碑应一个比一个低`,
    milestoneAfterDeadline: ({ goal, amount, date, deadline, unit }) =>
        `${goal}：${zhMilestone(amount, date, unit)}晚于目标截止日期 ${deadline}：请移到截止日期之前，或删除`,
    milestoneBeyondTarget: ({ goal, amount, date, target, unit, above }) =>
        above
            ? `${goal}：${zhMilestone(amount, date, unit)}高于目标 ${Z.f.qty(target, unit)}：中途的节点不能超过最终目标`
            : `${goal}：${zhMilestone(amount, date, unit)}低于 at most 目标 ${Z.f.qty(target, unit)}：中途的节点不能比最终目标更严`,
    relatedPreviousMilestone: ({ goal }) => `${goal} 的前一个里程碑`
};

function check(context: RuleCheckContext): void {
    for (const goal of context.analysis.goals) {
        const unit = goal.unit;
        if (!unit) continue;
        for (const issue of goal.milestoneIssues) {
            const { milestone } = issue;
            const date = milestone.date ? formatDate(milestone.date) : undefined;
            switch (issue.kind) {
                case 'date-order': {
                    const related = relatedList([
                        context.related(issue.previous.node, message('relatedPreviousMilestone', { goal: goal.name }), 'date')
                    ]);
                    context.report(
                        'milestone-order',
                        message('milestoneDateOrder', {
                            goal: goal.name,
                            amount: milestone.amount as Decimal,
                            date: date as string,
                            previousAmount: issue.previous.amount,
                            previousDate: formatDate(issue.previous.date as NonNullable<typeof issue.previous.date>),
                            unit
                        }),
                        { node: milestone.node, property: 'date', related }
                    );
                    break;
                }
                case 'amount-order': {
                    const related = relatedList([
                        context.related(issue.previous.node, message('relatedPreviousMilestone', { goal: goal.name }), 'quantity')
                    ]);
                    context.report(
                        'milestone-order',
                        message('milestoneAmountOrder', {
                            goal: goal.name,
                            amount: milestone.amount as Decimal,
                            date: date as string,
                            previousAmount: issue.previous.amount as Decimal,
                            previousDate: issue.previous.date ? formatDate(issue.previous.date) : undefined,
                            unit,
                            rises: issue.rises
                        }),
                        { node: milestone.node, property: 'quantity', related }
                    );
                    break;
                }
                case 'after-deadline':
                    context.report(
                        'milestone-order',
                        message('milestoneAfterDeadline', {
                            goal: goal.name,
                            amount: milestone.amount,
                            date: date as string,
                            deadline: formatDate(goal.deadline as NonNullable<typeof goal.deadline>),
                            unit
                        }),
                        {
                            node: milestone.node,
                            property: 'date',
                            related: relatedList([context.related(goal.node, message('relatedGoal', { goal: goal.name }), 'target')])
                        }
                    );
                    break;
                case 'above-target':
                case 'below-target':
                    context.report(
                        'milestone-order',
                        message('milestoneBeyondTarget', {
                            goal: goal.name,
                            amount: milestone.amount as Decimal,
                            date,
                            target: goal.target as Decimal,
                            unit,
                            above: issue.kind === 'above-target'
                        }),
                        {
                            node: milestone.node,
                            property: 'quantity',
                            related: relatedList([context.related(goal.node, message('relatedGoal', { goal: goal.name }), 'target')])
                        }
                    );
                    break;
            }
        }
    }
}

export const milestoneOrder = defineRule({
    id: 'milestone-order',
    severity: 'error',
    family: 'schedule',
    reportedBy: ['language/src/rules/milestone-order.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: "A goal's milestones must go forward: each later than the one before and further toward the target (higher, or lower for an 'at most' level such as a cost), none after the goal's deadline and none beyond its target.",
        'zh-CN':
            '目标的里程碑必须逐步推进：每一个都晚于前一个，并且更接近目标（更高；成本这类 at most 目标则更低），不能晚于目标截止日期，也不能超过目标本身。'
    },
    fixes: [],
    check
});
