import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../client.js';
import { headingSlug, ruleHeadingLine, ruleOfCode } from './rule-sections.js';

export const SHOW_RULE_DOCUMENTATION = 'opsbook.showRuleDocumentation';

/** The rule ids, read from the manifest's `opsbook.rules` setting so they are written down once. */
function knownRules(context: vscode.ExtensionContext): string[] {
    const properties = context.extension.packageJSON?.contributes?.configuration?.properties;
    return properties?.['opsbook.rules']?.propertyNames?.enum ?? [];
}

function isOpsbookDiagnostic(diagnostic: vscode.Diagnostic): boolean {
    return ruleOfCode(diagnostic.code) !== undefined && (diagnostic.source === undefined || diagnostic.source === LANGUAGE_ID);
}

/**
 * *Opsbook: Show Rule Documentation*. The argument may be a rule id, a diagnostic, or nothing (then
 * the diagnostics under the cursor, or a list of every rule). Opens the rule's section of the
 * rules reference shipped in the extension rendered, in VS Code's Markdown preview beside the editor
 * (as the built-in Markdown links to a heading do); as text at the heading when there is no Markdown
 * preview; else the diagnostic's documentation link.
 */
export async function showRuleDocumentation(context: vscode.ExtensionContext, argument?: string | vscode.Diagnostic): Promise<boolean> {
    let rule: string | undefined;
    let link: vscode.Uri | undefined;
    if (typeof argument === 'string') {
        rule = argument;
    } else if (argument) {
        rule = ruleOfCode(argument.code);
        if (typeof argument.code === 'object') link = argument.code.target;
    } else {
        const picked = await pickRule(context);
        if (!picked) return false;
        ({ rule, link } = picked);
    }
    if (!rule) return false;

    const reference = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
    const text = await fs.readFile(reference.fsPath, 'utf8').catch(() => undefined);
    const line = text === undefined ? undefined : ruleHeadingLine(text, rule);
    if (line !== undefined && text !== undefined) {
        const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text.split(/\r?\n/)[line] ?? '')?.[1] ?? rule;
        if (await showRendered(reference.with({ fragment: headingSlug(heading) }))) return true;
        const position = new vscode.Position(line, 0);
        const editor = await vscode.window.showTextDocument(reference, {
            preview: true,
            viewColumn: vscode.ViewColumn.Beside,
            selection: new vscode.Range(position, position)
        });
        editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
        return true;
    }
    if (link) return vscode.env.openExternal(link);
    void vscode.window.showErrorMessage(vscode.l10n.t("Opsbook: no documentation found for rule '{0}'.", rule));
    return false;
}

/** The Markdown preview of `uri` beside the editor, scrolled to its fragment; false without the built-in Markdown extension. */
async function showRendered(uri: vscode.Uri): Promise<boolean> {
    const commands = await vscode.commands.getCommands(true);
    if (!commands.includes('markdown.showPreviewToSide')) return false;
    try {
        await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
        return true;
    } catch {
        return false;
    }
}

async function pickRule(context: vscode.ExtensionContext): Promise<{ rule: string; link?: vscode.Uri } | undefined> {
    const editor = vscode.window.activeTextEditor;
    const here = editor
        ? vscode.languages
              .getDiagnostics(editor.document.uri)
              .filter(d => isOpsbookDiagnostic(d) && d.range.contains(editor.selection.active))
        : [];
    type Item = vscode.QuickPickItem & { rule: string; link?: vscode.Uri };
    const items: Item[] =
        here.length > 0
            ? here.map(d => {
                  const item: Item = { label: ruleOfCode(d.code)!, detail: d.message, rule: ruleOfCode(d.code)! };
                  if (typeof d.code === 'object') item.link = d.code.target;
                  return item;
              })
            : knownRules(context).map(rule => ({ label: rule, rule }));
    if (items.length === 1) return items[0];
    return vscode.window.showQuickPick(items, {
        title: vscode.l10n.t('Show Rule Documentation'),
        placeHolder: vscode.l10n.t('Which rule?'),
        matchOnDetail: true
    });
}

/** Offers "Show documentation" next to the server's quick fixes for each Opsbook diagnostic. */
export class RuleDocumentationActions implements vscode.CodeActionProvider {
    static readonly kinds = [vscode.CodeActionKind.QuickFix];

    provideCodeActions(_document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
        const seen = new Set<string>();
        const actions: vscode.CodeAction[] = [];
        for (const diagnostic of context.diagnostics) {
            const rule = ruleOfCode(diagnostic.code);
            if (!rule || !isOpsbookDiagnostic(diagnostic) || seen.has(rule)) continue;
            seen.add(rule);
            const action = new vscode.CodeAction(vscode.l10n.t("Show documentation for rule '{0}'", rule), vscode.CodeActionKind.QuickFix);
            action.diagnostics = [diagnostic];
            action.command = { command: SHOW_RULE_DOCUMENTATION, title: action.title, arguments: [diagnostic] };
            actions.push(action);
        }
        return actions;
    }
}
