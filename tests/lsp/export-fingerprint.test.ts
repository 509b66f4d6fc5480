// The files importing an edited file are relinked and revalidated only when what it exports changed
// (workspace/export-fingerprint.ts, OpsbookDocumentBuilder.settleDependants): names, figures, the shape
// of its tree. Titles, comments and layout change nothing another file can see.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, DocumentState, EmptyFileSystem, type LangiumDocument, type Reference, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { singlePlaybook } from '../../bench/generate.mjs';
import { createOpsbookCoreServices, type Document, type Person, type Workstream } from '../../packages/language/src/index.js';
import { reparseIncrementally } from '../../packages/language/src/parser/incremental-parse.js';
import { exportFingerprint, keepPositions, mapRange } from '../../packages/language/src/workspace/export-fingerprint.js';
import { REPO } from './lsp-helpers.js';
import { loadWorkspace } from './lsp-helpers.js';

const TEAM =
    '// The people every plan shares.\nperson alice "Alice Wang" { role "Lead" capacity 100% }\nperson bob "Bob Li" { capacity 100% }\n';
const plan = (n: number) =>
    `import "team.ops"\nplaybook P${n} { period 2027-Q1 }\nworkstream W${n} { responsible alice 30%  accountable bob }\n`;

async function workspace() {
    const ws = await loadWorkspace([
        ['team.ops', TEAM],
        ['a.ops', plan(1)],
        ['b.ops', plan(2)],
        ['c.ops', plan(3)]
    ]);
    const shared = ws.services.shared;
    const linked: string[] = [];
    const validated: string[] = [];
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked, document => void linked.push(path.basename(document.uri.path)));
    shared.workspace.DocumentBuilder.onDocumentPhase(
        DocumentState.Validated,
        document => void validated.push(path.basename(document.uri.path))
    );
    const team = ws.doc('team.ops');
    const edit = async (text: string) => {
        linked.length = 0;
        validated.length = 0;
        fs.writeFileSync(team.uri.fsPath, text);
        await shared.workspace.DocumentBuilder.update([team.uri], []);
    };
    const current = (name: string) => shared.workspace.LangiumDocuments.getDocument(ws.doc(name).uri) as LangiumDocument<Document>;
    const responsible = (name: string) => {
        const workstream = current(name).parseResult.value.elements.find(e => e.$type === 'Workstream') as Workstream;
        return (workstream as unknown as { responsible: { person: Reference<Person> }[] }).responsible[0]!.person;
    };
    const codes = (name: string) => (current(name).diagnostics ?? []).map(d => `${d.code}`).sort();
    return { ws, linked, validated, edit, current, responsible, codes };
}

describe('an edit of a shared file that changes no exported name or figure', () => {
    test('rebuilds the shared file only: 0 dependants relinked or revalidated; their links follow the new tree', async () => {
        const s = await workspace();
        const before = s.codes('a.ops');
        // A retyped title, another comment, a blank line, different spacing: nothing another file can see.
        await s.edit(
            `// The people every plan shares (edited).\n\nperson alice   "Alice Wang-Li" { role "Lead" capacity 100% }\nperson bob "Bob" { capacity 100% }\n`
        );
        expect(s.linked).toEqual(['team.ops']);
        expect(s.validated).toEqual(['team.ops']);
        expect(s.codes('a.ops')).toEqual(before);
        // The references of a.ops now point into team.ops's new tree (hover shows the new title).
        const alice = s.responsible('a.ops').ref;
        expect(AstUtils.findRootNode(alice!)).toBe(s.current('team.ops').parseResult.value);
        expect(alice?.title).toBe('Alice Wang-Li');
        expect(s.responsible('b.ops').$nodeDescription?.documentUri.toString()).toBe(s.ws.doc('team.ops').uri.toString());
    });

    test('a second such edit after the first also rebuilds nothing else, and the links follow again', async () => {
        const s = await workspace();
        await s.edit(TEAM.replace('"Alice Wang"', '"A. Wang"'));
        await s.edit(TEAM.replace('"Alice Wang"', '"Alice W."'));
        expect(s.validated).toEqual(['team.ops']);
        expect(s.responsible('c.ops').ref?.title).toBe('Alice W.');
    });
});

