// The snippets completion offers (packages/language/src/lsp/completion/element-snippets.ts): one snippet
// per element, and every expansion (each choice of each choice list) is valid Opsbook: no lexer, parser
// or syntax errors, no unknown enumerated value.
import { describe, expect, it } from 'vitest';
import { ELEMENT_SNIPPETS } from '../../packages/language/src/lsp/completion/element-snippets.js';
import { check } from '../helpers.js';

type Snippet = { prefix: string; body: string[]; description: string };
const snippets: Record<string, Snippet> = Object.fromEntries(
    ELEMENT_SNIPPETS.map(s => [s.name, { prefix: s.keyword, body: s.body, description: s.description }])
);

const ELEMENTS = [
    'import',
    'playbook',
    'strategy',
    'metric',
    'funnel',
    'goal',
    'channel',
    'campaign',
    'workstream',
    'person',
    'team',
    'assessment',
    'forecast',
    'monitor',
    'review'
];

const bodyOf = (s: Snippet) => s.body.join('\n');
const CHOICE = /\$\{(\d+)\|([^|]*)\|\}/g;

/** The snippet's text with every placeholder at its default and choice list n at option `pick(n)`. */
function expand(body: string, pick: (n: string) => number): string {
    return body
        .replace(CHOICE, (_, n: string, list: string) => list.split(',')[pick(n)] ?? '')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\}|\$\d+/g, '');
}

/** One expansion per option of each choice list (the other lists at their first option). */
function expansions(body: string): string[] {
    const lists = [...body.matchAll(CHOICE)].map(m => ({ n: m[1], size: m[2].split(',').length }));
    const out = [expand(body, () => 0)];
    for (const { n, size } of lists) {
        for (let i = 1; i < size; i++) out.push(expand(body, k => (k === n ? i : 0)));
    }
    return out;
}

describe('snippets', () => {
    it('cover every element', () => {
        const prefixes = Object.values(snippets).flatMap(s => s.prefix);
        for (const element of ELEMENTS) expect(prefixes).toContain(element);
    });

    it('have a description, tab stops and a final cursor', () => {
        for (const [name, s] of Object.entries(snippets)) {
            expect(s.description, name).toBeTruthy();
            expect(bodyOf(s), name).toMatch(/\$\{1[:|]/);
            expect(bodyOf(s), name).toMatch(/\$0/);
        }
    });

    it('offer the enumerations of SPEC §3 as choice lists', () => {
        const all = Object.values(snippets).map(bodyOf).join('\n');
        expect(all).toContain('|development,seed,growth,mature,decline|');
        expect(all).toContain('|acquisition,activation,retention,monetization,referral,brand,reactivation|');
        expect(all).toContain('|organic,paid,social,content,community,referral,partnership,email,offline,direct|');
        expect(all).toMatch(/\|[a-z,]*promotion[a-z,]*\|/);
        expect(all).toContain('|advisory,mandatory|');
        expect(all).toContain('|count,money,percent,number|');
        expect(all).toContain('|monday,tuesday,wednesday,thursday,friday,saturday,sunday|');
        expect(all).toContain('|en,zh-CN|');
    });

    for (const [name, s] of Object.entries(snippets)) {
        it(`expand to valid Opsbook: ${name}`, async () => {
            for (const text of expansions(bodyOf(s))) {
                const doc = await check(text);
                const { lexerErrors, parserErrors } = doc.parseResult;
                const problems = (doc.diagnostics ?? [])
                    // names the snippet refers to are defined by other snippets; an import needs a file
                    .filter(d => !['unresolved-reference', 'import-unresolved'].includes(String(d.code)))
                    .filter(d => d.severity === 1)
                    .map(d => `${d.code}: ${d.message}`);
                expect([...lexerErrors.map(e => e.message), ...parserErrors.map(e => e.message), ...problems], text).toEqual([]);
            }
        });
    }
});
