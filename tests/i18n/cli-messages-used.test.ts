// The CLI's own message catalogue (i18n/cli-messages.ts, `CliMessages`) holds only what the CLI says: every
// key is read somewhere in packages/cli/src (as `.key`), so a message replaced by one of `CliText` does not
// linger, in either language, untested.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cliMessages } from '../../packages/language/src/index.js';
import { sourceFiles } from '../architecture/import-graph.js';
import { ROOT } from '../cli/cli-helpers.js';

describe('CliMessages', () => {
    test('both catalogues have the same keys, and the CLI reads every one', () => {
        const en = Object.keys(cliMessages('en')).sort();
        expect(Object.keys(cliMessages('zh-CN')).sort()).toEqual(en);
        const cli = sourceFiles(path.join(ROOT, 'packages/cli/src'))
            .map(file => fs.readFileSync(file, 'utf8'))
            .join('\n');
        expect(en.filter(key => !new RegExp(`\\.${key}\\b`).test(cli))).toEqual([]);
    });
});
