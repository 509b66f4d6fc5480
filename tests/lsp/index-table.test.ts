// The reference index's table by target (scope/opsbook-index-manager.ts) is kept up to date document by
// document after each build instead of being made again: after every kind of edit its answers must be those
// of a table made afresh — the same entries in the same order (Langium's: by document, then reference) —,
// the answers by type of holder those entries filtered, and `isAffected` Langium's own test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AstNode, LangiumDocument, ReferenceDescription } from 'langium';
import { AstUtils, DefaultIndexManager, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import type { OpsbookIndexManager } from '../../packages/language/src/scope/opsbook-index-manager.js';
import { LazyReferenceDescription } from '../../packages/language/src/scope/opsbook-reference-description-provider.js';
import { allAstNodes } from '../../packages/language/src/util/ast-walk.js';
import { loadWorkspace } from './lsp-helpers.js';

const TEAM = 'person ann { capacity 100% }\nperson bob { capacity 50% }\nmetric revenue money\n';
const HQ = 'import "team.ops"\nplaybook HQ { period 2027-Q1 }\ngoal Revenue { target 10M CNY revenue by 2027-03-31 owner ann }\n';
const region = (n: number, who = 'ann') => `import "team.ops"
import "hq.ops"
playbook R${n} { period 2027-Q1 part of HQ }
goal Revenue_${n} { target 3M CNY revenue by 2027-03-31 part of Revenue owner ${who} }
channel Direct_${n} { owner bob delivers 1M CNY revenue to Revenue_${n} }
workstream Work_${n} { responsible ${who} 30%  responsible bob 20%  accountable bob }
`;

describe('the index by target, kept up to date', () => {
    test('answers as a table made afresh after edits, file additions and deletions', async () => {
        const ws = await loadWorkspace([
            ['team.ops', TEAM],
            ['hq.ops', HQ],
            ['r1.ops', region(1)],
            ['r2.ops', region(2)],
            ['r3.ops', region(3)]
        ]);
        const shared = ws.services.shared;
        const index = shared.workspace.IndexManager as OpsbookIndexManager;
        const locator = ws.services.workspace.AstNodeLocator;
        const builder = shared.workspace.DocumentBuilder;
        const table = () => (index as unknown as { byTarget?: unknown }).byTarget;
        const documents = () => shared.workspace.LangiumDocuments.all.toArray() as LangiumDocument[];
        const answers = () => {
            const all: Record<string, ReferenceDescription[]> = {};
            const typed: Record<string, ReferenceDescription[]> = {};
            for (const document of documents()) {
                for (const node of allAstNodes(document.parseResult.value)) {
                    const where = `${path.basename(document.uri.path)}${locator.getAstNodePath(node)}`;
                    const found = index.findAllReferences(node, locator.getAstNodePath(node)).toArray();
                    if (found.length > 0) all[where] = found;
                    for (const type of ['Responsibility', 'Goal', 'Channel']) {
                        const ofType = index.findReferencesOfType(node, locator.getAstNodePath(node), type);
                        if (ofType.length > 0) typed[`${where} ${type}`] = [...ofType];
                    }
                }
            }
            return { all, typed };
        };
        const check = () => {
            const kept = answers();
            (index as unknown as { byTarget?: unknown }).byTarget = undefined;
            const fresh = answers();
            expect(Object.keys(kept.all).sort()).toEqual(Object.keys(fresh.all).sort());
            for (const key of Object.keys(fresh.all)) expect(kept.all[key], key).toStrictEqual(fresh.all[key]);
            expect(kept.typed).toStrictEqual(fresh.typed);
            // By type: the entries of all whose holder has that type, in the same order.
            for (const [key, list] of Object.entries(fresh.typed)) {
                const [where, type] = key.split(' ') as [string, string];
                expect(list).toEqual((fresh.all[where] ?? []).filter(r => (r as LazyReferenceDescription).container.$type === type));
                expect(list.every(r => r instanceof LazyReferenceDescription)).toBe(true);
            }
            // isAffected: Langium's own method on the same index (a reference into a changed file that is not local).
            const uris = documents().map(d => d.uri.toString());
            for (const document of documents()) {
                for (const changed of [...uris.map(uri => new Set([uri])), new Set(uris), new Set<string>()]) {
                    const langium = DefaultIndexManager.prototype.isAffected.call(index, document, changed);
                    expect(index.isAffected(document, changed), `${document.uri.path} ${[...changed].join()}`).toBe(langium);
                }
            }
        };
        const edit = async (name: string, text: string) => {
            const uri = URI.file(path.join(ws.folder as string, name));
            fs.writeFileSync(uri.fsPath, text);
            await builder.update([uri], []);
        };

        check();
        // A region edited (its references re-indexed): the same table, updated (not made again).
        let before = table();
        await edit('r2.ops', region(2, 'bob'));
        expect(table()).toBe(before);
        check();
        answers();
        // The national file: the three regions importing it are relinked.
        await edit('hq.ops', HQ.replace('owner ann', 'owner bob'));
        check();
        answers();
        // A name of the shared file: every importer relinked.
        await edit('team.ops', TEAM.replace('person ann', 'person anna'));
        check();
        answers();
        await edit('team.ops', TEAM);
        check();
        answers();
        // A file added, then one deleted.
        await edit('r4.ops', region(4));
        check();
        answers();
        const deleted = URI.file(path.join(ws.folder as string, 'r1.ops'));
        fs.rmSync(deleted.fsPath);
        await builder.update([], [deleted]);
        expect(documents().map(d => path.basename(d.uri.path))).not.toContain('r1.ops');
        check();
        // Forty more regions, then a name of the shared file: all are relinked, more work for the table than
        // making it again, so it is dropped (and made again when asked).
        const more = Array.from({ length: 40 }, (_, i) => URI.file(path.join(ws.folder as string, `m${i}.ops`)));
        for (const [i, uri] of more.entries()) fs.writeFileSync(uri.fsPath, region(10 + i));
        await builder.update(more, []);
        check();
        answers();
        before = table();
        await edit('team.ops', TEAM.replace('person bob', 'person robert'));
        expect(table()).not.toBe(before);
        check();
        // Every answer's holder is a node of its document's current tree.
        for (const list of Object.values(answers().all)) {
            for (const reference of list as LazyReferenceDescription[]) {
                const root = AstUtils.findRootNode(reference.container as AstNode);
                expect(root.$document?.parseResult.value).toBe(root);
            }
        }
    });

    test("entries of importers re-pointed after a figure-only edit name the shared file's current tree", async () => {
        // A capacity changed in team.ops re-points its importers' references without indexing them again
        // (workspace/opsbook-document-builder.ts `repoint`); their index entries follow, or each one would
        // keep an old tree of team.ops alive: one more per importer with each round of edits.
        const names = ['a', 'b', 'c', 'd', 'e'];
        const team = (capacity: number) => TEAM.replace('capacity 100%', `capacity ${capacity}%`);
        const importer = (n: number) =>
            `import "team.ops"\nplaybook P${n} { period 2027-Q1 }\nworkstream W${n} { responsible ann 30%  accountable bob }\n`;
        const ws = await loadWorkspace([['team.ops', team(100)], ...names.map((n, i): [string, string] => [`${n}.ops`, importer(i)])]);
        const shared = ws.services.shared;
        const builder = shared.workspace.DocumentBuilder;
        const referenceIndex = (shared.workspace.IndexManager as unknown as { referenceIndex: Map<string, ReferenceDescription[]> })
            .referenceIndex;
        const edit = async (name: string, text: string) => {
            const uri = URI.file(path.join(ws.folder as string, name));
            fs.writeFileSync(uri.fsPath, text);
            await builder.update([uri], []);
        };
        const teamRoot = () => shared.workspace.LangiumDocuments.all.find(d => d.uri.path.endsWith('/team.ops'))?.parseResult.value;
        /** The trees of team.ops that index entries' targets hold. */
        const teamTrees = () => {
            const trees = new Set<AstNode>();
            for (const list of referenceIndex.values()) {
                for (const reference of list as LazyReferenceDescription[]) {
                    const node = reference.target.node;
                    if (node && AstUtils.getDocument(node).uri.path.endsWith('/team.ops')) trees.add(AstUtils.findRootNode(node));
                }
            }
            return [...trees];
        };
        let capacity = 100;
        for (const [i, name] of names.entries()) {
            await edit('team.ops', team((capacity += 5)));
            await edit(`${name}.ops`, `${importer(i)}// edited\n`);
            expect(teamTrees()).toEqual([teamRoot()]);
        }
    });
});
