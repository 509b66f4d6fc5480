import { en as E } from '../i18n/words.js';
import { defineRule } from './rule.js';

/** The messages of `owner-not-assessed`: one per kind of finding, with the figures it needs. */
export type OwnerNotAssessedMessages = {
    ownerNotAssessed(a: { person: string; goal: string; hasAssessment: boolean }): string;
};

const EN: OwnerNotAssessedMessages = {
    ownerNotAssessed: ({ person, goal, hasAssessment }) => hasAssessment
        ? `${person} owns ${goal}, but ${E.poss(person)} assessment does not name it: add 'kpi ${goal} weight …%' to assessment ${person}`
        : `${person} owns ${goal} but has no assessment: add 'assessment ${person} { kpi ${goal} weight 100% }'`,
};

const ZH_CN: OwnerNotAssessedMessages = {
    ownerNotAssessed: ({ person, goal, hasAssessment }) => hasAssessment
        ? `${person} 负责 ${goal}，但 ${person} 的考核没有包含它：请在 assessment ${person} 中加上 'kpi ${goal} weight …%'`
        : `${person} 负责 ${goal}，但没有考核：请加上 'assessment ${person} { kpi ${goal} weight 100% }'`,
};

export const ownerNotAssessed = defineRule({
    id: 'owner-not-assessed',
    severity: 'warning',
    family: 'people',
    reportedBy: ['language/src/validation/people-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: "A person owns a goal that their assessment does not name: add `kpi GOAL weight …` to it.",
        'zh-CN': '某人负责一个目标，但其考核中没有该目标：请添加 `kpi 目标 weight …`。'
    },
    fixes: []
});
