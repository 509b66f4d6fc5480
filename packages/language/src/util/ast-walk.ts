import type { AstNode, ReferenceInfo } from 'langium';
import { isAstNode, isMultiReference, isReference } from 'langium';

/**
 * Every AST node under `root` (root included) in the order of Langium's `streamAst`: depth first, each
 * node before its children, children in property order. Langium's streams allocate an iterator, a key
 * array and a result object per node; on a 100k-line playbook (~90k nodes) that garbage cost more than
 * the validation it fed. One array, one pass.
 */
export function allAstNodes(root: AstNode): readonly AstNode[] {
    let nodes = lists.get(root);
    if (!nodes) {
        nodes = walk(root);
        lists.set(root, nodes);
    }
    return nodes;
}

/**
 * Linking and validation walk the same tree one after the other; the list is kept per root. A tree's
 * containment never changes after parsing (an edit makes a new root, also when only the edited elements
 * are parsed again: parser/incremental-parse.ts), so the list cannot go stale.
 */
const walked = new WeakMap<AstNode, readonly AstNode[]>();

function walk(root: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    const pending: AstNode[] = [root];
    const children: AstNode[] = [];
    while (pending.length > 0) {
        const node = pending.pop() as AstNode;
        nodes.push(node);
        for (const key in node) {
            if (key.charCodeAt(0) === 36 /* $ */) continue;
            const value = (node as unknown as Record<string, unknown>)[key];
            if (Array.isArray(value)) {
                for (const element of value) if (isAstNode(element)) children.push(element);
            } else if (isAstNode(value)) {
                children.push(value);
            }
        }
        // Pushed in reverse so that the first child is visited first.
        while (children.length > 0) pending.push(children.pop() as AstNode);
    }
    return nodes;
}

/** The cross-references held directly by `node`, in property order, as Langium's `streamReferences` gives them. */
export function forEachReference(node: AstNode, visit: (reference: ReferenceInfo) => void): void {
    for (const property in node) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value) || isMultiReference(value)) {
            visit({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const element = value[index];
                if (isReference(element) || isMultiReference(element)) visit({ reference: element, container: node, property, index });
            }
        }
    }
}

/** The lists kept now: `walked` until the first `forgetWalks`. */
let lists = walked;

/**
 * Forgets every list (they are made again when next asked). The editor calls it after each build: a
 * list is a pointer per AST node (a 100k-line playbook: 0.7 MB) that only the next build's linking
 * of a dependant would read again, and making it again costs one walk.
 */
export function forgetWalks(): void {
    lists = new WeakMap();
}
