// People and their loads: workstreams (RACI), who owns what, `responsible` shares against capacity,
// and assessments with their KPI weights.

import type { Assessment, Campaign, Channel, Forecast, Goal, Person, Review, Team, Workstream } from '../generated/ast.js';
import { Decimal } from '../values/decimal.js';
import { type AnalysisScope, ofType, refName } from './analysis-scope.js';
import type { AssessmentFigures, Assignment, ElsewhereLine, KpiFigures, PersonFigures, WorkstreamInfo } from './model.js';
import { KPI_PER } from './vocabulary.js';

export interface PeopleResult {
    workstreams: WorkstreamInfo[];
    people: PersonFigures[];
    assessments: AssessmentFigures[];
}

const HUNDRED = Decimal.of(100);

function names(references: readonly { ref?: { name?: string } }[] | undefined): string[] {
    const result: string[] = [];
    for (const reference of references ?? []) {
        const name = refName(reference);
        if (name !== undefined && !result.includes(name)) result.push(name);
    }
    return result;
}

function workstreamInfo(scope: AnalysisScope, node: Workstream): WorkstreamInfo {
    const info: WorkstreamInfo = {
        node,
        name: node.name,
        responsible: [],
        consulted: names(node.consulted),
        informed: names(node.informed),
        serves: names(node.serves)
    };
    if (node.title !== undefined) info.title = node.title;
    for (const line of node.responsible ?? []) {
        const person = refName(line.person);
        // A line without a share puts no number on the person's time: it adds nothing to the load.
        const share = line.share === undefined ? Decimal.ZERO : scope.resolver.percent(line, 'share', line.share, 'share');
        if (person !== undefined && share !== undefined) info.responsible.push({ person, share, node: line });
    }
    const accountable = refName(node.accountable);
    if (accountable !== undefined) info.accountable = accountable;
    return info;
}

function assessmentFigures(scope: AnalysisScope, node: Assessment): AssessmentFigures {
    const figures: AssessmentFigures = { node, kpis: [], totalWeight: Decimal.ZERO, complete: true };
    const person = refName(node.person);
    if (person !== undefined) figures.person = person;
    for (const kpi of node.kpis ?? []) {
        const weight = scope.resolver.percent(kpi, 'weight', kpi.weight);
        if (weight === undefined) figures.complete = false;
        const item: KpiFigures = { node: kpi, weight: weight ?? Decimal.ZERO };
        const subject = kpi.subject?.ref;
        if (subject) {
            item.subject = subject.name;
            item.subjectType = subject.$type;
        }
        if (kpi.label !== undefined) item.label = kpi.label;
        const target = scope.resolver.number(kpi, 'kpiTarget', kpi.kpiTarget);
        if (target !== undefined) item.target = target;
        const per = scope.resolver.word(kpi, 'per', kpi.per, KPI_PER, 'per');
        if (per) item.per = per;
        figures.kpis.push(item);
    }
    figures.totalWeight = Decimal.sum(figures.kpis.map(k => k.weight));
    return figures;
}

