import type { LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
import type { DocumentLinkProvider } from 'langium/lsp';
import type { DocumentLink } from 'vscode-languageserver';
import type { Document, Import } from '../../generated/ast.js';
import type { OpsbookServices } from '../opsbook-services.js';

/** Each `import "team.ops"` links to the file it resolves to (missing files get no link, and a diagnostic). */
export class OpsbookDocumentLinkProvider implements DocumentLinkProvider {
    constructor(private readonly services: OpsbookServices) {}

    getDocumentLinks(document: LangiumDocument): DocumentLink[] {
        const links: DocumentLink[] = [];
        for (const element of (document.parseResult.value as Document).elements ?? []) {
            if (element.$type !== 'Import') continue;
            const resolution = this.services.references.ImportResolver.resolve(document, element as Import);
            const pathNode = GrammarUtils.findNodeForProperty(element.$cstNode, 'path');
            if (resolution.kind !== 'resolved' || !pathNode) continue;
            links.push({ range: pathNode.range, target: resolution.uri.toString(), tooltip: resolution.uri.fsPath || resolution.uri.path });
        }
        return links;
    }
}
