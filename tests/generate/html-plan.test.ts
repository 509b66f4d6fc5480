// `opsbook plan --format html`: one self-contained page made from the same plan as the Markdown.
// Goldens (tests/generate/html/<example>.<locale>.html, regenerate with
// `UPDATE_GOLDEN=1 npx vitest run tests/generate/html-plan.test.ts` and read the diff), the page's
// guarantees (no script, no external resource, a section per heading, the diagrams as SVG drawn now,
// light/dark and print CSS), and hostile titles staying text (parsed with parse5, as a browser would).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { describe, expect, test, vi } from 'vitest';
import { escapeHtml } from '../../packages/language/src/generate/html-escape.js';
import { ROOT, runInProcess } from '../cli/cli-helpers.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
vi.setConfig({ testTimeout: 120_000 });

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function elements(node: Node, out: Element[] = []): Element[] {
    if ('tagName' in node) out.push(node);
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) elements(child, out);
    if ('content' in node && node.content) elements(node.content as Node, out);
    return out;
}

function textOf(node: Node): string {
    if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
    return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

const EXAMPLES = [
    ['growth', 'growth/growth.ops'],
    ['shop', 'shop/shop.ops'],
    ['saas', 'saas/saas.ops'],
    ['org', 'org/总部.ops']
];

describe.each(EXAMPLES)('HTML plan of examples/%s (%s)', (name, file) => {
    test.each(['en', 'zh-CN'])('%s: matches its golden, byte for byte, and is deterministic', async locale => {
        const args = ['plan', `examples/${file}`, '--format', 'html', '--locale', locale];
        const result = await runInProcess(args);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const golden = join(ROOT, 'tests/generate/html', `${name}.${locale}.html`);
        if (UPDATE || !existsSync(golden)) {
            if (!UPDATE) throw new Error(`${golden} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/generate/html-plan.test.ts`);
            mkdirSync(dirname(golden), { recursive: true });
            writeFileSync(golden, result.stdout);
        }
        expect(result.stdout).toBe(readFileSync(golden, 'utf8'));
        expect((await runInProcess(args)).stdout).toBe(result.stdout);
    });
});

describe('the HTML page', () => {
    test('has the Markdown plan’s headings, one section each, its diagrams as inline SVG, and nothing to load or run', async () => {
        const html = (await runInProcess(['plan', 'examples/growth/growth.ops', '--format', 'html'])).stdout;
        const markdown = (await runInProcess(['plan', 'examples/growth/growth.ops'])).stdout;
        // A fingerprint line first (so `-o` overwrites only what it generated), then a standards-mode page.
        expect(html).toMatch(/^<!-- opsbook:plan fingerprint=[0-9a-f]{16} -->\n<!doctype html>\n<html lang="en">\n/);
        const all = elements(parse(html) as Node);
        const tags = all.map(e => e.tagName);
        expect(tags).not.toContain('script');
        expect(tags).not.toContain('link');
        expect(tags).not.toContain('img');
        expect(tags).not.toContain('iframe');
        // No attribute loads or runs anything (no src, href, on*), bar the SVG marker reference.
        const risky = all.flatMap(e =>
            e.attrs.filter(a => /^(src|href|xlink:href|action|formaction)$|^on/i.test(a.name)).map(a => `${e.tagName} ${a.name}`)
        );
        expect(risky).toEqual([]);
        // The same level-2 headings as the Markdown, in order, each opening a <section>.
        const mdHeadings = [...markdown.matchAll(/^## (.*)$/gm)].map(m => m[1]);
        const sections = all.filter(e => e.tagName === 'section');
        expect(sections.map(s => textOf(s.childNodes.find(c => c.nodeName === 'h2') as Node))).toEqual(mdHeadings);
        // Three ```mermaid blocks in the Markdown, three SVG drawings in the page.
        expect((markdown.match(/^```mermaid$/gm) ?? []).length).toBe(3);
        expect(
            all.filter(e => e.tagName === 'figure').map(f => (f.childNodes.find(c => c.nodeName === 'svg') as Element | undefined)?.tagName)
        ).toEqual(['svg', 'svg', 'svg']);
        // The goal tree draws every goal; the pie lists every budget line with its amount.
        const svgText = all
            .filter(e => e.tagName === 'svg')
            .map(textOf)
            .join('\n');
        for (const label of [
            'SeedUsers: ≥ 20,000 signups',
            'channel: WeChatAds',
            'campaign: SouthRoadshow',
            'WeChatAds — 200,000 CNY',
            'Unallocated — 120,000 CNY'
        ])
            expect(svgText).toContain(label);
        // Light and dark, and print on A4 with a page break before each section.
        expect(html).toContain('@media (prefers-color-scheme: dark)');
        expect(html).toContain('@page { size: A4;');
        expect(html).toMatch(/@media print \{[\s\S]*section \{ break-before: page; \}/);
        expect(html).toContain(
            `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`
        );
    });

    test('a hostile title, name or role stays text: in the title, headings, tables and the SVG labels', async () => {
        const result = await runInProcess(['plan', 'tests/fixtures/html/hostile.ops', '--format', 'html']);
        expect(result.code).toBe(0);
        const html = result.stdout;
        const all = elements(parse(html) as Node);
        expect(all.filter(e => ['script', 'img', 'iframe', 'a', 'b'].includes(e.tagName)).map(e => e.tagName)).toEqual([]);
        // Only the generator's own <style> (one, in the head) and SVG (the three diagrams).
        expect(all.filter(e => e.tagName === 'style').length).toBe(1);
        expect(all.filter(e => e.tagName === 'svg').length).toBe(3);
        expect(all.flatMap(e => e.attrs.map(a => a.name)).filter(name => /^on/i.test(name))).toEqual([]);
        const title = "</title><script>alert('title')</script> & <img src=x onerror=alert(1)>";
        expect(textOf(all.find(e => e.tagName === 'title') as Node)).toBe(`Execution plan: ${title}`);
        expect(textOf(all.find(e => e.tagName === 'h1') as Node)).toBe(`Execution plan: ${title}`);
        const text = textOf(all.find(e => e.tagName === 'body') as Node);
        for (const shown of [
            'Signups — <style>body{display:none}</style>',
            'Ads — <script src=https://evil.example/x.js></script>',
            'Eve <iframe src=javascript:alert(5)> (eve)',
            "' onfocus='alert(6)",
            'Grow — <svg onload=alert(2)> " onmouseover="alert(3)'
        ])
            expect(text).toContain(shown);
        // The goal tree's root label is the title, as text inside an SVG <text>.
        const labels = all.filter(e => e.tagName === 'text').map(textOf);
        expect(labels).toContain(title);
    });

    test('escapeHtml: the five special characters, and one line of plain text', () => {
        expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
        expect(escapeHtml('a\nb\u202ec\u0000d')).toBe('a bcd');
        expect(escapeHtml('青禾家居 — 6月')).toBe('青禾家居 — 6月');
    });
});
