import type { ElementType } from '../i18n/message.js';
import { en as E, zh as Z } from '../i18n/words.js';
import { defineRule } from './rule.js';

/** The messages of `duplicate-name`: one per kind of finding, with the figures it needs. */
export type DuplicateNameMessages = {
    duplicateNameLocal(a: { name: string; type: ElementType; line: number }): string;
    duplicateNameImported(a: { name: string; type: ElementType; file: string }): string;
    duplicateNameTwoImports(a: { name: string; first: string; second: string }): string;
    duplicateAssessment(a: { person: string; line: number }): string;
};

const EN: DuplicateNameMessages = {
    duplicateNameLocal: ({ name, type, line }) =>
        `'${name}' is already defined as ${E.a(type)} at line ${line}: each name may be used once in a file and its imports`,
    duplicateNameImported: ({ name, type, file }) =>
        `'${name}' is also defined as ${E.a(type)} in ${file}, which this file imports: rename one of them`,
    duplicateNameTwoImports: ({ name, first, second }) =>
        `'${name}' is defined in both ${first} and ${second}: a file may import each name once`,
    duplicateAssessment: ({ person, line }) => `${person} already has an assessment at line ${line}: put all of a person's KPIs in one`
};

const ZH_CN: DuplicateNameMessages = {
    duplicateNameLocal: ({ name, type, line }) =>
        `'${name}' 已在第 ${line} 行定义为${Z.el(type)}：在一个文件及其导入中，每个名称只能使用一次`,
    duplicateNameImported: ({ name, type, file }) => `'${name}' 也在导入的文件 ${file} 中定义为${Z.el(type)}：请重命名其中一个`,
    duplicateNameTwoImports: ({ name, first, second }) => `'${name}' 同时在 ${first} 和 ${second} 中定义：每个名称只能导入一次`,
    duplicateAssessment: ({ person, line }) => `${person} 在第 ${line} 行已有考核：请把一个人的所有 KPI 写在同一个考核中`
};

export const duplicateName = defineRule({
    id: 'duplicate-name',
    severity: 'error',
    family: 'structure',
    reportedBy: ['language/src/validation/structure-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'Two elements share one name in one scope (this file plus its imports). All kinds share one namespace: rename one.',
        'zh-CN': '同一作用域（本文件及其导入）中有两个元素同名。所有类型共用一个命名空间：请重命名其中一个。'
    },
    fixes: []
});
