import { isOperationCancelled } from 'langium';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';

/** JSON-RPC "internal error". */
const INTERNAL_ERROR = -32603;

/**
 * Wraps a request handler so that whatever it throws becomes an error reply — a ResponseError as is, a
 * cancellation as "request cancelled", anything else logged with its stack and answered with one line —
 * and the server keeps running.
 */
export function guarded<P, R>(method: string, handler: (params: P, token: { isCancellationRequested: boolean }) => Promise<R>) {
    return async (params: P, token: { isCancellationRequested: boolean }): Promise<R | ResponseError<void>> => {
        try {
            return await handler(params, token);
        } catch (error) {
            if (error instanceof ResponseError) return error;
            if (isOperationCancelled(error)) return new ResponseError(LSPErrorCodes.RequestCancelled, `${method} was cancelled`);
            const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
            console.error(`Opsbook: ${method} failed: ${text}`);
            const message = error instanceof Error ? error.message : String(error);
            return new ResponseError(INTERNAL_ERROR, `${method} failed: ${message} (the server keeps running; please report this with the file that caused it)`);
        }
    };
}
