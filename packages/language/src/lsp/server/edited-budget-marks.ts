import { DocumentState, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver';

/** What the update handler tells about edits (OpsbookDocumentUpdateHandler). */
export interface EditLines {
    lastEditLine(uri: string): number | undefined;
}

/**
 * budget-overrun is reported at the playbook's `budget`, with every channel and campaign budget as
 * related information. In the editor, the budget just edited — the one whose line the last edit of its
 * file began on — is marked too, with the same message: the edit that pushed the total over is often
 * far from the playbook header (issue 16). The mark is published with its file's diagnostics right
 * after Langium published them (same code and severity, `data.editedBudget`); it is never added to the
 * document's own diagnostics, so the status counts, the plan's findings and `opsbook check` are
 * unchanged. It follows the primary (suppressed or turned off, neither is shown) and moves with the next edit.
 */
export class EditedBudgetMarks {
    constructor(
        private readonly shared: LangiumSharedServices,
        private readonly edits: EditLines,
        private readonly connection: Connection
    ) {}

    /** After Langium's own listener (register after `startLanguageServer`). */
    register(): void {
        this.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
            for (const [document, marks] of this.marks(documents)) {
                void this.connection.sendDiagnostics({
                    uri: document.uri.toString(),
                    diagnostics: [...(document.diagnostics ?? []), ...marks]
                });
            }
        });
    }

    /** The marks to add, per built document. */
    marks(documents: readonly LangiumDocument[]): Map<LangiumDocument, Diagnostic[]> {
        const built = new Map(documents.map(document => [document.uri.toString(), document]));
        const found = new Map<LangiumDocument, Diagnostic[]>();
        for (const document of documents) {
            for (const diagnostic of document.diagnostics ?? []) {
                if (diagnostic.code !== 'budget-overrun') continue;
                for (const info of diagnostic.relatedInformation ?? []) {
                    const line = this.edits.lastEditLine(info.location.uri);
                    const { start, end } = info.location.range;
                    if (line === undefined || line < start.line || line > end.line) continue;
                    const target = built.get(info.location.uri);
                    if (!target) continue;
                    const back = (diagnostic.data as { playbookBudget?: DiagnosticRelatedInformation } | undefined)?.playbookBudget;
                    found.set(target, [
                        ...(found.get(target) ?? []),
                        {
                            ...diagnostic,
                            range: info.location.range,
                            relatedInformation: back ? [back] : [],
                            data: { ...(diagnostic.data as object | undefined), editedBudget: true }
                        }
                    ]);
                }
            }
        }
        return found;
    }
}
