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
