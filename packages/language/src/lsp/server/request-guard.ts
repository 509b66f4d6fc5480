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
export function guarded<A extends unknown[], R>(
    name: string,
    handler: (...args: A) => R,
    lifecycle?: Lifecycle
): (...args: A) => Promise<Awaited<R> | ResponseError<void>> {
    return async (...args: A): Promise<Awaited<R> | ResponseError<void>> => {
        // LSP: after `shutdown` a request is answered with InvalidRequest and does nothing (a
        // notification's reply is dropped by the connection, so it is simply ignored).
        if (lifecycle?.shutDown)
            return new ResponseError(ErrorCodes.InvalidRequest, `${name}: the server is shutting down (the client sent 'shutdown')`);
        const problem = paramsProblem(name, args[0]);
        if (problem !== undefined) {
            // JSON-RPC: params of the wrong shape are InvalidParams (-32602), the client's mistake, not
            // the server's; a notification has no reply, so it is only noted, in one line.
            if (NOTIFICATIONS.has(name)) console.warn(`Opsbook: ${name} ignored: ${problem}`);
            return new ResponseError(ErrorCodes.InvalidParams, `${name}: invalid params: ${problem}`);
        }
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
        return new ResponseError(
            LSPErrorCodes.RequestFailed,
            `${name}: cannot read ${file} (${String(code)}): open the document in the editor first`
        );
    }
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`Opsbook: ${name} failed: ${text}`);
    const message = error instanceof Error ? error.message : String(error);
    return new ResponseError(
        INTERNAL_ERROR,
        `${name} failed: ${message} (the server keeps running; please report this with the file that caused it)`
    );
}

/** Handlers whose params name a text document (`{ textDocument: { uri } }`), by the name `handlerName` gives them. */
const DOCUMENT_PARAMS = new Set([
    'documentSymbol',
    'documentFormatting',
    'codeLens',
    'documentLinks',
    'foldingRanges',
    'languages.semanticTokens',
    'languages.semanticTokens.delta',
    'languages.diagnostics',
    'didOpenTextDocument',
    'didChangeTextDocument',
    'didCloseTextDocument',
    'didSaveTextDocument',
    'willSaveTextDocument',
    'willSaveTextDocumentWaitUntil'
]);
/** … and a position in it. */
const POSITION_PARAMS = new Set([
    'hover',
    'completion',
    'definition',
    'declaration',
    'typeDefinition',
    'implementation',
    'references',
    'documentHighlight',
    'signatureHelp',
    'renameRequest',
    'prepareRename',
    'languages.callHierarchy.prepare',
    'languages.typeHierarchy.prepare',
    'languages.moniker'
]);
/** … and a range in it. */
const RANGE_PARAMS = new Set([
    'codeAction',
    'documentRangeFormatting',
    'languages.inlayHint',
    'languages.semanticTokens.range',
    'languages.inlineValue'
]);
/** Handlers of notifications (they get no reply). */
const NOTIFICATIONS = new Set([
    'didOpenTextDocument',
    'didChangeTextDocument',
    'didCloseTextDocument',
    'didSaveTextDocument',
    'willSaveTextDocument'
]);

/** What is wrong with the shape of `params` for the handler `name`, if anything (values are not judged here). */
export function paramsProblem(name: string, params: unknown): string | undefined {
    if (name === 'workspaceSymbol') {
        if (!isObject(params)) return `expected an object with query, got ${describe(params)}`;
        return typeof params.query === 'string' ? undefined : `query must be a string, got ${describe(params.query)}`;
    }
    const needsDocument = DOCUMENT_PARAMS.has(name) || POSITION_PARAMS.has(name) || RANGE_PARAMS.has(name);
    if (!needsDocument) return undefined;
    if (!isObject(params)) return `expected an object with textDocument, got ${describe(params)}`;
    if (!isObject(params.textDocument) || typeof params.textDocument.uri !== 'string')
        return `textDocument.uri must be a string, got ${describe(isObject(params.textDocument) ? params.textDocument.uri : params.textDocument)}`;
    if (POSITION_PARAMS.has(name) && !isPosition(params.position))
        return `position must be { line: number, character: number }, got ${describe(params.position)}`;
    if (RANGE_PARAMS.has(name) && !(isObject(params.range) && isPosition(params.range.start) && isPosition(params.range.end)))
        return `range must be { start: Position, end: Position }, got ${describe(params.range)}`;
    // The members Langium's providers read without looking (RELIABILITY.md, round two, item 3).
    if (name === 'codeAction' && !(isObject(params.context) && Array.isArray(params.context.diagnostics)))
        return `context must be { diagnostics: Diagnostic[] }, got ${describe(params.context)}`;
    if (name === 'references' && !(isObject(params.context) && typeof params.context.includeDeclaration === 'boolean'))
        return `context must be { includeDeclaration: boolean }, got ${describe(params.context)}`;
    if (name === 'renameRequest' && typeof params.newName !== 'string') return `newName must be a string, got ${describe(params.newName)}`;
    if (name === 'didOpenTextDocument' && typeof params.textDocument.text !== 'string')
        return `textDocument.text must be a string, got ${describe(params.textDocument.text)}`;
    if (name === 'didChangeTextDocument' && !Array.isArray(params.contentChanges))
        return `contentChanges must be an array, got ${describe(params.contentChanges)}`;
    return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> & { textDocument?: unknown } {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPosition(value: unknown): boolean {
    return isObject(value) && typeof value.line === 'number' && typeof value.character === 'number';
}

function describe(value: unknown): string {
    if (value === undefined) return 'nothing';
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'an array';
    return typeof value === 'object' ? 'an object of another shape' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

/** The groups of a connection under which Langium registers handlers (`connection.languages.inlayHint.on`). */
const HANDLER_GROUPS = new Set([
    'languages',
    'workspace',
    'window',
    'notebooks',
    'inlayHint',
    'inlineValue',
    'semanticTokens',
    'callHierarchy',
    'typeHierarchy',
    'diagnostics',
    'moniker',
    'textDocumentContent',
    'foldingRange',
    'inlineCompletion',
    'synchronization'
]);

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
                    return value.apply(
                        object,
                        args.map(arg => (typeof arg === 'function' ? guarded(name, arg as (...a: unknown[]) => unknown, lifecycle) : arg))
                    );
                };
            }
            if (value && typeof value === 'object' && HANDLER_GROUPS.has(property))
                return guardGroup(value, `${prefix}${property}.`, lifecycle);
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
