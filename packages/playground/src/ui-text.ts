// The playground page's own words, in both languages (the editor's messages come from the language
// server, which speaks the language chosen here).
export type UiLocale = 'en' | 'zh-CN';

export interface UiText {
    example: string;
    language: string;
    copyLink: string;
    linkCopied: string;
    exportHtml: string;
    plan: string;
    checking: string;
    noProblems: string;
    problems(errors: number, warnings: number): string;
    planRefused(reason: string): string;
    planUpdated(time: string): string;
}

export const UI_TEXT: Record<UiLocale, UiText> = {
    en: {
        example: 'Example',
        language: 'Language',
        copyLink: 'Copy link',
        linkCopied: 'Link copied',
        exportHtml: 'Export as HTML',
        plan: 'Plan',
        checking: 'Checking…',
        noProblems: '✓ No problems',
        problems: (errors, warnings) =>
            `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
        planRefused: reason => `The plan is shown again once the playbook has no errors. ${reason}`,
        planUpdated: time => `Plan updated at ${time}`
    },
    'zh-CN': {
        example: '示例',
        language: '语言',
        copyLink: '复制链接',
        linkCopied: '链接已复制',
        exportHtml: '导出 HTML',
        plan: '执行计划',
        checking: '检查中…',
        noProblems: '✓ 没有问题',
        problems: (errors, warnings) => `${errors} 个错误，${warnings} 个警告`,
        planRefused: reason => `运营手册没有错误后会重新显示执行计划。${reason}`,
        planUpdated: time => `执行计划已于 ${time} 更新`
    }
};
