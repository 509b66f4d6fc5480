import type { LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { formatText } from '../../packages/language/src/format/format-text.js';
import { parse, services } from '../helpers.js';
import { positionOf, textDocument } from '../lsp/lsp-helpers.js';
import { loadFolder, tempFolder } from '../validation/validation-helpers.js';

// The editor side of `part of` and `region` on a playbook (SPEC §8): completion, hover, semantic
// tokens and the formatter. (The TextMate grammar: tests/grammar/properties.ops.)

async function labels(text: string): Promise<string[]> {
    const offset = text.indexOf('<|>');
    const document = await parse(text.replace('<|>', ''));
    const list = await services.Opsbook.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: textDocument(document),
        position: document.textDocument.positionAt(offset)
    });
    return (list?.items ?? []).map(item => item.label);
}

describe('completion', () => {
    test("a playbook offers 'part of' and 'region'; after 'part of', the playbooks in scope but not itself", async () => {
        expect(await labels('playbook P {\n  <|>\n}')).toEqual([
            'product',
            'stage',
            'period',
            'currency',
            'fx',
            'budget',
            'locale',
            'part of',
            'region'
        ]);
        expect(await labels('goal G\nplaybook 全国Q3\nplaybook P {\n  part of <|>\n}')).toEqual(['全国Q3']);
        expect(await labels('playbook P { part <|> }')).toEqual(['of']);
        // `region`: the regions the parent's campaigns name, the national one left out.
        const parent =
            'playbook N\ncampaign A { region "华东" }\ncampaign B { region "全国" }\ncampaign C { region "华南" }\ncampaign D { region "华东" }\n';
        expect(await labels(`${parent}playbook P {\n  part of N\n  region <|>\n}`)).toEqual(['"华东"', '"华南"']);
    });
});

describe('hover on playbooks in a tree', () => {
    const files = {
        'opsbook.json': '{}',
        '全国.ops':
            'playbook 全国Q3 "全国三季度" {\n  period 2027-Q3\n  budget 1000万 CNY\n}\ncampaign 中秋大促 { window 2027-09-01 .. 2027-09-20  binding mandatory  region "全国" }\n',
        '华东.ops': 'import "全国.ops"\nplaybook 华东Q3 {\n  part of 全国Q3\n  region "华东"\n  period 2027-Q3\n  budget 500万 CNY\n}\n'
    };

    async function hover(
        document: LangiumDocument,
        needle: string,
        shift: number,
        ws: Awaited<ReturnType<typeof loadFolder>>
    ): Promise<string | undefined> {
        const result = await ws.services.Opsbook.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: textDocument(document),
            position: positionOf(document, needle, shift)
        });
        // The figures, without the notes of the diagnostics at that place (no-review here).
        return (result?.contents as { value?: string } | undefined)?.value?.split('\n\n---')[0];
    }

    test('the parent lists its children with their budgets; the child its parent, region and mandatory campaigns', async () => {
        const ws = await loadFolder(tempFolder(files));
        const national = ws.documents.get('全国.ops') as LangiumDocument;
        const east = ws.documents.get('华东.ops') as LangiumDocument;
        expect(await hover(national, 'playbook 全国Q3', 9, ws)).toBe(
            [
                '**playbook** `全国Q3` — 全国三季度',
                '2027-07-01 .. 2027-09-30 · CNY',
                'Budget: Allocated 5,000,000 CNY of 10,000,000 CNY (50%)',
                '5,000,000 CNY remaining',
                '0 goals',
                'Child playbooks:\n- `华东Q3` (华东): 5,000,000 CNY (50% of the playbook budget)'
            ].join('\n\n')
        );
        expect(await hover(east, 'playbook 华东Q3', 9, ws)).toContain(
            'Part of: `全国Q3` · Region: 华东\n\nMandatory from 全国Q3: `中秋大促` 2027-09-01 .. 2027-09-20'
        );
        // On the reference: the parent's own figures.
        expect(await hover(east, 'part of 全国Q3', 8, ws)).toContain('Child playbooks:\n- `华东Q3` (华东)');
    });
});

describe('inlay hints', () => {
    test("a child's budget shows its share of the parent's budget, through the parent's fx", async () => {
        const ws = await loadFolder(
            tempFolder({
                'opsbook.json': '{}',
                '全国.ops': 'playbook 全国Q3 { currency CNY  fx USD = 7 CNY  budget 1000万 CNY }\n',
                '华东.ops': 'import "全国.ops"\nplaybook 华东Q3 {\n  part of 全国Q3\n  currency USD\n  budget 50万 USD\n}\n'
            })
        );
        const east = ws.documents.get('华东.ops') as LangiumDocument;
        const range = { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } };
        const hints =
            (await ws.services.Opsbook.lsp.InlayHintProvider!.getInlayHints(east, { textDocument: textDocument(east), range })) ?? [];
        expect(hints.map(h => `${h.position.line + 1}:${h.position.character + 1} ${h.label}`)).toEqual(["5:17 35% of 全国Q3's budget"]);
    });
});

describe('semantic tokens and formatting', () => {
    test("the parent in 'part of' is coloured as a playbook", async () => {
        const document = await parse('playbook A\nplaybook B { part of A  region "华东" }\n');
        const tokens = await services.Opsbook.lsp.SemanticTokenProvider!.semanticHighlight(document, {
            textDocument: textDocument(document)
        });
        const legend = services.Opsbook.lsp.SemanticTokenProvider!.semanticTokensOptions.legend;
        // The last token: line 1, `A` after `part of`, 12 columns after `B`.
        const data = tokens.data.slice(-5);
        expect([data[0], data[1], legend.tokenTypes[data[3] as number]]).toEqual([0, 21 - 9, 'namespace']);
    });

    test('fmt lays the new properties out one per line, in the order written', async () => {
        const result = await formatText(
            services.Opsbook,
            'playbook 华东Q3 "华东区三季度" { part of   全国Q3  region "华东" period 2027-Q3 }\n',
            'memory:/east.ops'
        );
        expect(result).toEqual({
            ok: true,
            changed: true,
            text: 'playbook 华东Q3 "华东区三季度" {\n  part of 全国Q3\n  region "华东"\n  period 2027-Q3\n}\n'
        });
    });
});
