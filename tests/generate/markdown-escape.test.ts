import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { cell, escapeMarkdown, ganttText, mermaidLabel, singleLine } from '../../packages/language/src/generate/markdown-escape.js';
import { MarkdownDocument, bold, italic, table } from '../../packages/language/src/generate/markdown-builder.js';

const md = new MarkdownIt({ html: true });

const HOSTILE = [
    'a | b',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '`code` and ``` fence',
    'line one\nline two\r\nline three',
    '**bold** _it_ [link](http://x) ![img](y) # h ~~s~~ $x$',
    '&lt;already&gt; & more',
    '\\ backslash at the end \\'
];

describe('escapeMarkdown', () => {
    test.each(HOSTILE)('renders %j as its own text, with no HTML, code, emphasis or link', text => {
        const html = md.renderInline(escapeMarkdown(text));
        expect(html).not.toMatch(/<(script|img|code|strong|em|a|s|del)\b/);
        // What the reader sees is the text itself (line breaks become spaces).
        const shown = html
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, '&');
        expect(shown).toBe(singleLine(text));
    });

    test('escapes exactly the characters that matter', () => {
        expect(escapeMarkdown('a|b')).toBe('a\\|b');
        expect(escapeMarkdown('<b>')).toBe('&lt;b&gt;');
        expect(escapeMarkdown('x\ny')).toBe('x y');
        expect(escapeMarkdown('$5 and $6')).toBe('\\$5 and \\$6');
        expect(escapeMarkdown('青禾家居 — 6月')).toBe('青禾家居 — 6月');
        expect(escapeMarkdown('seed_users')).toBe('seed\\_users');
    });

    test('control characters disappear and tabs become spaces', () => {
        expect(singleLine('a\u0000b\u0007c\td\u2028e')).toBe('abc d e');
    });
});

describe('tables keep their shape whatever the text', () => {
    test.each(HOSTILE)('a row with %j has exactly its columns', text => {
        const markdown = table(['A', 'B', 'C'], [[text, bold(text), italic(text)]]);
        const html = md.render(markdown);
        const row = /<tbody>\s*<tr>([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
        expect(row.match(/<td>/g)).toHaveLength(3);
        expect(html).not.toMatch(/<(script|img)\b/);
        expect(markdown.split('\n')).toHaveLength(3);
    });

    test('an empty cell shows a dash', () => {
        expect(cell(undefined)).toBe('—');
        expect(cell('')).toBe('—');
        expect(table(['A'], [[undefined]])).toBe('| A |\n| --- |\n| — |');
    });

    test('headings stay one line and cannot start a code block', () => {
        const doc = new MarkdownDocument().heading(2, 'T ``` x\n# not a heading').toString();
        expect(doc).toBe('## T \\`\\`\\` x \\# not a heading\n');
        expect(md.render(doc)).toBe('<h2>T ``` x # not a heading</h2>\n');
    });
});

describe('Mermaid labels', () => {
    test('quotes, markup and entity-like text become inert look-alikes', () => {
        expect(mermaidLabel('a "b" <c> & #35; `d` {e} \\ f')).toBe('a ″b″ ‹c› ＆ ＃35； ˋdˋ ❴e❵ ⧵ f');
        expect(mermaidLabel('x %% y\nz')).toBe('x %\u200b% y z');
        expect(mermaidLabel('  ')).toBe('—');
    });

    test('gantt text loses its colons and cannot start a statement', () => {
        expect(ganttText('a: b')).toBe('a∶ b');
        expect(ganttText('section x')).toBe('\u200bsection x');
        expect(ganttText('Title')).toBe('\u200bTitle');
        expect(ganttText('sections of work')).toBe('sections of work');
    });
});
