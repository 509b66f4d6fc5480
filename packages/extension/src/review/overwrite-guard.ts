import { createHash } from 'node:crypto';

// Never overwrite a hand-edited review silently. Pure, so unit tests pin each case.

export type OverwriteDecision =
    /** Nothing there yet, or exactly what was generated last time: write. */
    | 'write'
    /** The file already holds these bytes: nothing to do. */
    | 'unchanged'
    /** The file differs from every generation known: it may hold hand-written notes, so ask first. */
    | 'confirm';

export function sha256(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
}

/**
 * @param existing  the target's current bytes, undefined when it does not exist
 * @param next      the bytes about to be written
 * @param generatedHash  sha256 of what the extension last wrote to this target (undefined if never)
 */
export function decideOverwrite(existing: Uint8Array | undefined, next: Uint8Array, generatedHash: string | undefined): OverwriteDecision {
    if (existing === undefined) return 'write';
    if (Buffer.compare(Buffer.from(existing), Buffer.from(next)) === 0) return 'unchanged';
    if (generatedHash !== undefined && sha256(existing) === generatedHash) return 'write';
    return 'confirm';
}
