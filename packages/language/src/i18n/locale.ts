import type { Locale } from '../values/format.js';

export type { Locale };

/**
 * Maps a locale tag from an editor (`InitializeParams.locale`: `zh-cn`, `zh-Hans`, `en-US`), an
 * environment or opsbook.json to one of the two locales Opsbook speaks; undefined when it is neither.
 * Every Chinese tag maps to Simplified Chinese: it is the one catalogue we have.
 */
export function normalizeLocale(tag: string | undefined | null): Locale | undefined {
    if (!tag) return undefined;
    const lower = tag.trim().toLowerCase().replace(/_/g, '-');
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    return undefined;
}

/**
 * The locale an environment asks for, if it is one Opsbook speaks (`zh_CN.UTF-8` → zh-CN; `C` → none):
 * `LC_ALL`, `LC_MESSAGES`, `LANG`, as gettext reads them. The last resort before English (SPEC §10).
 */
export function localeOfEnvironment(env: Readonly<Record<string, string | undefined>>): Locale | undefined {
    const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find(value => value !== undefined && value !== '');
    return normalizeLocale(tag?.split('.')[0]);
}
