// Columns a string takes in a monospaced editor: East Asian wide and full-width characters (Chinese,
// Japanese, Korean, full-width punctuation) take two. Used to decide whether a block fits on one line
// and to align trailing comments, so that Chinese playbooks line up the way they look on screen.

const WIDE_RANGES: readonly (readonly [number, number])[] = [
    [0x1100, 0x115f], // Hangul Jamo
    [0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation
    [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, CJK compatibility
    [0x3400, 0x4dbf], // CJK extension A
    [0x4e00, 0x9fff], // CJK unified ideographs
    [0xa000, 0xa4cf], // Yi
    [0xac00, 0xd7a3], // Hangul syllables
    [0xf900, 0xfaff], // CJK compatibility ideographs
    [0xfe30, 0xfe4f], // CJK compatibility forms
    [0xff00, 0xff60], // full-width forms
    [0xffe0, 0xffe6], // full-width signs
    [0x1f300, 0x1f64f], // emoji
    [0x1f900, 0x1f9ff], // supplemental symbols and pictographs
    [0x20000, 0x3fffd] // CJK extensions B and later
];

function isWide(codePoint: number): boolean {
    for (const [low, high] of WIDE_RANGES) {
        if (codePoint < low) return false;
        if (codePoint <= high) return true;
    }
    return false;
}

export function displayWidth(text: string): number {
    let width = 0;
    for (const char of text) {
        width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
    }
    return width;
}
