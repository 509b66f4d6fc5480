// The parse in slices (packages/language/src/parser/chunked-parser.ts), which the language server uses
// for large documents so that other requests and the next edit get a turn between slices, must be
// invisible: the same AST (with containers and indexes), the same CST (kinds, grammar elements, hidden
// comments, offsets, ranges, texts), the same lexer and parser errors and the same diagnostics as the
// one-shot parse. Checked on the examples, the grammar fixtures, a benchmark playbook, fuzzed playbooks,
// token soups and mutated examples, with one element per slice so that every cut is exercised. A text
// with a syntax error is parsed in one go (chevrotain's recovery may cross a cut): checked too.

import fc from 'fast-check';
import {
    type AstNode,
    AstUtils,
    type CstNode,
    EmptyFileSystem,
    GrammarAST,
    isCompositeCstNode,
    isLeafCstNode,
    type LangiumDocument,
    type ParseResult,
    URI
} from 'langium';
import { describe, expect, it } from 'vitest';
import { corpus, examples } from './corpus.js';
import { singlePlaybook } from '../../bench/generate.mjs';
import { createOpsbookCoreServices, type Document } from '../../packages/language/src/index.js';
import { CHUNKED_PARSE_THRESHOLD, OpsbookAsyncParser, parseInSlices } from '../../packages/language/src/parser/chunked-parser.js';
import { mutant } from '../fuzz/support/mutations.js';
import { randomPlaybook } from '../fuzz/support/random-playbook.js';
import { expectEqualData } from '../expect-data.js';
import { astShape, expectLinked } from './tree-shapes.js';
import { tokenSoup } from '../fuzz/support/token-soup.js';

const { shared, Opsbook } = createOpsbookCoreServices(EmptyFileSystem);
const parser = Opsbook.parser.LangiumParser;
const lexer = Opsbook.parser.Lexer;

/** A CST as plain data: every node's kind, grammar element, hidden flag, offset, length, range and text. */
function cstShape(node: CstNode): unknown {
    const grammar = node.grammarSource
        ? `${node.grammarSource.$type}:${GrammarAST.isKeyword(node.grammarSource) ? node.grammarSource.value : ''}`
        : '';
    const base = { grammar, hidden: node.hidden, offset: node.offset, length: node.length, range: node.range, text: node.text };
    if (isLeafCstNode(node)) return { ...base, token: node.tokenType.name };
    if (isCompositeCstNode(node)) return { ...base, content: node.content.map(cstShape) };
    return base;
}

let sliced = 0;
let slicedWithErrors = 0;

/**
 * Parses `text` in slices of `sliceTokens` tokens (at least one element each), lexed `lexChars` characters
 * at a time, and in one go; compares.
 */
function compare(text: string, sliceTokens = 1, lexChars = 5): void {
    const expected = parser.parse(text);
    const steps = parseInSlices(parser, lexer, text, sliceTokens, lexChars);
    let step = steps.next();
    let yields = 0;
    while (!step.done) {
        // Another parse between two slices (the server parses other documents meanwhile) changes nothing.
        if (yields++ % 3 === 1) parser.parse('goal Other "x" { owner bob }\nmetric m count');
        step = steps.next();
    }
    const actual = step.value;
    if (yields > 2) {
        sliced++;
        if (actual.parserErrors.length > 0) slicedWithErrors++;
    }
    expect(actual.lexerErrors.map(e => [e.offset, e.length, e.line, e.column, e.message])).toEqual(
        expected.lexerErrors.map(e => [e.offset, e.length, e.line, e.column, e.message])
    );
    expect(actual.parserErrors.map(e => [e.message, e.token.startOffset])).toEqual(
        expected.parserErrors.map(e => [e.message, e.token.startOffset])
    );
    expectEqualData(astShape(actual.value), astShape(expected.value));
    expectEqualData(cstShape((actual.value as AstNode).$cstNode as CstNode), cstShape((expected.value as AstNode).$cstNode as CstNode));
    expectLinked(actual);
    // The same kind of reference too: the short one reads its holder from the leaf, and a slice's leaves
    // must not be taken for another node's (the root has the first slice's node meanwhile).
    expect(referenceClasses(actual)).toEqual(referenceClasses(expected));
}

