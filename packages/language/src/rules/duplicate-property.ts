import type { ElementType } from '../i18n/message.js';
import { en as E, zh as Z } from '../i18n/words.js';
import { defineRule } from './rule.js';

/** The messages of `duplicate-property`: one per kind of finding, with the figures it needs. */
export type DuplicatePropertyMessages = {
    // ---- structure (validation/structure-checks.ts) -----------------------------------------
    duplicateProperty(a: { phrase: string; elementType: ElementType; firstLine: number }): string;
};

const EN: DuplicatePropertyMessages = {
    duplicateProperty: ({ phrase, elementType, firstLine }) =>
        `'${phrase}' appears twice in ${E.a(elementType)} (first at line ${firstLine}): keep one`
};

const ZH_CN: DuplicatePropertyMessages = {
    duplicateProperty: ({ phrase, elementType, firstLine }) =>
        `'${phrase}' 在${Z.el(elementType)}中出现了两次（第一次在第 ${firstLine} 行）：请只保留一个`
};

export const duplicateProperty = defineRule({
    id: 'duplicate-property',
    severity: 'error',
    family: 'structure',
    reportedBy: ['language/src/validation/structure-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'A property that may appear once in a block appears twice. Keep one (only `fx`, `delivers`, `responsible`, `kpi`, `every`/`at` and `ask` repeat).',
        'zh-CN':
            '一个区块中只能出现一次的属性出现了两次，请保留一个（只有 `fx`、`delivers`、`responsible`、`kpi`、`every`/`at` 和 `ask` 可重复）。'
    },
    fixes: []
});
