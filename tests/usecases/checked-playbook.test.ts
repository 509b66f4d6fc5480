import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS } from '../../packages/language/src/generate/export-csv.js';
import { generatePlan } from '../../packages/language/src/generate/plan-document.js';
import { loadCheckedPlaybook, renderExport, renderPlan } from '../../packages/language/src/usecases/index.js';
import { loadWorkspace } from '../lsp/lsp-helpers.js';

// The use cases the CLI commands and the language server's requests share (packages/language/src/usecases).
// End to end, tests/cli (documents, golden files) and tests/lsp/custom-requests.test.ts hold them to what
// users see; here, the parts: the one import walk, the refusals, the findings.

const names = (documents: { uri: { path: string } }[], folder: string) => documents.map(d => d.uri.path.slice(folder.length + 1));

describe('ImportResolver.importClosure: the one walk of the import graph', () => {
    test('each file once, breadth-first in import order, through cycles and diamonds', async () => {
        const ws = await loadWorkspace([
            ['a.ops', 'import "b.ops"\nimport "c.ops"\nimport "b.ops"\nperson a\n'],
            ['b.ops', 'import "d.ops"\nimport "a.ops"\nperson b\n'],
            ['c.ops', 'import "d.ops"\nperson c\n'],
            ['d.ops', 'import "missing.ops"\nperson d\n'],
            ['e.ops', 'import "c.ops"\nperson e\n']
        ]);
        const folder = ws.folder as string;
        const resolver = ws.services.references.ImportResolver;
        expect(names(resolver.importClosure([ws.doc('a.ops')]), folder)).toEqual(['a.ops', 'b.ops', 'c.ops', 'd.ops']);
        expect(names(resolver.importClosure([ws.doc('d.ops')]), folder)).toEqual(['d.ops']);
        expect(names(resolver.importClosure([ws.doc('e.ops'), ws.doc('b.ops')]), folder)).toEqual([
            'e.ops',
            'b.ops',
            'c.ops',
            'd.ops',
            'a.ops'
        ]);
    });

    test('an import of a file not loaded yet is handed to the loader (the CLI reads it from disk)', async () => {
        const ws = await loadWorkspace([
            ['a.ops', 'import "b.ops"\nperson a\n'],
            ['b.ops', 'person b\n']
        ]);
        const resolver = ws.services.references.ImportResolver;
        const b = ws.doc('b.ops');
        ws.services.shared.workspace.LangiumDocuments.deleteDocument(b.uri);
        const asked: string[] = [];
        expect(resolver.importClosure([ws.doc('a.ops')])).toHaveLength(1);
        const closure = resolver.importClosure([ws.doc('a.ops')], uri => {
            asked.push(uri.path.split('/').pop() as string);
            return b;
        });
        expect(closure).toEqual([ws.doc('a.ops'), b]);
        expect(asked).toEqual(['b.ops']);
    });
});

describe('loadCheckedPlaybook', () => {
    const TEAM = 'person alice\n';
    const PLAN =
        'import "lib/team.ops"\nplaybook P { period 2027-Q1 }\nmetric signups count\ngoal G { target 20k signups by 2027-03-31 owner alice }\nchannel C { owner alice delivers 18k signups to G }\n';

    test("errors of the file and of what it imports refuse generation, the file's own first", async () => {
        const ws = await loadWorkspace([
            ['lib/team.ops', 'person alice\nperson alice\n'],
            ['plan.ops', PLAN]
        ]);
        const load = loadCheckedPlaybook(ws.services, ws.doc('plan.ops'));
        expect(load.ok).toBe(false);
        if (load.ok || load.refusal.kind !== 'errors') throw new Error('expected errors');
        expect(
            load.refusal.errors.map(e => [e.document.uri.path.split('/').pop(), e.diagnostic.code, e.diagnostic.range.start.line + 1])
        ).toEqual([
            ['plan.ops', 'goal-undercovered', 4],
            ['team.ops', 'duplicate-name', 2]
        ]);
        expect(load.closure.map(d => d.uri.path.split('/').pop())).toEqual(['plan.ops', 'team.ops']);
    });

    test('a library declares no playbook', async () => {
        const ws = await loadWorkspace([
            ['lib/team.ops', TEAM],
            ['plan.ops', PLAN]
        ]);
        expect(loadCheckedPlaybook(ws.services, ws.doc('lib/team.ops'))).toMatchObject({ ok: false, refusal: { kind: 'no-playbook' } });
    });

    test('a checked playbook: findings of the closure named from its folder, in report order; the documents from it', async () => {
        const ws = await loadWorkspace([
            ['lib/team.ops', '// opsbook-ignore cpa-exceeded\nperson alice\n'],
            ['plan.ops', PLAN.replace('target 20k', 'target 18k')]
        ]);
        const load = loadCheckedPlaybook(ws.services, ws.doc('plan.ops'));
        if (!load.ok) throw new Error(`refused: ${load.refusal.kind}`);
        const { playbook } = load;
        expect(playbook.source).toBe('plan.ops');
        expect(playbook.findings.map(f => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}`)).toEqual([
            'lib/team.ops:1:19 warning unused-suppression',
            'plan.ops:2:10 warning no-review',
            'plan.ops:4:17 warning metric-unmonitored',
            'plan.ops:4:49 warning owner-not-assessed'
        ]);
        expect(renderPlan(playbook)).toBe(generatePlan(playbook.analysis, { source: 'plan.ops', findings: playbook.findings }));
        expect(renderExport(playbook, 'csv').split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
        expect(JSON.parse(renderExport(playbook, 'json'))).toMatchObject({ format: 'opsbook-export', source: 'plan.ops' });
    });
});
