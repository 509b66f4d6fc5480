import type {
    AstNode,
    AstNodeDescription,
    CstNode,
    DefaultReference,
    LangiumCoreServices,
    LangiumDocument,
    LinkingError,
    Reference
} from 'langium';
import { AstUtils, DefaultLinker, GrammarAST, isAstNode, isLinkingError } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { allAstNodes, forEachReference } from '../util/ast-walk.js';
import { yieldToRequests } from '../util/yield-to-requests.js';

/** The fields of a single reference that Langium's linker reads and writes (its `DefaultReference`). */
export interface LinkedReference extends Reference {
    _ref: AstNode | LinkingError | undefined | symbol;
    _nodeDescription: AstNodeDescription | undefined;
}

type Resolve = (reference: LinkedReference, node: AstNode, property: string) => AstNode | undefined;

/**
 * Langium's reference (`DefaultReferenceImpl`: the same fields, getters and linking) in three fields:
 * its description slot made in the constructor, its resolver shared by the class, and its text, holder
 * and property read from its CST leaf (the leaf's text, AST node and grammar assignment). Langium's gets
 * `_nodeDescription` only when linked, after V8 has fixed the object's size, so the field lands in a
 * separate property store: 112 bytes per reference instead of these 48 (a 100k-line playbook has 70k
 * references). A resolved reference answers `ref` from `_ref` without reading the others. A reference
 * whose text is not its leaf's (a name written `^goal`) keeps text, holder and property
 * (`OpsbookReferenceWithText`).
 */
function referenceClasses(resolve: Resolve) {
    class OpsbookReference implements LinkedReference {
        _ref: AstNode | LinkingError | undefined | symbol = undefined;
        _nodeDescription: AstNodeDescription | undefined = undefined;

        constructor(readonly $refNode: CstNode | undefined) {}

        /** The AST node holding the reference: its leaf's (once the parse has linked the CST to the AST). */
        get node(): AstNode {
            return (this.$refNode as CstNode).astNode;
        }

        /** The property holding it: its leaf's grammar assignment's. */
        get property(): string {
            return assignedProperty(this.$refNode) ?? '';
        }

        get $refText(): string {
            return this.$refNode?.text ?? '';
        }

        get ref(): AstNode | undefined {
            const target = this._ref;
            if (isAstNode(target)) return target;
            return resolve(this, this.node, this.property);
        }

        get $nodeDescription(): AstNodeDescription | undefined {
            return this._nodeDescription;
        }

        get error(): LinkingError | undefined {
            return isLinkingError(this._ref) ? this._ref : undefined;
        }
    }
    class OpsbookReferenceWithText extends OpsbookReference {
        constructor(
            private readonly holder: AstNode,
            private readonly holderProperty: string,
            $refNode: CstNode | undefined,
            private readonly text: string
        ) {
            super($refNode);
        }

        override get node(): AstNode {
            return this.holder;
        }

        override get property(): string {
            return this.holderProperty;
        }

        override get $refText(): string {
            return this.text;
        }
    }
    return { OpsbookReference, OpsbookReferenceWithText };
}

/** The feature of the grammar assignment a leaf was parsed for. */
function assignedProperty(leaf: CstNode | undefined): string | undefined {
    const grammar = leaf?.grammarSource;
    return grammar ? AstUtils.getContainerOfType(grammar, GrammarAST.isAssignment)?.feature : undefined;
}

/**
 * The AST node a CST node already belongs to, or none (yet): what its `astNode` getter answers, without
 * the error it throws when there is none (Langium's CST nodes and ours keep it in `_astNode`).
 */
function ownerOf(cst: CstNode): AstNode | undefined {
    // The root is left out: it holds no reference (`Document` has only elements), and while the editor
    // parses a large file in slices (parser/chunked-parser.ts) it already has the first slice's node.
    for (let node: CstNode | undefined = cst; node?.container; node = node.container) {
        const own = (node as unknown as { _astNode?: AstNode })._astNode;
        if (own) return own;
    }
    return undefined;
}

/**
 * Langium's linker with a cheaper loop: the same references in the same order, without a stream and an
 * `await` per AST node (see util/ast-walk.ts); the editor can still cancel every 256 nodes. Its
 * references are `OpsbookReference`s (above).
 */
export class OpsbookLinker extends DefaultLinker {
    private readonly Reference: ReturnType<typeof referenceClasses>['OpsbookReference'];
    private readonly ReferenceWithText: ReturnType<typeof referenceClasses>['OpsbookReferenceWithText'];

    constructor(services: LangiumCoreServices) {
        super(services);
        const classes = referenceClasses((reference, node, property) =>
            this.resolveReference(reference as DefaultReference, node, property)
        );
        this.Reference = classes.OpsbookReference;
        this.ReferenceWithText = classes.OpsbookReferenceWithText;
    }

    /**
     * A reference reading holder, property and text from its leaf where they are the leaf's. While parsing,
     * the holder is the node being built (the parser's `current`), whose CST node is linked to it only by
     * `linkCstNode` in the parent's `assign` (the root's at the end of the parse): the leaf has no AST node yet (Langium's `Hydrator` gives it the new node
     * first). A leaf that already has one other than `node` is someone else's — Langium's `copyAstNode`
     * passes the original's leaf for the copy's reference — and the reference keeps its holder in a field
     * (guard test in tests/architecture/langium-internals.test.ts).
     */
    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        if (
            refNode !== undefined &&
            refNode.text === refText &&
            assignedProperty(refNode) === property &&
            (ownerOf(refNode) ?? node) === node
        )
            return new this.Reference(refNode);
        return new this.ReferenceWithText(node, property, refNode, refText);
    }

    /**
     * Langium's `unlink`, except that our references' description slot is emptied rather than deleted
     * (a deleted field turns the object into a slow dictionary). Other references as Langium does it.
     */
    override unlink(document: LangiumDocument): void {
        const others: typeof document.references = [];
        for (const reference of document.references) {
            if (reference instanceof this.Reference) {
                reference._ref = undefined;
                reference._nodeDescription = undefined;
            } else others.push(reference);
        }
        document.references = others;
        super.unlink(document);
    }

    override async link(document: LangiumDocument, cancelToken: CancellationToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const nodes = allAstNodes(document.parseResult.value);
        for (let i = 0; i < nodes.length; i++) {
            if ((i & 255) === 0) await yieldToRequests(cancelToken);
            forEachReference(nodes[i], reference => this.doLink(reference, document));
        }
    }
}
