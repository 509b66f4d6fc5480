import { test } from 'vitest';
import * as path from 'node:path';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { LspTestClient, REPO } from './lsp-client.js';
test('smoke', async () => {
  const client = LspTestClient.start();
  const t0 = performance.now();
  const init = await client.initialize(path.join(REPO, 'examples'));
  console.log('init ms', performance.now() - t0, JSON.stringify(init.capabilities));
  const uri = await client.open(path.join(REPO, 'examples/growth/growth.ops'));
  const d = await client.nextDiagnostics(uri, 0);
  console.log('diags', d.length, performance.now() - t0);
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 26, character: 8 } });
  console.log(JSON.stringify(h));
  console.log(client.logs.join('\n'));
  await client.stop();
  console.log('exit', client.exitCode, client.stderr.join(''));
});
