import { OperationCancelled } from 'langium';
import { CancellationToken } from 'vscode-languageserver';

/** At most this long (ms) between two turns of the event loop in the long work that yields here. */
export const YIELD_PERIOD_MS = 10;

let lastYield = 0;

/**
 * Langium's `interruptAndCheck` for the language server's long work on one document (a large file's
 * lex, parse, analysis and checks): every `YIELD_PERIOD_MS` it gives the event loop a turn, then throws
 * Langium's OperationCancelled if the build was cancelled (by the next edit). The turn is a timer, not
 * `setImmediate`: vscode-jsonrpc handles one incoming message per `setImmediate`, so one immediate
 * per 10 ms of work answered at most one request per turn, and a burst of hovers on another file
 * queued up behind a rebuild; during a timer's millisecond the loop goes round as often as there are
 * messages waiting.
 */
export async function yieldToRequests(cancelToken: CancellationToken): Promise<void> {
    // As Langium's: no turns for work nobody can cancel (the CLI).
    if (cancelToken === CancellationToken.None) return;
    const now = performance.now();
    if (now - lastYield >= YIELD_PERIOD_MS) {
        await new Promise<void>(resolve => setTimeout(resolve, 0));
        lastYield = performance.now();
    }
    if (cancelToken.isCancellationRequested) throw OperationCancelled;
}
