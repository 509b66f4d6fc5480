import type { IToken, TokenType } from 'chevrotain';
import { LeafCstNodeImpl } from 'langium';

/**
 * A token that is already its own CST leaf. Langium's parser turns every token into a new leaf node
 * that copies the token's position; on a 100k-line playbook that is ~450k objects made twice. Tokens
 * from the fast lexer are leaves from the start, and OpsbookCstNodeBuilder hands them back as their
 * own leaf instead of copying them. The token view (1-based lines and columns, inclusive ends, as
 * chevrotain has them) is computed on demand: only error messages read it.
 */
export class TokenLeaf extends LeafCstNodeImpl implements IToken {
    readonly image: string;
    tokenTypeIdx: number;

    /** Positions as the CST has them: 0-based lines and columns, exclusive end column. */
    constructor(image: string, offset: number, line: number, column: number, endLine: number, endColumn: number, type: TokenType, hidden: boolean) {
        super(offset, image.length, line, column, endLine, endColumn, type, hidden);
        this.image = image;
        this.tokenTypeIdx = type.tokenTypeIdx as number;
    }

    get startOffset(): number {
        return this.offset;
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