export function* analyzePeople(scope: AnalysisScope): Generator<void, PeopleResult> {
    let turn = 0;
    const workstreams: WorkstreamInfo[] = [];
    for (const node of ofType<Workstream>(scope.own, 'Workstream')) {
        if ((++turn & 511) === 0) yield;
        workstreams.push(workstreamInfo(scope, node));
    }
    const assessments: AssessmentFigures[] = [];
    for (const node of [...ofType<Assessment>(scope.own, 'Assessment'), ...ofType<Assessment>(scope.imported, 'Assessment')]) {
        if ((++turn & 511) === 0) yield;
        assessments.push(assessmentFigures(scope, node));
    }

    const people = new Map<string, PersonFigures>();
    // Own people, then imported ones (a whole team file per importer): read in place, by index.
    for (let i = 0, own = scope.own.length, count = own + scope.imported.length; i < count; i++) {
        const node = (i < own ? scope.own[i] : scope.imported[i - own]) as Person;
        if (node.$type !== 'Person') continue;
        if ((++turn & 511) === 0) yield;
        if (typeof node.name !== 'string' || people.has(node.name)) continue;
        const capacity = node.capacity === undefined ? HUNDRED : scope.resolver.percent(node, 'capacity', node.capacity, 'capacity');
        const figures: PersonFigures = {
            node,
            name: node.name,
            capacity: capacity ?? HUNDRED,
            capacityKnown: capacity !== undefined,
            load: Decimal.ZERO,
            assignments: NONE,
            ownedGoals: NONE,
            assessedOn: NONE,
            hasAssessment: false,
            responsibilities: NONE,
            elsewhere: NOWHERE_ELSE,
            workspaceLoad: Decimal.ZERO
        };
        if (node.title !== undefined) figures.title = node.title;
        if (node.role !== undefined) figures.role = node.role;
        const team = refName(node.team);
        if (team !== undefined) figures.team = team;
        people.set(node.name, figures);
    }

    const assign = (person: string | undefined, assignment: Assignment) => {
        const figures = person !== undefined ? people.get(person) : undefined;
        if (figures) figures.assignments = added(figures.assignments, assignment);
    };
    for (const element of scope.own) {
        if ((++turn & 511) === 0) yield;
        const type = element.$type;
        if (type === 'Goal' || type === 'Channel' || type === 'Campaign' || type === 'Review') {
            const node = element as Goal | Channel | Campaign | Review;
            const owner = refName(node.owner);
            assign(owner, { role: 'owner', type, name: node.name });
            const figures = type === 'Goal' && owner !== undefined ? people.get(owner) : undefined;
            if (figures) figures.ownedGoals = added(figures.ownedGoals, node.name);
        } else if (type === 'Forecast') {
            const node = element as Forecast;
            assign(refName(node.decider), { role: 'decider', type, name: node.name });
        } else if (type === 'Team') {
            const node = element as Team;
            assign(refName(node.lead), { role: 'lead', type, name: node.name });
        }
    }
    for (const info of workstreams) {
        if ((++turn & 511) === 0) yield;
        for (const line of info.responsible) {
            const person = people.get(line.person);
            if (!person) continue;
            person.assignments = added(person.assignments, { role: 'responsible', type: 'Workstream', name: info.name, share: line.share });
            person.responsibilities = added(person.responsibilities, { workstream: info.name, share: line.share, node: line.node });
        }
        assign(info.accountable, { role: 'accountable', type: 'Workstream', name: info.name });
        for (const name of info.consulted) assign(name, { role: 'consulted', type: 'Workstream', name: info.name });
        for (const name of info.informed) assign(name, { role: 'informed', type: 'Workstream', name: info.name });
    }
    for (const person of people.values()) {
        if ((++turn & 511) === 0) yield;
        // Most people a file sees (everyone of an imported team file) have no line in it: load 0, ratio 0.
        if (person.responsibilities.length > 0) person.load = Decimal.sum(person.responsibilities.map(r => r.share ?? Decimal.ZERO));
        person.workspaceLoad = person.load;
        if (person.capacity.sign() > 0) person.loadRatio = person.load.isZero() ? 0 : person.load.divide(person.capacity, 12).toNumber();
    }
    for (const assessment of assessments) {
        if ((++turn & 511) === 0) yield;
        const person = assessment.person !== undefined ? people.get(assessment.person) : undefined;
        if (!person) continue;
        person.hasAssessment = true;
        for (const kpi of assessment.kpis) {
            if (kpi.subject !== undefined && !person.assessedOn.includes(kpi.subject))
                person.assessedOn = added(person.assessedOn, kpi.subject);
        }
    }
    return { workstreams, people: [...people.values()], assessments };
}

/**
 * The empty list every person's lists start as: most people a file sees (a whole imported team) have no
 * role in it, and four empty arrays per person and file were a third of the arrays the 1,000-file check
 * kept (bench/NOTES.md, round four). `added` makes a person's own list at the first entry.
 */
const NONE: readonly never[] = Object.freeze([]);

function added<T>(list: readonly T[], item: T): readonly T[] {
    if (list === NONE) return [item];
    (list as T[]).push(item);
    return list;
}

/** No lines in other files (until `addWorkspaceFigures` adds them). */
const NOWHERE_ELSE = (): readonly ElsewhereLine[] => [];
