// The canonical layout of an .ops file, computed from its tokens (comments included) and never from
// the whitespace the author typed, so that formatting is idempotent and the same AST always prints the
// same way. Only the whitespace between tokens changes: the tokens themselves, and therefore the AST,
// cannot. The rules:
//
// - one element per line at the top level; one blank line is kept where the author left at least one;
// - inside a block, one property per line, indented by two spaces, `}` on its own line;
// - a block with a single property (or none), no comment and at most MAX_WIDTH columns stays on one
//   line: `assessment alice { kpi SeedUsers weight 100% }`, `person ceo {}`; a funnel stays on one line;
// - single spaces between the tokens of a property, none before `,` nor between a number and `元`;
// - comments are kept where they are: on their own line (re-indented) or after code on the same line,
//   where consecutive trailing comments are aligned two columns after the longest code line of their run.

import type { AstNode, CompositeCstNode, CstNode, Grammar, LeafCstNode } from 'langium';
import { CstUtils, GrammarAST, isCompositeCstNode, isLeafCstNode } from 'langium';
import type { Document } from '../generated/ast.js';
import { displayWidth } from './display-width.js';

export const INDENT = '  ';
/** Widest one-line block, in display columns. */
export const MAX_WIDTH = 100;

/** The whitespace to put before token `index` (and, at `tokens.length`, after the last one). */
export interface CanonicalLayout {
    tokens: LeafCstNode[];
    separators: string[];
}

interface Block {
    open: LeafCstNode;
    close: LeafCstNode;
    propertyStarts: Set<CstNode>;
    multiLine: boolean;
}

/** For each element rule, the grammar elements that begin one property of its `{ ( … | … )* }` loop. */
export function propertyStartElements(grammar: Grammar): Map<string, Set<GrammarAST.AbstractElement>> {
    const result = new Map<string, Set<GrammarAST.AbstractElement>>();
    for (const rule of grammar.rules) {
        if (!GrammarAST.isParserRule(rule)) continue;
        const loop = findLoopAfterBrace(rule.definition);
        if (!loop) continue;
        const alternatives = GrammarAST.isAlternatives(loop) ? loop.elements : [loop];
        const starts = new Set<GrammarAST.AbstractElement>();
        for (const alternative of alternatives) {
            const first = firstTokenElement(alternative);
            if (first) starts.add(first);
        }
        result.set(rule.name, starts);
    }
    return result;
}

function findLoopAfterBrace(element: GrammarAST.AbstractElement): GrammarAST.AbstractElement | undefined {
    if (!GrammarAST.isGroup(element)) return undefined;
    const elements = element.elements;
    for (let i = 0; i < elements.length - 1; i++) {
        const current = elements[i];
        const next = elements[i + 1];
        if (GrammarAST.isKeyword(current) && current.value === '{' && next?.cardinality === '*') {
            return GrammarAST.isGroup(next) && next.elements.length === 1 ? next.elements[0] : next;
        }
    }
    for (const child of elements) {
        const found = findLoopAfterBrace(child);
        if (found) return found;
    }
    return undefined;
}

/** The grammar element that produces an alternative's first CST child: a keyword or a rule call. */
function firstTokenElement(element: GrammarAST.AbstractElement | undefined): GrammarAST.AbstractElement | undefined {
    if (!element) return undefined;
    if (GrammarAST.isGroup(element)) return firstTokenElement(element.elements[0]);
    if (GrammarAST.isAssignment(element)) return firstTokenElement(element.terminal);
    return element;
}

/**
 * The children of an element's own CST node. An element reached through an unassigned rule call
 * (`Element: Goal | …`) has a wrapper node whose only child is the element's: look through it.
 */
function directChildren(node: CstNode): readonly CstNode[] {
    let current = node;
    while (isCompositeCstNode(current)) {
        const content = (current as CompositeCstNode).content.filter(child => !child.hidden);
        const only = content[0];
        if (content.length === 1 && only && isCompositeCstNode(only) && only.offset === current.offset && only.end === current.end) {
            current = only;
        } else {
            return (current as CompositeCstNode).content;
        }
    }
    return [];
}

function isLineComment(token: LeafCstNode): boolean {
    return token.hidden && token.text.startsWith('//');
}

function newlinesIn(text: string): number {
    let count = 0;
    for (const char of text) if (char === '\n') count++;
    return count;
}

export class LayoutError extends Error {}

/**
 * Computes the canonical separators of a document that parsed without errors. Throws LayoutError
 * when text outside the tokens is not whitespace (it would be lost), which a clean parse rules out.
 */
