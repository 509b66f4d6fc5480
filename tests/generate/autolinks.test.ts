// User text must stay inert text when GitHub (or any GFM renderer with linkify) renders a generated
// plan or review: no autolinked URL, www. host or e-mail, no @mention or #123 issue reference, and no
// bidi control. markdown-it with `linkify: true` (linkify-it) stands in for GFM's autolink-literal
// extension; GitHub's mentions and issue references are found after rendering, on the HTML text, so
// they are checked here with GitHub's own patterns on the rendered text.

import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { analyzeReview, generate } from '../../packages/language/src/index.js';
import { code } from '../../packages/language/src/generate/markdown-builder.js';
import { escapeMarkdown, mermaidLabel, singleLine } from '../../packages/language/src/generate/markdown-escape.js';
import { checkText } from '../fuzz/support/in-process.js';

const linkifyOn = new MarkdownIt({ html: true, linkify: true });
// linkify-it's fuzzy matching finds `www.` hosts and bare e-mails as GitHub does (it also links bare
// domains like `example.com`, which GitHub does not; user text holds those and they are not checked).
linkifyOn.linkify.set({ fuzzyLink: true, fuzzyEmail: true });
const linkifyOff = new MarkdownIt({ html: true, linkify: false });

/** Text that GitHub or linkify-it would turn into a link or a mention if written out as it is. */
const LINKY = [
    'see https://x.y now',
    'http://example.com/a?b=c#d',
    'https://evil.example.org:8080/path.html',
    'HTTPS://EXAMPLE.COM',
    'ftp://files.example.net',
    'go to www.example.com today',
    'WWW.Example.org',
    '(www.x.io)',
    'mail ops@example.com please',
    'first.last+tag@sub.example.co.uk',
    'mailto:ops@example.com',
    'ping @octocat',
    'ask @acme/growth-team',
    'at the start: @user',
    '@user at the start',
    '中文@user',
    'fixes #123',
    '#42',
    'acme/repo#7',
    'GH-12 and gh-9',
    '//cdn.example.com/x.js',
    'all at once: https://a.b www.c.de e@f.gh @i #1'
];

/** GitHub's mention and issue-reference patterns (html-pipeline), applied to rendered text. */
const GITHUB_MENTION = /(?:^|[^A-Za-z0-9_])@[A-Za-z0-9]/;
const GITHUB_ISSUE = /#[0-9]|(?:^|[^A-Za-z0-9_])gh-[0-9]/i;

