// After each edit, every file's diagnostics over the protocol are those of a fresh build of the same texts:
// the edited file's, the files importing it (re-pointed and revalidated after a figure of a shared file
// changed, relinked after a name changed: OpsbookDocumentBuilder.settleDependants) and the files it reaches
// (a region's delivery counts in the national file; a person's load sums over every region). The edits
// are incremental `didChange`s of open documents, so the server re-parses only the edited element
// (parser/incremental-parse.ts) and keeps the other nodes: what the dependants' links point at.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadWorkspace } from '../lsp/lsp-helpers.js';
import { temporaryWorkspace } from './fixtures.js';
import { fileUri, LspTestClient } from './lsp-client.js';

const TEAM = `// The people and metrics every plan shares.
person ann "Ann Wang" { role "Lead" capacity 100% }
person bob "Bob Li" { capacity 50% }
metric revenue "Paid revenue" money
metric signups "Sign-ups" count
`;
const HQ = `import "team.ops"
playbook HQ "Headquarters" { period 2027-Q1 currency CNY budget 1M CNY }
goal Revenue "National revenue" { target 10M CNY revenue by 2027-03-31 owner ann }
goal Signups { target 50000 signups by 2027-03-31 owner bob }
`;
const region = (n: number) => `import "team.ops"
import "hq.ops"
playbook Region_${n} "Region ${n}" { period 2027-Q1 currency CNY part of HQ budget 200k CNY }
goal Revenue_${n} { target 3M CNY revenue by 2027-03-31 part of Revenue owner ann }
channel Direct_${n} {
  owner bob
  budget 100k CNY
  delivers 1M CNY revenue to Revenue_${n}
  delivers 5000 signups to Signups
}
workstream Work_${n} { responsible ann 30%  responsible bob 20%  accountable bob }
`;
const FILES: Record<string, string> = {
    'team.ops': TEAM,
    'hq.ops': HQ,
    'region-1.ops': region(1),
    'region-2.ops': region(2),
    'region-3.ops': region(3),
    'region-4.ops': region(4)
};

describe('every file after an edit, over the protocol', () => {
    let client: LspTestClient;
    let folder: string;
    const texts = { ...FILES };

    beforeAll(async () => {
        folder = temporaryWorkspace(FILES);
        client = LspTestClient.start();
        await client.initialize(folder);
        for (const name of ['team.ops', 'hq.ops', 'region-1.ops']) await client.open(path.join(folder, name), texts[name]);
        await client.waitFor(() => Object.keys(FILES).every(name => client.diagnostics.has(uriOf(name))), 'diagnostics of every file');
    });

    afterAll(async () => {
        await client?.stop();
        fs.rmSync(folder, { recursive: true, force: true });
    });

    const uriOf = (name: string) => fileUri(path.join(folder, name));

    /** Each file's diagnostics, comparable across folders (the budget mark of the editor's last edit left out). */
    const shown = (byFile: (name: string) => Diagnostic[] | undefined, root: string) =>
        Object.fromEntries(
            Object.keys(FILES).map(name => [
                name,
                (byFile(name) ?? [])
                    .filter(d => (d.data as { editedBudget?: boolean } | undefined)?.editedBudget !== true)
                    .map(d => JSON.stringify(d).replaceAll(fileUri(root), 'WS'))
            ])
        );

    /** Replaces `from` by `to` in an open file (`occurrence`-th match) with one incremental change. */
    async function edit(name: string, from: string, to: string): Promise<void> {
        const text = texts[name] as string;
        const at = text.indexOf(from);
        if (at < 0) throw new Error(`${from} not in ${name}`);
        const start = positionAt(text, at);
        const end = positionAt(text, at + from.length);
        texts[name] = text.slice(0, at) + to + text.slice(at + from.length);
        await client.change(uriOf(name), [{ range: { start, end }, text: to }]);
    }

    /** Waits until every file's diagnostics are those of a fresh build of the current texts, and stay so. */
    async function expectFreshBuild(): Promise<void> {
        const fresh = await loadWorkspace(Object.entries(texts));
        const expected = shown(name => fresh.doc(name).diagnostics, fresh.folder as string);
        const current = () => shown(name => client.diagnostics.get(uriOf(name)), folder);
        const same = () => JSON.stringify(current()) === JSON.stringify(expected);
        await client.waitFor(same, 'the diagnostics of a fresh build', 20000).catch(() => undefined);
        expect(current()).toEqual(expected);
        // Nothing later takes it back.
        await new Promise(resolve => setTimeout(resolve, 300));
        expect(current()).toEqual(expected);
        fs.rmSync(fresh.folder as string, { recursive: true, force: true });
    }

    test('a capacity of the shared file (a figure): the regions judge the new capacity', async () => {
        expect(JSON.stringify(client.diagnostics.get(uriOf('region-2.ops')))).toContain('ann is responsible for 120%');
        await edit('team.ops', 'capacity 100%', 'capacity 150%');
        await expectFreshBuild();
        expect(JSON.stringify(client.diagnostics.get(uriOf('region-2.ops')))).not.toContain('ann is responsible for 120%');
        await edit('team.ops', 'capacity 50%', 'capacity 80%');
        await expectFreshBuild();
    });

    test("a title of the shared file, then a figure's token type (a percentage written as a number)", async () => {
        await edit('team.ops', '"Ann Wang"', '"Ann Wang-Li"');
        await expectFreshBuild();
        await edit('team.ops', 'capacity 150%', 'capacity 150');
        await expectFreshBuild();
        await edit('team.ops', 'capacity 150', 'capacity 100%');
        await expectFreshBuild();
    });

    test('a target of the national file: the regions delivering to it', async () => {
        await edit('hq.ops', 'target 50000 signups', 'target 20000 signups');
        await expectFreshBuild();
    });

    test('a region: its delivery counts in the national file, its shares in the other regions', async () => {
        await edit('region-1.ops', 'delivers 5000 signups', 'delivers 30000 signups');
        await expectFreshBuild();
        await edit('region-1.ops', 'responsible ann 30%', 'responsible bob 30%');
        await expectFreshBuild();
        await edit('region-1.ops', 'Revenue_1 {', 'Revenue_1 "Region 1 revenue" {');
        await expectFreshBuild();
    });

    test('a name of the shared file: every region is relinked', async () => {
        await edit('team.ops', 'person bob', 'person robert');
        await expectFreshBuild();
        await edit('team.ops', 'person robert', 'person bob');
        await expectFreshBuild();
    });
});

function positionAt(text: string, offset: number): { line: number; character: number } {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: (before.at(-1) as string).length };
}
