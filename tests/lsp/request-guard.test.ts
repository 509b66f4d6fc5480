import { OperationCancelled } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import type { Connection } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';
import { guardConnection } from '../../packages/language/src/lsp/server/request-guard.js';

/** A stand-in for a connection that records the handlers registered on it. */
function fakeConnection() {
    const handlers = new Map<string, (...args: unknown[]) => unknown>();
    const connection = {
        onHover(handler: (...args: unknown[]) => unknown) {
            handlers.set('hover', handler);
        },
        onRequest(method: string, handler: (...args: unknown[]) => unknown) {
            handlers.set(method, handler);
        },
        onShutdown(handler: (...args: unknown[]) => unknown) {
            handlers.set('shutdown', handler);
        },
        onCodeAction(handler: (...args: unknown[]) => unknown) {
            handlers.set('codeAction', handler);
        },
        onReferences(handler: (...args: unknown[]) => unknown) {
            handlers.set('references', handler);
        },
        onWorkspaceSymbol(handler: (...args: unknown[]) => unknown) {
            handlers.set('workspaceSymbol', handler);
        },
        languages: {
            inlayHint: {
                on(handler: (...args: unknown[]) => unknown) {
                    handlers.set('inlayHint', handler);
                }
            }
        },
        listen: vi.fn()
    };
    return { connection, handlers };
}

const HOVER = { textDocument: { uri: 'file:///a.ops' }, position: { line: 0, character: 0 } };
const INLAY_HINT = { textDocument: { uri: 'file:///a.ops' }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } };

