// Placeholder until the extension issue lands: the client starts the bundled server.
export function activate(): void {}
export function deactivate(): void {}
