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
import { DefaultLinker, isLinkingError } from 'langium';
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
 * Langium's reference (`DefaultReferenceImpl`: the same fields, getters and linking) with its description
 * slot made in the constructor, its resolver shared by the class and its text read from its CST leaf.
 * Langium's gets `_nodeDescription` only when linked, after V8 has fixed the object's size, so the field
 * lands in a separate property store: 112 bytes per reference instead of these 64 (a 100k-line playbook
 * has 70k references). A reference whose text is not its leaf's (a name written `^goal`) keeps it
 * (`OpsbookReferenceWithText`, 72 bytes).
 */
function referenceClasses(resolve: Resolve) {
    class OpsbookReference implements LinkedReference {
        _ref: AstNode | LinkingError | undefined | symbol = undefined;
        _nodeDescription: AstNodeDescription | undefined = undefined;

        constructor(
            readonly node: AstNode,
            readonly property: string,
            readonly $refNode: CstNode | undefined
        ) {}

        get $refText(): string {
            return this.$refNode?.text ?? '';
        }

        get ref(): AstNode | undefined {
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
            node: AstNode,
            property: string,
            $refNode: CstNode | undefined,
            private readonly text: string
        ) {
            super(node, property, $refNode);
        }

        override get $refText(): string {
            return this.text;
        }
    }
    return { OpsbookReference, OpsbookReferenceWithText };
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

    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        if (refNode !== undefined && refNode.text === refText) return new this.Reference(node, property, refNode);
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
