// Proves the harness: a minimal extension loads in code-server, a suite runs in its extension
// host and reports 0; a failing suite reports 1; the page can be read (status bar, Problems).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { REPO_ROOT, readVisibleResults, runExtensionTests } from './code-server.mjs';

const FIXTURES = join(REPO_ROOT, 'tests/e2e/fixtures');
export const ARTIFACTS = process.env.OPSBOOK_E2E_ARTIFACTS || join(REPO_ROOT, 'tmp/e2e');

/** Runs the smoke suite; resolves with its exit code. */
export function runSmokeSuite(opts = {}) {
  return runExtensionTests({
    extensionDevelopmentPath: join(FIXTURES, 'smoke-extension'),
    extensionTestsPath: join(FIXTURES, 'smoke-suite/index.cjs'),
    workspace: join(FIXTURES, 'smoke-workspace'),
    screenshotPath: join(ARTIFACTS, 'smoke.png'),
    label: 'smoke',
    ...opts,
  });
}

export default async function smoke() {
  let seen;
  const code = await runSmokeSuite({
    beforeClose: async (page) => {
      seen = await readVisibleResults(page);
    },
  });
  assert.equal(code, 0, `the smoke suite exited with ${code} (screenshot: ${join(ARTIFACTS, 'smoke.png')})`);
  console.log(`  status bar: ${JSON.stringify(seen.statusBar)}`);
  console.log(`  problems: ${JSON.stringify(seen.problems)}`);
  assert.ok(seen.statusBar.length > 0, 'no status bar items were read from the page');

  const failing = await runExtensionTests({
    extensionDevelopmentPath: join(FIXTURES, 'smoke-extension'),
    extensionTestsPath: join(FIXTURES, 'failing-suite/index.cjs'),
    workspace: join(FIXTURES, 'smoke-workspace'),
    label: 'failing-suite',
  });
  assert.equal(failing, 1, `a failing suite must exit with 1, got ${failing}`);
}
