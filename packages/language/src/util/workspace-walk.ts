// SPEC §8: what a walk of the workspace's folders passes over and the files it reads, in one place for every walk — the
// server's scan at start-up (lsp/workspace/opsbook-workspace-manager.ts), the web extension's walk
// through VS Code's file system (through `opsbook-language/lsp-protocol`: it hands its server the same
// files), the CLI's folder arguments, watch mode, the organisation's import lines and `diff`'s git
// paths. A leaf: it imports nothing, so a client takes it without the server, and a browser build
// without node:fs.

/** A file the workspace reads, by its name: a playbook or library (`.ops`) or the configuration (`opsbook.json`). */
export function workspaceFile(name: string): boolean {
    return name.endsWith('.ops') || name === 'opsbook.json';
}

/** A file or folder name a walk of the workspace passes over: `node_modules` and names starting with a dot. */
export function skippedInWalk(name: string): boolean {
    return name.startsWith('.') || name === 'node_modules';
}
