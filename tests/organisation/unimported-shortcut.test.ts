// Guard of the analysis's shortcut for a file nobody imports (`unimported`, analysis/playbook-analyzer.ts):
// by SPEC §4 nothing in such a file can be named from another file, so its goals and people ask the
// workspace nothing. Here every file is analysed twice — with the shortcut, and with the workspace's
// set of imported files patched to "every file is imported" (the full path, no shortcut) — and the
// figures, the organisation tree and the diagnostics must be the same, including on the shapes where a
// shortcut could go wrong: a leaf under a chain of playbooks, an import cycle, a file importing itself,
// an importer with a syntax error and an import that does not resolve. Then in the editor: an unsaved
// edit that makes a leaf imported (and undoing it), and an unsaved edit of the imported team's capacity.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type LangiumDocument, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadWorkspace as loadCliWorkspace } from '../../packages/cli/src/workspace-loader.js';
import { plain } from '../analysis/analysis-picture.js';
import { loadWorkspace, type Workspace } from '../lsp/lsp-helpers.js';

const ORG = path.join(__dirname, '../fixtures/org-tree');
const org = (file: string): [string, string] => [file, fs.readFileSync(path.join(ORG, file), 'utf8')];

interface AnalyzerInternals {
    importedAnywhere: { get(key: string, make: () => Set<string>): Set<string> };
    reset(): void;
    analyze(document: LangiumDocument): { tree?: unknown };
}

/** Every file's analysis, tree and diagnostics, with the shortcut and without it. */
async function withAndWithout(ws: Workspace): Promise<{ shortcut: unknown; full: unknown }> {
    const analyzer = ws.services.analysis.PlaybookAnalyzer as unknown as AnalyzerInternals;
    const run = async () => {
        await ws.services.shared.workspace.DocumentBuilder.update([], []);
        analyzer.reset();
        const out: Record<string, unknown> = {};
        for (const [name, document] of ws.documents) {
            const analysis = analyzer.analyze(document);
            const diagnostics = await ws.services.validation.DocumentValidator.validateDocument(document);
            out[name] = {
                analysis: plain(analysis),
                tree: plain(analysis.tree),
                diagnostics: diagnostics.map(d => `${String(d.code)} ${d.range.start.line}: ${d.message}`).sort()
            };
        }
        return out;
    };
    const shortcut = await run();
    const original = analyzer.importedAnywhere.get;
    const everyFile = new Set([...ws.documents.values()].map(document => document.uri.toString()));
    analyzer.importedAnywhere.get = () => everyFile;
    try {
        return { shortcut, full: await run() };
    } finally {
        analyzer.importedAnywhere.get = original;
    }
}

const CYCLE_A = `import "cb.ops"
metric revenue money
playbook A { period 2027-Q3 currency CNY }
goal GA { target 10M CNY revenue by 2027-09-30 owner pa }
person pa { capacity 100% }
workstream WA { responsible pb 60% }
`;
const CYCLE_B = `import "ca.ops"
playbook B { part of A period 2027-Q3 currency CNY }
goal GB { target 4M CNY revenue by 2027-09-30 part of GA }
channel CB { delivers 3M CNY revenue to GA }
person pb { capacity 100% }
workstream WB { responsible pa 70% }
`;
const SELF = `import "self.ops"
metric revenue money
playbook S { period 2027-Q3 currency CNY }
goal GS { target 10M CNY revenue by 2027-09-30 }
person ps { capacity 100% }
workstream WS { responsible ps 60% }
`;
const BROKEN = `import "ca.ops"
import "missing.ops"
playbook Br { part of A period 2027-Q3 currency CNY }
goal GBr { target 2M CNY revenue by 2027-09-30 part of GA }
channel CBr { delivers 1M CNY revenue to GA
workstream WBr { responsible pa 50% }
`;

