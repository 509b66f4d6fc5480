import type { TokenType } from 'chevrotain';
import type { LangiumCoreServices, LexerResult, TokenizeOptions } from 'langium';
import { DefaultLexer } from 'langium';
import { FastLexer } from './fast-lexer.js';
import { isWordKeyword } from './opsbook-token-builder.js';

/**
 * Langium's lexer with two Opsbook parts: the hand-written scanner (fast-lexer.ts) for text chevrotain
 * would lex without an error, chevrotain itself otherwise; and the second half of the keyword scheme of
 * OpsbookTokenBuilder — chevrotain lexes every word as an ID, and a word that is a keyword gets its
 * keyword type here.
 */
export class OpsbookLexer extends DefaultLexer {
    private readonly keywordsByWord = new Map<string, TokenType>();
    private readonly idTypeIndex: number;
    private readonly fast: FastLexer;

    constructor(services: LangiumCoreServices) {
        super(services);
        for (const [name, type] of Object.entries(this.definition)) {
            if (isWordKeyword(name) && typeof type.PATTERN !== 'string') this.keywordsByWord.set(name, type);
        }
        const id = this.definition.ID;
        if (id?.tokenTypeIdx === undefined) throw new Error('The lexer has no ID token.');
        this.idTypeIndex = id.tokenTypeIdx;
        this.fast = new FastLexer(this.definition, this.keywordsByWord);
    }

    /** Whether the hand-written scanner is in use (it switches itself off if the grammar's terminals change). */
    get usesFastPath(): boolean {
        return this.fast.enabled;
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const fast = this.fast.tokenize(text);
        if (fast) return { tokens: fast.tokens, errors: [], hidden: fast.hidden, report: this.tokenBuilder.flushLexingReport?.(text) };
        return this.tokenizeWithChevrotain(text, options);
    }

    /**
     * `tokenize`, about `chars` characters at a time with a yield between the pieces (the parse in slices,
     * chunked-parser.ts). A text the fast scanner gives up on is lexed by chevrotain in one go.
     */
    *tokenizeInSteps(text: string, chars: number): Generator<void, LexerResult> {
        const fast = yield* this.fast.tokenizeInSteps(text, chars);
        if (fast) return { tokens: fast.tokens, errors: [], hidden: fast.hidden, report: this.tokenBuilder.flushLexingReport?.(text) };
        return this.tokenizeWithChevrotain(text);
    }

    /** chevrotain's lexer (lexing errors and their recovery), words retyped. */
    tokenizeWithChevrotain(text: string, options?: TokenizeOptions): LexerResult {
        const result = super.tokenize(text, options);
        for (const token of result.tokens) {
            if (token.tokenTypeIdx !== this.idTypeIndex) continue;
            const keyword = this.keywordsByWord.get(token.image);
            if (keyword) {
                token.tokenType = keyword;
                token.tokenTypeIdx = keyword.tokenTypeIdx as number;
            }
        }
        return result;
    }
}
