// `npm run build` (and so `npm start` and `npm test`) print no Langium warnings for the intended
// property blocks, yet every other grammar warning still shows.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, test } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');

/** Runs the build's generator on a grammar, into a temporary folder. */
function generate(grammar: string | { file: string }): { status: number | null; output: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-langium-'));
    try {
        if (typeof grammar === 'string') fs.writeFileSync(path.join(dir, 'test.langium'), grammar);
        fs.writeFileSync(
            path.join(dir, 'langium-config.json'),
            JSON.stringify({
                projectName: 'Probe',
                languages: [
                    { id: 'probe', grammar: typeof grammar === 'string' ? 'test.langium' : grammar.file, fileExtensions: ['.probe'] }
                ],
                out: 'generated'
            })
        );
        const result = spawnSync(
            process.execPath,
            [path.join(REPO, 'scripts/langium-generate.mjs'), path.join(dir, 'langium-config.json')],
            { cwd: REPO, encoding: 'utf8' }
        );
        return { status: result.status, output: (result.stdout + result.stderr).replaceAll(dir + path.sep, '') };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

const HEADER = 'grammar Probe\nentry Model: items+=(Block | Pair)*;\nhidden terminal WS: /\\s+/;\nterminal ID: /[a-z]+/;\n';

test('a block of properties in a `( … | … )*` loop generates silently', () => {
    const result = generate(
        `${HEADER}Block: 'block' name=ID '{' ('size' size=ID | 'owner' owner=ID | flag?='on' 'call' | 'decided' decided=ID 'by' by=ID)* '}';\nPair: 'lead' ('lead' lead=ID)*;\n`
    );
    expect(result).toEqual({ status: 0, output: '' });
});

test('two assignments to one feature outside such a loop still warn', () => {
    const result = generate(`${HEADER}Block: 'block' name=ID '{' ('size' size=ID)* '}';\nPair: 'pair' left=ID left=ID;\n`);
    expect(result.status).toBe(0);
    expect(result.output.split('\n').filter(line => line.includes('Found multiple assignments'))).toEqual([
        "test.langium:6:14 - Found multiple assignments to 'left' with the '=' assignment operator. Consider using '+=' instead to prevent data loss.",
        "test.langium:6:22 - Found multiple assignments to 'left' with the '=' assignment operator. Consider using '+=' instead to prevent data loss."
    ]);
});

test("the project's grammar generates without a line of output", () => {
    expect(generate({ file: path.join(REPO, 'packages/language/src/opsbook.langium') })).toEqual({ status: 0, output: '' });
});

test('npm install here warns about nothing but chevrotain on Node < 22 (no install scripts left undecided)', () => {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
    const result = spawnSync('npm', ['install', '--offline', '--dry-run', '--no-audit', '--no-fund'], {
        cwd: REPO,
        env,
        encoding: 'utf8',
        timeout: 60_000
    });
    expect(result.status, result.stderr).toBe(0);
    const warnings = (result.stdout + result.stderr).split('\n').filter(line => line.startsWith('npm warn'));
    const packages = warnings.filter(line => /EBADENGINE\s+package:/.test(line)).map(line => /package: '([^']+)'/.exec(line)?.[1]);
    expect(packages).toEqual(Number(process.versions.node.split('.')[0]) >= 22 ? [] : ['chevrotain@13.2.0']);
    expect(warnings.filter(line => !line.includes('EBADENGINE'))).toEqual([]);
}, 60_000);