describe('a file nobody imports: the shortcut gives what the full path gives', () => {
    test('the organisation tree (上海 is a leaf under 华东 that nobody imports)', async () => {
        const ws = await loadWorkspace([org('团队.ops'), org('全国.ops'), org('华东.ops'), org('上海.ops')]);
        const { shortcut, full } = await withAndWithout(ws);
        expect(shortcut).toEqual(full);
        // What the comparison covers: 华东's tree holds the leaf as its child.
        expect(JSON.stringify((shortcut as Record<string, { tree: unknown }>)['华东.ops']!.tree)).toContain('<Playbook 上海Q3>');
    });

    test('an import cycle, a file importing itself, an importer with a syntax error and an unresolved import', async () => {
        const ws = await loadWorkspace([
            ['ca.ops', CYCLE_A],
            ['cb.ops', CYCLE_B],
            ['self.ops', SELF],
            ['broken.ops', BROKEN]
        ]);
        const { shortcut, full } = await withAndWithout(ws);
        expect(shortcut).toEqual(full);
        const diagnostics = (file: string) => (shortcut as Record<string, { diagnostics: string[] }>)[file]!.diagnostics;
        expect(diagnostics('broken.ops').some(d => d.startsWith('syntax-error'))).toBe(true);
        expect(diagnostics('broken.ops').some(d => d.startsWith('import-unresolved'))).toBe(true);
    });
});

const LONE = `metric revenue money
playbook L { period 2027-Q3 currency CNY }
goal GL { target 1M CNY revenue by 2027-09-30 owner pl }
person pl { capacity 100% }
workstream WL { responsible pl 120% }
`;

/** The CLI's reference source (`PlaybookAnalyzer.useLinkedTrees`): the files it reads, the files whose nodes it keeps. */
interface LinkedTrees {
    documents(): Iterable<LangiumDocument>;
    into(document: LangiumDocument): boolean;
}

describe('the CLI reads the references the analysis asks about (one `unimported`, one `isolated`)', () => {
    const files: [string, string][] = [
        ['ca.ops', CYCLE_A],
        ['cb.ops', CYCLE_B],
        ['self.ops', SELF],
        ['broken.ops', BROKEN],
        ['lone.ops', LONE]
    ];

    test("the CLI's linked-tree source answers with the analysis's predicates, and follows them when they change", async () => {
        const ws = await loadWorkspace(files);
        const loaded = await loadCliWorkspace(
            files.map(([name]) => name),
            { cwd: ws.folder! }
        );
        const analyzer = loaded.services.analysis.PlaybookAnalyzer as unknown as AnalyzerInternals & {
            references: LinkedTrees;
            unimported(document: LangiumDocument): boolean;
            isolated(document: LangiumDocument): boolean;
        };
        const source = analyzer.references;
        expect(source.constructor.name).toBe('LinkedTreeReferenceSource');
        const name = (document: LangiumDocument) => document.uri.path.split('/').pop();
        const documents = loaded.shared.workspace.LangiumDocuments.all.toArray();
        const read = () => [...source.documents()].map(name).sort();
        const kept = () =>
            documents
                .filter(document => source.into(document))
                .map(name)
                .sort();
        // SPEC §4: ca and cb import each other; broken imports ca and a missing file, nobody imports it;
        // self imports only itself (which counts as no import), lone nothing, and nobody imports them.
        expect(read()).toEqual(['broken.ops', 'ca.ops', 'cb.ops']);
        expect(kept()).toEqual(['ca.ops', 'cb.ops']);
        for (const document of documents) {
            expect(source.into(document)).toBe(!analyzer.unimported(document));
            expect([...source.documents()].includes(document)).toBe(!analyzer.isolated(document));
        }
        // The analysis's set of imported files said to hold every file: the CLI's source follows.
        const original = analyzer.importedAnywhere.get;
        const every = new Set(documents.map(document => document.uri.toString()));
        analyzer.importedAnywhere.get = () => every;
        try {
            expect(read()).toEqual(['broken.ops', 'ca.ops', 'cb.ops', 'lone.ops', 'self.ops']);
            expect(kept()).toEqual(['broken.ops', 'ca.ops', 'cb.ops', 'lone.ops', 'self.ops']);
        } finally {
            analyzer.importedAnywhere.get = original;
        }
    });

    test("every file's figures, tree and diagnostics from the CLI's build equal the editor's (Langium's reference index)", async () => {
        for (const set of [files, [org('团队.ops'), org('全国.ops'), org('华东.ops'), org('上海.ops')]]) {
            const ws = await loadWorkspace(set);
            const loaded = await loadCliWorkspace(
                set.map(([name]) => name),
                { cwd: ws.folder! }
            );
            const picture = (analyzer: AnalyzerInternals, document: LangiumDocument) => {
                const analysis = analyzer.analyze(document);
                return {
                    analysis: plain(analysis),
                    tree: plain(analysis.tree),
                    diagnostics: (document.diagnostics ?? []).map(d => `${String(d.code)} ${d.range.start.line}: ${d.message}`).sort()
                };
            };
            const cli = loaded.services.analysis.PlaybookAnalyzer as unknown as AnalyzerInternals;
            const editor = ws.services.analysis.PlaybookAnalyzer as unknown as AnalyzerInternals;
            let compared = 0;
            for (const { shown, document } of loaded.files) {
                const theirs = picture(editor, ws.doc(shown));
                expect(picture(cli, document)).toEqual(theirs);
                compared += (theirs.diagnostics.length > 0 ? 1 : 0) + (JSON.stringify(theirs.analysis).includes('"file":"') ? 1 : 0);
            }
            // What the comparison covers: diagnostics, and figures that other files contribute to.
            expect(compared).toBeGreaterThan(2);
        }
    });
});

