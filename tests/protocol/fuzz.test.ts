import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
    CancellationTokenSource,
    DidCloseTextDocumentNotification,
    DocumentSymbolRequest,
    HoverRequest
} from 'vscode-languageserver-protocol/node';
import { PLAN_OPS, TEAM_OPS, temporaryWorkspace } from './fixtures.js';
import { LspTestClient, withTimeout } from './lsp-client.js';
import { stressSize } from '../stress.js';

/** Sequences per run: 12 in `npm test`, 60 in `npm run test:stress`; set any count with OPSBOOK_LSP_FUZZ_RUNS. */
const RUNS = Number(process.env.OPSBOOK_LSP_FUZZ_RUNS ?? stressSize(60, 12));
/** Fixed, so that a failure reproduces (the replies still depend on timing: cancellations race the work). */
const SEED = 80_201 + (Number.isInteger(Number(process.env.OPSBOOK_FUZZ_SEED)) ? Number(process.env.OPSBOOK_FUZZ_SEED) : 0);

/** Every request an editor may send about a position or a document, plus the extension's own. */
const POSITION_REQUESTS = [
    'textDocument/completion',
    'textDocument/hover',
    'textDocument/definition',
    'textDocument/references',
    'textDocument/documentHighlight',
    'textDocument/prepareRename',
    'textDocument/rename'
];
const DOCUMENT_REQUESTS = [
    'textDocument/documentSymbol',
    'textDocument/foldingRange',
    'textDocument/semanticTokens/full',
    'textDocument/inlayHint',
    'textDocument/codeLens',
    'textDocument/codeAction',
    'textDocument/formatting',
    'textDocument/documentLink',
    'opsbook/renderPlan',
    'opsbook/renderReview',
    'opsbook/analysis',
    'opsbook/documentStatus'
];

/** Pieces of Opsbook and of trouble: keywords, numbers with suffixes, full-width characters, broken strings. */
const FRAGMENTS = [
    'goal',
    'channel',
    ' owner alice',
    ' delivers 5k signups to G',
    '{',
    '}',
    '\n',
    ' ',
    '"',
    '//',
    '/*',
    '%',
    '20万',
    '4.35亿',
    '1.2M',
    '２０',
    '，',
    '｛',
    'by',
    'to',
    '^by',
    'import "team.ops"\n',
    'import "../../etc/passwd"\n',
    'person 小王\n',
    'target at least 35% d30 by 2027-02-30',
    '..',
    '2027-Q5',
    'monitor signups { by channel }',
    'assessment bob { kpi G weight 150% }',
    '\u0000',
    '\uFEFF',
    '😀',
    '\r\n'
];

const position = fc.record({ line: fc.integer({ min: -2, max: 40 }), character: fc.integer({ min: -2, max: 120 }) });

type Operation =
    | { kind: 'edit'; start: { line: number; character: number }; end: { line: number; character: number }; text: string }
    | { kind: 'replace-all'; text: string }
    | { kind: 'request'; method: string; known: boolean; at: { line: number; character: number }; cancel: boolean }
    | { kind: 'close-reopen' };

const operation: fc.Arbitrary<Operation> = fc.oneof(
    {
        weight: 5,
        arbitrary: fc.record({
            kind: fc.constant('edit' as const),
            start: position,
            end: position,
            text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 }))
        })
    },
    {
        weight: 1,
        arbitrary: fc.record({
            kind: fc.constant('replace-all' as const),
            text: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map(parts => parts.join(''))
        })
    },
    {
        weight: 5,
        arbitrary: fc.record({
            kind: fc.constant('request' as const),
            method: fc.constantFrom(...POSITION_REQUESTS, ...DOCUMENT_REQUESTS),
            known: fc.boolean(),
            at: position,
            cancel: fc.boolean()
        })
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'close-reopen' as const }) }
);

let client: LspTestClient;
let planUri: string;
let planFile: string;
/** Error replies that mean a handler threw (JSON-RPC InternalError): each is a bug, even if the server survives. */
const internalErrors: string[] = [];
/** Requests on the open document that the client did not cancel: how many were answered, and any that failed. */
let plainAnswered = 0;
const plainFailures: string[] = [];
/** What the requests got back, by outcome (for the log line at the end: proof that the fuzz really ran). */
const outcomes = new Map<string, number>();

