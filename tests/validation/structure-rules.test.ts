import { describe, expect, test } from 'vitest';
import { diagnose } from './validation-helpers.js';

describe('structure rules', () => {
    test('duplicate-property: once per repeated keyword, on the second; repeatable properties are fine', async () => {
        expect(
            await diagnose(
                'person a\nplaybook P {\n  budget 5 CNY\n  fx USD = 7 CNY\n  fx EUR = 8 CNY\n  budget 6 CNY\n}\nreview R { every week  every month  ask "a"  ask "b" }\n'
            )
        ).toEqual(["duplicate-property 6:3-6:9 'budget' appears twice in a playbook (first at line 3): keep one"]);
    });

    test("duplicate-property names the whole phrase ('cpa at most', 'part of')", async () => {
        const lines = await diagnose('channel C {\n  cpa at most 5 CNY\n  cpa at most 6 CNY\n}\n');
        expect(lines.filter(l => l.startsWith('duplicate-property'))).toEqual([
            "duplicate-property 3:3-3:6 'cpa at most' appears twice in a channel (first at line 2): keep one"
        ]);
    });

    test('duplicate-property: a keyword used as a name is not a property (`channel owner { owner bob }`)', async () => {
        const lines = await diagnose('person bob\nperson owner\nchannel owner2 { owner owner }\nchannel owner { kind paid owner bob }\n');
        expect(lines.filter(l => l.startsWith('duplicate-property'))).toEqual([]);
        // …while a property written twice still is one.
        expect(
            (await diagnose('person bob\nchannel owner { owner bob owner bob }\n')).filter(l => l.startsWith('duplicate-property'))
        ).toEqual(["duplicate-property 2:27-2:32 'owner' appears twice in a channel (first at line 2): keep one"]);
    });

    test('duplicate-name and a second assessment of one person', async () => {
        expect(
            (
                await diagnose(
                    'person ann\ngoal ann { owner ann }\nassessment ann { kpi ann weight 100% }\nassessment ann { kpi ann weight 100% }\n'
                )
            ).filter(l => l.startsWith('duplicate-name'))
        ).toEqual([
            "duplicate-name 2:6-2:9 'ann' is already defined as a person at line 1: each name may be used once in a file and its imports",
            "duplicate-name 4:12-4:15 ann already has an assessment at line 3: put all of a person's KPIs in one"
        ]);
    });

    test('unresolved-reference: a name of another kind, a close name, nothing visible', async () => {
        expect(
            (
                await diagnose(
                    'person ann\nmetric m count\ngoal G { owner m  target 5 mm by 2027-01-01 }\nchannel C { owner an }\nteam T { lead ann }\nperson bo { team Marketing }\n'
                )
            ).filter(l => l.startsWith('unresolved-reference'))
        ).toEqual([
            "unresolved-reference 3:16-3:17 'm' is a metric, not a person",
            "unresolved-reference 3:28-3:30 unknown metric 'mm': did you mean 'm'?",
            "unresolved-reference 4:19-4:21 unknown person 'an': did you mean 'ann'?",
            "unresolved-reference 6:18-6:27 unknown team 'Marketing'"
        ]);
    });
});
