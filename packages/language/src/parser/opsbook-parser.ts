import type { IToken } from 'chevrotain';
import type { AstNode, CompositeCstNode, CstNode, GrammarAST, LangiumCoreServices, LangiumParser, RootCstNode } from 'langium';
import { CstNodeBuilder, createLangiumParser, type LeafCstNodeImpl } from 'langium';
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
    releaseTokensAfterParse(parser);
    trimLists(parser as unknown as ConstructingParser);
    return parser;
}

/** The part of Langium's parser that finishes the AST node on top of its stack. */
interface ConstructingParser {
    construct(): unknown;
}

/**
 * Langium fills a node's lists (`+=`) by pushing onto an empty array, which V8 grows to 17 slots at the
 * first push (152 bytes for a list of one or two), and never trims them: each list is copied to its
 * exact size once its node is built, as Langium does for a CST node's children (`construct`). Lists
 * are 2/3 of a 100k-line playbook's 24k AST arrays (≈ 0.6× its size on the heap).
 */
function trimLists(parser: ConstructingParser): void {
    const construct = parser.construct.bind(parser);
    parser.construct = () => {
        const node = construct();
        if (typeof node === 'object' && node !== null) {
            const properties = node as Record<string, unknown>;
            for (const key in properties) {
                const value = properties[key];
                if (Array.isArray(value) && value.length > 0 && key.charCodeAt(0) !== 36 /* $ */) properties[key] = value.slice();
            }
        }
        return node;
    };
}

/**
 * chevrotain's parser keeps its input, the token vector of the last parse, until the next parse: for a
 * document that stays open it is an array of one pointer per token (a 100k-line playbook: 440k tokens,
 * about 1× the source's size) that nothing reads. The tokens themselves live on as CST leaves.
 */
function releaseTokensAfterParse(parser: LangiumParser): void {
    const wrapper = (parser as unknown as { wrapper: { input: unknown[] } }).wrapper;
    const parse = parser.parse.bind(parser);
    parser.parse = ((input, options) => {
        try {
            return parse(input, options);
        } finally {
            wrapper.input = [];
        }
    }) as LangiumParser['parse'];
}

/** The part of Langium's parser that puts a parsed value into the AST node being built. */
interface AssigningParser {
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
function keepFirstValue(parser: AssigningParser): void {
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
