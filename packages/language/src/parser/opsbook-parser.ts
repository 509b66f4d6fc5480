import type { IRecognitionException, IToken, TokenType } from 'chevrotain';
import type {
    AstNode,
    AstReflection,
    CompositeCstNode,
    CstNode,
    LangiumCoreServices,
    LangiumParser,
    Lexer,
    LexerResult,
    ParseResult,
    ParserOptions,
    RootCstNode
} from 'langium';
import { CstNodeBuilder, createLangiumParser, DatatypeSymbol, GrammarAST, type LeafCstNodeImpl } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { TokenLeaf } from './token-leaf.js';

/**
 * Two changes to Langium's CST builder, both for large files.
 *
 * Langium's CST builder is asked to insert the hidden tokens (comments) before every consumed token,
 * usually none. With none to insert it still looks for where they would go: for the first token of a
 * top-level element that is `indexOf` in the root's list of elements, which made parsing quadratic in
 * the number of elements (a 100k-line file: 0.22 s of its parse). Nothing to insert, nothing to look for.
 */
class OpsbookCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length > 0) super.addHiddenNodes(tokens);
    }

    /** Our composite node (below) instead of Langium's, otherwise as Langium's `buildCompositeNode`. */
    override buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNode {
        const node = new CompositeNode();
        node.grammarSource = feature;
        this.appendChild(this.current as never, node as never);
        (this as unknown as { nodeStack: CstNode[] }).nodeStack.push(node);
        return node as never;
    }

    /** A token of the fast lexer is its own leaf (token-leaf.ts); chevrotain's tokens are copied as usual. */
    protected override createLeafNode(token: IToken, hidden: boolean): LeafCstNodeImpl {
        // A TokenLeaf has the shape of Langium's leaf (LeafCstNode) without its class: nothing in Langium
        // tests a leaf's class, only its properties (`isLeafCstNode`).
        if (token instanceof TokenLeaf && token.hidden === hidden && token.container === undefined)
            return token as unknown as LeafCstNodeImpl;
        return super.createLeafNode(token, hidden);
    }
}

/**
 * Langium's composite CST node (`CompositeCstNodeImpl`: the same fields and getters) without the slot in
 * which it caches its range once read: four fields, 56 bytes instead of 64 (a 100k-line playbook has 127k
 * of them; after a build none has its range cached). The range is computed from the first and last
 * leaves each time it is read. Langium tests a composite by its `content` (`isCompositeCstNode`), never
 * by class (guard test in tests/architecture/langium-internals.test.ts).
 */
export class CompositeNode implements CompositeCstNode {
    container: CompositeCstNode | undefined = undefined;
    grammarSource: GrammarAST.AbstractElement | undefined = undefined;
    content: CstNode[] = [];
    private _astNode: AstNode | undefined = undefined;

    get astNode(): AstNode {
        if (this._astNode) return this._astNode;
        for (let node = this.container; node; node = node.container) {
            const own = (node as unknown as { _astNode?: AstNode })._astNode;
            if (own) return own;
        }
        throw new Error('This node has no associated AST element');
    }

    set astNode(value: AstNode) {
        this._astNode = value;
    }

    get hidden(): boolean {
        return false;
    }

    get offset(): number {
        return this.firstNonHiddenNode?.offset ?? 0;
    }

    get length(): number {
        return this.end - this.offset;
    }

    get end(): number {
        return this.lastNonHiddenNode?.end ?? 0;
    }

    get range(): Range {
        const first = this.firstNonHiddenNode;
        const last = this.lastNonHiddenNode;
        if (!first || !last) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        const { range: firstRange } = first;
        const { range: lastRange } = last;
        return { start: firstRange.start, end: lastRange.end.line < firstRange.start.line ? firstRange.start : lastRange.end };
    }

    get firstNonHiddenNode(): CstNode | undefined {
        for (const child of this.content) if (!child.hidden) return child;
        return this.content[0];
    }

