import type { AstNode, CstNode, LangiumDocument, LeafCstNode } from 'langium';
import { GrammarAST } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { MultiLineTokenLeaf, TokenLeaf } from '../parser/token-leaf.js';

/**
 * What other files can see of a document, reduced to one string: every token except comments, in order
 * (so every name, keyword and figure, and the shape of the tree), with the text of titles left out (no
 * check reads a title: tests/lsp/export-fingerprint.test.ts greps the rules), and the counts of lexing
 * and parsing errors. Positions are left out too: they are mapped token by token instead (`mapRange`).
 *
 * Two parses with the same fingerprint have the same AST up to titles (same nodes, same paths), so the
 * files that import it can keep their links (re-pointed to the new nodes) and their diagnostics:
 * `OpsbookDocumentBuilder` relinks and revalidates them only when the fingerprint changed.
 */
export interface ExportFingerprint {
    readonly root: AstNode;
    readonly value: string;
    /**
     * The same without the figures: each number, percentage, date, month and quarter is its token type.
     * Two parses with the same `links` have the same AST up to titles and figures — the same nodes, paths
     * and names, so the same links from every other file (a figure never decides a link or the tree's
     * shape: the parser goes by token types and keywords, the scopes by names). The files importing it are
     * then re-pointed and revalidated, not relinked.
     */
    readonly links: string;
    /** The tokens other than comments, in order (the fingerprint's; kept only while an edit is settled). */
    readonly leaves: ReadonlyArray<{ readonly range: Range }>;
    /**
     * Instead of `leaves` (`keepPositions`): their ranges, four numbers a token (start line, start
     * character, end line, end character), one typed array rather than four objects a token.
     */
    readonly positions?: Int32Array;
}

/**
 * The fingerprint with its tokens' positions copied: the editor's incremental re-parse moves the tokens
 * after an edit in place (parser/incremental-parse.ts), and the positions before the edit must stay.
 * Held while an importing file's relinking is deferred; a 100k-line file has ≈ 440,000 tokens.
 */
export function keepPositions(fingerprint: ExportFingerprint): ExportFingerprint {
    const leaves = fingerprint.leaves;
    const positions = new Int32Array(leaves.length * 4);
    for (let i = 0, at = 0; i < leaves.length; i++, at += 4) {
        const leaf = leaves[i] as { readonly range: Range };
        if (leaf instanceof TokenLeaf && !(leaf instanceof MultiLineTokenLeaf)) {
            // A token on one line (every one but a block comment, not among these): its range without building it.
            const line = leaf.startLine - 1;
            const character = leaf.startColumn - 1;
            positions[at] = line;
            positions[at + 1] = character;
            positions[at + 2] = line;
            positions[at + 3] = character + leaf.image.length;
        } else {
            const range = leaf.range;
            positions[at] = range.start.line;
            positions[at + 1] = range.start.character;
            positions[at + 2] = range.end.line;
            positions[at + 3] = range.end.character;
        }
    }
    return { root: fingerprint.root, value: fingerprint.value, links: fingerprint.links, leaves: [], positions };
}

const TITLE = '\u0000title';
const fingerprints = new WeakMap<AstNode, { value: string; links: string }>();
/** The terminals holding figures (packages/language/src/opsbook.langium): left out of `links`. */
const FIGURES = new Set(['NUMBER', 'PERCENT', 'DATE', 'MONTH', 'QUARTER']);

/** The fingerprint of the document's current parse (the strings are cached per parse). */
export function exportFingerprint(document: LangiumDocument): ExportFingerprint {
    const root = document.parseResult.value;
    const leaves = tokenLeaves(root.$cstNode);
    let cached = fingerprints.get(root);
    if (cached === undefined) {
        const errors = `${document.parseResult.lexerErrors.length}/${document.parseResult.parserErrors.length}`;
        const parts: string[] = [errors];
        const links: string[] = [errors];
        for (const leaf of leaves) {
            if (isTitle(leaf)) {
                parts.push(TITLE);
                links.push(TITLE);
                continue;
            }
            parts.push(leaf.text);
            const type = leaf.tokenType?.name;
            links.push(type !== undefined && FIGURES.has(type) ? `\u0000${type}` : leaf.text);
        }
        cached = { value: hash(parts.join('\u0001')), links: hash(links.join('\u0001')) };
        fingerprints.set(root, cached);
    }
    return { root, value: cached.value, links: cached.links, leaves };
}

/** The same range in `after`, token for token, if it starts and ends on token boundaries of `before`. */
export function mapRange(range: Range, before: ExportFingerprint, after: ExportFingerprint): Range | undefined {
    const first = findLeaf(before, range.start, 'start');
    const last = findLeaf(before, range.end, 'end');
    if (first === undefined || last === undefined || first > last || last >= leafCount(after)) return undefined;
    return { start: positionOf(after, first, 'start'), end: positionOf(after, last, 'end') };
}

function leafCount(fingerprint: ExportFingerprint): number {
    return fingerprint.positions ? fingerprint.positions.length / 4 : fingerprint.leaves.length;
}

function positionOf(fingerprint: ExportFingerprint, index: number, side: 'start' | 'end'): Range['start'] {
    const positions = fingerprint.positions;
    if (!positions) return (fingerprint.leaves[index] as { readonly range: Range }).range[side];
    const at = index * 4 + (side === 'start' ? 0 : 2);
    return { line: positions[at] as number, character: positions[at + 1] as number };
}

function findLeaf(fingerprint: ExportFingerprint, position: Range['start'], side: 'start' | 'end'): number | undefined {
    const positions = fingerprint.positions;
    const offset = side === 'start' ? 0 : 2;
    let low = 0;
    let high = leafCount(fingerprint) - 1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        let order: number;
        if (positions) {
            const at = middle * 4 + offset;
            order = (positions[at] as number) - position.line || (positions[at + 1] as number) - position.character;
        } else {
            const at = (fingerprint.leaves[middle] as { readonly range: Range }).range[side];
            order = at.line - position.line || at.character - position.character;
        }
        if (order === 0) return middle;
        if (order < 0) low = middle + 1;
        else high = middle - 1;
    }
    return undefined;
}

function tokenLeaves(root: CstNode | undefined): LeafCstNode[] {
    const leaves: LeafCstNode[] = [];
    const visit = (node: CstNode): void => {
        const content = (node as { content?: CstNode[] }).content;
        if (content) {
            for (const child of content) visit(child);
        } else if (!node.hidden) {
            leaves.push(node as LeafCstNode);
        }
    };
    if (root) visit(root);
    return leaves;
}

function isTitle(leaf: LeafCstNode): boolean {
    const source = leaf.grammarSource;
    const assignment = source?.$container;
    return assignment !== undefined && GrammarAST.isAssignment(assignment) && assignment.feature === 'title';
}

/** Two 32-bit FNV-1a variants side by side: 64 bits, enough to tell two parses of one file apart. */
function hash(text: string): string {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ text.length;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        a = Math.imul(a ^ code, 0x01000193);
        b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
    }
    return `${(a >>> 0).toString(16)}${(b >>> 0).toString(16)}:${text.length}`;
}
