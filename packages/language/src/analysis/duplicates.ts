import type { Assessment, Element } from '../generated/ast.js';

/**
 * The copies that `duplicate-name` reports: an element whose name an earlier element of the same file
 * already declares, and a second `assessment` of one person. SPEC §3: one error, the one to fix — the
 * first declaration counts everywhere and a copy is left out of the analysis, so no other rule (and no
 * unresolved reference inside it) is reported about it. `seen` carries the names already declared
 * (a file's own names when its imports are filtered: the own file shadows them, SPEC §4).
 */
export function ignoredCopies(elements: readonly Element[], seen: Set<string> = new Set()): Set<Element> {
    const copies = new Set<Element>();
    const assessed = new Set<string>();
    for (const element of elements) {
        if (element.$type === 'Assessment') {
            const person = (element as Assessment).person?.$refText;
            if (!person) continue;
            if (assessed.has(person)) copies.add(element);
            else assessed.add(person);
            continue;
        }
        const name = (element as { name?: unknown }).name;
        if (typeof name !== 'string' || name.length === 0) continue;
        if (seen.has(name)) copies.add(element);
        else seen.add(name);
    }
    return copies;
}

/**
 * A file's elements and its imports' without the copies: each name counts once, own file first, then
 * the imports in order (as the scope resolves names).
 */
export function withoutCopies(own: readonly Element[], imported: readonly (readonly Element[])[]): { own: Element[]; imported: Element[] } {
    const seen = new Set<string>();
    const ownCopies = ignoredCopies(own, seen);
    const keptImports: Element[] = [];
    for (const elements of imported) {
        const copies = ignoredCopies(elements, seen);
        for (const element of elements) if (!copies.has(element)) keptImports.push(element);
    }
    return { own: own.filter(element => !ownCopies.has(element)), imported: keptImports };
}
