// The extension-host test suite (the @vscode/test-electron `run()` shape). VS Code loads the bundled
// form of this file (tests/vscode/out/index.cjs, made by tests/vscode/build-suite.mjs) inside its
// extension host, in Electron (npm run test:vscode) or in code-server (npm run test:e2e).
import { format } from 'node:util';
import Mocha from 'mocha';
import { defineExtensionTests } from './extension.suite.js';

export function run(): Promise<void> {
    // The reporter logs printf-style (`%d passing`); code-server relays console arguments unformatted.
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
    // The suite is bundled with mocha, so its tests are defined here instead of loaded from files.
    mocha.suite.emit('pre-require', globalThis, 'opsbook-extension-suite', mocha);
    defineExtensionTests();
    return new Promise((resolve, reject) => {
        mocha.run(failures => (failures > 0 ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
    });
}
