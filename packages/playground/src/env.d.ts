declare module 'virtual:examples' {
    const examples: Record<string, { main: string; files: Record<string, string> }>;
    export default examples;
}
declare module 'monaco-lsp-client' {
    export * from 'monaco-editor/esm/external/monaco-lsp-client/out/index.js';
}