export function canonicalLayout(root: Document, text: string, starts: Map<string, Set<GrammarAST.AbstractElement>>): CanonicalLayout {
    const rootCst = root.$cstNode;
    const tokens: LeafCstNode[] = rootCst ? CstUtils.flattenCst(rootCst).filter(isLeafCstNode).toArray() : [];
    tokens.sort((a, b) => a.offset - b.offset);
    const gaps = tokens.map((token, i) => text.substring(i === 0 ? 0 : (tokens[i - 1] as LeafCstNode).end, token.offset));
    gaps.push(text.substring(tokens.length > 0 ? (tokens[tokens.length - 1] as LeafCstNode).end : 0));
    for (const gap of gaps) {
        if (/[^\s\uFEFF]/.test(gap)) throw new LayoutError('text outside the parsed tokens');
    }

    const elementStarts = new Set<number>();
    const blocks: Block[] = [];
    for (const element of root.elements ?? []) {
        const cst = element.$cstNode;
        if (!cst) continue;
        elementStarts.add(cst.offset);
        const block = findBlock(element, cst, tokens, starts);
        if (block) blocks.push(block);
    }
    const blockByClose = new Map(blocks.map(b => [b.close.offset, b]));
    const startOffsets = new Map<number, Block>();
    for (const block of blocks) {
        for (const start of block.propertyStarts) startOffsets.set(start.offset, block);
    }
    const depthAt = (offset: number): number => {
        const block = blocks[lastIndexAtOrBefore(blocks, b => b.open.offset, offset)];
        return block && block.multiLine && block.open.offset < offset && offset < block.close.offset ? 1 : 0;
    };
    const newline = (blank: boolean, depth: number) => (blank ? '\n\n' : '\n') + INDENT.repeat(depth);

    const separators: string[] = [];
    tokens.forEach((token, i) => {
        const gap = gaps[i] as string;
        const previous = tokens[i - 1];
        if (!previous) {
            separators.push(gap.startsWith('\uFEFF') ? '\uFEFF' : '');
            return;
        }
        const blank = newlinesIn(gap) >= 2 && previous.text !== '{';
        let separator: string;
        const closing = blockByClose.get(token.offset);
        const propertyOf = startOffsets.get(token.offset);
        if (token.hidden) {
            separator = newlinesIn(gap) === 0 ? ' ' : newline(blank, depthAt(token.offset));
        } else if (elementStarts.has(token.offset)) {
            separator = newline(blank, 0);
        } else if (closing) {
            separator = closing.multiLine ? newline(false, 0) : previous.offset === closing.open.offset ? '' : ' ';
        } else if (propertyOf) {
            separator = propertyOf.multiLine ? newline(blank, 1) : ' ';
        } else if (token.text === ',' || (token.text === '元' && /^\d/.test(previous.text))) {
            // `20万元` is written as one word in Chinese: the currency hugs its number.
            separator = '';
        } else {
            separator = ' ';
        }
        // A line comment runs to the end of its line: what follows it must start a new line, indented
        // one level deeper when it continues a property.
        if (isLineComment(previous) && !separator.includes('\n')) {
            separator = newline(false, depthAt(token.offset) + 1);
        }
        separators.push(separator);
    });
    separators.push(tokens.length > 0 ? '\n' : '');
    alignTrailingComments(tokens, separators);
    if (text.includes('\r\n')) {
        for (let i = 0; i < separators.length; i++) separators[i] = (separators[i] as string).replace(/\n/g, '\r\n');
    }
    return { tokens, separators };
}

function findBlock(
    element: AstNode,
    cst: CstNode,
    tokens: LeafCstNode[],
    starts: Map<string, Set<GrammarAST.AbstractElement>>
): Block | undefined {
    const children = directChildren(cst);
    const open = children.find(c => isLeafCstNode(c) && !c.hidden && c.text === '{') as LeafCstNode | undefined;
    const close = [...children].reverse().find(c => isLeafCstNode(c) && !c.hidden && c.text === '}') as LeafCstNode | undefined;
    if (!open || !close || close.offset < open.offset) return undefined;
    const startElements = starts.get(element.$type);
    const propertyStarts = new Set<CstNode>();
    if (startElements) {
        for (const child of children) {
            if (
                child.offset > open.offset &&
                child.offset < close.offset &&
                !child.hidden &&
                startElements.has(child.grammarSource as GrammarAST.AbstractElement)
            ) {
                propertyStarts.add(firstLeaf(child));
            }
        }
    } else {
        // A block without properties (a funnel's steps): its content starts right after `{`.
        const first = tokens[lastIndexAtOrBefore(tokens, t => t.offset, open.offset) + 1];
        if (first && first.offset < close.offset) propertyStarts.add(first);
    }
    const from = lastIndexAtOrBefore(tokens, t => t.offset, cst.offset);
    const own: LeafCstNode[] = [];
    for (let i = Math.max(0, from); i < tokens.length && (tokens[i] as LeafCstNode).offset < cst.end; i++)
        own.push(tokens[i] as LeafCstNode);
    const hasComment = own.some(t => t.hidden && t.offset > open.offset && t.offset < close.offset);
    let multiLine = hasComment || (startElements !== undefined && propertyStarts.size > 1);
    if (!multiLine) {
        // The one-line form: every token of the element joined by single spaces (none before `,`).
        const oneLine = own.map((t, i) => (i === 0 || t.text === ',' ? '' : ' ') + t.text).join('');
        multiLine = displayWidth(oneLine) > MAX_WIDTH;
    }
    return { open, close, propertyStarts, multiLine };
}

