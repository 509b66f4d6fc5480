import type { AstNode } from 'langium';

/** The element at the top of the file that contains `node` (a goal for its target's metric); undefined for the file itself. */
export function topLevelElementOf(node: AstNode | undefined): AstNode | undefined {
    let current = node;
    while (current?.$container && current.$container.$container) current = current.$container;
    return current?.$container ? current : undefined;
}
