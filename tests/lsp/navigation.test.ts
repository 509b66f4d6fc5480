import type { LangiumDocument } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { ResponseError, type DocumentSymbol, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatText } from '../../packages/language/src/index.js';
import { parse, services } from '../helpers.js';
import { loadWorkspace, positionOf, textDocument, type Workspace } from './lsp-helpers.js';

describe('navigation across the growth example', () => {
    let ws: Workspace;
    let growth: LangiumDocument;
    let team: LangiumDocument;
    beforeAll(async () => {
        ws = await loadWorkspace(['examples/growth/growth.ops', 'examples/growth/team.ops']);
        growth = ws.doc('examples/growth/growth.ops');
        team = ws.doc('examples/growth/team.ops');
    });

    test('go to definition of a name declared in an imported file', async () => {
        const links = await ws.services.lsp.DefinitionProvider!.getDefinition(growth, {
            textDocument: textDocument(growth),
            position: positionOf(growth, 'owner bob', 7)
        });
        expect(links?.map(link => [link.targetUri.split('/').pop(), link.targetSelectionRange])).toEqual([
            ['team.ops', { start: { line: 5, character: 7 }, end: { line: 5, character: 10 } }]
        ]);
    });

    test("go to definition on an import's path opens the file", async () => {
        const links = await ws.services.lsp.DefinitionProvider!.getDefinition(growth, {
            textDocument: textDocument(growth),
            position: positionOf(growth, '"team.ops"', 3)
        });
        expect(links?.map(link => link.targetUri)).toEqual([team.uri.toString()]);
    });

    test('find references of a person, in its file and in the playbook importing it', async () => {
        const references = await ws.services.lsp.ReferencesProvider!.findReferences(team, {
            textDocument: textDocument(team),
            position: positionOf(team, 'person bob', 8),
            context: { includeDeclaration: true }
        });
        expect(references.map(r => `${r.uri.split('/').pop()}:${r.range.start.line + 1}:${r.range.start.character + 1}`)).toEqual([
            'team.ops:6:8',
            'growth.ops:50:9',
            'growth.ops:87:15',
            'growth.ops:94:12'
        ]);
    });

    test('document highlight: the declaration and every use of a goal in the file', async () => {
        const highlights = await ws.services.lsp.DocumentHighlightProvider!.getDocumentHighlight(growth, {
            textDocument: textDocument(growth),
            position: positionOf(growth, 'goal SeedUsers', 6)
        });
        expect(highlights?.map(h => h.range.start.line + 1)).toEqual([26, 53, 61, 91, 95, 99, 131]);
    });

    test('document symbols grouped by kind, in reading order, with titles', async () => {
        const symbols = (await ws.services.lsp.DocumentSymbolProvider!.getSymbols(growth, {
            textDocument: textDocument(growth)
        })) as DocumentSymbol[];
        expect(symbols.map(group => `${group.name} (${group.detail}): ${group.children?.map(child => child.name).join(', ')}`)).toEqual([
            'Imports (1): team.ops',
            'Playbook (1): NotesQ1',
            'Strategies (1): GrowUsers',
            'Metrics (5): visits, signups, activated, revenue, d30',
            'Funnels (1): Onboarding',
            'Goals (4): SeedUsers, Retention, Revenue, SouthRevenue',
            'Channels (2): SEO, WeChatAds',
            'Campaigns (2): SpringSale, SouthRoadshow',
            'Workstreams (1): ContentPipeline',
            'Assessments (4): bob, alice, carol, erin',
            'Forecasts (1): RevenueQ1',
            'Monitors (3): signups, revenue, d30',
            'Reviews (1): Weekly'
        ]);
        const goals = symbols.find(group => group.name === 'Goals');
        expect(goals?.children?.[0]?.detail).toBe('Acquire 20,000 seed users');
        for (const group of symbols) {
            for (const child of group.children ?? []) {
                expect(within(child.selectionRange, child.range) && within(child.range, group.range), child.name).toBe(true);
            }
        }
    });

    test('workspace symbols come from every file', async () => {
        const symbols = await ws.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'alice' });
        expect(symbols.map(s => `${s.name} ${s.location.uri.split('/').pop()}`)).toEqual(['alice team.ops']);
    });

    test('folding ranges for every multi-line block', async () => {
        const ranges = await ws.services.lsp.FoldingRangeProvider!.getFoldingRanges(growth, { textDocument: textDocument(growth) });
        expect(ranges.map(r => `${r.startLine + 1}-${r.endLine + 1}`)).toEqual([
            '3-10',
            '13-15',
            '26-29',
            '32-34',
            '37-39',
            '42-45',
            '48-53',
            '56-61',
            '64-73',
            '76-83',
            '86-91',
            '94-97',
            '100-102',
            '106-110',
            '113-117',
            '119-121',
            '123-125',
            '128-132'
        ]);
    });

    test('document links for imports', async () => {
        const links = await ws.services.lsp.DocumentLinkProvider!.getDocumentLinks(growth, { textDocument: textDocument(growth) });
        expect(links).toEqual([
            {
                range: { start: { line: 0, character: 7 }, end: { line: 0, character: 17 } },
                target: team.uri.toString(),
                tooltip: team.uri.fsPath
            }
        ]);
    });
});

