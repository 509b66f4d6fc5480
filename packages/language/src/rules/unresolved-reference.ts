import type { ElementType } from '../i18n/message.js';
import { en as E, zh as Z } from '../i18n/words.js';
import { defineRule } from './rule.js';

/** The messages of `unresolved-reference`: one per kind of finding, with the figures it needs. */
export type UnresolvedReferenceMessages = {
    // ---- references (validation/opsbook-document-validator.ts) ------------------------------
    unresolvedWrongType(a: { name: string; actualType: ElementType; wantedType: ElementType }): string;
    unresolvedSuggest(a: { name: string; wantedType: ElementType; suggestion: string }): string;
    unresolvedUnknown(a: { name: string; wantedType: ElementType; noneVisible: boolean }): string;
};

const EN: UnresolvedReferenceMessages = {
    unresolvedWrongType: ({ name, actualType, wantedType }) => `'${name}' is ${E.a(actualType)}, not ${E.a(wantedType)}`,
    unresolvedSuggest: ({ name, wantedType, suggestion }) => `unknown ${E.word(wantedType)} '${name}': did you mean '${suggestion}'?`,
    unresolvedUnknown: ({ name, wantedType, noneVisible }) =>
        `unknown ${E.word(wantedType)} '${name}'${noneVisible ? ` (no ${E.word(wantedType)} is visible here; is an import missing?)` : ''}`
};

const ZH_CN: UnresolvedReferenceMessages = {
    unresolvedWrongType: ({ name, actualType, wantedType }) => `「${name}」是${Z.el(actualType)}，不是${Z.el(wantedType)}`,
    unresolvedSuggest: ({ name, wantedType, suggestion }) => `未知的${Z.word(wantedType)}「${name}」：是否应为「${suggestion}」？`,
    unresolvedUnknown: ({ name, wantedType, noneVisible }) =>
        `未知的${Z.word(wantedType)}「${name}」${noneVisible ? `（这里看不到任何${Z.word(wantedType)}；是不是少了 import？）` : ''}`
};

export const unresolvedReference = defineRule({
    id: 'unresolved-reference',
    severity: 'error',
    family: 'references',
    reportedBy: ['language/src/validation/opsbook-document-validator.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'A name does not resolve in this file or the files it imports directly. Fix the spelling, import the file that defines it, or declare it.',
        'zh-CN': '名称在本文件及其直接导入的文件中找不到。请修正拼写、导入定义它的文件，或声明它。'
    },
    fixes: ['replace-with-suggestion', 'add-import', 'create-element']
});
