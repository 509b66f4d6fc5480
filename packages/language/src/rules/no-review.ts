import { message } from '../i18n/message.js';
import { defineRule, type RuleCheckContext } from './rule.js';

/** The messages of `no-review`: one per kind of finding, with the figures it needs. */
export type NoReviewMessages = {
    noReview(a: { playbook: string }): string;
};

const EN: NoReviewMessages = {
    noReview: ({ playbook }) =>
        `playbook ${playbook} has no review: add 'review Weekly { every week owner … covers … }' to check the plan against the data`
};

const ZH_CN: NoReviewMessages = {
    noReview: ({ playbook }) => `运营手册 ${playbook} 没有复盘：请加上 'review 周复盘 { every week owner … covers … }'，用数据检验计划`
};

function check(context: RuleCheckContext): void {
    const playbook = context.analysis.playbook;
    if (!playbook || context.analysis.hasReview) return;
    context.report('no-review', message('noReview', { playbook: playbook.name }), { node: playbook, property: 'name' });
}

export const noReview = defineRule({
    id: 'no-review',
    severity: 'warning',
    family: 'monitoring',
    reportedBy: ['language/src/rules/no-review.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'A playbook with no `review`: the cycle of monitoring, analysis and adjustment has no date.',
        'zh-CN': '运营手册没有 `review`：监测、分析和调整的循环没有固定日期。'
    },
    fixes: [],
    check
});