describe('rename', () => {
    const FILES: [string, string][] = [
        ['team.ops', 'person bob\nperson carol\n'],
        [
            'plan.ops',
            'import "team.ops"\nmetric signups count\ngoal G { target 5 signups by 2027-01-01 owner bob }\nchannel C { owner bob delivers 5 signups to G }\n'
        ],
        ['other.ops', 'import "team.ops"\ngoal Bobby { owner bob }\nperson robert\n']
    ];

    async function rename(ws: Workspace, file: string, needle: string, shift: number, newName: string): Promise<WorkspaceEdit | undefined> {
        const document = ws.doc(file);
        return ws.services.lsp.RenameProvider!.rename(document, {
            textDocument: textDocument(document),
            position: positionOf(document, needle, shift),
            newName
        });
    }

    function applied(ws: Workspace, edit: WorkspaceEdit | undefined): Record<string, string> {
        const result: Record<string, string> = {};
        for (const [name, document] of ws.documents) {
            const edits = edit?.changes?.[document.uri.toString()] ?? [];
            result[name] = TextDocument.applyEdits(TextDocument.create('file:///x', 'opsbook', 1, document.textDocument.getText()), edits);
        }
        return result;
    }

    test('renames the declaration and every reference, across files', async () => {
        const ws = await loadWorkspace(FILES);
        const result = applied(ws, await rename(ws, 'plan.ops', 'owner bob', 7, 'robin'));
        expect(result).toEqual({
            'team.ops': 'person robin\nperson carol\n',
            'plan.ops':
                'import "team.ops"\nmetric signups count\ngoal G { target 5 signups by 2027-01-01 owner robin }\nchannel C { owner robin delivers 5 signups to G }\n',
            'other.ops': 'import "team.ops"\ngoal Bobby { owner robin }\nperson robert\n'
        });
    });

    test('a keyword may become a name, except by and to', async () => {
        const ws = await loadWorkspace(FILES);
        expect(applied(ws, await rename(ws, 'team.ops', 'person carol', 8, 'lead'))['team.ops']).toBe('person bob\nperson lead\n');
        await expect(rename(ws, 'team.ops', 'person carol', 8, 'by')).rejects.toThrow(/'by' is not a valid name/);
        await expect(rename(ws, 'team.ops', 'person carol', 8, 'to')).rejects.toBeInstanceOf(ResponseError);
    });

    test('refuses what is not a name', async () => {
        const ws = await loadWorkspace(FILES);
        for (const bad of ['2x', 'two words', 'a-b', '', '"x"']) {
            await expect(rename(ws, 'team.ops', 'person carol', 8, bad), bad).rejects.toThrow(
                /is not a valid name: use letters, digits and _/
            );
        }
        expect(applied(ws, await rename(ws, 'team.ops', 'person carol', 8, '小王_3'))['team.ops']).toBe('person bob\nperson 小王_3\n');
    });

    test('refuses a name that clashes in any affected scope', async () => {
        const ws = await loadWorkspace(FILES);
        // In team.ops itself.
        await expect(rename(ws, 'team.ops', 'person bob', 8, 'carol')).rejects.toThrow(
            "'carol' is already a person in team.ops: choose another name"
        );
        // In a file that imports team.ops and declares the name.
        await expect(rename(ws, 'team.ops', 'person bob', 8, 'robert')).rejects.toThrow(
            "'robert' is already a person in other.ops: choose another name"
        );
        // In a file that references bob and sees a metric of that name.
        await expect(rename(ws, 'team.ops', 'person bob', 8, 'signups')).rejects.toThrow(
            "'signups' is already a metric in plan.ops: choose another name"
        );
        // A goal in the declaring file: visible where the goal is used.
        await expect(rename(ws, 'plan.ops', 'goal G', 5, 'C')).rejects.toThrow("'C' is already a channel in plan.ops: choose another name");
    });

    test('prepareRename answers for names and references only', async () => {
        const ws = await loadWorkspace(FILES);
        const plan = ws.doc('plan.ops');
        const provider = ws.services.lsp.RenameProvider!;
        expect(
            await provider.prepareRename(plan, { textDocument: textDocument(plan), position: positionOf(plan, 'owner bob', 7) })
        ).toEqual({ start: { line: 2, character: 46 }, end: { line: 2, character: 49 } });
        expect(
            await provider.prepareRename(plan, { textDocument: textDocument(plan), position: positionOf(plan, 'target', 2) })
        ).toBeUndefined();
    });
});

