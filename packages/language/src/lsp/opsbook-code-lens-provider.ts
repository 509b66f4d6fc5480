import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import type { OpsbookServices } from './opsbook-services.js';
import { analysisOf, uiLocale } from './analysis-access.js';
import { FigureText } from './figure-text.js';

/** Commands the VS Code extension registers; the lens passes the document URI as the one argument. */
export const PREVIEW_PLAN_COMMAND = 'opsbook.previewPlan';
export const GENERATE_REVIEW_COMMAND = 'opsbook.generateReview';

/**
 * Above each goal: "planned 18,000 / 20,000 (90%)" (a label: its command is empty). Above the playbook:
 * "Preview plan" and "Generate review", for the extension's commands.
 */
export class OpsbookCodeLensProvider implements CodeLensProvider {
    constructor(private readonly services: OpsbookServices) {}

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const analysis = analysisOf(this.services, document);
        if (!analysis) return [];
        const x = new FigureText(analysis, uiLocale(this.services, document));
        const lenses: CodeLens[] = [];
        const uri = document.uri.toString();
        const playbookRange = analysis.playbook?.$cstNode?.range;
        if (playbookRange) {
            const range = { start: playbookRange.start, end: playbookRange.start };
            lenses.push({ range, command: { title: x.t.previewPlan, command: PREVIEW_PLAN_COMMAND, arguments: [uri] } });
            lenses.push({ range, command: { title: x.t.generateReview, command: GENERATE_REVIEW_COMMAND, arguments: [uri] } });
        }
        for (const goal of analysis.goals) {
            const start = goal.node.$cstNode?.range.start;
            const title = x.plannedOfTarget(goal);
            if (!start || !title) continue;
            lenses.push({ range: { start, end: start }, command: { title, command: '' } });
        }
        return lenses;
    }
}
