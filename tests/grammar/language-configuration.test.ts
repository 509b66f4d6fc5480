// packages/extension/language-configuration.json, compiled the way VS Code compiles it:
// `new RegExp(pattern, flags)` for the object form, `new RegExp(string)` for a plain string, and the
// word pattern then gets the g flag (keeping u) in ensureValidWordDefinition.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Pattern = string | { pattern: string; flags?: string };
const conf = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'packages', 'extension', 'language-configuration.json'), 'utf8')
) as {
    wordPattern: Pattern;
    indentationRules: { increaseIndentPattern: Pattern; decreaseIndentPattern: Pattern };
    folding: { markers: { start: Pattern; end: Pattern } };
    autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
    comments: { lineComment: string; blockComment: [string, string] };
};

const compile = (p: Pattern, extra = ''): RegExp =>
    typeof p === 'string' ? new RegExp(p, extra) : new RegExp(p.pattern, `${p.flags ?? ''}${extra}`);

describe('wordPattern', () => {
    const word = compile(conf.wordPattern, 'g');
    const words = (line: string) => [...line.matchAll(word)].map(m => m[0]);

    it('is compiled with the u flag (\\p{L} means nothing without it)', () => {
        expect(word.unicode).toBe(true);
    });

    it.each([
        ['target 20k signups by 2027-03-31', ['target', '20k', 'signups', 'by', '2027-03-31']],
        ['target 4.35亿 收入 by 2027-03-31', ['target', '4.35亿', '收入', 'by', '2027-03-31']],
        ['target at least 35% d30 by 2027-03-31', ['target', 'at', 'least', '35%', 'd30', 'by', '2027-03-31']],
        ['budget 60万元', ['budget', '60万元']],
        ['budget 1.2M USD', ['budget', '1.2M', 'USD']],
        ['delivers 20_000 seed_users to 渠道A', ['delivers', '20_000', 'seed_users', 'to', '渠道A']],
        ['person 小王_3 "王小明"', ['person', '小王_3', '王小明']],
        ['period 2027-Q1', ['period', '2027-Q1']],
        ['period 2027-03', ['period', '2027-03']],
        ['window 2027-01-20..2027-02-10', ['window', '2027-01-20', '2027-02-10']],
        ['owner ^by', ['owner', '^by']],
        ['goal attendance { owner onboarding }', ['goal', 'attendance', 'owner', 'onboarding']],
        ['fx USD = 7.1 CNY', ['fx', 'USD', '7.1', 'CNY']]
    ])('%s', (line, expected) => {
        expect(words(line)).toEqual(expected);
    });
});

describe('indentation rules', () => {
    const increase = compile(conf.indentationRules.increaseIndentPattern);
    const decrease = compile(conf.indentationRules.decreaseIndentPattern);

    it.each([
        ['playbook P "t" {', true],
        ['goal G {   // a comment', true],
        ['goal G { // a { comment }', true],
        ['goal G { /* note */', true],
        ['goal G "title with { brace" {', true],
        ['person alice { role "x"', true],
        ['goal G "title with { brace"', false],
        ['assessment alice { kpi SeedUsers weight 100% }', false],
        ['  owner alice', false],
        ['// goal G {', false],
        ['}', false]
    ])('increase after %j: %s', (line, expected) => {
        expect(increase.test(line)).toBe(expected);
    });

    it.each([
        ['}', true],
        ['  } // end', true],
        ['  owner alice }', false]
    ])('decrease on %j: %s', (line, expected) => {
        expect(decrease.test(line)).toBe(expected);
    });
});

describe('folding markers, comments, pairs', () => {
    it('folds // #region … // #endregion', () => {
        const start = compile(conf.folding.markers.start);
        const end = compile(conf.folding.markers.end);
        expect(start.test('// #region people')).toBe(true);
        expect(start.test('  //#region')).toBe(true);
        expect(start.test('// region "South China" is new')).toBe(false);
        expect(start.test('// #regional')).toBe(false);
        expect(end.test('// #endregion')).toBe(true);
        expect(start.test('// #endregion')).toBe(false);
    });

    it('declares the comment tokens and closes quotes outside strings and comments only', () => {
        expect(conf.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        const quote = conf.autoClosingPairs.find(p => p.open === '"');
        expect(quote?.notIn).toEqual(['string', 'comment']);
        expect(conf.autoClosingPairs.map(p => p.open)).toEqual(expect.arrayContaining(['{', '(', '"']));
    });
});
