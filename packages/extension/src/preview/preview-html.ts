import { randomBytes } from 'node:crypto';
import MarkdownIt from 'markdown-it';

// Pure HTML for the plan preview: no `vscode` import, so unit tests run it in Node.

const LINE_BREAK = /^<br\s*\/?>$/i;
const COMMENT = /^<!--[\s\S]*?-->$/;

const markdown = createMarkdownRenderer();

function createMarkdownRenderer() {
    // The generated Markdown escapes user text, and uses raw HTML only for line breaks in table cells
    // and for its fingerprint comment. So the preview lets `<br>` through, drops comments, and shows
    // any other HTML as text: nothing a playbook title smuggles in can run or restyle the page.
    const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
    md.renderer.rules.html_inline = (tokens, index) => {
        const html = tokens[index]!.content;
        return LINE_BREAK.test(html) ? '<br>' : COMMENT.test(html) ? '' : md.utils.escapeHtml(html);
    };
    md.renderer.rules.html_block = (tokens, index) => {
        const html = tokens[index]!.content;
        return COMMENT.test(html.trim()) ? '' : `<p>${md.utils.escapeHtml(html.trim())}</p>\n`;
    };
    // A wide table scrolls in its own box instead of squeezing its columns (one Chinese character per line).
    md.renderer.rules.table_open = () => '<div class="table-wrap"><table>\n';
    md.renderer.rules.table_close = () => '</table></div>\n';
    const defaultFence = md.renderer.rules.fence!;
    md.renderer.rules.fence = (tokens, index, options, env, self) => {
        const token = tokens[index]!;
        if (token.info.trim().split(/\s+/)[0] === 'mermaid') {
            // The webview script hands the text of each `pre.mermaid` to the bundled Mermaid.
            return `<pre class="mermaid">${md.utils.escapeHtml(token.content)}</pre>\n`;
        }
        return defaultFence(tokens, index, options, env, self);
    };
    return md;
}

/** The plan's Markdown as HTML; Mermaid fences become `<pre class="mermaid">` blocks. */
export function markdownToHtml(text: string): string {
    return markdown.render(text);
}

export function escapeHtml(text: string): string {
    return markdown.utils.escapeHtml(text);
}

/** A fresh nonce for the Content-Security-Policy of one webview page. */
export function createNonce(): string {
    return randomBytes(18).toString('base64');
}

export interface PreviewShellOptions {
    /** `webview.cspSource`: where the page may load its own script, style and image files. */
    cspSource: string;
    nonce: string;
    title: string;
    /** The page's language (`en`, `zh-CN`): the display language of the editor. */
    lang?: string;
    /** The words the page script shows (diagram controls, errors), in the editor's language. */
    strings?: Record<string, string>;
    /** Shown until the first render arrives. */
    placeholder?: string;
    mermaidScriptUri: string;
    previewScriptUri: string;
    styleUri: string;
}

/**
 * The preview page. It loads only the extension's own files: the bundled Mermaid and the preview
 * script (both allowed by nonce), the stylesheet, and nothing from the network. Mermaid writes
 * inline styles into its SVGs, hence `'unsafe-inline'` for styles only.
 */
export function previewShellHtml(options: PreviewShellOptions): string {
    const csp = [
        "default-src 'none'",
        `img-src ${options.cspSource} data:`,
        `style-src ${options.cspSource} 'unsafe-inline'`,
        `font-src ${options.cspSource}`,
        `script-src 'nonce-${options.nonce}'`
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(options.title)}</title>
<link rel="stylesheet" href="${options.styleUri}">
</head>
<body data-strings="${escapeHtml(JSON.stringify(options.strings ?? {}))}">
<div id="banner" class="banner" role="alert" hidden></div>
<main id="content" class="markdown-body"><p class="placeholder">${escapeHtml(options.placeholder ?? 'Rendering the plan…')}</p></main>
<script nonce="${options.nonce}" src="${options.mermaidScriptUri}"></script>
<script nonce="${options.nonce}" src="${options.previewScriptUri}"></script>
</body>
</html>
`;
}
