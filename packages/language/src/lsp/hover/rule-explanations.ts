import type { RuleId } from '../../validation/rule-catalog.js';
import type { Locale } from '../../values/format.js';

/**
 * What each rule checks and how to satisfy it, shown when hovering a diagnostic (the full text with
 * examples is docs/rules.md, linked from the hover).
 */
const EN: Record<RuleId, string> = {
    'syntax-error': 'The text does not follow the Opsbook grammar. The message names what was expected at this point.',
    'duplicate-property': 'A property that may appear once in a block appears twice. Keep one (only `fx`, `delivers`, `responsible`, `kpi`, `every`/`at` and `ask` repeat).',
    'unresolved-reference': "A name does not resolve in this file or the files it imports directly. Fix the spelling, import the file that defines it, or declare it.",
    'duplicate-name': 'Two elements share one name in one scope (this file plus its imports). All kinds share one namespace: rename one.',
    'import-unresolved': 'An import names a missing file, a file that is not `.ops`, or one outside the workspace root (the nearest folder with `opsbook.json` or `.git`).',
    'invalid-date': 'A date that is not on the calendar or not written `YYYY-MM-DD` (periods also accept `YYYY-Qn`, `YYYY-MM`, `YYYY`).',
    'range-reversed': 'A range whose start is after its end.',
    'percent-range': 'A percentage outside 0–100% (capacity and responsible shares may not exceed 100%).',
    'unit-mismatch': "A quantity whose unit does not fit its metric's kind, a delivery in another metric than its goal's, or a currency without an `fx` rate to the playbook currency.",
    'goal-undercovered': 'What channels, campaigns and sub-goals plan for this additive goal adds up to less than its target. Add deliveries or raise them, or lower the target.',
    'goal-overcommitted': 'More than 150% of the target is planned (threshold `overcommitRatio` in opsbook.json): the plan or the target is probably wrong.',
    'goal-unplanned': 'Nothing delivers to, serves or decomposes this goal: add a `delivers … to` it, a `serves`, or a `part of` sub-goal.',
    'goal-cycle': '`part of` chains loop back to this goal: a goal cannot be part of itself.',
    'playbook-cycle': '`part of` between playbooks loops back to this playbook: a playbook cannot break down itself. Remove one `part of` of the loop.',
    'budget-overrun': 'Channel and campaign budgets, and the budgets of child playbooks (`part of` this one), together exceed the playbook budget.',
    'cpa-exceeded': "The channel's budget divided by what it delivers of its first count metric is above its `cpa at most`.",
    'assumption-mismatch': "`assumes` volume × rate differs by more than 1% from what the channel delivers of the funnel's next metric.",
    'funnel-order': 'A goal for a later funnel step has a higher target than the goal for an earlier step: more people cannot come out of a funnel than go in.',
    'date-outside-period': "A goal deadline, campaign window or review date lies outside the playbook period, or a child playbook's period lies outside its parent's.",
    'late-contribution': "A campaign delivers to a goal whose deadline is before the campaign's window starts.",
    'owner-missing': 'Every goal, channel, campaign and workstream needs one owner (`accountable` for a workstream).',
    'capacity-overload': "A person's `responsible` shares add up to more than their capacity.",
    'kpi-weights': "An assessment's KPI weights must add up to 100%.",
    'owner-not-assessed': "A person owns a goal that their assessment does not name: add `kpi GOAL weight …` to it.",
    'forecast-spread': 'The three forecasts disagree: (max − min) ÷ median is above 20% (threshold `forecastSpread`).',
    'forecast-decision-outside': 'The decided figure lies outside the range of the three forecasts.',
    'goal-forecast-mismatch': "The goal's target differs from the figure decided by its forecast.",
    'stage-focus': "The strategy's focus does not suit the playbook's lifecycle stage (see the stage/focus table).",
    'metric-unmonitored': "A goal's metric has no `monitor`: nobody would notice if it went off track.",
    'channel-unattributed': 'Channels deliver a monitored metric, but no monitor of it is `by channel`: their traffic quality cannot be compared.',
    'no-review': 'A playbook with no `review`: the cycle of monitoring, analysis and adjustment has no date.',
    'mandatory-unscheduled': 'A `binding mandatory` campaign needs a `window` and an `owner`.',
    'unknown-value': 'A word that is not one of the allowed values of its property (stage, focus, kind, type, binding, every, on, per, locale).',
    'number-too-large': 'A number at or above 10^15: almost surely a typo such as a doubled suffix.',
    'invalid-config': 'opsbook.json has a problem (bad JSON, an unknown rule or setting, a bad value); the defaults apply until it is fixed.',
    'unreadable-file': 'The file cannot be read or is not UTF-8 text (reported by `opsbook check` at the first bad byte); it was not checked. Save it as UTF-8.',
    'unused-suppression': 'An `// opsbook-ignore` comment names something that is not a rule, or a rule that reports nothing on the next line: it silences nothing. The quick fix removes it.'
};

