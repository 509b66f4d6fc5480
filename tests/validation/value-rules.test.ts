import { describe, expect, test } from 'vitest';
import { diagnoseEdits } from './validation-helpers.js';

/**
 * Value rules: a value that cannot be resolved is reported once, where it is written, and nothing else follows from it.
 * Each row: what the case shows, the edits made to tests/fixtures/validation/clean.ops (which breaks
 * no rule), and every diagnostic expected afterwards as `rule line:col-line:col message`.
 */
const CASES: [string, [string, string][], string[]][] = [
    [
        'invalid-date: a date without zero padding names the expected form',
        [['by 2027-03-31\n  owner ann\n}\n\ngoal Signups', 'by 2027-3-31\n  owner ann\n}\n\ngoal Signups']],
        ['invalid-date 20:24-20:33 2027-3-31 is not a date: write it as YYYY-MM-DD, e.g. 2027-03-31']
    ],
    [
        'invalid-date: a day the month does not have',
        [['window 2027-02-01 .. 2027-02-14', 'window 2027-02-01 .. 2027-02-30']],
        ['invalid-date 60:24-60:34 2027-02-30 is not on the calendar: February 2027 has 28 days']
    ],
    [
        'invalid-date: a quarter that does not exist',
        [['period 2027-01-01 .. 2027-03-31', 'period 2027-Q5']],
        ['invalid-date 4:10-4:17 2027-Q5 is not a quarter: write YYYY-Q1 … YYYY-Q4']
    ],
    [
        'invalid-date: a month that does not exist',
        [['period 2027-01-01 .. 2027-03-31', 'period 2027-13']],
        ['invalid-date 4:10-4:17 2027-13 is not a month: months run from 01 to 12']
    ],
    [
        'invalid-date: a review date with month 13',
        [['at 2027-03-31', 'at 2027-13-01']],
        ['invalid-date 97:6-97:16 2027-13-01 is not on the calendar: months run from 01 to 12']
    ],
    ['period shorthands that are valid stay silent', [['period 2027-01-01 .. 2027-03-31', 'period 2027-Q1']], []],
    [
        'range-reversed: a campaign window',
        [['window 2027-02-01 .. 2027-02-14', 'window 2027-02-14 .. 2027-02-01']],
        [
            'range-reversed 60:10-60:34 the window 2027-02-14 .. 2027-02-01 ends before it starts: write the earlier date first (2027-02-01 .. 2027-02-14)'
        ]
    ],
    [
        'range-reversed: the period, without cascading into date-outside-period',
        [['period 2027-01-01 .. 2027-03-31', 'period 2027-03-31 .. 2027-01-01']],
        [
            'range-reversed 4:10-4:34 the period 2027-03-31 .. 2027-01-01 ends before it starts: write the earlier date first (2027-01-01 .. 2027-03-31)'
        ]
    ],
    ['a one-day window is not reversed', [['window 2027-02-01 .. 2027-02-14', 'window 2027-02-01 .. 2027-02-01']], []],
    [
        'percent-range: capacity above 100%',
        [['capacity 80%', 'capacity 120%']],
        ["percent-range 75:23-75:27 capacity 120% is above 100%: a person's capacity goes up to 100% (all of their time)"]
    ],
    [
        'percent-range: a responsible share above 100%',
        [['responsible bo 40%', 'responsible bo 140%']],
        ["percent-range 70:18-70:22 responsible share 140% is above 100%: a share of a person's capacity goes up to 100%"]
    ],
    [
        'percent-range: a KPI weight above 100% (kpi-weights stays silent)',
        [['kpi Visits weight 40%', 'kpi Visits weight 140%']],
        ['percent-range 78:36-78:40 140% is outside 0–100%: a percentage runs from 0% to 100%']
    ],
    [
        'percent-range: a conversion rate above 100%',
        [['at 4%', 'at 104%']],
        ['percent-range 45:25-45:29 104% is outside 0–100%: a percentage runs from 0% to 100%']
    ],
    [
        'percent-range: a percent target above 100%',
        [['at least 30% d30', 'at least 130% d30']],
        ['percent-range 36:19-36:23 130% is outside 0–100%: a percentage runs from 0% to 100%']
    ],
    ['100% is within range', [['capacity 80%', 'capacity 100%']], []],
    [
        'unit-mismatch: a count target with a currency',
        [['target 2000 signups', 'target 2000 CNY signups']],
        [
            'unit-mismatch 25:15-25:18 signups is a count metric and takes no currency: write 2000 signups, or make signups a money metric (not CNY)'
        ]
    ],
    [
        'unit-mismatch: a percent metric written as a number',
        [['at least 30% d30', 'at least 30 d30']],
        ['unit-mismatch 36:19-36:21 d30 is a percent metric: write a percentage such as 30% d30']
    ],
    [
        'unit-mismatch: a money metric written as a percentage',
        [['target 60k revenue', 'target 6% revenue']],
        [
            'unit-mismatch 31:10-31:12 6% is a percentage, but revenue is a money metric: write a number of revenue (optionally with a currency), or measure this with a percent metric'
        ]
    ],
    [
        "unit-mismatch: a delivery in another metric than its goal's is reported once and does not count",
        [['delivers 800 signups to Signups', 'delivers 800 visits to Signups']],
        [
            'goal-undercovered 25:10-25:36 Signups: channels deliver 1,200 of 2,000 signups (60%), 800 short; plan 800 more or lower the target',
            'unit-mismatch 55:16-55:22 Ads delivers visits to Signups, whose target is in signups: deliver signups or aim at a goal measured in visits (this delivery does not count toward Signups)'
        ]
    ],
    [
        'unit-mismatch: a currency that is not ISO 4217, with a suggestion',
        [['budget 5k USD', 'budget 5k RMB']],
        ["unit-mismatch 53:13-53:16 'RMB' is not an ISO 4217 currency code: did you mean CNY?"]
    ],
    [
        'unit-mismatch: a lower-case code gets its upper-case form',
        [['budget 5k USD', 'budget 5k usd']],
        ["unit-mismatch 53:13-53:16 'usd' is not an ISO 4217 currency code: did you mean USD?"]
    ],
    [
        'unit-mismatch: a currency without an fx rate',
        [['budget 5k USD', 'budget 5k EUR']],
        ["unit-mismatch 53:13-53:16 no exchange rate from EUR to CNY: add 'fx EUR = … CNY' to the playbook"]
    ],
    ['an inverse fx rate converts too', [['fx USD = 7 CNY', 'fx CNY = 0.14 USD']], []],
    [
        'unit-mismatch: a playbook currency that is not ISO is reported once',
        [['currency CNY', 'currency RMB']],
        ["unit-mismatch 5:12-5:15 'RMB' is not an ISO 4217 currency code: did you mean CNY?"]
    ],
    [
        'unit-mismatch: an unknown metric kind',
        [['metric d30     percent', 'metric d30     percnt']],
        ["unit-mismatch 15:16-15:22 unknown metric kind 'percnt' for d30: did you mean 'percent'? expected count, money, percent or number"]
    ],
    [
        'unit-mismatch: a funnel step that is not a count metric',
        [['{ visits -> signups }', '{ visits -> signups -> revenue }']],
        [
            'unit-mismatch 17:42-17:49 revenue is a money metric: the steps of funnel Onboarding must be count metrics (the people who reach each step)'
        ]
    ],
    [
        'unit-mismatch: a forecast figure in the wrong unit',
        [['sales 65k', 'sales 65%']],
        ["unit-mismatch 82:9-82:12 65% does not fit Revenue's metric revenue (money): write an amount such as 300k CNY"]
    ],
    ['a forecast figure in another currency is converted', [['sales 65k', 'sales 9k USD']], []],
    [
        'unknown-value: stage',
        [['stage growth', 'stage grwoth']],
        ["unknown-value 3:9-3:15 unknown stage 'grwoth': did you mean 'growth'? expected development, seed, growth, mature or decline"]
    ],
    [
        'unknown-value: focus',
        [['focus acquisition', 'focus aquisition']],
        [
            "unknown-value 10:23-10:33 unknown focus 'aquisition': did you mean 'acquisition'? expected acquisition, activation, retention, monetization, referral, brand or reactivation"
        ]
    ],
    [
        'unknown-value: channel kind',
        [['kind paid', 'kind payed']],
        [
            "unknown-value 51:8-51:13 unknown channel kind 'payed': did you mean 'paid'? expected organic, paid, social, content, community, referral, partnership, email, offline or direct"
        ]
    ],
    [
        'unknown-value: campaign type',
        [['type event', 'type party']],
        ["unknown-value 59:8-59:13 unknown campaign type 'party': expected content, community, product, promotion, event or pr"]
    ],
    [
        'unknown-value: binding',
        [['binding mandatory', 'binding required']],
        ["unknown-value 61:11-61:19 unknown binding 'required': expected mandatory or advisory"]
    ],
    [
        'unknown-value: review frequency and weekday',
        [['every week on monday', 'every fortnight on mondy']],
        [
            "unknown-value 94:9-94:18 unknown frequency 'fortnight' after 'every': expected day, week, month or quarter",
            "unknown-value 94:22-94:27 unknown weekday 'mondy' after 'on': did you mean 'monday'? expected monday, tuesday, wednesday, thursday, friday, saturday or sunday"
        ]
    ],
    [
        'unknown-value: monitor frequency',
        [['monitor d30 { every week', 'monitor d30 { every quarter']],
        ["unknown-value 91:21-91:28 unknown frequency 'quarter' after 'every': expected day, week or month"]
    ],
    [
        'unknown-value: alert period',
        [
            [
                'monitor visits { by channel every day source "Analytics" }',
                'monitor visits { by channel every day source "Analytics" alert below 100 per hour }'
            ]
        ],
        ["unknown-value 88:78-88:82 unknown period 'hour' after 'per': expected day, week or month"]
    ],
    [
        'unknown-value: KPI period',
        [['kpi Ads weight 20%', 'kpi "Posts" target 3 per fortnight weight 20%']],
        ["unknown-value 79:92-79:101 unknown period 'fortnight' after 'per': expected week, month or quarter"]
    ],
    [
        'unknown-value: locale',
        [['currency CNY', 'currency CNY\n  locale fr']],
        ["unknown-value 6:10-6:12 unknown locale 'fr': expected en or zh-CN"]
    ],
    [
        'number-too-large',
        [['budget 100k CNY', 'budget 9999999999999999 CNY']],
        [
            'number-too-large 7:10-7:26 9999999999999999 is too large: numbers in a playbook must be below 1,000,000,000,000,000 (is a scale suffix wrong?)'
        ]
    ]
];

describe('value rules: invalid-date, range-reversed, percent-range, unit-mismatch, unknown-value, number-too-large', () => {
    for (const [name, edits, expected] of CASES) {
        test(name, async () => {
            expect(await diagnoseEdits(edits)).toEqual(expected);
        });
    }
});
