// The playground (issue 18) in headless Chromium, offline: built from the sources (`site/`), served by
// packages/playground/serve.mjs, every request that is not to that server refused and counted.
//   1. first load: compressed bytes sent and time until the first diagnostics are shown (median of
//      five fresh loads), held to the budget (≤ 3 MB gzip, ≤ 2 s) and written to BENCHMARKS.md;
//   2. the growth example: no problems, the plan with its three diagrams;
//   3. break a number (SEO's budget 60k → 600k): the error squiggle, the status line, the message in
//      the hover; the plan refused with the reason;
//   4. fix it (50k): no problems, the plan updated (370,000 CNY allocated);
//   5. completion and a quick fix from the server;
//   6. switch to 中文: the page reloads with the edited text, the server speaks Chinese;
//   7. the exported HTML plan renders with JavaScript disabled and a hostile title stays text.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readPlaygroundSection, withPlaygroundSection, PLAYGROUND_END, PLAYGROUND_START } from '../../bench/lib/ab-section.mjs';
import { serveSite } from '../../packages/playground/serve.mjs';
import { launchChromium } from './code-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'packages', 'cli', 'bin', 'opsbook.cjs');
const BUDGET_BYTES = 3 * 1000 * 1000;
const BUDGET_MS = 2000;
const LOADS = 5;
const log = (...args) => console.log('  playground:', ...args);

