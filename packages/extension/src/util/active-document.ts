import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../client.js';

/** The URI of the Opsbook document in the active editor, if there is one. */
export function activeOpsbookUri(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === LANGUAGE_ID ? document.uri : undefined;
}
