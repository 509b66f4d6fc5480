export * from './opsbook-module.js';
export * from './generated/ast.js';
export * from './generated/module.js';
export * as values from './values/index.js';
export * from './config/opsbook-config.js';
export * from './validation/rule-catalog.js';
export * from './scope/workspace-root.js';
export * from './scope/import-resolver.js';
