// The plan preview's page (packages/extension: preview-html shell, media/preview.js, preview.css and the
// bundled Mermaid) in headless Chromium, as VS Code shows it in a light, a dark and a high-contrast
// theme (the body class and the theme's CSS variables of VS Code's default themes). Issue 16: in a dark
// theme the pie legend, the timeline's labels and the arrows were black on dark. Checked here: every
// such text and line has a contrast of at least 3:1 against the page; wide tables scroll in their box;
// a large diagram gets zoom buttons that change its width; a theme switch redraws the diagrams.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from './code-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { markdownToHtml, previewShellHtml } = require(join(root, 'packages/extension/out/preview/preview-html.js'));
const artifacts = process.env.OPSBOOK_E2E_ARTIFACTS ?? join(root, 'tmp', 'e2e');

/** VS Code's default themes: the body class and the variables the preview and Mermaid read. */
export const THEMES = {
    light: {
        bodyClass: 'vscode-light',
        vars: {
            'editor-background': '#ffffff',
            'editor-foreground': '#3b3b3b',
            foreground: '#3b3b3b',
            'panel-border': '#e5e5e5',
            'textLink-foreground': '#005fb8'
        }
    },
    dark: {
        bodyClass: 'vscode-dark',
        vars: {
            'editor-background': '#1f1f1f',
            'editor-foreground': '#cccccc',
            foreground: '#cccccc',
            'panel-border': '#2b2b2b',
            'textLink-foreground': '#4daafc'
        }
    },
    'high-contrast': {
        bodyClass: 'vscode-dark vscode-high-contrast',
        vars: {
            'editor-background': '#000000',
            'editor-foreground': '#ffffff',
            foreground: '#ffffff',
            'panel-border': '#6fc3df',
            contrastBorder: '#6fc3df',
            'textLink-foreground': '#21a6ff'
        }
    }
};

function pageHtml(dir, theme) {
    const media = file => pathToFileURL(join(root, 'packages/extension/media', file)).href;
    const shell = previewShellHtml({
        cspSource: 'file:',
        nonce: 'e2e',
        title: 'Plan: growth.ops',
        mermaidScriptUri: media('mermaid.min.js'),
        previewScriptUri: media('preview.js'),
        styleUri: media('preview.css')
    });
    // What VS Code adds to every webview: acquireVsCodeApi (here recording what the page posts), and once
    // the page's scripts have run (DOMContentLoaded, as VS Code's webview host does) the theme's variables
    // on <html> and its kind as the body's class.
    const fake = `<script nonce="e2e">
window.posted = [];
window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), setState() {}, getState() {} });
document.addEventListener('DOMContentLoaded', () => {
  for (const [name, value] of Object.entries(${JSON.stringify(THEMES[theme].vars)})) document.documentElement.style.setProperty('--vscode-' + name, value);
  document.body.className = ${JSON.stringify(THEMES[theme].bodyClass)};
});
</script>`;
    const html = shell.replace('</head>', `${fake}\n</head>`);
    const file = join(dir, `${theme}.html`);
    writeFileSync(file, html);
    return pathToFileURL(file).href;
}

/** Renders `markdown` in the preview page of `theme`; returns the page once the diagrams are drawn. */
export async function openPreviewPage(browser, dir, theme, markdown, viewport = { width: 1000, height: 900 }) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    await context.route(/^(https?|wss?):/, route => route.abort());
    const page = await context.newPage();
    await page.goto(pageHtml(dir, theme));
    await page.waitForFunction(() => window.posted.some(m => m.type === 'ready'));
    await page.evaluate(
        html => window.postMessage({ type: 'render', html, version: 1, uri: 'file:///growth.ops' }, '*'),
        markdownToHtml(markdown)
    );
    await page.waitForFunction(() => window.posted.some(m => m.type === 'rendered' && m.version === 1), undefined, { timeout: 60_000 });
    return { page, context, rendered: await page.evaluate(() => window.posted.find(m => m.type === 'rendered' && m.version === 1)) };
}

