// The service modules are typed without casts (ARCHITECTURE.md, "Services"): the type checker must
// reject a module that leaves a service out and a composition that leaves a module out. Checked by
// type-checking small files against the real sources with the project's compiler options.
import * as path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from './import-graph.js';

const SRC = path.join(ROOT, 'packages/language/src');

/**
 * Type errors of virtual files placed in `packages/language/src` (so that their relative imports
 * resolve), checked in one program: the sources are type-checked once for all of them.
 */
function typeErrors(bodies: Record<string, string>): Record<string, string[]> {
    const files = new Map(Object.entries(bodies).map(([name, body]) => [path.join(SRC, `__wiring_probe_${name}__.ts`), body]));
    const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.base.json'), ts.sys.readFile).config as { compilerOptions: object };
    const options = {
        ...ts.convertCompilerOptionsFromJson(config.compilerOptions, ROOT).options,
        noEmit: true,
        composite: false,
        declaration: false
    };
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language, ...rest) => {
        const body = files.get(path.resolve(name));
        return body === undefined ? getSourceFile(name, language, ...rest) : ts.createSourceFile(name, body, language);
    };
    const fileExists = host.fileExists.bind(host);
    host.fileExists = name => files.has(path.resolve(name)) || fileExists(name);
    const program = ts.createProgram([...files.keys()], options, host);
    const result: Record<string, string[]> = {};
    for (const [name, file] of Object.keys(bodies).map(name => [name, path.join(SRC, `__wiring_probe_${name}__.ts`)] as const)) {
        const source = program.getSourceFile(file);
        result[name] = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(
            d => ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0]!
        );
    }
    return result;
}

const header = `import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { EmptyFileSystem, inject, type Module, type PartialLangiumCoreServices } from 'langium';
import { OpsbookGeneratedModule } from './generated/module.js';
import { type Complete, OpsbookCoreModule, type ProvidedBy } from './opsbook-module.js';
import type { OpsbookCoreAddedServices, OpsbookCoreServices } from './core-services.js';
import { OpsbookLspModule, type OpsbookServices } from './lsp/lsp-services.js';
const shared = inject(createDefaultSharedModule(EmptyFileSystem));
const langium = createDefaultModule({ shared });
`;

describe('service wiring is checked by the compiler', () => {
    let errors: Record<string, string[]> = {};
    beforeAll(() => {
        errors = typeErrors({
            sound: `${header}
export const core: Module<OpsbookCoreServices, PartialLangiumCoreServices & OpsbookCoreAddedServices> = { ...OpsbookCoreModule };
export const all: Complete<OpsbookServices, ProvidedBy<typeof langium> & ProvidedBy<typeof OpsbookGeneratedModule> & ProvidedBy<typeof OpsbookCoreModule> & ProvidedBy<typeof OpsbookLspModule>> =
    inject(langium, OpsbookGeneratedModule, OpsbookCoreModule, OpsbookLspModule);
`,
            missingService: `${header}
const { config: _left, ...withoutConfig } = OpsbookCoreModule;
export const core: Module<OpsbookCoreServices, PartialLangiumCoreServices & OpsbookCoreAddedServices> = withoutConfig;
export { langium, OpsbookLspModule, type Complete, type ProvidedBy, type OpsbookServices };
`,
            missingModule: `${header}
export const all: Complete<OpsbookServices, ProvidedBy<typeof langium> & ProvidedBy<typeof OpsbookGeneratedModule> & ProvidedBy<typeof OpsbookLspModule>> =
    inject(langium, OpsbookGeneratedModule, OpsbookLspModule);
export { OpsbookCoreModule, type Module, type PartialLangiumCoreServices, type OpsbookCoreAddedServices, type OpsbookCoreServices };
`
        });
    }, 120_000);

    test('the real modules and compositions type-check (the probe itself is sound)', () => {
        expect(errors.sound).toEqual([]);
    });

    test('a core module without a service it declares does not compile', () => {
        expect(
            errors.missingService?.some(e => /Property 'config' is missing/.test(e)),
            errors.missingService?.join('\n')
        ).toBe(true);
    });

    test('a composition without the core module does not compile', () => {
        expect(
            errors.missingModule?.some(e => /does not satisfy the constraint/.test(e)),
            errors.missingModule?.join('\n')
        ).toBe(true);
    });
});
