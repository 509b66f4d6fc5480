// Strategies: their focus, and whether it suits the playbook's lifecycle stage (DOMAIN.md table).

import type { Strategy } from '../generated/ast.js';
import { type AnalysisScope, ofType } from './analysis-scope.js';
import type { GoalFigures, StrategyFigures } from './model.js';
import { FOCUSES, type Stage, UNSUITED_FOCUS } from './vocabulary.js';

export function analyzeStrategies(scope: AnalysisScope, stage: Stage | undefined, goals: readonly GoalFigures[]): StrategyFigures[] {
    // Goals grouped by strategy once: filtering all goals per strategy was quadratic in large files.
    const goalsByStrategy = new Map<string, string[]>();
    for (const goal of goals) {
        if (goal.strategy === undefined) continue;
        const names = goalsByStrategy.get(goal.strategy) ?? [];
        names.push(goal.name);
        goalsByStrategy.set(goal.strategy, names);
    }
    return ofType<Strategy>(scope.own, 'Strategy').map(node => {
        const figures: StrategyFigures = { node, name: node.name, goals: [...(goalsByStrategy.get(node.name) ?? [])] };
        if (node.title !== undefined) figures.title = node.title;
        const focus = scope.resolver.word(node, 'focus', node.focus, FOCUSES, 'focus');
        if (focus) figures.focus = focus;
        if (node.rationale !== undefined) figures.rationale = node.rationale;
        if (node.competition !== undefined) figures.competition = node.competition;
        if (focus && stage) figures.suitsStage = !UNSUITED_FOCUS[stage].includes(focus);
        return figures;
    });
}
