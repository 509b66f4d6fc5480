import { en as E, zh as Z } from '../i18n/words.js';
import { defineRule } from './rule.js';

/** The messages of `stage-focus`: one per kind of finding, with the figures it needs. */
export type StageFocusMessages = {
    stageFocus(a: { strategy: string; focus: string; stage: string; suited: readonly string[] }): string;
};

const EN: StageFocusMessages = {
    stageFocus: ({ focus, stage, suited }) =>
        `focus ${focus} does not suit a product in the ${stage} stage: at that stage focus on ${E.f.list(suited, 'or')}`,
};

const ZH_CN: StageFocusMessages = {
    stageFocus: ({ focus, stage, suited }) =>
        `重点 ${focus} 不适合处于 ${stage} 阶段的产品：这个阶段应侧重 ${Z.f.list(suited, 'or')}`,
};

export const stageFocus = defineRule({
    id: 'stage-focus',
    severity: 'warning',
    family: 'strategy',
    reportedBy: ['language/src/validation/strategy-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: "The strategy's focus does not suit the playbook's lifecycle stage (see the stage/focus table).",
        'zh-CN': '策略重点与剧本所处的生命周期阶段不相称（见阶段/重点对照表）。'
    },
    fixes: []
});
