import { describe, expect, it } from 'vitest';
import { check } from '../helpers.js';

/** The syntax errors of a text as `line:col-line:col message` (1-based), other rules left out. */
async function syntaxErrors(text: string): Promise<string[]> {
    const document = await check(text);
    return (document.diagnostics ?? [])
        .filter(d => d.code === 'syntax-error')
        .map(
            d =>
                `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.message}`
        );
}

describe('syntax-error: messages in words a planner understands', () => {
    it('names the property that does not belong and lists the ones that do', async () => {
        expect(await syntaxErrors('goal G {\n  budget 5k CNY\n}')).toEqual([
            "2:3-2:9 'budget' is not a property of a goal: expected target, milestone, owner, strategy, part of or '}'"
        ]);
        expect(await syntaxErrors('channel C { region "x" }')).toEqual([
            "1:13-1:19 'region' is not a property of a channel: expected kind, owner, budget, cpa at most, assumes, delivers or '}'"
        ]);
    });

    it('explains the expected form of a date after by', async () => {
        expect(await syntaxErrors('goal G { target 20k signups by March }')).toEqual([
            "1:32-1:37 expected a date like 2027-03-31 after 'by', found 'March'"
        ]);
    });

    it('names full-width characters and their ASCII replacement', async () => {
        expect(await syntaxErrors('goal G { target 20％ d30 by 2027-03-31 }')).toEqual([
            "1:19-1:20 full-width character '％': type the ASCII '%' instead (switch the input method to half-width)"
        ]);
        expect(await syntaxErrors('workstream W { consulted a， b }')).toEqual([
            "1:27-1:28 full-width character '，': type the ASCII ',' instead (switch the input method to half-width)"
        ]);
        expect(await syntaxErrors('goal G ｛ }')).toEqual([
            "1:8-1:9 full-width character '｛': type the ASCII '{' instead (switch the input method to half-width)"
        ]);
    });

    it('reports full-width digits and letters, also inside a name', async () => {
        expect(await syntaxErrors('metric 渠道１ count')).toEqual([
            "1:10-1:11 full-width character '１': type the ASCII '1' instead (switch the input method to half-width)"
        ]);
        expect(await syntaxErrors('goal G { target ２０ x by 2027-01-01 }')).toEqual([
            "1:17-1:19 full-width character '２': type the ASCII '2' instead (switch the input method to half-width)"
        ]);
    });

    it('rejects a space between a number and %', async () => {
        expect(await syntaxErrors('goal G { target 4 % d30 by 2027-03-31 }')).toEqual([
            "1:19-1:20 a '%' must follow its number directly, as in 4%"
        ]);
    });

    it('names the elements that may start a declaration', async () => {
        expect(await syntaxErrors('golas G {}')).toEqual([
            "1:1-1:6 expected an element (import, playbook, strategy, metric, funnel, goal, channel, campaign, workstream, person, team, assessment, forecast, monitor, review), found 'golas'"
        ]);
    });

    it('reports an unterminated string once', async () => {
        expect(await syntaxErrors('person x { role "Growth lead }')).toEqual([
            '1:17-1:18 unterminated text: a quoted text must end with " on the same line'
        ]);
    });

    it('reserves by and to: they cannot be names unless escaped', async () => {
        expect(await syntaxErrors('person by')).toEqual(["1:8-1:10 expected a name after 'person', found 'by'"]);
        expect(await syntaxErrors('person ^by')).toEqual([]);
    });
});
