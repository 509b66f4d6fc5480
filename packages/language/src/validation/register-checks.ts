import type { ValidationChecks } from 'langium';
import type { OpsbookAstType } from '../generated/ast.js';
import type { OpsbookCoreServices } from '../core-services.js';
import { FamilyChecks } from './analysis-check.js';
import { BudgetChecks } from './budget-checks.js';
import { CoverageChecks } from './coverage-checks.js';
import { ForecastChecks } from './forecast-checks.js';
import { PlaybookTreeChecks } from './playbook-tree-checks.js';
import { StructureChecks } from './structure-checks.js';
import { ValueChecks } from './value-checks.js';

/** Registers every family of checks; each reads the analysis once per file and runs its rules' checks. */
export function registerValidationChecks(services: OpsbookCoreServices): void {
    const registry = services.validation.ValidationRegistry;
    const structure = new StructureChecks(services);
    // Families in this order; a family whose rules all live in their rule files (rules/*.ts) is a FamilyChecks.
    const families = [
        new ValueChecks(services),
        new CoverageChecks(services),
        new BudgetChecks(services),
        new FamilyChecks(services, 'funnel'),
        new FamilyChecks(services, 'schedule'),
        new FamilyChecks(services, 'people'),
        new ForecastChecks(services),
        new FamilyChecks(services, 'strategy'),
        new FamilyChecks(services, 'monitoring'),
        new PlaybookTreeChecks(services)
    ];
    const checks: ValidationChecks<OpsbookAstType> = {
        Document: [structure.checkDocument.bind(structure), ...families.map(family => family.checkDocument.bind(family))]
    };
    registry.register(checks, structure);
}
