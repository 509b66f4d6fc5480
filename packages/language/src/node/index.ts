// `opsbook-language/node`: what only Node entry points (the CLI, the stdio/IPC server, tests) use.
export { OpsbookNodeFileSystem, OpsbookNodeFileSystemProvider } from './node-file-system.js';
