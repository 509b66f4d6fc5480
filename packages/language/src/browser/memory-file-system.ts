// Langium's FileSystemProvider over a Map: the files a language server in a web worker can see (the
// playground's examples; in VS Code for the Web, nothing but what the editor opens). Keys are URIs as
// strings; folders are implied by the files below them. No symbolic links, so no real paths.

import type { FileSystemNode, FileSystemProvider } from 'langium';
import { URI } from 'langium';

export class MemoryFileSystemProvider implements FileSystemProvider {
    private readonly files = new Map<string, string>();

    /** Adds or replaces files, keyed by URI (`file:///playground/growth.ops`). */
    write(files: Readonly<Record<string, string>>): void {
        for (const [uri, text] of Object.entries(files)) this.files.set(URI.parse(uri).toString(), text);
    }

    private folderPrefix(uri: URI): string {
        const text = uri.toString();
        return text.endsWith('/') ? text : `${text}/`;
    }

    private isFolder(uri: URI): boolean {
        const prefix = this.folderPrefix(uri);
        for (const key of this.files.keys()) if (key.startsWith(prefix)) return true;
        return false;
    }

    statSync(uri: URI): FileSystemNode {
        if (this.files.has(uri.toString())) return { isFile: true, isDirectory: false, uri };
        if (this.isFolder(uri)) return { isFile: false, isDirectory: true, uri };
        throw new Error(`ENOENT: no such file or directory '${uri.toString()}'`);
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        return this.statSync(uri);
    }

    existsSync(uri: URI): boolean {
        return this.files.has(uri.toString()) || this.isFolder(uri);
    }

    async exists(uri: URI): Promise<boolean> {
        return this.existsSync(uri);
    }

    readFileSync(uri: URI): string {
        const text = this.files.get(uri.toString());
        if (text === undefined) throw new Error(`ENOENT: no such file '${uri.toString()}'`);
        return text;
    }

    async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.readFileSync(uri));
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return this.readBinarySync(uri);
    }

    readDirectorySync(uri: URI): FileSystemNode[] {
        const prefix = this.folderPrefix(uri);
        const entries = new Map<string, FileSystemNode>();
        for (const key of this.files.keys()) {
            if (!key.startsWith(prefix)) continue;
            const rest = key.substring(prefix.length);
            const slash = rest.indexOf('/');
            const name = slash < 0 ? rest : rest.substring(0, slash);
            if (entries.has(name)) continue;
            const child = URI.parse(prefix + name);
            entries.set(name, { isFile: slash < 0, isDirectory: slash >= 0, uri: child });
        }
        return [...entries.values()];
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return this.readDirectorySync(uri);
    }
}
