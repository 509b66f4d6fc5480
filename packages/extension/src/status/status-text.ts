import type { DocumentStatus } from '../protocol.js';
import { english, type Translate } from '../util/translate.js';

// The status bar item's words. Pure, for unit tests; the status bar passes `vscode.l10n.t`.

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
 * label say that it is the least-covered goal's. A library file says so, with the playbooks importing it.
 */
export function presentStatus(status: DocumentStatus, t: Translate = english): StatusPresentation {
    const coverage = status.coverage === undefined ? undefined : coveragePercent(status.coverage);
    const text = `Opsbook $(error) ${status.errors} $(warning) ${status.warnings}${coverage ? ` $(pie-chart) ${t('{0} covered', coverage)}` : ''}${status.library ? ` $(library)` : ''}`;
    const errors = status.errors === 1 ? t('1 error') : t('{0} errors', status.errors);
    const warnings = status.warnings === 1 ? t('1 warning') : t('{0} warnings', status.warnings);
    const summary = t('{0}, {1}', errors, warnings);
    const library = status.library
        ? status.importedBy && status.importedBy.length > 0
            ? t('A library (no playbook), imported by {0}', status.importedBy.map(playbook => playbook.name).join(', '))
            : t('A library (no playbook), imported by no playbook yet')
        : undefined;
    const accessibilityLabel = t(
        'Opsbook: {0}',
        `${summary}${coverage ? t(', lowest goal coverage {0}', coverage) : ''}${library ? t('; {0}', library) : ''}`
    );
    const coverageNote = coverage
        ? `\n${t('Lowest goal coverage: {0} (planned ÷ target of the least-covered goal with an additive target; every other goal is covered at least as well).', coverage)}`
        : '';
    const libraryNote = library ? `\n${t('{0}.', library)}` : '';
    const tooltip = `${t('Opsbook: {0}', t('{0} in this file.', summary))}${coverageNote}${libraryNote}\n${t('Click to open the Problems view.')}`;
    return { text, accessibilityLabel, tooltip };
}
