import type { AstNode, AstNodeDescription, LangiumDocument, LangiumSharedCoreServices, ReferenceDescription, Stream, URI } from 'langium';
import { AstUtils, DefaultIndexManager, stream } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { LazyReferenceDescription } from './opsbook-reference-description-provider.js';

/**
 * Langium's index with "who refers to this?" answered from a table by target, built once after the
 * references change. Langium scans every reference of the workspace for each question; the analysis
 * asks it for every goal and person of every file (SPEC §8, analysis/workspace-figures.ts), which made
 * that scan most of a 50-playbook check. Answers keep Langium's order (by document, then reference).
 */
export class OpsbookIndexManager extends DefaultIndexManager {
    private byTarget: Map<string, ReferenceDescription[]> | undefined;

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
        return stream(this.table().get(`${AstUtils.getDocument(targetNode).uri.toString()}#${astNodePath}`) ?? []);
    }

    private table(): Map<string, ReferenceDescription[]> {
        if (this.byTarget) return this.byTarget;
        const table = new Map<string, ReferenceDescription[]>();
        // Many references share a target: its key is made once (descriptions compute paths when read).
        const keys = new Map<AstNodeDescription, string>();
        const keyOf = (reference: ReferenceDescription): string => {
            if (!(reference instanceof LazyReferenceDescription)) return `${reference.targetUri.toString()}#${reference.targetPath}`;
            let key = keys.get(reference.target);
            if (key === undefined) {
                key = `${reference.targetUri.toString()}#${reference.targetPath}`;
                keys.set(reference.target, key);
            }
            return key;
        };
        for (const references of this.referenceIndex.values()) {
            for (const reference of references) {
                const key = keyOf(reference);
                const list = table.get(key);
                if (list) list.push(reference);
                else table.set(key, [reference]);
            }
        }
        this.byTarget = table;
        return table;
    }

    override removeReferences(uri: URI): void {
        this.byTarget = undefined;
        super.removeReferences(uri);
    }

    override async updateReferences(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        this.byTarget = undefined;
        await super.updateReferences(document, cancelToken);
        this.byTarget = undefined;
    }
}
