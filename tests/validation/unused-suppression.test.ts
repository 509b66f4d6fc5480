import { describe, expect, test } from 'vitest';
import { CLEAN, diagnose, edit, loadFolder, tempFolder } from './validation-helpers.js';

/** The clean fixture with a cpa-exceeded on line 45 (`  cpa at most 0.5 CNY`), preceded by `comment` on line 44. */
const withComment = (comment: string) => edit(CLEAN, '  cpa at most 20 CNY', `${comment}\n  cpa at most 0.5 CNY`);
const CPA =
    "cpa-exceeded 45:3-45:22 Search costs 0.67 CNY for each of its 30,000 visits (budget 20,000 CNY), above its 'cpa at most' of 0.50 CNY: deliver at least 40,000 visits or cut the budget to 15,000 CNY";

async function inWorkspace(config: string, text: string): Promise<string[]> {
    return (await loadFolder(tempFolder({ 'opsbook.json': config, 'plan.ops': text }))).of('plan.ops');
}

describe('// opsbook-ignore counts only in a line comment', () => {
    test('the same words inside a string silence nothing (and are no suppression to report)', async () => {
        const text = edit(
            CLEAN,
            '  period 2027-01-01 .. 2027-03-31',
            '  product "// opsbook-ignore invalid-date"\n  period 2027-01-01 .. 2027-03-32'
        );
        expect(await diagnose(text)).toEqual(['invalid-date 5:24-5:34 2027-03-32 is not on the calendar: March 2027 has 31 days']);
    });

    test('nor inside a block comment', async () => {
        const text = edit(
            CLEAN,
            '  period 2027-01-01 .. 2027-03-31',
            '  /* // opsbook-ignore invalid-date */\n  period 2027-01-01 .. 2027-03-32'
        );
        expect(await diagnose(text)).toEqual(['invalid-date 5:24-5:34 2027-03-32 is not on the calendar: March 2027 has 31 days']);
    });

    test('a real line comment silences it, and is used', async () => {
        expect(await diagnose(withComment('  // opsbook-ignore cpa-exceeded'))).toEqual([]);
    });

    test('a reason after -- is not a rule name', async () => {
        expect(await diagnose(withComment('  // opsbook-ignore cpa-exceeded -- agreed with finance, see Q1 notes'))).toEqual([]);
    });
});

describe('unused-suppression', () => {
    test('an unknown rule id, with the closest rule id; the rule it meant still reports', async () => {
        expect(await diagnose(withComment('  // opsbook-ignore cpa-exceded'))).toEqual([
            "unused-suppression 44:21-44:32 'cpa-exceded' is not a rule, so this opsbook-ignore silences nothing: did you mean 'cpa-exceeded'?",
            CPA
        ]);
    });

    test('an unknown word with no close rule id', async () => {
        expect(await diagnose(withComment('  // opsbook-ignore because finance'))).toEqual([
            "unused-suppression 44:21-44:28 'because' is not a rule, so this opsbook-ignore silences nothing: remove it",
            "unused-suppression 44:29-44:36 'finance' is not a rule, so this opsbook-ignore silences nothing: remove it",
            CPA
        ]);
    });

    test('a rule that reports nothing on the next line', async () => {
        expect(await diagnose(edit(CLEAN, '  cpa at most 20 CNY', '  // opsbook-ignore cpa-exceeded\n  cpa at most 20 CNY'))).toEqual([
            'unused-suppression 44:21-44:33 opsbook-ignore cpa-exceeded silences nothing: the next line has no cpa-exceeded problem; remove it'
        ]);
    });

    test('several names, one unused: only that name is reported', async () => {
        expect(await diagnose(withComment('  // opsbook-ignore goal-overcommitted, cpa-exceeded'))).toEqual([
            'unused-suppression 44:21-44:39 opsbook-ignore goal-overcommitted silences nothing: the next line has no goal-overcommitted problem; remove it'
        ]);
    });

    test('a rule turned off in opsbook.json that would report there: used (the comment does not depend on the configuration)', async () => {
        expect(await inWorkspace('{ "rules": { "cpa-exceeded": "off" } }', withComment('  // opsbook-ignore cpa-exceeded'))).toEqual([]);
    });

    test('a rule turned off that would not report there either: unused', async () => {
        expect(
            await inWorkspace('{ "rules": { "goal-overcommitted": "off" } }', withComment('  // opsbook-ignore goal-overcommitted'))
        ).toEqual([
            'unused-suppression 44:21-44:39 opsbook-ignore goal-overcommitted silences nothing: the next line has no goal-overcommitted problem; remove it',
            CPA
        ]);
    });

    test('unused-suppression itself can be turned off, or made an error', async () => {
        const text = withComment('  // opsbook-ignore goal-overcommitted');
        expect(await inWorkspace('{ "rules": { "unused-suppression": "off" } }', text)).toEqual([CPA]);
        const loaded = await loadFolder(tempFolder({ 'opsbook.json': '{ "rules": { "unused-suppression": "error" } }', 'plan.ops': text }));
        expect(
            loaded.documents
                .get('plan.ops')
                ?.diagnostics?.filter(d => d.code === 'unused-suppression')
                .map(d => d.severity)
        ).toEqual([1]);
    });

    test('// opsbook-ignore unused-suppression silences the report about the comment below it', async () => {
        expect(await diagnose(withComment('  // opsbook-ignore unused-suppression\n  // opsbook-ignore goal-overcommitted'))).toEqual([
            CPA.replace(/45:/g, '46:')
        ]);
    });

    test('while the file has a syntax error the plan rules wait, so only unknown rule ids are reported', async () => {
        const text = `${withComment('  // opsbook-ignore cpa-exceeded cpa-exceded')}\ngoal Broken {\n`;
        expect(await diagnose(text)).toEqual([
            "unused-suppression 44:34-44:45 'cpa-exceded' is not a rule, so this opsbook-ignore silences nothing: did you mean 'cpa-exceeded'?",
            "syntax-error 101:14-101:14 expected '}' after '{', found the end of the file"
        ]);
    });

    test('in Chinese', async () => {
        const lines = await inWorkspace('{ "locale": "zh-CN" }', withComment('  // opsbook-ignore cpa-exceded goal-overcommitted'));
        expect(lines.filter(l => l.startsWith('unused-suppression'))).toEqual([
            "unused-suppression 44:21-44:32 没有名为 'cpa-exceded' 的规则，这条 opsbook-ignore 不起作用：是不是 'cpa-exceeded'？",
            'unused-suppression 44:33-44:51 opsbook-ignore goal-overcommitted 没有屏蔽任何提示：下一行并没有 goal-overcommitted 问题，可以删掉'
        ]);
    });
});
