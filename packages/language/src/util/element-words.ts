// The words of element types moved to the catalogue of words (i18n/words.ts); this re-export keeps the
// existing imports working until they import i18n/words.js directly.
export { describeElementType } from '../i18n/words.js';
