/**
 * One snippet per element (LSP snippet syntax: `${1:placeholder}` tab stops, `${1|a,b|}` choices, `$0`
 * the final cursor). They mirror the VS Code extension's `snippets/opsbook.json`; a test keeps the two
 * identical, so editors without the extension get the same templates through completion.
 */
export interface ElementSnippet {
    /** The element keyword the snippet starts with. */
    keyword: string;
    description: string;
    body: string[];
}

export const ELEMENT_SNIPPETS: readonly ElementSnippet[] = [
    { keyword: 'import', description: 'import the named elements of another file', body: ['import "${1:team.ops}"$0'] },
    {
        keyword: 'playbook',
        description: 'the playbook: product, stage, period, currency, budget',
        body: [
            'playbook ${1:Name} "${2:Title}" {',
            '  product "${3:Product}"',
            '  stage ${4|development,seed,growth,mature,decline|}',
            '  period ${5:2027-Q1}',
            '  currency ${6:CNY}',
            '  budget ${7:100k} ${6:CNY}',
            '}$0'
        ]
    },
    {
        keyword: 'strategy',
        description: 'a strategy with its focus and rationale',
        body: [
            'strategy ${1:Name} "${2:Title}" {',
            '  focus ${3|acquisition,activation,retention,monetization,referral,brand,reactivation|}',
            '  rationale "${4:Why this focus now}"',
            '}$0'
        ]
    },
    { keyword: 'metric', description: 'a metric and its kind', body: ['metric ${1:name} "${2:Title}" ${3|count,money,percent,number|}$0'] },
    { keyword: 'funnel', description: 'count metrics in the order users pass them', body: ['funnel ${1:Name} { ${2:visits} -> ${3:signups} }$0'] },
    {
        keyword: 'goal',
        description: 'a quantified goal with its owner',
        body: ['goal ${1:Name} "${2:Title}" {', '  target ${3:10k} ${4:metric} by ${5:2027-03-31}', '  owner ${6:person}', '}$0']
    },
    {
        keyword: 'channel',
        description: 'a channel with its budget and what it delivers',
        body: [
            'channel ${1:Name} "${2:Title}" {',
            '  kind ${3|organic,paid,social,content,community,referral,partnership,email,offline,direct|}',
            '  owner ${4:person}',
            '  budget ${5:10k} ${6:CNY}',
            '  delivers ${7:1000} ${8:metric} to ${9:Goal}',
            '}$0'
        ]
    },
    {
        keyword: 'campaign',
        description: 'a campaign with its window, budget and effect',
        body: [
            'campaign ${1:Name} "${2:Title}" {',
            '  type ${3|content,community,product,promotion,event,pr|}',
            '  window ${4:2027-01-01} .. ${5:2027-01-31}',
            '  binding ${6|advisory,mandatory|}',
            '  owner ${7:person}',
            '  budget ${8:10k} ${9:CNY}',
            '  delivers ${10:1000} ${11:metric} to ${12:Goal}',
            '}$0'
        ]
    },
    {
        keyword: 'workstream',
        description: 'a piece of work with its RACI',
        body: [
            'workstream ${1:Name} "${2:Title}" {',
            '  responsible ${3:person} ${4:50%}',
            '  accountable ${5:person}',
            '  serves ${6:Goal}',
            '}$0'
        ]
    },
    {
        keyword: 'person',
        description: 'a person, their role, team and capacity',
        body: ['person ${1:name} "${2:Full Name}" { role "${3:Role}" team ${4:Team} capacity ${5:100%} }$0']
    },
    { keyword: 'team', description: 'a team and its lead', body: ['team ${1:Name} { lead ${2:person} }$0'] },
    {
        keyword: 'assessment',
        description: "a person's KPIs and their weights",
        body: ['assessment ${1:person} {', '  kpi ${2:Goal} weight ${3:100%}', '}$0']
    },
    {
        keyword: 'forecast',
        description: "three forecasts of a goal's target and the decision",
        body: [
            'forecast ${1:Name} for ${2:Goal} {',
            '  sales   ${3:100k}',
            '  finance ${4:100k}',
            '  market  ${5:100k}',
            '  decided ${6:100k} by ${7:person}',
            '}$0'
        ]
    },
    {
        keyword: 'monitor',
        description: 'how a metric is watched',
        body: ['monitor ${1:metric} { every ${2|day,week,month|} source "${3:Source}" }$0']
    },
    {
        keyword: 'review',
        description: 'a recurring review',
        body: [
            'review ${1:Name} "${2:Title}" {',
            '  every ${3|week,day,month,quarter|} on ${4|monday,tuesday,wednesday,thursday,friday,saturday,sunday|}',
            '  owner ${5:person}',
            '  covers ${6:Goal}',
            '  ask "${7:Question}"',
            '}$0'
        ]
    }
];

export const SNIPPETS_BY_KEYWORD: ReadonlyMap<string, ElementSnippet> = new Map(ELEMENT_SNIPPETS.map(snippet => [snippet.keyword, snippet]));