describe('every handler registered on the guarded connection', () => {
    test('an exception becomes a logged internal-error reply naming the request', async () => {
        const { connection, handlers } = fakeConnection();
        const guarded = guardConnection(connection as unknown as Connection);
        guarded.onHover(() => {
            throw new TypeError("Cannot read properties of undefined (reading 'name')");
        });
        const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const reply = await handlers.get('hover')!(HOVER);
        expect(reply).toBeInstanceOf(ResponseError);
        expect((reply as ResponseError<void>).code).toBe(-32603);
        expect((reply as ResponseError<void>).message).toBe(
            "hover failed: Cannot read properties of undefined (reading 'name') (the server keeps running; please report this with the file that caused it)"
        );
        expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Opsbook: hover failed: TypeError: Cannot read properties/));
        log.mockRestore();
    });

    test('after shutdown every handler answers InvalidRequest (-32600) without running', async () => {
        const { connection, handlers } = fakeConnection();
        const guarded = guardConnection(connection as unknown as Connection);
        const hover = vi.fn(() => ({ contents: 'figures' }));
        guarded.onHover(hover);
        expect(await handlers.get('hover')!(HOVER)).toEqual({ contents: 'figures' });
        await handlers.get('shutdown')!();
        const late = await handlers.get('hover')!(HOVER);
        expect(late).toBeInstanceOf(ResponseError);
        expect((late as ResponseError<void>).code).toBe(-32600);
        expect((late as ResponseError<void>).message).toBe("hover: the server is shutting down (the client sent 'shutdown')");
        expect(hover).toHaveBeenCalledTimes(1);
    });

    test('nested registrations and custom requests are guarded too; answers and ResponseErrors pass through', async () => {
        const { connection, handlers } = fakeConnection();
        const guarded = guardConnection(connection as unknown as Connection);
        guarded.languages.inlayHint.on(async () => {
            throw OperationCancelled;
        });
        guarded.onRequest('opsbook/renderPlan', () => {
            throw new ResponseError(-32803, 'plan.ops has 1 error');
        });
        guarded.onRequest('opsbook/documentStatus', () => ({ errors: 0, warnings: 0 }));
        expect(((await handlers.get('inlayHint')!(INLAY_HINT)) as ResponseError<void>).code).toBe(-32800);
        expect(((await handlers.get('opsbook/renderPlan')!({})) as ResponseError<void>).message).toBe('plan.ops has 1 error');
        expect(await handlers.get('opsbook/documentStatus')!({})).toEqual({ errors: 0, warnings: 0 });
    });

    test('a file that cannot be read is a failed request, not an internal error', async () => {
        const { connection, handlers } = fakeConnection();
        guardConnection(connection as unknown as Connection).onRequest('textDocument/references', () => {
            throw Object.assign(new Error("ENOENT: no such file or directory, open '/nowhere/x.ops'"), {
                code: 'ENOENT',
                path: '/nowhere/x.ops'
            });
        });
        const reply = (await handlers.get('textDocument/references')!({})) as ResponseError<void>;
        expect([reply.code, reply.message]).toEqual([
            -32803,
            'textDocument/references: cannot read /nowhere/x.ops (ENOENT): open the document in the editor first'
        ]);
    });

    test('params of the wrong shape are InvalidParams (-32602), never reach the handler and log no error', async () => {
        const { connection, handlers } = fakeConnection();
        const guarded = guardConnection(connection as unknown as Connection);
        const hover = vi.fn(() => null);
        guarded.onHover(hover);
        guarded.languages.inlayHint.on(hover);
        const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const replies: [string, unknown][] = [
            ['hover', 'garbage'],
            ['hover', undefined],
            ['hover', null],
            ['hover', [1, 2]],
            ['hover', { textDocument: { uri: 42 }, position: { line: 0, character: 0 } }],
            ['hover', { textDocument: { uri: 'file:///a.ops' } }],
            ['hover', { textDocument: { uri: 'file:///a.ops' }, position: { line: '0', character: 0 } }],
            ['inlayHint', { textDocument: { uri: 'file:///a.ops' }, range: { start: { line: 0, character: 0 } } }]
        ];
        const answers = await Promise.all(replies.map(([name, params]) => handlers.get(name)!(params) as Promise<ResponseError<void>>));
        expect(answers.map(reply => [reply.code, reply.message])).toEqual([
            [-32602, 'hover: invalid params: expected an object with textDocument, got string "garbage"'],
            [-32602, 'hover: invalid params: expected an object with textDocument, got nothing'],
            [-32602, 'hover: invalid params: expected an object with textDocument, got null'],
            [-32602, 'hover: invalid params: expected an object with textDocument, got an array'],
            [-32602, 'hover: invalid params: textDocument.uri must be a string, got number 42'],
            [-32602, 'hover: invalid params: position must be { line: number, character: number }, got nothing'],
            [-32602, 'hover: invalid params: position must be { line: number, character: number }, got an object of another shape'],
            [
                -32602,
                'languages.inlayHint: invalid params: range must be { start: Position, end: Position }, got an object of another shape'
            ]
        ]);
        expect(hover).not.toHaveBeenCalled();
        expect(log).not.toHaveBeenCalled();
        // Well-formed params (whatever their values) still reach the handler.
        expect(
            await handlers.get('hover')!({ textDocument: { uri: 'file:///a.ops' }, position: { line: -1, character: 2 ** 31 } })
        ).toBeNull();
        expect(hover).toHaveBeenCalledOnce();
        log.mockRestore();
    });

    test('the members the providers read without looking: code action and references context, workspace symbol query', async () => {
        const { connection, handlers } = fakeConnection();
        const guarded = guardConnection(connection as unknown as Connection);
        const handler = vi.fn(() => []);
        guarded.onCodeAction(handler);
        guarded.onReferences(handler);
        guarded.onWorkspaceSymbol(handler);
        const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const document = { textDocument: { uri: 'file:///a.ops' } };
        const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
        const position = { line: 0, character: 0 };
        const replies: [string, unknown][] = [
            ['codeAction', { ...document, range }],
            ['codeAction', { ...document, range, context: 'x' }],
            ['codeAction', { ...document, range, context: { diagnostics: {} } }],
            ['references', { ...document, position }],
            ['references', { ...document, position, context: { includeDeclaration: 'yes' } }],
            ['workspaceSymbol', { query: 42 }],
            ['workspaceSymbol', 'x']
        ];
        const answers = await Promise.all(replies.map(([name, params]) => handlers.get(name)!(params) as Promise<ResponseError<void>>));
        expect(answers.map(reply => [reply.code, reply.message])).toEqual([
            [-32602, 'codeAction: invalid params: context must be { diagnostics: Diagnostic[] }, got nothing'],
            [-32602, 'codeAction: invalid params: context must be { diagnostics: Diagnostic[] }, got string "x"'],
            [-32602, 'codeAction: invalid params: context must be { diagnostics: Diagnostic[] }, got an object of another shape'],
            [-32602, 'references: invalid params: context must be { includeDeclaration: boolean }, got nothing'],
            [-32602, 'references: invalid params: context must be { includeDeclaration: boolean }, got an object of another shape'],
            [-32602, 'workspaceSymbol: invalid params: query must be a string, got number 42'],
            [-32602, 'workspaceSymbol: invalid params: expected an object with query, got string "x"']
        ]);
        expect(handler).not.toHaveBeenCalled();
        expect(log).not.toHaveBeenCalled();
        expect(await handlers.get('codeAction')!({ ...document, range, context: { diagnostics: [] } })).toEqual([]);
        expect(await handlers.get('references')!({ ...document, position, context: { includeDeclaration: true } })).toEqual([]);
        expect(await handlers.get('workspaceSymbol')!({ query: '' })).toEqual([]);
        expect(handler).toHaveBeenCalledTimes(3);
        log.mockRestore();
    });

    test('other members keep working', () => {
        const { connection } = fakeConnection();
        guardConnection(connection as unknown as Connection).listen();
        expect(connection.listen).toHaveBeenCalledOnce();
    });
});
