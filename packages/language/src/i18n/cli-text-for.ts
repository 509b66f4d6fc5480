import type { Locale } from '../values/format.js';
import type { CliText } from './cli-text.js';
import { CLI_TEXT_EN } from './en.js';
import { CLI_TEXT_ZH_CN } from './zh-cn.js';

/** The command line's words in a locale (English when the locale has no catalogue). */
export function cliText(locale: Locale): CliText {
    return locale === 'zh-CN' ? CLI_TEXT_ZH_CN : CLI_TEXT_EN;
}