describe('an edit that changes only figures of the shared file revalidates every dependant without relinking it', () => {
    test('a capacity: the three plans are revalidated, judge the new capacity, and point into the new tree', async () => {
        const s = await workspace();
        expect(s.codes('a.ops')).not.toContain('capacity-overload');
        const edited = TEAM.replace(
            'person alice "Alice Wang" { role "Lead" capacity 100% }',
            'person alice "Alice Wang" { role "Lead" capacity 50% }'
        );
        await s.edit(edited);
        expect(s.linked).toEqual(['team.ops']);
        expect(s.validated.sort()).toEqual(['a.ops', 'b.ops', 'c.ops', 'team.ops']);
        expect(s.codes('a.ops')).toContain('capacity-overload');
        const alice = s.responsible('a.ops').ref;
        expect(AstUtils.findRootNode(alice!)).toBe(s.current('team.ops').parseResult.value);
        expect(alice?.capacity).toBe('50%');
        // The same diagnostics as a fresh build of the same texts.
        const fresh = await loadWorkspace([
            ['team.ops', edited],
            ['a.ops', plan(1)],
            ['b.ops', plan(2)],
            ['c.ops', plan(3)]
        ]);
        const full = (document: LangiumDocument | undefined, folder: string) =>
            JSON.stringify(document?.diagnostics ?? []).replaceAll(URI.file(folder).toString(), 'WS');
        for (const name of ['team.ops', 'a.ops', 'b.ops', 'c.ops']) {
            expect(full(s.current(name), s.ws.folder as string)).toBe(full(fresh.doc(name), fresh.folder as string));
        }
    });

    test('the fingerprint without figures is the same; with a figure of another token type it is not', async () => {
        const s = await workspace();
        const team = s.current('team.ops');
        const before = exportFingerprint(team);
        await s.edit(TEAM.replace('capacity 100% }\nperson bob', 'capacity 50% }\nperson bob'));
        const after = exportFingerprint(s.current('team.ops'));
        expect([after.value === before.value, after.links === before.links]).toEqual([false, true]);
        // `capacity 100` (a number where a percentage goes): the tokens' types differ, so may the tree.
        await s.edit(TEAM.replace('capacity 100% }\nperson bob', 'capacity 100 }\nperson bob'));
        expect(exportFingerprint(s.current('team.ops')).links).not.toBe(before.links);
        expect(s.linked.sort()).toEqual(['a.ops', 'b.ops', 'c.ops', 'team.ops']);
    });
});

describe('an edit that changes what the shared file exports relinks and revalidates every dependant', () => {
    test('a name: the plans are relinked and report the reference that no longer resolves', async () => {
        const s = await workspace();
        await s.edit(TEAM.replace('person alice', 'person alicia'));
        expect(s.validated.sort()).toEqual(['a.ops', 'b.ops', 'c.ops', 'team.ops']);
        expect(s.responsible('a.ops').ref).toBeUndefined();
        expect(s.codes('a.ops').length).toBeGreaterThan(0);
    });

    test('a file added to the edit (not comparable): the dependants are rebuilt as Langium would', async () => {
        const s = await workspace();
        const added = URI.file(path.join(path.dirname(s.ws.doc('team.ops').uri.fsPath), 'd.ops'));
        fs.writeFileSync(added.fsPath, plan(4));
        s.linked.length = 0;
        fs.writeFileSync(s.ws.doc('team.ops').uri.fsPath, TEAM.replace('"Alice Wang"', '"Alice"'));
        await s.ws.services.shared.workspace.DocumentBuilder.update([s.ws.doc('team.ops').uri, added], []);
        expect(s.linked.sort()).toEqual(['a.ops', 'b.ops', 'c.ops', 'd.ops', 'team.ops']);
    });
});

test('no check reads a title (the fingerprint leaves titles out)', () => {
    const folders = ['packages/language/src/rules', 'packages/language/src/validation'];
    const readers = folders.flatMap(folder =>
        fs
            .readdirSync(path.join(REPO, folder), { recursive: true, encoding: 'utf8' })
            .filter(file => file.endsWith('.ts') && /\.title\b|'title'/.test(fs.readFileSync(path.join(REPO, folder, file), 'utf8')))
            .map(file => `${folder}/${file}`)
    );
    expect(readers).toEqual([]);
});