/** The class of every reference in the tree, in document order. */
function referenceClasses(result: ParseResult): string[] {
    const names: string[] = [];
    for (const node of AstUtils.streamAst(result.value as AstNode))
        for (const reference of AstUtils.streamReferences(node)) names.push(reference.reference.constructor.name);
    return names;
}

let counter = 0;

/** The diagnostics of `text` built from the given parse result. */
async function diagnosticsOf(text: string, parse: (text: string) => ParseResult): Promise<unknown[]> {
    const uri = URI.parse(`memory:///chunked-${++counter}/main.ops`);
    const document = shared.workspace.LangiumDocumentFactory.fromString<Document>(text, uri);
    const result = parse(text);
    (result.value as Document & { $document?: LangiumDocument }).$document = document;
    document.parseResult = result as ParseResult<Document>;
    shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        return (document.diagnostics ?? []).map(d => [d.code, d.severity, d.message, d.range]);
    } finally {
        shared.workspace.LangiumDocuments.deleteDocument(uri);
        shared.workspace.IndexManager.remove(uri);
    }
}

function slicedParse(text: string): ParseResult {
    const steps = parseInSlices(parser, lexer, text, 1, 64);
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

const files = corpus;

describe('the parse in slices', () => {
    it('builds the one-shot trees and errors for the examples and the grammar fixtures, one element per slice', () => {
        expect(files.length).toBeGreaterThan(8);
        sliced = 0;
        for (const text of files) compare(text);
        // The property must exercise the cuts, not only the fallback (recovery.ops has syntax errors).
        expect(sliced).toBeGreaterThan(files.length / 2);
    });

    it('gives the same diagnostics as the one-shot parse on the examples and the fixtures', async () => {
        for (const text of files) expect(await diagnosticsOf(text, slicedParse)).toEqual(await diagnosticsOf(text, t => parser.parse(t)));
    });

    it('keeps comments at every cut: before, between and after elements, and inside blocks', () => {
        sliced = 0;
        compare(
            '// head\n/* a */ goal A { owner b } // after A\n// before B\ngoal B /* in */ { /* x */ }\n\n// between\nmetric m count\nperson p { }\n/* tail */\n// end'
        );
        compare('goal A { }\r\ngoal B { }\rgoal C {}// c\ngoal D {}');
        expect(sliced).toBe(2);
    });

    it('parses a benchmark-sized playbook in many slices to the same trees', () => {
        sliced = 0;
        const text = singlePlaybook(3000);
        compare(text, 200, 1000);
        compare(text, 2000, 40_000);
        expect(sliced).toBe(2);
    });

    it('keeps the one-shot recovery where a syntax error reaches across a cut', () => {
        sliced = 0;
        slicedWithErrors = 0;
        // Recovery deletes the `}` (the next token is the name it expected), so the block goes on into `goal B`.
        compare('goal A { owner a }\nassessment a { kpi A target 3 per }\ngoal B { owner b }\ngoal C { }');
        // An unclosed block: no cut until the next `}` at depth zero.
        compare('goal A { owner a\ngoal B { owner b }\ngoal C { } goal D { }');
        // A word split in two (the probe's edit), a stray `}`, junk between elements, a missing name.
        compare('goal A { }\nforecast F for A {\n  sale s 1 CNY finance 2 CNY\n}\ngoal B { owner b }\nperson p { }');
        compare('goal A { } } goal B { } x y goal C { } metric { } goal D { owner }\ngoal E { }');
        compare('goal A { } goal B { target 1 x by } goal C { part of } goal D { } 1 2 3');
        expect(sliced).toBe(5);
        expect(slicedWithErrors).toBe(5);
    });

    it('a syntax error costs one or two more slice parses, not a parse of the rest', () => {
        const internals = parser as unknown as { doParse: (rule: unknown) => unknown };
        const doParse = internals.doParse;
        const parses = (text: string): { calls: number; errors: number } => {
            let calls = 0;
            internals.doParse = function (this: unknown, rule: unknown) {
                calls++;
                return doParse.call(this, rule);
            };
            try {
                const steps = parseInSlices(parser, lexer, text, 50, 100_000);
                let step = steps.next();
                while (!step.done) step = steps.next();
                return { calls, errors: step.value.parserErrors.length };
            } finally {
                delete (internals as { doParse?: unknown }).doParse;
            }
        };
        const text = singlePlaybook(3000);
        const clean = parses(text);
        expect(clean).toEqual({ calls: expect.any(Number), errors: 0 });
        expect(clean.calls).toBeGreaterThan(200);
        // A stray word first, a word split in the middle (the probe's keystroke): chevrotain recovers at the next element.
        const middle = text.indexOf('sales', text.length / 2) + 4;
        for (const broken of [`stray\n${text}`, `${text.slice(0, middle)} ${text.slice(middle)}`]) {
            const result = parses(broken);
            expect(result.errors).toBeGreaterThan(0);
            expect(result.calls - clean.calls).toBeLessThanOrEqual(2);
            compare(broken, 50, 100_000);
        }
    });

    it('agrees with the one-shot parse on mutants of a benchmark playbook (seed 41_208)', () => {
        const base = singlePlaybook(300);
        sliced = 0;
        slicedWithErrors = 0;
        fc.assert(
            fc.property(
                fc.array(
                    fc.tuple(
                        fc.nat(),
                        fc.constantFrom('', ' ', '}', '{', '"', 'goal ', '} goal X {', '/*', '*/', '//', '\n', 'x', '1', ',', '->')
                    ),
                    { minLength: 1, maxLength: 4 }
                ),
                fc.integer({ min: 1, max: 60 }),
                (edits, sliceTokens) => {
                    let text = base;
                    for (const [at, insert] of edits) {
                        const where = at % text.length;
                        // Insert, or replace one character (an empty insert deletes it).
                        text =
                            insert === ''
                                ? text.slice(0, where) + text.slice(where + 1)
                                : text.slice(0, where) + insert + text.slice(where);
                    }
                    compare(text, sliceTokens, 997);
                }
            ),
            { seed: 41_208, numRuns: 150 }
        );
        expect(slicedWithErrors).toBeGreaterThan(100);
        // 150 parses of a 300-element playbook, twice each: ≈8 s on a quiet machine, several times that on a busy one.
    }, 180_000);

    it('agrees with the one-shot parse on random playbooks, token soups and mutated examples (seed 41_207)', () => {
        sliced = 0;
        slicedWithErrors = 0;
        let errors = 0;
        fc.assert(
            fc.property(
                fc.oneof(
                    randomPlaybook,
                    randomPlaybook,
                    tokenSoup(80),
                    mutant(examples).map(m => m.files[m.file] as string)
                ),
                fc.integer({ min: 1, max: 40 }),
                fc.integer({ min: 1, max: 300 }),
                (text, sliceTokens, lexChars) => {
                    if (parser.parse(text).parserErrors.length > 0) errors++;
                    compare(text, sliceTokens, lexChars);
                }
            ),
            { seed: 41_207, numRuns: 400 }
        );
        // Both kinds occur, in slices: texts without and with syntax errors.
        expect(sliced - slicedWithErrors).toBeGreaterThan(80);
        expect(errors).toBeGreaterThan(40);
        expect(slicedWithErrors).toBeGreaterThan(20);
    });

    it('is what the document builder uses above the threshold, and is cancelled between slices', async () => {
        const asyncParser = Opsbook.parser.AsyncParser;
        expect(asyncParser).toBeInstanceOf(OpsbookAsyncParser);
        const text = singlePlaybook(12_000);
        expect(text.length).toBeGreaterThan(CHUNKED_PARSE_THRESHOLD);
        const expected = parser.parse(text);
        const result = await asyncParser.parse(text, new (await import('vscode-languageserver')).CancellationTokenSource().token);
        expect(astShape(result.value)).toEqual(astShape(expected.value));
        // A token cancelled before the first slice ends the parse with Langium's OperationCancelled.
        const source = new (await import('vscode-languageserver')).CancellationTokenSource();
        source.cancel();
        await expect(asyncParser.parse(text, source.token)).rejects.toBe((await import('langium')).OperationCancelled);
    });
});
