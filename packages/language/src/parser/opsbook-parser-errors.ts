import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import type { LangiumCoreServices } from 'langium';
import { collectBlockProperties } from './grammar-properties.js';

const TERMINAL_WORDS: Record<string, string> = {
    DATE: 'a date like 2027-03-31',
    QUARTER: 'a quarter like 2027-Q1',
    MONTH: 'a month like 2027-01',
    NUMBER: 'a number',
    PERCENT: 'a percentage like 35%',
    STRING: 'a quoted text',
    ID: 'a name',
    EOF: 'the end of the file'
};

/** The element word used in messages: `Goal` → "a goal". */
const ELEMENT_WORDS: Record<string, string> = {
    Playbook: 'a playbook', Strategy: 'a strategy', Goal: 'a goal', Channel: 'a channel', Campaign: 'a campaign',
    Workstream: 'a workstream', Person: 'a person', Team: 'a team', Assessment: 'an assessment',
    Forecast: 'a forecast', Monitor: 'a monitor', Review: 'a review'
};

const ELEMENT_KEYWORDS = ['import', 'playbook', 'strategy', 'metric', 'funnel', 'goal', 'channel', 'campaign',
    'workstream', 'person', 'team', 'assessment', 'forecast', 'monitor', 'review'];

/**
 * Syntax errors in words a planner understands: "'budget' is not a property of a goal: expected target,
 * owner, strategy, part of or '}'", "expected a date like 2027-03-31 after 'by', found 'March'".
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
            return `'${actual.image}' is not a property of ${ELEMENT_WORDS[ruleName] ?? ruleName.toLowerCase()}: expected ${orList([...properties, "'}'"])}`;
        }
        return `expected ${describeType(expected)}${after(previous, actual)}, found ${describeToken(actual)}`;
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return `expected an element (${ELEMENT_KEYWORDS.join(', ')}), found ${describeToken(options.firstRedundant)}`;
    }

    buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const firsts = options.expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0])).filter((t): t is TokenType => !!t);
        return `expected ${orList(describeTypes(firsts))}${after(options.previous, options.actual[0])}, found ${describeToken(options.actual[0])}`;
    }

    buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const firsts = options.expectedIterationPaths.map(path => path[0]).filter((t): t is TokenType => !!t);
        return `expected at least one ${orList(describeTypes(firsts))}${after(options.previous, options.actual[0])}, found ${describeToken(options.actual[0])}`;
    }
}

function isWordToken(token: IToken): boolean {
    return /^\^?[\p{L}_]/u.test(token.image);
}

/** chevrotain appends an invisible occurrence marker to rule names (`Goal\u200b`). */
function plainRuleName(ruleName: string): string {
    return ruleName.replace(/[^\p{L}\p{N}_]/gu, '');
}

/** "after 'by'" — omitted when recovery already moved past the offending token. */
function after(previous: IToken | undefined, actual: IToken | undefined): string {
    if (!previous || previous.tokenType?.name === 'EOF' || !previous.image) return '';
    if (actual && actual.tokenType?.name !== 'EOF' && previous.startOffset >= actual.startOffset) return '';
    return ` after ${quote(previous.image)}`;
}

function quote(text: string): string {
    const short = text.length > 30 ? text.substring(0, 27) + '...' : text;
    return `'${short.replace(/\s+/g, ' ')}'`;
}

function describeType(type: TokenType): string {
    return TERMINAL_WORDS[type.name] ?? `'${type.name}'`;
}

/** Collapses "a name or any word keyword" to "a name": every word keyword may also be a name. */
function describeTypes(types: TokenType[]): string[] {
    const names = new Set(types.map(type => type.name));
    const hasId = names.has('ID');
    const words: string[] = [];
    for (const name of names) {
        if (hasId && name !== 'ID' && /^\p{L}/u.test(name)) continue;
        words.push(TERMINAL_WORDS[name] ?? `'${name}'`);
    }
    return words;
}

function describeToken(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF' || token.image === undefined) return 'the end of the file';
    if (token.tokenType?.name === 'STRING') return `the text ${token.image.length > 30 ? token.image.substring(0, 27) + '..."' : token.image}`;
    return quote(token.image);
}

function orList(items: string[]): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
