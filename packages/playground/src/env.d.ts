declare module 'virtual:examples' {
    const examples: Record<string, { main: string; files: Record<string, string> }>;
    export default examples;
}
