import type { OpsbookServices } from '../opsbook-module.js';
import { PlaybookAnalyzer } from './playbook-analyzer.js';

/** Services of the analysis layer: the one model of a playbook's figures. */
export type OpsbookAnalysisServices = {
    analysis: {
        PlaybookAnalyzer: PlaybookAnalyzer;
    };
};

export const ANALYSIS_MODULE = {
    analysis: {
        PlaybookAnalyzer: (services: OpsbookServices) => new PlaybookAnalyzer(services)
    }
};
