import { message } from '../i18n/catalogue.js';
import { formatRange } from '../values/period.js';
import { AnalysisChecks, relatedList, type RuleContext } from './analysis-check.js';

/**
 * SPEC §8 "Parent playbooks": `playbook-cycle`, and `date-outside-period` on a child's period that does
 * not lie within its parent's. (A parent's `budget-overrun` counting its children is BudgetChecks'; a
 * child budget in a currency the parent has no rate for is a value issue, `unit-mismatch`.)
 */
export class PlaybookTreeChecks extends AnalysisChecks {
    protected run(context: RuleContext): void {
        const { tree, playbook, period } = context.analysis;
        if (!tree || !playbook) return;
        if (tree.cycle) {
            context.report('playbook-cycle', message('playbookCycle', { playbook: playbook.name, chain: tree.cycle }), { node: playbook, property: 'parent' });
            return;
        }
        const parent = tree.parent;
        if (parent && period && tree.periodOutsideParent) {
            const related = relatedList([context.related(parent.node, message('relatedParentPeriod', { parent: parent.name, period: formatRange(tree.periodOutsideParent) }), 'period')]);
            context.report('date-outside-period', message('childPeriodOutside', {
                playbook: playbook.name, period: formatRange(period), parent: parent.name, parentPeriod: formatRange(tree.periodOutsideParent)
            }), { node: playbook, property: 'period', related });
        }
    }
}