const FILES: [string, string][] = [
    ['metrics.ops', 'metric revenue money\n'],
    ['team.ops', 'person ann { capacity 100% }\nperson bob\n'],
    [
        'hq.ops',
        'import "metrics.ops"\nimport "team.ops"\nplaybook HQ { period 2027-Q3 }\ngoal Revenue { target 120M CNY revenue by 2027-09-30 }\nworkstream Promo { responsible ann 50%  accountable bob }\n'
    ],
    [
        'east.ops',
        'import "metrics.ops"\nimport "hq.ops"\nimport "team.ops"\nplaybook East { period 2027-Q3 }\ngoal EastRevenue { target 50M CNY revenue by 2027-09-30  part of Revenue }\nworkstream EW { responsible ann 40% accountable bob }\n'
    ],
    [
        'south.ops',
        'import "metrics.ops"\nplaybook South { period 2027-Q3 }\nperson sam { capacity 100% }\nworkstream Live { responsible sam 60%  accountable sam }\n'
    ]
];

describe('in the editor, unsaved edits', () => {
    test('a leaf becomes imported (its person loaded elsewhere) and stops being; the team capacity edited', async () => {
        const ws = await loadWorkspace(FILES);
        const shared = ws.services.shared;
        const analyzer = ws.services.analysis.PlaybookAnalyzer;
        let version = 1;
        const edit = async (file: string, text: string) => {
            const uri = URI.file(path.join(ws.folder!, file));
            setTextDocument(shared, TextDocument.create(uri.toString(), 'opsbook', ++version, text));
            await shared.workspace.DocumentBuilder.update([uri], []);
        };
        const rules = (file: string) => (ws.doc(file).diagnostics ?? []).map(d => String(d.code));
        const person = (file: string, name: string) => analyzer.analyze(ws.doc(file)).people.find(p => p.name === name)!;
        const east = FILES[3]![1];

        expect(person('south.ops', 'sam').workspaceLoad.toString()).toBe('60');
        await edit(
            'east.ops',
            `${east.replace('import "team.ops"\n', 'import "team.ops"\nimport "south.ops"\n')}workstream E2 { responsible sam 50% accountable sam }\n`
        );
        expect(person('south.ops', 'sam').workspaceLoad.toString()).toBe('110');
        expect(rules('south.ops')).toContain('capacity-overload');

        await edit('team.ops', 'person ann { capacity 80% }\nperson bob\n');
        expect(person('hq.ops', 'ann').capacity.toString()).toBe('80');
        expect(rules('hq.ops')).toContain('capacity-overload');

        await edit('east.ops', east);
        expect(person('south.ops', 'sam').workspaceLoad.toString()).toBe('60');
        expect(rules('south.ops')).not.toContain('capacity-overload');
    });
});
