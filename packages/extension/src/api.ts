import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PreviewState } from './preview/plan-preview.js';
import type { OverwriteConfirmation } from './review/generate-review.js';

/**
 * What `activate` returns (`vscode.extensions.getExtension('opsbook.opsbook-vscode').exports`): the
 * running client and read-only views of the preview and status bar, for the extension-host tests
 * and for other extensions.
 */
export interface OpsbookExtensionApi {
    readonly client: LanguageClient;
    /** Resolves once the language server has answered `initialize`. */
    readonly ready: Promise<void>;
    /** What the plan preview of a document shows now, if one is open. */
    previewState(uri: vscode.Uri): PreviewState | undefined;
    /** Fires after a preview rendered (with its Mermaid diagrams drawn) or failed to. */
    readonly onDidRenderPreview: vscode.Event<PreviewState>;
    /** The status bar item's text and accessible label for the active playbook (undefined when hidden). */
    statusBar(): { text: string; label: string } | undefined;
    readonly onDidUpdateStatusBar: vscode.Event<void>;
    /**
     * How "Generate Review Template" asks before overwriting an edited review (a modal dialog).
     * Replaceable so a test can answer the question a person would.
     */
    confirmOverwrite: OverwriteConfirmation;
}
