import type { DaySpan } from './review-periods.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The playbook period from the `opsbook/analysis` reply, when it declares one. */
export function playbookPeriodOf(analysis: unknown): DaySpan | undefined {
    if (typeof analysis !== 'object' || analysis === null) return undefined;
    const record = analysis as Record<string, unknown>;
    const playbook = record.playbook;
    const period = record.period ?? (typeof playbook === 'object' && playbook !== null ? (playbook as Record<string, unknown>).period : undefined);
    if (typeof period !== 'object' || period === null) return undefined;
    const { start, end } = period as Record<string, unknown>;
    return typeof start === 'string' && typeof end === 'string' && DAY.test(start) && DAY.test(end) ? { start, end } : undefined;
}
