import { test } from 'vitest';
import { loadWorkspace, textDocument } from './lsp-helpers.js';
test('x', async () => {
  const ws = await loadWorkspace(['examples/growth/growth.ops', 'examples/growth/team.ops']);
  const doc = ws.doc('examples/growth/growth.ops');
  console.log('same textDocument object:', doc.textDocument === doc.textDocument);
  const p: any = ws.services.lsp.CompletionProvider;
  await p.getCompletion(doc, { textDocument: textDocument(doc), position: { line: 0, character: 0 } });
  console.log('start at 3000:', p.enclosingElementStart(doc.textDocument, 3000));
});
