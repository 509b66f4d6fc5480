import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CodeActionRequest,
    CodeLensRequest,
    CompletionRequest,
    DocumentSymbolRequest,
    HoverRequest,
    InlayHintRequest,
    SemanticTokensRequest
} from 'vscode-languageserver-protocol/node';
import {
    ANALYSIS_REQUEST,
    DOCUMENT_STATUS_REQUEST,
    OpsbookRequestErrors,
    RENDER_PLAN_REQUEST,
    REVIEW_PERIODS_REQUEST,
    type ReviewPeriodsResult
} from '../../packages/language/src/lsp/custom-requests.js';
import { cliDiagnostics, PLAN_OPS, TEAM_OPS, temporaryWorkspace } from './fixtures.js';
import { fileUri, LspTestClient, REPO } from './lsp-client.js';
import { toCliDiagnostic } from '../../packages/cli/src/output/cli-diagnostic.js';

describe('the bundled server over stdio (opsbook-language-server --stdio)', () => {
    let client: LspTestClient;
    let folder: string;
    let planUri: string;

    beforeAll(async () => {
        folder = temporaryWorkspace({ 'team.ops': TEAM_OPS, 'plan.ops': PLAN_OPS });
        client = LspTestClient.start();
        await client.initialize(folder, { initializationOptions: { diagnosticsDelay: 150 } });
        planUri = fileUri(path.join(folder, 'plan.ops'));
    });

    afterAll(async () => {
        await client?.stop();
    });

    test('initialize announces every feature', async () => {
        const other = LspTestClient.start();
        try {
            const { capabilities } = await other.initialize(folder);
            expect(capabilities).toEqual({
                workspace: { workspaceFolders: { supported: true } },
                textDocumentSync: { change: 2, openClose: true, save: false, willSave: false, willSaveWaitUntil: false },
                completionProvider: { triggerCharacters: [' ', '"'] },
                referencesProvider: true,
                documentSymbolProvider: true,
                definitionProvider: true,
                typeDefinitionProvider: false,
                documentHighlightProvider: true,
                codeActionProvider: true,
                documentFormattingProvider: true,
                documentRangeFormattingProvider: true,
                foldingRangeProvider: true,
                hoverProvider: true,
                renameProvider: { prepareProvider: true },
                semanticTokensProvider: expect.objectContaining({ full: { delta: false }, range: true }),
                implementationProvider: false,
                documentLinkProvider: { resolveProvider: false },
                codeLensProvider: { resolveProvider: false },
                declarationProvider: false,
                inlayHintProvider: { resolveProvider: false },
                workspaceSymbolProvider: { resolveProvider: false }
            });
        } finally {
            await other.stop();
        }
    });

    test('diagnostics of every workspace file at start-up: the same as `opsbook check` reports', async () => {
        await client.waitFor(
            () => client.diagnostics.has(planUri) && client.diagnostics.has(fileUri(path.join(folder, 'team.ops'))),
            'start-up diagnostics'
        );
        const published = [
            ...(client.diagnostics.get(fileUri(path.join(folder, 'plan.ops'))) ?? []).map(d => toCliDiagnostic('plan.ops', d)),
            ...(client.diagnostics.get(fileUri(path.join(folder, 'team.ops'))) ?? []).map(d => toCliDiagnostic('team.ops', d))
        ];
        const cli = cliDiagnostics(folder);
        expect(cli.map(d => d.rule)).toContain('goal-undercovered');
        expect(published).toEqual(cli);
    });

    test('completion, hover, inlay hints, lenses and symbols on the opened file', async () => {
        await client.open(path.join(folder, 'plan.ops'));
        const completion = await client.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri: planUri },
            position: { line: 6, character: 8 }
        });
        const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
        expect(items.map(item => item.label).sort()).toEqual(['alice', 'bob']);

        const hover = await client.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri: planUri },
            position: { line: 4, character: 5 }
        });
        expect((hover?.contents as { value: string } | undefined)?.value).toContain(
            'Planned: 18,000 / 20,000 (90%) — undercovered, 2,000 short'
        );

        const hints = await client.connection.sendRequest(InlayHintRequest.type, {
            textDocument: { uri: planUri },
            range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }
        });
        expect(hints?.map(hint => hint.label)).toEqual(['planned 18,000 (90%)', '30% of budget', '90% of G']);

        const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: planUri } });
        expect(lenses?.map(lens => lens.command?.title)).toEqual(['Preview plan', 'Generate review', 'planned 18,000 / 20,000 (90%)']);

        const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: planUri } });
        expect(symbols?.map(symbol => symbol.name)).toEqual([
            'Imports',
            'Playbook',
            'Metrics',
            'Goals',
            'Channels',
            'Assessments',
            'Monitors',
            'Reviews'
        ]);

        const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: planUri } });
        expect(tokens?.data.length).toBeGreaterThan(0);
    });

    test('a quick fix, applied as an edit, clears its diagnostic', async () => {
        const from = client.published.length;
        await client.change(planUri, [{ range: { start: { line: 6, character: 8 }, end: { line: 6, character: 11 } }, text: 'bbo' }]);
        const after = await client.nextDiagnostics(planUri, from);
        const unresolved = after.filter(d => d.code === 'unresolved-reference');
        expect(unresolved.map(d => d.message)).toEqual(["unknown person 'bbo': did you mean 'bob'?"]);
        const actions = await client.connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: planUri },
            range: unresolved[0]!.range,
            context: { diagnostics: unresolved }
        });
        const fix = actions?.find(action => action.title === "Replace with 'bob'");
        const edit = fix && 'edit' in fix ? fix.edit?.changes?.[planUri]?.[0] : undefined;
        expect(edit).toEqual({ range: { start: { line: 6, character: 8 }, end: { line: 6, character: 11 } }, newText: 'bob' });
        const before = client.published.length;
        await client.change(planUri, [{ range: edit!.range, text: edit!.newText }]);
        const fixed = await client.nextDiagnostics(planUri, before);
        expect(fixed.map(d => d.code)).not.toContain('unresolved-reference');
    });

    test('rapid edits are merged: one build, for the last text', async () => {
        const from = client.published.length;
        // Type "carol" over "bob", one keystroke per notification, without waiting.
        await client.change(planUri, [{ range: { start: { line: 6, character: 8 }, end: { line: 6, character: 11 } }, text: '' }]);
        const word = 'alice';
        for (let i = 0; i < word.length; i++) {
            await client.change(planUri, [
                { range: { start: { line: 6, character: 8 + i }, end: { line: 6, character: 8 + i } }, text: word[i]! }
            ]);
        }
        const diagnostics = await client.nextDiagnostics(planUri, from);
        await new Promise(resolve => setTimeout(resolve, 600));
        const forPlan = client.published.slice(from).filter(p => p.params.uri === planUri);
        expect(forPlan.length).toBe(1);
        expect(diagnostics.map(d => d.code)).not.toContain('unresolved-reference');
    });

    test('custom requests: the plan, the analysis, the status bar', async () => {
        const status = await client.connection.sendRequest(DOCUMENT_STATUS_REQUEST, { uri: planUri });
        expect(status).toEqual({ errors: 1, warnings: 0, coverage: 0.9 });
        const analysis = (await client.connection.sendRequest(ANALYSIS_REQUEST, { uri: planUri })) as {
            goals: { name: string; planned: string }[];
        };
        expect(analysis.goals.map(goal => [goal.name, goal.planned])).toEqual([['G', '18000']]);
        await expect(client.connection.sendRequest(RENDER_PLAN_REQUEST, { uri: planUri })).rejects.toThrow(
            /^plan.ops has 1 error; fix it to preview the plan \(first: plan.ops:5:17 /
        );
    });

    test('custom requests: the review periods of the playbook, and a day not on the calendar', async () => {
        const periods = (await client.connection.sendRequest(REVIEW_PERIODS_REQUEST, {
            uri: planUri,
            today: '2027-03-20'
        })) as ReviewPeriodsResult;
        expect(periods.playbookPeriod).toEqual({ start: '2027-01-01', end: '2027-03-31' });
        expect(periods.relative).toEqual([
            { period: '2027-W11', unit: 'week', relation: 'this', start: '2027-03-15', end: '2027-03-21' },
            { period: '2027-W12', unit: 'week', relation: 'next', start: '2027-03-22', end: '2027-03-28' },
            { period: '2027-03', unit: 'month', relation: 'this', start: '2027-03-01', end: '2027-03-31' },
            { period: '2027-Q1', unit: 'quarter', relation: 'this', start: '2027-01-01', end: '2027-03-31' }
        ]);
        expect(periods.all).toHaveLength(1 + 3 + 14);
        await expect(client.connection.sendRequest(REVIEW_PERIODS_REQUEST, { today: '2027-02-29' })).rejects.toMatchObject({
            code: OpsbookRequestErrors.InvalidParams,
            message: 'today 2027-02-29 is not on the calendar: February 2027 has 28 days'
        });
    });

    test('the plan of a clean playbook is byte for byte what `opsbook plan` writes', async () => {
        const growth = path.join(REPO, 'examples/growth/growth.ops');
        const other = LspTestClient.start();
        try {
            await other.initialize(path.join(REPO, 'examples/growth'));
            const uri = await other.open(growth);
            const { markdown } = (await other.connection.sendRequest(RENDER_PLAN_REQUEST, { uri })) as { markdown: string };
            const cli = execFileSync(process.execPath, [path.join(REPO, 'packages/cli/bin/opsbook.cjs'), 'plan', 'growth.ops'], {
                cwd: path.dirname(growth),
                encoding: 'utf8'
            });
            expect(markdown).toBe(cli);
        } finally {
            await other.stop();
        }
    });

    test('requests about unknown documents get an answer, and the server keeps serving', async () => {
        const unknown = 'file:///no/such/file.ops';
        await expect(
            client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: unknown }, position: { line: 0, character: 0 } })
        ).rejects.toThrow();
        await expect(client.connection.sendRequest(DOCUMENT_STATUS_REQUEST, { uri: unknown })).rejects.toThrow(
            /is not an .ops document of this workspace/
        );
        const hover = await client.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri: planUri },
            position: { line: 4, character: 5 }
        });
        expect(hover).not.toBeNull();
        expect(client.exitCode).toBeUndefined();
    });
});

