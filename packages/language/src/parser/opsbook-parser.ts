import type { IToken } from 'chevrotain';
import type { LangiumCoreServices, LangiumParser } from 'langium';
import { CstNodeBuilder, createLangiumParser, type LeafCstNodeImpl } from 'langium';
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

    /** A token of the fast lexer is its own leaf (token-leaf.ts); chevrotain's tokens are copied as usual. */
    protected override createLeafNode(token: IToken, hidden: boolean): LeafCstNodeImpl {
        // A TokenLeaf has the shape of Langium's leaf (LeafCstNode) without its class: nothing in Langium
        // tests a leaf's class, only its properties (`isLeafCstNode`).
        if (token instanceof TokenLeaf && token.hidden === hidden && token.container === undefined) return token as unknown as LeafCstNodeImpl;
        return super.createLeafNode(token, hidden);
    }
}

/** Langium's parser with the CST builder above (the builder is a private field without an injection point). */
export function createOpsbookParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new OpsbookCstNodeBuilder();
    return parser;
}
