// The calendar of `opsbook next` (usecases/next-cycle.ts) and the comparison of `opsbook diff`
// (analysis/playbook-diff.ts), as pure functions.
import { describe, expect, test } from 'vitest';
import { diffSnapshots, type FileSnapshot, type WorkspaceSnapshot } from '../../packages/language/src/analysis/playbook-diff.js';
import { followingPeriod, moveDate, parseCyclePeriod } from '../../packages/language/src/usecases/next-cycle.js';
import { Decimal } from '../../packages/language/src/values/decimal.js';
import { formatRange } from '../../packages/language/src/values/period.js';
import { formatDate } from '../../packages/language/src/values/date.js';

const d = (text: string) => {
    const [year, month, day] = text.split('-').map(Number) as [number, number, number];
    return { year, month, day };
};
const range = (start: string, end: string) => ({ start: d(start), end: d(end) });

describe('the next period', () => {
    test('whole months stay whole months; shorthands stay shorthands', () => {
        expect(formatRange(followingPeriod(range('2027-01-01', '2027-03-31'), undefined).range)).toBe('2027-04-01 .. 2027-06-30');
        expect(followingPeriod(range('2027-10-01', '2027-12-31'), '2027-Q4')).toEqual({
            range: range('2028-01-01', '2028-03-31'),
            shorthand: '2028-Q1',
            kind: 'quarter'
        });
        expect(followingPeriod(range('2027-01-01', '2027-01-31'), '2027-01').shorthand).toBe('2027-02');
        expect(formatRange(followingPeriod(range('2027-01-01', '2027-02-28'), undefined).range)).toBe('2027-03-01 .. 2027-04-30');
        expect(followingPeriod(range('2027-01-01', '2027-12-31'), '2027').shorthand).toBe('2028');
    });

    test('a range that is not whole months: the same number of days', () => {
        expect(formatRange(followingPeriod(range('2027-01-10', '2027-02-08'), undefined).range)).toBe('2027-02-09 .. 2027-03-10');
    });

    test('--period forms and errors', () => {
        expect(parseCyclePeriod('2027-Q2')).toEqual({
            ok: true,
            period: { range: range('2027-04-01', '2027-06-30'), shorthand: '2027-Q2', kind: 'quarter' }
        });
        expect(parseCyclePeriod('2027-04-01..2027-05-15')).toEqual({ ok: true, period: { range: range('2027-04-01', '2027-05-15') } });
        expect(parseCyclePeriod('2027-05-15..2027-04-01')).toEqual({ ok: false, message: '2027-05-15 is after 2027-04-01' });
        expect(parseCyclePeriod('2027-02-30..2027-04-01').ok).toBe(false);
    });
});

describe('dates moved into the next period', () => {
    const q1 = range('2027-01-01', '2027-03-31');
    const q2 = range('2027-04-01', '2027-06-30');
    test('by whole months: the 15th stays the 15th, a last day stays a last day', () => {
        expect(formatDate(moveDate(d('2027-02-15'), q1, q2))).toBe('2027-05-15');
        expect(formatDate(moveDate(d('2027-03-31'), q1, q2))).toBe('2027-06-30');
        expect(formatDate(moveDate(d('2027-02-28'), q1, q2))).toBe('2027-05-31');
        expect(formatDate(moveDate(d('2027-01-31'), q1, q2))).toBe('2027-04-30');
    });
    test('by days when a period does not start on the 1st; clamped into the new period', () => {
        expect(formatDate(moveDate(d('2027-01-20'), range('2027-01-10', '2027-02-08'), range('2027-02-09', '2027-03-10')))).toBe(
            '2027-02-19'
        );
        expect(formatDate(moveDate(d('2027-03-31'), q1, range('2027-04-01', '2027-04-30')))).toBe('2027-04-30');
        expect(formatDate(moveDate(d('2026-12-31'), q1, q2))).toBe('2027-04-01');
    });
});

describe('diffSnapshots', () => {
    const file = (budget: number, findings: FileSnapshot['findings']): WorkspaceSnapshot => ({
        files: new Map([
            [
                'a.ops',
                {
                    file: 'a.ops',
                    playbook: 'P',
                    elements: new Map([
                        [
                            'channel SEO',
                            {
                                section: 'channel',
                                name: 'SEO',
                                fields: new Map([
                                    ['budget', { kind: 'money', value: Decimal.of(budget), currency: 'CNY' }],
                                    ['owner', { kind: 'text', value: 'bob' }]
                                ])
                            }
                        ]
                    ]),
                    findings
                }
            ]
        ]),
        people: new Map()
    });
    const warning = (line: number) => ({ severity: 'warning' as const, rule: 'cpa-exceeded', message: 'SEO costs too much', line });

    test('nothing changed: nothing listed, even when a finding moved to another line', () => {
        expect(diffSnapshots(file(60000, [warning(3)]), file(60000, [warning(9)]))).toEqual({
            files: [],
            people: [],
            changeCount: 0,
            appeared: 0,
            gone: 0
        });
    });

    test('a changed field and a finding gone; repeated findings count one by one', () => {
        const diff = diffSnapshots(file(60000, [warning(3), warning(5)]), file(70000, [warning(4)]));
        expect(diff.changeCount).toBe(1);
        expect(diff.gone).toBe(1);
        expect(diff.files[0]?.elements).toEqual([
            {
                section: 'channel',
                name: 'SEO',
                change: 'changed',
                fields: [
                    {
                        field: 'budget',
                        before: { kind: 'money', value: Decimal.of(60000), currency: 'CNY' },
                        after: { kind: 'money', value: Decimal.of(70000), currency: 'CNY' }
                    }
                ]
            }
        ]);
        expect(diff.files[0]?.gone).toEqual([warning(5)]);
    });

    test('a file only in one version is added or removed with all its elements', () => {
        const empty: WorkspaceSnapshot = { files: new Map(), people: new Map() };
        const added = diffSnapshots(empty, file(1, []));
        expect(added.files.map(f => [f.file, f.change, f.elements.map(e => e.change)])).toEqual([['a.ops', 'added', ['added']]]);
        expect(diffSnapshots(file(1, []), empty).files[0]?.change).toBe('removed');
    });
});

describe('budgets written by opsbook next', () => {
    test('in 万 when the budget was, in k when whole thousands, else grouped digits', async () => {
        const { formatNumberLiteral } = await import('../../packages/language/src/values/number-literal.js');
        expect(formatNumberLiteral(Decimal.of(70000), '6万')).toBe('7万');
        expect(formatNumberLiteral(Decimal.of(75000), '6万')).toBe('75k');
        expect(formatNumberLiteral(Decimal.of(56228), '60k')).toBe('56_228');
        expect(formatNumberLiteral(Decimal.of(999), '1k')).toBe('999');
    });
});
