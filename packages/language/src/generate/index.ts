// Generated documents: pure functions from the analysis model to text.
export * from './markdown-escape.js';
export * from './fingerprint.js';
export * from './findings.js';
export * from './plan-document.js';
export * from './review-document.js';
export * from './export-json.js';
export * from './export-csv.js';
export { documentText, type DocumentText } from './i18n-documents.js';
export * from './diff-document.js';
export * from './index-document.js';
