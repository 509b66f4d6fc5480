import { ResponseError } from 'vscode-languageserver';
import { ActualsCsvError, readActualsCsv } from '../../analysis/actuals-csv.js';
import { render } from '../../i18n/catalogue.js';
import type { PlaybookAnalysis } from '../../analysis/model.js';
import type { ActualRow } from '../../analysis/review-analysis.js';
import type { Locale } from '../../values/format.js';
import { OpsbookRequestErrors } from '../custom-requests.js';

/**
 * The rows of an actuals CSV given as text (`opsbook/renderReview`'s `actualsCsv`), checked by the same
 * parser as `opsbook review --actuals`. A bad row is an invalid-params reply naming its line; the
 * warnings (a row repeating an earlier one's date, metric and channel) come back as text in `locale`.
 */
export function parseActualsText(
    text: unknown,
    analysis: PlaybookAnalysis,
    locale: Locale = 'en'
): { rows: ActualRow[]; warnings: string[] } {
    if (typeof text !== 'string') {
        throw new ResponseError(
            OpsbookRequestErrors.InvalidParams,
            'actualsCsv must be the text of a CSV file (columns date,metric,channel,value)'
        );
    }
    try {
        const { rows, warnings } = readActualsCsv(text, analysis);
        return { rows, warnings: warnings.map(w => `actualsCsv line ${w.line}, column ${w.column}: ${render(locale, w.message)}`) };
    } catch (error) {
        if (error instanceof ActualsCsvError)
            throw new ResponseError(OpsbookRequestErrors.InvalidParams, `actualsCsv line ${error.line}: ${render(locale, error.detail)}`);
        throw error;
    }
}
