import type { LangiumSharedServices } from 'langium/lsp';
import { isConfiguredSeverity } from '../../config/opsbook-config.js';
import type { OpsbookServices } from '../opsbook-services.js';
import { type ConfiguredSeverity, isRuleId, RULE_IDS, type RuleId } from '../../validation/rule-catalog.js';
import { OpsbookDocumentUpdateHandler } from '../workspace/opsbook-document-update-handler.js';

/** The editor's settings section the server reads (`opsbook.rules`); Langium names it after the language id. */
export const SETTINGS_SECTION = 'opsbook';

type RuleSeverities = Partial<Record<RuleId, ConfiguredSeverity>>;

/**
 * `rules` of the editor's `opsbook` section (`{"goal-undercovered": "info"}`). Entries that are not a
 * rule id with error, warning, info or off are left out, each with a problem saying why.
 */
export function editorRuleSeverities(section: unknown): { rules: RuleSeverities; problems: string[] } {
    const rules: RuleSeverities = {};
    const problems: string[] = [];
    const value = typeof section === 'object' && section !== null ? (section as { rules?: unknown }).rules : undefined;
    if (value === undefined || value === null) return { rules, problems };
    if (typeof value !== 'object' || Array.isArray(value)) {
        problems.push('opsbook.rules is ignored: it must be an object mapping rule ids to error, warning, info or off');
        return { rules, problems };
    }
    for (const [rule, severity] of Object.entries(value as Record<string, unknown>)) {
        if (!isRuleId(rule)) problems.push(`opsbook.rules: unknown rule '${rule}' is ignored: rules are ${RULE_IDS.join(', ')}`);
        else if (!isConfiguredSeverity(severity))
            problems.push(
                `opsbook.rules: '${rule}' is ignored: its severity must be error, warning, info or off, not ${JSON.stringify(severity)}`
            );
        else rules[rule] = severity;
    }
    return { rules, problems };
}

/**
 * Applies the editor's `opsbook.rules` on top of every opsbook.json (the editor's settings win, like the
 * CLI's flags; a rule the editor leaves out keeps opsbook.json's severity) and re-checks every document
 * when they change. The settings arrive at start-up and on each `workspace/didChangeConfiguration`
 * (OpsbookConfigurationProvider). `opsbook.locale` is not read here: the extension sends it with each
 * preview and review request, and diagnostics follow the editor's language (`setClientLocale`).
 */
export function followEditorSettings(shared: LangiumSharedServices, Opsbook: OpsbookServices, warn: (message: string) => void): void {
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section !== SETTINGS_SECTION) return;
        const { rules, problems } = editorRuleSeverities(update.configuration);
        for (const problem of problems) warn(problem);
        const config = Opsbook.config.ConfigProvider;
        const overrides = config.currentOverrides();
        if (sameSeverities(overrides.rules ?? {}, rules)) return;
        config.setOverrides({ ...overrides, rules });
        const handler = shared.lsp.DocumentUpdateHandler;
        if (handler instanceof OpsbookDocumentUpdateHandler) void handler.rebuildAll();
    });
}

function sameSeverities(a: RuleSeverities, b: RuleSeverities): boolean {
    const keys = Object.keys(a) as RuleId[];
    return keys.length === Object.keys(b).length && keys.every(rule => a[rule] === b[rule]);
}
