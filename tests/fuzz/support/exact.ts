// A tiny exact decimal, independent of the code under test: the fuzzers compute what the analysis
// model must say with this, never with the model's own Decimal.

export interface Exact {
    /** The value is units × 10^-scale. */
    units: bigint;
    scale: number;
}

export const ZERO: Exact = { units: 0n, scale: 0 };

export function exact(units: bigint, scale = 0): Exact {
    return { units, scale };
}

function align(a: Exact, b: Exact): [bigint, bigint, number] {
    const scale = Math.max(a.scale, b.scale);
    return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

export function add(a: Exact, b: Exact): Exact {
    const [x, y, scale] = align(a, b);
    return { units: x + y, scale };
}

export function sub(a: Exact, b: Exact): Exact {
    const [x, y, scale] = align(a, b);
    return { units: x - y, scale };
}

export function mul(a: Exact, b: Exact): Exact {
    return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function compare(a: Exact, b: Exact): number {
    const [x, y] = align(a, b);
    return x < y ? -1 : x > y ? 1 : 0;
}

export function sum(values: Exact[]): Exact {
    return values.reduce(add, ZERO);
}

/** Plain notation without trailing zeros, the way the model's Decimal#toString prints. */
export function text(value: Exact): string {
    const negative = value.units < 0n;
    let digits = (negative ? -value.units : value.units).toString();
    let scale = value.scale;
    while (scale > 0 && digits.endsWith('0') && digits.length > 1) {
        digits = digits.slice(0, -1);
        scale--;
    }
    if (digits === '0') return '0';
    if (scale === 0) return (negative ? '-' : '') + digits;
    const padded = digits.padStart(scale + 1, '0');
    return `${negative ? '-' : ''}${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
}

/** As a float, for ratios. */
export function toNumber(value: Exact): number {
    return Number(text(value));
}

/** Writes `value` (non-negative) as an Opsbook NUMBER: plain, with `_` groups, or with a scale suffix. */
export function literal(value: Exact, style: 'plain' | 'grouped' | 'k' | 'M' | '万' | '亿'): string {
    if (style === 'plain') return text(value);
    if (style === 'grouped') {
        const [int, fraction] = text(value).split('.');
        const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, '_');
        return fraction ? `${grouped}.${fraction}` : grouped;
    }
    const shift = { k: 3, M: 6, 万: 4, 亿: 8 }[style];
    return `${text({ units: value.units, scale: value.scale + shift })}${style}`;
}
