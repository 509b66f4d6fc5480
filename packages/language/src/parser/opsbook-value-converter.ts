import type { CstNode, GrammarAST, ValueType } from 'langium';
import { DefaultValueConverter } from 'langium';

/**
 * Numbers, percentages and dates stay strings in the AST: the value layer converts them exactly
 * (`4.35亿` must be 435,000,000, not a float). Names written with a leading `^` lose it.
 */
export class OpsbookValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'NAME' || rule.name === 'LocaleCode') {
            return input.startsWith('^') ? input.substring(1) : input;
        }
        if (rule.name === 'STRING') {
            return convertString(input);
        }
        return super.runConverter(rule, input, cstNode);
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
