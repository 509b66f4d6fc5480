import type {
    FileSystemProvider,
    LangiumCoreServices,
    LangiumSharedCoreServices,
    Module,
    PartialLangiumCoreServices,
    PartialLangiumSharedCoreServices
} from 'langium';
import { createDefaultCoreModule, createDefaultSharedCoreModule, type DefaultSharedCoreModuleContext, inject } from 'langium';
import { ANALYSIS_MODULE } from './analysis/analysis-services.js';
import { OpsbookConfigProvider } from './config/opsbook-config.js';
import type { OpsbookCoreAddedServices, OpsbookCoreServices } from './core-services.js';
import { OpsbookGeneratedModule, OpsbookGeneratedSharedModule } from './generated/module.js';
import { OpsbookAsyncParser } from './parser/chunked-parser.js';
import { OpsbookLexerErrorMessageProvider } from './parser/opsbook-lexer-errors.js';
import { OpsbookLexer } from './parser/opsbook-lexer.js';
import { OpsbookParserErrorMessageProvider } from './parser/opsbook-parser-errors.js';
import { createOpsbookParser } from './parser/opsbook-parser.js';
import { OpsbookTokenBuilder } from './parser/opsbook-token-builder.js';
import { OpsbookValueConverter } from './parser/opsbook-value-converter.js';
import { ImportResolver } from './scope/import-resolver.js';
import { OpsbookReferenceDescriptionProvider } from './scope/opsbook-reference-description-provider.js';
import { OpsbookAstNodeDescriptionProvider } from './scope/opsbook-description-provider.js';
import { OpsbookLinker } from './scope/opsbook-linker.js';
import { OpsbookScopeComputation } from './scope/opsbook-scope-computation.js';
import { OpsbookScopeProvider } from './scope/opsbook-scope-provider.js';
import { SymbolTables } from './scope/symbol-table.js';
import { WorkspaceRoots } from './scope/workspace-root.js';
import { OpsbookValidationRegistry } from './validation/opsbook-validation-registry.js';
import { OpsbookDocumentValidator } from './validation/opsbook-document-validator.js';
import { registerValidationChecks } from './validation/register-checks.js';
import { OpsbookIndexManager } from './scope/opsbook-index-manager.js';
import { OpsbookDocumentBuilder } from './workspace/opsbook-document-builder.js';
import { OpsbookDocumentFactory } from './workspace/opsbook-document-factory.js';

export type { OpsbookCoreAddedServices, OpsbookCoreServices } from './core-services.js';

/**
 * Opsbook's core services over Langium's: parser, scoping, `opsbook.json`, validation and analysis.
 * No cast: a service declared in `OpsbookCoreAddedServices` and missing here fails to compile.
 */
export const OpsbookCoreModule: Module<OpsbookCoreServices, PartialLangiumCoreServices & OpsbookCoreAddedServices> = {
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
        WorkspaceRoots: services => new WorkspaceRoots(services.shared.workspace.FileSystemProvider),
        AstNodeDescriptionProvider: services => new OpsbookAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: services => new OpsbookReferenceDescriptionProvider(services)
    },
    config: {
        ConfigProvider: services =>
            new OpsbookConfigProvider(services.workspace.WorkspaceRoots, services.shared.workspace.FileSystemProvider)
    },
    validation: {
        DocumentValidator: services => new OpsbookDocumentValidator(services),
        ValidationRegistry: services => new OpsbookValidationRegistry(services)
    },
    ...ANALYSIS_MODULE
};

/** Shared (workspace-wide) core services: the document builder that isolates a failing document. */
export const OpsbookSharedCoreModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        DocumentBuilder: shared => new OpsbookDocumentBuilder(shared),
        // The editor's re-parse after an edit: only the edited top-level elements when that is the whole parse.
        LangiumDocumentFactory: shared => new OpsbookDocumentFactory(shared),
        // "Who refers to this?" from a table by target: the analysis asks it for every goal and person (SPEC §8).
        IndexManager: shared => new OpsbookIndexManager(shared)
    }
};

/** The services a dependency-injection module provides (its second type argument). */
export type ProvidedBy<M> = M extends Module<infer _I, infer T> ? T : never;

/**
 * `Provided`, checked to cover every service of `Services`: when the modules given to `inject` leave a
 * service out, the declaration typed with it fails to compile (`inject` alone would not notice).
 */
export type Complete<Services, Provided extends Services> = Provided;

/**
 * The core services without any LSP service (what the CLI uses): no connection, no editor settings,
 * so the (empty) configuration counts as received. The language server's services, core and LSP, come
 * from `createOpsbookServices` in `lsp/lsp-services.ts`.
 */
export function createOpsbookCoreServices(context: DefaultSharedCoreModuleContext): {
    shared: LangiumSharedCoreServices;
    Opsbook: OpsbookCoreServices;
} {
    const services = preparedCore.take(context) ?? injectCoreServices(context);
    registerOpsbookLanguage(services.shared, services.Opsbook, false);
    return services;
}

