import type { AstNode, LangiumDocument } from 'langium';
import type { Document, Element } from '../generated/ast.js';
import type { Thresholds } from '../config/opsbook-config.js';
import type { MetricInfo } from './model.js';
import type { ValueResolver } from './value-resolution.js';

/** What every part of the analysis reads: the file, what it sees, and the one value resolver. */
export interface AnalysisScope {
    document: LangiumDocument<Document>;
    /** This file's elements, in file order. */
    own: readonly Element[];
    /** Elements of the files this one imports directly, in import order (SPEC §4). */
    imported: readonly Element[];
    resolver: ValueResolver;
    thresholds: Thresholds;
    metricOf(node: AstNode | undefined): MetricInfo | undefined;
}

/** The elements of one type, in order. */
export function ofType<T extends Element>(elements: readonly Element[], type: T['$type']): T[] {
    return elements.filter((element): element is T => element.$type === type);
}

/** The name of a reference's target, or undefined when it does not resolve. */
export function refName(reference: { ref?: { name?: string } | undefined } | undefined): string | undefined {
    const name = reference?.ref?.name;
    return typeof name === 'string' ? name : undefined;
}
