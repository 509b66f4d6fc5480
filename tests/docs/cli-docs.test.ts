// docs/cli.md lists the quick fixes `opsbook check --fix` applies and those it leaves to a person; both
// tables are held to the code: SAFE_QUICK_FIXES (rules/rule.ts) and the `fixes` each rule declares.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULE_DEFINITIONS } from '../../packages/language/src/rules/index.js';
import { SAFE_QUICK_FIXES } from '../../packages/language/src/rules/rule.js';

const DOCS = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/cli.md'), 'utf8');

/** The rows `| \`fix\` | \`rule\` | … |` of the first table after `heading`, up to the next blank line. */
function table(after: string): [string, string][] {
    const start = DOCS.indexOf(after);
    expect(start, after).toBeGreaterThan(-1);
    const rest = DOCS.slice(start + after.length);
    const body = rest.slice(rest.indexOf('| ---'));
    const rows = body.slice(0, body.indexOf('\n\n')).split('\n').slice(1);
    return rows.map(row => {
        const [fix, rule] = [...row.matchAll(/`([\w-]+)`/g)].map(match => match[1]!);
        return [fix!, rule!];
    });
}

describe('docs/cli.md: check --fix', () => {
    const declared = RULE_DEFINITIONS.flatMap(rule => rule.fixes.map(fix => [fix as string, rule.id as string] as [string, string]));

    test('the applied table is SAFE_QUICK_FIXES, each with the rule that declares it', () => {
        const applied = table('### Fixing: `check --fix`');
        expect(applied.map(([fix]) => fix)).toEqual([...SAFE_QUICK_FIXES]);
        for (const row of applied) expect(declared).toContainEqual(row);
    });

    test('every other fix a rule declares is in the table of fixes left to a person', () => {
        const left = table('Left to a person');
        const expected = declared.filter(([fix]) => !SAFE_QUICK_FIXES.includes(fix as never));
        expect([...left].sort()).toEqual([...expected].sort());
    });
});
