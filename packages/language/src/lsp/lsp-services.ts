/** LSP services Opsbook adds or replaces; composed into the module by `opsbook-module.ts`. */
export type OpsbookLspServices = Record<never, never>;

export const LSP_MODULE = {};
