// Shapes of a parse result shared by the parser equivalence tests (the parse in slices, the editor's
// incremental re-parse): an AST as plain data, and the links of every node checked in one \`expect\`.
import { type AstNode, AstUtils, type CstNode, type ParseResult } from 'langium';
import { expect } from 'vitest';

/** An AST as plain data, keys in order (references by their text; containers and CST links left out). */
export function astShape(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(astShape);
    if (value && typeof value === 'object') {
        if ('$refText' in value) return { ref: (value as { $refText: string }).$refText };
        const out: [string, unknown][] = [];
        for (const [key, inner] of Object.entries(value)) {
            if (key === '$container' || key === '$cstNode' || key === '$document') continue;
            out.push([key, astShape(inner)]);
        }
        return out;
    }
    return value;
}

/** Every node's container is its parent, its CST node leads back to it and lies in the one root CST. */
export function expectLinked(result: ParseResult): void {
    const root = result.value as AstNode;
    const rootCst = root.$cstNode as CstNode;
    expect(rootCst.astNode).toBe(root);
    // Collected, then one `expect` (vitest's `expect` per node would cost more than the parse).
    const broken: string[] = [];
    for (const node of AstUtils.streamAst(root)) {
        const at = `${node.$type} at ${node.$cstNode?.offset}`;
        if (node !== root && !(node.$container && AstUtils.streamContents(node.$container).some(child => child === node)))
            broken.push(`${at}: not a child of its $container`);
        if (node.$cstNode) {
            if (node.$cstNode.root !== rootCst) broken.push(`${at}: its CST node is outside the root CST`);
            if (node.$cstNode.astNode !== node) broken.push(`${at}: its CST node leads to another AST node`);
        }
    }
    expect(broken).toEqual([]);
}