/** The text a reader sees in rendered HTML (tags dropped, entities decoded). */
function visibleText(html: string): string {
    return html
        .replace(/<[^>]*>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
}

function problems(html: string): string[] {
    const found: string[] = [];
    if (/<a[\s>]/.test(html)) found.push(`link: ${html}`);
    const text = visibleText(html);
    if (GITHUB_MENTION.test(text)) found.push(`mention: ${text}`);
    if (GITHUB_ISSUE.test(text)) found.push(`issue reference: ${text}`);
    return found;
}

const WORD_JOINER = /\u2060/g;

describe('escapeMarkdown leaves no autolink, mention or issue reference', () => {
    test.each(LINKY)('%j renders as its own text, with linkify on and off', text => {
        for (const md of [linkifyOn, linkifyOff]) {
            const html = md.renderInline(escapeMarkdown(text));
            expect(problems(html)).toEqual([]);
            // Visually identical: only invisible word joiners were added.
            expect(visibleText(html).replace(WORD_JOINER, '')).toBe(text);
        }
    });

    test('the escapes used: backslashes for links, a word joiner for mentions and references', () => {
        expect(escapeMarkdown('https://x.y')).toBe('https\\://x\\.y');
        expect(escapeMarkdown('www.example.com')).toBe('www\\.example\\.com');
        expect(escapeMarkdown('a@b.org')).toBe('a\\@b\\.org');
        expect(escapeMarkdown('@octocat')).toBe('@\u2060octocat');
        expect(escapeMarkdown('#123')).toBe('\\#\u2060123');
        expect(escapeMarkdown('GH-5')).toBe('GH-\u20605');
    });

    test('ordinary text is unchanged: file names, abbreviations, decimals, lone signs', () => {
        for (const text of [
            'growth.ops',
            'e.g. this',
            'v1.2.3',
            '3.5k',
            'Q3: plan',
            'a @ b',
            'C# and F#',
            'x@',
            'IP 10.0.0.1',
            'ratio 1:2'
        ]) {
            expect(escapeMarkdown(text)).toBe(text.replace(/#/g, '\\#'));
        }
    });
});

describe('bidi controls are removed', () => {
    const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
    test.each(BIDI.map(c => [c.codePointAt(0)?.toString(16)]))('U+%s goes from Markdown and Mermaid text', hex => {
        const control = String.fromCodePoint(Number.parseInt(hex as string, 16));
        const text = `abc${control}def ${control}لعربية`;
        expect(singleLine(text)).toBe('abcdef لعربية');
        expect(escapeMarkdown(text)).toBe('abcdef لعربية');
        expect(mermaidLabel(text)).toBe('abcdef لعربية');
    });
});

const TITLES = LINKY.map(t => t.replace(/"/g, "'"));

function playbook(): string {
    let i = 0;
    const t = () => JSON.stringify(`${TITLES[i++ % TITLES.length]} \u202eevil\u202c`);
    return `playbook Links ${t()} {
  product ${t()}
  stage growth
  period 2027-01-01 .. 2027-03-31
  currency CNY
  budget 500k CNY
}
strategy S ${t()} { focus acquisition rationale ${t()} competition ${t()} }
metric users ${t()} count
metric revenue ${t()} money
funnel F ${t()} { users -> users }
person alice ${t()} { role ${t()} team growth capacity 100% }
team growth ${t()} { lead alice }
goal Users ${t()} { target 1000 users by 2027-03-31 owner alice strategy S }
goal Revenue ${t()} { target 100k CNY revenue by 2027-03-31 owner alice }
channel SEO ${t()} { kind organic owner alice budget 100k CNY delivers 1000 users to Users }
campaign Sale ${t()} { type promotion window 2027-01-10 .. 2027-02-10 binding advisory region ${t()} owner alice budget 50k CNY delivers 100k CNY revenue to Revenue }
workstream Content ${t()} { responsible alice 50% accountable alice serves Users }
review Weekly ${t()} { every week on monday owner alice covers Users, Revenue ask ${t()} ask ${t()} }
`;
}

describe('a plan and a review whose every title holds a link, an e-mail, a mention or a reference', () => {
    async function documents(): Promise<{ plan: string; review: string; json: string; csv: string }> {
        const checked = await checkText(playbook());
        expect(checked.diagnostics.filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
        const { analysis } = checked;
        const at = { year: 2027, month: 2, day: 15 };
        return {
            plan: generate.generatePlan(analysis, { source: 'links.ops', findings: [] }),
            review: generate.generateReview(
                analyzeReview(analysis, {
                    window: { label: '2027-02-15', kind: 'day', range: { start: at, end: at } },
                    thresholds: { onTrack: 0.95, atRisk: 0.8 }
                }),
                { source: 'links.ops' }
            ),
            json: generate.exportJson(analysis, 'links.ops'),
            csv: generate.exportCsv(analysis)
        };
    }

    test('render with no link and no mention, with linkify on and off, and no bidi control', async () => {
        const { plan, review } = await documents();
        for (const [name, markdown] of [
            ['plan', plan],
            ['review', review]
        ] as const) {
            expect(markdown, name).toContain('example');
            expect(markdown, name).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
            for (const md of [linkifyOn, linkifyOff]) {
                // Mermaid blocks are code for GitHub (no autolinks, no mentions); the rest is checked.
                const html = md.render(markdown).replace(/<pre>[\s\S]*?<\/pre>/g, '');
                expect(problems(html), name).toEqual([]);
            }
        }
    });

    test('Mermaid labels carry no Markdown escapes or word joiners', async () => {
        const { plan } = await documents();
        const mermaid = [...plan.matchAll(/```mermaid\n([\s\S]*?)```/g)].map(m => m[1]).join('\n');
        expect(mermaid).toContain('https://x.y');
        expect(mermaid).not.toMatch(/\\[.:@]|\u2060/);
    });

    test('the JSON and CSV exports keep the text exactly as written', async () => {
        const { json, csv } = await documents();
        expect(json).toContain('https://x.y');
        expect(json).toContain('ops@example.com');
        expect(json).toContain('@octocat');
        expect(json).not.toMatch(/\\\\[.:@]|\u2060/);
        expect(csv).toContain('ops@example.com');
        expect(csv).not.toMatch(/\\[.:@]|\u2060/);
    });

    test('bidi controls: written as \\u escapes in JSON (the same string once parsed), removed from CSV', async () => {
        const { json, csv } = await documents();
        expect(json).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
        expect(json).toContain('\\u202eevil\\u202c');
        expect(JSON.stringify(JSON.parse(json))).toContain('\u202eevil\u202c');
        expect(csv).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
        expect(csv).toContain('ops@example.com please evil');
    });
});

describe('code spans', () => {
    test('a file name in a code span loses bidi controls and line breaks', () => {
        expect(code('a\u202egnp.ops\nb`c').md).toBe("`agnp.ops b'c`");
    });
});
