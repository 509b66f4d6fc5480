import type { PersonFigures } from '../analysis/model.js';
import type { Campaign, Channel, Goal, Workstream } from '../generated/ast.js';
import { message } from '../i18n/catalogue.js';
import { Decimal } from '../values/decimal.js';
import { AnalysisChecks, relatedList, type RuleContext } from './analysis-check.js';

/** owner-missing, capacity-overload, kpi-weights, owner-not-assessed: every piece of work has a person. */
export class PeopleChecks extends AnalysisChecks {
    protected run(context: RuleContext): void {
        this.checkOwners(context);
        for (const person of context.analysis.people) this.checkCapacity(context, person);
        this.checkWeights(context);
        this.checkAssessed(context);
    }

    private checkOwners(context: RuleContext): void {
        const { analysis } = context;
        const missing = (node: Goal | Channel | Campaign) => {
            if (!node.owner) context.report('owner-missing', message('ownerMissing', { type: node.$type, name: node.name, accountable: false }), { node, property: 'name' });
        };
        for (const goal of analysis.goals) missing(goal.node);
        for (const channel of analysis.channels) missing(channel.node);
        // A mandatory campaign without an owner is `mandatory-unscheduled`, which says more.
        for (const campaign of analysis.campaigns) if (campaign.binding !== 'mandatory') missing(campaign.node);
        for (const workstream of analysis.workstreams) {
            const node: Workstream = workstream.node;
            if (!node.accountable) context.report('owner-missing', message('ownerMissing', { type: 'Workstream', name: node.name, accountable: true }), { node, property: 'name' });
        }
    }

    private checkCapacity(context: RuleContext, person: PersonFigures): void {
        // SPEC §8: the load counts this person's shares in every playbook whose period overlaps this one.
        const load = person.workspaceLoad;
        if (!person.capacityKnown || !load.gt(person.capacity)) return;
        // Point at this file's line that pushes the person over (other playbooks' shares counted first):
        // the one to change first.
        let running = Decimal.sum(person.elsewhere.map(line => line.share));
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
            ...person.responsibilities.filter(r => r.share !== undefined && !r.share.isZero()).map(r => ({ workstream: r.workstream, share: r.share as Decimal })),
            ...person.elsewhere.map(r => ({ workstream: r.workstream, share: r.share, where: r.playbook ?? r.file }))
        ];
        const related = relatedList([...person.responsibilities, ...person.elsewhere].map(r => context.related(r.node, message('relatedResponsibility', { person: person.name, workstream: r.workstream, share: r.share ?? Decimal.ZERO }))));
        context.report('capacity-overload', message('capacityOverload', {
            person: person.name, load, capacity: person.capacity, parts, over: load.sub(person.capacity)
        }), { node: culprit.node, related });
    }

    private checkWeights(context: RuleContext): void {
        for (const assessment of context.analysis.assessments) {
            if (!context.isOwn(assessment.node) || !assessment.complete || assessment.person === undefined) continue;
            if (assessment.kpis.length === 0) {
                context.report('kpi-weights', message('kpiWeightsEmpty', { person: assessment.person }), { node: assessment.node, property: 'person' });
                continue;
            }
            if (assessment.totalWeight.eq(100)) continue;
            const related = relatedList(assessment.kpis.map(k => context.related(k.node, message('relatedKpi', { subject: k.subject ?? k.label ?? '', weight: k.weight }), 'weight')));
            context.report('kpi-weights', message('kpiWeights', { person: assessment.person, total: assessment.totalWeight, parts: assessment.kpis.map(k => k.weight) }), {
                node: assessment.node, property: 'person', related
            });
        }
    }

    private checkAssessed(context: RuleContext): void {
        const people = new Map(context.analysis.people.map(p => [p.name, p]));
        for (const goal of context.analysis.goals) {
            if (goal.owner === undefined || goal.ownerAssessed !== false) continue;
            const person = people.get(goal.owner);
            if (!person) continue;
            context.report('owner-not-assessed', message('ownerNotAssessed', { person: person.name, goal: goal.name, hasAssessment: person.hasAssessment }), {
                node: goal.node, property: 'owner', data: { person: person.name, goal: goal.name }
            });
        }
    }
}
