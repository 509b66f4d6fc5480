import { defineRule } from './rule.js';

/** The messages of `unused-suppression`: one per kind of finding, with the figures it needs. */
export type UnusedSuppressionMessages = {
    /** `unused-suppression`: an `// opsbook-ignore` name that is not a rule id (`known: false`), or a rule that did not report on the next line. */
    unusedSuppression(a: { rule: string; known: boolean; suggestion?: string }): string;
};

const EN: UnusedSuppressionMessages = {
    unusedSuppression: ({ rule, known, suggestion }) =>
        known
            ? `opsbook-ignore ${rule} silences nothing: the next line has no ${rule} problem; remove it`
            : `'${rule}' is not a rule, so this opsbook-ignore silences nothing: ${suggestion ? `did you mean '${suggestion}'?` : 'remove it'}`
};

const ZH_CN: UnusedSuppressionMessages = {
    unusedSuppression: ({ rule, known, suggestion }) =>
        known
            ? `opsbook-ignore ${rule} 没有屏蔽任何提示：下一行并没有 ${rule} 问题，可以删掉`
            : `没有名为 '${rule}' 的规则，这条 opsbook-ignore 不起作用：${suggestion ? `是不是 '${suggestion}'？` : '可以删掉'}`
};

export const unusedSuppression = defineRule({
    id: 'unused-suppression',
    severity: 'warning',
    family: 'suppression',
    extension: true,
    reportedBy: ['language/src/validation/opsbook-document-validator.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'An `// opsbook-ignore` comment names something that is not a rule, or a rule that reports nothing on the next line: it silences nothing. The quick fix removes it.',
        'zh-CN': '`// opsbook-ignore` 注释里写的不是规则名，或者下一行并没有这条规则的提示：这条忽略注释不起作用。快速修复会把它删掉。'
    },
    fixes: ['remove-suppression']
});
