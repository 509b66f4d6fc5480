import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectCompletion } from 'langium/test';
import { describe, expect, test, vi } from 'vitest';
import { InsertTextFormat } from 'vscode-languageserver';
import type { CompletionItem } from 'vscode-languageserver';
import { ELEMENT_SNIPPETS, withPlaceholders } from '../../packages/language/src/lsp/completion/element-snippets.js';
import { parse, services } from '../helpers.js';
import { loadWorkspace, positionOf, REPO, textDocument } from './lsp-helpers.js';

const complete = expectCompletion(services.Opsbook);

/** A playbook with one metric of each kind, two people and two goals, before the text under test. */
const LIB = `playbook P { currency USD fx EUR = 1.1 USD }
metric signups "Registered users" count
metric visits count
metric revenue money
metric d30 percent
metric score number
person alice "Alice Wang"
person bob
goal G { target 20 signups by 2027-01-01 }
goal R { target 20 revenue by 2027-01-01 }
`;

async function labels(text: string): Promise<string[]> {
    const offset = text.indexOf('<|>');
    const document = await parse(text.replace('<|>', ''));
    const list = await services.Opsbook.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: textDocument(document),
        position: document.textDocument.positionAt(offset)
    });
    return sorted(list?.items ?? []).map(item => item.label);
}

