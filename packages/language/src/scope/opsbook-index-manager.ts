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
    /** By target (`URI#path`): the entries in Langium's order, and those of each type of holder when asked. */
    private byTarget: Map<string, TargetEntries> | undefined;
    /** The entries in `byTarget`, and the work its updates did since it was built (both in entries). */
    private entries = 0;
    private updateWork = 0;
    /** By document URI: the URIs of the other documents its references point into. */
    private readonly foreignTargets = new Map<string, Set<string>>();
    /** Keys of the targets, made once per target description (descriptions compute their paths when read). */
    private readonly keys = new WeakMap<AstNodeDescription, string>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    /**
     * What one file exports (Langium's `allElements(undefined, new Set([uri]))` without its walk over every
     * file of the workspace: asked once per file, that walk made the 1,000-file check quadratic).
     */
    exportsOf(uri: string): readonly AstNodeDescription[] {
        return this.symbolIndex.get(uri) ?? [];
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        return stream(this.table().get(`${AstUtils.getDocument(targetNode).uri.toString()}#${astNodePath}`)?.all ?? []);
    }

    /**
     * The references to `targetNode` held by nodes of type `type` (in `findAllReferences`' order): the
     * loads of a person of a shared team file read its few `responsible` lines, not its thousands of
     * `owner` lines. An entry of another index than Opsbook's (none) does not say its holder's type: it
     * is among them (the caller checks the type).
     */
    findReferencesOfType(targetNode: AstNode, astNodePath: string, type: string): readonly ReferenceDescription[] {
        const entries = this.table().get(`${AstUtils.getDocument(targetNode).uri.toString()}#${astNodePath}`);
        if (!entries) return [];
        entries.byType ??= new Map();
        let list = entries.byType.get(type);
        if (!list) {
            list = entries.all.filter(reference => !(reference instanceof LazyReferenceDescription) || reference.container.$type === type);
            entries.byType.set(type, list);
        }
        return list;
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

    private table(): Map<string, TargetEntries> {
        if (this.byTarget) return this.byTarget;
        const table = new Map<string, TargetEntries>();
        this.byTarget = table;
        this.entries = 0;
        this.updateWork = 0;
        for (const references of this.referenceIndex.values()) this.addToTable(table, references);
        return table;
    }

    private addToTable(table: Map<string, TargetEntries>, references: readonly ReferenceDescription[]): void {
        for (const reference of references) {
            const key = this.keyOf(reference);
            const entries = table.get(key);
            if (entries) {
                entries.all.push(reference);
                entries.byType = undefined;
            } else table.set(key, { all: [reference], byType: undefined });
        }
        this.entries += references.length;
    }

    /**
     * Takes one document's entries out of the table (they stand together in each target's list, in order).
     * When the updates since the table was built have gone through more list slots than a rebuild would
     * cost (UPDATE_WORK_PER_ENTRY per entry it holds: a file all others import was renamed, each of them
     * relinked), it is dropped and built again when next asked.
     */
    private removeFromTable(table: Map<string, TargetEntries>, references: readonly ReferenceDescription[]): void {
        const spans = new Map<string, { first: ReferenceDescription; last: ReferenceDescription; count: number }>();
        for (const reference of references) {
            const key = this.keyOf(reference);
            const span = spans.get(key);
            if (span) {
                span.last = reference;
                span.count++;
            } else spans.set(key, { first: reference, last: reference, count: 1 });
        }
        for (const [key, { first, last, count }] of spans) {
            const entries = table.get(key);
            const list = entries?.all;
            this.updateWork += list?.length ?? 0;
            const at = list && this.updateWork <= this.entries * UPDATE_WORK_PER_ENTRY ? list.indexOf(first) : -1;
            if (!entries || !list || at < 0 || list[at + count - 1] !== last) {
                this.byTarget = undefined;
                return;
            }
            if (count === list.length) table.delete(key);
            else {
                list.splice(at, count);
                entries.byType = undefined;
            }
        }
        this.entries -= references.length;
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

    /**
     * Points the document's entries whose target description `moved` names at the new one: the builder
     * re-points an importer's references into a shared file whose figures alone changed without indexing
     * the importer again (workspace/opsbook-document-builder.ts `repoint`), and an entry left on the old
     * description would keep the old tree of that file — its CST and text — alive for as long as the
     * importer is not indexed again, one old tree per importer after interleaved edits. The keys are
     * those of the old descriptions (same document, same path): the table keeps its lists.
     */
    retarget(uri: URI, moved: ReadonlyMap<AstNodeDescription, AstNodeDescription>): void {
        if (moved.size === 0) return;
        for (const reference of this.referenceIndex.get(uri.toString()) ?? []) {
            if (!(reference instanceof LazyReferenceDescription)) continue;
            const now = moved.get(reference.target);
            if (now) reference.target = now;
        }
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

/**
 * A slot of a target's list gone through when a document's entries are taken out (`indexOf`, `splice`:
 * a pointer each) against an entry put into a table made afresh (its key looked up, a map entry, a
 * push): about this many to one.
 */
const UPDATE_WORK_PER_ENTRY = 16;

/** The index's entries of one target: all, and those of one type of holder (made when first asked, until the list changes). */
interface TargetEntries {
    all: ReferenceDescription[];
    byType: Map<string, ReferenceDescription[]> | undefined;
}
