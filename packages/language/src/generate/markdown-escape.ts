// Every piece of user text (titles, names, strings, diagnostic messages) goes through one of these
// before it reaches a generated document, so that a `|` cannot break a table, a `<script>` cannot
// become HTML, a backtick cannot open a code span and a newline cannot end a table row or a heading
// (SPEC §6). Generated ids never carry user text: Mermaid nodes are `g1`, `c2` with quoted labels.

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;
// C0/C1 controls other than tab and the line breaks above: invisible, and some break renderers.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/** One line of plain text: line breaks and tabs become spaces, control characters go. */
export function singleLine(text: string): string {
    return text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(CONTROLS, '');
}

const MARKDOWN_SPECIAL = /[\\`*_[\]#~|$]/g;

/**
 * User text for Markdown inline context (paragraphs, list items, headings, table cells): one line,
 * Markdown punctuation backslash-escaped (`|` included, which GFM tables need even in code spans),
 * `$` escaped so GitHub does not start maths, and `<`, `>`, `&` as entities so no HTML survives.
 */
export function escapeMarkdown(text: string): string {
    return singleLine(text)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(MARKDOWN_SPECIAL, char => `\\${char}`);
}

/** Markdown-escaped text in a table cell; an empty value shows as an em dash, never as a blank cell. */
export function cell(text: string | undefined): string {
    return text === undefined || text === '' ? '—' : escapeMarkdown(text);
}

// Mermaid decodes `#name;` entities in some diagram types and not in others, and treats `"`, `:`,
// `%%` and keywords at a line start specially. Entities render differently with and without
// htmlLabels, so instead of escaping, the few dangerous characters become look-alikes that are
// inert everywhere: the label reads the same and cannot change the diagram.
const MERMAID_LOOKALIKES: Readonly<Record<string, string>> = {
    '"': '\u2033', // ″
    '`': '\u02cb', // ˋ
    '<': '\u2039', // ‹
    '>': '\u203a', // ›
    '&': '\uff06', // ＆
    '#': '\uff03', // ＃
    ';': '\uff1b', // ；
    '\\': '\u29f5', // ⧵
    '{': '\u2774', // ❴
    '}': '\u2775' // ❵
};

/** User text inside a quoted Mermaid label (`g1["…"]`, a pie slice `"…"`, an edge label). */
export function mermaidLabel(text: string): string {
    const plain = singleLine(text).replace(/["`<>&#;\\{}]/g, char => MERMAID_LOOKALIKES[char] ?? char).replace(/%%/g, '%\u200b%');
    return plain.trim() === '' ? '\u2014' : plain.trim();
}

// Words that start a statement in a gantt chart: a task or section named like one would be read as
// that statement, so it gets a zero-width space in front.
const GANTT_KEYWORDS = /^(title|section|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|weekday|weekend|inclusiveenddates|topaxis|acctitle|accdescr|click|displaymode)\b/i;

/** User text as a gantt task or section name: also no `:` (it separates the task's data). */
export function ganttText(text: string): string {
    const label = mermaidLabel(text).replace(/:/g, '\u2236'); // ∶
    return GANTT_KEYWORDS.test(label) ? `\u200b${label}` : label;
}
