// Mutations of the example playbooks: tokens deleted, duplicated, swapped, replaced and inserted.
// The examples are realistic, so their mutants reach deep into linking, analysis and validation,
// which random text rarely does.

import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { soupToken } from './token-soup.js';

const TOKEN = /"(?:\\.|[^"\\\r\n])*"|\/\/[^\n]*|\/\*[\s\S]*?\*\/|\s+|\.\.|->|[^\s{}",=]+|./gu;

export function tokenize(text: string): string[] {
    return text.match(TOKEN) ?? [];
}

export interface ExampleFolder {
    folder: string;
    /** File name → text, in a fixed order. */
    files: Record<string, string>;
}

/** Every example folder under examples/, with its .ops files. */
export function exampleFolders(root = 'examples'): ExampleFolder[] {
    return fs
        .readdirSync(root, { withFileTypes: true })
        .filter(entry => entry.isDirectory())
        .map(entry => entry.name)
        .sort()
        .map(name => {
            const folder = path.join(root, name);
            const files: Record<string, string> = {};
            for (const file of fs
                .readdirSync(folder)
                .filter(f => f.endsWith('.ops'))
                .sort())
                files[file] = fs.readFileSync(path.join(folder, file), 'utf8');
            return { folder, files };
        })
        .filter(example => Object.keys(example.files).length > 0);
}

type Operation =
    | { kind: 'delete' | 'duplicate'; at: number }
    | { kind: 'swap'; at: number; with: number }
    | { kind: 'replace' | 'insert'; at: number; token: string };

const operation: fc.Arbitrary<Operation> = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), token: soupToken }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: soupToken.map(t => ` ${t} `) })
);

/** Applies operations to the non-whitespace tokens of `text`. */
export function mutate(text: string, operations: Operation[]): string {
    const tokens = tokenize(text);
    const solid = () => tokens.map((t, i) => (/^\s+$/.test(t) ? -1 : i)).filter(i => i >= 0);
    for (const op of operations) {
        const indices = solid();
        if (indices.length === 0) break;
        const at = indices[op.at % indices.length] as number;
        if (op.kind === 'delete') tokens.splice(at, 1);
        else if (op.kind === 'duplicate') tokens.splice(at, 0, tokens[at] as string, ' ');
        else if (op.kind === 'replace') tokens[at] = op.token;
        else if (op.kind === 'insert') tokens.splice(at, 0, op.token);
        else if (op.kind === 'swap') {
            const other = indices[op.with % indices.length] as number;
            [tokens[at], tokens[other]] = [tokens[other] as string, tokens[at] as string];
        }
    }
    return tokens.join('');
}

export interface Mutant {
    example: ExampleFolder;
    /** The mutated file's name. */
    file: string;
    /** The example's files with that one mutated. */
    files: Record<string, string>;
}

/** A mutant of one file of one example, its siblings unchanged. */
export function mutant(examples: ExampleFolder[]): fc.Arbitrary<Mutant> {
    return fc.tuple(fc.nat(), fc.nat(), fc.array(operation, { minLength: 1, maxLength: 6 })).map(([e, f, operations]) => {
        const example = examples[e % examples.length] as ExampleFolder;
        const names = Object.keys(example.files);
        const file = names[f % names.length] as string;
        const files = { [file]: mutate(example.files[file] as string, operations) };
        for (const name of names) if (name !== file) files[name] = example.files[name] as string;
        return { example, file, files };
    });
}
