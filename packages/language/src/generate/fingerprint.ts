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
// FNV-1a 64 in four 16-bit limbs (the offset basis 0xcbf29ce484222325, the prime 2^40 + 0x1b3), over
// the UTF-8 bytes encoded on the fly: the same hash as BigInt arithmetic over TextEncoder's bytes, in
// small-integer arithmetic only, about 50× faster (a 10k-line plan is 0.7 MB, and the live preview
// hashes it on every update: BENCHMARKS.md, "Round three — plan preview").

/** Line endings are normalized first: a checkout that turns LF into CRLF is not an edit. */
export function fingerprintOf(body: string): string {
    let h0 = 0x2325;
    let h1 = 0x8422;
    let h2 = 0x9ce4;
    let h3 = 0xcbf2;
    const byte = (b: number) => {
        h0 ^= b;
        // × 0x1b3 in every limb, + (h << 40): limb 0 into limb 2 and limb 1 into limb 3, shifted by 8.
        const t0 = h0 * 0x1b3;
        let t1 = h1 * 0x1b3;
        let t2 = h2 * 0x1b3 + (h0 << 8);
        const t3 = h3 * 0x1b3 + (h1 << 8);
        t1 += t0 >>> 16;
        h0 = t0 & 0xffff;
        t2 += t1 >>> 16;
        h1 = t1 & 0xffff;
        h3 = (t3 + (t2 >>> 16)) & 0xffff;
        h2 = t2 & 0xffff;
    };
    const length = body.length;
    for (let i = 0; i < length; i++) {
        let code = body.charCodeAt(i);
        if (code < 0x80) {
            if (code === 0x0d && body.charCodeAt(i + 1) === 0x0a) continue;
            // byte(code), written out: most of a document is ASCII.
            h0 ^= code;
            const t0 = h0 * 0x1b3;
            const t1 = h1 * 0x1b3 + (t0 >>> 16);
            const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
            h3 = (h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16)) & 0xffff;
            h0 = t0 & 0xffff;
            h1 = t1 & 0xffff;
            h2 = t2 & 0xffff;
        } else if (code < 0x800) {
            byte(0xc0 | (code >> 6));
            byte(0x80 | (code & 0x3f));
        } else {
            if (code >= 0xd800 && code < 0xdc00 && i + 1 < length) {
                const low = body.charCodeAt(i + 1);
                if (low >= 0xdc00 && low < 0xe000) {
                    code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                    i++;
                    byte(0xf0 | (code >> 18));
                    byte(0x80 | ((code >> 12) & 0x3f));
                    byte(0x80 | ((code >> 6) & 0x3f));
                    byte(0x80 | (code & 0x3f));
                    continue;
                }
            }
            // A lone surrogate is encoded as U+FFFD, as TextEncoder does.
            if (code >= 0xd800 && code < 0xe000) code = 0xfffd;
            byte(0xe0 | (code >> 12));
            byte(0x80 | ((code >> 6) & 0x3f));
            byte(0x80 | (code & 0x3f));
        }
    }
    return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

function hex4(limb: number): string {
    return limb.toString(16).padStart(4, '0');
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
