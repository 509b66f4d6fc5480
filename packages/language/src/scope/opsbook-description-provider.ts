import type { AstNode, AstNodeDescription, AstNodeLocator, DocumentSegment, LangiumDocument, NameProvider } from 'langium';
import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider } from 'langium';
import type { URI } from 'vscode-uri';

/**
 * Descriptions of named elements (the index, our symbol tables, completion) that compute their path
 * and segments when read. Langium's make them at indexing time — a path string, a segment with its range,
 * a getter closure and its context per element, about 700 bytes each, 25k of them in a 100k-line
 * playbook — though most are only ever looked up by name. Same values, read on demand.
 */
export class OpsbookAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    /** The descriptions' class, made once per provider: a description keeps no reference to it. */
    private readonly Description = descriptionClass(
        () => this.astNodeLocator,
        () => this.nameProvider
    );

    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const named = name ?? this.nameProvider.getName(node);
        if (!named) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new this.Description(node, named, (document ?? AstUtils.getDocument(node)).uri);
    }
}

/** A description: its node, name and document's URI (48 bytes); type, path and segments are read from the node. */
function descriptionClass(locator: () => AstNodeLocator, names: () => NameProvider) {
    return class LazyAstNodeDescription implements AstNodeDescription {
        constructor(
            readonly node: AstNode,
            readonly name: string,
            readonly documentUri: URI
        ) {}

        get type(): string {
            return this.node.$type;
        }

        get path(): string {
            return locator().getAstNodePath(this.node);
        }

        get nameSegment(): DocumentSegment | undefined {
            return CstUtils.toDocumentSegment(names().getNameNode(this.node) ?? this.node.$cstNode);
        }

        get selectionSegment(): DocumentSegment | undefined {
            return CstUtils.toDocumentSegment(this.node.$cstNode);
        }
    };
}
