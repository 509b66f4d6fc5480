// SPEC §8: the workspace analysis asks one question about other files — who refers to this goal, this
// person, this playbook? The editor answers it from Langium's reference index, which it keeps up to date
// edit by edit; one build with no edits after it (the CLI) reads it off the linked trees instead.

import type { AstNode, LangiumCoreServices, LangiumDocument } from 'langium';
import { isMultiReference, isReference } from 'langium';
import type { Document } from '../generated/ast.js';
import { allAstNodes, forEachReference } from '../util/ast-walk.js';

/** A node holding a resolved reference to some target, and its document. */
export interface Referrer {
    document: LangiumDocument<Document>;
    node: AstNode;
}

/** Who refers to a node. */
export interface ReferenceSource {
    /**
     * The nodes holding a resolved reference to `target` (a node with two such references may come
     * twice), each document's in tree order.
     */
    referrers(target: AstNode): Iterable<Referrer>;
    /** Forgets what was read: the references changed (a new build). */
    invalidate?(): void;
}

/** Langium's reference index: what the editor keeps (the index is updated by every build). */
export class IndexReferenceSource implements ReferenceSource {
    constructor(private readonly services: LangiumCoreServices) {}

    *referrers(target: AstNode): Iterable<Referrer> {
        const { IndexManager, LangiumDocuments } = this.services.shared.workspace;
        const locator = this.services.workspace.AstNodeLocator;
        for (const reference of IndexManager.findAllReferences(target, locator.getAstNodePath(target))) {
            const document = LangiumDocuments.getDocument(reference.sourceUri) as LangiumDocument<Document> | undefined;
            const node = document && locator.getAstNode(document.parseResult.value, reference.sourcePath);
            if (document && node) yield { document, node };
        }
    }
}

/**
 * The same answers read off the linked trees of `documents`, in one pass over their references, when
 * first asked after a build. Langium's reference index describes each reference by paths and URIs
 * (a path string, a text range and the URIs per reference) that the analysis then turns back into
 * nodes; a one-off check needs neither (the 1,000-file check: ≈ 0.4 s of CPU, bench/NOTES.md). It
 * describes what Langium's index would hold for these documents: resolved references with a source
 * text (`$refNode`), without a linking error.
 */
export class LinkedTreeReferenceSource implements ReferenceSource {
    private table: Map<AstNode, Referrer[]> | undefined;

    constructor(private readonly documents: () => Iterable<LangiumDocument<Document>>) {}

    referrers(target: AstNode): Iterable<Referrer> {
        this.table ??= this.read();
        return this.table.get(target) ?? [];
    }

    invalidate(): void {
        this.table = undefined;
    }

    private read(): Map<AstNode, Referrer[]> {
        const table = new Map<AstNode, Referrer[]>();
        const add = (target: AstNode | undefined, referrer: Referrer) => {
            if (!target) return;
            const list = table.get(target);
            if (list) list.push(referrer);
            else table.set(target, [referrer]);
        };
        for (const document of this.documents()) {
            for (const node of allAstNodes(document.parseResult.value)) {
                forEachReference(node, ({ reference }) => {
                    if (reference.error || !reference.$refNode) return;
                    if (isReference(reference)) add(reference.ref, { document, node });
                    else if (isMultiReference(reference)) for (const item of reference.items) add(item.ref, { document, node });
                });
            }
        }
        return table;
    }
}
