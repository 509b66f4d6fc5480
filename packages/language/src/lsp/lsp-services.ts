import type { LangiumCompletionParser, Module } from 'langium';
import { DocumentState, inject } from 'langium';
import type {
    DefaultSharedModuleContext,
    LangiumSharedServices,
    PartialLangiumLSPServices,
    PartialLangiumSharedLSPServices
} from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { OpsbookGeneratedModule, OpsbookGeneratedSharedModule } from '../generated/module.js';
import {
    type Complete,
    OpsbookCoreModule,
    OpsbookSharedCoreModule,
    PreparedServices,
    type ProvidedBy,
    registerOpsbookLanguage
} from '../opsbook-module.js';
import { OpsbookCodeActionProvider } from './code-actions/opsbook-code-action-provider.js';
import { lazyCompletionParser } from './completion/lazy-completion-parser.js';
import { forgetWalks } from '../util/ast-walk.js';
import { OpsbookCompletionProvider } from './completion/opsbook-completion-provider.js';
import { OpsbookHoverProvider } from './hover/opsbook-hover-provider.js';
import { OpsbookDefinitionProvider } from './navigation/opsbook-definition-provider.js';
import { OpsbookDocumentLinkProvider } from './navigation/opsbook-document-link-provider.js';
import { OpsbookDocumentSymbolProvider } from './navigation/opsbook-document-symbol-provider.js';
import { OpsbookRenameProvider } from './navigation/opsbook-rename-provider.js';
import { OpsbookSemanticTokenProvider } from './navigation/opsbook-semantic-token-provider.js';
import { OpsbookCodeLensProvider } from './opsbook-code-lens-provider.js';
import { OpsbookFormatter } from './opsbook-formatter.js';
import { OpsbookInlayHintProvider } from './opsbook-inlay-hint-provider.js';
import { OpsbookNodeKindProvider } from './opsbook-node-kind-provider.js';
import type { OpsbookLspAddedServices, OpsbookServices } from './opsbook-services.js';
import { OpsbookConfigurationProvider } from './workspace/opsbook-configuration-provider.js';
import { OpsbookDocumentUpdateHandler } from './workspace/opsbook-document-update-handler.js';
import { OpsbookWorkspaceManager } from './workspace/opsbook-workspace-manager.js';
import { recentlyAsked } from './server/open-document.js';

export type { OpsbookLspAddedServices, OpsbookServices } from './opsbook-services.js';

/**
 * Per-language LSP providers (Langium's `lsp` group), on top of `OpsbookCoreModule`. Langium's defaults
 * stay for find references, document highlight, folding ranges and workspace symbols (they read the
 * same index).
 */
export const OpsbookLspModule: Module<
    OpsbookServices,
    PartialLangiumLSPServices & OpsbookLspAddedServices & { parser: { CompletionParser: LangiumCompletionParser } }
> = {
    parser: {
        // Made on the first completion, not when the server starts (ARCHITECTURE.md, "Start-up").
        CompletionParser: services => lazyCompletionParser(services)
    },
    lsp: {
        CompletionProvider: services => new OpsbookCompletionProvider(services),
        HoverProvider: services => new OpsbookHoverProvider(services),
        InlayHintProvider: services => new OpsbookInlayHintProvider(services),
        CodeLensProvider: services => new OpsbookCodeLensProvider(services),
        CodeActionProvider: services => new OpsbookCodeActionProvider(services),
        DefinitionProvider: services => new OpsbookDefinitionProvider(services),
        RenameProvider: services => new OpsbookRenameProvider(services),
        DocumentSymbolProvider: services => new OpsbookDocumentSymbolProvider(services),
        SemanticTokenProvider: services => new OpsbookSemanticTokenProvider(services),
        DocumentLinkProvider: services => new OpsbookDocumentLinkProvider(services),
        // The same layout as `opsbook fmt` (format/format-text.ts): one canonical layout, as edits.
        Formatter: services => new OpsbookFormatter(services)
    }
};

/** Shared (workspace-wide) services for the editor: merged edits, editor settings, symbol kinds. */
export const OpsbookSharedLspModule: Module<
    LangiumSharedServices,
    PartialLangiumSharedLSPServices & {
        workspace: { ConfigurationProvider: OpsbookConfigurationProvider; WorkspaceManager: OpsbookWorkspaceManager };
    }
> = {
    lsp: {
        DocumentUpdateHandler: shared => new OpsbookDocumentUpdateHandler(shared),
        NodeKindProvider: () => new OpsbookNodeKindProvider()
    },
    workspace: {
        // SPEC §8: every `.ops` of the workspace folders is loaded at start-up, `out/` included.
        WorkspaceManager: shared => new OpsbookWorkspaceManager(shared),
        // Announces the editor's `opsbook` settings however they arrive (pushed, pulled, at start-up).
        ConfigurationProvider: shared => new OpsbookConfigurationProvider(shared)
    }
};

/**
 * The language server's services: Langium's core and LSP services, Opsbook's core services
 * (`OpsbookCoreModule`, the same as the CLI's) and its LSP services. With a connection the LSP services
 * talk to the client; without one (tests) the workspace is driven directly.
 */
export function createOpsbookServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Opsbook: OpsbookServices } {
    const services = prepared.take(context) ?? injectServices(context);
    registerOpsbookLanguage(services.shared, services.Opsbook, context.connection !== undefined);
    keepAfterBuild(services.shared, services.Opsbook);
    return services;
}

/**
 * After each build the analyzer keeps the figures of the documents open in the editor and of the few last
 * asked about by a custom request (`RecentlyAsked`: a plan preview) only (the others
 * are computed again if asked: a workspace request, a document opened later; every edit empties them
 * anyway, and between two edits only open documents are asked for theirs — a 1,000-file workspace kept
 * all 1,001 analyses, 13× its source: issue 19), and the lists of each tree's nodes that linking and
 * validation walked are dropped (util/ast-walk.ts: made again by the next build that needs one).
 */
function keepAfterBuild(shared: LangiumSharedServices, Opsbook: OpsbookServices): void {
    const open = shared.workspace.TextDocuments;
    const analyzer = Opsbook.analysis.PlaybookAnalyzer;
    // And the few documents last asked about by a custom request (the plan preview of a file not open).
    const asked = recentlyAsked(shared);
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        analyzer.retainOnly(uri => open.get(uri) !== undefined || asked.has(uri));
        forgetWalks();
    });
}

function injectServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Opsbook: OpsbookServices } {
    const shared = inject(
        createDefaultSharedModule(context),
        OpsbookGeneratedSharedModule,
        OpsbookSharedCoreModule,
        OpsbookSharedLspModule
    );
    const langium = createDefaultModule({ shared });
    const Opsbook: Complete<
        OpsbookServices,
        ProvidedBy<typeof langium> &
            ProvidedBy<typeof OpsbookGeneratedModule> &
            ProvidedBy<typeof OpsbookCoreModule> &
            ProvidedBy<typeof OpsbookLspModule>
    > = inject(langium, OpsbookGeneratedModule, OpsbookCoreModule, OpsbookLspModule);
    return { shared, Opsbook };
}

const prepared = new PreparedServices(injectServices);

/**
 * For the language server's V8 startup snapshot (ARCHITECTURE.md, "Start-up"): makes the server's
 * service set before there is a connection, its lexer and parser built (`PreparedServices`). The next
 * `createOpsbookServices` takes this set (once) with its own connection and file system. Everything
 * else is made on first use, as usual.
 */
export function prepareServices(): { shared: LangiumSharedServices; Opsbook: OpsbookServices } {
    return prepared.prepare();
}