const ZH_CN: Record<RuleId, string> = {
    'syntax-error': '文本不符合 Opsbook 语法。消息说明了此处应当出现什么。',
    'duplicate-property': '一个区块中只能出现一次的属性出现了两次，请保留一个（只有 `fx`、`delivers`、`responsible`、`kpi`、`every`/`at` 和 `ask` 可重复）。',
    'unresolved-reference': '名称在本文件及其直接导入的文件中找不到。请修正拼写、导入定义它的文件，或声明它。',
    'duplicate-name': '同一作用域（本文件及其导入）中有两个元素同名。所有类型共用一个命名空间：请重命名其中一个。',
    'import-unresolved': '导入的文件不存在、不是 `.ops` 文件，或位于工作区根目录（最近的含 `opsbook.json` 或 `.git` 的目录）之外。',
    'invalid-date': '日期不在日历上，或未按 `YYYY-MM-DD` 书写（period 还接受 `YYYY-Qn`、`YYYY-MM`、`YYYY`）。',
    'range-reversed': '区间的开始晚于结束。',
    'percent-range': '百分比超出 0–100%（产能和执行份额不得超过 100%）。',
    'unit-mismatch': '数量的单位与指标类型不符，交付的指标与目标的指标不同，或某币种没有到剧本币种的 `fx` 汇率。',
    'goal-undercovered': '渠道、活动和子目标为这个可累加目标规划的量合计少于目标。请增加或提高交付，或降低目标。',
    'goal-overcommitted': '规划量超过目标的 150%（opsbook.json 中的 `overcommitRatio`）：规划或目标可能有误。',
    'goal-unplanned': '没有任何交付、支持或子目标指向这个目标：请添加 `delivers … to`、`serves` 或 `part of` 子目标。',
    'goal-cycle': '`part of` 链条绕回了这个目标：目标不能是自己的一部分。',
    'playbook-cycle': '运营手册之间的 `part of` 绕回了这本手册：手册不能分解它自己。请去掉循环中的一个 `part of`。',
    'budget-overrun': '渠道和活动的预算，加上下级运营手册（`part of` 本手册）的预算，合计超过了剧本总预算。',
    'cpa-exceeded': '渠道预算除以其第一个计数指标的交付量，高于 `cpa at most` 上限。',
    'assumption-mismatch': '`assumes` 的流量 × 转化率，与渠道交付的漏斗下一步指标相差超过 1%。',
    'funnel-order': '漏斗后一步的目标高于前一步的目标：从漏斗出来的人不可能比进去的多。',
    'date-outside-period': '目标截止日、活动窗口或复盘日期在剧本周期之外，或下级运营手册的期间超出了上级的期间。',
    'late-contribution': '活动交付给一个截止日早于活动开始的目标。',
    'owner-missing': '每个目标、渠道、活动和工作流都需要一位负责人（工作流为 `accountable`）。',
    'capacity-overload': '某人的 `responsible` 份额合计超过了其产能。',
    'kpi-weights': '考核中各 KPI 的权重之和必须为 100%。',
    'owner-not-assessed': '某人负责一个目标，但其考核中没有该目标：请添加 `kpi 目标 weight …`。',
    'forecast-spread': '三个预测分歧过大：(最大 − 最小) ÷ 中位数 超过 20%（阈值 `forecastSpread`）。',
    'forecast-decision-outside': '决定的数字不在三个预测的范围内。',
    'goal-forecast-mismatch': '目标值与其预测中决定的数字不同。',
    'stage-focus': '策略重点与剧本所处的生命周期阶段不相称（见阶段/重点对照表）。',
    'metric-unmonitored': '目标的指标没有 `monitor`：偏离轨道时无人察觉。',
    'channel-unattributed': '多个渠道交付一个被监测的指标，但没有按渠道（`by channel`）监测：无法比较各渠道的流量质量。',
    'no-review': '剧本没有 `review`：监测、分析和调整的循环没有固定日期。',
    'mandatory-unscheduled': '`binding mandatory` 的活动需要 `window` 和 `owner`。',
    'unknown-value': '属性的取值不在允许的范围内（stage、focus、kind、type、binding、every、on、per、locale）。',
    'number-too-large': '数字达到或超过 10^15：多半是写错了，比如后缀重复。',
    'invalid-config': 'opsbook.json 有问题（JSON 错误、未知的规则或设置、取值不对）；修正之前使用默认设置。',
    'unreadable-file': '文件无法读取，或不是 UTF-8 编码的文本（`opsbook check` 在第一个无效字节处报告），因此没有检查。请将文件另存为 UTF-8 编码。',
    'unused-suppression': '`// opsbook-ignore` 注释里写的不是规则名，或者下一行并没有这条规则的提示：这条忽略注释不起作用。快速修复会把它删掉。'
};

export function ruleExplanation(rule: RuleId, locale: Locale): string {
    return (locale === 'zh-CN' ? ZH_CN : EN)[rule];
}
