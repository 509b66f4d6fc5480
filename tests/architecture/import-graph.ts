// The import graph of the source and the import table of ARCHITECTURE.md, for tests/architecture.
// Imports are read with TypeScript's own pre-processor (static, `import type`, `export … from`,
// dynamic `import()`), so a type-only import counts like any other.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const LANGUAGE_SRC = path.join(ROOT, 'packages/language/src');

/** One row of the table: a unit (a folder of `src/` or a file at its root) and what it may import. */
export interface ImportRule {
    unit: string;
    /** Units it may import all of. */
    units: Set<string>;
    /** Single files (relative to `src/`, e.g. `validation/rule-catalog.ts`) it may import. */
    files: Set<string>;
}

/**
 * Reads the table under `## packages/language/src` in ARCHITECTURE.md: the first column names the
 * unit in backticks (`parser/`, `opsbook-module.ts`; `opsbook.langium` is not TypeScript and is
 * skipped), the last one what it may import, in backticks, or `—`.
 */
export function readImportTable(markdown: string): Map<string, ImportRule> {
    const section = markdown.split(/^## /m).find(part => part.startsWith('packages/language/src'));
    if (!section) throw new Error('ARCHITECTURE.md has no section "## packages/language/src"');
    const rules = new Map<string, ImportRule>();
    for (const line of section.split('\n')) {
        if (!line.startsWith('|') || /^\|\s*-/.test(line) || /^\|\s*folder\s*\|/.test(line)) continue;
        const cells = line
            .split('|')
            .slice(1, -1)
            .map(cell => cell.trim());
        const first = cells[0] ?? '';
        const last = cells[cells.length - 1] ?? '';
        const allowed = [...last.matchAll(/`([^`]+)`/g)].map(m => m[1]!.replace(/\/$/, ''));
        if (allowed.length === 0 && last !== '—')
            throw new Error(`ARCHITECTURE.md: "may import" must list names in backticks or say —: ${line}`);
        const units = new Set(allowed.filter(name => !name.endsWith('.ts') || !name.includes('/')));
        const files = new Set(allowed.filter(name => name.endsWith('.ts') && name.includes('/')));
        for (const [, name] of first.matchAll(/`([^`]+)`/g)) {
            if (name!.endsWith('.langium')) continue;
            const unit = name!.replace(/\/$/, '');
            rules.set(unit, { unit, units, files });
        }
    }
    return rules;
}

/** The unit of a file given relative to `src/`: its top folder, or the file itself at the root. */
export function unitOf(relative: string): string {
    return relative.split('/')[0]!;
}

export function sourceFiles(dir: string): string[] {
    const out: string[] = [];
    const walk = (d: string): void => {
        for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
            const full = path.join(d, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (/\.(ts|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
        }
    };
    walk(dir);
    return out.sort();
}

/** The module specifiers a source text imports or re-exports. */
export function importsOf(text: string): string[] {
    return ts.preProcessFile(text, true, true).importedFiles.map(file => file.fileName);
}

/** A relative specifier resolved to a `.ts` path relative to `src` (`../scope/x.js` → `scope/x.ts`). */
export function resolveRelative(srcDir: string, fromRelative: string, specifier: string): string {
    const absolute = path.resolve(srcDir, path.dirname(fromRelative), specifier).replace(/\.js$/, '.ts');
    return path.relative(srcDir, absolute).split(path.sep).join('/');
}

export interface Edge {
    from: string;
    to: string;
}

/** Every relative import between files of `srcDir`, plus `extra` files given as text (for planted tests). */
export function importEdges(srcDir: string, extra: Record<string, string> = {}): Edge[] {
    const texts = new Map<string, string>();
    for (const file of sourceFiles(srcDir)) texts.set(path.relative(srcDir, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8'));
    for (const [file, text] of Object.entries(extra)) texts.set(file, text);
    const edges: Edge[] = [];
    for (const [from, text] of texts) {
        for (const specifier of importsOf(text)) {
            if (specifier.startsWith('.')) edges.push({ from, to: resolveRelative(srcDir, from, specifier) });
        }
    }
    return edges;
}

/** The imports the table forbids, one line each: `file imports target (unit may import: …)`. */
export function forbiddenImports(edges: Edge[], rules: Map<string, ImportRule>): string[] {
    const problems: string[] = [];
    for (const { from, to } of edges) {
        const unit = unitOf(from);
        const target = unitOf(to);
        if (unit === target) continue;
        const rule = rules.get(unit);
        if (!rule) {
            problems.push(`${from}: ${unit} has no row in ARCHITECTURE.md's import table`);
            continue;
        }
        if (to.startsWith('..')) {
            problems.push(`${from} imports ${to}, outside packages/language/src`);
            continue;
        }
        if (rule.units.has(target) || rule.files.has(to)) continue;
        const may = [...rule.units, ...rule.files].join(', ') || 'nothing';
        problems.push(`${from} imports ${to} (${unit} may import: ${may})`);
    }
    return problems;
}

/**
 * The import cycles (strongly connected components of more than one file, Tarjan's algorithm), each
 * as its sorted files.
 */
export function importCycles(edges: Edge[]): string[][] {
    const graph = new Map<string, string[]>();
    for (const { from, to } of edges) {
        if (!graph.has(from)) graph.set(from, []);
        if (!graph.has(to)) graph.set(to, []);
        graph.get(from)!.push(to);
    }
    let next = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const connect = (v: string): void => {
        index.set(v, next);
        low.set(v, next);
        next++;
        stack.push(v);
        onStack.add(v);
        for (const w of graph.get(v)!) {
            if (!index.has(w)) {
                connect(w);
                low.set(v, Math.min(low.get(v)!, low.get(w)!));
            } else if (onStack.has(w)) {
                low.set(v, Math.min(low.get(v)!, index.get(w)!));
            }
        }
        if (low.get(v) === index.get(v)) {
            const component: string[] = [];
            let w: string;
            do {
                w = stack.pop()!;
                onStack.delete(w);
                component.push(w);
            } while (w !== v);
            if (component.length > 1) cycles.push(component.sort());
        }
    };
    for (const v of graph.keys()) if (!index.has(v)) connect(v);
    return cycles;
}
