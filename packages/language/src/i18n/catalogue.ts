// The catalogues of every diagnostic message, in English and Simplified Chinese. A message travels as
// a descriptor `{ key, args }` (message.ts; args keep exact Decimals), and is rendered for a locale only
// when it is shown, so the analysis can be computed once and read in either language.

import type { Locale } from '../values/format.js';
import { EN } from './en.js';
import type { Message, MessageCatalogue } from './message.js';
import { ZH_CN } from './zh-cn.js';

export {
    type ActualsProblem,
    type ConfigProblemDetail,
    type ContributionSource,
    type ElementType,
    type ExpectedToken,
    type FoundToken,
    message,
    type Message,
    type MessageCatalogue,
    type MessageKey
} from './message.js';

const CATALOGUES: Readonly<Record<Locale, MessageCatalogue>> = { en: EN, 'zh-CN': ZH_CN };

export function catalogueFor(locale: Locale): MessageCatalogue {
    return CATALOGUES[locale] ?? EN;
}

/** The message in `locale` (English when the locale has no catalogue). */
export function render(locale: Locale, msg: Message): string {
    const build = catalogueFor(locale)[msg.key] as (args: unknown) => string;
    return build(msg.args);
}
