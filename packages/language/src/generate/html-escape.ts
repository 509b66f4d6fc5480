// User text in generated HTML: one line of plain text (line breaks, control and bidi characters go,
// as in Markdown: `singleLine`), then `& < > " '` as character references, so a title can never become
// markup, an attribute or a script, in an element or in a quoted attribute value alike.
import { singleLine } from './markdown-escape.js';

const HTML_SPECIAL = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an HTML element or a quoted attribute value; no other escaping is needed in either. */
export function escapeHtml(text: string): string {
    return singleLine(text).replace(HTML_SPECIAL, char => ENTITIES[char] ?? char);
}
