import type { Grammar } from 'langium';
import { GrammarAST, GrammarUtils } from 'langium';

/**
 * For each element rule with a `{ ( ... | ... )* }` block, the property keywords its block accepts, in
 * grammar order (`part of`, `cpa at most` as phrases). Derived from the grammar itself so that the
 * syntax-error messages, completion and the duplicate-property check never drift from it.
 */
export function collectBlockProperties(grammar: Grammar): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const rule of grammar.rules) {
        if (!GrammarAST.isParserRule(rule) || GrammarUtils.isDataTypeRule(rule)) continue;
        const loop = findPropertyLoop(rule.definition);
        if (loop) {
            const phrases = GrammarAST.isAlternatives(loop) ? loop.elements.map(leadingPhrase) : [leadingPhrase(loop)];
            result.set(
                rule.name,
                phrases.filter((phrase): phrase is string => !!phrase)
            );
        }
    }
    return result;
}

/** The `*` loop that follows a '{' keyword inside the rule's definition. */
function findPropertyLoop(element: GrammarAST.AbstractElement): GrammarAST.AbstractElement | undefined {
    if (GrammarAST.isGroup(element)) {
        const elements = element.elements;
        for (let i = 0; i < elements.length - 1; i++) {
            const current = elements[i];
            const next = elements[i + 1];
            if (GrammarAST.isKeyword(current) && current.value === '{' && next.cardinality === '*') {
                return unwrapLoop(next);
            }
        }
        for (const child of elements) {
            const found = findPropertyLoop(child);
            if (found) return found;
        }
    }
    return undefined;
}

function unwrapLoop(element: GrammarAST.AbstractElement): GrammarAST.AbstractElement {
    if (GrammarAST.isGroup(element) && element.elements.length === 1) return element.elements[0];
    if (GrammarAST.isAssignment(element)) return element.terminal;
    return element;
}

/** The keywords an alternative starts with, as one phrase: 'part of', 'cpa at most', 'delivers'. */
export function leadingPhrase(element: GrammarAST.AbstractElement): string | undefined {
    const words: string[] = [];
    const seen = new Set<string>();
    // Returns whether the phrase may continue after `current`: it stops at the first value.
    const visit = (current: GrammarAST.AbstractElement): boolean => {
        if (GrammarAST.isKeyword(current)) {
            words.push(current.value);
            return !current.cardinality;
        }
        if (GrammarAST.isAssignment(current)) {
            return words.length === 0 && !current.cardinality ? visit(current.terminal) : false;
        }
        if (GrammarAST.isRuleCall(current)) {
            const rule = current.rule.ref;
            if (words.length === 0 && rule && GrammarAST.isParserRule(rule) && !seen.has(rule.name)) {
                seen.add(rule.name);
                return visit(rule.definition);
            }
            return false;
        }
        if (GrammarAST.isGroup(current)) {
            // The loop itself may be the group (`( 'lead' lead=[Person:NAME] )*`, a team's only property).
            if (current.cardinality && current !== element) return false;
            for (const child of current.elements) {
                if (!visit(child)) return false;
            }
            return true;
        }
        if (GrammarAST.isAlternatives(current) && words.length === 0 && current.elements.length > 0) {
            // `'every' ... | 'at' DATE` (a review schedule): name the first alternative only.
            visit(current.elements[0]);
        }
        return false;
    };
    visit(element);
    return words.length > 0 ? words.join(' ') : undefined;
}