describe('semantic tokens', () => {
    test('names coloured by what they name, also when spelt like a keyword; enumerated words; currencies', async () => {
        const document = await parse(
            'person lead\nplaybook P { stage growth currency CNY }\nchannel C { kind paid owner lead budget 5k CNY }\n'
        );
        const tokens = await services.Opsbook.lsp.SemanticTokenProvider!.semanticHighlight(document, {
            textDocument: textDocument(document)
        });
        const legend = services.Opsbook.lsp.SemanticTokenProvider!.semanticTokensOptions.legend;
        const decoded: string[] = [];
        let line = 0;
        let character = 0;
        for (let i = 0; i < tokens.data.length; i += 5) {
            const [deltaLine, deltaStart, length, type, modifiers] = tokens.data.slice(i, i + 5) as [
                number,
                number,
                number,
                number,
                number
            ];
            line += deltaLine;
            character = deltaLine === 0 ? character + deltaStart : deltaStart;
            const text = document.textDocument.getText({ start: { line, character }, end: { line, character: character + length } });
            decoded.push(`${text}:${legend.tokenTypes[type]}${modifiers ? '+declaration' : ''}`);
        }
        expect(decoded).toEqual([
            'lead:variable+declaration',
            'P:namespace+declaration',
            'growth:enumMember',
            'CNY:type',
            'C:interface+declaration',
            'paid:enumMember',
            'lead:variable',
            'CNY:type'
        ]);
    });
});

describe('formatting', () => {
    test("the editor's formatting gives exactly what `opsbook fmt` writes", async () => {
        const text = 'goal   G{target 5 x by 2027-01-01\n owner a}\nperson a{role "x"   capacity 50%}\n';
        const document = await parse(text);
        const edits = await services.Opsbook.lsp.Formatter!.formatDocument(document, {
            textDocument: textDocument(document),
            options: { tabSize: 2, insertSpaces: true }
        });
        const formatted = TextDocument.applyEdits(TextDocument.create('file:///x', 'opsbook', 1, text), edits);
        const cli = await formatText(services.Opsbook, text, 'file:///fmt.ops');
        expect(cli.ok).toBe(true);
        expect(formatted).toBe(cli.ok ? cli.text : '');
        expect(formatted).not.toBe(text);
    });
});

function within(
    inner: { start: { line: number; character: number }; end: { line: number; character: number } },
    outer: typeof inner
): boolean {
    const before = (a: typeof inner.start, b: typeof inner.start) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}