    get lastNonHiddenNode(): CstNode | undefined {
        for (let i = this.content.length - 1; i >= 0; i--) {
            const child = this.content[i] as CstNode;
            if (!child.hidden) return child;
        }
        return this.content[this.content.length - 1];
    }

    get root(): RootCstNode {
        let node: CompositeCstNode = this;
        while (node.container) node = node.container;
        return node as RootCstNode;
    }

    get text(): string {
        return this.root.fullText.substring(this.offset, this.end);
    }
}

/** Langium's parser with the CST builder above (the builder is a private field without an injection point). */
export function createOpsbookParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new OpsbookCstNodeBuilder();
    keepFirstValue(parser as unknown as AssigningParser);
    constructNodes(parser as unknown as ConstructingParser, services.shared.AstReflection);
    consumeByPlan(parser as unknown as ConsumingParser);
    parseWithoutRelinking(parser);
    return parser;
}

/** The parts of Langium's parser that finish the AST node on top of its stack. */
interface ConstructingParser {
    readonly stack: Record<string, unknown>[];
    readonly nodeBuilder: { construct(node: unknown): void };
    isRecording(): boolean;
    construct(): unknown;
}

/**
 * Langium's `construct` finishes the node on top of the parser's stack: its CST node, the properties
 * with a default (`[]`, `false`). Ours does the same for an ordinary node (a datatype rule's value or an
 * infix expression still goes to Langium's) with two differences, both for large files:
 *
 * - Lists are copied to their size. Langium fills a node's lists (`+=`) by pushing onto an empty array,
 *   which V8 grows to 17 slots at the first push (152 bytes for a list of one or two), and never trims
 *   them; lists are 2/3 of a 100k-line playbook's 24k AST arrays (≈ 0.6× its size on the heap).
 * - The node's children get their container (`$container`, `$containerProperty`, `$containerIndex`)
 *   here, while the node is fresh, instead of in one walk over the whole tree when the parse ends
 *   (Langium's `linkContentToContainer`: an `Object.entries` array and a closure per node, 13% of what
 *   the check of a 100k-line file allocates; see `parseWithoutRelinking`). A child is always built
 *   before its parent, and nothing is assigned to a node after it is built, so every node of the
 *   result is linked when the root is built. A node built twice (an unassigned rule call: `Element:
 *   Goal | …` merges the caller's node into the callee's) is linked again with its final lists.
 *
 * The properties with a default are listed once per node type (Langium lists them per node).
 */
function constructNodes(parser: ConstructingParser, reflection: AstReflection): void {
    const langiumConstruct = parser.construct.bind(parser);
    const defaults = new Map<string, readonly { name: string; value: unknown }[]>();
    const defaultsOf = (type: string) => {
        let list = defaults.get(type);
        if (!list) {
            list = Object.values(reflection.getTypeMetaData(type).properties)
                .filter(property => property.defaultValue !== undefined)
                .map(property => ({ name: property.name, value: property.defaultValue }));
            defaults.set(type, list);
        }
        return list;
    };
    parser.construct = () => {
        const stack = parser.stack;
        const node = stack[stack.length - 1];
        // Recording (chevrotain's grammar analysis), a datatype rule (its `$type` is a symbol), an infix rule: Langium's.
        if (parser.isRecording() || node === undefined || typeof node.$type !== 'string' || '$infixName' in node) {
            const built = langiumConstruct();
            if (isNode(built)) linkChildren(built);
            return built;
        }
        stack.pop();
        parser.nodeBuilder.construct(node);
        const withDefault = defaultsOf(node.$type);
        for (let i = 0; i < withDefault.length; i++) {
            const { name, value } = withDefault[i] as { name: string; value: unknown };
            if (node[name] === undefined) node[name] = copyDefault(value);
        }
        linkChildren(node);
        return node;
    };
}

