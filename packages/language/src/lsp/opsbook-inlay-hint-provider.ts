import type { AstNode, LangiumDocument } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import type { InlayHint, InlayHintParams, Range } from 'vscode-languageserver';
import type { OpsbookServices } from './opsbook-services.js';
import { analysisOf, uiLocale } from './analysis-access.js';
import { FigureText } from './figure-text.js';

/**
 * Figures written after the text they explain, all read from the analysis model:
 * `delivers 6000 signups to SeedUsers` → `30% of SeedUsers`; a goal's `milestone` → its share of the
 * target; a channel's or campaign's `budget` → its
 * share of the playbook budget; a goal's `target` → planned and coverage; `assumes` → the volume it
 * implies.
 */
export class OpsbookInlayHintProvider implements InlayHintProvider {
    constructor(private readonly services: OpsbookServices) {}

    getInlayHints(document: LangiumDocument, params: InlayHintParams): InlayHint[] {
        const analysis = analysisOf(this.services, document);
        if (!analysis) return [];
        const x = new FigureText(analysis, uiLocale(this.services, document));
        const hints: InlayHint[] = [];
        const add = (node: AstNode | undefined, label: string | undefined) => {
            const range = node?.$cstNode?.range;
            if (!range || !label || !overlaps(range, params.range)) return;
            hints.push({ position: range.end, label, paddingLeft: true });
        };
        for (const goal of analysis.goals) {
            if (goal.additive && goal.target !== undefined) {
                add(goal.node.target, x.t.hintPlanned(x.f.amount(goal.planned, goal.unit), x.share(goal.coverage)));
            }
            // SPEC §9: a milestone's share of the target.
            for (const milestone of goal.milestones) {
                const share = x.share(milestone.shareOfTarget);
                if (share) add(milestone.node, x.t.hintShareOfTarget(share));
            }
        }
        for (const owner of [...analysis.channels, ...analysis.campaigns]) {
            const share = x.share(owner.budgetShare);
            if (share) add(owner.node.budget, x.t.hintShareOfBudget(share));
            for (const delivery of owner.deliveries) {
                const ofGoal = x.share(delivery.shareOfGoal);
                if (ofGoal && delivery.goal) add(delivery.node, x.t.hintShareOfGoal(ofGoal, delivery.goal));
            }
        }
        // SPEC §8: a child playbook's budget as a share of its parent's.
        const parent = analysis.tree?.parent;
        const ofParent = x.share(analysis.tree?.shareOfParentBudget);
        if (parent && ofParent) add(analysis.playbook?.budget, x.t.hintShareOfParentBudget(ofParent, parent.name));
        for (const channel of analysis.channels) {
            const assumption = channel.assumption;
            if (assumption)
                add(channel.node.assumes, x.t.hintDerived(x.f.num(assumption.derived), assumption.nextMetric ?? assumption.metric ?? ''));
        }
        return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
    }
}

function overlaps(range: Range, visible: Range): boolean {
    return range.end.line >= visible.start.line && range.start.line <= visible.end.line;
}
