// The lexer matches names with a hand-written scanner (packages/language/src/parser/identifier.ts); the
// grammar states the ID terminal as a regex. They must agree on every character: checked here on every
// code point of the Basic Multilingual Plane in the three places a character can stand (first, after a
// letter, after `^`), on astral letters and symbols, and on random strings.

import fc from 'fast-check';
import { EmptyFileSystem, GrammarAST, GrammarUtils } from 'langium';
import { describe, expect, it } from 'vitest';
import { createOpsbookServices } from '../../packages/language/src/lsp/index.js';
import { matchIdentifier } from '../../packages/language/src/parser/identifier.js';
import { idStartCharsHint, isWordKeyword } from '../../packages/language/src/parser/opsbook-token-builder.js';

const grammar = createOpsbookServices(EmptyFileSystem).Opsbook.Grammar;
const idRule = grammar.rules.find((rule): rule is GrammarAST.TerminalRule => GrammarAST.isTerminalRule(rule) && rule.name === 'ID');
const nameRule = grammar.rules.find((rule): rule is GrammarAST.TerminalRule => GrammarAST.isTerminalRule(rule) && rule.name === 'NAME');
const grammarId = new RegExp(GrammarUtils.terminalRegex(idRule as GrammarAST.TerminalRule), 'uy');

/** What the grammar's regex matches at the start of `text` (undefined for no match). */
function byGrammar(text: string): string | undefined {
    grammarId.lastIndex = 0;
    return grammarId.exec(text)?.[0];
}

function byScanner(text: string): string | undefined {
    return matchIdentifier(text, 0)?.[0];
}

describe('the ID scanner and the grammar’s ID terminal', () => {
    it('NAME has the same pattern as ID', () => {
        expect(GrammarUtils.terminalRegex(nameRule as GrammarAST.TerminalRule).source).toBe(
            GrammarUtils.terminalRegex(idRule as GrammarAST.TerminalRule).source
        );
    });

    it('agree on every BMP code point as the first character, after a letter and after ^', () => {
        const disagreements: string[] = [];
        for (let code = 0; code <= 0xffff; code++) {
            if (code >= 0xd800 && code <= 0xdfff) continue; // lone surrogates: below
            const c = String.fromCharCode(code);
            for (const text of [`${c}x`, `a${c}x`, `^${c}x`, `_${c}`]) {
                if (byScanner(text) !== byGrammar(text))
                    disagreements.push(`U+${code.toString(16).toUpperCase().padStart(4, '0')} in ${JSON.stringify(text)}`);
            }
        }
        expect(disagreements).toEqual([]);
    });

    it('agree on astral letters, astral symbols, digits and lone surrogates', () => {
        for (const text of [
            '𠀀x',
            'a𠀀b',
            '😀',
            'a😀',
            '𝟘',
            'a𝟘',
            '\ud800x',
            'a\udc00',
            '1a',
            'a1',
            '^',
            '^^a',
            '_',
            '__1',
            'Ａb',
            'aＢ',
            'a１',
            ''
        ]) {
            expect(byScanner(text), JSON.stringify(text)).toBe(byGrammar(text));
        }
    });

    it('agree on random strings (seed 80_102)', () => {
        fc.assert(
            fc.property(fc.string({ unit: 'binary', maxLength: 12 }), fc.nat(12), (text, offset) => {
                const at = Math.min(offset, text.length);
                const code = text.charCodeAt(at);
                if (code >= 0xdc00 && code <= 0xdfff) {
                    // Inside or after a surrogate pair, or a lone trail surrogate: never the start of a name
                    // (V8's sticky Unicode regex would step back to the lead surrogate instead).
                    expect(matchIdentifier(text, at)).toBeNull();
                    return;
                }
                grammarId.lastIndex = at;
                expect(matchIdentifier(text, at)?.[0]).toBe(grammarId.exec(text)?.[0]);
            }),
            { seed: 80_102, numRuns: 3000 }
        );
    });
});

describe('the lexer’s start-character hint for ID and its keyword test (no `\\p{L}` regex at start-up)', () => {
    it('lists below 256 exactly the characters an ID may start with', () => {
        const below256 = idStartCharsHint().filter(code => code < 256);
        const expected: number[] = [];
        for (let code = 0; code < 256; code++) {
            if (/[\p{L}_^]/u.test(String.fromCharCode(code))) expected.push(code);
        }
        expect(below256).toEqual(expected);
    });

    it('reads a keyword as a word keyword exactly when it is letters only', () => {
        for (const name of ['goal', 'Goal', 'délai', '目标', 'zh-CN', 'a1', '', '..', '_a', 'x𠀀']) {
            expect(isWordKeyword(name), name).toBe(/^\p{L}+$/u.test(name));
        }
    });
});