test('`npx opsbook-language-server --stdio` from the repository root starts the server', async () => {
    const bin = path.join(REPO, 'node_modules/.bin/opsbook-language-server');
    expect(fs.existsSync(bin), `${bin} is missing: run npm install at the root`).toBe(true);
    const { spawn } = await import('node:child_process');
    const child = spawn('npx', ['--no-install', 'opsbook-language-server', '--stdio'], { cwd: REPO, stdio: 'pipe' });
    const message = JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { processId: null, rootUri: null, capabilities: {} }
    });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`);
    const reply = await new Promise<string>((resolve, reject) => {
        let buffer = '';
        const timer = setTimeout(() => reject(new Error(`no initialize reply within 20 s: ${buffer}`)), 20_000);
        child.stdout.on('data', chunk => {
            buffer += String(chunk);
            if (buffer.includes('"capabilities"')) {
                clearTimeout(timer);
                resolve(buffer);
            }
        });
    });
    child.kill();
    expect(reply).toMatch(/^Content-Length: \d+\r\n\r\n\{"jsonrpc":"2.0","id":1,"result":\{"capabilities"/);
});

describe('started by hand without a transport, the server says how to start it (no stack trace)', () => {
    const bin = path.join(REPO, 'packages/cli/bin/opsbook-language-server.cjs');
    const run = (args: string[], lang: string) =>
        spawnSync(process.execPath, [bin, ...args], {
            cwd: REPO,
            encoding: 'utf8',
            env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: lang }
        });

    test('no arguments or --version: one line on stderr, exit 2; --help: the same line, exit 0; in the environment’s language', () => {
        const en =
            'opsbook-language-server speaks the Language Server Protocol to an editor: start it with --stdio (or --node-ipc, --socket=PORT, --pipe=NAME); `opsbook` is the command line\n';
        const zh =
            'opsbook-language-server 是供编辑器连接的语言服务器（LSP）：请用 --stdio 启动（也可用 --node-ipc、--socket=端口 或 --pipe=名称）；命令行工具是 `opsbook`\n';
        const outcome = (r: ReturnType<typeof run>) => [r.status, r.stdout, r.stderr];
        expect(outcome(run([], 'C.UTF-8'))).toEqual([2, '', en]);
        expect(outcome(run(['--version'], 'zh_CN.UTF-8'))).toEqual([2, '', zh]);
        expect(outcome(run(['--help'], 'en_US.UTF-8'))).toEqual([0, '', en]);
    });
});
