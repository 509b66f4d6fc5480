// `npm run langium:generate`: langium-cli's generator, with two changes.
// 1. The grammar's property blocks are loops of alternatives, `'{' ('target' target=Target | 'owner' …)* '}'`,
//    each property assigned with `=` because it holds one value; a repeated property is reported by the
//    `duplicate-property` rule, not by turning the feature into an array. Langium warns "Found multiple
//    assignments … Consider using '+='" for every such assignment (about 40 lines). This script drops
//    that warning for exactly this shape — an assignment in a group that starts with its keyword, directly
//    inside a `( … | … )*` loop — and keeps it (and every other diagnostic) anywhere else.
// 2. On success it prints nothing (langium-cli prints three progress lines); on failure everything.
// Node 20 needs the group-by polyfill first (see packages/language/polyfill.mjs).
import '../packages/language/polyfill.mjs';
import { GrammarAST } from 'langium';
import { LangiumGrammarValidator } from 'langium/grammar';

const check = LangiumGrammarValidator.prototype.checkOperatorMultiplicitiesForMultiAssignments;
LangiumGrammarValidator.prototype.checkOperatorMultiplicitiesForMultiAssignments = function (rule, accept) {
    check.call(this, rule, (severity, message, info) => {
        if (severity === 'warning' && isPropertyOfLoop(info.node)) return;
        accept(severity, message, info);
    });
};

/**
 * One property of a block: in `( 'kw' … feature=Value … | flag?='kw' … | … )*` (or a one-property loop
 * `( 'kw' feature=Value )*`), an assignment with `=` or `?=` directly in an alternative that starts with
 * its keyword.
 */
export function isPropertyOfLoop(node) {
    if (!GrammarAST.isAssignment(node) || node.operator === '+=') return false;
    const group = node.$container;
    if (GrammarAST.isGroup(group) && GrammarAST.isKeyword(group.elements[0]))
        return isLoop(group) || (group.cardinality === undefined && isLoop(group.$container));
    if (GrammarAST.isGroup(group) && group.elements[0] === node && node.operator === '?=' && GrammarAST.isKeyword(node.terminal)) {
        return group.cardinality === undefined && isLoop(group.$container);
    }
    return false;
}

function isLoop(node) {
    return (GrammarAST.isAlternatives(node) || GrammarAST.isGroup(node)) && node.cardinality === '*';
}

const logged = [];
const log = console.log;
console.log = (...args) => logged.push(args);
const file = process.argv[2] ?? 'langium-config.json';
let success = false;
try {
    // Imported only now: langium-cli creates the grammar services (and registers the checks) on load.
    const { generate } = await import('langium-cli');
    success = await generate({ file });
} finally {
    console.log = log;
    if (!success) for (const args of logged) console.log(...args);
}
process.exit(success ? 0 : 2);