/** Index of the last item whose key is <= `offset` in a list sorted by key; -1 when there is none. */
function lastIndexAtOrBefore<T>(items: readonly T[], key: (item: T) => number, offset: number): number {
    let low = 0;
    let high = items.length - 1;
    let found = -1;
    while (low <= high) {
        const mid = (low + high) >> 1;
        if (key(items[mid] as T) <= offset) {
            found = mid;
            low = mid + 1;
        } else {
            high = mid - 1;
        }
    }
    return found;
}

function firstLeaf(node: CstNode): CstNode {
    let current = node;
    while (isCompositeCstNode(current) && current.content.length > 0) current = current.content[0] as CstNode;
    return current;
}

/**
 * Trailing line comments on consecutive lines of one indentation (no blank line between) start in
 * one column, two after the widest code among them; the widths come from the canonical text only.
 */
function alignTrailingComments(tokens: LeafCstNode[], separators: string[]): void {
    interface Trailing {
        index: number;
        codeWidth: number;
        line: number;
    }
    interface Line {
        indent: number;
        blank: boolean;
        commentOnly: boolean;
    }
    const lines: Line[] = [{ indent: 0, blank: false, commentOnly: false }];
    const trailing: Trailing[] = [];
    let width = 0;
    let lineStart = true;
    tokens.forEach((token, i) => {
        const separator = separators[i] as string;
        const lastBreak = separator.lastIndexOf('\n');
        if (lastBreak >= 0) {
            const breaks = newlinesIn(separator);
            for (let b = 1; b < breaks; b++) lines.push({ indent: 0, blank: true, commentOnly: false });
            const indent = separator.length - lastBreak - 1;
            lines.push({ indent, blank: false, commentOnly: false });
            width = indent;
            lineStart = true;
        } else if (i > 0 && isLineComment(token) && !lineStart) {
            trailing.push({ index: i, codeWidth: width, line: lines.length - 1 });
        }
        if (lineStart && token.hidden) (lines[lines.length - 1] as Line).commentOnly = true;
        width += displayWidth(lastBreak >= 0 ? '' : separator.replace('\uFEFF', ''));
        const tokenLines = token.text.split('\n');
        if (tokenLines.length > 1) {
            // A block comment over several lines ends any run of aligned comments.
            for (let b = 1; b < tokenLines.length; b++) lines.push({ indent: 0, blank: true, commentOnly: false });
            width = displayWidth(tokenLines[tokenLines.length - 1] as string);
        } else {
            width += displayWidth(token.text);
        }
        lineStart = false;
    });
    let group: Trailing[] = [];
    const flush = () => {
        const column = Math.max(...group.map(t => t.codeWidth)) + 2;
        for (const t of group) separators[t.index] = ' '.repeat(column - t.codeWidth);
        group = [];
    };
    for (const t of trailing) {
        const last = group[group.length - 1];
        if (last && !sameRun(lines, last.line, t.line)) flush();
        group.push(t);
    }
    if (group.length > 0) flush();
}

/** Lines a and b (a < b) belong to one run: no blank line, no change of indentation, between them. */
function sameRun(lines: { indent: number; blank: boolean; commentOnly: boolean }[], a: number, b: number): boolean {
    const indent = lines[a]?.indent;
    for (let i = a + 1; i <= b; i++) {
        const line = lines[i];
        if (!line || line.blank || line.commentOnly || line.indent !== indent) return false;
    }
    return true;
}

/** The canonical text: the original tokens joined by the canonical separators. */
export function layoutToText(layout: CanonicalLayout): string {
    let result = '';
    layout.tokens.forEach((token, i) => {
        result += (layout.separators[i] as string) + token.text;
    });
    return result + (layout.separators[layout.tokens.length] ?? '');
}
