import type { DocumentStatus } from '../protocol.js';

// The status bar item's words. Pure, for unit tests.

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Coverage as a whole percentage, rounded down so 99.6% never shows as a full 100%. */
export function coveragePercent(coverage: number): string {
    return `${Math.floor(coverage * 100 + 1e-9)}%`;
}

export interface StatusPresentation {
    text: string;
    /** Read by screen readers; also what the tests compare. */
    accessibilityLabel: string;
    tooltip: string;
}

/**
 * `coverage` of `opsbook/documentStatus` is the LOWEST coverage among the file's goals with an additive
 * target, not an overall figure: the short text stays `60% covered`, the tooltip and the screen-reader
 * label say that it is the least-covered goal's.
 */
export function presentStatus(status: DocumentStatus): StatusPresentation {
    const coverage = status.coverage === undefined ? undefined : coveragePercent(status.coverage);
    const text = `Opsbook $(error) ${status.errors} $(warning) ${status.warnings}${coverage ? ` $(pie-chart) ${coverage} covered` : ''}`;
    const summary = `${plural(status.errors, 'error')}, ${plural(status.warnings, 'warning')}`;
    const accessibilityLabel = `Opsbook: ${summary}${coverage ? `, lowest goal coverage ${coverage}` : ''}`;
    const coverageNote = coverage
        ? `\nLowest goal coverage: ${coverage} (planned ÷ target of the least-covered goal with an additive target; every other goal is covered at least as well).`
        : '';
    const tooltip = `Opsbook: ${summary} in this file.${coverageNote}\nClick to open the Problems view.`;
    return { text, accessibilityLabel, tooltip };
}
