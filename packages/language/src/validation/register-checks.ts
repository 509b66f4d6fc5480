import type { ValidationChecks } from 'langium';
import type { OpsbookAstType } from '../generated/ast.js';
import type { OpsbookCoreServices } from '../core-services.js';
import { BudgetChecks } from './budget-checks.js';
import { ConfigChecks } from './config-checks.js';
import { CoverageChecks } from './coverage-checks.js';
import { ForecastChecks } from './forecast-checks.js';
import { FunnelChecks } from './funnel-checks.js';
import { MonitoringChecks } from './monitoring-checks.js';
import { PeopleChecks } from './people-checks.js';
import { ScheduleChecks } from './schedule-checks.js';
import { StrategyChecks } from './strategy-checks.js';
import { StructureChecks } from './structure-checks.js';
import { ValueChecks } from './value-checks.js';

/** Registers every family of checks; each family lives in its own file and reads the analysis. */
export function registerValidationChecks(services: OpsbookCoreServices): void {
    const registry = services.validation.ValidationRegistry;
    const structure = new StructureChecks(services);
    const families = [ConfigChecks, ValueChecks, CoverageChecks, BudgetChecks, FunnelChecks, ScheduleChecks, PeopleChecks, ForecastChecks, StrategyChecks, MonitoringChecks]
        .map(Family => new Family(services));
    const checks: ValidationChecks<OpsbookAstType> = {
        Document: [structure.checkDocument.bind(structure), ...families.map(family => family.checkDocument.bind(family))]
    };
    registry.register(checks, structure);
}
