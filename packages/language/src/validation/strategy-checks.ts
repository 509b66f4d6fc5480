import { SUITED_FOCUS } from '../analysis/vocabulary.js';
import { message } from '../i18n/catalogue.js';
import { AnalysisChecks, type RuleContext } from './analysis-check.js';

/** stage-focus: a strategy's focus against the product's lifecycle stage (DOMAIN.md table). */
export class StrategyChecks extends AnalysisChecks {
    protected run(context: RuleContext): void {
        const stage = context.analysis.stage;
        if (stage === undefined) return;
        for (const strategy of context.analysis.strategies) {
            if (strategy.suitsStage !== false || strategy.focus === undefined) continue;
            const suited = SUITED_FOCUS[stage as keyof typeof SUITED_FOCUS] ?? [];
            context.report('stage-focus', message('stageFocus', { strategy: strategy.name, focus: strategy.focus, stage, suited }), { node: strategy.node, property: 'focus' });
        }
    }
}
