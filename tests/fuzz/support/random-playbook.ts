// Random *well-formed* playbooks: every element and property of SPEC §3 with random values — zero,
// tiny and huge numbers, 0% and 150%, reversed and invalid dates, unknown currencies and words,
// references to names of the right kind most of the time (sometimes the wrong kind or none) — so
// that parsing succeeds and the analysis, the rules and the generators meet every odd combination.

import fc from 'fast-check';
import { HOSTILE_TEXTS, quote } from './valid-playbook.js';

const NAMES = {
    goal: ['G1', 'G2', 'G3', '目标'],
    metric: ['users', 'revenue', 'rate', 'score', 'GMV'],
    person: ['alice', 'bob', '小王'],
    team: ['Growth', 'Sales'],
    channel: ['SEO', 'Ads'],
    campaign: ['Sale', 'Fair'],
    strategy: ['S1', 'S2'],
    review: ['Weekly'],
    forecast: ['F1'],
    funnel: ['Funnel'],
    workstream: ['Work']
};
type Kind = keyof typeof NAMES;
const ALL_NAMES = Object.values(NAMES).flat();

const ref = (kind: Kind) =>
    fc.oneof({ arbitrary: fc.constantFrom(...NAMES[kind]), weight: 9 }, { arbitrary: fc.constantFrom(...ALL_NAMES, 'nobody'), weight: 1 });
const str = fc.oneof(fc.constantFrom(...HOSTILE_TEXTS), fc.string({ maxLength: 12 })).map(s => quote(s.replace(/\r\n?/g, '\n')));
const word = (...words: string[]) =>
    fc.oneof({ arbitrary: fc.constantFrom(...words), weight: 9 }, { arbitrary: fc.constantFrom('unknown', 'grwoth', 'Week'), weight: 1 });
const num = fc.oneof(
    fc.constantFrom(
        '0',
        '0.0',
        '1',
        '0.001',
        '7.1',
        '100',
        '20_000',
        '2万',
        '1.2M',
        '4.35亿',
        '999999999999999',
        '1000000000000000',
        '0.000001k'
    ),
    fc.integer({ min: 0, max: 1_000_000 }).map(String)
);
const pct = fc.constantFrom('0%', '0.5%', '4%', '35%', '100%', '100.0%', '150%', '1000%');
const cur = fc.constantFrom('CNY', 'CNY', 'USD', 'EUR', '元', 'XYZ', 'usd');
const date = fc.constantFrom('2027-01-01', '2027-02-28', '2027-03-31', '2026-12-31', '2028-06-30', '2027-02-30', '2027-3-1', '2027-13-01');
const range = fc.tuple(date, date).map(([a, b]) => `${a} .. ${b}`);
const metricKind = fc.constantFrom('count', 'money', 'percent', 'number', 'ratio');
const quantity = fc.oneof(
    fc.tuple(num, ref('metric')).map(([n, m]) => `${n} ${m}`),
    fc.tuple(num, cur, ref('metric')).map(([n, c, m]) => `${n} ${c} ${m}`),
    fc.tuple(pct, ref('metric')).map(([p, m]) => `${p} ${m}`)
);
const amount = fc.oneof(
    num,
    fc.tuple(num, cur).map(([n, c]) => `${n} ${c}`),
    pct
);
const money = fc.tuple(num, cur).map(([n, c]) => `${n} ${c}`);
const list = (kind: Kind) => fc.array(ref(kind), { minLength: 1, maxLength: 3 }).map(items => items.join(', '));

/** A block of 0–n properties, each drawn from `properties`. */
function block(properties: fc.Arbitrary<string>[], max = 6): fc.Arbitrary<string> {
    return fc.array(fc.oneof(...properties), { maxLength: max }).map(items => `{\n  ${items.join('\n  ')}\n}`);
}

function element(keyword: string, name: fc.Arbitrary<string>, body: fc.Arbitrary<string>, title = true): fc.Arbitrary<string> {
    return fc
        .tuple(name, title ? fc.option(str, { nil: '' }) : fc.constant(''), body)
        .map(([n, t, b]) => `${keyword} ${n}${t ? ` ${t}` : ''} ${b}`);
}

