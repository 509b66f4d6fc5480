import type { ValidationChecks } from 'langium';
import type { OpsbookAstType } from '../generated/ast.js';
import type { OpsbookServices } from '../opsbook-module.js';
import { StructureChecks } from './structure-checks.js';

/** Registers every family of checks; each family lives in its own file. */
export function registerValidationChecks(services: OpsbookServices): void {
    const registry = services.validation.ValidationRegistry;
    const structure = new StructureChecks(services);
    const checks: ValidationChecks<OpsbookAstType> = {
        Document: [structure.checkDocument.bind(structure)]
    };
    registry.register(checks, structure);
}
