import { en as E, zh as Z } from '../i18n/words.js';
import { message } from '../i18n/message.js';
import { defineRule, type RuleCheckContext } from './rule.js';

/** The messages of `mandatory-unscheduled`: one per kind of finding, with the figures it needs. */
export type MandatoryUnscheduledMessages = {
    mandatoryUnscheduled(a: { campaign: string; missing: readonly ('window' | 'owner')[] }): string;
};

const EN: MandatoryUnscheduledMessages = {
    mandatoryUnscheduled: ({ campaign, missing }) =>
        `${campaign} is mandatory but has no ${E.f.list(
            missing.map(m => m),
            'or'
        )}: a binding plan needs a window and an owner`
};

const ZH_CN: MandatoryUnscheduledMessages = {
    mandatoryUnscheduled: ({ campaign, missing }) =>
        `${campaign} 是必须执行的活动（mandatory），但没有${Z.f.list(
            missing.map(m => (m === 'window' ? '时间窗口（window）' : '负责人（owner）')),
            'or'
        )}：强制执行的活动必须有时间窗口和负责人`
};

function check(context: RuleCheckContext): void {
    for (const campaign of context.analysis.campaigns) {
        if (campaign.binding !== 'mandatory') continue;
        const missing: ('window' | 'owner')[] = [];
        // A window or owner that is written but broken is reported where it is broken, not here.
        if (!campaign.node.window) missing.push('window');
        if (!campaign.node.owner) missing.push('owner');
        if (missing.length === 0) continue;
        context.report('mandatory-unscheduled', message('mandatoryUnscheduled', { campaign: campaign.name, missing }), {
            node: campaign.node,
            property: 'binding'
        });
    }
}

export const mandatoryUnscheduled = defineRule({
    id: 'mandatory-unscheduled',
    severity: 'error',
    family: 'schedule',
    reportedBy: ['language/src/rules/mandatory-unscheduled.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'A `binding mandatory` campaign needs a `window` and an `owner`.',
        'zh-CN': '`binding mandatory` 的活动需要 `window` 和 `owner`。'
    },
    fixes: [],
    check
});
