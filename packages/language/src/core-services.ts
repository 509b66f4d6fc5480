import type { LangiumCoreServices, LangiumSharedCoreServices } from 'langium';
import type { OpsbookAnalysisServices } from './analysis/analysis-services.js';
import type { OpsbookConfigServices } from './config/opsbook-config.js';
import type { OpsbookScopeServices } from './scope/scope-services.js';

/**
 * Services Opsbook adds to Langium's core: workspace roots, symbol tables and import resolution
 * (scope/), `opsbook.json` (config/) and the analysis (analysis/). Types only: the module that builds
 * them is `opsbook-module.ts`; files below `lsp/` take these services, never the LSP ones.
 */
export type OpsbookCoreAddedServices = OpsbookScopeServices & OpsbookConfigServices & OpsbookAnalysisServices;

/** Langium's core services and Opsbook's: what the CLI creates, and the base of the language server's. */
export type OpsbookCoreServices = LangiumCoreServices & OpsbookCoreAddedServices;

export type { LangiumSharedCoreServices };
