// The use cases: what the CLI commands and the language server's custom requests do, written once.
// Load the checked workspace, then render a plan, a review or an export (later: next, diff). They read
// the language core's services only; each caller words the refusals for its users.
export * from './checked-playbook.js';
export * from './documents.js';
export * from './previous-review.js';
export * from './review-window.js';
export * from './next-cycle.js';
export * from './diff-playbooks.js';
