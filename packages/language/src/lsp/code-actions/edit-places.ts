import type { AstNode, LangiumDocument } from 'langium';
import { CstUtils, isLeafCstNode } from 'langium';
import type { Range, TextEdit } from 'vscode-languageserver';
import type { Document } from '../../generated/ast.js';
import { topLevelElementOf } from '../top-level-element.js';

/** The top-level element at the start of a diagnostic's range (a goal for its name, an assessment for its person). */
export function elementAt(document: LangiumDocument, range: Range): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    return topLevelElementOf(CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(range.start))?.astNode);
}

/** Appends a declaration at the end of a file, on a line of its own. */
export function appendAtEnd(document: LangiumDocument, declaration: string): TextEdit {
    const text = document.textDocument.getText();
    const end = document.textDocument.positionAt(text.length);
    const separator = text.length === 0 || text.endsWith('\n') ? '' : '\n';
    return { range: { start: end, end }, newText: `${separator}${declaration}\n` };
}

/** Inserts a declaration on the line after the last element of a type, or at the end of the file. */
export function insertAfterLast(document: LangiumDocument<Document>, type: string, declaration: string): TextEdit {
    const last = (document.parseResult.value.elements ?? []).filter(element => element.$type === type).at(-1)?.$cstNode;
    if (!last) return appendAtEnd(document, declaration);
    const lineEnd = { line: last.range.end.line + 1, character: 0 };
    if (lineEnd.line >= document.textDocument.lineCount) return appendAtEnd(document, declaration);
    return { range: { start: lineEnd, end: lineEnd }, newText: `${declaration}\n` };
}

/**
 * Adds a property to an element: as the block's first line (with the indentation of its other
 * lines), inside a one-line block, or with a new block when the element has none.
 */
export function insertProperty(document: LangiumDocument, element: AstNode, property: string): TextEdit | undefined {
    const cst = element.$cstNode;
    if (!cst) return undefined;
    const open = CstUtils.streamCst(cst).find(node => isLeafCstNode(node) && node.text === '{' && node.astNode === element);
    if (!open) {
        return { range: { start: cst.range.end, end: cst.range.end }, newText: ` { ${property} }` };
    }
    const text = document.textDocument.getText();
    const afterOpen = text.substring(open.end, text.indexOf('\n', open.end) === -1 ? text.length : text.indexOf('\n', open.end));
    const at = document.textDocument.positionAt(open.end);
    if (afterOpen.trim() !== '' && !afterOpen.trim().startsWith('//')) {
        return { range: { start: at, end: at }, newText: ` ${property}` };
    }
    const nextLine = document.textDocument.getText({
        start: { line: at.line + 1, character: 0 },
        end: { line: at.line + 2, character: 0 }
    });
    const indent = /^[ \t]*/.exec(nextLine)?.[0] || '  ';
    const lineEnd = { line: at.line, character: at.character + afterOpen.length };
    return { range: { start: lineEnd, end: lineEnd }, newText: `\n${indent}${property}` };
}
