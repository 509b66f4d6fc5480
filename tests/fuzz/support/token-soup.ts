// Random token soups: sequences built from the grammar's own keywords and from every kind of literal
// the lexer knows (numbers with suffixes, percentages, dates, strings, names in several scripts),
// plus the near-misses people type (full-width punctuation, malformed dates, unterminated strings and
// comments), joined by every kind of whitespace and line ending.

import fc from 'fast-check';
import { AstUtils, GrammarAST } from 'langium';
import { createOpsbookServices } from '../../../packages/language/src/lsp/index.js';
import { EmptyFileSystem } from 'langium';

/** Every keyword of the grammar, read from the grammar itself so new keywords join the soup. */
export const GRAMMAR_KEYWORDS: readonly string[] = (() => {
    const grammar = createOpsbookServices(EmptyFileSystem).Opsbook.Grammar;
    const words = new Set<string>();
    for (const node of AstUtils.streamAst(grammar)) {
        if (GrammarAST.isKeyword(node)) words.add(node.value);
    }
    return [...words].sort();
})();

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

export const numberToken: fc.Arbitrary<string> = fc
    .tuple(
        digits(1, 6),
        fc.array(digits(3, 3), { maxLength: 2 }),
        fc.option(digits(1, 3), { nil: undefined }),
        fc.constantFrom('', '', 'k', 'M', '万', '亿', 'K', 'm', 'e5')
    )
    .map(([head, groups, fraction, suffix]) => `${[head, ...groups].join('_')}${fraction ? `.${fraction}` : ''}${suffix}`);

export const hugeNumberToken: fc.Arbitrary<string> = fc
    .tuple(digits(15, 40), fc.constantFrom('', 'k', 'M', '万', '亿'))
    .map(([d, s]) => `${d}${s}`);

export const percentToken: fc.Arbitrary<string> = fc
    .tuple(digits(1, 4), fc.option(digits(1, 2), { nil: undefined }), fc.constantFrom('%', '%', ' %', '％'))
    .map(([d, f, p]) => `${d}${f ? `.${f}` : ''}${p}`);

export const dateToken: fc.Arbitrary<string> = fc.oneof(
    fc
        .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    fc
        .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 40 }))
        .map(([y, m, d]) => `${y}-${m}-${d}`),
    fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 9 })).map(([y, q]) => `${y}-Q${q}`),
    fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 13 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`)
);

export const nameToken: fc.Arbitrary<string> = fc.oneof(
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/),
    fc.constantFrom(
        '渠道A',
        '小王_3',
        '种子用户',
        '营收',
        '团队',
        'café',
        'Ωmega',
        'SEO',
        'GMV',
        'CNY',
        'USD',
        '元',
        'alice',
        'signups',
        'attendance',
        'seed_users',
        'onboarding'
    ),
    fc.constantFrom(...GRAMMAR_KEYWORDS).map(keyword => `^${keyword}`)
);

export const stringToken: fc.Arbitrary<string> = fc.oneof(
    fc.string({ maxLength: 20 }).map(s => `"${s.replace(/["\\\r\n]/g, '')}"`),
    fc.constantFrom('"esc \\" \\\\ \\n"', '"<script>alert(1)</script>"', '"| a | b |"', '"`code`"', '"unterminated', '"\\', '""'),
    fc.string({ unit: 'grapheme', maxLength: 12 }).map(s => `"${s.replace(/["\\\r\n]/g, '')}"`)
);

export const punctuationToken: fc.Arbitrary<string> = fc.constantFrom(
    '{',
    '}',
    '{',
    '}',
    '..',
    '->',
    ',',
    '=',
    '%',
    '^',
    '"',
    '.',
    '-',
    ':',
    '/',
    '*',
    '(',
    ')',
    '，',
    '％',
    '（',
    '）',
    '｛',
    '｝',
    '：',
    '１２',
    '\u0000',
    '\uFEFF',
    '\u00A0',
    '\u2028'
);

export const commentToken: fc.Arbitrary<string> = fc.oneof(
    fc.string({ maxLength: 15 }).map(s => `// ${s.replace(/[\r\n]/g, '')}\n`),
    fc.constantFrom('// opsbook-ignore goal-undercovered\n', '// opsbook-ignore\n', '/* block */', '/* unterminated', '*/')
);

export const whitespace: fc.Arbitrary<string> = fc.constantFrom(' ', ' ', ' ', '\n', '\r\n', '\r', '\t', '  \n  ', '');

export const soupToken: fc.Arbitrary<string> = fc.oneof(
    { arbitrary: fc.constantFrom(...GRAMMAR_KEYWORDS), weight: 8 },
    { arbitrary: nameToken, weight: 5 },
    { arbitrary: numberToken, weight: 3 },
    { arbitrary: hugeNumberToken, weight: 1 },
    { arbitrary: percentToken, weight: 2 },
    { arbitrary: dateToken, weight: 2 },
    { arbitrary: stringToken, weight: 2 },
    { arbitrary: punctuationToken, weight: 4 },
    { arbitrary: commentToken, weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 3 }), weight: 1 }
);

/** A soup of up to `maxTokens` tokens. */
export function tokenSoup(maxTokens = 120): fc.Arbitrary<string> {
    return fc
        .array(fc.tuple(soupToken, whitespace), { maxLength: maxTokens })
        .map(parts => parts.map(([token, space]) => token + space).join(''));
}

/** Arbitrary Unicode: any code point (lone surrogates included), graphemes, and ASCII-heavy text. */
export const unicodeText: fc.Arbitrary<string> = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.string({ maxLength: 400 })
);
