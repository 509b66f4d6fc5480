import type { Module } from 'langium';
import { type AnalyzerDependencies, PlaybookAnalyzer } from './playbook-analyzer.js';

/** Services of the analysis layer: the one model of a playbook's figures. */
export type OpsbookAnalysisServices = {
    analysis: {
        PlaybookAnalyzer: PlaybookAnalyzer;
    };
};

export const ANALYSIS_MODULE: Module<AnalyzerDependencies & OpsbookAnalysisServices, OpsbookAnalysisServices> = {
    analysis: {
        PlaybookAnalyzer: services => new PlaybookAnalyzer(services)
    }
};
