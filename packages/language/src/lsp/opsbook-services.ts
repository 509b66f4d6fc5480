import type { LangiumLSPServices } from 'langium/lsp';
import type { OpsbookCoreServices } from '../core-services.js';

/** LSP services Opsbook adds beside Langium's `lsp` group (none yet: ours replace Langium's providers). */
export type OpsbookLspAddedServices = Record<never, never>;

/**
 * The language server's services: Opsbook's core services (`core-services.ts`) with Langium's LSP
 * services and ours on top. Only `lsp/` uses this type; everything below it takes `OpsbookCoreServices`.
 */
export type OpsbookServices = OpsbookCoreServices & LangiumLSPServices & OpsbookLspAddedServices;