function buildSite() {
    const worker = join(root, 'packages/language/out/browser/worker-main.js');
    if (!existsSync(worker)) throw new Error(`${worker} is missing: run npm run build first`);
    execFileSync(process.execPath, [join(root, 'packages/playground/build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** A context where nothing but the playground's own server answers; `external` counts refusals. */
async function offlineContext(browser, url, options = {}) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...options });
    const external = [];
    await context.route(
        u => !u.href.startsWith(url) && !u.href.startsWith('blob:') && !u.href.startsWith('data:') && u.href !== 'about:srcdoc',
        route => {
            external.push(route.request().url());
            return route.abort();
        }
    );
    return { context, external };
}

async function openPlayground(context, url, query, errors) {
    const page = await context.newPage();
    page.on('pageerror', e => errors.push(e.message));
    page.on('dialog', d => {
        errors.push(`unexpected dialog: ${d.message()}`);
        void d.dismiss();
    });
    await page.goto(`${url}${query}`);
    await page.waitForSelector('body[data-diagnostics="shown"]', { timeout: 30_000 });
    return page;
}

const planFrame = page => page.frameLocator('#plan');
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Replaces `from` by `to` in the editor's model, as an edit (undo stack, change events, LSP didChange). */
async function edit(page, from, to) {
    await page.evaluate(
        ({ from, to }) => {
            const editor = window.opsbook.editor;
            const model = editor.getModel();
            const match = model.findMatches(from, false, false, true, null, false)[0];
            if (!match) throw new Error(`not in the editor: ${from}`);
            editor.executeEdits('e2e', [{ range: match.range, text: to }]);
        },
        { from, to }
    );
}

export default async function playground() {
    buildSite();
    const server = await serveSite();
    const browser = await launchChromium();
    const errors = [];
    try {
        // 1. First load, in fresh contexts (no cache): bytes sent and time to diagnostics. The time budget is
        // for a machine doing its normal work: with the 1-minute load average above twice the cores (other
        // jobs saturating it), an over-budget time is reported, not failed (the size budget always holds).
        const loadBefore = loadavg()[0];
        const loads = [];
        for (let i = 0; i < LOADS; i++) {
            server.stats.reset();
            const { context, external } = await offlineContext(browser, server.url);
            const page = await openPlayground(context, server.url, '?example=growth&lang=en', errors);
            await page.waitForSelector('body[data-plan="1"]', { timeout: 30_000 });
            const timing = await page.evaluate(() => ({
                app: window.opsbook.appStartedAt,
                server: window.opsbook.serverReadyAt,
                diagnostics: window.opsbook.diagnosticsShownAt,
                plan: window.opsbook.planShownAt
            }));
            loads.push({
                bytes: server.stats.bytes,
                uncompressed: server.stats.uncompressed,
                requests: server.stats.requests,
                files: server.stats.files.map(f => f.path),
                ...timing
            });
            assert.deepEqual(external, [], 'the page asked for something outside its own site');
            await context.close();
        }
        const first = {
            bytes: loads[0].bytes,
            uncompressed: loads[0].uncompressed,
            requests: loads[0].requests,
            files: loads[0].files,
            app: median(loads.map(l => l.app)),
            server: median(loads.map(l => l.server ?? Number.NaN)),
            diagnostics: median(loads.map(l => l.diagnostics)),
            plan: median(loads.map(l => l.plan))
        };
        log(
            `first load ${(first.bytes / 1e6).toFixed(2)} MB compressed (${(first.uncompressed / 1e6).toFixed(2)} MB uncompressed, ${first.requests} requests); editor script running after ${first.app.toFixed(0)} ms, server initialized after ${first.server.toFixed(0)} ms, diagnostics shown after ${first.diagnostics.toFixed(0)} ms, plan after ${first.plan.toFixed(0)} ms (median of ${LOADS}; ${loads.map(l => l.diagnostics.toFixed(0)).join(', ')} ms)`
        );
        const load = Math.max(loadBefore, loadavg()[0]);
        const overloaded = load > 2 * cpus().length;
        writeBenchmarks(first, loads, browser.version(), overloaded);
        assert.ok(first.bytes <= BUDGET_BYTES, `first load ${first.bytes} bytes compressed, over the budget of ${BUDGET_BYTES}`);
        if (overloaded && first.diagnostics > BUDGET_MS) {
            log(
                `NOT HELD: diagnostics shown after ${first.diagnostics.toFixed(0)} ms (budget ${BUDGET_MS} ms) with the machine overloaded (load ${load.toFixed(1)} on ${cpus().length} cores): not failed; run again on a quieter machine`
            );
        } else {
            assert.ok(
                first.diagnostics <= BUDGET_MS,
                `diagnostics shown after ${first.diagnostics.toFixed(0)} ms, over the budget of ${BUDGET_MS} ms (load ${load.toFixed(1)} on ${cpus().length} cores)`
            );
        }

        // 2. The growth example: clean, and its plan with the three diagrams.
        const { context, external } = await offlineContext(browser, server.url);
        const page = await openPlayground(context, server.url, '?example=growth&lang=en', errors);
        await page.waitForSelector('body[data-plan="1"]', { timeout: 30_000 });
        assert.equal(await page.textContent('#status'), '✓ No problems');
        assert.equal(await planFrame(page).locator('h1').textContent(), 'Execution plan: Acme Notes — Q1 2027 growth');
        assert.equal(await planFrame(page).locator('figure > svg').count(), 3);
        assert.match(await planFrame(page).locator('body').textContent(), /380,000 CNY allocated/);

        // 3. Break a number: the error marker, the message (status line, hover), the plan refused.
        await edit(page, 'budget 60k CNY', 'budget 600k CNY');
        await page.waitForSelector('.squiggly-error', { timeout: 10_000 });
        // The overrun is reported on the playbook's budget and, in the editor, also on the budget just edited (line 51).
        await page.waitForFunction(() => document.getElementById('status').textContent === '2 errors, 0 warnings', null, {
            timeout: 10_000
        });
        const markers = await page.evaluate(() => window.opsbook.markers());
        assert.deepEqual(
            markers.map(m => [m.severity, m.line, m.column, m.code]),
            [
                ['Error', 9, 10, 'budget-overrun'],
                ['Error', 51, 10, 'budget-overrun']
            ]
        );
        assert.match(markers[0].message, /add up to 920,000 CNY .*420,000 CNY over the playbook budget of 500,000 CNY/);
        await page.evaluate(() => {
            window.opsbook.editor.setPosition({ lineNumber: 9, column: 12 });
            window.opsbook.editor.focus();
            window.opsbook.editor.trigger('e2e', 'editor.action.showHover', {});
        });
        await page.waitForFunction(
            () => /420,000 CNY over the playbook budget/.test(document.querySelector('.monaco-hover')?.textContent ?? ''),
            null,
            { timeout: 10_000 }
        );
        await page.waitForSelector('body[data-plan="refused"]', { timeout: 10_000 });
        assert.match(await page.textContent('#plan-note'), /no errors\..*budget/);
        await page.keyboard.press('Escape');

        // 4. Fix it (to another figure): no problems, and the plan shows the new total.
        await edit(page, 'budget 600k CNY', 'budget 50k CNY');
        await page.waitForFunction(() => document.getElementById('status').textContent === '✓ No problems', null, { timeout: 10_000 });
        await page.waitForFunction(() => /^\d+$/.test(document.body.dataset.plan ?? '') && Number(document.body.dataset.plan) >= 2, null, {
            timeout: 10_000
        });
        assert.equal(await page.locator('.squiggly-error').count(), 0);
        await planFrame(page).locator('text=370,000 CNY allocated').first().waitFor({ timeout: 10_000 });

        // 5. Completion and a quick fix, from the server.
        await edit(page, '  owner alice\n', '  owner alice\n  \n');
        await page.evaluate(() => {
            const editor = window.opsbook.editor;
            const line = editor.getModel().findMatches('  owner alice\n  \n', false, false, true, null, false)[0].range.startLineNumber + 1;
            editor.setPosition({ lineNumber: line, column: 3 });
            editor.focus();
            editor.trigger('e2e', 'editor.action.triggerSuggest', {});
        });
        // SeedUsers has its target, owner and strategy: the server offers what is left, `part of`.
        await page.waitForFunction(
            () => [...document.querySelectorAll('.suggest-widget .monaco-list-row')].some(row => /^part of/.test(row.textContent ?? '')),
            null,
            { timeout: 10_000 }
        );
        await page.keyboard.press('Escape');
        await edit(page, '  owner alice\n  \n', '  owner alicee\n');
        await page.waitForFunction(() => window.opsbook.markers().some(m => m.severity === 'Error' && /alicee/.test(m.message)), null, {
            timeout: 10_000
        });
        const broken = await page.evaluate(() => window.opsbook.markers().find(m => /alicee/.test(m.message)));
        await page.evaluate(({ line, column }) => {
            window.opsbook.editor.setPosition({ lineNumber: line, column: column + 1 });
            window.opsbook.editor.focus();
            window.opsbook.editor.trigger('e2e', 'editor.action.quickFix', {});
        }, broken);
        const fix = page.locator('.action-widget .monaco-list-row', { hasText: "Replace with 'alice'" }).first();
        await fix.waitFor({ timeout: 10_000 });
        await fix.click();
        await page.waitForFunction(() => document.getElementById('status').textContent === '✓ No problems', null, { timeout: 10_000 });
        assert.match(await page.evaluate(() => window.opsbook.editor.getModel().getValue()), /\n {2}owner alice\n {2}strategy GrowUsers/);

        // 6. Switch to Chinese: the page comes back with the edited text, the server speaks Chinese.
        await page.waitForFunction(() => location.hash.startsWith('#code='), null, { timeout: 5_000 });
        await Promise.all([page.waitForNavigation(), page.selectOption('#language', 'zh-CN')]);
        await page.waitForSelector('body[data-diagnostics="shown"]', { timeout: 30_000 });
        assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
        assert.match(await page.evaluate(() => window.opsbook.editor.getModel().getValue()), /budget 50k CNY/);
        await page.waitForSelector('body[data-plan="1"]', { timeout: 30_000 });
        assert.equal(await page.textContent('#status'), '✓ 没有问题');
        assert.match(await planFrame(page).locator('h1').textContent(), /^执行计划：/);
        await edit(page, 'budget 50k CNY', 'budget 600k CNY');
        await page.waitForFunction(() => document.getElementById('status').textContent === '2 个错误，0 个警告', null, { timeout: 10_000 });
        const zh = await page.evaluate(() => window.opsbook.markers());
        assert.match(zh[0].message, /渠道和活动预算合计 92万元.*比总预算 50万元 多出 42万元/);
        assert.deepEqual(external, [], 'the page asked for something outside its own site');
        await page.screenshot({ path: join(root, 'tmp', 'playground-zh.png') }).catch(() => {});
        await context.close();

        // 7. The HTML plan: no JavaScript needed, a hostile title stays text.
        await checkHtmlPlans(browser, errors);
        assert.deepEqual(errors, [], 'errors in the page');
    } finally {
        await browser.close();
        await server.close();
    }
}

async function checkHtmlPlans(browser, errors) {
    const dir = mkdtempSync(join(tmpdir(), 'opsbook-html-'));
    try {
        const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
        await context.route(/^(https?|wss?):/, route => {
            errors.push(`the HTML plan asked for ${route.request().url()}`);
            return route.abort();
        });
        for (const [name, source] of [
            ['growth', 'examples/growth/growth.ops'],
            ['hostile', 'tests/fixtures/html/hostile.ops']
        ]) {
            const file = join(dir, `${name}.html`);
            execFileSync(process.execPath, [cli, 'plan', join(root, source), '--format', 'html', '-o', file], {
                cwd: root,
                stdio: 'ignore'
            });
            const page = await context.newPage();
            page.on('dialog', d => {
                errors.push(`dialog in the HTML plan: ${d.message()}`);
                void d.dismiss();
            });
            await page.goto(pathToFileURL(file).href);
            assert.equal(await page.evaluate(() => document.compatMode), 'CSS1Compat', `${name}: standards mode`);
            const svgs = await page.locator('figure > svg').all();
            assert.equal(svgs.length, 3, `${name}: three diagrams`);
            for (const svg of svgs) assert.ok(((await svg.boundingBox())?.width ?? 0) > 100, `${name}: a diagram is drawn`);
            if (name === 'hostile') {
                const title = "</title><script>alert('title')</script> & <img src=x onerror=alert(1)>";
                assert.equal(await page.title(), `Execution plan: ${title}`);
                assert.equal(await page.locator('h1').textContent(), `Execution plan: ${title}`);
                assert.equal(await page.locator('script, img, iframe, a').count(), 0);
                assert.ok((await page.locator('svg text', { hasText: title }).count()) >= 1, 'the title is a label of the goal tree');
                assert.ok(await page.locator('body').isVisible(), 'a <style> title did not hide the page');
            } else {
                assert.equal(await page.locator('h1').textContent(), 'Execution plan: Acme Notes — Q1 2027 growth');
            }
            await page.close();
        }
        await context.close();
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

function writeBenchmarks(first, loads, chromiumVersion, overloaded) {
    const file = join(root, 'BENCHMARKS.md');
    const cpu = cpus();
    const section = [
        PLAYGROUND_START,
        '## Playground (issue 18)',
        '',
        'Measured by `npm run test:e2e` (tests/e2e/playground.e2e.mjs): the growth example opened in headless Chromium',
        'from `npm run playground:serve` (gzip), a fresh context each time (no cache), nothing but the site reachable.',
        `Machine: ${cpu.length} cores, ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Chromium ${chromiumVersion}; Node ${process.version}; ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; load average ${readLoad()}.`,
        '',
        '| what | budget | measured |',
        '| --- | --- | --- |',
        `| first load, compressed (${first.requests} requests: ${first.files.map(f => f.replace(/^\/(assets\/)?/, '') || 'index.html').join(', ')}) | ≤ 3 MB | ${(first.bytes / 1e6).toFixed(2)} MB (${(first.uncompressed / 1e6).toFixed(2)} MB uncompressed) |`,
        `| navigation start → diagnostics shown (median of ${LOADS}) | ≤ 2 s | ${(first.diagnostics / 1000).toFixed(2)} s (${loads.map(l => (l.diagnostics / 1000).toFixed(2)).join(', ')})${first.diagnostics > BUDGET_MS ? (overloaded ? ' — **not held; the machine was overloaded**' : ' — **not held**') : ''} |`,
        `| navigation start → plan shown (median of ${LOADS}) | — | ${(first.plan / 1000).toFixed(2)} s |`,
        `| of which: editor script running / language server initialized (medians) | — | ${(first.app / 1000).toFixed(2)} s / ${(first.server / 1000).toFixed(2)} s |`,
        PLAYGROUND_END
    ].join('\n');
    writeFileSync(file, withPlaygroundSection(readFileSync(file, 'utf8'), section));
    void readPlaygroundSection;
}

function readLoad() {
    try {
        return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    } catch {
        return 'unknown';
    }
}