/** The parts of Langium's parser that its `consume` uses. */
interface ConsumingParser {
    readonly wrapper: { wrapConsume(idx: number, tokenType: TokenType): IToken };
    readonly nodeBuilder: {
        addHiddenNodes(tokens: IToken[]): void;
        buildLeafNode(token: IToken, feature: GrammarAST.AbstractElement): CstNode;
    };
    readonly converter: { convert(input: string, cstNode: CstNode): unknown };
    readonly lexerResult: LexerResult | undefined;
    readonly current: Record<string, unknown>;
    isRecording(): boolean;
    isValidToken(token: IToken): boolean;
    extractHiddenTokens(token: IToken): IToken[];
    getAssignment(feature: GrammarAST.AbstractElement): { assignment?: GrammarAST.Assignment; crossRef?: 'single' | 'multi' };
    assign(operator: string, feature: string, value: unknown, cstNode: CstNode, crossRef?: 'single' | 'multi'): void;
    consume(idx: number, tokenType: TokenType, feature: GrammarAST.AbstractElement): void;
}

/** What `consume` does with a token of one grammar element, decided once per element. */
interface ConsumePlan {
    readonly assignment: GrammarAST.Assignment | undefined;
    readonly crossRef: 'single' | 'multi' | undefined;
    readonly keyword: boolean;
}

/**
 * Langium's `consume` (langium-parser.ts), called for every token (440k in a 100k-line playbook), with
 * what depends on the grammar element alone looked up once per element: its assignment (Langium: two
 * look-ups in a map per token) and whether it is a keyword (a reflection query per token). And the
 * comments before a token are handed to the CST builder only when there are some (Langium asks for
 * them with a new empty array for every token).
 */
function consumeByPlan(parser: ConsumingParser): void {
    const plans = new Map<GrammarAST.AbstractElement, ConsumePlan>();
    const planOf = (feature: GrammarAST.AbstractElement): ConsumePlan => {
        let plan = plans.get(feature);
        if (!plan) {
            const { assignment, crossRef } = parser.getAssignment(feature);
            plan = { assignment, crossRef, keyword: GrammarAST.isKeyword(feature) };
            plans.set(feature, plan);
        }
        return plan;
    };
    parser.consume = (idx, tokenType, feature) => {
        const token = parser.wrapper.wrapConsume(idx, tokenType);
        if (parser.isRecording() || !parser.isValidToken(token)) return;
        const hidden = parser.lexerResult?.hidden;
        if (hidden && hidden.length > 0 && (hidden[0] as IToken).startOffset <= token.startOffset)
            parser.nodeBuilder.addHiddenNodes(parser.extractHiddenTokens(token));
        const leafNode = parser.nodeBuilder.buildLeafNode(token, feature);
        const { assignment, crossRef, keyword } = planOf(feature);
        if (assignment) {
            const value = keyword ? token.image : parser.converter.convert(token.image, leafNode);
            parser.assign(assignment.operator, assignment.feature, value, leafNode, crossRef);
        } else {
            const current = parser.current;
            // A datatype rule's node (Langium's `isDataTypeNode`): the token's text is appended to its value.
            if (current.$type === DatatypeSymbol) {
                let text = token.image;
                if (!keyword) text = (parser.converter.convert(text, leafNode) as { toString(): string }).toString();
                current.value += text;
            }
        }
    };
}

/** Langium's `copyDefaultValue`: a default list is a new list each time. */
function copyDefault(value: unknown): unknown {
    return Array.isArray(value) ? value.map(copyDefault) : value;
}