const elements: fc.Arbitrary<string>[] = [
    element(
        'playbook',
        fc.constant('P'),
        block([
            str.map(s => `product ${s}`),
            word('development', 'seed', 'growth', 'mature', 'decline').map(w => `stage ${w}`),
            fc.oneof(range, fc.constantFrom('2027-Q1', '2027-Q5', '2027-02', '2027')).map(p => `period ${p}`),
            cur.map(c => `currency ${c}`),
            fc.tuple(cur, num, cur).map(([a, n, b]) => `fx ${a} = ${n} ${b}`),
            money.map(m => `budget ${m}`),
            fc.constantFrom('en', 'zh-CN', 'fr').map(l => `locale ${l}`)
        ])
    ),
    element(
        'strategy',
        fc.constantFrom(...NAMES.strategy),
        block([
            word('acquisition', 'activation', 'retention', 'monetization', 'referral', 'brand', 'reactivation').map(w => `focus ${w}`),
            str.map(s => `rationale ${s}`),
            str.map(s => `competition ${s}`)
        ])
    ),
    fc.tuple(fc.constantFrom(...NAMES.metric), fc.option(str, { nil: '' }), metricKind).map(([n, t, k]) => `metric ${n} ${t} ${k}`),
    fc
        .tuple(fc.constantFrom(...NAMES.funnel), fc.array(ref('metric'), { minLength: 1, maxLength: 4 }))
        .map(([n, steps]) => `funnel ${n} { ${steps.join(' -> ')} }`),
    element(
        'goal',
        fc.constantFrom(...NAMES.goal),
        block([
            fc.tuple(fc.constantFrom('', 'at least ', 'at most '), quantity, date).map(([b, q, d]) => `target ${b}${q} by ${d}`),
            ref('person').map(p => `owner ${p}`),
            ref('strategy').map(s => `strategy ${s}`),
            ref('goal').map(g => `part of ${g}`)
        ])
    ),
    element(
        'channel',
        fc.constantFrom(...NAMES.channel),
        block(
            [
                word('organic', 'paid', 'social', 'content', 'community', 'referral', 'partnership', 'email', 'offline', 'direct').map(
                    w => `kind ${w}`
                ),
                ref('person').map(p => `owner ${p}`),
                money.map(m => `budget ${m}`),
                money.map(m => `cpa at most ${m}`),
                fc.tuple(num, ref('metric'), pct).map(([n, m, p]) => `assumes ${n} ${m} at ${p}`),
                fc.tuple(quantity, ref('goal')).map(([q, g]) => `delivers ${q} to ${g}`),
                fc.tuple(quantity, ref('goal')).map(([q, g]) => `delivers ${q} to ${g}`)
            ],
            8
        )
    ),
    element(
        'campaign',
        fc.constantFrom(...NAMES.campaign),
        block(
            [
                word('content', 'community', 'product', 'promotion', 'event', 'pr').map(w => `type ${w}`),
                range.map(r => `window ${r}`),
                word('mandatory', 'advisory').map(w => `binding ${w}`),
                str.map(s => `region ${s}`),
                ref('channel').map(c => `via ${c}`),
                ref('person').map(p => `owner ${p}`),
                money.map(m => `budget ${m}`),
                fc.tuple(quantity, ref('goal')).map(([q, g]) => `delivers ${q} to ${g}`),
                list('goal').map(l => `serves ${l}`)
            ],
            8
        )
    ),
    element(
        'workstream',
        fc.constantFrom(...NAMES.workstream),
        block([
            fc.tuple(ref('person'), fc.option(pct, { nil: '' })).map(([p, s]) => `responsible ${p} ${s}`),
            ref('person').map(p => `accountable ${p}`),
            list('person').map(l => `consulted ${l}`),
            list('person').map(l => `informed ${l}`),
            list('goal').map(l => `serves ${l}`)
        ])
    ),
    element(
        'person',
        fc.constantFrom(...NAMES.person),
        block([str.map(s => `role ${s}`), ref('team').map(t => `team ${t}`), pct.map(p => `capacity ${p}`)])
    ),
    element('team', fc.constantFrom(...NAMES.team), block([ref('person').map(p => `lead ${p}`)])),
    fc
        .tuple(
            ref('person'),
            fc.array(
                fc.tuple(
                    fc.oneof(ref('goal'), ref('channel'), str),
                    fc.option(fc.tuple(num, word('week', 'month', 'quarter')), { nil: undefined }),
                    pct
                ),
                { maxLength: 4 }
            )
        )
        .map(
            ([p, kpis]) =>
                `assessment ${p} { ${kpis.map(([s, t, w]) => `kpi ${s}${t ? ` target ${t[0]} per ${t[1]}` : ''} weight ${w}`).join(' ')} }`
        ),
    fc
        .tuple(
            fc.constantFrom(...NAMES.forecast),
            ref('goal'),
            block([
                amount.map(a => `sales ${a}`),
                amount.map(a => `finance ${a}`),
                amount.map(a => `market ${a}`),
                fc.tuple(amount, ref('person')).map(([a, p]) => `decided ${a} by ${p}`)
            ])
        )
        .map(([n, g, b]) => `forecast ${n} for ${g} ${b}`),
    fc
        .tuple(
            ref('metric'),
            block([
                fc.constant('by channel'),
                word('day', 'week', 'month').map(w => `every ${w}`),
                str.map(s => `source ${s}`),
                fc
                    .tuple(fc.constantFrom('below', 'above'), num, word('day', 'week', 'month'))
                    .map(([d, n, p]) => `alert ${d} ${n} per ${p}`)
            ])
        )
        .map(([m, b]) => `monitor ${m} ${b}`),
    element(
        'review',
        fc.constantFrom(...NAMES.review),
        block([
            fc
                .tuple(word('day', 'week', 'month', 'quarter'), fc.option(word('monday', 'friday', 'sunday'), { nil: undefined }))
                .map(([e, d]) => `every ${e}${d ? ` on ${d}` : ''}`),
            date.map(d => `at ${d}`),
            ref('person').map(p => `owner ${p}`),
            list('goal').map(l => `covers ${l}`),
            str.map(s => `ask ${s}`)
        ])
    )
];

/** A random well-formed playbook: a playbook header, then 0–25 random elements. */
export const randomPlaybook: fc.Arbitrary<string> = fc
    .tuple(elements[0] as fc.Arbitrary<string>, fc.array(fc.oneof(...elements.slice(1)), { maxLength: 25 }))
    .map(([header, rest]) => {
        // One element per name (a repeated name is just duplicate-name, found in the first runs anyway).
        const seen = new Set<string>();
        const unique = rest.filter(element => {
            const name = element.split(/\s+/)[1] ?? '';
            if (seen.has(name)) return false;
            seen.add(name);
            return true;
        });
        return `${header}\n${unique.join('\n')}\n`;
    });
