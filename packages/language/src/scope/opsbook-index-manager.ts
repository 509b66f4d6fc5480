import type { AstNode, AstNodeDescription, LangiumDocument, LangiumSharedCoreServices, ReferenceDescription, Stream, URI } from 'langium';
import { AstUtils, DefaultIndexManager, stream } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { LazyReferenceDescription } from './opsbook-reference-description-provider.js';

/**
 * Langium's index with "who refers to this?" answered from a table by target. Langium scans every
 * reference of the workspace for each question; the analysis asks it for every goal and person of every
 * file (SPEC §8, analysis/workspace-figures.ts), which made that scan most of a 50-playbook check.
 * Answers keep Langium's order (by document, then reference).
 *
 * The table is built when first asked and then kept up to date document by document: a document's
 * entries leave it when its references are removed (Langium removes them whenever it resets a document
 * for relinking or parsing) and join it at the end of each target's list when they are indexed again —
 * where Langium's own map puts them. Rebuilt whole after an edit, the table of the 1,000-file workspace
 * was ≈ 8 ms of every keystroke (bench/NOTES.md, "Round five — server edit latency").
 *
 * `isAffected` (does a document refer into a changed file? Langium asks it of every document after
 * every edit) reads the set of other documents each document refers into, made once per indexing,
 * instead of going through all its references.
 */
export class OpsbookIndexManager extends DefaultIndexManager {
    /**
     * By target (`URI#path`), and by target and type of the node holding the reference (`typedKey`): the
     * entries in Langium's order.
     */
    private byTarget: Map<string, ReferenceDescription[]> | undefined;
    /** Some entry is not Opsbook's (its holder's type is not known): `findReferencesOfType` answers all. */
    private untyped = false;
    /** By document URI: the URIs of the other documents its references point into. */
    private readonly foreignTargets = new Map<string, Set<string>>();
    /** Keys of the targets, made once per target description (descriptions compute their paths when read). */
    private keys = new WeakMap<AstNodeDescription, string>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        return stream(this.table().get(`${AstUtils.getDocument(targetNode).uri.toString()}#${astNodePath}`) ?? []);
    }

    /**
     * The references to `targetNode` held by nodes of type `type` (in `findAllReferences`' order): the
     * loads of a person of a shared team file read its few `responsible` lines, not its thousands of
     * `owner` lines. Entries of another index than Opsbook's (none) do not say their holder's type: then
     * all of them (the caller checks the type).
     */
    findReferencesOfType(targetNode: AstNode, astNodePath: string, type: string): readonly ReferenceDescription[] {
        const key = `${AstUtils.getDocument(targetNode).uri.toString()}#${astNodePath}`;
        const table = this.table();
        return (this.untyped ? table.get(key) : table.get(typedKey(key, type))) ?? [];
    }

    private keyOf(reference: ReferenceDescription): string {
        if (!(reference instanceof LazyReferenceDescription)) return `${reference.targetUri.toString()}#${reference.targetPath}`;
        let key = this.keys.get(reference.target);
        if (key === undefined) {
            key = `${reference.targetUri.toString()}#${reference.targetPath}`;
            this.keys.set(reference.target, key);
        }
        return key;
    }

    private table(): Map<string, ReferenceDescription[]> {
        if (this.byTarget) return this.byTarget;
        const table = new Map<string, ReferenceDescription[]>();
        this.untyped = false;
        for (const references of this.referenceIndex.values()) this.addToTable(table, references);
        this.byTarget = table;
        return table;
    }

    private addToTable(table: Map<string, ReferenceDescription[]>, references: readonly ReferenceDescription[]): void {
        const add = (key: string, reference: ReferenceDescription) => {
            const list = table.get(key);
            if (list) list.push(reference);
            else table.set(key, [reference]);
        };
        for (const reference of references) {
            const key = this.keyOf(reference);
            add(key, reference);
            if (reference instanceof LazyReferenceDescription) add(typedKey(key, reference.container.$type), reference);
            else this.untyped = true;
        }
    }

    /** Takes one document's entries out of the table (they stand together in each target's list, in order). */
    private removeFromTable(table: Map<string, ReferenceDescription[]>, references: readonly ReferenceDescription[]): void {
        const spans = new Map<string, { first: ReferenceDescription; last: ReferenceDescription; count: number }>();
        const note = (key: string, reference: ReferenceDescription) => {
            const span = spans.get(key);
            if (span) {
                span.last = reference;
                span.count++;
            } else spans.set(key, { first: reference, last: reference, count: 1 });
        };
        for (const reference of references) {
            const key = this.keyOf(reference);
            note(key, reference);
            if (reference instanceof LazyReferenceDescription) note(typedKey(key, reference.container.$type), reference);
        }
        for (const [key, { first, last, count }] of spans) {
            const list = table.get(key);
            const at = list ? list.indexOf(first) : -1;
            if (!list || at < 0 || list[at + count - 1] !== last) {
                // Not where it should be: the table is made again when next asked.
                this.byTarget = undefined;
                return;
            }
            if (count === list.length) table.delete(key);
            else list.splice(at, count);
        }
    }

    override removeReferences(uri: URI): void {
        const key = uri.toString();
        const references = this.referenceIndex.get(key);
        if (this.byTarget && references) this.removeFromTable(this.byTarget, references);
        this.foreignTargets.delete(key);
        super.removeReferences(uri);
    }

    override async updateReferences(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        const key = document.uri.toString();
        // Indexed again without being removed first: Langium's map keeps its place, so the table's order is not known.
        if (this.referenceIndex.has(key)) this.byTarget = undefined;
        await super.updateReferences(document, cancelToken);
        this.foreignTargets.delete(key);
        const references = this.referenceIndex.get(key);
        if (this.byTarget && references) this.addToTable(this.byTarget, references);
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const key = document.uri.toString();
        let targets = this.foreignTargets.get(key);
        if (targets === undefined) {
            const references = this.referenceIndex.get(key);
            if (!references) return false;
            targets = new Set();
            for (const reference of references) if (!reference.local) targets.add(reference.targetUri.toString());
            this.foreignTargets.set(key, targets);
        }
        if (targets.size === 0) return false;
        for (const uri of changedUris) if (targets.has(uri)) return true;
        return false;
    }
}

/** The table's key of the references to target `key` held by nodes of type `type`. */
function typedKey(key: string, type: string): string {
    return `${key}\u0000${type}`;
}
