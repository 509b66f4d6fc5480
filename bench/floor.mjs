// The floor: what any tool must at least do with the same input — read the files and make one regex
// pass over their tokens (comments, strings, dates, numbers, names, punctuation). Nothing is built.
//
//   node bench/floor.mjs FOLDER FILE…     prints {"tokens","ms"} (the pass, in process)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

// Whitespace, comments, strings, then words (names, keywords, numbers with suffixes, dates, `->`, `..`)
// up to the next delimiter, then any single character. No Unicode classes: the floor should be cheap.
const TOKEN = /\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:\\.|[^"\\\n])*"|[^\s"{}(),=/]+|./gy;

/** Reads every file and tokenizes it; returns the number of tokens (whitespace not counted). */
export function floorPass(folder, files) {
    let tokens = 0;
    for (const file of files) {
        const text = fs.readFileSync(path.join(folder, file), 'utf8');
        TOKEN.lastIndex = 0;
        let match;
        while ((match = TOKEN.exec(text)) !== null) {
            const first = match[0].charCodeAt(0);
            if (first !== 32 && first !== 10 && first !== 9 && first !== 13) tokens++;
        }
    }
    return tokens;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const [folder, ...files] = process.argv.slice(2);
    const started = performance.now();
    const tokens = floorPass(folder, files);
    process.stdout.write(JSON.stringify({ tokens, ms: performance.now() - started }) + '\n');
}
