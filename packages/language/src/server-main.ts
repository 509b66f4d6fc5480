import 'opsbook-language/polyfill';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createOpsbookServices } from './opsbook-module.js';

// The language server over stdio (`opsbook-language-server --stdio`) or node IPC (the VS Code client).
const connection = createConnection(ProposedFeatures.all);
const { shared } = createOpsbookServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
