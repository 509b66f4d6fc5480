// The texts the parser equivalence tests run on (the fast lexer, the parse in slices, our `construct`
// and value converter against Langium's): the examples, the grammar fixtures of this folder, and one
// fuzzed text of three kinds (a random playbook, a token soup, a mutated example).
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { exampleFolders, mutant } from '../fuzz/support/mutations.js';
import { randomPlaybook } from '../fuzz/support/random-playbook.js';
import { tokenSoup } from '../fuzz/support/token-soup.js';

export const examples = exampleFolders();

/** The grammar fixtures (`tests/grammar/*.ops`), in name order. */
export const fixtures = fs
    .readdirSync(import.meta.dirname)
    .filter(name => name.endsWith('.ops'))
    .sort()
    .map(name => fs.readFileSync(path.join(import.meta.dirname, name), 'utf8'));

/** Every example file, then every fixture. */
export const corpus = [...examples.flatMap(folder => Object.values(folder.files)), ...fixtures];

/** A random playbook, a token soup of 80 tokens or a mutated example. */
export const fuzzedText: fc.Arbitrary<string> = fc.oneof(
    randomPlaybook,
    tokenSoup(80),
    mutant(examples).map(m => m.files[m.file] as string)
);
