// The hand-written scanner (packages/language/src/parser/fast-lexer.ts) must be invisible: for every
// text chevrotain lexes without an error it gives the same tokens (type, image, offsets, lines, columns)
// and comments, and the parser builds the same CST and AST from them; for every other text it steps
// aside. Checked on the examples, the grammar fixtures, a benchmark-sized playbook and fuzzed text.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import fc from 'fast-check';
import type { IToken } from 'chevrotain';
import { type AstNode, type CstNode, EmptyFileSystem, GrammarAST, isCompositeCstNode, isLeafCstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { createOpsbookServices } from '../../packages/language/src/lsp/index.js';
import type { FastLexer } from '../../packages/language/src/parser/fast-lexer.js';
import type { OpsbookLexer } from '../../packages/language/src/parser/opsbook-lexer.js';
import { exampleFolders } from '../fuzz/support/mutations.js';
import { randomPlaybook } from '../fuzz/support/random-playbook.js';
import { tokenSoup, unicodeText } from '../fuzz/support/token-soup.js';

const fast = createOpsbookServices(EmptyFileSystem).Opsbook;
// A second set of services whose lexer always runs chevrotain: the reference.
const reference = createOpsbookServices(EmptyFileSystem).Opsbook;
const referenceLexer = reference.parser.Lexer as OpsbookLexer;
referenceLexer.tokenize = (text, options) => referenceLexer.tokenizeWithChevrotain(text, options);
const fastLexer = fast.parser.Lexer as OpsbookLexer;

interface TokenView {
    type: string;
    image: string;
    startOffset: number;
    endOffset: number | undefined;
    startLine: number | undefined;
    startColumn: number | undefined;
    endLine: number | undefined;
    endColumn: number | undefined;
    /** chevrotain numbers token types per lexer instance: the index must be that of the token's own type. */
    indexOfItsType: boolean;
}

function view(token: IToken): TokenView {
    return {
        type: token.tokenType.name,
        image: token.image,
        startOffset: token.startOffset,
        endOffset: token.endOffset,
        startLine: token.startLine,
        startColumn: token.startColumn,
        endLine: token.endLine,
        endColumn: token.endColumn,
        indexOfItsType: token.tokenTypeIdx === token.tokenType.tokenTypeIdx
    };
}

/** Whether the fast scanner took the text; when it did, its tokens equal chevrotain's. */
function compareLexers(text: string): boolean {
    const expected = referenceLexer.tokenize(text);
    const actual = fastLexer.tokenize(text);
    const tookIt = expected.errors.length === 0;
    // Either way the result is chevrotain's (the fast scanner steps aside at the first error).
    expect(actual.errors.map(e => [e.offset, e.length, e.message])).toEqual(expected.errors.map(e => [e.offset, e.length, e.message]));
    expect(actual.tokens.map(view)).toEqual(expected.tokens.map(view));
    expect(actual.hidden.map(view)).toEqual(expected.hidden.map(view));
    return tookIt;
}

/** A CST as plain data: every node's kind, grammar element, hidden flag, offset, length and range. */
function cstShape(node: CstNode): unknown {
    const grammar = node.grammarSource
        ? `${node.grammarSource.$type}:${GrammarAST.isKeyword(node.grammarSource) ? node.grammarSource.value : ''}`
        : '';
    const base = { grammar, hidden: node.hidden, offset: node.offset, length: node.length, range: node.range, text: node.text };
    if (isLeafCstNode(node)) return { ...base, token: node.tokenType.name };
    if (isCompositeCstNode(node)) return { ...base, content: node.content.map(cstShape) };
    return base;
}

/** An AST as plain data (references by their text; containers and CST links left out). */
function astShape(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(astShape);
    if (value && typeof value === 'object') {
        if ('$refText' in value) return { ref: (value as { $refText: string }).$refText };
        const out: Record<string, unknown> = {};
        for (const [key, inner] of Object.entries(value)) {
            if (key === '$container' || key === '$cstNode' || key === '$document') continue;
            out[key] = astShape(inner);
        }
        return out;
    }
    return value;
}

function compareParsers(text: string): void {
    const expected = reference.parser.LangiumParser.parse(text);
    const actual = fast.parser.LangiumParser.parse(text);
    expect(actual.parserErrors.map(e => e.message)).toEqual(expected.parserErrors.map(e => e.message));
    expect(astShape(actual.value)).toEqual(astShape(expected.value));
    expect(cstShape((actual.value as AstNode).$cstNode as CstNode)).toEqual(cstShape((expected.value as AstNode).$cstNode as CstNode));
}

const files = [
    ...exampleFolders().flatMap(folder => Object.values(folder.files)),
    ...fs
        .readdirSync(import.meta.dirname)
        .filter(name => name.endsWith('.ops'))
        .map(name => fs.readFileSync(path.join(import.meta.dirname, name), 'utf8'))
];

/**
 * The heap used after a full GC in this worker (the flag turns on the `gc` of contexts made after it), read
 * after a pause, as bench/lib/copies.mjs does (right after a GC it still moves by ±0.4 MB).
 */
async function settled(): Promise<number> {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    await new Promise(resolve => setTimeout(resolve, 30));
    gc();
    gc();
    return process.memoryUsage().heapUsed;
}

describe('the fast lexer', () => {
    it('is switched on for the grammar as it is', () => {
        expect(fastLexer.usesFastPath).toBe(true);
    });

    it('lexes the examples and the grammar fixtures exactly as chevrotain does, and the parser builds the same trees', () => {
        expect(files.length).toBeGreaterThan(8);
        for (const text of files) {
            compareLexers(text);
            compareParsers(text);
        }
    });

    it('keeps lines and columns across every kind of line ending and multi-line comments', () => {
        const text =
            'goal A {\r\n  target 10 x by 2027-03-31 /* one\r\ntwo\rthree\n*/ owner bob\r}\n// end\u2028still a comment\n"a\u2028b" ^goal goals zh-CN zh-CNx 𠀀x 2027-Q1 2027-3 2027-03-315 1_000.5% 4.35亿 20k 7M';
        expect(compareLexers(text)).toBe(true);
        compareParsers(text);
    });

    it('keeps positions past column 4,095 and line 262,143, where a leaf no longer packs line and column in one integer', () => {
        const long = `goal A { owner bob ${' '.repeat(4090)}/* wide */ owner eve ${'x '.repeat(3000)}}\n// after\n/* two\nlines */ goal B {}`;
        expect(compareLexers(long)).toBe(true);
        compareParsers(long);
        const tall = `${'\n'.repeat(262_142)}goal A { owner bob }\n// comment\ngoal B { owner eve } /* x\ny */`;
        expect(compareLexers(tall)).toBe(true);
        // Leaves on both sides of the limit: line 262,142 packs, 262,144 does not.
        const leaves = (fast.parser.Lexer.tokenize(tall).tokens as IToken[]).map(
            t => (t as unknown as { range: { start: { line: number } } }).range.start.line
        );
        expect(leaves[0]).toBe(262_142);
        expect(leaves.at(-1)).toBe(262_144);
    });

    it('gives the repeats of a name, a string, a number or a date one string (their heap: bench/NOTES.md, round five)', async () => {
        const count = 200_000;
        const bytesPerToken = async (word: string) => {
            // Made flat here (a repeat is a tree of pieces that the lexer's first read would copy).
            const text = Array(count).fill(word).join(' ');
            text.charCodeAt(0);
            const before = await settled();
            const { tokens } = fastLexer.tokenize(text);
            const kept = (await settled()) - before;
            expect(tokens).toHaveLength(count);
            return kept / count;
        };
        // A keyword's image is its type's string: what a token costs without a string of its own.
        const keyword = await bytesPerToken('goal');
        // Each of these kept a string per token (24–32 bytes) before the repeats shared the first one's.
        for (const repeated of ['lead_operations_person_1', 'lead_1', '"Beta feedback is strong"', '1_250.75', '2027-03-31', '40%']) {
            expect((await bytesPerToken(repeated)) - keyword, repeated).toBeLessThan(8);
        }
    });

    it('returns the tokens and the comments only: no caller keeps the scan’s table of images', () => {
        const scanner = (fastLexer as unknown as { fast: FastLexer }).fast;
        const text = 'goal LongGoalName_1 { owner alice } // a comment\n';
        expect(Object.keys(scanner.tokenize(text) ?? {})).toEqual(['tokens', 'hidden']);
        const steps = scanner.tokenizeInSteps(text, 8);
        let step = steps.next();
        while (!step.done) step = steps.next();
        expect(Object.keys(step.value ?? {})).toEqual(['tokens', 'hidden']);
    });

    it('keeps no slice of the text: names, strings and comments of 13 characters or more do not hold the text once it is dropped', async () => {
        // 4 MB of comment (two bytes a character: it has Chinese), then long names, strings and comments.
        const filler = `// ${'填充'.repeat(1_000_000)}\n`;
        const lexHolding = () => {
            const text = `${filler}person operations_lead_one "Operations lead (华东)" // long comment here\n`;
            text.charCodeAt(0);
            const { tokens, hidden } = fastLexer.tokenize(text);
            return [...tokens.slice(1, 3), ...hidden.slice(1)].map(token => token.image);
        };
        const before = await settled();
        const images = lexHolding();
        const kept = (await settled()) - before;
        expect(images).toEqual(['operations_lead_one', '"Operations lead (华东)"', '// long comment here']);
        // A slice would keep the whole 4 MB text.
        expect(kept).toBeLessThan(100_000);
    });

    it('steps aside for chevrotain wherever chevrotain reports a lexing error', () => {
        for (const text of ['goal A { target １２ x }', 'a /* open', '"open', '"esc\\\u2028"', 'x . y', '- x', '^ 1', '😀']) {
            expect(compareLexers(text)).toBe(false);
        }
    });

    it('agrees with chevrotain on fuzzed text: token soups, Unicode text and random playbooks (seed 80_101)', () => {
        let taken = 0;
        fc.assert(
            fc.property(fc.oneof(tokenSoup(60), unicodeText, randomPlaybook), text => {
                if (compareLexers(text)) taken++;
                compareParsers(text);
            }),
            { seed: 80_101, numRuns: 400 }
        );
        // The property must exercise the fast path, not only the fallback.
        expect(taken).toBeGreaterThan(50);
    });
});
