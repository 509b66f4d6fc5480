import type { LangiumDocument } from 'langium';
import { WorkspaceCache } from 'langium';
import type { Document } from '../generated/ast.js';
import type { OpsbookServices } from '../opsbook-module.js';
import type { PlaybookAnalysis } from './model.js';

/**
 * Computes a document's PlaybookAnalysis once per workspace state (the cache empties on any change,
 * since a file's figures depend on the files it imports) and hands the same object to every reader.
 */
export class PlaybookAnalyzer {
    private readonly cache: WorkspaceCache<string, PlaybookAnalysis>;

    constructor(private readonly services: OpsbookServices) {
        this.cache = new WorkspaceCache(services.shared);
    }

    analyze(document: LangiumDocument<Document>): PlaybookAnalysis {
        return this.cache.get(document.uri.toString(), () => this.compute(document));
    }

    protected compute(_document: LangiumDocument<Document>): PlaybookAnalysis {
        void this.services;
        throw new Error('PlaybookAnalyzer.compute is not implemented yet');
    }
}
