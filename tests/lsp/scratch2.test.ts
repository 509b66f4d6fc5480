import { test } from 'vitest';
import { GrammarAST, AstUtils } from 'langium';
import { services } from '../helpers.js';
function describe(f: any): string {
  const rule = AstUtils.getContainerOfType(f.feature, GrammarAST.isParserRule)?.name;
  const what = GrammarAST.isKeyword(f.feature) ? `kw '${f.feature.value}'` : GrammarAST.isCrossReference(f.feature) ? `xref ${f.feature.type.$refText}` : GrammarAST.isRuleCall(f.feature) ? `call ${f.feature.rule.$refText}` : f.feature.$type;
  return `${what} rule=${rule} prop=${f.property ?? ''}`;
}
test('features', async () => {
  const cp: any = services.Opsbook.lsp.CompletionProvider;
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  for (const text of ['channel C { delivers 6000 signups ', 'goal G { target 6000 signups ', 'goal G { target 6000 CNY revenue ', 'channel C { delivers 6000 CNY revenue ']) {
    const doc = TextDocument.create('file:///x.ops', 'opsbook', 1, text);
    console.log(JSON.stringify(text), '\n  ' + [...new Set(cp.findFeaturesAt(doc, text.length).map(describe))].join('\n  '));
  }
});
