import { defineRule } from './rule.js';

/** The messages of `invalid-config`: one per kind of finding, with the figures it needs. */
export type InvalidConfigMessages = {
    invalidConfig(a: { problem: string }): string;
};

const EN: InvalidConfigMessages = {
    invalidConfig: ({ problem }) => `${problem} (the defaults apply until it is fixed)`
};

const ZH_CN: InvalidConfigMessages = {
    invalidConfig: ({ problem }) => `${problem}（修正之前使用默认设置）`
};

export const invalidConfig = defineRule({
    id: 'invalid-config',
    severity: 'error',
    family: 'config',
    extension: true,
    reportedBy: ['language/src/lsp/server/config-diagnostics.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'opsbook.json has a problem (bad JSON, an unknown rule or setting, a bad value); the defaults apply until it is fixed.',
        'zh-CN': 'opsbook.json 有问题（JSON 错误、未知的规则或设置、取值不对）；修正之前使用默认设置。'
    },
    fixes: []
});
