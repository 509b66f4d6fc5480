// ARCHITECTURE.md's import table is the rule: every import in packages/language/src is checked
// against it, and the package-level rules (which package may import which) are checked here too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
    forbiddenImports,
    importCycles,
    importEdges,
    importsOf,
    LANGUAGE_SRC,
    readImportTable,
    ROOT,
    sourceFiles,
    unitOf
} from './import-graph.js';

const table = readImportTable(fs.readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8'));

/** Units below `lsp/`: they take `OpsbookCoreServices` and never see an LSP service. */
const CORE_UNITS = [
    'generated',
    'values',
    'util',
    'i18n',
    'parser',
    'scope',
    'config',
    'analysis',
    'validation',
    'format',
    'generate',
    'workspace',
    'core-services.ts',
    'opsbook-module.ts',
    'index.ts'
];

function packageImports(dir: string): { file: string; specifier: string }[] {
    return sourceFiles(dir).flatMap(file =>
        importsOf(fs.readFileSync(file, 'utf8')).map(specifier => ({ file: path.relative(ROOT, file), specifier }))
    );
}

describe('ARCHITECTURE.md import table', () => {
    test('has a row for every folder and root file of packages/language/src, and names only those', () => {
        const units = new Set(sourceFiles(LANGUAGE_SRC).map(file => unitOf(path.relative(LANGUAGE_SRC, file).split(path.sep).join('/'))));
        expect([...units].filter(unit => !table.has(unit)).sort()).toEqual([]);
        const named = [...table.values()].flatMap(rule => [rule.unit, ...rule.units, ...[...rule.files].map(unitOf)]);
        expect(named.filter(unit => !units.has(unit)).sort()).toEqual([]);
        for (const rule of table.values()) {
            for (const file of rule.files)
                expect(fs.existsSync(path.join(LANGUAGE_SRC, file)), `${rule.unit} may import ${file}: no such file`).toBe(true);
        }
    });

    test('every import in packages/language/src is one the table allows', () => {
        expect(forbiddenImports(importEdges(LANGUAGE_SRC), table)).toEqual([]);
    });

    test('a planted forbidden import is reported, with the file, its target and what the folder may import', () => {
        const planted = {
            'values/planted.ts': "import type { OpsbookServices } from '../lsp/opsbook-services.js';\nexport type X = OpsbookServices;\n"
        };
        const values = [...(table.get('values')?.units ?? [])].join(', ') || 'nothing';
        expect(forbiddenImports(importEdges(LANGUAGE_SRC, planted), table).filter(problem => problem.includes('planted'))).toEqual([
            `values/planted.ts imports lsp/opsbook-services.ts (values may import: ${values})`
        ]);
        const escaping = { 'generate/planted.ts': "export * from '../../../cli/src/main.js';\n" };
        expect(forbiddenImports(importEdges(LANGUAGE_SRC, escaping), table).filter(problem => problem.includes('planted'))).toEqual([
            'generate/planted.ts imports ../../cli/src/main.ts, outside packages/language/src'
        ]);
    });

    test('no folder below lsp/ may import lsp/ or server-main.ts', () => {
        for (const unit of CORE_UNITS) {
            const rule = table.get(unit);
            expect(rule, unit).toBeDefined();
            expect(
                [...(rule?.units ?? [])].filter(name => name === 'lsp' || name === 'server-main.ts'),
                unit
            ).toEqual([]);
            expect(
                [...(rule?.files ?? [])].filter(file => unitOf(file) === 'lsp'),
                unit
            ).toEqual([]);
        }
    });

    test('no import cycle spans two folders (the one through opsbook-module.ts is gone)', () => {
        const crossing = importCycles(importEdges(LANGUAGE_SRC)).filter(cycle => new Set(cycle.map(unitOf)).size > 1);
        expect(crossing).toEqual([]);
    });

    test('the cycle finder finds a cycle through two folders', () => {
        const planted = {
            'values/planted.ts': "import '../analysis/budgets.js';\n",
            'analysis/budgets.ts': "import '../values/planted.js';\n"
        };
        const crossing = importCycles(importEdges(LANGUAGE_SRC, planted)).filter(cycle => cycle.includes('values/planted.ts'));
        expect(crossing).toEqual([['analysis/budgets.ts', 'values/planted.ts']]);
    });
});

describe('package rules', () => {
    test('the language package never imports the CLI or the extension, and only lsp/ imports langium/lsp', () => {
        const bad = packageImports(LANGUAGE_SRC).filter(({ file, specifier }) => {
            if (specifier === 'opsbook' || specifier.startsWith('opsbook/') || specifier.startsWith('opsbook-vscode')) return true;
            const unit = unitOf(path.relative(LANGUAGE_SRC, path.join(ROOT, file)).split(path.sep).join('/'));
            return /^(langium\/lsp|vscode-languageserver\/node)$/.test(specifier) && unit !== 'lsp' && unit !== 'server-main.ts';
        });
        expect(bad).toEqual([]);
    });

    test('the CLI imports the language core (`opsbook-language`, and its Node file system `opsbook-language/node`), never its LSP services or the extension', () => {
        const bad = packageImports(path.join(ROOT, 'packages/cli/src')).filter(
            ({ specifier }) =>
                (specifier.startsWith('opsbook-language') &&
                    !['opsbook-language', 'opsbook-language/node', 'opsbook-language/polyfill'].includes(specifier)) ||
                specifier === 'langium/lsp' ||
                specifier.startsWith('opsbook-vscode') ||
                /^(\.\.\/)+(language|extension)\//.test(specifier) ||
                specifier.includes('/packages/')
        );
        expect(bad).toEqual([]);
    });

    test('the extension imports nothing of the language package but the protocol types (`opsbook-language/lsp-protocol`)', () => {
        const bad = packageImports(path.join(ROOT, 'packages/extension/src')).filter(
            ({ specifier }) =>
                (specifier.startsWith('opsbook-language') && specifier !== 'opsbook-language/lsp-protocol') ||
                specifier === 'opsbook' ||
                /^langium(\/|$)/.test(specifier) ||
                /^(\.\.\/)+(language|cli)\//.test(specifier) ||
                specifier.includes('/packages/')
        );
        expect(bad).toEqual([]);
    });
});

describe('bundles', () => {
    /** The sources of a bundle, from its source map (esbuild lists every module it bundled). */
    function bundledSources(bundle: string): string[] {
        const map = JSON.parse(fs.readFileSync(path.join(ROOT, `${bundle}.map`), 'utf8')) as { sources: string[] };
        return map.sources;
    }
    const lspModule = /(^|\/)packages\/language\/(src|out)\/lsp\/|(^|\/)language\/(src|out)\/lsp\//;
    const langiumLsp = /node_modules\/langium\/(lib|src)\/lsp\//;

    test('the CLI bundle holds no module of lsp/ and none of Langium’s LSP services', () => {
        const sources = bundledSources('packages/cli/dist/opsbook.cjs');
        expect(sources.some(source => /language\/(src|out)\/opsbook-module/.test(source))).toBe(true);
        expect(sources.filter(source => lspModule.test(source) || langiumLsp.test(source))).toEqual([]);
    });

    test('the language server bundle does hold them (the check above can fail)', () => {
        const sources = bundledSources('packages/cli/dist/language-server.cjs');
        expect(sources.filter(source => lspModule.test(source)).length).toBeGreaterThan(10);
        expect(sources.filter(source => langiumLsp.test(source)).length).toBeGreaterThan(10);
    });
});

describe('rules stated once', () => {
    test('the names a walk of the workspace passes over are decided in util/workspace-walk.ts only (SPEC §8)', () => {
        // Every walk (the server's scan, the CLI's folders, watch mode, the organisation, diff's git paths, the
        // web extension's) calls `skippedInWalk`; a second spelling of the rule would drift from it.
        const spelled = ['cli', 'language', 'extension'].flatMap(name =>
            sourceFiles(path.join(ROOT, 'packages', name, 'src'))
                .filter(file => /(===|!==) 'node_modules'|'node_modules' (===|!==)/.test(fs.readFileSync(file, 'utf8')))
                .map(file => path.relative(ROOT, file))
        );
        expect(spelled).toEqual(['packages/language/src/util/workspace-walk.ts']);
    });
});
