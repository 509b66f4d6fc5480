import { describe, expect, test } from 'vitest';
import { markdownToHtml, previewShellHtml } from '../../../packages/extension/src/preview/preview-html.js';

describe('markdownToHtml', () => {
    test('Mermaid fences become escaped pre.mermaid blocks for the webview script', () => {
        const html = markdownToHtml('## Goal tree\n\n```mermaid\nflowchart LR\n  A["<b>SEO</b>"] --> B\n```\n');
        expect(html).toBe(
            '<h2>Goal tree</h2>\n<pre class="mermaid">flowchart LR\n  A[&quot;&lt;b&gt;SEO&lt;/b&gt;&quot;] --&gt; B\n</pre>\n'
        );
    });

    test('other fences stay code blocks', () => {
        expect(markdownToHtml('```ops\ngoal A {}\n```\n')).toBe('<pre><code class="language-ops">goal A {}\n</code></pre>\n');
    });

    test('the fingerprint comment is dropped and line breaks in cells kept', () => {
        const html = markdownToHtml(
            '<!-- opsbook:plan fingerprint=6aaca6405dd414dc -->\n# Plan\n\n| goal | why |\n| --- | --- |\n| A | one<br>two |\n'
        );
        expect(html).not.toContain('fingerprint');
        expect(html.startsWith('<h1>Plan</h1>')).toBe(true);
        expect(html).toContain('<td>one<br>two</td>');
    });

    test('any other HTML is shown as text, inline or as a block', () => {
        expect(markdownToHtml('a <img src=x onerror="alert(1)"> b\n')).toBe('<p>a &lt;img src=x onerror=&quot;alert(1)&quot;&gt; b</p>\n');
        expect(markdownToHtml('<div style="display:none">\nhidden\n</div>\n')).toBe(
            '<p>&lt;div style=&quot;display:none&quot;&gt;\nhidden\n&lt;/div&gt;</p>\n'
        );
    });

    test('tables render, raw HTML stays text', () => {
        const html = markdownToHtml('| goal | owner |\n| --- | --- |\n| SeedUsers | <script>alert(1)</script> |\n');
        expect(html).toContain('<table>');
        expect(html).toContain('<td>SeedUsers</td>');
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(html).not.toContain('<script>');
    });
});

describe('previewShellHtml', () => {
    const html = previewShellHtml({
        cspSource: 'https://webview.example',
        nonce: 'abc123',
        title: 'Plan: <growth>.ops',
        mermaidScriptUri: 'https://webview.example/media/mermaid.min.js',
        previewScriptUri: 'https://webview.example/media/preview.js',
        styleUri: 'https://webview.example/media/preview.css'
    });

    test('a strict Content-Security-Policy: scripts by nonce only, nothing from the network', () => {
        expect(html).toContain(
            `content="default-src 'none'; img-src https://webview.example data:; style-src https://webview.example 'unsafe-inline'; font-src https://webview.example; script-src 'nonce-abc123'"`
        );
        expect(html.match(/<script /g)).toHaveLength(2);
        expect(html.match(/<script nonce="abc123" src="https:\/\/webview\.example\/media\/[a-z.]+\.js"><\/script>/g)).toHaveLength(2);
        expect(html).not.toMatch(/https?:\/\/(?!webview\.example)/);
    });

    test('the title is escaped', () => {
        expect(html).toContain('<title>Plan: &lt;growth&gt;.ops</title>');
    });
});
