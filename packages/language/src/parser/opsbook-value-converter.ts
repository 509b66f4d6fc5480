import type { CstNode, GrammarAST, ValueType } from 'langium';
import { DefaultValueConverter, GrammarAST as Grammar, GrammarUtils, ValueConverter } from 'langium';

type Convert = (input: string) => ValueType;
const asWritten: Convert = input => input;
const withoutCaret: Convert = input => (input.startsWith('^') ? input.substring(1) : input);

/**
 * Numbers, percentages and dates stay strings in the AST: the value layer converts them exactly
 * (`4.35亿` must be 435,000,000, not a float). Names written with a leading `^` lose it.
 *
 * The parser converts every token it assigns (440k in a 100k-line playbook). Langium decides how,
 * per token, from the grammar: the element's kind (cross-reference, rule call), then the rule's name
 * upper-cased and its type lower-cased (two new strings per token). The decision depends on the
 * grammar element alone, so it is made once per element and kept (`convert`); `runConverter` is
 * Langium's dispatch with ours first, for any other caller.
 */
export class OpsbookValueConverter extends DefaultValueConverter {
    private readonly byElement = new Map<GrammarAST.AbstractElement, Convert>();

    override convert(input: string, cstNode: CstNode): ValueType {
        const element = cstNode.grammarSource;
        if (!element) return super.convert(input, cstNode);
        let convert = this.byElement.get(element);
        if (convert === undefined) {
            convert = this.converterFor(element);
            this.byElement.set(element, convert);
        }
        return convert(input);
    }

    /** What Langium's `convert` and our `runConverter` do with a token of `element`, as a function of its text. */
    private converterFor(element: GrammarAST.AbstractElement): Convert {
        const terminal = Grammar.isCrossReference(element) ? GrammarUtils.getCrossReferenceTerminal(element) : element;
        if (!Grammar.isRuleCall(terminal)) return asWritten;
        const rule = terminal.rule.ref;
        if (!rule) throw new Error('This cst node was not parsed by a rule.');
        return converterOf(rule);
    }

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, _cstNode: CstNode): ValueType {
        return converterOf(rule)(input);
    }
}

/** Ours for NAME, LocaleCode and STRING; else Langium's `DefaultValueConverter.runConverter`, decided once. */
function converterOf(rule: GrammarAST.AbstractRule): Convert {
    if (rule.name === 'NAME' || rule.name === 'LocaleCode') return withoutCaret;
    if (rule.name === 'STRING') return convertString;
    switch (rule.name.toUpperCase()) {
        case 'INT':
            return ValueConverter.convertInt;
        case 'STRING':
            return ValueConverter.convertString;
        case 'ID':
            return ValueConverter.convertID;
    }
    switch (GrammarUtils.getRuleType(rule)?.toLowerCase()) {
        case 'number':
            return ValueConverter.convertNumber;
        case 'boolean':
            return ValueConverter.convertBoolean;
        case 'bigint':
            return ValueConverter.convertBigint;
        case 'date':
            return ValueConverter.convertDate;
        default:
            return asWritten;
    }
}

/**
 * SPEC §2 escapes: `\"`, `\\`, `\n` (and `\t`); any other escaped character stands for itself.
 *
 * Without an escape the value is a slice of the token (one small object pointing into the source);
 * with escapes it is joined once. Appending character by character made a chain of one V8 cons string
 * per character, kept for as long as the AST: about 1 KB per title, 2× the source’s size in all
 * (bench/NOTES.md, "Round three — 100k lines and heap").
 */
export function convertString(input: string): string {
    const end = input.length - 1;
    let backslash = input.indexOf('\\', 1);
    if (backslash === -1 || backslash >= end - 1) return input.slice(1, end);
    const parts: string[] = [];
    let from = 1;
    while (backslash !== -1 && backslash < end - 1) {
        parts.push(input.slice(from, backslash));
        const next = input.charAt(backslash + 1);
        parts.push(next === 'n' ? '\n' : next === 't' ? '\t' : next);
        from = backslash + 2;
        backslash = input.indexOf('\\', from);
    }
    parts.push(input.slice(from, end));
    return parts.join('');
}
