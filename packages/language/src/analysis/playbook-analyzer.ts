import type { AstNode, LangiumCoreServices, LangiumDocument } from 'langium';
import { AstUtils, DocumentState, WorkspaceCache } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { type Document, isPlaybook, type Playbook } from '../generated/ast.js';
import type { OpsbookConfigServices } from '../config/opsbook-config.js';
import type { OpsbookScopeServices } from '../scope/scope-services.js';
import type { AnalysisScope } from './analysis-scope.js';
import { analyzeBudgets } from './budgets.js';
import { analyzeMilestones, paceOwnContributions } from './milestones.js';
import { analyzeCoverage } from './coverage.js';
import { withoutCopies } from './duplicates.js';
import { analyzeForecasts } from './forecasts.js';
import { checkFunnelOrder, collectFunnels } from './funnel.js';
import { collectMetrics } from './metrics.js';
import type { MetricInfo, PlaybookAnalysis } from './model.js';
import { analyzeMonitors, analyzeReviews, markMonitoring } from './monitoring.js';
import { analyzePeople } from './people.js';
import { DEFAULT_CURRENCY, resolveHeader } from './playbook-header.js';
import { addChildBudgets, analyzeTree, type PlaybookHeaders, type ResolvedHeader } from './playbook-tree.js';
import { analyzeStrategies } from './strategy.js';
import { ValueResolver } from './value-resolution.js';
import { yieldToRequests } from '../util/yield-to-requests.js';
import {
    addWorkspaceFigures,
    collectLoadLines,
    type ForeignReference,
    importedUris,
    isolatedIn,
    type LoadLines,
    NO_LOAD_LINES,
    type WorkspaceView
} from './workspace-figures.js';
import { IndexReferenceSource, LinkedTreeReferenceSource, type ReferenceSource } from './reference-source.js';

/** What the analyzer reads: Langium's core, the import resolver and `opsbook.json`. */
export type AnalyzerDependencies = LangiumCoreServices & OpsbookScopeServices & OpsbookConfigServices;

/**
 * Computes a document's PlaybookAnalysis once per workspace state (the cache empties on any change,
 * since a file's figures depend on the files it imports) and hands the same object to every reader.
 * The parts live one concern per file next to this one; this class only puts them in order.
 */
export class PlaybookAnalyzer {
    private readonly cache: WorkspaceCache<string, PlaybookAnalysis>;
    /** Each file's own figures, read by the files whose goals and people it contributes to (SPEC §8). */
    private readonly localCache: WorkspaceCache<string, PlaybookAnalysis>;
    private readonly view: WorkspaceView;
    private readonly referencesTo: WorkspaceCache<AstNode, ForeignReference[]>;
    private readonly loadLines: WorkspaceCache<AstNode, LoadLines>;
    /** The URIs some document imports (the view's `isolated`), once per workspace state. */
    private readonly importedAnywhere: WorkspaceCache<string, Set<string>>;
    /** What each document imports, once per workspace state (its analysis and the workspace's both ask). */
    private readonly imports: WorkspaceCache<LangiumDocument, LangiumDocument<Document>[]>;

    /** Counts the workspace's changes (each empties the cache). */
    private generation = 0;

    /** Other playbooks' headers and children (SPEC §8), once per workspace state. */
    private readonly headers: WorkspaceCache<Playbook, ResolvedHeader>;
    private readonly children: WorkspaceCache<Playbook, Playbook[]>;
    private readonly tree: PlaybookHeaders;
    /** Who refers to a goal, person or playbook: Langium's reference index unless the CLI says otherwise. */
    private references: ReferenceSource;

