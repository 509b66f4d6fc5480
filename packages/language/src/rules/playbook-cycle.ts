import { defineRule } from './rule.js';

/** The messages of `playbook-cycle` (SPEC §8). */
export type PlaybookCycleMessages = {
    playbookCycle(a: { playbook: string; chain: readonly string[] }): string;
};

const EN: PlaybookCycleMessages = {
    playbookCycle: ({ chain }) =>
        `'part of' goes round in a loop between playbooks: ${chain.join(' → ')}; a playbook cannot be part of itself`
};

const ZH_CN: PlaybookCycleMessages = {
    playbookCycle: ({ chain }) => `运营手册之间的 'part of' 形成了循环：${chain.join(' → ')}；手册不能是它自己的一部分`
};

export const playbookCycle = defineRule({
    id: 'playbook-cycle',
    severity: 'error',
    family: 'organisation',
    reportedBy: ['language/src/validation/playbook-tree-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: '`part of` between playbooks loops back to this playbook: a playbook cannot break down itself. Remove one `part of` of the loop.',
        'zh-CN': '运营手册之间的 `part of` 绕回了这本手册：手册不能分解它自己。请去掉循环中的一个 `part of`。'
    },
    fixes: []
});
