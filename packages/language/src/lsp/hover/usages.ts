import type { AstNode, LangiumDocument } from 'langium';
import type { Document } from '../../generated/ast.js';
import type { OpsbookServices } from '../opsbook-services.js';
import { describeElementType } from '../../i18n/words.js';
import type { Locale } from '../../values/format.js';
import { code } from '../markdown.js';

/** `goal SeedUsers`, `monitor signups`, `assessment bob`. */
export function usageLabel(element: AstNode, locale: Locale): string {
    const named = (element as { name?: string }).name;
    const keyed =
        (element as { person?: { $refText?: string }; metric?: { $refText?: string } }).person?.$refText ??
        (element as { metric?: { $refText?: string } }).metric?.$refText;
    const name = named ?? keyed;
    return `${describeElementType(element.$type, false, locale)}${name ? ` ${code(name)}` : ''}`;
}

/** Workspace files with a playbook that import `library` directly, in a stable order. */
export function playbooksImporting(services: OpsbookServices, library: LangiumDocument<Document>): LangiumDocument<Document>[] {
    const key = library.uri.toString();
    const result: LangiumDocument<Document>[] = [];
    for (const document of services.shared.workspace.LangiumDocuments.all) {
        const root = (document as LangiumDocument<Document>).parseResult.value;
        if (!root.elements?.some(element => element.$type === 'Playbook')) continue;
        const imports = services.references.ImportResolver.importedDocuments(document as LangiumDocument<Document>);
        if (imports.some(imported => imported.uri.toString() === key)) result.push(document as LangiumDocument<Document>);
    }
    return result.sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
}
