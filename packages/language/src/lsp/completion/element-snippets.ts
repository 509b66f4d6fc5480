/**
 * One snippet per element (LSP snippet syntax: `${1:placeholder}` tab stops, `${1|a,b|}` choices, `$0`
 * the final cursor), offered by completion wherever the element may start, in place of the bare keyword.
 * This list is the only source: the VS Code extension contributes no snippets file, whose entries the
 * editor would offer beside these (five entries for `goal`) and also where a value is expected. Bodies
 * indent with a tab, which editors turn into the file's indentation (two spaces for `.ops`).
 * tests/grammar/snippets.test.ts expands every choice and checks the result parses.
 */
export interface ElementSnippet {
    /** The snippet's name, shown beside its keyword when it is not the keyword itself (`snippet: Sub-goal (part of)`). */
    name: string;
    /** The element keyword the snippet starts with. */
    keyword: string;
    description: string;
    body: string[];
}

export const ELEMENT_SNIPPETS: readonly ElementSnippet[] = [
    {
        name: 'Import',
        keyword: 'import',
        description: 'Import the named elements of another .ops file (path relative to this file)',
        body: ['import "${1:team.ops}"$0']
    },
    {
        name: 'Playbook',
        keyword: 'playbook',
        description: 'Playbook: product, lifecycle stage, period, currency, budget (at most one per file)',
        body: [
            'playbook ${1:Q1Growth} "${2:Q1 growth plan}" {',
            '\tproduct "${3:Acme Notes}"',
            '\tstage ${4|development,seed,growth,mature,decline|}',
            '\tperiod ${5:2027-01-01} .. ${6:2027-03-31}',
            '\tcurrency ${7:CNY}',
            '\tbudget ${8:500k} ${7:CNY}',
            '\tlocale ${9|en,zh-CN|}',
            '}',
            '$0'
        ]
    },
    {
        name: 'Regional playbook (part of)',
        keyword: 'playbook',
        description: 'Playbook that breaks down a parent playbook it imports, for one region (SPEC §8)',
        body: [
            'playbook ${1:EastQ3} "${2:East China, Q3}" {',
            '\tpart of ${3:NationalQ3}',
            '\tregion "${4:East China}"',
            '\tperiod ${5:2027-07-01} .. ${6:2027-09-30}',
            '\tcurrency ${7:CNY}',
            '\tbudget ${8:5M} ${7:CNY}',
            '}',
            '$0'
        ]
    },
    {
        name: 'Strategy',
        keyword: 'strategy',
        description: 'Strategy: the focus that follows from the stage, and why',
        body: [
            'strategy ${1:GrowUsers} "${2:Win seed users before the competition}" {',
            '\tfocus ${3|acquisition,activation,retention,monetization,referral,brand,reactivation|}',
            '\trationale "${4:Why this focus, now}"',
            '}',
            '$0'
        ]
    },
    {
        name: 'Metric',
        keyword: 'metric',
        description: 'Metric: a name, a title and its kind',
        body: ['metric ${1:signups} "${2:Registered users}" ${3|count,money,percent,number|}$0']
    },
    {
        name: 'Funnel',
        keyword: 'funnel',
        description: 'Funnel: two or more count metrics in the order users pass them',
        body: ['funnel ${1:Onboarding} { ${2:visits} -> ${3:signups} -> ${4:activated} }$0']
    },
    {
        name: 'Goal',
        keyword: 'goal',
        description: 'Goal: target quantity and deadline, owner, strategy',
        body: [
            'goal ${1:SeedUsers} "${2:Acquire 20,000 seed users}" {',
            '\ttarget ${3|at least,at most|} ${4:20k} ${5:signups} by ${6:2027-03-31}',
            '\towner ${7:alice}',
            '\tstrategy ${8:GrowUsers}',
            '}',
            '$0'
        ]
    },
    {
        name: 'Sub-goal (part of)',
        keyword: 'goal',
        description: 'Goal that decomposes another one (counts toward its coverage)',
        body: [
            'goal ${1:SouthRevenue} "${2:Revenue from the south}" {',
            '\ttarget ${3:100k} ${4:CNY} ${5:revenue} by ${6:2027-03-31}',
            '\tpart of ${7:Revenue}',
            '\towner ${8:erin}',
            '}',
            '$0'
        ]
    },
    {
        name: 'Channel',
        keyword: 'channel',
        description: 'Channel: kind, owner, budget, cost per unit, what it delivers to which goal',
        body: [
            'channel ${1:SEO} "${2:Search}" {',
            '\tkind ${3|organic,paid,social,content,community,referral,partnership,email,offline,direct|}',
            '\towner ${4:bob}',
            '\tbudget ${5:60k} ${6:CNY}',
            '\tcpa at most ${7:10} ${6:CNY}',
            '\tdelivers ${8:6000} ${9:signups} to ${10:SeedUsers}',
            '}',
            '$0'
        ]
    },
    {
        name: 'Campaign',
        keyword: 'campaign',
        description: 'Campaign: type, window, binding, region, owner, budget, delivery',
        body: [
            'campaign ${1:SpringSale} "${2:Spring Festival promotion}" {',
            '\ttype ${3|promotion,content,community,product,event,pr|}',
            '\twindow ${4:2027-01-20} .. ${5:2027-02-10}',
            '\tbinding ${6|advisory,mandatory|}',
            '\tregion "${7:National}"',
            '\towner ${8:carol}',
            '\tbudget ${9:80k} ${10:CNY}',
            '\tdelivers ${11:5000} ${12:signups} to ${13:SeedUsers}',
            '}',
            '$0'
        ]
    },
    {
        name: 'Workstream',
        keyword: 'workstream',
        description: 'Workstream: RACI (responsible with a share of capacity, accountable, consulted, informed) and the goals it serves',
        body: [
            'workstream ${1:ContentPipeline} "${2:SEO content pipeline}" {',
            '\tresponsible ${3:bob} ${4:60}%',
            '\taccountable ${5:alice}',
            '\tconsulted ${6:carol}',
            '\tinformed ${7:dave}',
            '\tserves ${8:SeedUsers}',
            '}',
            '$0'
        ]
    },
    {
        name: 'Person',
        keyword: 'person',
        description: 'Person: role, team, capacity (default 100%)',
        body: ['person ${1:alice} "${2:Alice Wang}" { role "${3:Growth lead}" team ${4:Marketing} capacity ${5:100}% }$0']
    },
    {
        name: 'Team',
        keyword: 'team',
        description: 'Team and its lead',
        body: ['team ${1:Marketing} "${2:Marketing}" { lead ${3:alice} }$0']
    },
    {
        name: 'Assessment',
        keyword: 'assessment',
        description: 'Assessment of a person: KPIs (goals, channels or free text) whose weights add up to 100%',
        body: [
            'assessment ${1:alice} {',
            '\tkpi ${2:SeedUsers} weight ${3:60}%',
            '\tkpi ${4:SEO} weight ${5:20}%',
            '\tkpi "${6:Articles published}" target ${7:10} per ${8|week,month,quarter|} weight ${9:20}%',
            '}',
            '$0'
        ]
    },
    {
        name: 'Forecast',
        keyword: 'forecast',
        description: "Forecast: sales, finance and market figures for a goal's target, and the decision",
        body: [
            'forecast ${1:SeedUsersForecast} for ${2:SeedUsers} {',
            '\tsales   ${3:22k}',
            '\tfinance ${4:18k}',
            '\tmarket  ${5:20k}',
            '\tdecided ${6:20k} by ${7:alice}',
            '}',
            '$0'
        ]
    },
    {
        name: 'Monitor',
        keyword: 'monitor',
        description: 'Monitor a metric: per channel, how often, from which source, with an alert',
        body: [
            'monitor ${1:signups} {',
            '\tby channel',
            '\tevery ${2|day,week,month|}',
            '\tsource "${3:GA4}"',
            '\talert ${4|below,above|} ${5:150} per ${6|day,week,month|}',
            '}',
            '$0'
        ]
    },
    {
        name: 'Review',
        keyword: 'review',
        description: 'Review: when, who, which goals, which questions',
        body: [
            'review ${1:Weekly} "${2:Weekly growth review}" {',
            '\tevery ${3|week,day,month,quarter|} on ${4|monday,tuesday,wednesday,thursday,friday,saturday,sunday|}',
            '\towner ${5:alice}',
            '\tcovers ${6:SeedUsers}',
            '\task "${7:Which channel brings the users who stay?}"',
            '}',
            '$0'
        ]
    }
];

/** A snippet body as the text it inserts when every placeholder keeps its default (first choice). */
export function withPlaceholders(body: string): string {
    return body.replace(
        /\$\{\d+\|([^,|]*)[^}]*\}|\$\{\d+:([^}]*)\}|\$\d+/g,
        (_match, choice?: string, placeholder?: string) => choice ?? placeholder ?? ''
    );
}
