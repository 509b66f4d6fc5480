// Every piece of user text (titles, names, strings, diagnostic messages) goes through one of these
// before it reaches a generated document, so that a `|` cannot break a table, a `<script>` cannot
// become HTML, a backtick cannot open a code span and a newline cannot end a table row or a heading
// (SPEC §6). Generated ids never carry user text: Mermaid nodes are `g1`, `c2` with quoted labels.
// User text also stays inert text when GitHub renders the document: no autolinked URL, `www.` host or
// e-mail address, no @mention and no #123 issue reference (see `neutraliseAutolinks`), and no bidi
// control that could make the text read differently from what it is.

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;
// C0/C1 controls other than tab and the line breaks above: invisible, and some break renderers.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

// Unicode bidi controls (embeddings, overrides, isolates, LRM/RLM, the Arabic letter mark): they
// can make text display in another order than it is written ("Trojan Source"), so they go. Right-to-
// left text itself still displays right to left; only the explicit overrides are lost.
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

// Control characters a terminal acts on when a document is printed (`opsbook export` writes to standard
// output): C0 but tab, LF and CR, DEL and C1 (0x9B is an 8-bit CSI). JSON.stringify escapes C0 only.
export const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** One line of plain text: line breaks and tabs become spaces, control and bidi characters go. */
export function singleLine(text: string): string {
    return text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(CONTROLS, '').replace(BIDI_CONTROLS, '');
}

const MARKDOWN_SPECIAL = /[\\`*_[\]#~|$]/g;

// GitHub turns `@name`, `@org/team`, `#123`, `owner/repo#123` and `GH-123` into mentions and issue
// links *after* rendering, on the HTML text (github/markup#1168: `\@name` still mentions, and an
// entity is decoded before the filter runs), so no Markdown escape can stop them. A WORD JOINER
// (U+2060) after the `@`, `#` or `GH-` does: it is invisible, adds no line-break opportunity (unlike
// U+200B) and does not change how neighbouring letters are shaped (unlike the zero-width non-joiner
// U+200C), and GitHub's patterns need a name or digit right after the sign. The same patterns as
// GitHub's: `@` after the start or a character that is not an ASCII word character, then a letter or
// digit; `#` before a digit anywhere; `GH-` before a digit after the start or a non-word character.
const MENTION = /(^|[^A-Za-z0-9_])@(?=[A-Za-z0-9])/g;
const ISSUE_REF = /#(?=[0-9])/g;
const GH_REF = /(^|[^A-Za-z0-9_])(gh-)(?=[0-9])/gi;
const WORD_JOINER = '\u2060';

// URLs (`https://`, any `scheme://`, `//host`), `www.` hosts and e-mail addresses are autolinked by
// the parser itself (GFM's autolink-literal extension; markdown-it's linkify), so a backslash escape
// is enough: `https\://x\.y`, `www\.x\.org` and `a\@b\.org` render exactly as the text, but the
// escaped character is a separate piece of text, so neither GitHub (it needs `://`, `www.` and a dot
// in an e-mail's domain within one piece) nor linkify-it (which matches within one text token) finds a
// link. The candidate runs from its prefix to the next space; in it every `.`, `:` and `@` is escaped
// (all are ASCII punctuation, which CommonMark lets a backslash escape). Text without such a prefix
// (`growth.ops`, `e.g.`) is left as it is.
const LINK_CANDIDATE = /(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|\/\/|(?<![A-Za-z0-9])www\.|[A-Za-z0-9._%+-]+@(?=[A-Za-z0-9]))\S*/gi;

/** Breaks @mentions, issue references and autolinks in (unescaped) user text; see above. */
function neutraliseMentions(text: string): string {
    return text.replace(MENTION, `$1@${WORD_JOINER}`).replace(ISSUE_REF, `#${WORD_JOINER}`).replace(GH_REF, `$1$2${WORD_JOINER}`);
}

function neutraliseAutolinks(markdown: string): string {
    return markdown.replace(LINK_CANDIDATE, link => link.replace(/[.:@]/g, char => `\\${char}`));
}

// Text without any of these (nor `//`, `www.`, `gh-`) passes every step below unchanged but for `_`
// (names such as `Seed_1`): the common case, found in one scan (a 10k-line plan escapes 40k cells).
const NEEDS_FULL_ESCAPE =
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\\`*[\]#~|$&<>@]|\/\/|www\.|gh-/i;

/**
 * User text for Markdown inline context (paragraphs, list items, headings, table cells): one line,
 * Markdown punctuation backslash-escaped (`|` included, which GFM tables need even in code spans),
 * `$` escaped so GitHub does not start maths, `<`, `>`, `&` as entities so no HTML survives, and no
 * autolink, mention or issue reference (above).
 */
export function escapeMarkdown(text: string): string {
    if (!NEEDS_FULL_ESCAPE.test(text)) return text.indexOf('_') < 0 ? text : text.replace(/_/g, '\\_');
    return neutraliseAutolinks(
        neutraliseMentions(singleLine(text))
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;')
            .replace(MARKDOWN_SPECIAL, char => `\\${char}`)
    );
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
    const plain = singleLine(text)
        .replace(/["`<>&#;\\{}]/g, char => MERMAID_LOOKALIKES[char] ?? char)
        .replace(/%%/g, '%\u200b%');
    return plain.trim() === '' ? '\u2014' : plain.trim();
}

// Words that start a statement in a gantt chart: a task or section named like one would be read as
// that statement, so it gets a zero-width space in front.
const GANTT_KEYWORDS =
    /^(title|section|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|weekday|weekend|inclusiveenddates|topaxis|acctitle|accdescr|click|displaymode)\b/i;

/** User text as a gantt task or section name: also no `:` (it separates the task's data). */
export function ganttText(text: string): string {
    const label = mermaidLabel(text).replace(/:/g, '\u2236'); // ∶
    return GANTT_KEYWORDS.test(label) ? `\u200b${label}` : label;
}
