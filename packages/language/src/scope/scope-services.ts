import type { ImportResolver } from './import-resolver.js';
import type { SymbolTables } from './symbol-table.js';
import type { WorkspaceRootServices } from './workspace-root.js';

/** Services of the scoping layer (composed in `opsbook-module.ts`). */
export type OpsbookScopeServices = WorkspaceRootServices & {
    references: {
        SymbolTables: SymbolTables;
        ImportResolver: ImportResolver;
    };
};
