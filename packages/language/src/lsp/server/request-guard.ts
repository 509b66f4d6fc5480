import { isOperationCancelled } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

/** JSON-RPC "internal error": a handler failed in a way it did not foresee (a bug to report). */
const INTERNAL_ERROR = -32603;

/**
 * Wraps a handler so that whatever it throws becomes an error reply — a ResponseError as is, a
 * cancellation as "request cancelled", a missing file as "request failed", anything else logged with
 * its stack and answered with one line — and the server keeps running.
 */
export function guarded<A extends unknown[], R>(name: string, handler: (...args: A) => R, lifecycle?: Lifecycle): (...args: A) => Promise<Awaited<R> | ResponseError<void>> {
    return async (...args: A): Promise<Awaited<R> | ResponseError<void>> => {
        // LSP: after `shutdown` a request is answered with InvalidRequest and does nothing (a
        // notification's reply is dropped by the connection, so it is simply ignored).
        if (lifecycle?.shutDown) return new ResponseError(ErrorCodes.InvalidRequest, `${name}: the server is shutting down (the client sent 'shutdown')`);
        try {
            return (await handler(...args)) as Awaited<R>;
        } catch (error) {
            return errorReply(name, error);
        }
    };
}

function errorReply(name: string, error: unknown): ResponseError<void> {
    if (error instanceof ResponseError) return error;
    if (isOperationCancelled(error)) return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} was cancelled`);
    const code = (error as { code?: unknown } | undefined)?.code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
        const file = (error as { path?: string }).path ?? '';
        return new ResponseError(LSPErrorCodes.RequestFailed, `${name}: cannot read ${file} (${String(code)}): open the document in the editor first`);
    }
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`Opsbook: ${name} failed: ${text}`);
    const message = error instanceof Error ? error.message : String(error);
    return new ResponseError(INTERNAL_ERROR, `${name} failed: ${message} (the server keeps running; please report this with the file that caused it)`);
}

/** The groups of a connection under which Langium registers handlers (`connection.languages.inlayHint.on`). */
const HANDLER_GROUPS = new Set(['languages', 'workspace', 'window', 'notebooks', 'inlayHint', 'inlineValue', 'semanticTokens', 'callHierarchy', 'typeHierarchy', 'diagnostics', 'moniker', 'textDocumentContent', 'foldingRange', 'inlineCompletion', 'synchronization']);

/**
 * The connection as the services see it: every handler registered through an `on…` method (requests
 * and notifications alike, Langium's and ours) is wrapped by `guarded`, so an exception in any of them
 * becomes a logged error reply instead of an unexplained internal error or a dead server.
 */
export function guardConnection(connection: Connection): Connection {
    const lifecycle: Lifecycle = { shutDown: false };
    // The connection keeps one shutdown handler; nothing else registers one (Langium does not).
    connection.onShutdown(() => {
        lifecycle.shutDown = true;
    });
    return guardGroup(connection, '', lifecycle) as Connection;
}

/** Whether the client has asked the server to shut down. */
interface Lifecycle {
    shutDown: boolean;
}

function guardGroup(target: object, prefix: string, lifecycle: Lifecycle): object {
    return new Proxy(target, {
        get(object, property, receiver) {
            const value = Reflect.get(object, property, receiver);
            if (typeof property !== 'string') return value;
            if (typeof value === 'function' && /^on(?:[A-Z]|$)/.test(property)) {
                return (...args: unknown[]) => {
                    const name = handlerName(prefix, property, args[0]);
                    return value.apply(object, args.map(arg => (typeof arg === 'function' ? guarded(name, arg as (...a: unknown[]) => unknown, lifecycle) : arg)));
                };
            }
            if (value && typeof value === 'object' && HANDLER_GROUPS.has(property)) return guardGroup(value, `${prefix}${property}.`, lifecycle);
            return typeof value === 'function' ? value.bind(object) : value;
        }
    });
}

/** `onHover` → `hover`; `onRequest('opsbook/renderPlan', …)` → `opsbook/renderPlan`. */
function handlerName(prefix: string, property: string, first: unknown): string {
    if ((property === 'onRequest' || property === 'onNotification') && first !== undefined) {
        if (typeof first === 'string') return first;
        const method = (first as { method?: unknown }).method;
        if (typeof method === 'string') return method;
    }
    const bare = property.replace(/^on/, '');
    return bare ? `${prefix}${bare.charAt(0).toLowerCase()}${bare.slice(1)}` : prefix.replace(/\.$/, '');
}
