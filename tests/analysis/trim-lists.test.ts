// `trimLists` (analysis/playbook-analyzer.ts, issue 19 heap): once a file's figures are complete (the
// workspace's part added), each list of each element's figures — and the pacing checkpoints of the items
// listed — is copied to its size. Pinned here: the copies hold the same items in the same order, nothing
// else is touched, and every file's figures and diagnostics are those of an analyzer that does not trim.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { PlaybookAnalysis } from '../../packages/language/src/analysis/model.js';
import { trimLists } from '../../packages/language/src/analysis/playbook-analyzer.js';
import { plain } from './analysis-picture.js';
import { loadWorkspace, REPO, type Workspace } from '../lsp/lsp-helpers.js';

const opsFiles = (folder: string) =>
    fs
        .readdirSync(path.join(REPO, folder))
        .filter(name => name.endsWith('.ops'))
        .map(name => `${folder}/${name}`);

/**
 * Every example playbook (contributions from other files, pacing, people) and two fixtures with warnings
 * the figures decide (the organisation tree, a forecast spread), one workspace.
 */
const EXAMPLES = [
    ...fs
        .readdirSync(path.join(REPO, 'examples'), { withFileTypes: true })
        .filter(entry => entry.isDirectory())
        .flatMap(entry => opsFiles(`examples/${entry.name}`)),
    ...opsFiles('tests/fixtures/org-tree'),
    ...opsFiles('tests/fixtures/cli/warnings')
];

/** The lists `trimLists` goes through: the figures of each kind of element. */
const ELEMENT_LISTS = [
    'goals',
    'channels',
    'campaigns',
    'people',
    'assessments',
    'workstreams',
    'forecasts',
    'monitors',
    'reviews',
    'strategies'
] as const;

interface Analyzer {
    analyze(document: LangiumDocument): PlaybookAnalysis;
    reset(): void;
    trim(analysis: PlaybookAnalysis): void;
}

/** The analyzer with its last step (`trim`) switched off, the caches emptied: figures as the analysis filled them. */
function untrimmed(ws: Workspace): Analyzer {
    const analyzer = ws.services.analysis.PlaybookAnalyzer as unknown as Analyzer;
    analyzer.trim = () => {};
    analyzer.reset();
    return analyzer;
}

/** Each list held by an element's figures (and each listed item's pacing checkpoints), with what it held. */
function listsOf(analysis: PlaybookAnalysis) {
    const lists: { holder: Record<string, unknown>; key: string; list: unknown[]; items: unknown[] }[] = [];
    const record = (holder: Record<string, unknown>, key: string) => {
        const list = holder[key];
        if (Array.isArray(list)) lists.push({ holder, key, list, items: [...list] });
    };
    for (const kind of ELEMENT_LISTS) {
        for (const figures of analysis[kind] as unknown as Record<string, unknown>[]) {
            for (const key of Object.keys(figures)) {
                record(figures, key);
                const value = figures[key];
                if (!Array.isArray(value)) continue;
                for (const item of value as { pacing?: Record<string, unknown> }[])
                    if (item?.pacing && typeof item.pacing === 'object') record(item.pacing, 'checkpoints');
            }
        }
    }
    return lists;
}

describe('trimLists: the complete figures’ lists copied to their size', () => {
    test('each non-empty list (and each listed item’s pacing checkpoints) is a new array of the same items in the same order; nothing else changes', async () => {
        const ws = await loadWorkspace(EXAMPLES);
        const analyzer = untrimmed(ws);
        let copied = 0;
        let checkpoints = 0;
        for (const document of ws.documents.values()) {
            const analysis = analyzer.analyze(document);
            const lists = listsOf(analysis);
            const fields = ELEMENT_LISTS.map(kind => (analysis[kind] as unknown as object[]).map(figures => ({ ...figures })));
            const before = plain(analysis);
            trimLists(analysis);
            for (const { holder, key, list, items } of lists) {
                const now = holder[key] as unknown[];
                // The very same items, position by position.
                expect(now.length).toBe(items.length);
                expect(now.every((item, i) => item === items[i])).toBe(true);
                // Copied when it holds something (an empty list has no slots to give back).
                expect(now === list).toBe(items.length === 0);
                if (items.length > 0) copied++;
                if (key === 'checkpoints' && items.length > 0) checkpoints++;
            }
            // Fields that are not lists keep their very values; the analysis reads as before.
            ELEMENT_LISTS.forEach((kind, k) => {
                (analysis[kind] as unknown as Record<string, unknown>[]).forEach((figures, i) => {
                    for (const [key, value] of Object.entries(fields[k]![i]!))
                        if (!Array.isArray(value)) expect(figures[key], `${kind}[${i}].${key}`).toBe(value);
                });
            });
            expect(plain(analysis)).toEqual(before);
        }
        // What the test covers: lists of every kind, the pacing of contributions and deliveries among them.
        expect(copied).toBeGreaterThan(200);
        expect(checkpoints).toBeGreaterThan(20);
    });

    test('every file’s figures and diagnostics are those of an analyzer that does not trim', async () => {
        const trimmed = await loadWorkspace(EXAMPLES);
        const plainAnalyzer = await loadWorkspace(EXAMPLES);
        const run = async (ws: Workspace, analyzer: Analyzer) => {
            const out: Record<string, unknown> = {};
            for (const [name, document] of ws.documents) {
                const diagnostics = await ws.services.validation.DocumentValidator.validateDocument(document);
                out[name] = {
                    analysis: plain(analyzer.analyze(document)),
                    diagnostics: diagnostics.map(d => `${String(d.code)} ${d.range.start.line}:${d.range.start.character} ${d.message}`)
                };
            }
            return out;
        };
        const analyzer = trimmed.services.analysis.PlaybookAnalyzer as unknown as Analyzer;
        // The analyzer's own step, counted: every file's figures were trimmed.
        const trim = analyzer.trim.bind(analyzer);
        const trimmedFiles = new Set<string>();
        analyzer.trim = analysis => {
            trimmedFiles.add(analysis.document.uri.toString());
            trim(analysis);
        };
        analyzer.reset();
        const withTrim = await run(trimmed, analyzer);
        const withoutTrim = await run(plainAnalyzer, untrimmed(plainAnalyzer));
        expect(withTrim).toEqual(withoutTrim);
        expect(trimmedFiles.size).toBe(trimmed.documents.size);
        const diagnostics = Object.values(withTrim).flatMap(file => (file as { diagnostics: string[] }).diagnostics);
        expect(diagnostics.length).toBeGreaterThan(5);
    });
});
