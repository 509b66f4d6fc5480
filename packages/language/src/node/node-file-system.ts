// The Node-only file system (an entry point's concern, never the core's): Langium's
// NodeFileSystemProvider plus the real path of a file, which the import resolver uses to keep imports
// inside the workspace root through symbolic links. The core reads files only through Langium's
// FileSystemProvider service, so the same build runs in a browser (see ../browser/).

import * as fs from 'node:fs';
import { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import type { RealPathFileSystemProvider } from '../scope/workspace-root.js';

export class OpsbookNodeFileSystemProvider extends NodeFileSystemProvider implements RealPathFileSystemProvider {
    realPathSync(uri: URI): URI {
        return URI.file(fs.realpathSync(uri.fsPath));
    }
}

/** Pass to `createOpsbookCoreServices` / `createOpsbookServices` on Node, in place of Langium's `NodeFileSystem`. */
export const OpsbookNodeFileSystem = {
    fileSystemProvider: () => new OpsbookNodeFileSystemProvider()
};
