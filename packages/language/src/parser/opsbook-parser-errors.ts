import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import type { LangiumCoreServices } from 'langium';
import { type ExpectedToken, type FoundToken, message } from '../i18n/message.js';
import { SYNTAX_MESSAGES } from '../i18n/syntax-messages.js';
import { collectBlockProperties } from './grammar-properties.js';

/** Token types named in words (i18n/en.ts and zh-cn.ts); any other token type is a keyword. */
const TERMINALS = new Set(['DATE', 'QUARTER', 'MONTH', 'NUMBER', 'PERCENT', 'STRING', 'ID', 'EOF']);

/**
 * Syntax errors in words a planner understands: "'budget' is not a property of a goal: expected target,
 * owner, strategy, part of or '}'", "expected a date like 2027-03-31 after 'by', found 'March'".
 * The messages come from the i18n catalogue (English here; the validator shows them in the file's locale).
 */
export class OpsbookParserErrorMessageProvider implements IParserErrorMessageProvider {
    private readonly properties: Map<string, string[]>;

    constructor(services: LangiumCoreServices) {
        this.properties = collectBlockProperties(services.Grammar);
    }

    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const { expected, actual, previous } = options;
        const ruleName = plainRuleName(options.ruleName);
        const properties = this.properties.get(ruleName);
        if (expected.name === 'EOF') {
            return this.buildNotAllInputParsedMessage({ firstRedundant: actual, ruleName });
        }
        if (expected.name === '}' && properties && isWordToken(actual)) {
            return SYNTAX_MESSAGES.remember(
                message('syntaxNotAProperty', { word: actual.image, elementType: ruleName, expected: [...properties, "'}'"] })
            );
        }
        return expectedMessage([expectedToken(expected)], previous, actual, false);
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return SYNTAX_MESSAGES.remember(message('syntaxNotAllInput', { found: foundToken(options.firstRedundant) }));
    }

    buildNoViableAltMessage(options: {
        expectedPathsPerAlt: TokenType[][][];
        actual: IToken[];
        previous: IToken;
        customUserDescription?: string;
        ruleName: string;
    }): string {
        const firsts = options.expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0])).filter((t): t is TokenType => !!t);
        return expectedMessage(expectedTokens(firsts), options.previous, options.actual[0], false);
    }

    buildEarlyExitMessage(options: {
        expectedIterationPaths: TokenType[][];
        actual: IToken[];
        previous: IToken;
        customUserDescription?: string;
        ruleName: string;
    }): string {
        const firsts = options.expectedIterationPaths.map(path => path[0]).filter((t): t is TokenType => !!t);
        return expectedMessage(expectedTokens(firsts), options.previous, options.actual[0], true);
    }
}

function expectedMessage(expected: ExpectedToken[], previous: IToken | undefined, actual: IToken | undefined, atLeastOne: boolean): string {
    const before = after(previous, actual);
    return SYNTAX_MESSAGES.remember(
        message('syntaxExpected', {
            expected,
            found: foundToken(actual),
            ...(before !== undefined ? { previous: before } : {}),
            ...(atLeastOne ? { atLeastOne } : {})
        })
    );
}

function isWordToken(token: IToken): boolean {
    return /^\^?[\p{L}_]/u.test(token.image);
}

/** chevrotain appends an invisible occurrence marker to rule names (`Goal\u200b`). */
function plainRuleName(ruleName: string): string {
    return ruleName.replace(/[^\p{L}\p{N}_]/gu, '');
}

/** The token for "after 'by'" — omitted when recovery already moved past the offending token. */
function after(previous: IToken | undefined, actual: IToken | undefined): string | undefined {
    if (!previous || previous.tokenType?.name === 'EOF' || !previous.image) return undefined;
    if (actual && actual.tokenType?.name !== 'EOF' && previous.startOffset >= actual.startOffset) return undefined;
    return shorten(previous.image);
}

function shorten(text: string): string {
    const short = text.length > 30 ? text.substring(0, 27) + '...' : text;
    return short.replace(/\s+/g, ' ');
}

/** NAME (the category of ID and the word keywords) reads like ID: "a name". */
function tokenName(type: TokenType): string {
    return type.name === 'NAME' ? 'ID' : type.name;
}

function expectedToken(type: TokenType): ExpectedToken {
    const name = tokenName(type);
    return TERMINALS.has(name) ? { terminal: name } : { keyword: name };
}

/** Collapses "a name or any word keyword" to "a name": every word keyword may also be a name. */
function expectedTokens(types: TokenType[]): ExpectedToken[] {
    const names = new Set(types.map(tokenName));
    const hasId = names.has('ID');
    const result: ExpectedToken[] = [];
    for (const name of names) {
        if (hasId && name !== 'ID' && /^\p{L}/u.test(name)) continue;
        result.push(TERMINALS.has(name) ? { terminal: name } : { keyword: name });
    }
    return result;
}

function foundToken(token: IToken | undefined): FoundToken {
    if (!token || token.tokenType?.name === 'EOF' || token.image === undefined) return { kind: 'eof' };
    if (token.tokenType?.name === 'STRING')
        return { kind: 'text', image: token.image.length > 30 ? token.image.substring(0, 27) + '..."' : token.image };
    return { kind: 'token', image: shorten(token.image) };
}
