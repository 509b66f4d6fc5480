/** A diagnostic that remains in a playbook, as the plan's "open findings" lists it. */
export interface DocumentFinding {
    /** The file, relative to the playbook's folder (so the document does not depend on the working folder). */
    file: string;
    /** 1-based. */
    line: number;
    column: number;
    severity: 'error' | 'warning' | 'info';
    rule: string;
    message: string;
}