/** Contrast of every label, legend, axis text and arrow the issue named, against the page background. */
function contrasts(page) {
    return page.evaluate(() => {
        const rgb = color => {
            const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(color);
            return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
        };
        const luminance = ([r, g, b]) => {
            const c = [r, g, b].map(v => v / 255).map(v => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
            return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        };
        const ratio = (a, b) => {
            const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
            return (l1 + 0.05) / (l2 + 0.05);
        };
        const background = rgb(getComputedStyle(document.body).backgroundColor);
        const checks = [
            ['pie legend', '.legend text', 'fill'],
            ['pie title', '.pieTitleText', 'fill'],
            ['timeline axis', '.tick text', 'fill'],
            ['timeline title', '.titleText', 'fill'],
            ['timeline label outside its bar', '[class*="taskTextOutside"]', 'fill'],
            ['arrow', '.flowchart-link', 'stroke']
        ];
        const results = [];
        for (const [what, selector, property] of checks) {
            const elements = [...document.querySelectorAll(`.diagram svg ${selector}`)];
            let worst = Number.POSITIVE_INFINITY;
            let color = '';
            for (const element of elements) {
                const value = rgb(getComputedStyle(element)[property]);
                if (!value) continue;
                const r = ratio(value, background);
                if (r < worst) {
                    worst = r;
                    color = getComputedStyle(element)[property];
                }
            }
            results.push({ what, count: elements.length, worst: Math.round(worst * 100) / 100, color });
        }
        return results;
    });
}

export default async function previewThemes() {
    const plan = execFileSync(process.execPath, [join(root, 'packages/cli/bin/opsbook.cjs'), 'plan', 'examples/growth/growth.ops'], {
        cwd: root,
        encoding: 'utf8'
    });
    const planZh = execFileSync(process.execPath, [join(root, 'packages/cli/bin/opsbook.cjs'), 'plan', 'examples/shop/shop.ops'], {
        cwd: root,
        encoding: 'utf8'
    });
    const dir = mkdtempSync(join(tmpdir(), 'opsbook-preview-'));
    mkdirSync(artifacts, { recursive: true });
    const browser = await launchChromium();
    try {
        for (const theme of Object.keys(THEMES)) {
            const { page, context, rendered } = await openPreviewPage(browser, dir, theme, plan);
            assert.deepEqual(rendered.errors, [], `${theme}: diagrams failed`);
            assert.ok(rendered.diagrams >= 3, `${theme}: ${rendered.diagrams} diagrams`);
            const found = await contrasts(page);
            for (const { what, count, worst, color } of found) {
                if (count === 0) continue;
                assert.ok(worst >= 3, `${theme}: ${what} has a contrast of ${worst}:1 (${color}) against the page`);
            }
            assert.ok(found.filter(f => f.count > 0).length >= 4, `${theme}: too few elements checked: ${JSON.stringify(found)}`);
            console.log(
                `  ${theme}: ${found
                    .filter(f => f.count > 0)
                    .map(f => `${f.what} ${f.worst}:1`)
                    .join(', ')}`
            );
            await page.screenshot({ path: join(artifacts, `preview-${theme}.png`), fullPage: true });
            await context.close();
        }

        // Chinese tables: the widest table scrolls in its box; no cell is squeezed to one character per line.
        const { page, context } = await openPreviewPage(browser, dir, 'light', planZh, { width: 700, height: 900 });
        const tables = await page.evaluate(() =>
            [...document.querySelectorAll('.table-wrap')].map(wrap => ({
                scrolls: wrap.scrollWidth > wrap.clientWidth,
                overflowX: getComputedStyle(wrap).overflowX,
                narrowest: Math.min(
                    ...[...wrap.querySelectorAll('td')]
                        .filter(td => /[\u4e00-\u9fff]{4}/.test(td.textContent))
                        .map(td => td.getBoundingClientRect().width)
                )
            }))
        );
        assert.ok(tables.length > 3, `tables: ${JSON.stringify(tables)}`);
        assert.ok(tables.every(t => t.overflowX === 'auto'));
        assert.ok(
            tables.some(t => t.scrolls),
            'no table is wider than a 700 px preview: the check proves nothing'
        );
        const fontSize = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
        for (const t of tables)
            assert.ok(
                t.narrowest === Number.POSITIVE_INFINITY || t.narrowest > fontSize * 3,
                `a cell with Chinese text is ${t.narrowest}px wide`
            );

        // Zoom: the goal tree's buttons change its width; a theme switch redraws in the new theme.
        const before = await page.evaluate(() => document.querySelector('.diagram svg').getBoundingClientRect().width);
        await page.hover('.diagram');
        await page.click('.diagram-toolbar button[aria-label="Zoom in"]');
        await page.click('.diagram-toolbar button[aria-label="Zoom in"]');
        const after = await page.evaluate(() => document.querySelector('.diagram svg').getBoundingClientRect().width);
        assert.ok(after > before * 1.4, `zoom in: ${before} → ${after}`);
        await page.evaluate(() => {
            document.documentElement.style.setProperty('--vscode-editor-background', '#1f1f1f');
            document.documentElement.style.setProperty('--vscode-editor-foreground', '#cccccc');
            document.body.className = 'vscode-dark';
        });
        await page.waitForFunction(() => window.posted.some(m => m.type === 'rendered' && m.theme === 'dark'), undefined, {
            timeout: 60_000
        });
        const legend = await page.evaluate(() => getComputedStyle(document.querySelector('.diagram svg .legend text')).fill);
        assert.equal(legend, 'rgb(204, 204, 204)', "after switching to a dark theme the pie legend is in the dark theme's foreground");
        await context.close();
    } finally {
        await browser.close();
        rmSync(dir, { recursive: true, force: true });
    }
}
