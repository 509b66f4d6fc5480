// ISO 4217 currency codes, hard-coded so the check is the same on every machine (Intl's list
// depends on the ICU build and still carries withdrawn codes such as HRK).
//
// The set is ISO 4217 "list one" (active alphabetic codes) as published 2026-01-01, including
// funds, precious metals and the testing codes, because they are all valid ISO codes. Recently
// withdrawn codes (BGN since Bulgaria joined the euro, ANG → XCG, SLL → SLE, ZWL → ZWG, HRK, CUC)
// are not in it; `currencySuggestion` names their successors so the message can say what to write.

const ACTIVE_CODES = `
AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN
BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR
FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY
KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU
MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON
RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP
TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAD XAF XAG XAU XBA XBB
XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWG
`;

/** Every active ISO 4217 alphabetic code. */
export const ISO_CURRENCIES: ReadonlySet<string> = new Set(ACTIVE_CODES.trim().split(/\s+/));

/** Names people write for a currency that are not its code; `元` is the one the language accepts. */
const ALIASES: Readonly<Record<string, string>> = { 元: 'CNY' };

// Successors of withdrawn codes and common non-ISO spellings, for "did you mean" messages only.
const SUGGESTIONS: Readonly<Record<string, string>> = {
    RMB: 'CNY',
    YUAN: 'CNY',
    CNH: 'CNY',
    NTD: 'TWD',
    HRK: 'EUR',
    BGN: 'EUR',
    LTL: 'EUR',
    LVL: 'EUR',
    EEK: 'EUR',
    SKK: 'EUR',
    ANG: 'XCG',
    SLL: 'SLE',
    ZWL: 'ZWG',
    CUC: 'CUP',
    VEF: 'VES',
    MRO: 'MRU',
    STD: 'STN',
    BYR: 'BYN'
};

// Decimal places of the minor unit where it is not 2 (ISO "minor unit" column). Codes for which
// ISO says N.A. (funds such as XDR, metals, XXX) keep the default 2: there is no better answer.
const MINOR_UNITS: Readonly<Record<string, number>> = {
    BIF: 0,
    CLP: 0,
    DJF: 0,
    GNF: 0,
    ISK: 0,
    JPY: 0,
    KMF: 0,
    KRW: 0,
    PYG: 0,
    RWF: 0,
    UGX: 0,
    UYI: 0,
    VND: 0,
    VUV: 0,
    XAF: 0,
    XOF: 0,
    XPF: 0,
    BHD: 3,
    IQD: 3,
    JOD: 3,
    KWD: 3,
    LYD: 3,
    OMR: 3,
    TND: 3,
    CLF: 4,
    UYW: 4
};

/** Maps accepted aliases to their ISO code (`元` → `CNY`); other text is returned unchanged. */
export function normalizeCurrency(code: string): string {
    return ALIASES[code] ?? code;
}

/** True for an active ISO 4217 code or an accepted alias. Case-sensitive: `cny` is not a code. */
export function isIsoCurrency(code: string): boolean {
    return ISO_CURRENCIES.has(normalizeCurrency(code));
}

/**
 * What the user probably meant by a code that is not ISO: the upper-case form (`cny` → `CNY`), the
 * successor of a withdrawn code (`HRK` → `EUR`) or the code for a common name (`RMB` → `CNY`).
 */
export function currencySuggestion(code: string): string | undefined {
    if (isIsoCurrency(code)) return undefined;
    const upper = code.toUpperCase();
    if (ISO_CURRENCIES.has(upper)) return upper;
    return SUGGESTIONS[upper];
}

/** Decimal places of the currency's minor unit: 2 unless ISO says otherwise (JPY 0, KWD 3, …). */
export function minorUnits(code: string): number {
    return MINOR_UNITS[normalizeCurrency(code)] ?? 2;
}
