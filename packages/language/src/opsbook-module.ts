import type { LangiumSharedCoreServices, Module, PartialLangiumCoreServices } from 'langium';
import { inject } from 'langium';
import type { DefaultSharedModuleContext, LangiumServices, LangiumSharedServices, PartialLangiumServices } from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { OpsbookGeneratedModule, OpsbookGeneratedSharedModule } from './generated/module.js';
import { OpsbookConfigProvider } from './config/opsbook-config.js';
import { OpsbookAsyncParser } from './parser/chunked-parser.js';
import { OpsbookLexerErrorMessageProvider } from './parser/opsbook-lexer-errors.js';
import { OpsbookLexer } from './parser/opsbook-lexer.js';
import { OpsbookParserErrorMessageProvider } from './parser/opsbook-parser-errors.js';
import { createOpsbookParser } from './parser/opsbook-parser.js';
import { OpsbookTokenBuilder } from './parser/opsbook-token-builder.js';
import { OpsbookValueConverter } from './parser/opsbook-value-converter.js';
import { ImportResolver } from './scope/import-resolver.js';
import { OpsbookAstNodeDescriptionProvider } from './scope/opsbook-description-provider.js';
import { OpsbookLinker } from './scope/opsbook-linker.js';
import { OpsbookScopeComputation } from './scope/opsbook-scope-computation.js';
import { OpsbookScopeProvider } from './scope/opsbook-scope-provider.js';
import { SymbolTables } from './scope/symbol-table.js';
import { WorkspaceRoots } from './scope/workspace-root.js';
import { OpsbookDocumentValidator } from './validation/opsbook-document-validator.js';
import { registerValidationChecks } from './validation/register-checks.js';
import { ANALYSIS_MODULE, type OpsbookAnalysisServices } from './analysis/analysis-services.js';
import { LSP_MODULE, LSP_SHARED_MODULE, type OpsbookLspServices } from './lsp/lsp-services.js';

/** Services Opsbook adds to Langium's. */
export type OpsbookAddedServices = {
    references: {
        SymbolTables: SymbolTables;
        ImportResolver: ImportResolver;
    };
    workspace: {
        WorkspaceRoots: WorkspaceRoots;
    };
    config: {
        ConfigProvider: OpsbookConfigProvider;
    };
} & OpsbookAnalysisServices & OpsbookLspServices;

export type OpsbookServices = LangiumServices & OpsbookAddedServices;

export const OpsbookModule: Module<OpsbookServices, PartialLangiumServices & OpsbookAddedServices> = {
    parser: {
        LangiumParser: services => createOpsbookParser(services),
        // The document builder's parser: a large document in slices, cancellable between them.
        AsyncParser: services => new OpsbookAsyncParser(services),
        TokenBuilder: () => new OpsbookTokenBuilder(),
        Lexer: services => new OpsbookLexer(services),
        ValueConverter: () => new OpsbookValueConverter(),
        LexerErrorMessageProvider: () => new OpsbookLexerErrorMessageProvider(),
        ParserErrorMessageProvider: services => new OpsbookParserErrorMessageProvider(services)
    },
    references: {
        Linker: services => new OpsbookLinker(services),
        ScopeProvider: services => new OpsbookScopeProvider(services),
        ScopeComputation: services => new OpsbookScopeComputation(services),
        SymbolTables: services => new SymbolTables(services),
        ImportResolver: services => new ImportResolver(services)
    },
    workspace: {
        WorkspaceRoots: () => new WorkspaceRoots(),
        AstNodeDescriptionProvider: services => new OpsbookAstNodeDescriptionProvider(services)
    },
    config: {
        ConfigProvider: services => new OpsbookConfigProvider(services.workspace.WorkspaceRoots)
    },
    validation: {
        DocumentValidator: services => new OpsbookDocumentValidator(services)
    },
    ...ANALYSIS_MODULE,
    ...LSP_MODULE
} as Module<OpsbookServices, PartialLangiumServices & OpsbookAddedServices>;

/**
 * Creates the shared services and the Opsbook services. With a connection (the language server) the
 * LSP services talk to the client; without one (CLI, tests) the workspace is driven directly.
 */
export function createOpsbookServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Opsbook: OpsbookServices } {
    const shared = inject(createDefaultSharedModule(context), OpsbookGeneratedSharedModule, LSP_SHARED_MODULE);
    const Opsbook = inject(createDefaultModule({ shared }), OpsbookGeneratedModule, OpsbookModule);
    shared.ServiceRegistry.register(Opsbook);
    registerValidationChecks(Opsbook);
    if (!context.connection) {
        // No client will send its configuration: mark the configuration as received.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Opsbook };
}

export type { LangiumSharedCoreServices, PartialLangiumCoreServices };
