import type { AstNode } from 'langium';
import {
    ALERT_PER,
    BINDINGS,
    CAMPAIGN_TYPES,
    CHANNEL_KINDS,
    FOCUSES,
    KPI_PER,
    LOCALE_WORDS,
    METRIC_KINDS,
    MONITOR_EVERY,
    REVIEW_EVERY,
    STAGES,
    WEEKDAY_WORDS
} from '../../analysis/vocabulary.js';

/** The element types that decide which list a property word such as `kind` or `every` takes. */
const OWNERS = new Set([
    'Metric',
    'Channel',
    'Monitor',
    'Alert',
    'Review',
    'Schedule',
    'Kpi',
    'Assessment',
    'Playbook',
    'Strategy',
    'Campaign'
]);

/**
 * The words an enumerated property accepts (SPEC §3), for the node at the cursor and the property the
 * grammar expects next. The lists themselves live in analysis/vocabulary.ts, next to their check.
 */
export function enumeratedValues(node: AstNode | undefined, property: string | undefined): readonly string[] | undefined {
    const owner = nearestOwner(node);
    switch (property) {
        case 'stage':
            return STAGES;
        case 'focus':
            return FOCUSES;
        case 'kind':
            return owner === 'Metric' ? METRIC_KINDS : CHANNEL_KINDS;
        case 'type':
            return CAMPAIGN_TYPES;
        case 'binding':
            return BINDINGS;
        case 'every':
            return owner === 'Monitor' ? MONITOR_EVERY : REVIEW_EVERY;
        case 'weekday':
            return WEEKDAY_WORDS;
        case 'per':
            return owner === 'Kpi' || owner === 'Assessment' ? KPI_PER : ALERT_PER;
        case 'locale':
            return LOCALE_WORDS;
        default:
            return undefined;
    }
}

function nearestOwner(node: AstNode | undefined): string | undefined {
    for (let current = node; current; current = current.$container) {
        if (OWNERS.has(current.$type)) return current.$type;
    }
    return undefined;
}
