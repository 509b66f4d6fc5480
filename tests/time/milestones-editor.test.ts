import type { LangiumDocument } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadWorkspace, positionOf, textDocument, type Workspace } from '../lsp/lsp-helpers.js';

const ALL = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
const LAUNCH = 'examples/launch/launch.ops';

async function hover(ws: Workspace, document: LangiumDocument, needle: string, shift: number): Promise<string | undefined> {
    const result = await ws.services.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: textDocument(document),
        position: positionOf(document, needle, shift)
    });
    return (result?.contents as { value?: string } | undefined)?.value;
}

async function milestoneHints(ws: Workspace, document: LangiumDocument): Promise<string[]> {
    const list =
        (await ws.services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: textDocument(document), range: ALL })) ?? [];
    return list
        .map(
            hint =>
                `${document.textDocument.getText({ start: { line: hint.position.line, character: 0 }, end: hint.position }).trim()} ⟨${hint.label}⟩`
        )
        .filter(line => line.startsWith('milestone'));
}

describe('milestones in the editor (SPEC §9), examples/launch', () => {
    let en: Workspace;
    let zh: Workspace;
    beforeAll(async () => {
        en = await loadWorkspace([LAUNCH]);
        zh = await loadWorkspace([LAUNCH], 'zh-CN');
    });

    test('inlay hints: each milestone with its share of the target', async () => {
        expect(await milestoneHints(en, en.doc(LAUNCH))).toEqual([
            'milestone 6k orders by 2027-07-31 ⟨20% of the target⟩',
            'milestone 15k orders by 2027-08-31 ⟨50% of the target⟩',
            'milestone 180万 CNY sales by 2027-07-31 ⟨20% of the target⟩',
            'milestone 450万 CNY sales by 2027-08-31 ⟨50% of the target⟩',
            'milestone 10% repeat by 2027-08-31 ⟨50% of the target⟩'
        ]);
        expect((await milestoneHints(zh, zh.doc(LAUNCH)))[0]).toBe('milestone 6k orders by 2027-07-31 ⟨目标的 20%⟩');
    });

    test('hover on a goal lists its milestones after the target', async () => {
        const text = await hover(en, en.doc(LAUNCH), 'goal Sales', 6);
        expect(text?.split('\n\n').slice(0, 3)).toEqual([
            '**goal** `Sales` — 9 million CNY net sales',
            'Target: at least 9,000,000 CNY sales by 2027-09-30',
            'Milestones: 1,800,000 CNY by 2027-07-31 (20% of the target), 4,500,000 CNY by 2027-08-31 (50% of the target)'
        ]);
        const chinese = await hover(zh, zh.doc(LAUNCH), 'goal Orders', 6);
        expect(chinese?.split('\n\n')[2]).toBe('里程碑：2027-07-31 前达到 6,000（目标的 20%）、2027-08-31 前达到 1.5万（目标的 50%）');
    });
});

describe('completion in a milestone', () => {
    test("after a milestone's amount and metric: 'by', as after a target's", async () => {
        const { parseHelper } = await import('langium/test');
        const { services } = await import('../helpers.js');
        const text = 'metric signups count\ngoal X { milestone 3000 signups ';
        const document = await parseHelper(services.Opsbook)(text);
        const list = await services.Opsbook.lsp.CompletionProvider!.getCompletion(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(text.length)
        });
        expect(list?.items.map(item => item.label)).toEqual(['by']);
    });
});
