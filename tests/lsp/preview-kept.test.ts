// The plan preview of a file that is not open in the editor (a national file, while a region is edited):
// after a build, the analyzer keeps the figures of the few documents last asked about by a custom request
// along with the open documents' (lsp/server/open-document.ts `RecentlyAsked`, lsp/lsp-services.ts). The
// preview then reads the analysis the file's validation just made instead of computing it again, and an
// edit that changes its figures is still shown.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Document } from '../../packages/language/src/index.js';
import { CustomRequestHandlers } from '../../packages/language/src/lsp/server/custom-request-handlers.js';
import { RECENTLY_ASKED, RecentlyAsked, recentlyAsked } from '../../packages/language/src/lsp/server/open-document.js';
import { loadWorkspace } from './lsp-helpers.js';

const TEAM = 'person ann { capacity 100% }\nmetric signups "Sign-ups" count\n';
const HQ = 'import "team.ops"\nplaybook HQ { period 2027-Q1 }\ngoal Signups { target 10000 signups by 2027-03-31 owner ann }\n';
const region = (n: number, amount: string) =>
    `import "team.ops"\nimport "hq.ops"\nplaybook R${n} { period 2027-Q1 part of HQ }\nchannel Direct_${n} { owner ann delivers ${amount} signups to Signups }\n`;

async function workspace() {
    const ws = await loadWorkspace([
        ['team.ops', TEAM],
        ['hq.ops', HQ],
        ['r1.ops', region(1, '5000')],
        ['r2.ops', region(2, '6000')]
    ]);
    const shared = ws.services.shared;
    await shared.workspace.WorkspaceManager.initialize({ capabilities: {}, processId: null, rootUri: null, workspaceFolders: [] });
    await shared.workspace.WorkspaceManager.initialized({});
    const handlers = new CustomRequestHandlers(shared, ws.services);
    const analyzer = ws.services.analysis.PlaybookAnalyzer;
    // Each computation of a file's own figures is one run of the analyzer's steps.
    const steps = vi.spyOn(analyzer as unknown as { steps(document: LangiumDocument<Document>): unknown }, 'steps');
    const computed = (name: string) => steps.mock.calls.filter(([document]) => path.basename(document.uri.path) === name).length;
    const hq = ws.doc('hq.ops').uri.toString();
    const editRegion = async (amount: string) => {
        const uri = URI.file(path.join(ws.folder as string, 'r1.ops'));
        fs.writeFileSync(uri.fsPath, region(1, amount));
        await shared.workspace.DocumentBuilder.update([uri], []);
    };
    return { shared, handlers, steps, computed, hq, editRegion, done: () => steps.mockRestore() };
}

describe('the plan preview of a file that is not open', () => {
    test('reads the analysis its validation made after an edit of a region, and shows the edit', async () => {
        const s = await workspace();
        try {
            expect((await s.handlers.renderPlan({ uri: s.hq })).markdown).toContain('11,000');
            s.steps.mockClear();
            // The region's delivery counts in the national file: hq.ops is revalidated (its figures computed once).
            await s.editRegion('7000');
            expect(s.computed('hq.ops')).toBe(1);
            const plan = (await s.handlers.renderPlan({ uri: s.hq })).markdown;
            expect(s.computed('hq.ops')).toBe(1);
            expect(plan).toContain('13,000');
            // Asked again without an edit: still the same analysis.
            await s.handlers.renderPlan({ uri: s.hq });
            expect(s.computed('hq.ops')).toBe(1);
        } finally {
            s.done();
        }
    });

    test('not asked about before the edit (nor open): its figures are computed again when asked', async () => {
        const s = await workspace();
        try {
            s.steps.mockClear();
            await s.editRegion('7000');
            expect(s.computed('hq.ops')).toBe(1);
            expect((await s.handlers.renderPlan({ uri: s.hq })).markdown).toContain('13,000');
            expect(s.computed('hq.ops')).toBe(2);
        } finally {
            s.done();
        }
    });
});

describe('what is kept is never stale, and open documents take no place', () => {
    test('an edit of the shared file that changes no figure (a title) is shown by the kept preview', async () => {
        const s = await workspace();
        try {
            expect((await s.handlers.renderPlan({ uri: s.hq })).markdown).toContain('Sign-ups');
            const team = URI.file(path.join(path.dirname(URI.parse(s.hq).fsPath), 'team.ops'));
            fs.writeFileSync(team.fsPath, TEAM.replace('"Sign-ups"', '"Registrations"'));
            s.steps.mockClear();
            await s.shared.workspace.DocumentBuilder.update([team], []);
            // No dependant is revalidated (no name or figure changed), but the analysis kept for hq.ops is
            // dropped with every edit (the analyzer's workspace cache): the preview computes it again.
            expect(s.computed('hq.ops')).toBe(0);
            const plan = (await s.handlers.renderPlan({ uri: s.hq })).markdown;
            expect(s.computed('hq.ops')).toBe(1);
            expect(plan).toContain('Registrations');
            expect(plan).not.toContain('Sign-ups');
        } finally {
            s.done();
        }
    });

    test('a document open in the editor is not noted (the status bar asks about it at every change)', async () => {
        const s = await workspace();
        try {
            const open = URI.parse(s.hq).toString();
            s.shared.workspace.TextDocuments.set(TextDocument.create(open, 'opsbook', 1, HQ));
            await s.handlers.renderPlan({ uri: s.hq });
            expect(recentlyAsked(s.shared).has(open)).toBe(false);
            const r2 = URI.file(path.join(path.dirname(URI.parse(s.hq).fsPath), 'r2.ops')).toString();
            await s.handlers.renderPlan({ uri: r2 });
            expect(recentlyAsked(s.shared).has(r2)).toBe(true);
        } finally {
            s.done();
        }
    });
});

test(`RecentlyAsked keeps the last ${RECENTLY_ASKED} documents asked about`, () => {
    const asked = new RecentlyAsked();
    for (const uri of ['a', 'b', 'c', 'd', 'b', 'e']) asked.note(uri);
    expect(['a', 'b', 'c', 'd', 'e'].filter(uri => asked.has(uri))).toEqual(['b', 'c', 'd', 'e']);
});
