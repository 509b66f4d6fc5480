// parser/opsbook-parser.ts builds each AST node with its own `construct` (lists copied to their size, the
// children's containers set while the node is fresh), consumes tokens with a plan per grammar element
// (`consumeByPlan`) and parses without Langium's last walk over the whole tree (`linkContentToContainer`).
// Guard: the AST, with every node's `$container`, `$containerProperty`, `$containerIndex` and its
// properties in the same order, and the CST with its comments, are the ones Langium's own parser builds —
// on the examples, the grammar fixtures, a benchmark playbook and fuzzed texts, with and without syntax
// errors.

import fc from 'fast-check';
import {
    type AstNode,
    AstUtils,
    type CstNode,
    createLangiumParser,
    EmptyFileSystem,
    GrammarAST,
    isCompositeCstNode,
    isLeafCstNode,
    type LangiumParser
} from 'langium';
import { describe, expect, it } from 'vitest';
import { corpus, fuzzedText } from './corpus.js';
import { singlePlaybook } from '../../bench/generate.mjs';
import { createOpsbookCoreServices } from '../../packages/language/src/index.js';
import { type AssigningParser, keepFirstValue } from '../../packages/language/src/parser/opsbook-parser.js';
import { astShape, expectLinked } from './tree-shapes.js';

const ours = createOpsbookCoreServices(EmptyFileSystem).Opsbook.parser.LangiumParser;
// Langium's parser as it comes (its `construct`, its `parse` ending with `linkContentToContainer`), with
// our lexer and only the one change that alters the AST (a property's first value is kept).
const langium: LangiumParser = createLangiumParser(createOpsbookCoreServices(EmptyFileSystem).Opsbook);
keepFirstValue(langium as unknown as AssigningParser);

/** Every node's container, as the index of the container in the tree's order (-1 for the root). */
function containers(root: AstNode): number[] {
    const nodes = AstUtils.streamAst(root).toArray();
    const order = new Map(nodes.map((node, index) => [node, index]));
    return nodes.map(node => (node.$container ? (order.get(node.$container) ?? -2) : -1));
}

/** A CST as plain data: every node's kind, grammar element, hidden flag, offset, length and text. */
function cstShape(node: CstNode): unknown {
    const grammar = node.grammarSource
        ? `${node.grammarSource.$type}:${GrammarAST.isKeyword(node.grammarSource) ? node.grammarSource.value : ''}`
        : '';
    const base = { grammar, hidden: node.hidden, offset: node.offset, length: node.length, text: node.text };
    if (isLeafCstNode(node)) return { ...base, token: node.tokenType.name };
    if (isCompositeCstNode(node)) return { ...base, content: node.content.map(cstShape) };
    return base;
}

let withErrors = 0;

function compare(text: string): void {
    const expected = langium.parse(text);
    const actual = ours.parse(text);
    if (actual.parserErrors.length > 0) withErrors++;
    // astShape keeps `$containerProperty` and `$containerIndex` and every node's keys in order.
    expect(astShape(actual.value)).toEqual(astShape(expected.value));
    expect(containers(actual.value)).toEqual(containers(expected.value));
    expect(cstShape(actual.value.$cstNode as CstNode)).toEqual(cstShape(expected.value.$cstNode as CstNode));
    expect(actual.parserErrors.map(e => e.message)).toEqual(expected.parserErrors.map(e => e.message));
    expectLinked(actual);
}

const files = corpus;

describe("our `construct` and `parse` against Langium's (parser/opsbook-parser.ts)", () => {
    it('build the same AST and containers for the examples, the grammar fixtures and a benchmark playbook', () => {
        expect(files.length).toBeGreaterThan(8);
        withErrors = 0;
        for (const text of files) compare(text);
        expect(withErrors).toBeGreaterThan(0); // recovery.ops
        compare(singlePlaybook(300));
    });

    it('link a node whose value was left out (a property given twice) and a list built across an unassigned rule call', () => {
        compare('goal G {\n  owner alice\n  owner bob\n  milestone 1 x by 2027-01-01\n  milestone 2 x by 2027-02-01\n}\n');
        compare('channel C { delivers 1 x to G delivers 2 y to G kind paid kind organic }\nperson p { }');
    });

    it('agree on random playbooks, token soups and mutated examples (seed 52_311)', () => {
        withErrors = 0;
        fc.assert(
            fc.property(fuzzedText, text => compare(text)),
            { seed: 52_311, numRuns: 300 }
        );
        expect(withErrors).toBeGreaterThan(40);
    });

    it("consumes as Langium's `consume` does, which still reads the assignment, the keyword and the comments per token", () => {
        const proto = Object.getPrototypeOf(langium) as { consume: { toString(): string } };
        for (const step of [
            'this.extractHiddenTokens(token)',
            'this.getAssignment(feature)',
            'isKeyword(feature)',
            'isDataTypeNode(current)'
        ])
            expect(String(proto.consume)).toContain(step);
        expect(Object.hasOwn(ours, 'consume')).toBe(true);
        compare('// c\ngoal A /* b */ { owner x // d\n target 1 m by 2027-01-01 }\n/* e */ person x\n// end');
    });

    it("no longer walks the tree after the parse: Langium's `parse` still ends with that walk, which ours leaves out", () => {
        const proto = Object.getPrototypeOf(langium) as { parse: { toString(): string } };
        expect(String(proto.parse)).toContain('linkContentToContainer(result, { deep: true })');
        // The whole of Langium's `parse`, statement by statement: ours (opsbook-parser.ts `parseWithoutRelinking`)
        // is a copy of it without that last walk, so any other change in a Langium upgrade must be looked at.
        expect(String(proto.parse).replace(/\s+/g, ' ')).toBe(
            [
                'parse(input, options = {}) {',
                'this.nodeBuilder.buildRootNode(input);',
                'const lexerResult = this.lexerResult = this.lexer.tokenize(input);',
                'this.wrapper.input = lexerResult.tokens;',
                'const ruleMethod = options.rule ? this.allRules.get(options.rule) : this.mainRule;',
                "if (!ruleMethod) { throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.'); }",
                'const result = this.doParse(ruleMethod);',
                'this.nodeBuilder.addHiddenNodes(lexerResult.hidden);',
                'this.unorderedGroups.clear();',
                'this.lexerResult = undefined;',
                'linkContentToContainer(result, { deep: true });',
                'return { value: result, lexerErrors: lexerResult.errors, lexerReport: lexerResult.report, parserErrors: this.wrapper.errors };',
                '}'
            ].join(' ')
        );
        expect(Object.hasOwn(ours, 'parse')).toBe(true);
        expect(String(ours.parse)).not.toContain('linkContentToContainer');
    });
});
