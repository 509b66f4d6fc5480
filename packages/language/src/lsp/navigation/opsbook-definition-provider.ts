import type { LangiumDocument, MaybePromise } from 'langium';
import { CstUtils, GrammarUtils } from 'langium';
import { DefaultDefinitionProvider } from 'langium/lsp';
import type { DefinitionParams, LocationLink } from 'vscode-languageserver';
import type { Import } from '../../generated/ast.js';
import type { OpsbookServices } from '../opsbook-services.js';

/** Langium's go-to-definition (references across imports), plus an import's path opening its file. */
export class OpsbookDefinitionProvider extends DefaultDefinitionProvider {
    constructor(private readonly services: OpsbookServices) {
        super(services);
    }

    override getDefinition(document: LangiumDocument, params: DefinitionParams): MaybePromise<LocationLink[] | undefined> {
        const root = document.parseResult.value.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position)) : undefined;
        if (leaf?.astNode.$type === 'Import' && leaf === GrammarUtils.findNodeForProperty(leaf.astNode.$cstNode, 'path')) {
            const resolution = this.services.references.ImportResolver.resolve(document, leaf.astNode as Import);
            if (resolution.kind !== 'resolved') return undefined;
            const start = { line: 0, character: 0 };
            return [
                {
                    originSelectionRange: leaf.range,
                    targetUri: resolution.uri.toString(),
                    targetRange: { start, end: start },
                    targetSelectionRange: { start, end: start }
                }
            ];
        }
        return super.getDefinition(document, params);
    }
}
