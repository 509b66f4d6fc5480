// Exact decimal arithmetic on bigint.
//
// Why not `number`: a playbook states money and user counts the way people write them
// (`4.35亿`, `0.1 + 0.2`), and the checks compare sums against targets. Binary floats would make
// 0.1 + 0.2 differ from 0.3 and turn exact coverage (100%) into 99.99999%. A Decimal is
// `coefficient × 10^-scale` with `scale >= 0`, kept normalized (no trailing zeros in the
// coefficient, zero has scale 0) so that equal values have equal fields and `toEqual` works.
//
// Rounding, wherever it happens (`divide`, `round`), is half-up in the sense of "half away from
// zero" (2.5 → 3, -2.5 → -3): that is what people expect from a printed figure and it matches the
// formatter. Only division needs rounding; add, sub and mul are exact.

/** Anything `Decimal.of` accepts. */
export type DecimalLike = Decimal | number | bigint | string;

// Guards against `Decimal.of('1e999999999')` building a billion-digit bigint.
const MAX_EXPONENT = 10_000;

const PLAIN = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

// Powers of ten up to 10^40 cover every figure of a playbook; computed once, not per operation.
const SMALL_POWERS_OF_TEN: readonly bigint[] = Array.from({ length: 41 }, (_, n) => 10n ** BigInt(n));

function pow10(n: number): bigint {
    return n >= 0 && n < SMALL_POWERS_OF_TEN.length ? (SMALL_POWERS_OF_TEN[n] as bigint) : 10n ** BigInt(n);
}

function abs(n: bigint): bigint {
    return n < 0n ? -n : n;
}

/** `n / d` rounded half away from zero; `d` must not be 0. */
function divRoundHalfUp(n: bigint, d: bigint): bigint {
    const q = n / d; // truncates toward zero
    const r = n % d;
    if (r === 0n) return q;
    if (2n * abs(r) >= abs(d)) {
        return n < 0n !== d < 0n ? q - 1n : q + 1n;
    }
    return q;
}

export class Decimal {
    static readonly ZERO: Decimal = new Decimal(0n, 0);
    static readonly ONE: Decimal = new Decimal(1n, 0);

    /** The value is `coefficient × 10^-scale`. */
    readonly coefficient: bigint;
    /** Number of decimal places, >= 0; normalized so the coefficient has no trailing zeros. */
    readonly scale: number;

    private constructor(coefficient: bigint, scale: number) {
        // Normalize: negative scale folds into the coefficient, trailing zeros fold into the scale.
        if (scale < 0) {
            coefficient *= pow10(-scale);
            scale = 0;
        }
        if (coefficient === 0n) {
            scale = 0;
        } else {
            while (scale > 0 && coefficient % 10n === 0n) {
                coefficient /= 10n;
                scale--;
            }
        }
        this.coefficient = coefficient;
        this.scale = scale;
    }

    /**
     * Builds a Decimal. A `number` is taken by its shortest round-trip decimal form (what
     * `String(n)` prints), so `Decimal.of(0.1)` is exactly 0.1, not the binary approximation.
     * Strings may be plain (`-12.50`) or use an exponent (`1.5e-7`); anything else throws.
     */
    static of(value: DecimalLike): Decimal {
        if (value instanceof Decimal) return value;
        if (typeof value === 'bigint') return new Decimal(value, 0);
        if (typeof value === 'number') {
            if (!Number.isFinite(value)) {
                throw new RangeError(`Decimal.of: ${value} is not a finite number`);
            }
            if (Number.isSafeInteger(value)) return new Decimal(BigInt(value), 0);
            return Decimal.parse(String(value));
        }
        return Decimal.parse(value);
    }

    /** `coefficient × 10^-scale` directly, e.g. `fromParts(435n, 2)` is 4.35. */
    static fromParts(coefficient: bigint, scale: number): Decimal {
        if (!Number.isInteger(scale)) throw new RangeError(`Decimal.fromParts: scale ${scale} is not an integer`);
        return new Decimal(coefficient, scale);
    }

