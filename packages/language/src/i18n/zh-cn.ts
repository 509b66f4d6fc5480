// 简体中文目录：不属于某一条规则的消息（相关位置、实际数据 CSV），加上从规则注册表（rules/*.ts）
// 收集的每条规则的中文消息。共用的词语和标点在 words.ts。与 en.ts 一一对应，说明哪里不对、相关数字，以及怎样改。

import { ruleMessages } from '../rules/index.js';
import type { MessageCatalogue } from './catalogue.js';
import { zh } from './words.js';

const { f } = zh;

export const ZH_CN: MessageCatalogue = {
    ...ruleMessages('zh-CN'),

    actualsDuplicateRow: ({ line, date, metric, channel, level }) =>
        `与第 ${line} 行的日期、指标和渠道相同（${date}，${metric}，${channel === '' ? '未填渠道' : channel}）：${level ? '以后一行为准' : '两行的数值会相加'}；如果是重复导出的，请删除其中一行`,

    relatedDelivery: ({ from, amount, unit }) => `${from} 交付 ${f.qty(amount, unit)}`,
    relatedSubGoal: ({ goal, amount, unit }) => `子目标 ${goal} 的目标为 ${f.qty(amount, unit)}`,
    relatedBudget: ({ name, amount, currency }) => `${name}：预算 ${f.money(amount, currency)}`,
    relatedResponsibility: ({ person, workstream, share }) => `${person} 在 ${workstream} 中负责 ${f.points(share)}`,
    relatedKpi: ({ subject, weight }) => `${subject}：权重 ${f.points(weight)}`,
    relatedForecastFigure: ({ who, amount, unit }) => `${who === 'sales' ? '销售' : who === 'finance' ? '财务' : '市场'}预测：${f.amount(amount, unit)}`,
    relatedPartOf: ({ goal, parent }) => `${goal} 是 ${parent} 的一部分`,
    relatedGoal: ({ goal }) => `目标 ${goal}`,
    relatedMonitor: ({ metric }) => `监测 ${metric}，未按渠道`
};
