// The "before / after" section of BENCHMARKS.md, written by bench/ab.mjs between two markers and kept
// as it is when bench/run.mjs writes the rest of the file again.
import * as fs from 'node:fs';

export const AB_START = '<!-- ab:start -->';
export const AB_END = '<!-- ab:end -->';

/** The A/B section of an existing BENCHMARKS.md, markers included, or '' when it has none. */
export function readAbSection(file) {
    if (!fs.existsSync(file)) return '';
    const text = fs.readFileSync(file, 'utf8');
    const start = text.indexOf(AB_START);
    const end = text.indexOf(AB_END);
    return start >= 0 && end > start ? text.slice(start, end + AB_END.length) : '';
}

/** `markdown` with its A/B section replaced by `section` (appended when it has none). */
export function withAbSection(markdown, section) {
    if (!section) return markdown;
    const start = markdown.indexOf(AB_START);
    const end = markdown.indexOf(AB_END);
    if (start >= 0 && end > start) return markdown.slice(0, start) + section + markdown.slice(end + AB_END.length);
    return `${markdown.replace(/\n*$/, '\n')}\n${section}\n`;
}

// The playground's section (first load size, time to diagnostics), written by
// tests/e2e/playground.e2e.mjs between its own markers and kept as it is by bench/run.mjs too.
export const PLAYGROUND_START = '<!-- playground:start -->';
export const PLAYGROUND_END = '<!-- playground:end -->';

/** The playground section of an existing BENCHMARKS.md, markers included, or ''. */
export function readPlaygroundSection(file) {
    if (!fs.existsSync(file)) return '';
    const text = fs.readFileSync(file, 'utf8');
    const start = text.indexOf(PLAYGROUND_START);
    const end = text.indexOf(PLAYGROUND_END);
    return start >= 0 && end > start ? text.slice(start, end + PLAYGROUND_END.length) : '';
}

/** `markdown` with its playground section replaced by `section` (appended when it has none). */
export function withPlaygroundSection(markdown, section) {
    if (!section) return markdown;
    const start = markdown.indexOf(PLAYGROUND_START);
    const end = markdown.indexOf(PLAYGROUND_END);
    if (start >= 0 && end > start) return markdown.slice(0, start) + section + markdown.slice(end + PLAYGROUND_END.length);
    return `${markdown.replace(/\n*$/, '\n')}\n${section}\n`;
}
