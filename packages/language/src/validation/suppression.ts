/**
 * `// opsbook-ignore RULE-ID [RULE-ID…]` silences those rules on the next line (SPEC §5).
 * Returns, per 0-based line, the rule ids silenced there.
 */
export function suppressedLines(text: string): Map<number, Set<string>> {
    const result = new Map<number, Set<string>>();
    if (!text.includes('opsbook-ignore')) return result;
    const lines = text.split(/\r\n|\r|\n/);
    for (let i = 0; i < lines.length; i++) {
        const match = /\/\/\s*opsbook-ignore\s+([a-z-]+(?:[\s,]+[a-z-]+)*)/.exec(lines[i]);
        if (!match) continue;
        const target = i + 1;
        const rules = result.get(target) ?? new Set<string>();
        for (const rule of match[1].split(/[\s,]+/)) if (rule) rules.add(rule);
        result.set(target, rules);
    }
    return result;
}
