// Self-test of mermaid.mjs: three valid diagrams render, an invalid one is reported.
import assert from 'node:assert/strict';
import { sharedChromium, stopShared } from './code-server.mjs';
import { renderMermaid } from './mermaid.mjs';

export const VALID = {
    flowchart: `flowchart LR
  goal[Grow signups] --> plan{Budget ok?}
  plan -- yes --> run[Run campaign]
  plan -- no --> cut[Cut scope]`,
    pie: `pie title Budget by channel
  "SEO" : 40
  "Ads" : 35
  "Events" : 25`,
    gantt: `gantt
  title Launch plan
  dateFormat YYYY-MM-DD
  section Prepare
  Write copy      :a1, 2027-03-01, 5d
  Design pages    :a2, after a1, 4d
  section Launch
  Go live         :milestone, 2027-03-12, 0d`
};
export const INVALID = `flowchart LR
  A -->`;

export default async function mermaidSelftest() {
    await check(await sharedChromium()); // run.mjs closes the shared browser at the end
}

async function check(browser) {
    const texts = [VALID.flowchart, VALID.pie, VALID.gantt, INVALID];
    const { ok, errors, results } = await renderMermaid(texts, { browser });
    for (const r of results)
        console.log(
            `  diagram ${r.index}: ${r.ok ? `rendered (${r.svg.length} chars of SVG)` : `error: ${r.error.split('\n').slice(0, 2).join(' ')}`}`
        );
    assert.equal(ok, false, 'the invalid diagram must make ok false');
    assert.deepEqual(
        errors.map(e => e.index),
        [3],
        `only the invalid diagram (index 3) may fail; errors: ${JSON.stringify(errors)}`
    );
    for (const i of [0, 1, 2]) assert.match(results[i].svg, /<svg[\s>]/);
    const valid = await renderMermaid([VALID.flowchart], { browser });
    assert.deepEqual(valid, { ...valid, ok: true, errors: [] });
}

if (import.meta.url === `file://${process.argv[1]}`) {
    mermaidSelftest()
        .then(
            () => console.log('mermaid self-test passed'),
            e => {
                console.error(e);
                process.exitCode = 1;
            }
        )
        .finally(stopShared);
}
