import type { LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command, Diagnostic } from 'vscode-languageserver';
import type { Document } from '../../generated/ast.js';
import type { OpsbookServices } from '../opsbook-services.js';
import { analysisOf, uiLocale } from '../analysis-access.js';
import { lspText } from '../lsp-text.js';
import { addKpiFix, addMonitorFix, addOwnerFixes, rescaleWeightsFix } from './plan-fixes.js';
import { ReferenceFixes } from './reference-fixes.js';
import { removeSuppressionFix, suppressRuleFix } from './suppression-fixes.js';

/** Quick fixes keyed on the rule id a diagnostic carries (`code`, and `data.code` for Langium's own). */
export class OpsbookCodeActionProvider implements CodeActionProvider {
    private readonly references: ReferenceFixes;

    constructor(private readonly services: OpsbookServices) {
        this.references = new ReferenceFixes(services);
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> {
        const opsDocument = document as LangiumDocument<Document>;
        const t = lspText(uiLocale(this.services, document));
        const actions: CodeAction[] = [];
        // After every fix, as ESLint does: silence the rule on that line.
        const suppressions = new Map<string, CodeAction>();
        for (const diagnostic of params.context.diagnostics) {
            const rule = ruleOf(diagnostic);
            const key = `${rule} ${diagnostic.range.start.line}`;
            const fix = rule !== undefined && !suppressions.has(key) ? suppressRuleFix(document, diagnostic, rule, t) : undefined;
            if (fix) suppressions.set(key, fix);
        }
        for (const diagnostic of params.context.diagnostics) {
            const rule = ruleOf(diagnostic);
            if (rule === 'unresolved-reference') {
                actions.push(...this.references.fixes(opsDocument, diagnostic, t));
                continue;
            }
            if (rule === 'unused-suppression') {
                actions.push(...present(removeSuppressionFix(document, diagnostic, uiLocale(this.services, document))));
                continue;
            }
            if (rule !== 'metric-unmonitored' && rule !== 'kpi-weights' && rule !== 'owner-missing' && rule !== 'owner-not-assessed')
                continue;
            const analysis = analysisOf(this.services, document);
            if (!analysis) continue;
            if (rule === 'metric-unmonitored') actions.push(...present(addMonitorFix(opsDocument, analysis, diagnostic, t)));
            if (rule === 'kpi-weights') actions.push(...present(rescaleWeightsFix(document, analysis, diagnostic, t)));
            if (rule === 'owner-missing') actions.push(...addOwnerFixes(document, analysis, diagnostic, t));
            if (rule === 'owner-not-assessed')
                actions.push(...present(addKpiFix(this.services.shared.workspace.LangiumDocuments, opsDocument, analysis, diagnostic, t)));
        }
        return [...actions, ...suppressions.values()];
    }
}

function ruleOf(diagnostic: Diagnostic): string | undefined {
    const code = diagnostic.code ?? (diagnostic.data as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? code : undefined;
}

function present<T>(value: T | undefined): T[] {
    return value === undefined ? [] : [value];
}
