import { ResponseError } from 'vscode-languageserver';
import { ActualsCsvError, parseActualsCsv } from '../../analysis/actuals-csv.js';
import type { PlaybookAnalysis } from '../../analysis/model.js';
import type { ActualRow } from '../../analysis/review-analysis.js';
import { OpsbookRequestErrors } from '../custom-requests.js';

/**
 * The rows of an actuals CSV given as text (`opsbook/renderReview`'s `actualsCsv`), checked by the same
 * parser as `opsbook review --actuals`. A bad row is an invalid-params reply naming its line.
 */
export function parseActualsText(text: unknown, analysis: PlaybookAnalysis): ActualRow[] {
    if (typeof text !== 'string') {
        throw new ResponseError(OpsbookRequestErrors.InvalidParams, 'actualsCsv must be the text of a CSV file (columns date,metric,channel,value)');
    }
    try {
        return parseActualsCsv(text, analysis);
    } catch (error) {
        if (error instanceof ActualsCsvError) throw new ResponseError(OpsbookRequestErrors.InvalidParams, `actualsCsv line ${error.line}: ${error.problem}`);
        throw error;
    }
}
