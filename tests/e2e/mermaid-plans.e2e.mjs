// Every Mermaid diagram of every example's plan, in both locales, plus the plan of the hostile-titles
// fixture, must render in real Mermaid (headless Chromium, tests/e2e/mermaid.mjs). The plans come
// from the built CLI as a real process, exactly as users get them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './code-server.mjs';
import { renderMermaid } from './mermaid.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'packages', 'cli', 'bin', 'opsbook.cjs');

/** The .ops files that declare a playbook, under examples/ and the hostile fixture. */
function playbooks() {
    const found = [];
    for (const folder of [join(root, 'examples'), join(root, 'tests', 'fixtures', 'cli', 'hostile')]) {
        const walk = dir => {
            for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
                const path = join(dir, entry.name);
                if (entry.isDirectory()) walk(path);
                else if (entry.name.endsWith('.ops') && /^\s*playbook\s/m.test(readFileSync(path, 'utf8'))) found.push(path);
            }
        };
        walk(folder);
    }
    return found;
}

/** The contents of the ```mermaid blocks of a Markdown document. */
export function mermaidBlocks(markdown) {
    return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map(m => m[1]);
}

export default async function mermaidPlans() {
    const diagrams = [];
    for (const file of playbooks()) {
        for (const locale of ['en', 'zh-CN']) {
            const plan = execFileSync(process.execPath, [cli, 'plan', file, '--locale', locale], { cwd: root, encoding: 'utf8' });
            const blocks = mermaidBlocks(plan);
            assert.ok(
                blocks.length >= 3,
                `${relative(root, file)} (${locale}): expected the goal tree, budget pie and timeline, found ${blocks.length} diagrams`
            );
            blocks.forEach((text, i) => {
                diagrams.push({ where: `${relative(root, file)} ${locale} diagram ${i + 1} (${text.split('\n')[0]})`, text });
            });
        }
    }
    const browser = await launchChromium();
    try {
        const { errors } = await renderMermaid(
            diagrams.map(d => d.text),
            { browser }
        );
        const failures = errors.map(
            e => `${diagrams[e.index].where}: ${e.message.split('\n').slice(0, 3).join(' ')}\n${diagrams[e.index].text}`
        );
        assert.deepEqual(failures, [], `diagrams that do not render:\n${failures.join('\n\n')}`);
        console.log(`  ${diagrams.length} diagrams rendered`);
    } finally {
        await browser.close();
    }
}
