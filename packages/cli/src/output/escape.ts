// Text from a playbook or a file name must never act on the terminal or the CI log that shows it: an
// ESC or BEL in a string could set the terminal's title or clear the screen, a newline in a file name
// could forge a line of the report, bidi controls could make a line read differently from what it
// says (Trojan Source, CVE-2021-42574).

/**
 * The characters escaped in every output: C0 controls (all of U+0000–U+001F, tab included, so a report
 * line stays one line of fixed columns), DEL, C1 controls (U+0080–U+009F: U+009B is a CSI for some
 * terminals), the line and paragraph separators U+2028/U+2029, and the bidi controls U+061C, U+200E,
 * U+200F, U+202A–U+202E, U+2066–U+2069.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves raw: everything in UNSAFE above U+001F. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const asEscape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** For text and GitHub output: each unsafe character as `\uXXXX` (ESC shows as `\u001b`). */
export function escapeControls(text: string): string {
    return text.replace(UNSAFE, asEscape);
}

/**
 * For JSON and SARIF: JSON.stringify escapes C0 controls but leaves DEL, C1 and bidi controls raw;
 * written as JSON `\uXXXX` escapes they are the same data to a JSON reader and inert on a terminal.
 * Only valid on the output of JSON.stringify (these characters can only occur inside its strings).
 */
export function escapeJsonControls(json: string): string {
    return json.replace(UNSAFE_IN_JSON, asEscape);
}

/**
 * For a line of a unified diff (`fmt --diff`): as `escapeControls`, but a tab and the CR of a CRLF line
 * end stay as they are, so the diff of an ordinary file is the file's own text and applies with `patch`.
 */
export function escapeDiffLine(line: string): string {
    const crlf = line.endsWith('\r');
    const body = crlf ? line.slice(0, -1) : line;
    return body.replace(UNSAFE, char => (char === '\t' ? char : asEscape(char))) + (crlf ? '\r' : '');
}
