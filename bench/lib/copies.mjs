// Copies of one playbook opened in an editor-style workspace one at a time, for the heap a document
// costs (bench/in-process.mjs --slope, bench/heap.mjs --per-document). The copies are named after the
// file in its folder and never written: their text is the open editor's (TextDocuments).
import * as path from 'node:path';
import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Opens copies of `text` in the services' workspace as the language server does when a file is opened:
 * the text in `TextDocuments`, then `DocumentBuilder.update` with every validation (as
 * lsp/server/start-server.ts sets), which builds the new document and whatever it affects. Then every
 * open document's analysis is asked for, as the editor's inlay hints and lenses do for each visible
 * file: an update empties the analyzer's cache, and a build of several documents at once keeps the
 * analysis of every open one (without this, one more document kept 1.9 MB less of the 10k-line file's
 * 8–10 MB: the previous copy's analysis, dropped by the update).
 */
export function copyOpener(shared, folder, text, analyzer) {
    const builder = shared.workspace.DocumentBuilder;
    const open = shared.workspace.TextDocuments;
    builder.updateBuildOptions = { validation: true };
    const uriOf = name => URI.file(path.join(folder, name));
    return {
        /** Opens and builds the copy called `name`. */
        async open(name) {
            const uri = uriOf(name);
            open.set(TextDocument.create(uri.toString(), 'opsbook', 1, text));
            await builder.update([uri], []);
            for (const document of shared.workspace.LangiumDocuments.all) {
                if (open.get(document.uri.toString()) !== undefined) analyzer.analyze(document);
            }
        },
        /** Closes and deletes the copies called `names`, in one update. */
        async drop(names) {
            for (const name of names) open.delete(uriOf(name).toString());
            await builder.update([], names.map(uriOf));
        }
    };
}

/**
 * The warm-up: `count` copies built and dropped, so that what V8 compiles and optimises while building
 * this kind of document, and every cache the services make on first use, exist before the heap is
 * measured (they belong to the fixed part, not to a document).
 */
export async function warmUp(opener, file, count) {
    const names = Array.from({ length: count }, (_, i) => `warm-${i + 1}-${file}`);
    for (const name of names) await opener.open(name);
    await opener.drop(names);
}

/**
 * Copies to build and drop before measuring: 0.5 MB of source, at least two. V8 goes on optimising
 * functions until about that much has been built (the 1k-line file, 32 KB, per document: 32.4× after
 * 2 copies, 29.8× after 8, 29.2× after 16 and 32 — its code and feedback still growing by 60 KB a copy
 * after 2; the 10k-line file the same after 2 and 4 copies).
 */
export function warmupCopies(sourceBytes) {
    return Math.max(2, Math.ceil((512 * 1024) / sourceBytes));
}

/** The copy number k (1 = the file itself). */
export const copyName = (file, k) => (k === 1 ? file : `copy-${k}-${file}`);

/** Least-squares line through the points [x, y]: slope, intercept and the largest distance of a point from it. */
export function leastSquares(points) {
    const n = points.length;
    const mx = points.reduce((a, [x]) => a + x, 0) / n;
    const my = points.reduce((a, [, y]) => a + y, 0) / n;
    let sxy = 0;
    let sxx = 0;
    for (const [x, y] of points) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
    }
    const slope = sxy / sxx;
    const intercept = my - slope * mx;
    const maxResidual = Math.max(...points.map(([x, y]) => Math.abs(y - (intercept + slope * x))));
    return { slope, intercept, maxResidual };
}

/**
 * `heapUsed` once it has settled: after a full GC the figure still moves by up to ±0.4 MB from one
 * collection to the next while the event loop has work left (measured on the 1k-line file), so the
 * heap is read after a pause of 50 ms and two full GCs, until two readings in a row agree within
 * `tolerance` bytes (at most `tries` readings). Needs --expose-gc.
 */
export async function settledHeapUsed(tolerance = 16 * 1024, tries = 8) {
    const read = async () => {
        await new Promise(resolve => setTimeout(resolve, 50));
        globalThis.gc();
        globalThis.gc();
        return process.memoryUsage().heapUsed;
    };
    let previous = await read();
    const readings = [previous];
    for (let i = 1; i < tries; i++) {
        const now = await read();
        readings.push(now);
        if (Math.abs(now - previous) <= tolerance) return { heapUsed: now, readings };
        previous = now;
    }
    return { heapUsed: previous, readings };
}
