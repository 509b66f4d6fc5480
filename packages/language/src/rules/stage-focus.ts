import { en as E, zh as Z } from '../i18n/words.js';
import { SUITED_FOCUS } from '../analysis/vocabulary.js';
import { message } from '../i18n/message.js';
import { defineRule, type RuleCheckContext } from './rule.js';

/** The messages of `stage-focus`: one per kind of finding, with the figures it needs. */
export type StageFocusMessages = {
    stageFocus(a: { strategy: string; focus: string; stage: string; suited: readonly string[] }): string;
};

const EN: StageFocusMessages = {
    stageFocus: ({ focus, stage, suited }) =>
        `focus ${focus} does not suit a product in the ${stage} stage: at that stage focus on ${E.f.list(suited, 'or')}`
};

const ZH_CN: StageFocusMessages = {
    stageFocus: ({ focus, stage, suited }) => `重点 ${focus} 不适合处于 ${stage} 阶段的产品：这个阶段应侧重 ${Z.f.list(suited, 'or')}`
};

/** A strategy's focus against the product's lifecycle stage (DOMAIN.md table). */
function check(context: RuleCheckContext): void {
    const stage = context.analysis.stage;
    if (stage === undefined) return;
    for (const strategy of context.analysis.strategies) {
        if (strategy.suitsStage !== false || strategy.focus === undefined) continue;
        const suited = SUITED_FOCUS[stage as keyof typeof SUITED_FOCUS] ?? [];
        context.report('stage-focus', message('stageFocus', { strategy: strategy.name, focus: strategy.focus, stage, suited }), {
            node: strategy.node,
            property: 'focus'
        });
    }
}

export const stageFocus = defineRule({
    id: 'stage-focus',
    severity: 'warning',
    family: 'strategy',
    reportedBy: ['language/src/rules/stage-focus.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: "The strategy's focus does not suit the playbook's lifecycle stage (see the stage/focus table).",
        'zh-CN': '策略重点与运营手册所处的生命周期阶段不相称（见阶段/重点对照表）。'
    },
    fixes: [],
    check
});
