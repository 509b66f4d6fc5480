// The words SPEC §3 allows for enumerated properties. They are parsed as names (so none of them is
// reserved) and checked here; the completion provider and the docs read the same lists.

export const STAGES = ['development', 'seed', 'growth', 'mature', 'decline'] as const;
export const FOCUSES = ['acquisition', 'activation', 'retention', 'monetization', 'referral', 'brand', 'reactivation'] as const;
export const CHANNEL_KINDS = ['organic', 'paid', 'social', 'content', 'community', 'referral', 'partnership', 'email', 'offline', 'direct'] as const;
export const CAMPAIGN_TYPES = ['content', 'community', 'product', 'promotion', 'event', 'pr'] as const;
export const BINDINGS = ['mandatory', 'advisory'] as const;
export const METRIC_KINDS = ['count', 'money', 'percent', 'number'] as const;
export const MONITOR_EVERY = ['day', 'week', 'month'] as const;
export const REVIEW_EVERY = ['day', 'week', 'month', 'quarter'] as const;
export const WEEKDAY_WORDS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const KPI_PER = ['week', 'month', 'quarter'] as const;
export const ALERT_PER = ['day', 'week', 'month'] as const;
export const LOCALE_WORDS = ['en', 'zh-CN'] as const;

export type Stage = (typeof STAGES)[number];
export type Focus = (typeof FOCUSES)[number];

/** Which property an enumerated word belongs to, for the `unknown-value` message. */
export type VocabularyKind = 'stage' | 'focus' | 'kind' | 'type' | 'binding' | 'every' | 'weekday' | 'per' | 'locale';

/**
 * The focuses that do NOT suit a stage (DOMAIN.md, "Lifecycle stages"): `stage-focus` warns on these.
 * Every other focus is accepted, so a new focus word never warns by accident.
 */
export const UNSUITED_FOCUS: Readonly<Record<Stage, readonly Focus[]>> = {
    development: ['monetization', 'reactivation'],
    seed: ['monetization', 'reactivation'],
    growth: ['reactivation'],
    mature: [],
    decline: ['acquisition']
};

/** The focuses DOMAIN.md names as suiting a stage, for the message's "what would fit". */
export const SUITED_FOCUS: Readonly<Record<Stage, readonly Focus[]>> = {
    development: ['acquisition', 'brand'],
    seed: ['acquisition', 'activation'],
    growth: ['acquisition', 'activation', 'referral', 'retention', 'brand'],
    mature: ['monetization', 'retention', 'referral', 'brand'],
    decline: ['retention', 'reactivation', 'monetization']
};

export function isOneOf<T extends string>(words: readonly T[], word: string | undefined): word is T {
    return word !== undefined && (words as readonly string[]).includes(word);
}
