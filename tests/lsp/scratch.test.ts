import { test } from 'vitest';
import { services, parse } from '../helpers.js';

async function complete(text: string) {
  const offset = text.indexOf('<|>');
  const source = text.replace('<|>', '');
  const doc = await parse(source);
  const r = await services.Opsbook.lsp.CompletionProvider!.getCompletion(doc, { textDocument: { uri: doc.uri.toString() }, position: doc.textDocument.positionAt(offset) });
  return r!.items.sort((a,b)=> (a.sortText??'').localeCompare(b.sortText??'')).map(i => `${i.label}`).join(', ');
}
const lib = `playbook P { currency USD fx EUR = 1.1 USD }\nmetric signups "Registered users" count\nmetric visits count\nmetric revenue money\nmetric d30 percent\nmetric score number\nperson alice\nperson bob\ngoal G { target 20 signups by 2027-01-01 }\ngoal R { target 20 revenue by 2027-01-01 }\n`;
test('x', async () => {
  for (const t of [lib + 'channel C { delivers 6000 revenue to <|> }', lib + 'channel C { kind <|> }', 'metric m <|>', lib+'monitor signups { alert below 5 per <|> }', lib+'assessment alice { kpi G target 5 per <|> }', 'review R { every <|> }', 'playbook P { locale <|> }', 'campaign C { type <|> }', 'campaign C { binding <|> }', 'strategy S { focus <|> }', lib+'funnel F { <|> }', lib+'channel C { assumes 150k <|> }', 'channel C { budget 5 <|> }', 'playbook P { currency <|> }', lib + 'channel C { delivers 6000 signups <|> }', lib+'workstream W { consulted alice, <|> }', lib+'forecast F for <|>', lib + 'forecast F for G { decided 5 by <|> }', lib + 'team T { lead <|> }', lib + 'channel C { cpa at most 5 <|> }', lib + 'campaign X { via <|> }', lib + 'review X { covers <|> }', lib + 'goal X { part of <|> }', lib + 'assessment <|>', lib+'monitor <|>']) {
    console.log(JSON.stringify(t.startsWith(lib) ? t.slice(lib.length) : t), '=>', await complete(t));
  }
});
