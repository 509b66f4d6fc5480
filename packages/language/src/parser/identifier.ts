/**
 * The ID terminal, `\^?[_\p{L}][\p{L}\p{N}_]*` without full-width ASCII (U+FF01–FF5E, which the lexer
 * reports with its ASCII replacement), matched by hand: ASCII is decided by character code, anything
 * else by a sticky Unicode regex on one code point. The grammar's regex says the same
 * (tests/grammar/identifier.test.ts compares the two on every BMP code point and on random strings).
 */
const LETTER_OR_UNDERSCORE = /[_\p{L}]/uy;
const WORD_CHARACTER = /[\p{L}\p{N}_]/uy;

/** chevrotain's custom token pattern: the match at `offset`, or null. */
export function matchIdentifier(text: string, offset: number): [string] | null {
    let position = offset;
    if (text.charCodeAt(position) === 0x5e /* ^ */) position++;
    const afterFirst = advance(text, position, LETTER_OR_UNDERSCORE);
    if (afterFirst === position) return null;
    position = afterFirst;
    for (let next = advance(text, position, WORD_CHARACTER); next > position; next = advance(text, position, WORD_CHARACTER)) {
        position = next;
    }
    return [text.substring(offset, position)];
}

/** The position after the character at `position` if it belongs to the class, else `position`. */
function advance(text: string, position: number, nonAscii: RegExp): number {
    const code = text.charCodeAt(position);
    if (code < 0x80) {
        const isWordAscii =
            (code >= 0x61 && code <= 0x7a) ||
            (code >= 0x41 && code <= 0x5a) ||
            code === 0x5f ||
            (nonAscii === WORD_CHARACTER && code >= 0x30 && code <= 0x39);
        return isWordAscii ? position + 1 : position;
    }
    if (Number.isNaN(code) || (code >= 0xff01 && code <= 0xff5e)) return position;
    // A trail surrogate on its own is no letter. (Here a sticky Unicode regex would step back onto the
    // lead surrogate before it and match the whole pair, which starts before `position`.)
    if (code >= 0xdc00 && code <= 0xdfff) return position;
    nonAscii.lastIndex = position;
    if (!nonAscii.test(text)) return position;
    return nonAscii.lastIndex;
}
