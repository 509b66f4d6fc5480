import type { ValidationCategory, ValidationCheck } from 'langium';
import { ValidationRegistry } from 'langium';

/**
 * Langium's registry, with each node type's checks listed once: its `getChecks` builds a stream over the
 * entries for every call, and the validator asks once per node type per file (≈ 25 types in a
 * 100-line playbook: 25,000 streams for the bench's 1,000 files, almost all of them empty). The lists
 * are forgotten whenever a check is registered, so they never differ from what `getChecks` gives.
 */
export class OpsbookValidationRegistry extends ValidationRegistry {
    /** Per set of categories (joined), each node type's checks. */
    private readonly listed = new Map<string, Map<string, readonly ValidationCheck[]>>();

    override register(...args: Parameters<ValidationRegistry['register']>): void {
        this.listed.clear();
        super.register(...args);
    }

    /** `getChecks(type, categories).toArray()`, remembered per type and categories. */
    checksOf(type: string, categories?: ValidationCategory[]): readonly ValidationCheck[] {
        return this.checksFor(categories)(type);
    }

    /**
     * `checksOf` for one set of categories, looked up once: the validator asks it for every node type of
     * every file (the categories' key made per call cost ≈ 25 ms on the bench's 1,000 files).
     */
    checksFor(categories?: ValidationCategory[]): (type: string) => readonly ValidationCheck[] {
        const key = categories ? `\u0000${categories.join('\u0000')}` : '';
        let byType = this.listed.get(key);
        if (!byType) {
            byType = new Map();
            this.listed.set(key, byType);
        }
        const table = byType;
        return type => {
            let checks = table.get(type);
            if (!checks) {
                checks = this.getChecks(type, categories).toArray();
                table.set(type, checks);
            }
            return checks;
        };
    }
}