function sorted(items: CompletionItem[]): CompletionItem[] {
    return [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

describe('keywords valid at the cursor', () => {
    test('at the top of a file: a snippet for every element keyword, and no bare keyword', async () => {
        const document = await parse('');
        const list = await services.Opsbook.lsp.CompletionProvider!.getCompletion(document, {
            textDocument: textDocument(document),
            position: { line: 0, character: 0 }
        });
        const items = list?.items ?? [];
        // One entry per thing: the element's snippet(s) in place of its bare keyword.
        expect(items.filter(item => item.detail === 'keyword').map(item => item.label)).toEqual([]);
        expect(items.every(item => item.insertTextFormat === InsertTextFormat.Snippet)).toBe(true);
        const snippets = items.filter(item => item.insertTextFormat === InsertTextFormat.Snippet);
        expect(snippets.map(item => item.label)).toEqual([
            'import',
            'playbook',
            'playbook',
            'strategy',
            'metric',
            'funnel',
            'goal',
            'goal',
            'channel',
            'campaign',
            'workstream',
            'person',
            'team',
            'assessment',
            'forecast',
            'monitor',
            'review'
        ]);
        const goal = snippets.find(item => item.label === 'goal');
        expect(goal?.insertText).toBe(
            'goal ${1:SeedUsers} "${2:Acquire 20,000 seed users}" {\n\ttarget ${3|at least,at most|} ${4:20k} ${5:signups} by ${6:2027-03-31}\n\towner ${7:alice}\n\tstrategy ${8:GrowUsers}\n}\n$0'
        );
        expect(snippets.filter(item => item.label === 'goal').map(item => item.labelDetails?.description)).toEqual([
            'snippet',
            'snippet: Sub-goal (part of)'
        ]);
        expect(snippets.filter(item => item.label === 'playbook').map(item => item.labelDetails?.description)).toEqual([
            'snippet',
            'snippet: Regional playbook (part of)'
        ]);
    });

    test("inside a goal: its properties, multi-word ones whole, without '{' or '}'", async () => {
        expect(await labels('goal G {\n  <|>\n}')).toEqual(['target', 'milestone', 'owner', 'strategy', 'part of']);
    });

    test('a property that may appear once is not offered again; repeatable ones are', async () => {
        expect(await labels('goal G {\n  target 1 x by 2027-01-01\n  owner a\n  <|>\n}')).toEqual(['milestone', 'strategy', 'part of']);
        expect(await labels('channel C { kind paid owner a delivers 1 x to G <|> }')).toEqual([
            'budget',
            'cpa at most',
            'assumes',
            'delivers'
        ]);
    });

    test("a target may start with 'at least' or 'at most'", async () => {
        expect(await labels('goal G { target <|> }')).toEqual(['at least', 'at most']);
    });

    test("after a delivered amount and its metric: 'to'; after a target's: 'by'", async () => {
        expect(await labels(`${LIB}channel C { delivers 6000 signups <|> }`)).toEqual(['to']);
        expect(await labels(`${LIB}goal X { target 6000 signups <|> }`)).toEqual(['by']);
    });

    test('nothing inside a comment or a title', async () => {
        expect(await labels('// a comment <|>')).toEqual([]);
        expect(await labels('goal G "a ti<|>tle"')).toEqual([]);
    });
});

describe('references filtered by what fits', () => {
    test('people after owner, lead, consulted, decided … by, assessment', async () => {
        for (const text of [
            'channel C { owner <|> }',
            'team T { lead <|> }',
            'workstream W { consulted alice, <|> }',
            'forecast F for G { decided 5 by <|> }',
            'assessment <|>'
        ]) {
            expect(await labels(LIB + text), text).toEqual(['alice', 'bob']);
        }
    });

    test('goals after part of, covers and for — never the goal being edited', async () => {
        expect(await labels(`${LIB}goal X { part of <|> }`)).toEqual(['G', 'R']);
        expect(await labels(`${LIB}review W { covers <|> }`)).toEqual(['G', 'R']);
        expect(await labels(`${LIB}forecast F for <|>`)).toEqual(['G', 'R']);
    });

    test('channels after via; goals after serves; goals and channels after kpi', async () => {
        expect(await labels(`${LIB}channel Web { kind paid }\ncampaign K { via <|> }`)).toEqual(['Web']);
        expect(await labels(`${LIB}campaign K { serves <|> }`)).toEqual(['G', 'R']);
        expect(await labels(`${LIB}channel Web { kind paid }\nassessment alice { kpi <|> }`)).toEqual(['G', 'R', 'Web']);
    });

    test("after 'to', goals measured in the delivered metric come first", async () => {
        expect(await labels(`${LIB}channel C { delivers 6000 revenue to <|> }`)).toEqual(['R', 'G']);
        expect(await labels(`${LIB}channel C { delivers 6000 signups to <|> }`)).toEqual(['G', 'R']);
    });

    test('after a number: count, number and money metrics (not percent), then currencies', async () => {
        expect(await labels(`${LIB}channel C { delivers 6000 <|> }`)).toEqual(['signups', 'visits', 'revenue', 'score', 'USD', 'EUR']);
    });

    test('after an amount in a currency: money metrics only', async () => {
        expect(await labels(`${LIB}channel C { delivers 6000 EUR <|> }`)).toEqual(['revenue']);
    });

    test('after a percentage: percent metrics only', async () => {
        expect(await labels(`${LIB}goal X { target at least 35% <|> }`)).toEqual(['d30']);
    });

    test('count metrics in a funnel and after assumes', async () => {
        expect(await labels(`${LIB}funnel F { <|> }`)).toEqual(['signups', 'visits']);
        expect(await labels(`${LIB}channel C { assumes 150k <|> }`)).toEqual(['signups', 'visits']);
    });

    test('every metric after monitor', async () => {
        expect(await labels(`${LIB}monitor <|>`)).toEqual(['signups', 'visits', 'revenue', 'd30', 'score']);
    });

    test('items say what they are: kind, metric kind, title', async () => {
        await complete({
            text: `${LIB}channel C { delivers 1 <|> }`,
            index: 0,
            assert: list => {
                const signups = list.items.find(item => item.label === 'signups');
                expect(signups?.detail).toBe('metric · count — Registered users');
            }
        });
    });
});

describe('declared currencies in money positions', () => {
    test('the playbook currency first, then those with an fx rate', async () => {
        expect(await labels(`${LIB}channel C { budget 60k <|> }`)).toEqual(['USD', 'EUR']);
        expect(await labels(`${LIB}channel C { cpa at most 5 <|> }`)).toEqual(['USD', 'EUR']);
        expect(await labels(`${LIB}forecast F for R { sales 320k <|> }`)).toEqual(['USD', 'EUR', 'finance', 'market', 'decided']);
    });

    test('CNY when the file declares no currency', async () => {
        expect(await labels('channel C { budget 5 <|> }')).toEqual(['CNY']);
    });

    test('after `currency` any ISO 4217 code, common ones first', async () => {
        const codes = await labels('playbook P { currency <|> }');
        expect(codes.slice(0, 6)).toEqual(['CNY', 'USD', 'EUR', 'JPY', 'GBP', 'HKD']);
        expect(codes).toContain('KWD');
        expect(codes).not.toContain('RMB');
    });
});

describe('enumerated values', () => {
    const cases: [string, string[]][] = [
        [
            'playbook P { stage <|> }',
            ['development', 'seed', 'growth', 'mature', 'decline', '开发期', '种子期', '成长期', '成熟期', '衰退期']
        ],
        [
            'strategy S { focus <|> }',
            [
                'acquisition',
                'activation',
                'retention',
                'monetization',
                'referral',
                'brand',
                'reactivation',
                '拉新',
                '促活',
                '留存',
                '变现',
                '推荐',
                '品牌',
                '召回'
            ]
        ],
        [
            'channel C { kind <|> }',
            [
                'organic',
                'paid',
                'social',
                'content',
                'community',
                'referral',
                'partnership',
                'email',
                'offline',
                'direct',
                '自然流量',
                '付费投放',
                '社交',
                '内容',
                '社群',
                '推荐',
                '合作',
                '邮件',
                '线下',
                '直接'
            ]
        ],
        ['metric m "title" <|>', ['count', 'money', 'percent', 'number', '计数', '金额', '百分比', '数值']],
        [
            'campaign C { type <|> }',
            ['content', 'community', 'product', 'promotion', 'event', 'pr', '内容', '社群', '产品', '促销', '活动', '公关']
        ],
        ['campaign C { binding <|> }', ['mandatory', 'advisory', '强制', '建议']],
        ['monitor m { every <|> }', ['day', 'week', 'month']],
        ['review R { every <|> }', ['day', 'week', 'month', 'quarter']],
        ['review R { every week on <|> }', ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']],
        ['monitor m { alert below 5 per <|> }', ['day', 'week', 'month']],
        ['assessment a { kpi "Articles" target 5 per <|> }', ['week', 'month', 'quarter']],
        ['playbook P { locale <|> }', ['en', 'zh-CN']]
    ];
    test.each(cases)('%s', async (text, expected) => {
        expect(await labels(text)).toEqual(expected);
    });

    test('each value names its Chinese alias and each alias its value (SPEC §10)', async () => {
        const document = await parse('playbook P { stage  }');
        const list = await services.Opsbook.lsp.CompletionProvider!.getCompletion(document, {
            textDocument: textDocument(document),
            position: { line: 0, character: 19 }
        });
        const details = Object.fromEntries((list?.items ?? []).map(item => [item.label, item.detail]));
        expect(details.growth).toBe('stage value · 成长期');
        expect(details['成长期']).toBe('stage value · growth');
        expect(await labels('monitor m { every <|> }')).toEqual(['day', 'week', 'month']);
    });
});

describe('across files', () => {
    test('names visible through an import, marked with their file; names of files not imported are not offered', async () => {
        const ws = await loadWorkspace([
            ['team.ops', 'person alice\nperson bob\n'],
            ['other.ops', 'person zoe\n'],
            ['plan.ops', 'import "team.ops"\nperson carol\ngoal G { owner  }\n']
        ]);
        const plan = ws.doc('plan.ops');
        const list = await ws.services.lsp.CompletionProvider!.getCompletion(plan, {
            textDocument: textDocument(plan),
            position: positionOf(plan, 'owner ', 6)
        });
        const items = sorted(list?.items ?? []);
        expect(items.map(item => [item.label, item.labelDetails?.description])).toEqual([
            ['carol', undefined],
            ['alice', 'team.ops'],
            ['bob', 'team.ops']
        ]);
    });

    test('an import path offers the other .ops files of the workspace', async () => {
        const ws = await loadWorkspace([
            ['team.ops', 'person alice\n'],
            ['sub/metrics.ops', 'metric m count\n'],
            ['plan.ops', 'import \n']
        ]);
        const plan = ws.doc('plan.ops');
        const list = await ws.services.lsp.CompletionProvider!.getCompletion(plan, {
            textDocument: textDocument(plan),
            position: { line: 0, character: 7 }
        });
        expect(sorted(list?.items ?? []).map(item => item.label)).toEqual(['"team.ops"', '"sub/metrics.ops"']);
    });
});

describe('snippets', () => {
    test('are the only ones: the VS Code extension contributes none (one completion entry per thing)', () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'packages/extension/package.json'), 'utf8'));
        expect(manifest.contributes.snippets).toBeUndefined();
        expect(fs.existsSync(path.join(REPO, 'packages/extension/snippets'))).toBe(false);
        expect([...new Set(ELEMENT_SNIPPETS.map(snippet => snippet.keyword))]).toEqual([
            'import',
            'playbook',
            'strategy',
            'metric',
            'funnel',
            'goal',
            'channel',
            'campaign',
            'workstream',
            'person',
            'team',
            'assessment',
            'forecast',
            'monitor',
            'review'
        ]);
    });

    test('with their placeholders filled, the snippets parse without syntax errors', async () => {
        const text = ELEMENT_SNIPPETS.filter(s => s.keyword !== 'import')
            .map(s => withPlaceholders(s.body.join('\n')))
            .join('\n');
        const document = await parse(text);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
    });
});

