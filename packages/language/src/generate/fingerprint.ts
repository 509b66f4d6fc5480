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
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

/** Line endings are normalized first: a checkout that turns LF into CRLF is not an edit. */
export function fingerprintOf(body: string): string {
    const bytes = new TextEncoder().encode(body.replace(/\r\n/g, '\n'));
    let hash = FNV_OFFSET;
    for (const byte of bytes) {
        hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK;
    }
    return hash.toString(16).padStart(16, '0');
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