    constructor(private readonly services: AnalyzerDependencies) {
        this.references = new IndexReferenceSource(services);
        this.cache = new WorkspaceCache(services.shared);
        this.localCache = new WorkspaceCache(services.shared);
        this.referencesTo = new WorkspaceCache(services.shared);
        this.loadLines = new WorkspaceCache(services.shared);
        this.importedAnywhere = new WorkspaceCache(services.shared);
        this.imports = new WorkspaceCache(services.shared);
        this.headers = new WorkspaceCache(services.shared);
        this.children = new WorkspaceCache(services.shared);
        // Figures asked for during a build, before every file's references are indexed, would miss other
        // files' contributions: once the index is complete they are computed again (SPEC §8).
        services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedReferences, () => this.reset());
        // SPEC §4: only a file that imports `node`'s file can name it, so a file nobody imports is referred
        // to from nowhere else (the 1,000 playbooks that import one team file: their goals and people).
        const unimported = (node: AstNode) => this.unimported(AstUtils.getDocument(node) as LangiumDocument<Document>);
        this.view = {
            referencesFrom: (target, here) =>
                unimported(target) && AstUtils.getDocument(target) === here ? [] : this.referencesFrom(target, here),
            local: document => this.localCache.get(document.uri.toString(), () => runToEnd(this.steps(document))),
            // Only `responsible` lines load a person: a person of a shared file is also the owner of goals
            // and channels in every file, thousands of references not worth putting in order. A person of a
            // file nobody imports has lines in that file only, which its own figures already hold.
            loadLines: person =>
                unimported(person)
                    ? NO_LOAD_LINES
                    : this.loadLines.get(person, () =>
                          collectLoadLines(person, this.findReferences(person, 'Responsibility'), this.view.local)
                      ),
            isolated: document => this.isolated(document),
            unimported: document => this.unimported(document)
        };
        services.shared.workspace.DocumentBuilder.onUpdate(() => {
            this.generation++;
        });
        const uriOf = (playbook: Playbook) => AstUtils.getDocument(playbook).uri.toString();
        this.tree = {
            headerOf: playbook =>
                this.headers.get(playbook, () => {
                    const resolver = new ValueResolver(AstUtils.getDocument(playbook), DEFAULT_CURRENCY, () => undefined);
                    return { header: resolveHeader(playbook, resolver), resolver };
                }),
            childrenOf: playbook => this.children.get(playbook, () => this.findChildren(playbook)),
            uriOf
        };
    }

    /**
     * Where the workspace's references are read from (SPEC §8: the files contributing to a goal, loading
     * a person, naming a playbook as parent). The CLI's one build reads them off the linked trees
     * (`LinkedTreeReferenceSource`, packages/cli/src/workspace-loader.ts); the editor keeps Langium's index.
     */
    useReferenceSource(source: ReferenceSource): void {
        this.references = source;
        this.reset();
    }

    /**
     * The CLI's one build (packages/cli/src/workspace-loader.ts): the workspace's references read off the
     * linked trees (`LinkedTreeReferenceSource`) rather than Langium's index, of the documents that are not
     * `isolated` and to nodes of the documents that are not `unimported` only — the same two predicates as
     * the figures' shortcuts, so the source never leaves out what the analysis asks about.
     */
    useLinkedTrees(): void {
        const documents = this.services.shared.workspace.LangiumDocuments;
        this.useReferenceSource(
            new LinkedTreeReferenceSource(
                () =>
                    documents.all.filter(document => !this.isolated(document as LangiumDocument<Document>)) as Iterable<
                        LangiumDocument<Document>
                    >,
                document => !this.unimported(document as LangiumDocument<Document>)
            )
        );
    }

    /**
     * No document of the workspace imports `document`: by SPEC §4 nothing of it is named in another file
     * (the figures ask the workspace nothing about its goals and people). Once per workspace state.
     */
    unimported(document: LangiumDocument<Document>): boolean {
        return !this.importedUris().has(document.uri.toString());
    }

    /** `unimported`, and it imports nothing either: the workspace adds nothing to its figures. */
    isolated(document: LangiumDocument<Document>): boolean {
        return isolatedIn(document, this.importedUris(), d => this.importsOf(d));
    }

    /** The URIs some document of the workspace imports (`importedUris`), once per workspace state. */
    private importedUris(): Set<string> {
        return this.importedAnywhere.get('', () =>
            importedUris(this.services.shared.workspace.LangiumDocuments.all as Iterable<LangiumDocument<Document>>, d => this.importsOf(d))
        );
    }

    /** Forgets every figure computed from the workspace's references (their source changed or grew). */
    private reset(): void {
        this.cache.clear();
        this.localCache.clear();
        this.referencesTo.clear();
        this.loadLines.clear();
        this.importedAnywhere.clear();
        this.imports.clear();
        this.children.clear();
        this.references.invalidate?.();
        this.generation++;
    }

    /**
     * Forgets the figures of every document but those `keep` names (by URI), and what was read to make
     * them; they are computed again when next asked. The editor keeps only its open documents' after a
     * build (lsp/lsp-services.ts): any edit empties the cache anyway, and until then only an open
     * document's figures are read (hover, inlay hints, lenses, the plan preview). Kept for all, a
     * 1,000-file workspace's figures were 13× its source on the heap (bench/NOTES.md, issue 19).
     */
    retainOnly(keep: (uri: string) => boolean): void {
        for (const document of this.services.shared.workspace.LangiumDocuments.all) {
            const key = document.uri.toString();
            if (keep(key)) continue;
            this.cache.delete(key);
            this.localCache.delete(key);
        }
        this.referencesTo.clear();
        this.loadLines.clear();
    }

    /**
     * The playbooks whose `part of` names this one, from the workspace's references (a parent's file
     * does not import its children, so only the workspace's references know them), in path order.
     */
    private findChildren(playbook: Playbook): Playbook[] {
        // A child imports its parent (SPEC §4): a file no other file imports has none.
        if (this.view.unimported?.(AstUtils.getDocument(playbook) as LangiumDocument<Document>)) return [];
        const children: { uri: string; child: Playbook }[] = [];
        for (const { document, node } of this.references.referrers(playbook)) {
            if (isPlaybook(node) && node.parent?.ref === playbook) children.push({ uri: document.uri.toString(), child: node });
        }
        children.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
        return children.map(c => c.child);
    }

    /** The file's figures with what the workspace adds to them: other files' contributions and loads. */
    analyze(document: LangiumDocument<Document>): PlaybookAnalysis {
        return this.cache.get(document.uri.toString(), () => {
            return this.withWorkspace(this.view.local(document));
        });
    }

    /** Adds what other files contribute to this file's own figures (in place) and returns them. */
    private withWorkspace(analysis: PlaybookAnalysis): PlaybookAnalysis {
        const ratio = this.services.config.ConfigProvider.forUri(analysis.document.uri).settings.thresholds.overcommitRatio;
        addWorkspaceFigures(analysis, this.view, ratio);
        this.trim(analysis);
        return analysis;
    }

    /** The figures complete, their lists copied to their size (`trimLists`; tests compare without it). */
    protected trim(analysis: PlaybookAnalysis): void {
        trimLists(analysis);
    }

    /** Nodes of files other than `here` referring to `target`, by file and position. */
    private referencesFrom(target: AstNode, here: LangiumDocument): ForeignReference[] {
        return this.referencesTo.get(target, () => this.findReferences(target)).filter(reference => reference.document !== here);
    }

    /** The documents `document` imports (`ImportResolver.importedDocuments`), once per workspace state. */
    private importsOf(document: LangiumDocument<Document>): LangiumDocument<Document>[] {
        return this.imports.get(document, () => this.services.references.ImportResolver.importedDocuments(document));
    }

    /** Every node referring to `target` (`references`), or those of one `type`, by file path and position. */
    private findReferences(target: AstNode, type?: string): ForeignReference[] {
        const found: (ForeignReference & { key: string; offset: number })[] = [];
        const seen = new Set<AstNode>();
        for (const { document, node } of this.references.referrers(target, type)) {
            if ((type !== undefined && node.$type !== type) || seen.has(node)) continue;
            seen.add(node);
            found.push({ document, node, key: document.uri.toString(), offset: node.$cstNode?.offset ?? 0 });
        }
        found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.offset - b.offset));
        return found.map(({ document, node }) => ({ document, node }));
    }

    /**
     * The same analysis, with a turn for the event loop (and a check of `cancelToken`) between its steps:
     * the language server's validation computes it so before the rules read it (a 5 MB playbook's
     * analysis is ≈0.5 s, which would otherwise hold up requests on every other document). Throws
     * Langium's OperationCancelled when the build is cancelled; nothing is cached then.
     */
    async analyzeAsync(document: LangiumDocument<Document>, cancelToken: CancellationToken): Promise<PlaybookAnalysis> {
        const key = document.uri.toString();
        if (this.cache.has(key) || this.localCache.has(key)) return this.analyze(document);
        const generation = this.generation;
        const steps = this.steps(document);
        for (let step = steps.next(); ; step = steps.next()) {
            if (step.done) {
                // A change of the workspace meanwhile empties the caches: a result computed before it is not kept.
                if (generation !== this.generation) return this.withWorkspace(step.value);
                // Every reader gets the cached object (one computed meanwhile by `analyze`, if any).
                const local = step.value;
                if (!this.localCache.has(key)) this.localCache.set(key, local);
                return this.analyze(document);
            }
            // Work nobody can cancel (the CLI) gets no turns (`yieldToRequests` gives none): nothing to await.
            if (cancelToken !== CancellationToken.None) await yieldToRequests(cancelToken);
        }
    }

    /** The analysis, one step after another; it yields between steps (`analyze` runs them in one go). */
    protected *steps(document: LangiumDocument<Document>): Generator<void, PlaybookAnalysis> {
        // A duplicate name's copy (and a second assessment of a person) is left out: the first counts.
        const { own, imported } = withoutCopies(
            document.parseResult.value.elements ?? [],
            this.importsOf(document).map(d => d.parseResult.value.elements ?? [])
        );
        const configProvider = this.services.config.ConfigProvider;
        const config = configProvider.forUri(document.uri).settings;
        const playbook = own.find((e): e is Playbook => e.$type === 'Playbook');
        yield;

        let metricOf: (node: AstNode | undefined) => MetricInfo | undefined = () => undefined;
        const resolver = new ValueResolver(document, DEFAULT_CURRENCY, node => metricOf(node));
        const header = resolveHeader(playbook, resolver);
        const metrics = collectMetrics(own, imported, resolver);
        metricOf = node => (node ? metrics.byNode.get(node) : undefined);
        const scope: AnalysisScope = { document, own, imported, resolver, thresholds: config.thresholds, metricOf };
        yield;

        const funnels = collectFunnels(scope);
        yield;
        const { goals, deliveries } = yield* analyzeCoverage(scope);
        analyzeMilestones(scope, goals, header.period);
        yield* checkFunnelOrder(funnels, goals);
        yield;
        const { channels, campaigns, budgetTotals } = yield* analyzeBudgets(scope, deliveries, funnels, header.budget);
        yield;
        const { workstreams, people, assessments } = yield* analyzePeople(scope);
        yield;
        const forecasts = yield* analyzeForecasts(scope);
        yield;
        const monitors = yield* analyzeMonitors(scope);
        const reviews = analyzeReviews(scope);
        yield;
        yield* markMonitoring(metrics.byName, monitors, goals, channels);
        yield;
        const strategies = analyzeStrategies(scope, header.stage, goals);
        const tree = playbook ? analyzeTree(playbook, { header, resolver }, this.tree) : undefined;
        if (tree) {
            addChildBudgets(budgetTotals, tree);
            // A child's own campaigns are its choice: advisory unless it says otherwise (SPEC §8).
            if (tree.parent) for (const c of campaigns) if (c.binding === undefined && c.node.binding === undefined) c.binding = 'advisory';
        }
        yield;

        const peopleByName = new Map(people.map(p => [p.name, p]));
        // The first forecast of each goal, indexed once (a search per goal was quadratic in large files).
        const forecastByGoal = new Map<AstNode, (typeof forecasts)[number]>();
        for (const f of forecasts) {
            const target = f.node.goal?.ref;
            if (target && f.goal === target.name && !forecastByGoal.has(target)) forecastByGoal.set(target, f);
        }
        for (const goal of goals) {
            if (goal.owner !== undefined) goal.ownerAssessed = peopleByName.get(goal.owner)?.assessedOn.includes(goal.name) ?? false;
            const forecast = forecastByGoal.get(goal.node);
            if (forecast && forecast.goal === goal.name) goal.forecast = forecast.name;
        }

        const analysis: PlaybookAnalysis = {
            document,
            currency: header.currency,
            fx: header.fx,
            // Documents: the CLI/editor override, else the playbook's `locale`, else opsbook.json's, else en.
            locale: configProvider.localeOverride() ?? header.locale ?? config.locale ?? 'en',
            strategies,
            metrics: metrics.byName,
            goals,
            channels,
            campaigns,
            budgetTotals,
            workstreams,
            people,
            assessments,
            forecasts,
            funnels,
            monitors,
            reviews,
            // A review left out as the copy of a duplicate name is still a review (no `no-review` on top of `duplicate-name`).
            hasReview: reviews.length > 0 || (document.parseResult.value.elements ?? []).some(e => e.$type === 'Review'),
            contributesTo: [],
            workspaceChannels: [],
            valueIssues: resolver.issues
        };
        if (tree) analysis.tree = tree;
        if (playbook) {
            analysis.playbook = playbook;
            analysis.name = playbook.name;
            if (playbook.title !== undefined) analysis.title = playbook.title;
            if (playbook.product !== undefined) analysis.product = playbook.product;
        }
        if (header.stage) analysis.stage = header.stage;
        if (header.period) analysis.period = header.period;
        if (header.budget) analysis.budget = header.budget;
        paceOwnContributions(analysis);
        return analysis;
    }
}