describe('parsing from the enclosing element', () => {
    test('gives the same followers as parsing the whole text before the cursor (every example, sampled tokens)', async () => {
        const ws = await loadWorkspace([
            'examples/growth/growth.ops',
            'examples/growth/team.ops',
            'examples/saas/saas.ops',
            'examples/shop/shop.ops',
            'examples/shop/团队.ops'
        ]);
        const provider = ws.services.lsp.CompletionProvider as unknown as {
            wholePrefix: boolean;
            findFeaturesAt(
                document: unknown,
                offset: number
            ): { feature: { $type: string; value?: string }; property?: string; type?: string }[];
            getCompletion: (...args: unknown[]) => Promise<unknown>;
        };
        let compared = 0;
        for (const document of ws.documents.values()) {
            // getCompletion registers the parsed document whose elements give the start offsets.
            await provider.getCompletion(document, { textDocument: textDocument(document), position: { line: 0, character: 0 } });
            const tokens = ws.services.parser.Lexer.tokenize(document.textDocument.getText()).tokens;
            for (let i = 0; i < tokens.length; i += 3) {
                for (const offset of [tokens[i]!.startOffset, tokens[i]!.endOffset + 1]) {
                    const describe = (features: ReturnType<typeof provider.findFeaturesAt>) =>
                        features
                            .map(f => `${f.feature.$type}:${f.feature.value ?? ''}:${f.property ?? ''}:${f.type ?? ''}`)
                            .sort()
                            .join('|');
                    provider.wholePrefix = true;
                    const whole = describe(provider.findFeaturesAt(document.textDocument, offset));
                    provider.wholePrefix = false;
                    const local = describe(provider.findFeaturesAt(document.textDocument, offset));
                    expect(local, `${document.uri.path} at offset ${offset}`).toBe(whole);
                    compared++;
                }
            }
        }
        expect(compared).toBeGreaterThan(1000);
    }, 120_000);
});

describe('incomplete input is not an error', () => {
    // Langium asked for the metric reference of a Quantity on the enclosing Delivery or Target, which
    // has none, and logged "Property metric of type Delivery is not a reference" with its stack.
    test.each([
        ['channel C { delivers 5 signups to<|>', ['to']],
        ['channel C { delivers 5 signups to<|> }', ['to']],
        ['goal H { target 5 signups by<|>', ['by']],
        ['goal H { target 5 signups b<|>', ['by']],
        ['channel C { delivers 5 signups b<|>', []]
    ])('%s: no error logged, the closing keyword offered', async (tail, expected) => {
        const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        try {
            expect(await labels(LIB + tail)).toEqual(expected);
            expect(log).not.toHaveBeenCalled();
        } finally {
            log.mockRestore();
        }
    });
});
