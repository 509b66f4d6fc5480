import type { LangiumDocument, LocalSymbols } from 'langium';
import { DefaultScopeComputation, MultiMap } from 'langium';

/**
 * Exports stay Langium's default (top-level named elements: workspace symbols and the "add import"
 * quick fix use the index). Local symbols are not needed: our scope provider reads the hash-indexed
 * SymbolTables, so we skip building Langium's per-node tables.
 */
export class OpsbookScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap();
    }
}
