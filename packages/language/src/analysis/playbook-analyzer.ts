import type { AstNode, LangiumCoreServices, LangiumDocument } from 'langium';
import { AstUtils, WorkspaceCache } from 'langium';
import { type Document, isPlaybook, type Playbook } from '../generated/ast.js';
import type { OpsbookConfigServices } from '../config/opsbook-config.js';
import type { OpsbookScopeServices } from '../scope/scope-services.js';
import type { AnalysisScope } from './analysis-scope.js';
import { analyzeBudgets } from './budgets.js';
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

/** What the analyzer reads: Langium's core, the import resolver and `opsbook.json`. */
export type AnalyzerDependencies = LangiumCoreServices & OpsbookScopeServices & OpsbookConfigServices;

/**
 * Computes a document's PlaybookAnalysis once per workspace state (the cache empties on any change,
 * since a file's figures depend on the files it imports) and hands the same object to every reader.
 * The parts live one concern per file next to this one; this class only puts them in order.
 */
export class PlaybookAnalyzer {
    private readonly cache: WorkspaceCache<string, PlaybookAnalysis>;
    /** Other playbooks' headers and children (SPEC §8), once per workspace state. */
    private readonly headers: WorkspaceCache<Playbook, ResolvedHeader>;
    private readonly children: WorkspaceCache<Playbook, Playbook[]>;
    private readonly tree: PlaybookHeaders;

    constructor(private readonly services: AnalyzerDependencies) {
        this.cache = new WorkspaceCache(services.shared);
        this.headers = new WorkspaceCache(services.shared);
        this.children = new WorkspaceCache(services.shared);
        const uriOf = (playbook: Playbook) => AstUtils.getDocument(playbook).uri.toString();
        this.tree = {
            headerOf: playbook => this.headers.get(playbook, () => {
                const resolver = new ValueResolver(AstUtils.getDocument(playbook), DEFAULT_CURRENCY, () => undefined);
                return { header: resolveHeader(playbook, resolver), resolver };
            }),
            childrenOf: playbook => this.children.get(playbook, () => this.findChildren(playbook)),
            uriOf
        };
    }

    /**
     * The playbooks whose `part of` names this one, from the index's reference descriptions (a parent's
     * file does not import its children, so only the workspace's references know them), in path order.
     */
    private findChildren(playbook: Playbook): Playbook[] {
        const { workspace } = this.services.shared;
        const locator = this.services.workspace.AstNodeLocator;
        const children: { uri: string; child: Playbook }[] = [];
        for (const reference of workspace.IndexManager.findAllReferences(playbook, locator.getAstNodePath(playbook))) {
            const source = workspace.LangiumDocuments.getDocument(reference.sourceUri);
            const node = source && locator.getAstNode(source.parseResult.value, reference.sourcePath);
            if (isPlaybook(node) && node.parent?.ref === playbook) children.push({ uri: reference.sourceUri.toString(), child: node });
        }
        children.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
        return children.map(c => c.child);
    }

    analyze(document: LangiumDocument<Document>): PlaybookAnalysis {
        return this.cache.get(document.uri.toString(), () => this.compute(document));
    }

    protected compute(document: LangiumDocument<Document>): PlaybookAnalysis {
        // A duplicate name's copy (and a second assessment of a person) is left out: the first counts.
        const { own, imported } = withoutCopies(document.parseResult.value.elements ?? [],
            this.services.references.ImportResolver.importedDocuments(document).map(d => d.parseResult.value.elements ?? []));
        const configProvider = this.services.config.ConfigProvider;
        const config = configProvider.forUri(document.uri).settings;
        const playbook = own.find((e): e is Playbook => e.$type === 'Playbook');

        let metricOf: (node: AstNode | undefined) => MetricInfo | undefined = () => undefined;
        const resolver = new ValueResolver(document, DEFAULT_CURRENCY, node => metricOf(node));
        const header = resolveHeader(playbook, resolver);
        const metrics = collectMetrics(own, imported, resolver);
        metricOf = node => (node ? metrics.byNode.get(node) : undefined);
        const scope: AnalysisScope = { document, own, imported, resolver, thresholds: config.thresholds, metricOf };

        const funnels = collectFunnels(scope);
        const { goals, deliveries } = analyzeCoverage(scope);
        checkFunnelOrder(funnels, goals);
        const { channels, campaigns, budgetTotals } = analyzeBudgets(scope, deliveries, funnels, header.budget);
        const { workstreams, people, assessments } = analyzePeople(scope);
        const forecasts = analyzeForecasts(scope);
        const monitors = analyzeMonitors(scope);
        const reviews = analyzeReviews(scope);
        markMonitoring(metrics.byName, monitors, goals, channels);
        const strategies = analyzeStrategies(scope, header.stage, goals);
        const tree = playbook ? analyzeTree(playbook, { header, resolver }, this.tree) : undefined;
        if (tree) {
            addChildBudgets(budgetTotals, tree);
            // A child's own campaigns are its choice: advisory unless it says otherwise (SPEC §8).
            if (tree.parent) for (const c of campaigns) if (c.binding === undefined && c.node.binding === undefined) c.binding = 'advisory';
        }

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
        return analysis;
    }
}
