// parser/opsbook-value-converter.ts decides once per grammar element how a token is converted (Langium
// decides per token, upper-casing the rule's name). Guard: every token of the examples, the grammar
// fixtures and fuzzed texts converts to what Langium's `DefaultValueConverter.convert` with our rules
// (NAME and LocaleCode without a leading `^`, STRING with SPEC §2 escapes) gives.

import fc from 'fast-check';
import {
    type CstNode,
    CstUtils,
    DefaultValueConverter,
    EmptyFileSystem,
    GrammarAST,
    GrammarUtils,
    isLeafCstNode,
    type ValueType
} from 'langium';
import { describe, expect, it } from 'vitest';
import { examples, fixtures, fuzzedText } from './corpus.js';
import { createOpsbookCoreServices } from '../../packages/language/src/index.js';
import { convertString, OpsbookValueConverter } from '../../packages/language/src/parser/opsbook-value-converter.js';

/** The converter as it was: Langium's per-token dispatch with our three rules first. */
class PerTokenConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'NAME' || rule.name === 'LocaleCode') return input.startsWith('^') ? input.substring(1) : input;
        if (rule.name === 'STRING') return convertString(input);
        return super.runConverter(rule, input, cstNode);
    }
}

const { Opsbook } = createOpsbookCoreServices(EmptyFileSystem);
const parser = Opsbook.parser.LangiumParser;
const ours = Opsbook.parser.ValueConverter;
const reference = new PerTokenConverter();
let compared = 0;

function compare(text: string): void {
    const root = parser.parse(text).value.$cstNode;
    if (!root) return;
    for (const node of CstUtils.streamCst(root)) {
        // Tokens, and the nodes of data-type rules (`LocaleCode`), which Langium's `construct` converts whole.
        const dataType =
            !isLeafCstNode(node) &&
            GrammarAST.isRuleCall(node.grammarSource) &&
            GrammarUtils.isDataTypeRule(node.grammarSource.rule.ref as GrammarAST.ParserRule);
        if (!(isLeafCstNode(node) && !node.hidden) && !dataType) continue;
        expect(ours.convert(node.text, node), `${node.text} at ${node.offset}`).toEqual(reference.convert(node.text, node));
        compared++;
        if (dataType) dataTypes++;
    }
}
let dataTypes = 0;

describe('token values converted by a decision per grammar element (parser/opsbook-value-converter.ts)', () => {
    it('is the converter the parser uses', () => {
        expect(ours).toBeInstanceOf(OpsbookValueConverter);
        expect((parser as unknown as { converter: unknown }).converter).toBe(ours);
    });

    it("gives Langium's values for every token of the examples and the grammar fixtures", () => {
        compared = 0;
        for (const text of [...examples.flatMap(folder => Object.values(folder.files)), ...fixtures]) compare(text);
        expect(compared).toBeGreaterThan(4000);
        // A caret name, an escaped string, a cross-reference (the owner), a number and a date.
        compare('goal ^goal "a \\"b\\" \\\\ c\\n" { owner ^person target 20k signups by 2027-01-31 }');
        // Both kinds of locale: the keyword and a caret name (a data-type rule's value).
        dataTypes = 0;
        compare('playbook P { locale zh-CN }');
        compare('playbook Q { locale ^zh }');
        expect(dataTypes).toBe(2);
    });

    it("gives Langium's values on random playbooks, token soups and mutated examples (seed 52_312)", () => {
        compared = 0;
        fc.assert(
            fc.property(fuzzedText, text => compare(text)),
            { seed: 52_312, numRuns: 200 }
        );
        expect(compared).toBeGreaterThan(2000);
    });
});
