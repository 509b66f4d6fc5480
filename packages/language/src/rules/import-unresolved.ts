import { defineRule } from './rule.js';

/** The messages of `import-unresolved`: one per kind of finding, with the figures it needs. */
export type ImportUnresolvedMessages = {
    importMissing(a: { path: string }): string;
    importNotOps(a: { path: string }): string;
    importOutsideRoot(a: { path: string; root: string }): string;
};

const EN: ImportUnresolvedMessages = {
    importMissing: ({ path }) => `cannot import "${path}": no such file next to this one`,
    importNotOps: ({ path }) => `cannot import "${path}": only .ops files can be imported`,
    importOutsideRoot: ({ path, root }) => `cannot import "${path}": it lies outside the workspace root ${root}`
};

const ZH_CN: ImportUnresolvedMessages = {
    importMissing: ({ path }) => `无法导入 "${path}"：同一目录下没有这个文件`,
    importNotOps: ({ path }) => `无法导入 "${path}"：只能导入 .ops 文件`,
    importOutsideRoot: ({ path, root }) => `无法导入 "${path}"：它在工作区根目录 ${root} 之外`
};

export const importUnresolved = defineRule({
    id: 'import-unresolved',
    severity: 'error',
    family: 'structure',
    reportedBy: ['language/src/validation/structure-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'An import names a missing file, a file that is not `.ops`, or one outside the workspace root (the nearest folder with `opsbook.json` or `.git`).',
        'zh-CN': '导入的文件不存在、不是 `.ops` 文件，或位于工作区根目录（最近的含 `opsbook.json` 或 `.git` 的目录）之外。'
    },
    fixes: []
});
