import type { ValidationCategory, ValidationCheck } from 'langium';
import { ValidationRegistry } from 'langium';

/**
 * Langium's registry, with each node type's checks listed once: its `getChecks` builds a stream over the
 * entries for every call, and the validator asks once per node type per file (≈ 25 types in a
 * 100-line playbook: 25,000 streams for the bench's 1,000 files, almost all of them empty). The lists
 * are forgotten whenever a check is registered, so they never differ from what `getChecks` gives.
 */
export class OpsbookValidationRegistry extends ValidationRegistry {
    private readonly listed = new Map<string, readonly ValidationCheck[]>();

    override register(...args: Parameters<ValidationRegistry['register']>): void {
        this.listed.clear();
        super.register(...args);
    }

    /** `getChecks(type, categories).toArray()`, remembered per type and categories. */
    checksOf(type: string, categories?: ValidationCategory[]): readonly ValidationCheck[] {
        const key = categories ? `${type}\u0000${categories.join('\u0000')}` : type;
        let checks = this.listed.get(key);
        if (!checks) {
            checks = this.getChecks(type, categories).toArray();
            this.listed.set(key, checks);
        }
        return checks;
    }
}
