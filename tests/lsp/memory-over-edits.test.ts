// Nothing the editor keeps may grow with the number of edits (issue 19): 2,000 edits under
// `npm run test:stress` (100 under `npm test`) of a shared file and of the files importing it —
// titles (dependants kept and re-pointed), figures (dependants relinked), a plan's own lines — and the
// heap after a full collection ends where it was after the first edits.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { EmptyFileSystem, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createOpsbookServices } from '../../packages/language/src/lsp/index.js';
import { stressSize } from '../stress.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const EDITS = stressSize(2000, 100);
const PLANS = 20;

function heapAfterGc(): number {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
}

test(`${EDITS} edits of a shared file and its dependants do not grow the heap`, { timeout: 600_000 }, async () => {
    const { shared } = createOpsbookServices(EmptyFileSystem);
    shared.workspace.DocumentBuilder.updateBuildOptions = { validation: true };
    const builder = shared.workspace.DocumentBuilder;
    const versions = new Map<string, number>();
    const set = (name: string, text: string): URI => {
        const uri = `file:///memory/${name}`;
        const version = (versions.get(uri) ?? 0) + 1;
        versions.set(uri, version);
        setTextDocument(shared, TextDocument.create(uri, 'opsbook', version, text));
        return URI.parse(uri);
    };
    const team = (title: string, capacity: number) =>
        `// shared people\nperson alice "${title}" { role "Lead" capacity ${capacity}% }\nperson bob "Bob" { capacity 100% }\nmetric signups count\n`;
    const plan = (n: number, k: number) =>
        `import "team.ops"\nplaybook P${n} "Plan ${n}, edit ${k}" { period 2027-Q1 }\ngoal G${n} { target ${100 + (k % 7)} signups by 2027-03-31 }\nworkstream W${n} { responsible alice 4%  accountable bob }\n`;
    const all = [set('team.ops', team('Alice', 100)), ...Array.from({ length: PLANS }, (_, n) => set(`p${n}.ops`, plan(n, 0)))];
    await builder.update(all, []);

    const edit = async (k: number) => {
        const kind = k % 4;
        if (kind === 0)
            await builder.update([set('team.ops', team(`Alice ${k}`, 100))], []); // a title: dependants kept
        else if (kind === 1)
            await builder.update([set('team.ops', team(`Alice ${k}`, k % 8 === 1 ? 90 : 100))], []); // a figure: relinked
        else await builder.update([set(`p${k % PLANS}.ops`, plan(k % PLANS, k))], []);
    };
    for (let k = 0; k < 40; k++) await edit(k);
    const start = heapAfterGc();
    for (let k = 40; k < 40 + EDITS; k++) await edit(k);
    const end = heapAfterGc();
    // The documents themselves are the same size at the end as at the start; allow 2 MB of noise.
    expect((end - start) / 1024 / 1024).toBeLessThan(2);
    expect(shared.workspace.LangiumDocuments.all.toArray()).toHaveLength(PLANS + 1);
    expect(shared.workspace.LangiumDocuments.all.toArray().every(document => document.diagnostics !== undefined)).toBe(true);
});
