// The CLI's own message catalogue (i18n/cli-messages.ts, `CliMessages`) holds only what the CLI says: every
// key is read somewhere in packages/cli/src through one of its accessors (`m().key`, `cliMessages(locale).key`,
// or `words.key` where commander-locale.ts is given the catalogue) — property reads found by TypeScript's
// parser, so a key named in a comment, a string or as another object's property does not count — so a
// message replaced by one of `CliText` does not linger, in either language, untested.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { cliMessages } from '../../packages/language/src/index.js';
import { sourceFiles } from '../architecture/import-graph.js';
import { ROOT } from '../cli/cli-helpers.js';

/** The names read from the catalogue in `source`: `X.name` where X is `m()`, `cliMessages(…)` or `words`. */
function catalogueReads(source: string): Set<string> {
    const file = ts.createSourceFile('cli.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const names = new Set<string>();
    const isAccessor = (node: ts.Expression): boolean =>
        (ts.isIdentifier(node) && node.text === 'words') ||
        (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ['m', 'cliMessages'].includes(node.expression.text));
    const visit = (node: ts.Node): void => {
        if (ts.isPropertyAccessExpression(node) && isAccessor(node.expression)) names.add(node.name.text);
        ts.forEachChild(node, visit);
    };
    visit(file);
    return names;
}

describe('CliMessages', () => {
    test('both catalogues have the same keys, and the CLI reads every one', () => {
        const en = Object.keys(cliMessages('en')).sort();
        expect(Object.keys(cliMessages('zh-CN')).sort()).toEqual(en);
        const read = new Set(
            sourceFiles(path.join(ROOT, 'packages/cli/src')).flatMap(file => [...catalogueReads(fs.readFileSync(file, 'utf8'))])
        );
        expect(en.filter(key => !read.has(key))).toEqual([]);
    });

    test("a key named in a comment, a string or as another object's property does not count as read", () => {
        expect([...catalogueReads('// m().wrote is said after writing\nconst x = other.wrote; const y = "m().wrote";')]).toEqual([]);
        expect([...catalogueReads('/* words.gone */ out(m().wrote(file), `// ${cliMessages(locale).cpa}`, words.usage);')].sort()).toEqual([
            'cpa',
            'usage',
            'wrote'
        ]);
    });
});