describe('diagnostics of a dependant that point into the edited file', () => {
    test('when the place they point at moved, the dependant is revalidated (not relinked) and points at the new place', async () => {
        // The child's period lies outside its parent's: the diagnostic points at the parent's period in hq.ops.
        const ws = await loadWorkspace([
            ['team.ops', 'playbook HQ { period 2027-Q3 }\n'],
            ['plan.ops', 'import "team.ops"\nplaybook East { period 2027-Q4  part of HQ }\n']
        ]);
        const shared = ws.services.shared;
        const related = () =>
            (shared.workspace.LangiumDocuments.getDocument(ws.doc('plan.ops').uri)?.diagnostics ?? []).flatMap(d =>
                (d.relatedInformation ?? []).map(r => `${path.basename(r.location.uri)}:${r.location.range.start.line}`)
            );
        expect(related()).toEqual(['team.ops:0']);
        const linked: string[] = [];
        const validated: string[] = [];
        shared.workspace.DocumentBuilder.onDocumentPhase(
            DocumentState.Linked,
            document => void linked.push(path.basename(document.uri.path))
        );
        shared.workspace.DocumentBuilder.onDocumentPhase(
            DocumentState.Validated,
            document => void validated.push(path.basename(document.uri.path))
        );
        fs.writeFileSync(ws.doc('team.ops').uri.fsPath, '// the parent\nplaybook HQ { period 2027-Q3 }\n');
        await shared.workspace.DocumentBuilder.update([ws.doc('team.ops').uri], []);
        expect(linked).toEqual(['team.ops']);
        expect(validated.sort()).toEqual(['plan.ops', 'team.ops']);
        expect(related()).toEqual(['team.ops:1']);
    });
});

describe('the positions kept while an importing file waits for its relinking', () => {
    test('are four numbers a token in one typed array, and map a range as the tokens did', () => {
        const { shared, Opsbook } = createOpsbookCoreServices(EmptyFileSystem);
        const text = singlePlaybook(2000) as string;
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///kept/plan.ops'));
        const live = exportFingerprint(document);
        const kept = keepPositions(live);
        // No object per token (a 100k-line file has ≈ 440,000 of them): bench/NOTES.md, "review fixes".
        expect(kept.leaves).toEqual([]);
        expect(kept.positions).toBeInstanceOf(Int32Array);
        expect(kept.positions?.length).toBe(live.leaves.length * 4);
        const ranges = live.leaves.map(leaf => leaf.range);
        expect(
            Array.from({ length: live.leaves.length }, (_, i) => [...(kept.positions as Int32Array).subarray(i * 4, i * 4 + 4)])
        ).toEqual(ranges.map(r => [r.start.line, r.start.character, r.end.line, r.end.character]));
        // Two lines added in a goal near the start: the tokens after it move in place; the kept positions stay.
        const at = text.indexOf('\n', text.indexOf('\ngoal ') + 1);
        const edited = `${text.slice(0, at)}\n  // 一\n  // 二${text.slice(at)}`;
        const result = reparseIncrementally(Opsbook.parser.LangiumParser, Opsbook.parser.Lexer, document.parseResult, edited);
        expect(result).toBeDefined();
        const last = ranges.length - 3;
        expect(live.leaves[last]?.range.start.line).toBe((ranges[last] as { start: { line: number } }).start.line + 2);
        const now = exportFingerprint({ parseResult: result } as LangiumDocument);
        const range = { start: (ranges[last - 4] as { start: never }).start, end: (ranges[last] as { end: never }).end };
        expect(mapRange(range, kept, now)).toEqual({
            start: { ...range.start, line: (range.start as { line: number }).line + 2 },
            end: { ...range.end, line: (range.end as { line: number }).line + 2 }
        });
        expect(mapRange({ start: range.start, end: { line: 0, character: 1 } }, kept, now)).toBeUndefined();
    });
});
