import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocumentationUrl, ruleExplanation, type RuleId } from 'opsbook-language';
import type * as Sarif from 'sarif';
import type { CliDiagnostic } from './cli-diagnostic.js';
import { escapeJsonControls } from './escape.js';

const LEVEL: Record<CliDiagnostic['severity'], Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };
export const SARIF_SRCROOT = '%SRCROOT%';

/** `goal-undercovered` → `GoalUndercovered` (SARIF's recommended rule names are Pascal case). */
function ruleName(id: string): string {
    return id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}

/** Up to the first full stop that ends a sentence (not one inside `…` or a number such as 10^15). */
export function firstSentence(text: string): string {
    let inCode = false;
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '`') inCode = !inCode;
        else if (!inCode && text[i] === '.' && (i + 1 === text.length || text[i + 1] === ' ')) return text.slice(0, i + 1);
    }
    return text;
}

/** A file as a URI reference: relative paths against %SRCROOT% (the folder check ran in), percent-encoded. */
function artifactLocation(file: string): Sarif.ArtifactLocation {
    if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
    const uri = file.split(path.sep).join('/').split('/').map(encodeURIComponent).join('/');
    return { uri, uriBaseId: SARIF_SRCROOT };
}

/** SARIF 2.1.0 for `opsbook check --format sarif` (GitHub code scanning and other viewers read it). */
export function formatSarif(diagnostics: readonly CliDiagnostic[], version: string): string {
    const ids = Object.keys(RULES) as RuleId[];
    const rules: Sarif.ReportingDescriptor[] = ids.map(id => ({
        id,
        name: ruleName(id),
        // The rule's explanation (the editor's hover says the same): its first sentence, and all of it.
        shortDescription: { text: firstSentence(ruleExplanation(id, 'en')) },
        fullDescription: { text: ruleExplanation(id, 'en') },
        helpUri: ruleDocumentationUrl(id),
        defaultConfiguration: { level: LEVEL[RULES[id]] }
    }));
    const results: Sarif.Result[] = diagnostics.map(d => {
        const index = ids.indexOf(d.rule as RuleId);
        const result: Sarif.Result = {
            ruleId: d.rule,
            level: LEVEL[d.severity],
            message: { text: d.message },
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: artifactLocation(d.file),
                        region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn }
                    }
                }
            ]
        };
        if (index >= 0) result.ruleIndex = index;
        return result;
    });
    const log: Sarif.Log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: { driver: { name: 'opsbook', version, informationUri: 'https://github.com/opsbook/opsbook', rules } },
                columnKind: 'utf16CodeUnits',
                results
            }
        ]
    };
    // Control and bidi characters from messages and file names as JSON escapes: same data, inert on a terminal.
    return `${escapeJsonControls(JSON.stringify(log, null, 2))}\n`;
}
