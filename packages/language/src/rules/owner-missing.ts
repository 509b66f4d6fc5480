import type { ElementType } from '../i18n/message.js';
import { en as E, zh as Z } from '../i18n/words.js';
import type { Campaign, Channel, Goal, Workstream } from '../generated/ast.js';
import { message } from '../i18n/message.js';
import { defineRule, type RuleCheckContext } from './rule.js';

/** The messages of `owner-missing`: one per kind of finding, with the figures it needs. */
export type OwnerMissingMessages = {
    ownerMissing(a: { type: ElementType; name: string; accountable: boolean }): string;
};

const EN: OwnerMissingMessages = {
    ownerMissing: ({ type, name, accountable }) =>
        accountable
            ? `workstream ${name} has no accountable person: add 'accountable PERSON'`
            : `${E.word(type)} ${name} has no owner: add 'owner PERSON'`
};

const ZH_CN: OwnerMissingMessages = {
    ownerMissing: ({ type, name, accountable }) =>
        accountable
            ? `工作板块 ${name} 没有最终负责人（accountable）：请加上 'accountable 人员'`
            : `${Z.word(type)} ${name} 没有负责人：请加上 'owner 人员'`
};

function check(context: RuleCheckContext): void {
    const { analysis } = context;
    const missing = (node: Goal | Channel | Campaign) => {
        if (!node.owner)
            context.report('owner-missing', message('ownerMissing', { type: node.$type, name: node.name, accountable: false }), {
                node,
                property: 'name'
            });
    };
    for (const goal of analysis.goals) missing(goal.node);
    for (const channel of analysis.channels) missing(channel.node);
    // A mandatory campaign without an owner is `mandatory-unscheduled`, which says more.
    for (const campaign of analysis.campaigns) if (campaign.binding !== 'mandatory') missing(campaign.node);
    for (const workstream of analysis.workstreams) {
        const node: Workstream = workstream.node;
        if (!node.accountable)
            context.report('owner-missing', message('ownerMissing', { type: 'Workstream', name: node.name, accountable: true }), {
                node,
                property: 'name'
            });
    }
}

export const ownerMissing = defineRule({
    id: 'owner-missing',
    severity: 'error',
    family: 'people',
    reportedBy: ['language/src/rules/owner-missing.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'Every goal, channel, campaign and workstream needs one owner (`accountable` for a workstream).',
        'zh-CN': '每个目标、渠道、活动都需要一位负责人（`owner`），每个工作板块都需要一位最终负责人（`accountable`）。'
    },
    fixes: ['add-owner'],
    check
});
