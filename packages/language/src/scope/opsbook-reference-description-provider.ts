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

    /** For LazyReferenceDescription, which keeps one reference to its provider. */
    get locator(): AstNodeLocator {
        return this.nodeLocator;
    }

    protected override createInfoDescriptions(refInfo: ReferenceInfo): ReferenceDescription[] {
        const reference = refInfo.reference;
        if (reference.error || !reference.$refNode) return [];
        let items: AstNodeDescription[] = [];
        if (isReference(reference) && reference.$nodeDescription) items = [reference.$nodeDescription];
        else if (isMultiReference(reference))
            items = reference.items.flatMap(item => (item.$nodeDescription ? [item.$nodeDescription] : []));
        if (items.length === 0) return [];
        const sourceUri = AstUtils.getDocument(refInfo.container).uri;
        return items.map(
            item =>
                new LazyReferenceDescription(
                    sourceUri,
                    UriUtils.equals(item.documentUri, sourceUri),
                    refInfo.container,
                    reference.$refNode!,
                    item,
                    this
                )
        );
    }
}

export class LazyReferenceDescription implements ReferenceDescription {
    constructor(
        readonly sourceUri: URI,
        readonly local: boolean,
        private readonly container: AstNode,
        private readonly refNode: CstNode,
        /** The target's description: the index groups references by it without making a path per reference. */
        readonly target: AstNodeDescription,
        private readonly provider: OpsbookReferenceDescriptionProvider
    ) {}

    get sourcePath(): string {
        return this.provider.locator.getAstNodePath(this.container);
    }

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
