// Metrics visible in a file (own and imported) with their kind, and whether they are monitored.

import type { AstNode } from 'langium';
import type { Metric } from '../generated/ast.js';
import { message } from '../i18n/message.js';
import { closestName } from '../util/closest-name.js';
import { type AnalysisScope, ofType } from './analysis-scope.js';
import type { MetricInfo, MetricKind } from './model.js';
import type { ValueResolver } from './value-resolution.js';
import { canonicalValue, METRIC_KINDS } from './vocabulary.js';

export interface MetricTable {
    byName: Map<string, MetricInfo>;
    byNode: Map<AstNode, MetricInfo>;
}

/** Own metrics first, then imported ones; the first of a name wins (a clash is `duplicate-name`). */
export function collectMetrics(own: AnalysisScope['own'], imported: AnalysisScope['imported'], resolver: ValueResolver): MetricTable {
    const byName = new Map<string, MetricInfo>();
    const byNode = new Map<AstNode, MetricInfo>();
    for (const node of [...ofType<Metric>(own, 'Metric'), ...ofType<Metric>(imported, 'Metric')]) {
        if (typeof node.name !== 'string') continue;
        const info: MetricInfo = { node, name: node.name, monitored: false, monitoredByChannel: false, deliveredByChannels: [] };
        if (node.title !== undefined) info.title = node.title;
        const kind = canonicalValue<MetricKind>(METRIC_KINDS, node.kind);
        if (kind !== undefined) {
            info.kind = kind;
        } else if (node.kind !== undefined) {
            const suggestion = closestName(node.kind, METRIC_KINDS);
            resolver.issue(
                'unit-mismatch',
                node,
                'kind',
                message(
                    'metricKindUnknown',
                    suggestion ? { metric: node.name, word: node.kind, suggestion } : { metric: node.name, word: node.kind }
                )
            );
        }
        byNode.set(node, info);
        if (!byName.has(info.name)) byName.set(info.name, info);
    }
    return { byName, byNode };
}
