// Generated *valid* playbooks with random numbers, names, titles and layout, together with the
// figures the analysis model must compute for them, derived independently with exact BigInt
// arithmetic (support/exact.ts). Only direct fx rates are used, so every expected figure is exact.

import fc from 'fast-check';
import { add, type Exact, exact, literal, mul, sub, sum } from './exact.js';

/** User text that tries to break Markdown, HTML, Mermaid and tables (decoded value, not source). */
export const HOSTILE_TEXTS: readonly string[] = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '| a | b |',
    '`code` and ``more``',
    '*bold* _em_ ~~strike~~',
    '[link](javascript:alert(1))',
    '# heading',
    '> quote',
    '$x^2$ maths',
    '&amp; &lt; entity',
    'back\\slash',
    'line one\nline two',
    '"quoted" title',
    '%% mermaid comment',
    'end}; graph TD; x-->y',
    '---',
    '    indented code',
    '1. list',
    '<!-- comment -->',
    '增长计划：第一季度',
    'Acme Notes — Q1'
];

export interface ExpectedGoal {
    name: string;
    metric: 'count' | 'money';
    target: Exact;
    planned: Exact;
}

export interface ExpectedBudget {
    total: Exact;
    channels: Exact;
    campaigns: Exact;
    allocated: Exact;
    remaining: Exact;
}

export interface GeneratedPlaybook {
    /** The playbook file's text. */
    text: string;
    goals: ExpectedGoal[];
    budget: ExpectedBudget;
    /** Every user string as the playbook means it (escapes decoded). */
    userTexts: string[];
    /** Comments placed in the text (fmt must keep each). */
    comments: string[];
}

type NumberStyle = 'plain' | 'grouped' | 'k' | 'M' | '万' | '亿';
const STYLES: NumberStyle[] = ['plain', 'grouped', 'k', 'M', '万', '亿'];
const NAME_STEMS = ['G', '目标', 'goal_', 'Ziel', 'seed_users', 'attendance'];

/** A source string literal for `value` (SPEC §2 escapes). */
export function quote(value: string): string {
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

interface Draft {
    currency: 'CNY' | 'USD' | 'EUR';
    foreign: 'CNY' | 'USD' | 'EUR';
    /** One unit of `foreign` in `currency`. */
    rate: Exact;
    budget: Exact;
    budgetForeign: boolean;
    locale: 'en' | 'zh-CN';
    titles: string[];
    goals: { metric: 'count' | 'money'; target: Exact; parent?: number; foreign: boolean }[];
    channels: { budget: Exact; foreign: boolean; deliveries: { goal: number; amount: Exact; foreign: boolean }[] }[];
    campaigns: {
        budget: Exact;
        foreign: boolean;
        start: number;
        length: number;
        deliveries: { goal: number; amount: Exact; foreign: boolean }[];
    }[];
    styles: NumberStyle[];
    stem: string;
    layout: number[];
}

const count = fc.bigInt({ min: 1n, max: 5_000_000n }).map(n => exact(n));
const cents = fc.bigInt({ min: 1n, max: 500_000_000n }).map(n => exact(n, 2));

const draft: fc.Arbitrary<Draft> = fc
    .record({
        currency: fc.constantFrom('CNY' as const, 'USD' as const, 'EUR' as const),
        foreign: fc.constantFrom('CNY' as const, 'USD' as const, 'EUR' as const),
        rate: fc.bigInt({ min: 1n, max: 99_999n }).map(n => exact(n, 4)),
        budget: cents,
        budgetForeign: fc.boolean(),
        locale: fc.constantFrom('en' as const, 'zh-CN' as const),
        titles: fc.array(
            fc.oneof(fc.constantFrom(...HOSTILE_TEXTS), fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 10 })),
            { minLength: 40, maxLength: 40 }
        ),
        goalCount: fc.integer({ min: 1, max: 5 }),
        goalSeeds: fc.array(fc.tuple(fc.boolean(), count, cents, fc.nat(), fc.boolean(), fc.boolean()), { minLength: 5, maxLength: 5 }),
        channels: fc.array(fc.tuple(cents, fc.boolean(), fc.array(fc.tuple(fc.nat(), count, cents, fc.boolean()), { maxLength: 3 })), {
            maxLength: 4
        }),
        campaigns: fc.array(
            fc.tuple(
                cents,
                fc.boolean(),
                fc.integer({ min: 0, max: 300 }),
                fc.integer({ min: 0, max: 60 }),
                fc.array(fc.tuple(fc.nat(), count, cents, fc.boolean()), { maxLength: 3 })
            ),
            { maxLength: 3 }
        ),
        styles: fc.array(fc.constantFrom(...STYLES), { minLength: 60, maxLength: 60 }),
        stem: fc.constantFrom(...NAME_STEMS),
        layout: fc.array(fc.nat({ max: 9 }), { minLength: 400, maxLength: 400 })
    })
    .map(r => {
        const foreign = r.foreign === r.currency ? (r.currency === 'CNY' ? 'USD' : 'CNY') : r.foreign;
        const goals: Draft['goals'] = [];
        for (let i = 0; i < r.goalCount; i++) {
            const [money, countTarget, moneyTarget, parentPick, hasParent, targetForeign] = r.goalSeeds[i] as [
                boolean,
                Exact,
                Exact,
                number,
                boolean,
                boolean
            ];
            const metric = money ? 'money' : 'count';
            // A sub-goal decomposes an earlier goal with the same metric, so `part of` never loops.
            const candidates = goals.map((g, index) => ({ g, index })).filter(({ g }) => g.metric === metric);
            const parent = hasParent && candidates.length > 0 ? candidates[parentPick % candidates.length]?.index : undefined;
            goals.push({
                metric,
                target: money ? moneyTarget : countTarget,
                foreign: money && targetForeign,
                ...(parent !== undefined ? { parent } : {})
            });
        }
        const deliveries = (list: [number, Exact, Exact, boolean][]) =>
            list.map(([pick, c, m, useForeign]) => {
                const goal = pick % goals.length;
                const money = goals[goal]?.metric === 'money';
                return { goal, amount: money ? m : c, foreign: money && useForeign };
            });
        return {
            currency: r.currency,
            foreign,
            rate: r.rate,
            budget: r.budget,
            budgetForeign: r.budgetForeign,
            locale: r.locale,
            titles: r.titles,
            goals,
            channels: r.channels.map(([budget, f, d]) => ({ budget, foreign: f, deliveries: deliveries(d) })),
            campaigns: r.campaigns.map(([budget, f, start, length, d]) => ({
                budget,
                foreign: f,
                start,
                length,
                deliveries: deliveries(d)
            })),
            styles: r.styles,
            stem: r.stem,
            layout: r.layout
        };
    });

