// `opsbook-language`: the language core (no LSP service; those are `opsbook-language/lsp`).
export * from './opsbook-module.js';
export * from './generated/ast.js';
export * from './generated/module.js';
export * as values from './values/index.js';
export * from './config/opsbook-config.js';
export * from './validation/rule-catalog.js';
export { ruleExplanation } from './validation/rule-explanations.js';
export { message as diagnosticMessage, render as renderMessage, type Message } from './i18n/catalogue.js';
export * from './scope/workspace-root.js';
export * from './scope/import-resolver.js';
export * as generate from './generate/index.js';
export * as usecases from './usecases/index.js';
export * from './format/format-text.js';
export * from './analysis/review-analysis.js';
export * from './analysis/actuals-csv.js';
export type * from './analysis/model.js';
export * from './analysis/vocabulary.js';