/** Langium's `isAstNode`. */
function isNode(value: unknown): value is Record<string, unknown> & { $type: string } {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** A built node's lists copied to their size, and its children's containers set (Langium's `linkContentToContainer`, one level). */
function linkChildren(node: Record<string, unknown>): void {
    for (const name in node) {
        if (name.charCodeAt(0) === 36 /* $ */) continue;
        let value = node[name];
        if (Array.isArray(value)) {
            if (value.length === 0) continue;
            value = node[name] = value.slice();
            const list = value as unknown[];
            for (let index = 0; index < list.length; index++) {
                const item = list[index];
                if (isNode(item)) {
                    item.$container = node;
                    item.$containerProperty = name;
                    item.$containerIndex = index;
                }
            }
        } else if (isNode(value)) {
            value.$container = node;
            value.$containerProperty = name;
        }
    }
}

/** The parts of Langium's parser that its `parse` drives. */
interface ParsingParser {
    readonly lexer: Lexer;
    readonly nodeBuilder: { buildRootNode(text: string): unknown; addHiddenNodes(tokens: IToken[]): void };
    readonly wrapper: { input: IToken[]; errors: IRecognitionException[] };
    readonly allRules: Map<string, unknown>;
    readonly mainRule: unknown;
    readonly unorderedGroups: Map<string, boolean[]>;
    lexerResult: LexerResult | undefined;
    doParse(rule: unknown): AstNode;
}

/**
 * Langium's `parse` (langium-parser.ts), but without its last step, `linkContentToContainer(result,
 * { deep: true })`: `constructNodes` has linked every node already. And chevrotain's parser no longer
 * keeps its input, the token vector of the last parse, until the next parse: for a document that stays
 * open it is an array of one pointer per token (a 100k-line playbook: 440k tokens, about 1× the
 * source's size) that nothing reads. The tokens themselves live on as CST leaves.
 */
function parseWithoutRelinking(langiumParser: LangiumParser): void {
    const parser = langiumParser as unknown as ParsingParser;
    langiumParser.parse = (<T extends AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> => {
        try {
            parser.nodeBuilder.buildRootNode(input);
            const lexerResult = parser.lexer.tokenize(input);
            parser.lexerResult = lexerResult;
            parser.wrapper.input = lexerResult.tokens;
            const ruleMethod = options.rule ? parser.allRules.get(options.rule) : parser.mainRule;
            if (!ruleMethod) throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
            const result = parser.doParse(ruleMethod);
            parser.nodeBuilder.addHiddenNodes(lexerResult.hidden);
            parser.unorderedGroups.clear();
            parser.lexerResult = undefined;
            return {
                value: result as T,
                lexerErrors: lexerResult.errors,
                lexerReport: lexerResult.report,
                parserErrors: parser.wrapper.errors
            };
        } finally {
            parser.wrapper.input = [];
        }
    }) as LangiumParser['parse'];
}

/** The part of Langium's parser that puts a parsed value into the AST node being built. */
export interface AssigningParser {
    readonly current: Record<string, unknown>;
    assign(operator: string, feature: string, value: unknown, cstNode: CstNode, crossRef?: 'single' | 'multi'): void;
}

/**
 * A property given twice (`owner 小李` then `owner 小王`) is `duplicate-property`, and its first value
 * counts everywhere (SPEC §3: one error, the one to fix). Langium keeps the last `=` assignment; this
 * keeps the first, so that linking, the analysis, every rule, hover and the generators all read the
 * value the diagnostic calls the first. The ignored value stays in the CST (formatting, the
 * `duplicate-property` check) but not in the AST: its references are never linked or reported. A
 * value node that is left out still points up to the element (hover over it finds its document).
 */
export function keepFirstValue(parser: AssigningParser): void {
    const assign = parser.assign.bind(parser);
    parser.assign = (operator, feature, value, cstNode, crossRef) => {
        const current = parser.current;
        if (operator !== '=' || current[feature] === undefined) {
            assign(operator, feature, value, cstNode, crossRef);
            return;
        }
        if (typeof value === 'object' && value !== null && '$type' in value) {
            const ignored = value as { $container?: unknown; $containerProperty?: string; $cstNode?: CstNode };
            ignored.$container = current;
            ignored.$containerProperty = feature;
            if (ignored.$cstNode) (ignored.$cstNode as { astNode: unknown }).astNode = ignored;
        }
    };
}
