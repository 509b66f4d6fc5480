import type { IToken, TokenType } from 'chevrotain';
import type { AstNode, CompositeCstNode, GrammarAST, LeafCstNode, RootCstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';

const COLUMN_BITS = 12;
const COLUMNS = 1 << COLUMN_BITS;
/** Lines below this share their integer with the column: line × COLUMNS + column stays below 2^30, a small integer even where V8 compresses pointers (Electron). */
const LINES = 1 << (30 - COLUMN_BITS);

/** Whether a token at this 0-based line and column can be a TokenLeaf (else a WideTokenLeaf). */
export function fitsTokenLeaf(line: number, column: number): boolean {
    return line < LINES && column < COLUMNS;
}

/**
 * How the tokens after an edit move (the editor's incremental re-parse, incremental-parse.ts): `offset`
 * more UTF-16 units and `lines` more lines; a position on line `line` (0-based, before the move) also
 * `columns` more columns (the rest of the edited line).
 */
export interface LeafMove {
    readonly offset: number;
    readonly lines: number;
    readonly line: number;
    readonly columns: number;
}

function movedPosition(line: number, character: number, move: LeafMove): { line: number; character: number } {
    return { line: line + move.lines, character: line === move.line ? character + move.columns : character };
}

/**
 * A token that is already its own CST leaf. Langium's parser turns every token into a new leaf node
 * that copies the token's position; on a 100k-line playbook that is ~450k objects made twice. Tokens
 * from the fast lexer are leaves from the start, and OpsbookCstNodeBuilder hands them back as their
 * own leaf instead of copying them. Six fields, the least both roles need: line and column share one
 * small integer, and the rest — the token's type index (its type's), whether it is hidden (a comment:
 * CommentLeaf), its 1-based lines and inclusive ends as chevrotain has them, the leaf's range — is
 * computed on demand (each field is 8 bytes × 440k tokens in a 100k-line playbook). Only comments may
 * span lines (MultiLineTokenLeaf); a position too large to share one integer is a WideTokenLeaf
 * (`fitsTokenLeaf`).
 */
export class TokenLeaf implements LeafCstNode, IToken {
    container: CompositeCstNode | undefined = undefined;
    grammarSource: GrammarAST.AbstractElement | undefined = undefined;
    /** 0-based line × COLUMNS + 0-based column: a small integer (V8 keeps it unboxed). */
    private position: number;

    constructor(
        readonly image: string,
        public startOffset: number,
        /** 0-based; with `column`, within `fitsTokenLeaf` (else a WideTokenLeaf). */
        line: number,
        /** 0-based. */
        column: number,
        readonly tokenType: TokenType
    ) {
        this.position = line * COLUMNS + column;
    }

    /** 0-based. */
    protected get line(): number {
        return this.position >> COLUMN_BITS;
    }

    /** 0-based. */
    protected get column(): number {
        return this.position & (COLUMNS - 1);
    }

    /** Whether `move` can move this leaf (a TokenLeaf holds only positions within `fitsTokenLeaf`). */
    canMove(move: LeafMove): boolean {
        const line = this.line;
        return fitsTokenLeaf(line + move.lines, line === move.line ? this.column + move.columns : this.column);
    }

    /** Moves the leaf (see LeafMove); only after `canMove` said yes. No allocation: every token after an edit moves. */
    move(move: LeafMove): void {
        const line = this.line;
        const column = line === move.line ? this.column + move.columns : this.column;
        this.startOffset += move.offset;
        this.position = (line + move.lines) * COLUMNS + column;
    }

    /** chevrotain matches tokens by this index; a token's is always its own type's (only chevrotain's tokens are retyped). */
    get tokenTypeIdx(): number {
        return this.tokenType.tokenTypeIdx as number;
    }

    /** Comments are hidden (CommentLeaf); every other token is not. */
    get hidden(): boolean {
        return false;
    }

    get offset(): number {
        return this.startOffset;
    }

    get length(): number {
        return this.image.length;
    }

    get end(): number {
        return this.startOffset + this.image.length;
    }

    get text(): string {
        return this.image;
    }

    get range(): Range {
        const line = this.line;
        const column = this.column;
        return { start: { line, character: column }, end: { line, character: column + this.image.length } };
    }

    get root(): RootCstNode {
        let node: CompositeCstNode | undefined = this.container;
        while (node?.container) node = node.container;
        if (!node) throw new Error('This node has no associated AST element');
        return node as RootCstNode;
    }

    get astNode(): AstNode {
        const container = this.container;
        if (!container) throw new Error('This node has no associated AST element');
        return container.astNode;
    }

    get endOffset(): number {
        return this.end - 1;
    }

    get startLine(): number {
        return this.line + 1;
    }

    get startColumn(): number {
        return this.column + 1;
    }

    get endLine(): number {
        return this.range.end.line + 1;
    }

    get endColumn(): number {
        return this.range.end.character;
    }
}

/** A comment: the one kind of token the parser does not see (Langium's hidden leaf). */
export class CommentLeaf extends TokenLeaf {
    override get hidden(): boolean {
        return true;
    }
}

/** A comment over several lines: the one token whose end is on another line. Its start is kept as is (any size). */
export class MultiLineTokenLeaf extends CommentLeaf {
    private startPosition: { line: number; character: number };

    constructor(
        image: string,
        startOffset: number,
        line: number,
        column: number,
        /** 0-based line and exclusive column of the end. */
        private endPosition: { line: number; character: number },
        tokenType: TokenType
    ) {
        super(image, startOffset, 0, 0, tokenType);
        this.startPosition = { line, character: column };
    }

    protected override get line(): number {
        return this.startPosition.line;
    }

    protected override get column(): number {
        return this.startPosition.character;
    }

    override get range(): Range {
        return { start: { ...this.startPosition }, end: { ...this.endPosition } };
    }

    override canMove(): boolean {
        return true;
    }

    override move(move: LeafMove): void {
        this.startOffset += move.offset;
        this.startPosition = movedPosition(this.startPosition.line, this.startPosition.character, move);
        this.endPosition = movedPosition(this.endPosition.line, this.endPosition.character, move);
    }
}

/** A token past column 4,095 or line 262,143 (`fitsTokenLeaf`): line and column in fields of their own. */
export class WideTokenLeaf extends TokenLeaf {
    constructor(
        image: string,
        startOffset: number,
        private wideLine: number,
        private wideColumn: number,
        tokenType: TokenType,
        private readonly isHidden: boolean
    ) {
        super(image, startOffset, 0, 0, tokenType);
    }

    protected override get line(): number {
        return this.wideLine;
    }

    protected override get column(): number {
        return this.wideColumn;
    }

    override get hidden(): boolean {
        return this.isHidden;
    }

    override canMove(): boolean {
        return true;
    }

    override move(move: LeafMove): void {
        const to = movedPosition(this.wideLine, this.wideColumn, move);
        this.startOffset += move.offset;
        this.wideLine = to.line;
        this.wideColumn = to.character;
    }
}