    private static parse(text: string): Decimal {
        const m = PLAIN.exec(text.trim());
        if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
            throw new SyntaxError(`Decimal.of: "${text}" is not a decimal number`);
        }
        const [, sign, intDigits = '', fracDigits = '', expText] = m;
        const exponent = expText === undefined ? 0 : Number(expText);
        if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_EXPONENT) {
            throw new RangeError(`Decimal.of: exponent of "${text}" is out of range`);
        }
        let coefficient = BigInt(intDigits + fracDigits || '0');
        if (sign === '-') coefficient = -coefficient;
        return new Decimal(coefficient, fracDigits.length - exponent);
    }

    static sum(values: Iterable<DecimalLike>): Decimal {
        let total = Decimal.ZERO;
        for (const v of values) total = total.add(v);
        return total;
    }

    /** Largest of the values; throws on an empty list (there is no neutral element). */
    static max(...values: DecimalLike[]): Decimal {
        return Decimal.pick(values, (a, b) => a.gt(b), 'max');
    }

    /** Smallest of the values; throws on an empty list. */
    static min(...values: DecimalLike[]): Decimal {
        return Decimal.pick(values, (a, b) => a.lt(b), 'min');
    }

    private static pick(values: DecimalLike[], better: (a: Decimal, b: Decimal) => boolean, name: string): Decimal {
        if (values.length === 0) throw new RangeError(`Decimal.${name} of no values`);
        let best = Decimal.of(values[0] as DecimalLike);
        for (const v of values.slice(1)) {
            const d = Decimal.of(v);
            if (better(d, best)) best = d;
        }
        return best;
    }

    /** For `Array.prototype.sort`. */
    static compare(a: DecimalLike, b: DecimalLike): -1 | 0 | 1 {
        return Decimal.of(a).cmp(b);
    }

    /** Both coefficients brought to the larger scale, so they can be added or compared. */
    private static align(a: Decimal, b: Decimal): [bigint, bigint, number] {
        const scale = Math.max(a.scale, b.scale);
        return [a.coefficient * pow10(scale - a.scale), b.coefficient * pow10(scale - b.scale), scale];
    }

    add(other: DecimalLike): Decimal {
        const [x, y, scale] = Decimal.align(this, Decimal.of(other));
        return new Decimal(x + y, scale);
    }

    sub(other: DecimalLike): Decimal {
        const [x, y, scale] = Decimal.align(this, Decimal.of(other));
        return new Decimal(x - y, scale);
    }

    mul(other: DecimalLike): Decimal {
        const o = Decimal.of(other);
        return new Decimal(this.coefficient * o.coefficient, this.scale + o.scale);
    }

    /**
     * `this / other` rounded half away from zero to `places` decimal places (default 12). Exact
     * quotients with fewer places come out exact (1 / 4 = 0.25). Throws on division by zero.
     */
    divide(other: DecimalLike, places = 12): Decimal {
        const o = Decimal.of(other);
        if (o.isZero()) throw new RangeError('Decimal.divide: division by zero');
        if (!Number.isInteger(places)) throw new RangeError(`Decimal.divide: places ${places} is not an integer`);
        // this/o = (c1 / c2) × 10^(s2 - s1); we want that × 10^places as an integer.
        const shift = places + o.scale - this.scale;
        let n = this.coefficient;
        let d = o.coefficient;
        if (shift >= 0) n *= pow10(shift);
        else d *= pow10(-shift);
        return new Decimal(divRoundHalfUp(n, d), places);
    }

    /** The value × 10^places, exactly: moves the decimal point (used for `k`, `万`, `亿` …). */
    shift(places: number): Decimal {
        if (!Number.isInteger(places)) throw new RangeError(`Decimal.shift: ${places} is not an integer`);
        return new Decimal(this.coefficient, this.scale - places);
    }

    /** Rounded half away from zero to `places` decimals; negative `places` rounds to tens, hundreds … */
    round(places = 0): Decimal {
        if (!Number.isInteger(places)) throw new RangeError(`Decimal.round: places ${places} is not an integer`);
        if (this.scale <= places) return this;
        const q = divRoundHalfUp(this.coefficient, pow10(this.scale - places));
        return new Decimal(q, places);
    }

    neg(): Decimal {
        return new Decimal(-this.coefficient, this.scale);
    }

    abs(): Decimal {
        return this.coefficient < 0n ? this.neg() : this;
    }

    cmp(other: DecimalLike): -1 | 0 | 1 {
        const [x, y] = Decimal.align(this, Decimal.of(other));
        return x < y ? -1 : x > y ? 1 : 0;
    }

    eq(other: DecimalLike): boolean {
        return this.cmp(other) === 0;
    }

    lt(other: DecimalLike): boolean {
        return this.cmp(other) < 0;
    }

    lte(other: DecimalLike): boolean {
        return this.cmp(other) <= 0;
    }

    gt(other: DecimalLike): boolean {
        return this.cmp(other) > 0;
    }

    gte(other: DecimalLike): boolean {
        return this.cmp(other) >= 0;
    }

    isZero(): boolean {
        return this.coefficient === 0n;
    }

    isInteger(): boolean {
        return this.scale === 0;
    }

    sign(): -1 | 0 | 1 {
        return this.coefficient < 0n ? -1 : this.coefficient > 0n ? 1 : 0;
    }

    /** Nearest double (via the decimal string, so it is correctly rounded). */
    toNumber(): number {
        return Number(this.toString());
    }

    /** Canonical plain notation, never an exponent: "435000000", "0.3", "-12.5". */
    toString(): string {
        const digits = abs(this.coefficient).toString();
        const sign = this.coefficient < 0n ? '-' : '';
        if (this.scale === 0) return sign + digits;
        const padded = digits.padStart(this.scale + 1, '0');
        const cut = padded.length - this.scale;
        return `${sign}${padded.slice(0, cut)}.${padded.slice(cut)}`;
    }

    /** Plain notation with exactly `places` decimals (rounded half away from zero), like `Number#toFixed`. */
    toFixed(places: number): string {
        if (!Number.isInteger(places) || places < 0)
            throw new RangeError(`Decimal.toFixed: places ${places} must be a non-negative integer`);
        const r = this.round(places);
        const s = r.toString();
        if (places === 0) return s;
        const dot = s.indexOf('.');
        const have = dot < 0 ? 0 : s.length - dot - 1;
        return (dot < 0 ? `${s}.` : s) + '0'.repeat(places - have);
    }

    /** JSON.stringify cannot serialize bigint fields; emit the exact string instead of throwing. */
    toJSON(): string {
        return this.toString();
    }
}
