// Renders Mermaid diagrams in headless Chromium with the project's own `mermaid` package,
// offline: a blank page in a temporary folder loads node_modules/mermaid/dist/mermaid.min.js
// through a file:// URL, and every other request (http, https, ws) is refused. Used to check that generated diagrams really render.
//
//   const { ok, errors, results } = await renderMermaid([flowchartText, ganttText]);

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './code-server.mjs';

const require = createRequire(import.meta.url);

/** Absolute path of the mermaid bundle in node_modules. */
export function mermaidBundlePath() {
    const pkg = require.resolve('mermaid/package.json');
    const p = join(dirname(pkg), 'dist/mermaid.min.js');
    if (!existsSync(p)) throw new Error(`mermaid bundle not found at ${p} (run npm ci)`);
    return p;
}

/**
 * Renders each diagram text with `mermaid.render(id, text)` in one headless Chromium page.
 * @param {string[]} diagramTexts
 * @param {object} [opts]
 * @param {import('playwright-core').Browser} [opts.browser]  reuse a browser (default: launch one)
 * @param {object} [opts.config]    extra `mermaid.initialize` settings
 * @param {number} [opts.timeoutMs] per diagram, default 30 s
 * @returns {Promise<{ ok: boolean, errors: { index: number, message: string }[],
 *   results: { index: number, ok: boolean, svg?: string, error?: string }[] }>}
 *   `ok` is true when every diagram rendered to an SVG; `errors` lists the others, in order.
 */
export async function renderMermaid(diagramTexts, opts = {}) {
    if (!Array.isArray(diagramTexts)) throw new TypeError('renderMermaid expects an array of strings');
    const browser = opts.browser ?? (await launchChromium());
    const dir = mkdtempSync(join(tmpdir(), 'opsbook-mermaid-'));
    try {
        const html = join(dir, 'index.html');
        writeFileSync(
            html,
            `<!doctype html><html><head><meta charset="utf-8"><script src="${pathToFileURL(mermaidBundlePath())}"></script></head><body></body></html>`
        );
        const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
        // No network: everything the page asks for that is not inline is refused.
        await context.route(/^(https?|wss?):/, route => route.abort());
        const page = await context.newPage();
        const pageErrors = [];
        page.on('pageerror', e => pageErrors.push(e.message));
        await page.goto(pathToFileURL(html).href, { timeout: 60_000 });
        const loaded = await page.evaluate(() => typeof globalThis.mermaid?.render === 'function');
        if (!loaded) throw new Error(`mermaid did not load in the page: ${pageErrors.join('; ') || 'unknown error'}`);
        await page.evaluate(config => {
            globalThis.mermaid.initialize({
                startOnLoad: false,
                securityLevel: 'strict',
                ...config
            });
        }, opts.config ?? {});

        const results = [];
        for (let i = 0; i < diagramTexts.length; i++) {
            const text = diagramTexts[i];
            const r = await page.evaluate(
                async ({ id, text, timeoutMs }) => {
                    const timeout = new Promise((_, rej) =>
                        setTimeout(() => rej(new Error(`render timed out after ${timeoutMs} ms`)), timeoutMs)
                    );
                    try {
                        const { svg } = await Promise.race([globalThis.mermaid.render(id, text), timeout]);
                        if (!svg || !svg.includes('<svg')) return { ok: false, error: 'mermaid.render returned no SVG' };
                        // Mermaid draws a "Syntax error" bomb instead of throwing in some versions/configs.
                        if (/class="error-icon"|Syntax error in text/.test(svg))
                            return { ok: false, error: 'mermaid rendered its syntax-error diagram' };
                        return { ok: true, svg };
                    } catch (e) {
                        return { ok: false, error: String(e?.message ?? e?.str ?? e) };
                    } finally {
                        // render() leaves temporary nodes behind on failure
                        for (const n of document.querySelectorAll(`#${id}, #d${id}`)) n.remove();
                    }
                },
                { id: `opsbook-mermaid-${i}`, text, timeoutMs: opts.timeoutMs ?? 30_000 }
            );
            results.push({ index: i, ...r });
        }
        const errors = results.filter(r => !r.ok).map(r => ({ index: r.index, message: r.error }));
        await context.close();
        return { ok: errors.length === 0, errors, results };
    } finally {
        if (!opts.browser) await browser.close().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
    }
}
