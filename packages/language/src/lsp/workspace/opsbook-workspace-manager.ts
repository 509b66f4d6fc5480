import { DefaultWorkspaceManager, type FileSystemNode, type LangiumSharedCoreServices, UriUtils } from 'langium';

/**
 * Langium's workspace manager loads every `.ops` file of the workspace folders at start-up, so the
 * files that import an open one count in its figures before they are opened (SPEC §8). It skips the
 * folders SPEC §8 skips — `node_modules` and dot-folders — and no others (Langium also skips `out`).
 */
export class OpsbookWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        const name = UriUtils.basename(entry.uri);
        if (entry.isDirectory && name === 'out') return true;
        return super.shouldIncludeEntry(entry);
    }
}
