// Turns the text of a NUMBER or PERCENT token (SPEC §2) into an exact Decimal.
//
// The lexer already keeps most garbage out, but this function is also what the validator, the
// formatter and the CLI's CSV reader call, so it checks the whole form itself and says in words
// what is wrong (`20__000`, `1e5`, `20K`) instead of returning NaN.

import { Decimal } from './decimal.js';

export type NumberLiteralResult = { ok: true; value: Decimal } | { ok: false; message: string };

/** Scale suffixes, case-sensitive, as a power of ten: the value is shifted, never float-multiplied. */
export const SCALE_SUFFIXES: Readonly<Record<string, number>> = Object.freeze({
    k: 3,
    M: 6,
    万: 4,
    亿: 8
});

/**
 * Numbers in a playbook must be below one quadrillion (10^15). Beyond that nobody is planning
 * real users or money, the value is almost surely a typo (`5亿亿`), and every figure stays an
 * integer a double can represent, so JSON export and charts lose nothing.
 */
export const MAX_LITERAL: Decimal = Decimal.of(10n ** 15n);
const MAX_LITERAL_TEXT = '1,000,000,000,000,000';

// Integer digits with `_` only between digit groups, optional fraction, optional suffix.
const NUMBER = /^(\d+(?:_\d+)*)(?:\.(\d+))?([kM万亿])?$/;
const SUFFIX_HELP = 'k (thousand), M (million), 万 (ten thousand) or 亿 (hundred million)';

function fail(message: string): NumberLiteralResult {
    return { ok: false, message };
}

/** Explains why `text` does not have the NUMBER form; called only once the regex failed. */
function explain(text: string): string {
    const what = `${text} is not a number`;
    if (text.trim() === '') return 'expected a number such as 12, 12.5, 20_000 or 20k';
    if (text !== text.trim()) return `${what}: remove the spaces`;
    if (/[０-９．％，]/.test(text)) {
        return `${what}: it contains full-width characters; type ASCII digits, '.' and '%' instead`;
    }
    if (text.startsWith('-')) return `${what}: negative numbers are not part of the language`;
    if (text.startsWith('+')) return `${what}: write it without '+'`;
    const exp = /^(\d+(?:\.\d+)?)[eE][+-]?\d+$/.exec(text);
    if (exp) {
        // Suggest the digits written out when that stays readable (1e5 → 100000).
        const plain = /[eE][+-]?\d{1,2}$/.test(text) ? Decimal.of(text).toString() : '';
        const digits = plain.length > 0 && plain.length <= 20 ? ` (${plain})` : '';
        return `${what}: exponent notation is not supported; write the digits out${digits} or use a suffix: ${SUFFIX_HELP}`;
    }
    if (text.includes('_')) {
        return `${what}: '_' may only stand between digits, one at a time, before the decimal point, as in 20_000`;
    }
    if (/^\d+,\d/.test(text)) return `${what}: ',' is not a digit separator; write 20_000 or 20k`;
    if (/^\d+\.$/.test(text) || text.startsWith('.')) return `${what}: put digits on both sides of '.', as in 0.5`;
    const suffix = /^\d+(?:\.\d+)?(\D+)$/.exec(text);
    if (suffix) {
        const s = suffix[1] as string;
        const hint = s === 'K' ? " (did you mean 'k'?)" : s === 'm' ? " (did you mean 'M'?)" : '';
        return `${what}: unknown scale suffix '${s}'${hint}; suffixes are case-sensitive: ${SUFFIX_HELP}`;
    }
    return `${what}: expected digits such as 12, 12.5, 20_000 or 20k`;
}

/** Parses `12`, `12.5`, `20_000`, `20k`, `1.2M`, `2万`, `4.35亿` exactly. */
export function parseNumberLiteral(text: string): NumberLiteralResult {
    const m = NUMBER.exec(text);
    if (!m) return fail(explain(text));
    const [, intPart = '', fraction = '', suffix] = m;
    // The digits as one integer and the fraction's length as the scale: no string is parsed twice.
    let value = Decimal.fromParts(BigInt(intPart.replaceAll('_', '') + fraction), fraction.length);
    if (suffix !== undefined) value = value.shift(SCALE_SUFFIXES[suffix] as number);
    if (value.abs().gte(MAX_LITERAL)) {
        return fail(`${text} is too large: numbers in a playbook must be below ${MAX_LITERAL_TEXT}`);
    }
    return { ok: true, value };
}

/**
 * Parses a PERCENT token (`4%`, `12.5%`) into percentage points (4, 12.5), not a ratio. Whether
 * the value is within 0–100 is the `percent-range` rule's business, not the parser's.
 */
export function parsePercentLiteral(text: string): NumberLiteralResult {
    if (text.endsWith('％')) {
        return fail(`${text} uses a full-width '％'; type the ASCII '%' instead`);
    }
    if (!text.endsWith('%')) return fail(`${text} is not a percentage: write a number followed by '%', as in 4%`);
    const body = text.slice(0, -1);
    if (body !== body.trimEnd() && body.trim() !== '') {
        return fail(`${text} is not a percentage: write '%' directly after the number, as in ${body.trim()}%`);
    }
    if (/[kM万亿]$/.test(body)) {
        return fail(`${text} is not a percentage: a percentage takes no scale suffix`);
    }
    const n = parseNumberLiteral(body);
    if (!n.ok)
        return fail(
            n.message.startsWith(`${body} is not a number`)
                ? n.message.replace(`${body} is not a number`, `${text} is not a percentage`)
                : n.message
        );
    return n;
}

/**
 * A whole amount as the language writes it (what `opsbook next` puts in a changed budget): in 万 when
 * `written` (the literal it replaces) used 万 and the amount is a whole number of 万; else `k` when a
 * whole number of thousands; else grouped digits (`56_228`). A fraction is written as it is.
 */
export function formatNumberLiteral(amount: Decimal, written?: string): string {
    if (!amount.isInteger()) return amount.toString();
    const text = amount.toString();
    if (written?.includes('万') && !amount.isZero() && amount.divide(10000, 4).isInteger())
        return `${amount.divide(10000, 0).toString()}万`;
    if (amount.gte(1000) && text.endsWith('000')) return `${text.slice(0, -3)}k`;
    return text.replace(/\B(?=(\d{3})+$)/g, '_');
}
