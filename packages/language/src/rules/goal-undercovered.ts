import type { CoverageMessageFigures } from '../i18n/message.js';
import { en as E, zh as Z } from '../i18n/words.js';
import type { Decimal } from '../values/decimal.js';
import { defineRule } from './rule.js';

/** The messages of `goal-undercovered`: one per kind of finding, with the figures it needs. */
export type GoalUndercoveredMessages = {
    // ---- SPEC §5 rules -----------------------------------------------------------------------
    goalUndercovered(a: CoverageMessageFigures & { shortfall: Decimal }): string;
};

const EN: GoalUndercoveredMessages = {
    goalUndercovered: ({ goal, source, planned, target, unit, coverage, shortfall, parts }) =>
        parts
            ? `${goal}: planned ${E.bare(planned, unit)} of ${E.f.qty(target, unit)} (${E.f.pct(coverage)}), ${E.bare(shortfall, unit)} short: ${E.partList(parts, unit)}`
            : source === 'none'
              ? `${goal}: nothing delivers a number to it, 0 of ${E.f.qty(target, unit)} planned; add 'delivers … to ${goal}' to the channels and campaigns that work on it`
              : `${goal}: ${E.SOURCE[source]} ${E.f.amount(planned, unit)} of ${E.f.qty(target, unit)} (${E.f.pct(coverage)}), ${E.f.amount(shortfall, unit)} short; plan ${E.f.amount(shortfall, unit)} more or lower the target`
};

const ZH_CN: GoalUndercoveredMessages = {
    goalUndercovered: ({ goal, source, planned, target, unit, coverage, shortfall, parts }) =>
        parts
            ? `${goal}：计划 ${Z.bare(planned, unit)} / ${Z.f.qty(target, unit)}（${Z.f.pct(coverage)}），还差 ${Z.bare(shortfall, unit)}：${Z.partList(parts, unit)}`
            : source === 'none'
              ? `${goal}：没有任何交付数字，计划 0 / ${Z.f.qty(target, unit)}；请在为它工作的渠道和活动里加上 'delivers … to ${goal}'`
              : `${goal}：${Z.SOURCE[source]} ${Z.f.amount(planned, unit)} / ${Z.f.qty(target, unit)}（${Z.f.pct(coverage)}），还差 ${Z.f.amount(shortfall, unit)}；请再安排 ${Z.f.amount(shortfall, unit)} 的交付，或下调目标`
};

export const goalUndercovered = defineRule({
    id: 'goal-undercovered',
    severity: 'error',
    family: 'coverage',
    reportedBy: ['language/src/validation/coverage-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'What channels, campaigns and sub-goals plan for this additive goal adds up to less than its target. Add deliveries or raise them, or lower the target.',
        'zh-CN': '渠道、活动和子目标为这个可累加目标规划的量合计少于目标。请增加或提高交付，或降低目标。'
    },
    fixes: []
});
