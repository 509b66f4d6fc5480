// The fixed text of the generated documents (plan and review), from the catalogue of each locale
// (i18n/en.ts, i18n/zh-cn.ts); its shape is i18n/document-text.ts.

import { DOCUMENT_TEXT_EN } from '../i18n/en.js';
import type { DocumentText } from '../i18n/document-text.js';
import { DOCUMENT_TEXT_ZH_CN } from '../i18n/zh-cn.js';
import type { Locale } from '../values/format.js';

export type { CoverageWord, DocumentText, KeptReason } from '../i18n/document-text.js';
export { DOCUMENT_TEXT_EN };

export function documentText(locale: Locale): DocumentText {
    return locale === 'zh-CN' ? DOCUMENT_TEXT_ZH_CN : DOCUMENT_TEXT_EN;
}
