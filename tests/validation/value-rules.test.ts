import { describe, expect, test } from 'vitest';
import { diagnoseEdit } from './validation-helpers.js';

describe("value rules: invalid-date, range-reversed, percent-range, unit-mismatch, unknown-value, number-too-large", () => {
    test("invalid-date: a date without zero padding names the expected form", async () => {
        expect(await diagnoseEdit("by 2027-03-31\n  owner ann\n}\n\ngoal Signups", "by 2027-3-31\n  owner ann\n}\n\ngoal Signups")).toEqual([
            "invalid-date 20:24-20:33 2027-3-31 is not a date: write it as YYYY-MM-DD, e.g. 2027-03-31"
        ]);
    });

    test("invalid-date: a day the month does not have", async () => {
        expect(await diagnoseEdit("window 2027-02-01 .. 2027-02-14", "window 2027-02-01 .. 2027-02-30")).toEqual([
            "invalid-date 60:24-60:34 2027-02-30 is not on the calendar: February 2027 has 28 days"
        ]);
    });

    test("invalid-date: a quarter that does not exist", async () => {
        expect(await diagnoseEdit("period 2027-01-01 .. 2027-03-31", "period 2027-Q5")).toEqual([
            "invalid-date 4:10-4:17 2027-Q5 is not a quarter: write YYYY-Q1 … YYYY-Q4"
        ]);
    });

    test("invalid-date: a month that does not exist", async () => {
        expect(await diagnoseEdit("period 2027-01-01 .. 2027-03-31", "period 2027-13")).toEqual([
            "invalid-date 4:10-4:17 2027-13 is not a month: months run from 01 to 12"
        ]);
    });

    test("invalid-date: a review date with month 13", async () => {
        expect(await diagnoseEdit("at 2027-03-31", "at 2027-13-01")).toEqual([
            "invalid-date 97:6-97:16 2027-13-01 is not on the calendar: months run from 01 to 12"
        ]);
    });

    test("period shorthands that are valid stay silent", async () => {
        expect(await diagnoseEdit("period 2027-01-01 .. 2027-03-31", "period 2027-Q1")).toEqual([]);
    });

    test("range-reversed: a campaign window", async () => {
        expect(await diagnoseEdit("window 2027-02-01 .. 2027-02-14", "window 2027-02-14 .. 2027-02-01")).toEqual([
            "range-reversed 60:10-60:34 the window 2027-02-14 .. 2027-02-01 ends before it starts: write the earlier date first (2027-02-01 .. 2027-02-14)"
        ]);
    });

    test("range-reversed: the period, without cascading into date-outside-period", async () => {
        expect(await diagnoseEdit("period 2027-01-01 .. 2027-03-31", "period 2027-03-31 .. 2027-01-01")).toEqual([
            "range-reversed 4:10-4:34 the period 2027-03-31 .. 2027-01-01 ends before it starts: write the earlier date first (2027-01-01 .. 2027-03-31)"
        ]);
    });

    test("a one-day window is not reversed", async () => {
        expect(await diagnoseEdit("window 2027-02-01 .. 2027-02-14", "window 2027-02-01 .. 2027-02-01")).toEqual([]);
    });

    test("percent-range: capacity above 100%", async () => {
        expect(await diagnoseEdit("capacity 80%", "capacity 120%")).toEqual([
            "percent-range 75:23-75:27 capacity 120% is above 100%: a person's capacity goes up to 100% (all of their time)"
        ]);
    });

    test("percent-range: a responsible share above 100%", async () => {
        expect(await diagnoseEdit("responsible bo 40%", "responsible bo 140%")).toEqual([
            "percent-range 70:18-70:22 responsible share 140% is above 100%: a share of a person's capacity goes up to 100%"
        ]);
    });

    test("percent-range: a KPI weight above 100% (kpi-weights stays silent)", async () => {
        expect(await diagnoseEdit("kpi Visits weight 40%", "kpi Visits weight 140%")).toEqual([
            "percent-range 78:36-78:40 140% is outside 0–100%: a percentage runs from 0% to 100%"
        ]);
    });

    test("percent-range: a conversion rate above 100%", async () => {
        expect(await diagnoseEdit("at 4%", "at 104%")).toEqual([
            "percent-range 45:25-45:29 104% is outside 0–100%: a percentage runs from 0% to 100%"
        ]);
    });

    test("percent-range: a percent target above 100%", async () => {
        expect(await diagnoseEdit("at least 30% d30", "at least 130% d30")).toEqual([
            "percent-range 36:19-36:23 130% is outside 0–100%: a percentage runs from 0% to 100%"
        ]);
    });

    test("100% is within range", async () => {
        expect(await diagnoseEdit("capacity 80%", "capacity 100%")).toEqual([]);
    });

    test("unit-mismatch: a count target with a currency", async () => {
        expect(await diagnoseEdit("target 2000 signups", "target 2000 CNY signups")).toEqual([
            "unit-mismatch 25:15-25:18 signups is a count metric and takes no currency: write 2000 signups, or make signups a money metric (not CNY)"
        ]);
    });

    test("unit-mismatch: a percent metric written as a number", async () => {
        expect(await diagnoseEdit("at least 30% d30", "at least 30 d30")).toEqual([
            "unit-mismatch 36:19-36:21 d30 is a percent metric: write a percentage such as 30% d30"
        ]);
    });

    test("unit-mismatch: a money metric written as a percentage", async () => {
        expect(await diagnoseEdit("target 60k revenue", "target 6% revenue")).toEqual([
            "unit-mismatch 31:10-31:12 6% is a percentage, but revenue is a money metric: write a number of revenue (optionally with a currency), or measure this with a percent metric"
        ]);
    });

    test("unit-mismatch: a delivery in another metric than its goal's is reported once and does not count", async () => {
        expect(await diagnoseEdit("delivers 800 signups to Signups", "delivers 800 visits to Signups")).toEqual([
            "goal-undercovered 25:10-25:36 Signups: channels deliver 1,200 of 2,000 signups (60%), 800 short; plan 800 more or lower the target",
            "unit-mismatch 55:16-55:22 Ads delivers visits to Signups, whose target is in signups: deliver signups or aim at a goal measured in visits (this delivery does not count toward Signups)"
        ]);
    });

    test("unit-mismatch: a currency that is not ISO 4217, with a suggestion", async () => {
        expect(await diagnoseEdit("budget 5k USD", "budget 5k RMB")).toEqual([
            "unit-mismatch 53:13-53:16 'RMB' is not an ISO 4217 currency code: did you mean CNY?"
        ]);
    });

    test("unit-mismatch: a lower-case code gets its upper-case form", async () => {
        expect(await diagnoseEdit("budget 5k USD", "budget 5k usd")).toEqual([
            "unit-mismatch 53:13-53:16 'usd' is not an ISO 4217 currency code: did you mean USD?"
        ]);
    });

    test("unit-mismatch: a currency without an fx rate", async () => {
        expect(await diagnoseEdit("budget 5k USD", "budget 5k EUR")).toEqual([
            "unit-mismatch 53:13-53:16 no exchange rate from EUR to CNY: add 'fx EUR = … CNY' to the playbook"
        ]);
    });

    test("an inverse fx rate converts too", async () => {
        expect(await diagnoseEdit("fx USD = 7 CNY", "fx CNY = 0.14 USD")).toEqual([]);
    });

    test("unit-mismatch: a playbook currency that is not ISO is reported once", async () => {
        expect(await diagnoseEdit("currency CNY", "currency RMB")).toEqual([
            "unit-mismatch 5:12-5:15 'RMB' is not an ISO 4217 currency code: did you mean CNY?"
        ]);
    });

    test("unit-mismatch: an unknown metric kind", async () => {
        expect(await diagnoseEdit("metric d30     percent", "metric d30     percnt")).toEqual([
            "unit-mismatch 15:16-15:22 unknown metric kind 'percnt' for d30: did you mean 'percent'? expected count, money, percent or number"
        ]);
    });

    test("unit-mismatch: a funnel step that is not a count metric", async () => {
        expect(await diagnoseEdit("{ visits -> signups }", "{ visits -> signups -> revenue }")).toEqual([
            "unit-mismatch 17:42-17:49 revenue is a money metric: the steps of funnel Onboarding must be count metrics (the people who reach each step)"
        ]);
    });

    test("unit-mismatch: a forecast figure in the wrong unit", async () => {
        expect(await diagnoseEdit("sales 65k", "sales 65%")).toEqual([
            "unit-mismatch 82:9-82:12 65% does not fit Revenue's metric revenue (money): write an amount such as 300k CNY"
        ]);
    });

    test("a forecast figure in another currency is converted", async () => {
        expect(await diagnoseEdit("sales 65k", "sales 9k USD")).toEqual([]);
    });

    test("unknown-value: stage", async () => {
        expect(await diagnoseEdit("stage growth", "stage grwoth")).toEqual([
            "unknown-value 3:9-3:15 unknown stage 'grwoth': did you mean 'growth'? expected development, seed, growth, mature or decline"
        ]);
    });

    test("unknown-value: focus", async () => {
        expect(await diagnoseEdit("focus acquisition", "focus aquisition")).toEqual([
            "unknown-value 10:23-10:33 unknown focus 'aquisition': did you mean 'acquisition'? expected acquisition, activation, retention, monetization, referral, brand or reactivation"
        ]);
    });

    test("unknown-value: channel kind", async () => {
        expect(await diagnoseEdit("kind paid", "kind payed")).toEqual([
            "unknown-value 51:8-51:13 unknown channel kind 'payed': did you mean 'paid'? expected organic, paid, social, content, community, referral, partnership, email, offline or direct"
        ]);
    });

    test("unknown-value: campaign type", async () => {
        expect(await diagnoseEdit("type event", "type party")).toEqual([
            "unknown-value 59:8-59:13 unknown campaign type 'party': expected content, community, product, promotion, event or pr"
        ]);
    });

    test("unknown-value: binding", async () => {
        expect(await diagnoseEdit("binding mandatory", "binding required")).toEqual([
            "unknown-value 61:11-61:19 unknown binding 'required': expected mandatory or advisory"
        ]);
    });

    test("unknown-value: review frequency and weekday", async () => {
        expect(await diagnoseEdit("every week on monday", "every fortnight on mondy")).toEqual([
            "unknown-value 94:9-94:18 unknown frequency 'fortnight' after 'every': expected day, week, month or quarter",
            "unknown-value 94:22-94:27 unknown weekday 'mondy' after 'on': did you mean 'monday'? expected monday, tuesday, wednesday, thursday, friday, saturday or sunday"
        ]);
    });

    test("unknown-value: monitor frequency", async () => {
        expect(await diagnoseEdit("monitor d30 { every week", "monitor d30 { every quarter")).toEqual([
            "unknown-value 91:21-91:28 unknown frequency 'quarter' after 'every': expected day, week or month"
        ]);
    });

    test("unknown-value: alert period", async () => {
        expect(await diagnoseEdit("monitor visits { by channel every day source \"Analytics\" }", "monitor visits { by channel every day source \"Analytics\" alert below 100 per hour }")).toEqual([
            "unknown-value 88:78-88:82 unknown period 'hour' after 'per': expected day, week or month"
        ]);
    });

    test("unknown-value: KPI period", async () => {
        expect(await diagnoseEdit("kpi Ads weight 20%", "kpi \"Posts\" target 3 per fortnight weight 20%")).toEqual([
            "unknown-value 79:92-79:101 unknown period 'fortnight' after 'per': expected week, month or quarter"
        ]);
    });

    test("unknown-value: locale", async () => {
        expect(await diagnoseEdit("currency CNY", "currency CNY\n  locale fr")).toEqual([
            "unknown-value 6:10-6:12 unknown locale 'fr': expected en or zh-CN"
        ]);
    });

    test("number-too-large", async () => {
        expect(await diagnoseEdit("budget 100k CNY", "budget 9999999999999999 CNY")).toEqual([
            "number-too-large 7:10-7:26 9999999999999999 is too large: numbers in a playbook must be below 1,000,000,000,000,000 (is a scale suffix wrong?)"
        ]);
    });
});
