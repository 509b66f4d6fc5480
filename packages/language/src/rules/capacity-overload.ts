import { en as E, zh as Z } from '../i18n/words.js';
import type { Decimal } from '../values/decimal.js';
import { defineRule } from './rule.js';

/** The messages of `capacity-overload`: one per kind of finding, with the figures it needs. */
export type CapacityOverloadMessages = {
    capacityOverload(a: { person: string; load: Decimal; capacity: Decimal; parts: readonly { workstream: string; share: Decimal }[]; over: Decimal }): string;
};

const EN: CapacityOverloadMessages = {
    capacityOverload: ({ person, load, capacity, parts, over }) =>
        `${person} is responsible for ${E.f.points(load)} (${parts.map(p => `${p.workstream} ${E.f.points(p.share)}`).join(' + ')}), ${E.f.points(over)} more than ${E.poss(person)} capacity of ${E.f.points(capacity)}: lower the shares, share the work, or raise the capacity`,
};

const ZH_CN: CapacityOverloadMessages = {
    capacityOverload: ({ person, load, capacity, parts, over }) =>
        `${person} 负责的份额合计 ${Z.f.points(load)}，超过产能 ${Z.f.points(capacity)}（${parts.map(p => `${p.workstream} ${Z.f.points(p.share)}`).join(' + ')}），超出 ${Z.f.points(over)}：请降低份额、分担工作，或提高 ${person} 的产能`,
};

export const capacityOverload = defineRule({
    id: 'capacity-overload',
    severity: 'error',
    family: 'people',
    reportedBy: ['language/src/validation/people-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: "A person's `responsible` shares add up to more than their capacity.",
        'zh-CN': '某人的 `responsible` 份额合计超过了其产能。'
    },
    fixes: []
});
