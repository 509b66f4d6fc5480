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

/** SPEC §2 escapes: `\"`, `\\`, `\n` (and `\t`); any other escaped character stands for itself. */
function convertString(input: string): string {
    let result = '';
    for (let i = 1; i < input.length - 1; i++) {
        const c = input.charAt(i);
        if (c === '\\' && i + 1 < input.length - 1) {
            const next = input.charAt(++i);
            result += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        } else {
            result += c;
        }
    }
    return result;
}