/**
 * The figures' lists are filled by pushing onto empty arrays, which V8 grows to 17 slots at the first
 * push (152 bytes for a list of one or two) and never trims: once the figures are complete (nothing adds
 * to them after the workspace's part), each list of each element's figures is copied to its size.
 * A 100k-line playbook's figures keep ≈ 4 MB less (bench/NOTES.md, issue 19, heap).
 */
export function trimLists(analysis: PlaybookAnalysis): void {
    const lists = [
        analysis.goals,
        analysis.channels,
        analysis.campaigns,
        analysis.people,
        analysis.assessments,
        analysis.workstreams,
        analysis.forecasts,
        analysis.monitors,
        analysis.reviews,
        analysis.strategies
    ];
    for (const list of lists) {
        for (const figures of list as unknown as Record<string, unknown>[]) {
            for (const key in figures) {
                const value = figures[key];
                if (!Array.isArray(value) || value.length === 0) continue;
                figures[key] = value.slice();
                // A contribution's or delivery's pacing schedule: its checkpoints, spread into a literal, too.
                for (const item of value as { pacing?: { checkpoints?: unknown } }[]) {
                    const pacing = typeof item === 'object' && item !== null ? item.pacing : undefined;
                    if (pacing && Array.isArray(pacing.checkpoints)) pacing.checkpoints = pacing.checkpoints.slice();
                }
            }
        }
    }
}

function runToEnd<T>(steps: Generator<void, T>): T {
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}
