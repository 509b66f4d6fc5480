import type { CoverageMessageFigures } from '../i18n/message.js';
import { en as E, zh as Z } from '../i18n/words.js';
import type { Decimal } from '../values/decimal.js';
import { defineRule } from './rule.js';

/** The messages of `goal-overcommitted`: one per kind of finding, with the figures it needs. */
export type GoalOvercommittedMessages = {
    goalOvercommitted(a: CoverageMessageFigures & { limit: number; excess: Decimal }): string;
};

const EN: GoalOvercommittedMessages = {
    goalOvercommitted: ({ goal, source, planned, target, unit, coverage, limit, excess, parts }) =>
        parts
            ? `${goal}: planned ${E.bare(planned, unit)} of ${E.f.qty(target, unit)} (${E.f.pct(coverage)}), more than ${E.f.pct(limit)} of the target, ${E.bare(excess, unit)} more than needed: ${E.partList(parts, unit)}`
            : `${goal}: ${E.SOURCE[source]} ${E.f.amount(planned, unit)} of ${E.f.qty(target, unit)} (${E.f.pct(coverage)}), more than ${E.f.pct(limit)} of the target; ${E.f.amount(excess, unit)} more than needed is promised: lower the deliveries or raise the target`
};

const ZH_CN: GoalOvercommittedMessages = {
    goalOvercommitted: ({ goal, source, planned, target, unit, coverage, limit, excess, parts }) =>
        parts
            ? `${goal}：计划 ${Z.bare(planned, unit)} / ${Z.f.qty(target, unit)}（${Z.f.pct(coverage)}），超过目标的 ${Z.f.pct(limit)}，超出目标 ${Z.bare(excess, unit)}：${Z.partList(parts, unit)}`
            : `${goal}：${Z.SOURCE[source]} ${Z.f.amount(planned, unit)} / ${Z.f.qty(target, unit)}（${Z.f.pct(coverage)}），超过目标的 ${Z.f.pct(limit)}；超出目标 ${Z.f.amount(excess, unit)}：请减少交付或提高目标`
};

export const goalOvercommitted = defineRule({
    id: 'goal-overcommitted',
    severity: 'warning',
    family: 'coverage',
    reportedBy: ['language/src/validation/coverage-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'More than 150% of the target is planned (threshold `overcommitRatio` in opsbook.json): the plan or the target is probably wrong.',
        'zh-CN': '规划量超过目标的 150%（opsbook.json 中的 `overcommitRatio`）：规划或目标可能有误。'
    },
    fixes: []
});
