import type { CoverageWord } from './document-text.js';
import type { Punctuation } from './words.js';

/**
 * The shape of the words of hovers, inlay hints, code lenses and quick-fix titles; the text is in the
 * catalogue of each locale (en.ts, zh-cn.ts), its punctuation in words.ts. Figures arrive already
 * formatted (i18n/text.ts TextFormatter), so the text only places them in a sentence.
 */
export interface LspText extends Punctuation {
    // hover
    target: string;
    bound: Record<'at least' | 'at most', string>;
    planned: string;
    deadline: string;
    owner: string;
    strategy: string;
    partOf: string;
    contributions: string;
    servedBy: string;
    serves: string;
    status: Record<CoverageWord, string>;
    short(amount: string): string;
    over(amount: string): string;
    budget: string;
    ofPlaybookBudget(share: string): string;
    delivers: string;
    deliveryLine(amount: string, goal: string, share: string | undefined): string;
    impliedCost(cost: string, metric: string): string;
    cpaLimit(limit: string): string;
    assumption(volume: string, metric: string, rate: string, derived: string): string;
    assumptionCompared(nextMetric: string, delivered: string): string;
    load: string;
    loadLine(load: string, capacity: string, ratio: string | undefined): string;
    /** SPEC §8: the load with the shares of other playbooks whose period overlaps. */
    workspaceLoad: string;
    loadIn(playbook: string): string;
    assignments: string;
    role: Record<'owner' | 'responsible' | 'accountable' | 'consulted' | 'informed' | 'decider' | 'lead', string>;
    raci: Record<'responsible' | 'accountable' | 'consulted' | 'informed', string>;
    assessedOn: string;
    kind: string;
    usedIn: string;
    notUsed: string;
    monitored(how: string): string;
    /** A strategy's focus, the focus already in the reader's words: `focus activation`; zh `重点：促活`. */
    focusLine(focus: string): string;
    /** A recurring review, as the plan says it: `weekly on Monday`; zh `每周（周一）`. */
    reviewEvery(every: string, weekday: string | undefined): string;
    /** How a monitor watches its metric, each part already escaped: `every week, by channel, GA4`; zh `每周、分渠道、GA4`. */
    monitorHow(every: string | undefined, byChannel: boolean, source: string | undefined): string;
    /** A monitor's alert: `alert below 5 per week`; zh `预警：每周低于 5`. */
    monitorAlert(direction: 'below' | 'above', threshold: string, per: string | undefined): string;
    notMonitored: string;
    window: string;
    via: string;
    binding: string;
    forecasts: string;
    spread(spread: string): string;
    decided(amount: string, by: string): string;
    weights(total: string): string;
    allocated(allocated: string, total: string, share: string): string;
    remaining(amount: string): string;
    goalsCount(count: number): string;
    region: string;
    childPlaybooks: string;
    mandatoryFrom(parent: string): string;
    schedule: string;
    covers: string;
    team: string;
    capacity: string;
    lead: string;
    members: string;
    rule: string;
    ruleLink: string;
    /** SPEC §10: an enumerated word and its Chinese alias, which mean the same (`stage 成长期` is `stage growth`). */
    valueAlias(property: string, written: string, english: string, alias: string): string;
    /** SPEC §9: a goal's milestones in its hover, and one of them (`share`: of the target). */
    milestones: string;
    milestoneItem(amount: string, date: string, share: string | undefined): string;
    // inlay hints
    hintShareOfGoal(share: string, goal: string): string;
    /** SPEC §9: after a milestone, its share of the goal's target. */
    hintShareOfTarget(share: string): string;
    hintShareOfBudget(share: string): string;
    hintShareOfParentBudget(share: string, parent: string): string;
    hintPlanned(planned: string, share: string | undefined): string;
    hintDerived(derived: string, metric: string): string;
    // code lenses
    lensGoal(planned: string, target: string, share: string | undefined): string;
    lensGoalUnplanned: string;
    previewPlan: string;
    generateReview: string;
    // quick fixes
    replaceWith(name: string): string;
    create(type: string, name: string, file: string | undefined): string;
    importFrom(name: string, file: string): string;
    addMonitor(metric: string): string;
    rescaleWeights: string;
    addOwner(person: string): string;
    addAccountable(person: string): string;
    /** Quick fix of `owner-not-assessed`: the KPI line in the person's assessment, or a new assessment. */
    addKpi(goal: string, person: string, weight: string): string;
    addAssessment(person: string, goal: string): string;
    /** Quick fix of `unused-suppression` when the whole comment goes. */
    removeSuppressionComment: string;
    /** Quick fix of `unused-suppression` when one name of several goes. */
    removeSuppressionName(rule: string): string;
    /** The fix offered on every other rule's diagnostic: `// opsbook-ignore RULE` above its line (SPEC §5). */
    suppressRule(rule: string): string;
}
