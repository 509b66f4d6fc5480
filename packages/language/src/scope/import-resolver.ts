import type { FileSystemProvider, LangiumCoreServices, LangiumDocument, LangiumDocuments } from 'langium';
import * as path from 'pathe';
import { DocumentCache, URI } from 'langium';
import type { Document, Import } from '../generated/ast.js';
import { isFile, isInside, realPath, type WorkspaceRootServices, type WorkspaceRoots } from './workspace-root.js';

/** Loads a file an import resolves to that is not loaded yet, or gives nothing back when it cannot be read. */
export type ImportLoader = (uri: URI) => LangiumDocument<Document> | undefined;

export type ImportResolution =
    | { kind: 'resolved'; uri: URI }
    | { kind: 'missing'; path: string }
    | { kind: 'outside-root'; path: string; root: string }
    | { kind: 'not-ops'; path: string };

/**
 * Resolves `import "path.ops"` relative to the importing file and confines it to the workspace root,
 * also through symbolic links (the real path must stay inside the root's real path).
 */
export class ImportResolver {
    private readonly roots: WorkspaceRoots;
    private readonly documents: LangiumDocuments;
    private readonly fileSystem: FileSystemProvider;
    private readonly cache: DocumentCache<Import, ImportResolution>;
    private readonly importsByRoot = new WeakMap<Document, Import[]>();

    constructor(services: LangiumCoreServices & WorkspaceRootServices) {
        this.roots = services.workspace.WorkspaceRoots;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.fileSystem = services.shared.workspace.FileSystemProvider;
        this.cache = new DocumentCache(services.shared);
    }

    resolve(document: LangiumDocument, node: Import): ImportResolution {
        return this.cache.get(document.uri, node, () => this.compute(document.uri, node.path ?? ''));
    }

    /**
     * The documents this one imports directly, in import order, without duplicates. An import that
     * resolves to a file not loaded yet is handed to `load` (the CLI reads it from disk); without
     * `load`, or when it gives nothing back, that import is left out.
     */
    importedDocuments(document: LangiumDocument<Document>, load?: ImportLoader): LangiumDocument<Document>[] {
        const result: LangiumDocument<Document>[] = [];
        const seen = new Set<string>([document.uri.toString()]);
        for (const element of this.importsOf(document.parseResult.value)) {
            const resolution = this.resolve(document, element);
            if (resolution.kind !== 'resolved') continue;
            const key = resolution.uri.toString();
            if (seen.has(key)) continue;
            seen.add(key);
            const imported =
                (this.documents.getDocument(resolution.uri) as LangiumDocument<Document> | undefined) ?? load?.(resolution.uri);
            if (imported) result.push(imported);
        }
        return result;
    }

    /**
     * The given documents and every file they import, transitively: each once, breadth-first in import
     * order, the given ones first. This is the one walk of the import graph — the CLI loading a
     * playbook's files (with `load`), the use cases collecting the errors and findings of what a
     * document imports, the language server deciding which pending edits a request waits for.
     */
    importClosure(documents: readonly LangiumDocument<Document>[], load?: ImportLoader): LangiumDocument<Document>[] {
        const closure = new Map<string, LangiumDocument<Document>>();
        for (const document of documents) closure.set(document.uri.toString(), document);
        const order = [...closure.values()];
        for (let i = 0; i < order.length; i++) {
            for (const imported of this.importedDocuments(order[i] as LangiumDocument<Document>, load)) {
                const key = imported.uri.toString();
                if (closure.has(key)) continue;
                closure.set(key, imported);
                order.push(imported);
            }
        }
        return order;
    }

    /**
     * The import statements of a parsed file. Linking asks for every reference, so scanning all elements
     * each time made one large file quadratic; keyed by the AST root, a new parse is never served stale.
     */
    private importsOf(root: Document): Import[] {
        let imports = this.importsByRoot.get(root);
        if (!imports) {
            imports = (root.elements ?? []).filter((element): element is Import => element.$type === 'Import');
            this.importsByRoot.set(root, imports);
        }
        return imports;
    }

    computeForPath(importingUri: URI, importPath: string): ImportResolution {
        return this.compute(importingUri, importPath);
    }

    private compute(importingUri: URI, importPath: string): ImportResolution {
        if (importingUri.scheme !== 'file') {
            // In-memory documents (tests, untitled editors) resolve against their siblings by URI only.
            const target = URI.parse(importingUri.toString()).with({ path: path.join(path.dirname(importingUri.path), importPath) });
            return this.documents.hasDocument(target) ? { kind: 'resolved', uri: target } : { kind: 'missing', path: importPath };
        }
        if (!importPath.endsWith('.ops')) {
            return { kind: 'not-ops', path: importPath };
        }
        const importingFile = importingUri.fsPath;
        const root = this.roots.rootOf(importingFile);
        const target = path.resolve(path.dirname(importingFile), importPath);
        if (!isInside(target, root)) {
            return { kind: 'outside-root', path: importPath, root };
        }
        let realTarget: string;
        try {
            realTarget = realPath(this.fileSystem, target);
            if (!isFile(this.fileSystem, realTarget)) return { kind: 'missing', path: importPath };
        } catch {
            return { kind: 'missing', path: importPath };
        }
        let realRoot = root;
        try {
            realRoot = realPath(this.fileSystem, root);
        } catch {
            // the root itself vanished: judge by the plain path
        }
        if (!isInside(realTarget, realRoot)) {
            return { kind: 'outside-root', path: importPath, root };
        }
        return { kind: 'resolved', uri: URI.file(target) };
    }
}
