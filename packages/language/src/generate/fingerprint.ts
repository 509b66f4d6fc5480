// A generated document starts with a fingerprint line, an HTML comment that Markdown viewers hide:
//
//     <!-- opsbook:review fingerprint=3f1c9a0b5d2e7c41 -->
//
// The fingerprint is a hash of everything after that line. When the CLI is about to overwrite the
// file, a matching fingerprint proves nobody edited it since it was generated; a mismatch means
// someone did (filled in actuals, wrote answers) and the file is kept unless `--force` (SPEC §7).
// FNV-1a, 64 bits: no cryptography is needed to notice an edit, and it runs everywhere (no node:crypto).

export type GeneratedKind = 'plan' | 'review' | 'index';

const HEADER = /^<!-- opsbook:(plan|review|index) fingerprint=([0-9a-f]{16}) -->\r?\n/;
// FNV-1a 64 in two 32-bit halves (the offset basis 0xcbf29ce484222325, the prime 2^40 + 0x1b3): the
// same hash as BigInt arithmetic, about 20× faster (a 10k-line plan is 0.7 MB: the live preview hashes
// it on every update; BENCHMARKS.md, "Round three — plan preview").
const OFFSET_HIGH = 0xcbf29ce4;
const OFFSET_LOW = 0x84222325;
const PRIME_LOW = 0x1b3;
const TWO_32 = 4294967296;

/** Line endings are normalized first: a checkout that turns LF into CRLF is not an edit. */
export function fingerprintOf(body: string): string {
    const bytes = new TextEncoder().encode(body.indexOf('\r\n') < 0 ? body : body.replace(/\r\n/g, '\n'));
    let high = OFFSET_HIGH;
    let low = OFFSET_LOW;
    for (let i = 0; i < bytes.length; i++) {
        low = (low ^ (bytes[i] as number)) >>> 0;
        // (high·2^32 + low) · (2^40 + 0x1b3) mod 2^64: low·0x1b3 < 2^41 is exact in a double
        const product = low * PRIME_LOW;
        high = (Math.imul(high, PRIME_LOW) + Math.floor(product / TWO_32) + (low << 8)) >>> 0;
        low = product >>> 0;
    }
    return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

/** The document with its fingerprint line in front. */
export function withFingerprint(kind: GeneratedKind, body: string): string {
    return `<!-- opsbook:${kind} fingerprint=${fingerprintOf(body)} -->\n${body}`;
}

export type GeneratedState = { state: 'intact'; kind: GeneratedKind } | { state: 'edited'; kind: GeneratedKind } | { state: 'foreign' };

/** Whether existing text is an opsbook document as generated, one edited since, or something else. */
export function inspectGenerated(text: string): GeneratedState {
    const match = HEADER.exec(text.replace(/^\uFEFF/, ''));
    if (!match) return { state: 'foreign' };
    const kind = match[1] as GeneratedKind;
    const body = text.replace(/^\uFEFF/, '').substring(match[0].length);
    return { state: fingerprintOf(body) === match[2] ? 'intact' : 'edited', kind };
}
