import { DefaultConfigurationProvider, type ConfigurationInitializedParams } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, DidChangeConfigurationParams } from 'vscode-languageserver';

/**
 * Langium's configuration provider (the `opsbook` section of the editor's settings), announcing every
 * value it receives through `onConfigurationSectionUpdate`, whichever way it came:
 * - pushed, `workspace/didChangeConfiguration` with `{ settings: { opsbook: {…} } }` (what the VS Code
 *   client sends): Langium's own handling;
 * - pulled, a `didChangeConfiguration` without the section (`settings: null`, the LSP pull model of
 *   Neovim, Helix, …): the section is asked for with `workspace/configuration`, which Langium skips;
 * - fetched once after `initialized`: Langium stores it without an event.
 */
export class OpsbookConfigurationProvider extends DefaultConfigurationProvider {
    private readonly connection: Connection | undefined;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.connection = services.lsp.Connection;
    }

    override async initialized(params: ConfigurationInitializedParams): Promise<void> {
        await super.initialized(params);
        for (const [section, configuration] of Object.entries(this.settings)) {
            this.onConfigurationSectionUpdateEmitter.fire({ section, configuration });
        }
    }

    override updateConfiguration(change: DidChangeConfigurationParams): void {
        super.updateConfiguration(change);
        const pushed = typeof change.settings === 'object' && change.settings !== null ? (change.settings as Record<string, unknown>) : {};
        const missing = this.sections().filter(section => !Object.hasOwn(pushed, section));
        if (missing.length === 0 || !this.workspaceConfig || !this.connection) return;
        this.connection.workspace.getConfiguration(missing.map(section => ({ section }))).then(
            (configurations: unknown[]) => {
                missing.forEach((section, index) => {
                    const configuration = configurations[index] ?? null;
                    this.updateSectionConfiguration(section, configuration);
                    this.onConfigurationSectionUpdateEmitter.fire({ section, configuration });
                });
            },
            (error: unknown) => console.error(`Opsbook: could not read the editor settings (workspace/configuration): ${String(error)}`)
        );
    }

    private sections(): string[] {
        return this.serviceRegistry.all.map(language => this.toSectionName(language.LanguageMetaData.languageId));
    }
}
