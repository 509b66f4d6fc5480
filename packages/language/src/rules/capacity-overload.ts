import { en as E, zh as Z } from '../i18n/words.js';
import type { PersonFigures } from '../analysis/model.js';
import { message } from '../i18n/message.js';
import { Decimal } from '../values/decimal.js';
import { defineRule, relatedList, type RuleCheckContext } from './rule.js';

/** The messages of `capacity-overload`: one per kind of finding, with the figures it needs. */
export type CapacityOverloadMessages = {
    capacityOverload(a: {
        person: string;
        load: Decimal;
        capacity: Decimal;
        parts: readonly { workstream: string; share: Decimal; where?: string }[];
        over: Decimal;
    }): string;
};

const EN: CapacityOverloadMessages = {
    capacityOverload: ({ person, load, capacity, parts, over }) =>
        `${person} is responsible for ${E.f.points(load)} (${parts.map(p => `${p.workstream} ${E.f.points(p.share)}${p.where !== undefined ? ` (${p.where})` : ''}`).join(' + ')}), ${E.f.points(over)} more than ${E.poss(person)} capacity of ${E.f.points(capacity)}: lower the shares, share the work, or raise the capacity`
};

const ZH_CN: CapacityOverloadMessages = {
    capacityOverload: ({ person, load, capacity, parts, over }) =>
        `${person} 的执行份额合计 ${Z.f.points(load)}（${parts.map(p => `${p.workstream} ${Z.f.points(p.share)}${p.where !== undefined ? `（${p.where}）` : ''}`).join(' + ')}），比其可投入时间 ${Z.f.points(capacity)} 多出 ${Z.f.points(over)}：请调低份额、把工作分给其他人，或调高 ${person} 的可投入时间（capacity）`
};

/** Every person's `responsible` shares against their capacity. */
function check(context: RuleCheckContext): void {
    for (const person of context.analysis.people) checkPerson(context, person);
}

function checkPerson(context: RuleCheckContext, person: PersonFigures): void {
    // SPEC §8: the load counts this person's shares in every playbook whose period overlaps this one.
    const load = person.workspaceLoad;
    if (!person.capacityKnown || !load.gt(person.capacity)) return;
    // Point at this file's line that pushes the person over (other playbooks' shares counted first):
    // the one to change first.
    let running = Decimal.sum(person.elsewhere().map(line => line.share));
    let culprit = person.responsibilities[person.responsibilities.length - 1];
    for (const line of person.responsibilities) {
        running = running.add(line.share ?? Decimal.ZERO);
        if (running.gt(person.capacity)) {
            culprit = line;
            break;
        }
    }
    if (!culprit) return;
    const parts = [
        ...person.responsibilities
            .filter(r => r.share !== undefined && !r.share.isZero())
            .map(r => ({ workstream: r.workstream, share: r.share as Decimal })),
        ...person.elsewhere().map(r => ({ workstream: r.workstream, share: r.share, where: r.playbook ?? r.file }))
    ];
    const related = relatedList(
        [...person.responsibilities, ...person.elsewhere()].map(r =>
            context.related(
                r.node,
                message('relatedResponsibility', { person: person.name, workstream: r.workstream, share: r.share ?? Decimal.ZERO })
            )
        )
    );
    context.report(
        'capacity-overload',
        message('capacityOverload', {
            person: person.name,
            load,
            capacity: person.capacity,
            parts,
            over: load.sub(person.capacity)
        }),
        { node: culprit.node, related }
    );
}

export const capacityOverload = defineRule({
    id: 'capacity-overload',
    severity: 'error',
    family: 'people',
    reportedBy: ['language/src/rules/capacity-overload.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: "A person's `responsible` shares add up to more than their capacity.",
        'zh-CN': '某人在各工作板块中的执行份额（`responsible`）合计超过了其可投入时间（`capacity`）。'
    },
    fixes: [],
    check
});
