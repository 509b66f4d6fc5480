import type { IToken, TokenType } from 'chevrotain';
import type { AstNode, CompositeCstNode, GrammarAST, LeafCstNode, RootCstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';

/**
 * A token that is already its own CST leaf. Langium's parser turns every token into a new leaf node
 * that copies the token's position; on a 100k-line playbook that is ~450k objects made twice. Tokens
 * from the fast lexer are leaves from the start, and OpsbookCstNodeBuilder hands them back as their
 * own leaf instead of copying them. Seven fields, the least both roles need: the rest — the token's
 * type index (its type's), whether it is hidden (a comment: CommentLeaf), its 1-based lines and
 * inclusive ends as chevrotain has them, the leaf's range — is computed on demand (each field is
 * 8 bytes × 440k tokens in a 100k-line playbook). Only comments may span lines (MultiLineTokenLeaf).
 */
export class TokenLeaf implements LeafCstNode, IToken {
    container: CompositeCstNode | undefined = undefined;
    grammarSource: GrammarAST.AbstractElement | undefined = undefined;

    constructor(
        readonly image: string,
        readonly startOffset: number,
        /** 0-based. */
        protected readonly line: number,
        /** 0-based. */
        protected readonly column: number,
        readonly tokenType: TokenType
    ) {}

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
        return { start: { line: this.line, character: this.column }, end: { line: this.line, character: this.column + this.image.length } };
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
        return this.range.start.line + 1;
    }

    get startColumn(): number {
        return this.range.start.character + 1;
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

/** A comment over several lines: the one token whose end is on another line. */
export class MultiLineTokenLeaf extends CommentLeaf {
    constructor(
        image: string,
        startOffset: number,
        line: number,
        column: number,
        /** 0-based line and exclusive column of the end. */
        private readonly endPosition: { line: number; character: number },
        tokenType: TokenType
    ) {
        super(image, startOffset, line, column, tokenType);
    }

    override get range(): Range {
        return { start: { line: this.line, character: this.column }, end: { ...this.endPosition } };
    }
}