function injectCoreServices(context: DefaultSharedCoreModuleContext): { shared: LangiumSharedCoreServices; Opsbook: OpsbookCoreServices } {
    const shared = inject(createDefaultSharedCoreModule(context), OpsbookGeneratedSharedModule, OpsbookSharedCoreModule);
    const langium = createDefaultCoreModule({ shared });
    const Opsbook: Complete<
        OpsbookCoreServices,
        ProvidedBy<typeof langium> & ProvidedBy<typeof OpsbookGeneratedModule> & ProvidedBy<typeof OpsbookCoreModule>
    > = inject(langium, OpsbookGeneratedModule, OpsbookCoreModule);
    return { shared, Opsbook };
}

/**
 * The file system of a service set made ahead: building the parser already asks for it (Langium's
 * linker → documents → document factory), before the caller that takes the set has given its own. It
 * stands for the caller's provider once `take` has made it (every property and method, `instanceof`
 * too); reading a property of it before fails loudly (the snapshot's build would fail on it).
 */
export class LateFileSystem {
    private target: FileSystemProvider | undefined;
    readonly provider: FileSystemProvider = new Proxy({} as FileSystemProvider, {
        get: (_object, property) => {
            const target = this.current();
            const value = Reflect.get(target, property) as unknown;
            return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
        // Langium's injector looks at what a service is when it makes it: before `take`, a plain object.
        has: (_object, property) => this.target !== undefined && Reflect.has(this.target, property),
        getPrototypeOf: () => (this.target === undefined ? Object.prototype : Reflect.getPrototypeOf(this.target))
    });

    take(make: (services: LangiumSharedCoreServices) => FileSystemProvider, shared: LangiumSharedCoreServices): void {
        this.target = make(shared);
    }

    private current(): FileSystemProvider {
        if (this.target === undefined) throw new Error('a service set made ahead used its file system before it was taken');
        return this.target;
    }
}

/**
 * A service set made ahead of its use, for a V8 startup snapshot (ARCHITECTURE.md, "Start-up"): `prepare`
 * makes one now with a `LateFileSystem` and creates its lexer and parser (chevrotain's self-analysis,
 * the costliest part of creating services), so that the snapshot holds them built; `take` gives it
 * (once) to the next caller, with that caller's context: its file system and every other field (the
 * language server's connection, which Langium's shared module reads only when a service first asks for
 * it: tests/architecture/langium-internals.test.ts).
 */
export class PreparedServices<Services extends { shared: LangiumSharedCoreServices; Opsbook: OpsbookCoreServices }> {
    private prepared: { context: DefaultSharedCoreModuleContext; fileSystem: LateFileSystem; services: Services } | undefined;

    constructor(private readonly injectServices: (context: DefaultSharedCoreModuleContext) => Services) {}

    prepare(): Services {
        const fileSystem = new LateFileSystem();
        // Made with its own file system only; the rest of its context is given when it is taken.
        const context: DefaultSharedCoreModuleContext = { fileSystemProvider: () => fileSystem.provider };
        const services = this.injectServices(context);
        void services.Opsbook.parser.Lexer;
        void services.Opsbook.parser.LangiumParser;
        this.prepared = { context, fileSystem, services };
        return services;
    }

    take(context: DefaultSharedCoreModuleContext): Services | undefined {
        if (this.prepared === undefined) return undefined;
        const { services, fileSystem, context: made } = this.prepared;
        this.prepared = undefined;
        Object.assign(made, context, { fileSystemProvider: made.fileSystemProvider });
        fileSystem.take(context.fileSystemProvider, services.shared);
        return services;
    }
}

const preparedCore = new PreparedServices(injectCoreServices);

/**
 * For the CLI's V8 startup snapshot: makes a core service set now, its lexer and parser built
 * (`PreparedServices`). The next `createOpsbookCoreServices` takes this set (once) instead of making
 * one. The language is registered then, as for a fresh set; every other service is made on first use.
 */
export function prepareCoreServices(): { shared: LangiumSharedCoreServices; Opsbook: OpsbookCoreServices } {
    return preparedCore.prepare();
}

/**
 * What every Opsbook service set needs once created: registered with the shared services, its checks
 * registered; without a client (`connected` false) the configuration is marked as received.
 */
export function registerOpsbookLanguage(shared: LangiumSharedCoreServices, Opsbook: OpsbookCoreServices, connected: boolean): void {
    shared.ServiceRegistry.register(Opsbook);
    registerValidationChecks(Opsbook);
    if (!connected) {
        // No client will send its configuration: mark the configuration as received.
        shared.workspace.ConfigurationProvider.initialized({});
    }
}

export type { LangiumCoreServices, LangiumSharedCoreServices, PartialLangiumCoreServices };
