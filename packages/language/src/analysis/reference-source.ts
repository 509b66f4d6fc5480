// SPEC §8: the workspace analysis asks one question about other files — who refers to this goal, this
// person, this playbook? The editor answers it from Langium's reference index, which it keeps up to date
// edit by edit; one build with no edits after it (the CLI) reads it off the linked trees instead.

import type { AstNode, LangiumCoreServices, LangiumDocument } from 'langium';
import { AstUtils, isMultiReference, isReference } from 'langium';
import { type Document, reflection } from '../generated/ast.js';
import type { OpsbookIndexManager } from '../scope/opsbook-index-manager.js';
import { LazyReferenceDescription } from '../scope/opsbook-reference-description-provider.js';
import { allAstNodes } from '../util/ast-walk.js';

/** A node holding a resolved reference to some target, and its document. */
export interface Referrer {
    document: LangiumDocument<Document>;
    node: AstNode;
}

/** Who refers to a node. */
export interface ReferenceSource {
    /**
     * The nodes holding a resolved reference to `target` (a node with two such references may come
     * twice), each document's in tree order; with `type`, only the nodes of that type (the caller
     * still checks: a source may give others).
     */
    referrers(target: AstNode, type?: string): Iterable<Referrer>;
    /** Forgets what was read: the references changed (a new build). */
    invalidate?(): void;
}

/**
 * Langium's reference index: what the editor keeps (the index is updated by every build). An entry of
 * Opsbook's index (`LazyReferenceDescription`) holds the node with the reference: while that node is in
 * its document's current tree, it is the referrer, without the source URI looked up among the documents
 * and the source path made and walked back (≈ 5 µs an entry; a person of a shared team file has thousands:
 * bench/NOTES.md, "Round five — server edit latency"). Otherwise (another index's entry, or an entry made
 * from a tree the document has replaced since) its path is read in the document's current tree, as before.
 */
export class IndexReferenceSource implements ReferenceSource {
    /** Whether a document object is the one the workspace holds for its URI; forgotten on `invalidate`. */
    private registered = new WeakMap<LangiumDocument, boolean>();

    constructor(private readonly services: LangiumCoreServices) {}

    *referrers(target: AstNode, type?: string): Iterable<Referrer> {
        const { IndexManager, LangiumDocuments } = this.services.shared.workspace;
        const locator = this.services.workspace.AstNodeLocator;
        const path = locator.getAstNodePath(target);
        const typed = (IndexManager as Partial<OpsbookIndexManager>).findReferencesOfType;
        const references =
            type !== undefined && typed ? typed.call(IndexManager, target, path, type) : IndexManager.findAllReferences(target, path);
        for (const reference of references) {
            if (reference instanceof LazyReferenceDescription) {
                const node = reference.container;
                const root = AstUtils.findRootNode(node);
                const document = root.$document as LangiumDocument<Document> | undefined;
                if (document && document.parseResult.value === root && this.isRegistered(document)) {
                    // Only the nodes of `type`: a person's thousands of `owner` lines are not read when the loads ask for `responsible` ones.
                    if (type === undefined || node.$type === type) yield { document, node };
                    continue;
                }
            }
            const document = LangiumDocuments.getDocument(reference.sourceUri) as LangiumDocument<Document> | undefined;
            const node = document && locator.getAstNode(document.parseResult.value, reference.sourcePath);
            if (document && node) yield { document, node };
        }
    }

    invalidate(): void {
        this.registered = new WeakMap();
    }

    private isRegistered(document: LangiumDocument): boolean {
        let registered = this.registered.get(document);
        if (registered === undefined) {
            registered = this.services.shared.workspace.LangiumDocuments.getDocument(document.uri) === document;
            this.registered.set(document, registered);
        }
        return registered;
    }
}

/**
 * The same answers read off the linked trees of `documents`, in one pass over their references, when
 * first asked after a build. Langium's reference index describes each reference by paths and URIs
 * (a path string, a text range and the URIs per reference) that the analysis then turns back into
 * nodes; a one-off check needs neither (the 1,000-file check: ≈ 0.4 s of CPU, bench/NOTES.md). It
 * describes what Langium's index would hold for these documents: resolved references with a source
 * text (`$refNode`), without a linking error — for the targets in the documents `into` accepts (all
 * without it): the analysis asks only about nodes of files that some file imports (SPEC §4: nothing
 * else is named from another file), and the 1,000 playbooks of a workspace that import one team file
 * would otherwise each keep a list per goal and person that nobody reads.
 */
export class LinkedTreeReferenceSource implements ReferenceSource {
    /** A target's referrers; `null` for a target in a document `into` leaves out. */
    private table: Map<AstNode, Referrer[] | null> | undefined;

    constructor(
        private readonly documents: () => Iterable<LangiumDocument<Document>>,
        private readonly into?: (document: LangiumDocument) => boolean
    ) {}

    referrers(target: AstNode): Iterable<Referrer> {
        this.table ??= this.read();
        return this.table.get(target) ?? [];
    }

    invalidate(): void {
        this.table = undefined;
    }

    private read(): Map<AstNode, Referrer[] | null> {
        const table = new Map<AstNode, Referrer[] | null>();
        const into = this.into;
        const add = (target: AstNode | undefined, referrer: Referrer) => {
            if (!target) return;
            let list = table.get(target);
            if (list === undefined) {
                list = !into || into(AstUtils.getDocument(target)) ? [] : null;
                table.set(target, list);
            }
            list?.push(referrer);
        };
        const addReference = (reference: unknown, referrer: Referrer) => {
            if (isReference(reference)) {
                if (!reference.error && reference.$refNode) add(reference.ref, referrer);
            } else if (isMultiReference(reference)) {
                if (!reference.error && reference.$refNode) for (const item of reference.items) add(item.ref, referrer);
            }
        };
        for (const document of this.documents()) {
            for (const node of allAstNodes(document.parseResult.value)) {
                // The node type's cross-reference properties only (the generated reflection lists them),
                // rather than every property of every node.
                const properties = referencePropertiesOf(node.$type);
                if (properties.length === 0) continue;
                const referrer: Referrer = { document, node };
                for (const property of properties) {
                    const value = (node as unknown as Record<string, unknown>)[property];
                    if (Array.isArray(value)) for (const element of value) addReference(element, referrer);
                    else addReference(value, referrer);
                }
            }
        }
        return table;
    }
}

/** Each node type's properties that hold cross-references, from the grammar's reflection. */
const referenceProperties = new Map<string, readonly string[]>();
function referencePropertiesOf(type: string): readonly string[] {
    let properties = referenceProperties.get(type);
    if (!properties) {
        const meta = reflection.getTypeMetaData(type).properties as Record<string, { name: string; referenceType?: string }>;
        properties = Object.values(meta)
            .filter(property => property.referenceType !== undefined)
            .map(property => property.name);
        referenceProperties.set(type, properties);
    }
    return properties;
}
