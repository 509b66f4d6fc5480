// Runs the smoke suite in code-server and exits with its exit code:
//   node tests/e2e/smoke.mjs
import { missingPrerequisites, stopShared } from './code-server.mjs';
import { runSmokeSuite } from './smoke.e2e.mjs';

const missing = missingPrerequisites();
if (missing.length) {
    for (const line of missing) console.error(`e2e: ${line}`);
    process.exit(1);
}
let code = 1;
try {
    code = await runSmokeSuite();
    console.log(`smoke suite exited with ${code}`);
} catch (e) {
    console.error(e);
} finally {
    await stopShared();
}
process.exit(code);