beforeAll(async () => {
    const folder = temporaryWorkspace({ 'team.ops': TEAM_OPS, 'plan.ops': PLAN_OPS });
    planFile = path.join(folder, 'plan.ops');
    client = LspTestClient.start();
    await client.initialize(folder);
    planUri = await client.open(planFile, PLAN_OPS);
});

afterAll(async () => {
    await client?.stop();
});

function paramsFor(method: string, uri: string, at: { line: number; character: number }): unknown {
    const textDocument = { uri };
    const range = { start: at, end: { line: at.line + 3, character: 0 } };
    switch (method) {
        case 'textDocument/references':
            return { textDocument, position: at, context: { includeDeclaration: true } };
        case 'textDocument/rename':
            return { textDocument, position: at, newName: 'renamed' };
        case 'textDocument/inlayHint':
            return { textDocument, range };
        case 'textDocument/codeAction':
            return { textDocument, range, context: { diagnostics: client.diagnostics.get(uri) ?? [] } };
        case 'textDocument/formatting':
            return { textDocument, options: { tabSize: 2, insertSpaces: true } };
        case 'opsbook/renderPlan':
        case 'opsbook/analysis':
        case 'opsbook/documentStatus':
            return { uri };
        case 'opsbook/renderReview':
            return { uri, period: '2027-01' };
        default:
            return POSITION_REQUESTS.includes(method) ? { textDocument, position: at } : { textDocument };
    }
}

async function run(op: Operation): Promise<void> {
    switch (op.kind) {
        case 'edit':
            await client.change(planUri, [{ range: { start: op.start, end: op.end }, text: op.text }]);
            return;
        case 'replace-all':
            await client.change(planUri, [{ text: op.text }]);
            return;
        case 'close-reopen':
            await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: planUri } });
            await client.open(planFile, PLAN_OPS);
            return;
        case 'request': {
            const uri = op.known ? planUri : 'file:///nowhere/unknown.ops';
            const source = new CancellationTokenSource();
            const reply = client.connection.sendRequest(op.method, paramsFor(op.method, uri, op.at), source.token);
            if (op.cancel) source.cancel();
            try {
                await withTimeout(reply, 20_000, `${op.method}`);
                outcomes.set('answered', (outcomes.get('answered') ?? 0) + 1);
                if (op.known && !op.cancel) plainAnswered++;
            } catch (error) {
                const code = (error as { code?: number }).code;
                outcomes.set(`error ${code}`, (outcomes.get(`error ${code}`) ?? 0) + 1);
                if (code === -32603) internalErrors.push(`${op.method} ${JSON.stringify(op.at)}: ${(error as Error).message}`);
                // A request on an open document that nobody cancelled is answered, or cancelled by the server
                // because an edit made it stale (-32802); only a plan or review of a playbook with errors may
                // fail (-32803, "…has N errors; fix…"), as the custom requests specify.
                const refusedDocument =
                    code === -32803 && op.method.startsWith('opsbook/render') && /has \d+ errors?; fix/.test((error as Error).message);
                if (op.known && !op.cancel && code !== -32802 && !refusedDocument)
                    plainFailures.push(`${op.method} ${JSON.stringify(op.at)}: ${code} ${(error as Error).message}`);
                if (code === undefined) throw error;
            }
        }
    }
}

test('random edits, requests at any position, unknown documents and cancellations: the server keeps answering', async () => {
    await fc.assert(
        fc.asyncProperty(fc.array(operation, { minLength: 5, maxLength: 40 }), async operations => {
            for (const op of operations) await run(op);
            // Still alive and answering, with the text as it is now.
            const symbols = await withTimeout(
                client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: planUri } }),
                20_000,
                'documentSymbol after the sequence'
            );
            expect(Array.isArray(symbols)).toBe(true);
            await withTimeout(
                client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: planUri }, position: { line: 0, character: 0 } }),
                20_000,
                'hover after the sequence'
            );
            expect(client.exitCode).toBeUndefined();
        }),
        { numRuns: RUNS, endOnFailure: true, seed: SEED }
    );
    console.log(
        `LSP fuzz: ${RUNS} sequences; request outcomes ${JSON.stringify(Object.fromEntries(outcomes))}; ${client.published.length} diagnostics notifications`
    );
    expect(plainFailures).toEqual([]);
    expect(plainAnswered).toBeGreaterThan(0);
    expect(internalErrors).toEqual([]);
    expect(client.logs.filter(line => /uncaught|unhandled/i.test(line))).toEqual([]);
}, 600_000);
