import { en as E } from '../i18n/words.js';
import { message } from '../i18n/message.js';
import { defineRule, type RuleCheckContext } from './rule.js';

/** The messages of `owner-not-assessed`: one per kind of finding, with the figures it needs. */
export type OwnerNotAssessedMessages = {
    ownerNotAssessed(a: { person: string; goal: string; hasAssessment: boolean }): string;
};

const EN: OwnerNotAssessedMessages = {
    ownerNotAssessed: ({ person, goal, hasAssessment }) =>
        hasAssessment
            ? `${person} owns ${goal}, but ${E.poss(person)} assessment does not name it: add 'kpi ${goal} weight …%' to assessment ${person}`
            : `${person} owns ${goal} but has no assessment: add 'assessment ${person} { kpi ${goal} weight 100% }'`
};

const ZH_CN: OwnerNotAssessedMessages = {
    ownerNotAssessed: ({ person, goal, hasAssessment }) =>
        hasAssessment
            ? `${person} 负责 ${goal}，但 ${person} 的考核没有包含它：请在 assessment ${person} 中加上 'kpi ${goal} weight …%'`
            : `${person} 负责 ${goal}，但没有考核：请加上 'assessment ${person} { kpi ${goal} weight 100% }'`
};

function check(context: RuleCheckContext): void {
    const people = new Map(context.analysis.people.map(p => [p.name, p]));
    for (const goal of context.analysis.goals) {
        if (goal.owner === undefined || goal.ownerAssessed !== false) continue;
        const person = people.get(goal.owner);
        if (!person) continue;
        context.report(
            'owner-not-assessed',
            message('ownerNotAssessed', { person: person.name, goal: goal.name, hasAssessment: person.hasAssessment }),
            {
                node: goal.node,
                property: 'owner',
                data: { person: person.name, goal: goal.name }
            }
        );
    }
}

export const ownerNotAssessed = defineRule({
    id: 'owner-not-assessed',
    severity: 'warning',
    family: 'people',
    reportedBy: ['language/src/rules/owner-not-assessed.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'A person owns a goal that their assessment does not name: add `kpi GOAL weight …` to it.',
        'zh-CN': '某人负责一个目标，但其考核中没有该目标：请添加 `kpi 目标 weight …`。'
    },
    fixes: ['add-kpi'],
    check
});
