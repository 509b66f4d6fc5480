import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadFolder } from './validation-helpers.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');

/**
 * Each example under examples/ checks clean; changing one number in it brings exactly the rule that
 * number breaks (plus only what SPEC §5 says follows from it: a changed target can also stop matching
 * the forecast's decision; a delivery far below plan can break its channel's cost and assumption).
 * Columns: folder, file, text to replace (once), replacement, expected diagnostics of the folder.
 */
const MUTATIONS: [string, string, string, string, string[]][] = [
    [
        'growth',
        'growth.ops',
        'delivers 14000 signups',
        'delivers 12000 signups',
        [
            'growth.ops goal-undercovered 27:10-27:34 SeedUsers: channels deliver 18,000 of 20,000 signups (90%), 2,000 short; plan 2,000 more or lower the target'
        ]
    ],
    [
        'growth',
        'growth.ops',
        '2万 signups',
        '3万 signups',
        [
            'growth.ops goal-undercovered 27:10-27:34 SeedUsers: channels deliver 20,000 of 30,000 signups (67%), 10,000 short; plan 10,000 more or lower the target'
        ]
    ],
    [
        'growth',
        'growth.ops',
        'budget 500k CNY',
        'budget 300k CNY',
        [
            'growth.ops budget-overrun 9:10-9:18 channel and campaign budgets add up to 380,000 CNY (channels 260,000 CNY, campaigns 120,000 CNY), 80,000 CNY over the playbook budget of 300,000 CNY: cut budgets or raise the playbook budget'
        ]
    ],
    [
        'growth',
        'growth.ops',
        'cpa at most 20 CNY',
        'cpa at most 12 CNY',
        [
            "growth.ops cpa-exceeded 60:3-60:21 WeChatAds costs 14.29 CNY for each of its 14,000 signups (budget 200,000 CNY), above its 'cpa at most' of 12 CNY: deliver at least 16,667 signups or cut the budget to 168,000 CNY"
        ]
    ],
    [
        'growth',
        'growth.ops',
        'assumes 150k visits at 4%',
        'assumes 150k visits at 5%',
        [
            'growth.ops assumption-mismatch 52:11-52:28 SEO assumes 150,000 visits at 5% = 7,500 signups, but delivers 6,000 signups: make the assumption and the deliveries agree (within 1%)'
        ]
    ],
    [
        'growth',
        'growth.ops',
        'responsible bob 60%',
        'responsible bob 160%',
        ["growth.ops percent-range 87:19-87:23 responsible share 160% is above 100%: a share of a person's capacity goes up to 100%"]
    ],
    [
        'growth',
        'team.ops',
        'team Marketing  // capacity defaults to 100%',
        'team Marketing\n  capacity 50%',
        [
            "growth.ops capacity-overload 87:3-87:22 bob is responsible for 60% (ContentPipeline 60%), 10% more than bob's capacity of 50%: lower the shares, share the work, or raise the capacity"
        ]
    ],
    [
        'growth',
        'growth.ops',
        'kpi SeedUsers weight 40%',
        'kpi SeedUsers weight 50%',
        ["growth.ops kpi-weights 94:12-94:15 bob's KPI weights add up to 110% (50% + 40% + 20%), not 100%: remove 10%"]
    ],
    [
        'growth',
        'growth.ops',
        'sales 320k CNY',
        'sales 400k CNY',
        [
            'growth.ops forecast-spread 106:10-106:19 the forecasts of RevenueQ1 range from 280,000 CNY to 400,000 CNY, a spread of 40% of the median 300,000 CNY (more than 20%): look again at the assumptions behind the highest and the lowest'
        ]
    ],
    [
        'growth',
        'growth.ops',
        'decided 300k CNY by ceo',
        'decided 310k CNY by ceo',
        [
            'growth.ops goal-forecast-mismatch 38:10-38:40 the target of Revenue, 300,000 CNY, differs from the 310,000 CNY decided by forecast RevenueQ1: make the target the decided figure'
        ]
    ],
    [
        'growth',
        'growth.ops',
        'decided 300k CNY by ceo',
        'decided 330k CNY by ceo',
        [
            'growth.ops goal-forecast-mismatch 38:10-38:40 the target of Revenue, 300,000 CNY, differs from the 330,000 CNY decided by forecast RevenueQ1: make the target the decided figure',
            "growth.ops forecast-decision-outside 110:11-110:19 RevenueQ1 decides 330,000 CNY, outside the forecasts' range 280,000 CNY – 320,000 CNY: explain the decision or revisit the forecasts"
        ]
    ],
    [
        'growth',
        'growth.ops',
        'target 300k CNY revenue',
        'target 350k CNY revenue',
        [
            'growth.ops goal-forecast-mismatch 38:10-38:40 the target of Revenue, 350,000 CNY, differs from the 300,000 CNY decided by forecast RevenueQ1: make the target the decided figure',
            'growth.ops goal-undercovered 38:10-38:40 Revenue: deliveries and sub-goals add up to 300,000 CNY of 350,000 CNY revenue (86%), 50,000 CNY short; plan 50,000 CNY more or lower the target'
        ]
    ],
    [
        'growth',
        'growth.ops',
        'window 2027-02-15 .. 2027-03-15',
        'window 2027-02-15 .. 2027-04-15',
        [
            'growth.ops date-outside-period 78:10-78:34 the window of SouthRoadshow, 2027-02-15 .. 2027-04-15, lies outside the playbook period 2027-01-01 .. 2027-03-31: move it into the period or widen the period'
        ]
    ],
    [
        'growth',
        'growth.ops',
        'target 100k CNY revenue by 2027-03-31',
        'target 100k CNY revenue by 2027-02-10',
        [
            'growth.ops late-contribution 83:3-83:44 SouthRoadshow starts on 2027-02-15, after the deadline of SouthRevenue, 2027-02-10: what it delivers comes too late; start it earlier or aim at a later goal'
        ]
    ],
    [
        'growth',
        'growth.ops',
        'delivers 200k CNY revenue to Revenue',
        'delivers 500k CNY revenue to Revenue',
        [
            'growth.ops goal-overcommitted 38:10-38:40 Revenue: deliveries and sub-goals add up to 600,000 CNY of 300,000 CNY revenue (200%), more than 150% of the target; 300,000 CNY more than needed is promised: lower the deliveries or raise the target'
        ]
    ],
    [
        'growth',
        'growth.ops',
        'target at least 35% d30',
        'target at least 135% d30',
        ['growth.ops percent-range 33:19-33:23 135% is outside 0–100%: a percentage runs from 0% to 100%']
    ],
    [
        'growth',
        'growth.ops',
        'window 2027-01-20 .. 2027-02-10',
        'window 2027-01-20 .. 2027-02-30',
        ['growth.ops invalid-date 66:24-66:34 2027-02-30 is not on the calendar: February 2027 has 28 days']
    ],
    [
        'shop',
        'shop.ops',
        'budget 45万元',
        'budget 40万元',
        [
            'shop.ops budget-overrun 10:10-10:14 channel and campaign budgets add up to 435,000 CNY (channels 290,000 CNY, campaigns 145,000 CNY), 35,000 CNY over the playbook budget of 400,000 CNY: cut budgets or raise the playbook budget'
        ]
    ],
    [
        'shop',
        'shop.ops',
        'delivers 36万元 销售额 to 月销售额',
        'delivers 26万元 销售额 to 月销售额',
        [
            'shop.ops goal-undercovered 30:10-30:33 月销售额: deliveries and sub-goals add up to 3,170,000 CNY of 3,200,000 CNY 销售额 (99%), 30,000 CNY short; plan 30,000 CNY more or lower the target'
        ]
    ],
    [
        'shop',
        'shop.ops',
        'assumes 10万 访客 at 8%',
        'assumes 10万 访客 at 9%',
        [
            'shop.ops assumption-mismatch 98:11-98:23 直通车 assumes 100,000 访客 at 9% = 9,000 加购, but delivers 8,000 加购: make the assumption and the deliveries agree (within 1%)'
        ]
    ],
    [
        'shop',
        'shop.ops',
        'cpa at most 0.6元',
        'cpa at most 0.4元',
        [
            "shop.ops cpa-exceeded 109:3-109:19 钻展 costs 0.50 CNY for each of its 160,000 访客 (budget 80,000 CNY), above its 'cpa at most' of 0.40 CNY: deliver at least 200,000 访客 or cut the budget to 64,000 CNY"
        ]
    ],
    [
        'shop',
        'shop.ops',
        'sales 340万元',
        'sales 400万元',
        [
            'shop.ops forecast-spread 326:10-326:15 the forecasts of 销售额预测 range from 3,000,000 CNY to 4,000,000 CNY, a spread of 31% of the median 3,200,000 CNY (more than 20%): look again at the assumptions behind the highest and the lowest'
        ]
    ],
    [
        'shop',
        '团队.ops',
        'capacity 80%',
        'capacity 60%',
        [
            "shop.ops capacity-overload 259:3-259:21 小美 is responsible for 70% (会员运营 70%), 10% more than 小美's capacity of 60%: lower the shares, share the work, or raise the capacity"
        ]
    ],
    [
        'shop',
        'shop.ops',
        'target 2.5万 下单 by',
        'target 12万 下单 by',
        [
            'shop.ops funnel-order 62:10-62:30 月订单 targets 120,000 下单, more than the 110,000 加购 of 月加购, an earlier step of funnel 成交漏斗: fewer people reach a later step, so lower this target or raise the target of 月加购',
            'shop.ops goal-forecast-mismatch 62:10-62:30 the target of 月订单, 120,000, differs from the 25,000 decided by forecast 订单预测: make the target the decided figure',
            'shop.ops goal-undercovered 62:10-62:30 月订单: channels and campaigns deliver 25,700 of 120,000 下单 (21%), 94,300 short; plan 94,300 more or lower the target'
        ]
    ],
    [
        'saas',
        'saas.ops',
        'budget 35k USD',
        'budget 30k USD',
        [
            'saas.ops budget-overrun 10:10-10:17 channel and campaign budgets add up to 32,020 USD (channels 23,200 USD, campaigns 8,820 USD), 2,020 USD over the playbook budget of 30,000 USD: cut budgets or raise the playbook budget'
        ]
    ],
    [
        'saas',
        'saas.ops',
        'budget 4k EUR',
        'budget 4k GBP',
        ["saas.ops unit-mismatch 200:13-200:16 no exchange rate from GBP to USD: add 'fx GBP = … USD' to the playbook"]
    ],
    [
        'saas',
        'saas.ops',
        'window 2027-04-01 .. 2027-05-31',
        'window 2027-06-01 .. 2027-06-30',
        [
            'saas.ops late-contribution 182:3-182:40 DesignPartners starts on 2027-06-01, after the deadline of DesignPartnerMRR, 2027-05-31: what it delivers comes too late; start it earlier or aim at a later goal'
        ]
    ],
    [
        'saas',
        'saas.ops',
        'decided 60 by sam',
        'decided 70 by sam',
        [
            'saas.ops goal-forecast-mismatch 79:10-79:33 the target of Paying, 60, differs from the 70 decided by forecast PayingQ2: make the target the decided figure',
            "saas.ops forecast-decision-outside 288:11-288:13 PayingQ2 decides 70, outside the forecasts' range 56 – 66: explain the decision or revisit the forecasts"
        ]
    ],
    [
        'saas',
        'saas.ops',
        'kpi Trials weight 50%',
        'kpi Trials weight 40%',
        ["saas.ops kpi-weights 253:12-253:16 maya's KPI weights add up to 90% (40% + 30% + 20%), not 100%: add 10%"]
    ],
    [
        'saas',
        'saas.ops',
        'stage seed',
        'stage decline',
        [
            'saas.ops stage-focus 15:9-15:20 focus acquisition does not suit a product in the decline stage: at that stage focus on retention, reactivation or monetization'
        ]
    ],
    [
        'saas',
        'saas.ops',
        'target 1_200 trials',
        'target 1_500 trials',
        [
            'saas.ops goal-undercovered 67:10-67:36 Trials: channels and campaigns deliver 1,410 of 1,500 trials (94%), 90 short; plan 90 more or lower the target'
        ]
    ],
    [
        'saas',
        'saas.ops',
        'finance 56  ',
        'finance 46  ',
        [
            'saas.ops forecast-spread 284:10-284:18 the forecasts of PayingQ2 range from 46 to 66, a spread of 33% of the median 60 (more than 20%): look again at the assumptions behind the highest and the lowest'
        ]
    ]
];

describe('examples', () => {
    for (const folder of ['growth', 'shop', 'saas']) {
        test(`${folder}/ checks clean`, async () => {
            expect((await loadFolder(path.join(EXAMPLES, folder))).all()).toEqual([]);
        });
    }
});

describe('one changed number brings exactly the rule it breaks', () => {
    for (const [folder, file, from, to, expected] of MUTATIONS) {
        test(`${folder}/${file}: ${from.replace(/\s+/g, ' ')} → ${to.replace(/\s+/g, ' ')}`, async () => {
            const text = fs.readFileSync(path.join(EXAMPLES, folder, file), 'utf8');
            expect(text.split(from)).toHaveLength(2);
            const loaded = await loadFolder(path.join(EXAMPLES, folder), { [file]: text.replace(from, to) });
            expect(loaded.all()).toEqual(expected);
        });
    }
});
