// Finds a rule's section in docs/rules.md. Pure, for unit tests.

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
    return heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-');
}

/**
 * The 0-based line of the heading that documents `rule`: one whose anchor is the rule id, or whose
 * text starts with it (`## goal-undercovered`, ``### `goal-undercovered` — …``).
 */
export function ruleHeadingLine(markdown: string, rule: string): number | undefined {
    const lines = markdown.split(/\r?\n/);
    let inFence = false;
    for (let index = 0; index < lines.length; index++) {
        const line = lines[index]!;
        if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
        if (inFence) continue;
        const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
        if (!heading) continue;
        const text = heading[1]!;
        if (headingSlug(text) === rule) return index;
        const firstWord = text
            .replace(/[`*_]/g, '')
            .trim()
            .split(/[\s:—–(]+/)[0];
        if (firstWord === rule) return index;
    }
    return undefined;
}

/** The rule id a diagnostic carries as its LSP `code` (plain, or with a link to its documentation). */
export function ruleOfCode(code: string | number | { value: string | number } | undefined): string | undefined {
    const value = typeof code === 'object' ? code.value : code;
    return typeof value === 'string' && /^[a-z][a-z0-9-]*$/.test(value) ? value : undefined;
}