const SPACES = [' ', ' ', ' ', '  ', '\t', '\n    ', '\r\n  ', ' ', ' ', '\n'];
const BREAKS = ['\n', '\n', '\n\n', '\r\n', ' ', '\n', '\n\n\n', '\n', '\r\n\r\n', '\n'];

function isoDate(dayOfYear: number): string {
    const date = new Date(Date.UTC(2027, 0, 1 + dayOfYear));
    return date.toISOString().slice(0, 10);
}

function render(d: Draft): GeneratedPlaybook {
    let titleIndex = 0;
    let styleIndex = 0;
    let layoutIndex = 0;
    const userTexts: string[] = [];
    const comments: string[] = [];
    const title = () => {
        // A raw carriage return cannot be written inside a string literal (and has no escape).
        const value = (d.titles[titleIndex++ % d.titles.length] ?? 'title').replace(/\r/g, '');
        userTexts.push(value);
        return quote(value);
    };
    const num = (value: Exact) => literal(value, d.styles[styleIndex++ % d.styles.length] ?? 'plain');
    const toBase = (value: Exact, foreign: boolean) => (foreign ? mul(value, d.rate) : value);
    const money = (value: Exact, foreign: boolean) => `${num(value)} ${foreign ? d.foreign : d.currency}`;

    const goalName = (i: number) => `${d.stem}${i}`;
    const elements: string[][] = [];
    elements.push([
        'playbook',
        'P',
        title(),
        '{',
        'product',
        title(),
        'stage',
        'growth',
        'period',
        '2027-01-01',
        '..',
        '2027-12-31',
        'currency',
        d.currency,
        'fx',
        d.foreign,
        '=',
        literal(d.rate, 'plain'),
        d.currency,
        'budget',
        money(d.budget, d.budgetForeign),
        'locale',
        d.locale,
        '}'
    ]);
    elements.push(['strategy', 'S', title(), '{', 'focus', 'acquisition', 'rationale', title(), '}']);
    elements.push(['metric', 'users', title(), 'count']);
    elements.push(['metric', 'revenue', title(), 'money']);
    elements.push(['person', 'owner_1', title(), '{', 'role', title(), 'capacity', '100%', '}']);
    d.goals.forEach((goal, i) => {
        const quantity =
            goal.metric === 'money' ? [num(goal.target), goal.foreign ? d.foreign : d.currency, 'revenue'] : [num(goal.target), 'users'];
        elements.push([
            'goal',
            goalName(i),
            title(),
            '{',
            'target',
            ...quantity,
            'by',
            '2027-12-31',
            'owner',
            'owner_1',
            'strategy',
            'S',
            ...(goal.parent !== undefined ? ['part', 'of', goalName(goal.parent)] : []),
            '}'
        ]);
    });
    const deliveryTokens = (list: Draft['channels'][number]['deliveries']) =>
        list.flatMap(delivery => {
            const metric = d.goals[delivery.goal]?.metric;
            const quantity =
                metric === 'money'
                    ? [num(delivery.amount), delivery.foreign ? d.foreign : d.currency, 'revenue']
                    : [num(delivery.amount), 'users'];
            return ['delivers', ...quantity, 'to', goalName(delivery.goal)];
        });
    d.channels.forEach((channel, i) => {
        elements.push([
            'channel',
            `C${i}`,
            title(),
            '{',
            'kind',
            'paid',
            'owner',
            'owner_1',
            'budget',
            money(channel.budget, channel.foreign),
            ...deliveryTokens(channel.deliveries),
            '}'
        ]);
    });
    d.campaigns.forEach((campaign, i) => {
        elements.push([
            'campaign',
            `K${i}`,
            title(),
            '{',
            'type',
            'promotion',
            'window',
            isoDate(campaign.start),
            '..',
            isoDate(campaign.start + campaign.length),
            'binding',
            'advisory',
            'region',
            title(),
            'owner',
            'owner_1',
            'budget',
            money(campaign.budget, campaign.foreign),
            ...deliveryTokens(campaign.deliveries),
            '}'
        ]);
    });
    // Weights that add up to exactly 100%.
    const weights = d.goals.map((_, i) => Math.floor(100 / d.goals.length) + (i === 0 ? 100 % d.goals.length : 0));
    elements.push(['assessment', 'owner_1', '{', ...d.goals.flatMap((_, i) => ['kpi', goalName(i), 'weight', `${weights[i]}%`]), '}']);
    elements.push(['monitor', 'users', '{', 'by', 'channel', 'every', 'week', 'source', title(), '}']);
    elements.push(['monitor', 'revenue', '{', 'by', 'channel', 'every', 'week', 'source', title(), '}']);
    elements.push([
        'review',
        'R',
        title(),
        '{',
        'every',
        'week',
        'on',
        'monday',
        'owner',
        'owner_1',
        'covers',
        ...d.goals.flatMap((_, i) => (i === 0 ? [goalName(i)] : [',', goalName(i)])),
        'ask',
        title(),
        '}'
    ]);

    let text = '';
    elements.forEach((tokens, e) => {
        if (d.layout[layoutIndex++ % d.layout.length] === 0) {
            const comment = `// note ${e}: ${userTexts[e % userTexts.length]?.replace(/[\r\n]/g, ' ') ?? ''}`;
            comments.push(comment);
            text += `${comment}\n`;
        }
        tokens.forEach((token, t) => {
            text += token;
            if (t < tokens.length - 1) text += SPACES[d.layout[layoutIndex++ % d.layout.length] ?? 0];
        });
        text += BREAKS[d.layout[layoutIndex++ % d.layout.length] ?? 0];
    });

    const goals: ExpectedGoal[] = d.goals.map((goal, i) => {
        const deliveries = [...d.channels, ...d.campaigns].flatMap(owner => owner.deliveries).filter(delivery => delivery.goal === i);
        const subGoals = d.goals.filter(other => other.parent === i);
        const planned = sum([
            ...deliveries.map(delivery => toBase(delivery.amount, delivery.foreign)),
            ...subGoals.map(sub => toBase(sub.target, sub.foreign))
        ]);
        return { name: goalName(i), metric: goal.metric, target: toBase(goal.target, goal.foreign), planned };
    });
    const channels = sum(d.channels.map(c => toBase(c.budget, c.foreign)));
    const campaigns = sum(d.campaigns.map(c => toBase(c.budget, c.foreign)));
    const total = toBase(d.budget, d.budgetForeign);
    const allocated = add(channels, campaigns);
    return { text, goals, budget: { total, channels, campaigns, allocated, remaining: sub(total, allocated) }, userTexts, comments };
}

export const validPlaybook: fc.Arbitrary<GeneratedPlaybook> = draft.map(render);
