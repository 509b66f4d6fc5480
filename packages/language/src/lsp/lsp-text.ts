import { EDITOR_TEXT_EN } from '../i18n/en.js';
import type { LspText } from '../i18n/editor-text.js';
import { EDITOR_TEXT_ZH_CN } from '../i18n/zh-cn.js';
import type { Locale } from '../values/format.js';

export type { LspText } from '../i18n/editor-text.js';

/** The words of hovers, inlay hints, code lenses and quick-fix titles (i18n/editor-text.ts) in `locale`. */
export function lspText(locale: Locale): LspText {
    return locale === 'zh-CN' ? EDITOR_TEXT_ZH_CN : EDITOR_TEXT_EN;
}
