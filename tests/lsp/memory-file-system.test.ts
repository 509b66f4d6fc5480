// The language server as it runs in a web worker: Opsbook's services over the in-memory file system
// (packages/language/src/browser/memory-file-system.ts) instead of Node's. The workspace is found,
// imports resolve, opsbook.json is read, diagnostics and the plan (Markdown and HTML) come out as on
// disk — with nothing on disk (the URIs name a folder that does not exist).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { MemoryFileSystemProvider } from '../../packages/language/src/browser/memory-file-system.js';
import { generatePlanHtml } from '../../packages/language/src/generate/plan-document.js';
import { createOpsbookServices } from '../../packages/language/src/lsp/lsp-services.js';
import { CustomRequestHandlers } from '../../packages/language/src/lsp/server/custom-request-handlers.js';
import { withFingerprint } from '../../packages/language/src/generate/fingerprint.js';

const ROOT = path.resolve(__dirname, '../..');
const FOLDER = 'file:///no-such-folder/playground/';

function exampleFiles(name: string, change?: (file: string, text: string) => string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const file of fs.readdirSync(path.join(ROOT, 'examples', name))) {
        if (!file.endsWith('.ops') && file !== 'opsbook.json') continue;
        const text = fs.readFileSync(path.join(ROOT, 'examples', name, file), 'utf8');
        files[`${FOLDER}${file}`] = change ? change(file, text) : text;
    }
    return files;
}

async function workspace(files: Record<string, string>) {
    const memory = new MemoryFileSystemProvider();
    memory.write(files);
    const services = createOpsbookServices({ fileSystemProvider: () => memory });
    const { shared, Opsbook } = services;
    await shared.workspace.WorkspaceManager.initialize({
        capabilities: {},
        processId: null,
        rootUri: null,
        workspaceFolders: [{ uri: FOLDER, name: 'playground' }]
    });
    await shared.workspace.WorkspaceManager.initialized({});
    await shared.workspace.DocumentBuilder.build(shared.workspace.LangiumDocuments.all.toArray(), { validation: true });
    const diagnostics = (file: string) =>
        (shared.workspace.LangiumDocuments.getDocument(URI.parse(`${FOLDER}${file}`))?.diagnostics ?? []).map(
            d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`
        );
    return { memory, shared, Opsbook, diagnostics, handlers: new CustomRequestHandlers(shared, Opsbook) };
}

describe('MemoryFileSystemProvider', () => {
    test('files, implied folders, directory listings; a missing file throws as Node’s would', async () => {
        const memory = new MemoryFileSystemProvider();
        memory.write({ 'file:///w/a.ops': 'A', 'file:///w/sub/b.ops': 'B', 'file:///w/%E5%9B%A2%E9%98%9F.ops': '团' });
        expect(memory.readFileSync(URI.parse('file:///w/a.ops'))).toBe('A');
        expect(await memory.readFile(URI.file('/w/团队.ops'))).toBe('团');
        expect(memory.statSync(URI.parse('file:///w/sub'))).toMatchObject({ isFile: false, isDirectory: true });
        expect(memory.existsSync(URI.parse('file:///w'))).toBe(true);
        expect(memory.existsSync(URI.parse('file:///w/c.ops'))).toBe(false);
        expect(memory.existsSync(URI.parse('file:///wx'))).toBe(false);
        expect(memory.readDirectorySync(URI.parse('file:///w')).map(n => [n.uri.path, n.isFile])).toEqual([
            ['/w/a.ops', true],
            ['/w/sub', false],
            ['/w/团队.ops', true]
        ]);
        expect(() => memory.readFileSync(URI.parse('file:///w/none.ops'))).toThrow(/ENOENT/);
        expect(() => memory.statSync(URI.parse('file:///none'))).toThrow(/ENOENT/);
    });
});

describe('the language server over an in-memory workspace', () => {
    test('examples/shop: imports (团队.ops) resolve, no problem, the plan in Markdown and HTML', async () => {
        const ws = await workspace(exampleFiles('shop'));
        expect(ws.diagnostics('shop.ops')).toEqual([]);
        const uri = `${FOLDER}shop.ops`;
        const html = await ws.handlers.renderPlan({ uri, format: 'html' });
        const analysis = ws.Opsbook.analysis.PlaybookAnalyzer.analyze(
            ws.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri)) as never
        );
        expect(html).toEqual({
            markdown: '',
            html: withFingerprint('plan', generatePlanHtml(analysis, { source: 'shop.ops', findings: [] }))
        });
        expect(html.html).toContain('<html lang="zh-CN">');
        expect((await ws.handlers.renderPlan({ uri })).markdown).toMatch(/^<!-- opsbook:plan fingerprint=[0-9a-f]{16} -->\n# 执行计划：/);
    });

    test('examples/org: opsbook.json is read from memory (zh-CN messages), a broken figure is reported', async () => {
        const ws = await workspace(
            exampleFiles('org', (file, text) => (file === '总部.ops' ? text.replace('budget 1200万元', 'budget 500万元') : text))
        );
        const problems = ws.diagnostics('总部.ops');
        expect(problems).toEqual([
            '13:10 budget-overrun 渠道 0 + 活动 600万 + 下级运营手册 560万（华东Q3 300万，华南Q3 260万）= 1,160万元，比预算 500万元 多出 660万：请削减预算（包括下级运营手册的预算），或提高本手册的预算'
        ]);
    });

    test('an import of a file that is not there is missing, not a crash; outside the folder is refused', async () => {
        const ws = await workspace({ [`${FOLDER}a.ops`]: 'import "nowhere.ops"\nimport "../../etc/x.ops"\nperson ann { role "x" }\n' });
        expect(ws.diagnostics('a.ops')).toEqual([
            '1:8 import-unresolved cannot import "nowhere.ops": no such file next to this one',
            '2:8 import-unresolved cannot import "../../etc/x.ops": it lies outside the workspace root /no-such-folder/playground'
        ]);
    });

    test('renderPlan refuses a format it does not know', async () => {
        const ws = await workspace(exampleFiles('growth'));
        await expect(ws.handlers.renderPlan({ uri: `${FOLDER}growth.ops`, format: 'pdf' as never })).rejects.toThrow(
            "format must be 'markdown' or 'html', not \"pdf\""
        );
    });
});
