import { describe, expect, test } from 'vitest';
import { decideOverwrite, sha256 } from '../../../packages/extension/src/review/overwrite-guard.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decideOverwrite', () => {
    const generated = bytes('# Review 2027-01\n| goal | target |\n');
    const regenerated = bytes('# Review 2027-02\n| goal | target |\n');

    test('a new file is written', () => {
        expect(decideOverwrite(undefined, generated, undefined)).toBe('write');
    });

    test('the same bytes need no write', () => {
        expect(decideOverwrite(generated, bytes('# Review 2027-01\n| goal | target |\n'), undefined)).toBe('unchanged');
    });

    test('a file untouched since its generation is replaced', () => {
        expect(decideOverwrite(generated, regenerated, sha256(generated))).toBe('write');
    });

    test('a file edited since its generation needs confirmation', () => {
        const edited = bytes('# Review 2027-01\n| goal | target |\nNotes: SEO beat the forecast.\n');
        expect(decideOverwrite(edited, regenerated, sha256(generated))).toBe('confirm');
    });

    test('a file the extension never wrote needs confirmation', () => {
        expect(decideOverwrite(bytes('my own notes\n'), regenerated, undefined)).toBe('confirm');
    });
});
