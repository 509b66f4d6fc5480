import type { LangiumSharedCoreServices } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { OpsbookFormatter } from '../format/opsbook-formatter.js';
import { OpsbookIndexManager } from '../scope/opsbook-index-manager.js';
import type { OpsbookServices } from '../opsbook-module.js';
import { OpsbookCodeActionProvider } from './code-actions/opsbook-code-action-provider.js';
import { OpsbookCompletionProvider } from './completion/opsbook-completion-provider.js';
import { OpsbookHoverProvider } from './hover/opsbook-hover-provider.js';
import { OpsbookDefinitionProvider } from './navigation/opsbook-definition-provider.js';
import { OpsbookDocumentLinkProvider } from './navigation/opsbook-document-link-provider.js';
import { OpsbookDocumentSymbolProvider } from './navigation/opsbook-document-symbol-provider.js';
import { OpsbookRenameProvider } from './navigation/opsbook-rename-provider.js';
import { OpsbookSemanticTokenProvider } from './navigation/opsbook-semantic-token-provider.js';
import { OpsbookCodeLensProvider } from './opsbook-code-lens-provider.js';
import { OpsbookInlayHintProvider } from './opsbook-inlay-hint-provider.js';
import { OpsbookNodeKindProvider } from './opsbook-node-kind-provider.js';
import { OpsbookConfigurationProvider } from './workspace/opsbook-configuration-provider.js';
import { OpsbookDocumentBuilder } from './workspace/opsbook-document-builder.js';
import { OpsbookDocumentUpdateHandler } from './workspace/opsbook-document-update-handler.js';
import { OpsbookWorkspaceManager } from './workspace/opsbook-workspace-manager.js';

/** LSP services Opsbook adds or replaces; composed into the module by `opsbook-module.ts`. */
export type OpsbookLspServices = Record<never, never>;

/**
 * Per-language LSP providers (Langium's `lsp` group). Langium's defaults stay for find references,
 * document highlight, folding ranges and workspace symbols (they read the same index).
 */
export const LSP_MODULE = {
    lsp: {
        CompletionProvider: (services: OpsbookServices) => new OpsbookCompletionProvider(services),
        HoverProvider: (services: OpsbookServices) => new OpsbookHoverProvider(services),
        InlayHintProvider: (services: OpsbookServices) => new OpsbookInlayHintProvider(services),
        CodeLensProvider: (services: OpsbookServices) => new OpsbookCodeLensProvider(services),
        CodeActionProvider: (services: OpsbookServices) => new OpsbookCodeActionProvider(services),
        DefinitionProvider: (services: OpsbookServices) => new OpsbookDefinitionProvider(services),
        RenameProvider: (services: OpsbookServices) => new OpsbookRenameProvider(services),
        DocumentSymbolProvider: (services: OpsbookServices) => new OpsbookDocumentSymbolProvider(services),
        SemanticTokenProvider: (services: OpsbookServices) => new OpsbookSemanticTokenProvider(services),
        DocumentLinkProvider: (services: OpsbookServices) => new OpsbookDocumentLinkProvider(services),
        // The same layout as `opsbook fmt` (format/format-text.ts): one canonical layout, as edits.
        Formatter: (services: OpsbookServices) => new OpsbookFormatter(services)
    }
};

/** Shared (workspace-wide) services for the editor: merged edits, import-aware rebuilds, symbol kinds. */
export const LSP_SHARED_MODULE = {
    lsp: {
        DocumentUpdateHandler: (shared: LangiumSharedServices) => new OpsbookDocumentUpdateHandler(shared),
        NodeKindProvider: () => new OpsbookNodeKindProvider()
    },
    workspace: {
        DocumentBuilder: (shared: LangiumSharedCoreServices) => new OpsbookDocumentBuilder(shared),
        WorkspaceManager: (shared: LangiumSharedCoreServices) => new OpsbookWorkspaceManager(shared),
        IndexManager: (shared: LangiumSharedCoreServices) => new OpsbookIndexManager(shared),
        // Announces the editor's `opsbook` settings however they arrive (pushed, pulled, at start-up).
        ConfigurationProvider: (shared: LangiumSharedServices) => new OpsbookConfigurationProvider(shared)
    }
};
