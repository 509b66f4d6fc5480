import type { CstNode } from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';

/** One name in an `// opsbook-ignore` comment. */
export interface SuppressedName {
    /** As written: a rule id, or not (then `unused-suppression` says so). */
    rule: string;
    /** The name in the comment. */
    range: Range;
    /** What to delete to drop only this name from the comment (with the separator before or after it). */
    removal: Range;
}

/** An `// opsbook-ignore RULE-ID [RULE-ID…]` comment (SPEC §5). */
export interface SuppressionComment {
    /** 0-based line it silences: the next one. */
    target: number;
    names: SuppressedName[];
    /** What to delete to drop the comment: its whole line when it is alone there, else the comment and the blanks before it. */
    removal: Range;
}

const DIRECTIVE = /^\/\/[ \t]*opsbook-ignore(?=\s|,|$)/;
/** A name ends at a blank or comma; `--` starts a free-text reason (`// opsbook-ignore cpa-exceeded -- agreed with finance`). */
const NAME = /[^\s,]+/g;

/**
 * The `// opsbook-ignore` comments of a document: only real line comments count — the CST's hidden
 * `SL_COMMENT` leaves — never the same words inside a string or a block comment.
 */
export function suppressionComments(
    root: CstNode | undefined,
    text: string,
    positionAt: (offset: number) => Position
): SuppressionComment[] {
    const result: SuppressionComment[] = [];
    if (!root || !text.includes('opsbook-ignore')) return result;
    const visit = (node: CstNode): void => {
        const content = (node as { content?: CstNode[] }).content;
        if (content) {
            for (const child of content) visit(child);
            return;
        }
        if (!node.hidden || (node as { tokenType?: { name?: string } }).tokenType?.name !== 'SL_COMMENT') return;
        const comment = parseComment(node.text, node.offset, text, positionAt);
        if (comment) result.push(comment);
    };
    visit(root);
    return result;
}

function parseComment(
    image: string,
    offset: number,
    text: string,
    positionAt: (offset: number) => Position
): SuppressionComment | undefined {
    const directive = DIRECTIVE.exec(image);
    if (!directive) return undefined;
    const spans: { rule: string; start: number; end: number }[] = [];
    NAME.lastIndex = directive[0].length;
    for (let match = NAME.exec(image); match; match = NAME.exec(image)) {
        if (match[0].startsWith('--')) break;
        spans.push({ rule: match[0], start: offset + match.index, end: offset + match.index + match[0].length });
    }
    const range = (start: number, end: number): Range => ({ start: positionAt(start), end: positionAt(end) });
    const names = spans.map((span, i): SuppressedName => {
        // Drop the name with the separator before it, or for the first of several the one after it.
        const next = spans[i + 1];
        const previous = spans[i - 1];
        const removal = previous ? range(previous.end, span.end) : next ? range(span.start, next.start) : range(span.start, span.end);
        return { rule: span.rule, range: range(span.start, span.end), removal };
    });
    const end = offset + image.length;
    let lineStart = offset;
    while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    let removal: Range;
    if (text.slice(lineStart, offset).trim() === '') {
        // Alone on its line: the line goes, with its line break (or the one before it on the last line).
        const afterBreak = text.startsWith('\r\n', end) ? end + 2 : text[end] === '\n' || text[end] === '\r' ? end + 1 : end;
        removal = afterBreak > end ? range(lineStart, afterBreak) : range(lineStart > 0 ? precedingBreak(text, lineStart) : 0, end);
    } else {
        let start = offset;
        while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
        removal = range(start, end);
    }
    return { target: positionAt(offset).line + 1, names, removal };
}

/** The offset of the line break that ends the line before `lineStart`. */
function precedingBreak(text: string, lineStart: number): number {
    return text[lineStart - 1] === '\n' && text[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
}
