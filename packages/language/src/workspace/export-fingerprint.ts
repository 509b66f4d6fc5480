import type { AstNode, CstNode, LangiumDocument, LeafCstNode } from 'langium';
import { GrammarAST } from 'langium';
import type { Range } from 'vscode-languageserver-types';

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
    /** The tokens other than comments, in order (the fingerprint's; kept only while an edit is settled). */
    readonly leaves: ReadonlyArray<{ readonly range: Range }>;
}

/**
 * The fingerprint with its tokens' positions copied: the editor's incremental re-parse moves the tokens
 * after an edit in place (parser/incremental-parse.ts), and the positions before the edit must stay.
 */
export function keepPositions(fingerprint: ExportFingerprint): ExportFingerprint {
    return { root: fingerprint.root, value: fingerprint.value, leaves: fingerprint.leaves.map(leaf => ({ range: leaf.range })) };
}

const TITLE = '\u0000title';
const fingerprints = new WeakMap<AstNode, string>();

/** The fingerprint of the document's current parse (the string is cached per parse). */
export function exportFingerprint(document: LangiumDocument): ExportFingerprint {
    const root = document.parseResult.value;
    const leaves = tokenLeaves(root.$cstNode);
    let value = fingerprints.get(root);
    if (value === undefined) {
        const parts: string[] = [`${document.parseResult.lexerErrors.length}/${document.parseResult.parserErrors.length}`];
        for (const leaf of leaves) parts.push(isTitle(leaf) ? TITLE : leaf.text);
        value = hash(parts.join('\u0001'));
        fingerprints.set(root, value);
    }
    return { root, value, leaves };
}

/** The same range in `after`, token for token, if it starts and ends on token boundaries of `before`. */
export function mapRange(range: Range, before: ExportFingerprint, after: ExportFingerprint): Range | undefined {
    const first = findLeaf(before.leaves, range.start, 'start');
    const last = findLeaf(before.leaves, range.end, 'end');
    if (first === undefined || last === undefined || first > last) return undefined;
    const start = after.leaves[first];
    const end = after.leaves[last];
    if (!start || !end) return undefined;
    return { start: start.range.start, end: end.range.end };
}

function findLeaf(leaves: ExportFingerprint['leaves'], position: Range['start'], side: 'start' | 'end'): number | undefined {
    let low = 0;
    let high = leaves.length - 1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const at = leaves[middle]!.range[side];
        const order = at.line - position.line || at.character - position.character;
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
