/**
 * Services of the analysis layer (the one model of a playbook's figures). Filled in by the analysis
 * module; kept as its own record so that the module file composes layers without knowing them.
 */
export type OpsbookAnalysisServices = Record<never, never>;

export const ANALYSIS_MODULE = {};
