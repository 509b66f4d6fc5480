import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { OpsbookExtensionApi } from './api.js';
import { createLanguageClient, LANGUAGE_ID } from './client.js';
import { registerCycleCommands } from './commands/cycle-commands.js';
import { exportPlanHtml } from './commands/export-html.js';
import { exportJson } from './commands/export-json.js';
import { RuleDocumentationActions, SHOW_RULE_DOCUMENTATION, showRuleDocumentation } from './commands/rule-documentation.js';
import { PlanPreviewManager, PREVIEW_VIEW_TYPE } from './preview/plan-preview.js';
import { askBeforeOverwriting, ReviewGenerator, type GenerateReviewOptions } from './review/generate-review.js';
import { PlaybookStatusBar } from './status/status-bar.js';
import { activeOpsbookUri } from './util/active-document.js';
import { describeError } from './util/errors.js';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): OpsbookExtensionApi {
    const output = vscode.window.createOutputChannel('Opsbook', { log: true });
    context.subscriptions.push(output);
    const languageClient = createLanguageClient(context, output);
    client = languageClient;
    const ready = languageClient.start().catch(error => {
        output.appendLine(vscode.l10n.t('The Opsbook language server did not start: {0}', describeError(error)));
        void vscode.window.showErrorMessage(vscode.l10n.t('Opsbook: the language server did not start; see the Opsbook output channel.'));
        throw error;
    });

    const previews = new PlanPreviewManager(context.extensionUri, languageClient, output);
    const statusBar = new PlaybookStatusBar(languageClient);
    const api: OpsbookExtensionApi = {
        client: languageClient,
        ready,
        previewState: uri => previews.state(uri),
        onDidRenderPreview: previews.onDidRender,
        statusBar: () => (statusBar.text ? { text: statusBar.text, label: statusBar.accessibilityLabel ?? '' } : undefined),
        onDidUpdateStatusBar: statusBar.onDidUpdate,
        confirmOverwrite: askBeforeOverwriting
    };
    registerCycleCommands(context, languageClient);
    const reviews = new ReviewGenerator(context.workspaceState, languageClient, () => api.confirmOverwrite);

    context.subscriptions.push(
        previews,
        statusBar,
        vscode.commands.registerCommand('opsbook.previewPlan', (uri?: vscode.Uri) => {
            const target = uri instanceof vscode.Uri ? uri : activeOpsbookUri();
            if (!target) {
                void vscode.window.showErrorMessage(vscode.l10n.t('Opsbook: open a playbook (.ops file) to preview its plan.'));
                return undefined;
            }
            previews.show(target);
            return target;
        }),
        vscode.commands.registerCommand('opsbook.generateReview', (uri?: vscode.Uri, options?: GenerateReviewOptions) =>
            reviews.run(uri instanceof vscode.Uri ? uri : undefined, options)
        ),
        vscode.commands.registerCommand('opsbook.exportJson', (uri?: vscode.Uri, target?: vscode.Uri) =>
            exportJson(languageClient, uri instanceof vscode.Uri ? uri : undefined, target)
        ),
        vscode.commands.registerCommand('opsbook.exportPlanHtml', (uri?: vscode.Uri, target?: vscode.Uri) =>
            exportPlanHtml(languageClient, uri instanceof vscode.Uri ? uri : (previews.activeUri() ?? activeOpsbookUri()), target)
        ),
        vscode.commands.registerCommand(SHOW_RULE_DOCUMENTATION, (argument?: string | vscode.Diagnostic) =>
            showRuleDocumentation(context, argument)
        ),
        vscode.commands.registerCommand('opsbook.restartServer', async () => {
            await languageClient.restart();
            output.appendLine(vscode.l10n.t('The Opsbook language server was restarted.'));
        }),
        vscode.languages.registerCodeActionsProvider({ language: LANGUAGE_ID }, new RuleDocumentationActions(), {
            providedCodeActionKinds: RuleDocumentationActions.kinds
        }),
        vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
            async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
                const uri = (state as { uri?: string } | undefined)?.uri;
                if (uri) previews.restore(panel, vscode.Uri.parse(uri));
                else panel.dispose();
            }
        })
    );
    return api;
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
