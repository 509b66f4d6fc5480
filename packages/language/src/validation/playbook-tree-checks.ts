import { message } from '../i18n/catalogue.js';
import { AnalysisChecks, type RuleContext } from './analysis-check.js';

/**
 * SPEC §8 "Parent playbooks": `playbook-cycle`. (A child's period outside its parent's is
 * `date-outside-period`'s, a parent's `budget-overrun` counting its children is BudgetChecks', and a child
 * budget in a currency the parent has no rate for is a value issue, `unit-mismatch`.)
 */
export class PlaybookTreeChecks extends AnalysisChecks {
    protected readonly family = 'organisation';

    protected run(context: RuleContext): void {
        const { tree, playbook } = context.analysis;
        if (tree?.cycle && playbook) {
            context.report('playbook-cycle', message('playbookCycle', { playbook: playbook.name, chain: tree.cycle }), {
                node: playbook,
                property: 'parent'
            });
        }
    }
}
