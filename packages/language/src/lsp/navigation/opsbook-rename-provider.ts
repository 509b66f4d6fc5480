import * as path from 'pathe';
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, CstUtils } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import type { CancellationToken, RenameParams, WorkspaceEdit } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';
import type { Document } from '../../generated/ast.js';
import type { OpsbookServices } from '../opsbook-services.js';
import type { OpsbookScopeProvider } from '../../scope/opsbook-scope-provider.js';
import { describeElementType } from '../../i18n/words.js';

/** The ID terminal of the grammar; `by` and `to` end a quantity, so they are never names (SPEC §2). */
const NAME = /^\^?[_\p{L}][\p{L}\p{N}_]*$/u;
const RESERVED = new Set(['by', 'to']);

/** JSON-RPC "invalid params": the client shows the message and keeps the text as it was. */
const INVALID_PARAMS = -32602;

/**
 * Renames an element and every reference to it across files, refusing a new name that is not a
 * name (`2x`, `by`) or that some affected file already sees (its own names plus its imports): the
 * declaring file, every file with a reference to the element, and every file importing the declaring one.
 */
export class OpsbookRenameProvider extends DefaultRenameProvider {
    constructor(private readonly services: OpsbookServices) {
        super(services);
    }

    override async rename(
        document: LangiumDocument,
        params: RenameParams,
        cancelToken?: CancellationToken
    ): Promise<WorkspaceEdit | undefined> {
        const newName = params.newName;
        if (!NAME.test(newName) || RESERVED.has(newName)) {
            throw new ResponseError(
                INVALID_PARAMS,
                `'${newName}' is not a valid name: use letters, digits and _, starting with a letter or _ (and never 'by' or 'to')`
            );
        }
        const target = this.targetAt(document, params);
        if (!target) return undefined;
        const oldName = (target as { name?: string }).name;
        if (oldName === newName) return { changes: {} };
        const clash = this.clash(target, newName);
        if (clash) throw new ResponseError(INVALID_PARAMS, clash);
        return super.rename(document, params, cancelToken);
    }

    private targetAt(document: LangiumDocument, params: RenameParams): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(
            root,
            document.textDocument.offsetAt(params.position),
            this.grammarConfig.nameRegexp
        );
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    /** Why `newName` cannot be used, or undefined when every affected scope is free of it. */
    private clash(target: AstNode, newName: string): string | undefined {
        const scopes = this.services.references.ScopeProvider as OpsbookScopeProvider;
        for (const document of this.affectedDocuments(target)) {
            const existing = scopes.lookupAnyType(document, newName);
            if (existing && existing.node !== target) {
                const where = path.basename(existing.documentUri.path);
                const seenFrom = path.basename(document.uri.path);
                return `'${newName}' is already ${describeElementType(existing.type)} in ${where}${where !== seenFrom ? ` (visible in ${seenFrom})` : ''}: choose another name`;
            }
        }
        return undefined;
    }

    private affectedDocuments(target: AstNode): LangiumDocument<Document>[] {
        const home = AstUtils.getDocument(target) as LangiumDocument<Document>;
        const documents = this.services.shared.workspace.LangiumDocuments;
        const result = new Map<string, LangiumDocument<Document>>([[home.uri.toString(), home]]);
        for (const reference of this.references.findReferences(target, { includeDeclaration: false })) {
            const source = documents.getDocument(reference.sourceUri);
            if (source) result.set(source.uri.toString(), source as LangiumDocument<Document>);
        }
        for (const document of documents.all) {
            const imports = this.services.references.ImportResolver.importedDocuments(document as LangiumDocument<Document>);
            if (imports.some(imported => imported.uri.toString() === home.uri.toString()))
                result.set(document.uri.toString(), document as LangiumDocument<Document>);
        }
        return [...result.values()];
    }
}
