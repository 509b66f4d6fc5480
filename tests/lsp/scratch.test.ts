import { test } from 'vitest';
import { GrammarAST, AstUtils } from 'langium';
import { services } from '../helpers.js';

function describe(f: any): string {
  const rule = AstUtils.getContainerOfType(f.feature, GrammarAST.isParserRule)?.name;
  const asg = AstUtils.getContainerOfType(f.feature, GrammarAST.isAssignment)?.feature;
  const what = GrammarAST.isKeyword(f.feature) ? `kw '${f.feature.value}'` : GrammarAST.isCrossReference(f.feature) ? `xref ${f.feature.type.$refText}` : GrammarAST.isRuleCall(f.feature) ? `call ${f.feature.rule.$refText}` : f.feature.$type;
  return `${what} rule=${rule} asg=${asg} type=${f.type ?? ''} prop=${f.property ?? ''}`;
}
test('features', async () => {
  const cp: any = services.Opsbook.lsp.CompletionProvider;
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  for (const text of ['playbook P {\n  stage ', 'channel C {\n  delivers 6000 ', 'channel C {\n  delivers 6000 CNY ', 'goal G {\n  target 35% ', 'channel C {\n  budget 60k ', 'goal G {\n  ', '', 'goal G { target 20 x by 2027-01-01 }\n', 'review R { every week on ', 'channel C { assumes 150k ']) {
    const doc = TextDocument.create('file:///x.ops', 'opsbook', 1, text);
    const feats = cp.findFeaturesAt(doc, text.length);
    console.log(JSON.stringify(text), '\n  ' + [...new Set(feats.map(describe))].join('\n  '));
  }
});
