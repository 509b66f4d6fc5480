// The words SPEC §3 allows for enumerated properties. They are parsed as names (so none of them is
// reserved) and checked here; the completion provider and the docs read the same lists.

export const STAGES = ['development', 'seed', 'growth', 'mature', 'decline'] as const;
export const FOCUSES = ['acquisition', 'activation', 'retention', 'monetization', 'referral', 'brand', 'reactivation'] as const;
export const CHANNEL_KINDS = [
    'organic',
    'paid',
    'social',
    'content',
    'community',
    'referral',
    'partnership',
    'email',
    'offline',
    'direct'
] as const;
export const CAMPAIGN_TYPES = ['content', 'community', 'product', 'promotion', 'event', 'pr'] as const;
export const BINDINGS = ['mandatory', 'advisory'] as const;
export const METRIC_KINDS = ['count', 'money', 'percent', 'number'] as const;
export const MONITOR_EVERY = ['day', 'week', 'month'] as const;
export const REVIEW_EVERY = ['day', 'week', 'month', 'quarter'] as const;
export const WEEKDAY_WORDS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const KPI_PER = ['week', 'month', 'quarter'] as const;
export const ALERT_PER = ['day', 'week', 'month'] as const;
export const LOCALE_WORDS = ['en', 'zh-CN'] as const;

/**
 * The Chinese aliases of the enumerated values (SPEC §10): `stage 成长期` means `stage growth`. The
 * analysis reads the English word (canonicalValue); the formatter keeps what the author wrote;
 * completion offers both; zh-CN documents print the Chinese word.
 */
const CHINESE_ALIASES = new Map<readonly string[], Readonly<Record<string, string>>>([
    [STAGES, { development: '开发期', seed: '种子期', growth: '成长期', mature: '成熟期', decline: '衰退期' }],
    [
        FOCUSES,
        {
            acquisition: '拉新',
            activation: '促活',
            retention: '留存',
            monetization: '变现',
            referral: '推荐',
            brand: '品牌',
            reactivation: '召回'
        }
    ],
    [
        CHANNEL_KINDS,
        {
            organic: '自然流量',
            paid: '付费投放',
            social: '社交',
            content: '内容',
            community: '社群',
            referral: '推荐',
            partnership: '合作',
            email: '邮件',
            offline: '线下',
            direct: '直接'
        }
    ],
    [CAMPAIGN_TYPES, { content: '内容', community: '社群', product: '产品', promotion: '促销', event: '活动', pr: '公关' }],
    [BINDINGS, { mandatory: '强制', advisory: '建议' }],
    [METRIC_KINDS, { count: '计数', money: '金额', percent: '百分比', number: '数值' }]
]);

/** The Chinese alias of an English value of `words` (`growth` → `成长期`); undefined when it has none. */
export function chineseAlias(words: readonly string[], value: string): string | undefined {
    return CHINESE_ALIASES.get(words)?.[value];
}

/** The Chinese aliases of `words`, in the order of `words` (empty when the list has none). */
export function chineseAliases(words: readonly string[]): string[] {
    const table = CHINESE_ALIASES.get(words);
    return table ? words.map(word => table[word]).filter((alias): alias is string => alias !== undefined) : [];
}

/**
 * The English value a word stands for: itself when it is one of `words`, the English value when it is
 * its Chinese alias (`成长期` → `growth`), undefined otherwise.
 */
export function canonicalValue<T extends string>(words: readonly T[], value: string | undefined): T | undefined {
    if (value === undefined) return undefined;
    if ((words as readonly string[]).includes(value)) return value as T;
    const table = CHINESE_ALIASES.get(words);
    if (!table) return undefined;
    return words.find(word => table[word] === value);
}

/** The English value of any word of the alias tables (`成长期` → `growth`), for words met outside a property. */
export function englishOfAlias(words: readonly string[], alias: string): string | undefined {
    const table = CHINESE_ALIASES.get(words);
    return table ? words.find(word => table[word] === alias) : undefined;
}

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
