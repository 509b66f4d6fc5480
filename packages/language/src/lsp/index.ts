// `opsbook-language/lsp`: the language server's services (core + LSP) and its entry point. The CLI
// imports `opsbook-language` (the core) only.
export * from './lsp-services.js';
export { startOpsbookLanguageServer } from './server/start-server.js';
export { OpsbookFormatter } from './opsbook-formatter.js';
export * from './custom-requests.js';
export { GENERATE_REVIEW_COMMAND, PREVIEW_PLAN_COMMAND } from './opsbook-code-lens-provider.js';
