// The playbook block: currency and exchange rates (the base of every money figure), period, budget,
// stage and document locale.

import type { Playbook } from '../generated/ast.js';
import { message } from '../i18n/message.js';
import { currencySuggestion, isIsoCurrency, normalizeCurrency } from '../values/currency.js';
import type { Decimal } from '../values/decimal.js';
import type { Locale } from '../values/format.js';
import { type FxRate, FxTable } from '../values/money.js';
import type { DateRange } from '../values/period.js';
import type { ValueResolver } from './value-resolution.js';
import { LOCALE_WORDS, STAGES, type Stage } from './vocabulary.js';

export interface PlaybookHeader {
    currency: string;
    fx: FxTable;
    period?: DateRange;
    budget?: Decimal;
    stage?: Stage;
    locale?: Locale;
}

/** Used when a playbook states no currency (and for library files): SPEC §1's users plan in yuan. */
export const DEFAULT_CURRENCY = 'CNY';

export function resolveHeader(playbook: Playbook | undefined, resolver: ValueResolver): PlaybookHeader {
    const written = playbook?.currency;
    let currency = written !== undefined ? normalizeCurrency(written) : DEFAULT_CURRENCY;
    if (playbook && written !== undefined && !isIsoCurrency(written)) {
        const suggestion = currencySuggestion(written);
        resolver.issue(
            'unit-mismatch',
            playbook,
            'currency',
            message('currencyNotIso', suggestion ? { code: written, suggestion } : { code: written })
        );
        // Reported once, here: `currency RMB` then works as CNY, and amounts written `RMB` count as the base.
        resolver.invalidBase = written;
        if (suggestion) currency = suggestion;
    }
    resolver.currency = currency;
    const rates: FxRate[] = [];
    for (const fx of playbook?.fx ?? []) {
        let ok = true;
        for (const side of ['from', 'to'] as const) {
            const code = fx[side];
            if (code !== undefined && !isIsoCurrency(code) && code !== written) {
                const suggestion = currencySuggestion(code);
                resolver.issue('unit-mismatch', fx, side, message('currencyNotIso', suggestion ? { code, suggestion } : { code }));
                ok = false;
            }
        }
        const rate = resolver.number(fx, 'rate', fx.rate);
        const code = (side: string) => (side === written ? currency : side);
        if (ok && rate !== undefined && fx.from !== undefined && fx.to !== undefined)
            rates.push({ from: code(fx.from), rate, to: code(fx.to) });
    }
    const fx = new FxTable(currency, rates);
    resolver.fx = fx;
    const header: PlaybookHeader = { currency, fx };
    if (!playbook) return header;
    const period = resolver.period(playbook.period);
    if (period) header.period = period;
    const budget = resolver.money(playbook.budget);
    if (budget) header.budget = budget;
    const stage = resolver.word(playbook, 'stage', playbook.stage, STAGES, 'stage');
    if (stage) header.stage = stage;
    const locale = resolver.word(playbook, 'locale', playbook.locale, LOCALE_WORDS, 'locale');
    if (locale) header.locale = locale;
    return header;
}
