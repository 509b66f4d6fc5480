#!/usr/bin/env node
// Dump or check the TextMate tokens of .ops files with the curated grammar.
//
//   node tests/grammar/tokenize.mjs FILE…           one line per token: line:col text  scopes
//   node tests/grammar/tokenize.mjs --check FILE…   only suspicious tokens; exit 1 if any
//
// --check reports tokens scoped invalid.*, and words or digits left with no scope of their own
// (outside comments and strings), which usually means a construct the grammar does not know. It also
// notes (without failing) keywords that were scoped as names: legal (SPEC §2), but worth a look.
// Uses vscode-textmate and vscode-oniguruma as vscode-tmgrammar-test (a root devDependency) resolves
// them, so this runs exactly the engine that the scope-assertion tests run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(createRequire(import.meta.url).resolve('vscode-tmgrammar-test/package.json'));
const tm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const here = dirname(fileURLToPath(import.meta.url));
const grammarPath = join(here, '..', '..', 'syntaxes', 'opsbook.tmLanguage.json');

const args = process.argv.slice(2);
const check = args.includes('--check');
const files = args.filter(a => a !== '--check');
if (files.length === 0) {
    console.error('usage: node tests/grammar/tokenize.mjs [--check] FILE.ops…');
    process.exit(2);
}

const wasm = readFileSync(join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm')).buffer;
const onigLib = oniguruma.loadWASM(wasm).then(() => ({
    createOnigScanner: patterns => new oniguruma.OnigScanner(patterns),
    createOnigString: s => new oniguruma.OnigString(s)
}));
const registry = new tm.Registry({
    onigLib,
    loadGrammar: async scopeName =>
        scopeName === 'source.opsbook' ? tm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null
});
const grammar = await registry.loadGrammar('source.opsbook');

// Every word the grammar treats as a keyword, read from its keyword rules.
const raw = JSON.parse(readFileSync(grammarPath, 'utf8'));
const keywords = new Set();
const collect = re => {
    for (const m of re.matchAll(/\((?:\?:)?([a-z][a-z|-]*)\)/g)) for (const k of m[1].split('|')) keywords.add(k);
};
for (const p of raw.repository.properties.patterns) collect(p.match);
for (const p of raw.repository.declarations.patterns) collect(p.begin);
collect(raw.repository.funnel.begin);
collect(raw.repository.import.match);

let findings = 0;
let notes = 0;
for (const file of files) {
    const lines = readFileSync(file, 'utf8').split(/\r\n|\n/);
    let stack = tm.INITIAL;
    lines.forEach((line, i) => {
        const { tokens, ruleStack } = grammar.tokenizeLine(line, stack);
        stack = ruleStack;
        for (const t of tokens) {
            const text = line.slice(t.startIndex, t.endIndex);
            const scopes = t.scopes.slice(1);
            const where = `${file}:${i + 1}:${t.startIndex + 1}`;
            if (!check) {
                if (text.trim() !== '') console.log(`${where}\t${JSON.stringify(text)}\t${scopes.join(' ')}`);
                continue;
            }
            const invalid = scopes.some(s => s.startsWith('invalid.'));
            const inText = scopes.some(s => s.startsWith('comment.') || s.startsWith('string.'));
            const leaf = scopes.filter(s => !s.startsWith('meta.'));
            const bare = !inText && leaf.length === 0 && /[\p{L}\p{N}]/u.test(text);
            if (invalid || bare) {
                findings++;
                console.log(`${where}\t${JSON.stringify(text)}\t${invalid ? scopes.join(' ') : '(no scope)'}`);
            } else if (keywords.has(text) && scopes.some(s => s.startsWith('variable.') || s.startsWith('entity.name.'))) {
                notes++;
                console.log(`${where}\t${JSON.stringify(text)}\tnote: keyword scoped as a name (${scopes.at(-1)})`);
            }
        }
    });
}
if (check) {
    console.log(`${findings} suspicious token(s), ${notes} note(s) in ${files.length} file(s)`);
    process.exit(findings ? 1 : 0);
}
