import { ResponseError } from 'vscode-languageserver';
import type { PlaybookAnalysis } from '../../analysis/model.js';
import type { ActualRow } from '../../analysis/review-analysis.js';
import { OpsbookRequestErrors } from '../custom-requests.js';

/**
 * The rows of an actuals CSV given as text (`opsbook/renderReview`'s `actualsCsv`). The checked parser
 * lives with the CLI (packages/cli/src/actuals-csv.ts, on csv-parse) and reads a file; until it moves
 * into the language package as a function of text, the server declines with a clear message rather
 * than parse CSV a second, different way.
 */
export function parseActualsText(_text: string, _analysis: PlaybookAnalysis): ActualRow[] {
    throw new ResponseError(
        OpsbookRequestErrors.InvalidParams,
        'actualsCsv is not supported by the language server yet: generate the review without actuals, or run `opsbook review FILE --actuals FILE.csv`'
    );
}
