import type {
    AstNode,
    AstNodeDescription,
    AstNodeLocator,
    CstNode,
    DocumentSegment,
    LangiumDocument,
    ReferenceDescription,
    ReferenceInfo
} from 'langium';
import { AstUtils, CstUtils, DefaultReferenceDescriptionProvider, isMultiReference, isReference, UriUtils } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { URI } from 'vscode-uri';
import { allAstNodes, forEachReference } from '../util/ast-walk.js';
import { yieldToRequests } from '../util/yield-to-requests.js';

/**
 * The reference index's entries (who refers to what: find references, rename, relinking, the parent
 * playbooks of SPEC §8) with their source path and segment computed when read. Langium's provider makes
 * them when the document is indexed: per reference a path string built by concatenation, a segment, its
 * range and two positions — about 600 bytes, 13× the source's size in a playbook, though most entries are
 * only ever matched by target. Same values, read on demand (ARCHITECTURE.md, "Caching").
 */
export class OpsbookReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    /** Langium's loop without a stream and an `await` per AST node (util/ast-walk.ts); cancellable every 256 nodes. */
    override async createDescriptions(
        document: LangiumDocument,
        cancelToken: CancellationToken = CancellationToken.None
    ): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const nodes = allAstNodes(document.parseResult.value);
        for (let i = 0; i < nodes.length; i++) {
            if ((i & 255) === 0) await yieldToRequests(cancelToken);
            forEachReference(nodes[i], info => {
                if (!info.reference.error) for (const description of this.createInfoDescriptions(info)) descriptions.push(description);
            });
        }
        return descriptions;
    }

    /** The entries' classes, made once per provider: an entry keeps no reference to it. */
    private readonly entries = referenceDescriptionClasses(() => this.nodeLocator);

    protected override createInfoDescriptions(refInfo: ReferenceInfo): ReferenceDescription[] {
        const reference = refInfo.reference;
        if (reference.error || !reference.$refNode) return [];
        let items: AstNodeDescription[] = [];
        if (isReference(reference) && reference.$nodeDescription) items = [reference.$nodeDescription];
        else if (isMultiReference(reference))
            items = reference.items.flatMap(item => (item.$nodeDescription ? [item.$nodeDescription] : []));
        if (items.length === 0) return [];
        const sourceUri = AstUtils.getDocument(refInfo.container).uri;
        const refNode = reference.$refNode;
        // The container is the leaf's AST node (every reference of Opsbook's grammar): not kept twice.
        if (refNode.astNode === refInfo.container) {
            const { Local, Foreign } = this.entries;
            return items.map(item =>
                UriUtils.equals(item.documentUri, sourceUri) ? new Local(refNode, item) : new Foreign(refNode, item)
            );
        }
        const { LocalIn, ForeignIn } = this.entries;
        return items.map(item =>
            UriUtils.equals(item.documentUri, sourceUri)
                ? new LocalIn(refNode, item, refInfo.container)
                : new ForeignIn(refNode, item, refInfo.container)
        );
    }
}

/**
 * An entry of the reference index: two fields (40 bytes; 72 with its container, URI, `local` flag and
 * provider in fields of their own). Whether it is local is its class; its source URI is the target's when
 * local (else its container's document's); its container is its leaf's AST node (kept in a field only
 * where it is not: `LocalIn`, `ForeignIn`); the provider's locator is the classes'.
 */
export abstract class LazyReferenceDescription implements ReferenceDescription {
    constructor(
        private readonly refNode: CstNode,
        /** The target's description: the index groups references by it without making a path per reference. */
        readonly target: AstNodeDescription
    ) {}

    /** The AST node holding the reference. */
    get container(): AstNode {
        return this.refNode.astNode;
    }

    abstract readonly local: boolean;
    abstract readonly sourceUri: URI;
    abstract readonly sourcePath: string;

    get targetUri(): URI {
        return this.target.documentUri;
    }

    get targetPath(): string {
        return this.target.path;
    }

    get segment(): DocumentSegment {
        return CstUtils.toDocumentSegment(this.refNode);
    }
}

function referenceDescriptionClasses(locator: () => AstNodeLocator) {
    /** A reference to a node of its own document (most of them). */
    class Local extends LazyReferenceDescription {
        get local(): boolean {
            return true;
        }

        get sourceUri(): URI {
            return this.target.documentUri;
        }

        get sourcePath(): string {
            return locator().getAstNodePath(this.container);
        }
    }
    /** A reference to a node of another document (an import). */
    class Foreign extends LazyReferenceDescription {
        get local(): boolean {
            return false;
        }

        get sourceUri(): URI {
            return AstUtils.getDocument(this.container).uri;
        }

        get sourcePath(): string {
            return locator().getAstNodePath(this.container);
        }
    }
    /** `Entry` (Local or Foreign) with a container other than its leaf's AST node, kept in a field. */
    const holding = (Entry: typeof Local) =>
        class WithHolder extends Entry {
            constructor(
                refNode: CstNode,
                target: AstNodeDescription,
                private readonly holder: AstNode
            ) {
                super(refNode, target);
            }

            override get container(): AstNode {
                return this.holder;
            }
        };
    const LocalIn = holding(Local);
    const ForeignIn = holding(Foreign);
    return { Local, Foreign, LocalIn, ForeignIn };
}
