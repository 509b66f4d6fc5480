import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { PlaybookAnalysis } from '../analysis/model.js';
import type { Document } from '../generated/ast.js';
import type { OpsbookServices } from './opsbook-services.js';
import type { Locale } from '../values/format.js';

const reported = new Set<string>();

/**
 * The analysis of a document, or undefined when computing it fails: an editor feature then shows
 * less, instead of failing the request. Each distinct failure is logged once.
 */
export function analysisOf(services: OpsbookServices, document: LangiumDocument): PlaybookAnalysis | undefined {
    try {
        return services.analysis.PlaybookAnalyzer.analyze(document as LangiumDocument<Document>);
    } catch (error) {
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        if (!reported.has(text)) {
            reported.add(text);
            console.error(`Opsbook: analysing ${document.uri.toString()} failed: ${text}`);
        }
        return undefined;
    }
}

/** The analysis of the file that declares `node` (goals, channels, campaigns live in their own file's). */
export function analysisOfNode(services: OpsbookServices, node: AstNode): PlaybookAnalysis | undefined {
    return analysisOf(services, AstUtils.getDocument(node));
}

/** The language of hover texts, lenses and hints: the same as the diagnostic messages. */
export function uiLocale(services: OpsbookServices, document: LangiumDocument): Locale {
    return services.config.ConfigProvider.messageLocale(document.uri);
}
