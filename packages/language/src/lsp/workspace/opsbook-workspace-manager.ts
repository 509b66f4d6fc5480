import { DefaultWorkspaceManager, type FileSystemNode, type LangiumSharedCoreServices, UriUtils } from 'langium';
import { skippedInWalk } from '../../util/workspace-walk.js';

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
        if (skippedInWalk(UriUtils.basename(entry.uri))) return false;
        // Langium's own rule also passes over `out`; files: those of a registered language.
        return entry.isDirectory || super.shouldIncludeEntry(entry);
    }
}
