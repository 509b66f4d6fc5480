// 简体中文消息：与 en.ts 一一对应，说明哪里不对、相关数字，以及怎样改。

import { describeElementType } from '../util/element-words.js';
import type { Decimal } from '../values/decimal.js';
import type { ContributionPart, ContributionSource, ExpectedToken, FoundToken, MessageCatalogue } from './catalogue.js';
import { ELEMENT_KEYWORDS } from './en.js';
import { TextFormatter, type UnitText } from './text.js';

const f = new TextFormatter('zh-CN');
const el = (type: string) => describeElementType(type, true, 'zh-CN');
const word = (type: string) => describeElementType(type, false, 'zh-CN');

const VALUE_WHAT: Record<string, string> = {
    stage: '阶段（stage）', focus: '重点（focus）', kind: '渠道类型（kind）', type: '活动类型（type）', binding: '约束（binding）',
    every: "频率（every）", weekday: "星期（on）", per: "周期（per）", locale: '语言（locale）'
};

const KIND: Record<string, string> = { count: '计数（count）', money: '金额（money）', percent: '百分比（percent）', number: '数值（number）' };

const SOURCE: Record<ContributionSource, string> = {
    channels: '渠道共交付',
    campaigns: '活动共交付',
    'channels-campaigns': '渠道和活动共交付',
    'sub-goals': '子目标合计',
    'deliveries-sub-goals': '交付和子目标合计',
    none: '没有交付'
};

const TERMINALS: Record<string, string> = {
    DATE: '日期（如 2027-03-31）',
    QUARTER: '季度（如 2027-Q1）',
    MONTH: '月份（如 2027-01）',
    NUMBER: '数字',
    PERCENT: '百分比（如 35%）',
    STRING: '带引号的文字',
    ID: '名称',
    EOF: '文件结尾'
};

/** An amount without its currency (the target names it once): `30,000,000`, `35%`. */
function bare(amount: Decimal, unit: UnitText): string {
    return unit.kind === 'percent' ? f.points(amount) : f.num(amount);
}

/** Contributions as `中秋大促 30,000,000；华东销售额 50,000,000（华东.ops）`: the file only for another file's. */
function partList(parts: readonly ContributionPart[], unit: UnitText): string {
    return parts.map(p => `${p.name} ${bare(p.amount, unit)}${p.file !== undefined ? `（${p.file}）` : ''}`).join('；');
}

function expectedWord(token: ExpectedToken): string {
    return 'terminal' in token ? (TERMINALS[token.terminal] ?? `'${token.terminal}'`) : `'${token.keyword}'`;
}

function found(token: FoundToken): string {
    if (token.kind === 'eof') return '文件结尾';
    if (token.kind === 'text') return `文字 ${token.image}`;
    return `'${token.image}'`;
}

function abs(value: Decimal): string {
    return f.points(value.abs());
}

export const ZH_CN: MessageCatalogue = {
    dateMalformed: ({ text, example }) => `${text} 不是日期：请写成 YYYY-MM-DD，例如 ${example}`,
    dateNotOnCalendar: ({ text, reason, year, month, days }) => {
        const not = `日历上没有 ${text}`;
        if (reason === 'year-zero') return `${not}：没有 0 年`;
        if (reason === 'month-range') return `${not}：月份是 01 到 12`;
        if (reason === 'day-start') return `${not}：日期从 01 开始`;
        return `${not}：${year} 年 ${month} 月只有 ${days} 天`;
    },
    periodInvalid: ({ text, expected, example }) => {
        if (expected === 'quarter') return `${text} 不是季度：请写 YYYY-Q1 … YYYY-Q4`;
        if (expected === 'month') return `${text} 不是月份：请写成 YYYY-MM，例如 ${example}`;
        if (expected === 'month-range') return `${text} 不是月份：月份是 01 到 12`;
        if (expected === 'year-zero') return `${text} 不是期间：没有 0 年`;
        return `${text} 不是期间：请写 YYYY-MM-DD .. YYYY-MM-DD、YYYY-Qn（2027-Q1）、YYYY-MM（2027-01）或 YYYY（2027）`;
    },
    rangeReversed: ({ what, start, end }) =>
        `${what === 'period' ? '期间（period）' : '时间窗口（window）'} ${start} .. ${end} 的结束早于开始：请把较早的日期写在前面（${end} .. ${start}）`,
    percentRange: ({ text, what }) => {
        if (what === 'capacity') return `产能（capacity）${text} 超过 100%：一个人的产能最多 100%（全部时间）`;
        if (what === 'share') return `负责份额 ${text} 超过 100%：占个人产能的份额最多 100%`;
        return `${text} 超出 0–100% 的范围：百分比在 0% 到 100% 之间`;
    },
    numberTooLarge: ({ text }) => `${text} 太大：运营手册中的数字必须小于 1,000,000,000,000,000（单位后缀写错了吗？）`,
    actualsDuplicateRow: ({ line, date, metric, channel, level }) =>
        `与第 ${line} 行的日期、指标和渠道相同（${date}，${metric}，${channel === '' ? '未填渠道' : channel}）：${level ? '以后一行为准' : '两行的数值会相加'}；如果是重复导出的，请删除其中一行`,
    unknownValue: ({ what, word: value, expected, suggestion }) =>
        `未知的${VALUE_WHAT[what] ?? what} '${value}'：${suggestion ? `是不是 '${suggestion}'？` : ''}可选值为 ${f.list(expected, 'or')}`,
    metricKindUnknown: ({ metric, word: kind, suggestion }) =>
        `指标 ${metric} 的类型 '${kind}' 未知：${suggestion ? `是不是 '${suggestion}'？` : ''}可选值为 count、money、percent 或 number`,
    quantityWantsNumber: ({ metric, kind, text }) =>
        `${text} 是百分比，但 ${metric} 是${KIND[kind] ?? kind}指标：请写 ${metric} 的数量${kind === 'money' ? '（可带币种）' : ''}，或改用百分比指标`,
    quantityWantsPercent: ({ metric, text }) => `${metric} 是百分比指标：请写百分比，例如 ${text}% ${metric}`,
    currencyOnCount: ({ metric, kind, currency, value }) =>
        `${metric} 是${KIND[kind] ?? kind}指标，不带币种：请写 ${value} ${metric}，或把 ${metric} 定义为金额指标（而不是 ${currency}）`,
    currencyNotIso: ({ code, suggestion }) =>
        `'${code}' 不是 ISO 4217 币种代码：${suggestion ? `是不是 ${suggestion}？` : '请写三个字母的代码，如 CNY、USD 或 EUR'}`,
    currencyNoFx: ({ code, base }) => `没有从 ${code} 到 ${base} 的汇率：请在 playbook 中加上 'fx ${code} = … ${base}'`,
    deliveryMetricMismatch: ({ from, metric, goal, goalMetric }) =>
        `${from} 向 ${goal} 交付 ${metric}，但该目标以 ${goalMetric} 计：请交付 ${goalMetric}，或改为交付给以 ${metric} 计的目标（这条交付不计入 ${goal}）`,
    funnelStepNotCount: ({ funnel, metric, kind }) =>
        `${metric} 是${KIND[kind] ?? kind}指标：漏斗 ${funnel} 的每一步都必须是计数指标（到达该步的人数）`,
    amountWrongUnit: ({ goal, metric, kind, text }) =>
        `${text} 与 ${goal} 的指标 ${metric}（${KIND[kind] ?? kind}）不符：请写${kind === 'percent' ? '百分比，如 35%' : kind === 'money' ? '金额，如 300k CNY' : '数字，如 4000'}`,

    goalUndercovered: ({ goal, source, planned, target, unit, coverage, shortfall, parts }) => parts
        ? `${goal}：计划 ${bare(planned, unit)} / ${f.qty(target, unit)}（${f.pct(coverage)}），还差 ${bare(shortfall, unit)}：${partList(parts, unit)}`
        : source === 'none'
        ? `${goal}：没有任何交付数字，计划 0 / ${f.qty(target, unit)}；请在为它工作的渠道和活动里加上 'delivers … to ${goal}'`
        : `${goal}：${SOURCE[source]} ${f.amount(planned, unit)} / ${f.qty(target, unit)}（${f.pct(coverage)}），还差 ${f.amount(shortfall, unit)}；请再计划 ${f.amount(shortfall, unit)} 或降低目标`,
    goalOvercommitted: ({ goal, source, planned, target, unit, coverage, limit, excess, parts }) => parts
        ? `${goal}：计划 ${bare(planned, unit)} / ${f.qty(target, unit)}（${f.pct(coverage)}），超过目标的 ${f.pct(limit)}，多承诺了 ${bare(excess, unit)}：${partList(parts, unit)}`
        : `${goal}：${SOURCE[source]} ${f.amount(planned, unit)} / ${f.qty(target, unit)}（${f.pct(coverage)}），超过目标的 ${f.pct(limit)}；多承诺了 ${f.amount(excess, unit)}：请减少交付或提高目标`,
    goalUnplanned: ({ goal }) =>
        `没有任何渠道、活动、工作版块或子目标支撑 ${goal}：请在渠道或活动中加上 'delivers … to ${goal}'，在活动或工作版块中加上 'serves ${goal}'，或增加 'part of ${goal}' 的子目标`,
    goalCycle: ({ chain }) => `'part of' 形成了循环：${chain.join(' → ')}；目标不能是它自己的一部分`,
    budgetOverrun: ({ allocated, channels, campaigns, total, over, currency }) =>
        `渠道和活动预算合计 ${f.money(allocated, currency)}（渠道 ${f.money(channels, currency)}，活动 ${f.money(campaigns, currency)}），比总预算 ${f.money(total, currency)} 多出 ${f.money(over, currency)}：请削减预算或提高总预算`,
    cpaExceeded: ({ channel, cost, budget, units, metric, limit, currency, unitsNeeded, budgetAllowed }) =>
        `${channel} 的 ${f.num(units)} ${metric} 每个成本 ${f.money(cost, currency)}（预算 ${f.money(budget, currency)}），高于 'cpa at most' 上限 ${f.money(limit, currency)}：请至少交付 ${f.num(unitsNeeded)} ${metric}，或把预算降到 ${f.money(budgetAllowed, currency)}`,
    assumptionMismatch: ({ channel, volume, metric, rate, derived, nextMetric, delivered, tolerance }) =>
        `${channel} 预估 ${f.num(volume)} ${metric} × ${f.points(rate)} = ${f.num(derived)} ${nextMetric}，但交付的是 ${delivered.isZero() ? `0 ${nextMetric}` : `${f.num(delivered)} ${nextMetric}`}：请让预估与交付一致（误差不超过 ${f.pct(tolerance)}）`,
    funnelOrder: ({ goal, target, metric, earlierGoal, earlierTarget, earlierMetric, funnel }) =>
        `${goal} 的目标 ${f.num(target)} ${metric} 超过了漏斗 ${funnel} 中更早一步 ${earlierGoal} 的 ${f.num(earlierTarget)} ${earlierMetric}：越往后到达的人越少，请降低这个目标或提高 ${earlierGoal} 的目标`,
    dateOutsidePeriod: ({ what, name, text, period }) => {
        const subject = what === 'deadline' ? `${name} 的截止日期 ${text}` : what === 'window' ? `${name} 的时间窗口 ${text}` : `复盘 ${name} 的日期 ${text}`;
        return `${subject}不在运营期间 ${period} 内：请移到期间内，或放宽期间`;
    },
    lateContribution: ({ campaign, start, goal, deadline }) =>
        `${campaign} 于 ${start} 开始，晚于 ${goal} 的截止日期 ${deadline}：它的交付来得太晚；请提前开始，或改为交付给更晚的目标`,
    ownerMissing: ({ type, name, accountable }) => accountable
        ? `工作版块 ${name} 没有负责人（accountable）：请加上 'accountable 人员'`
        : `${word(type)} ${name} 没有负责人：请加上 'owner 人员'`,
    capacityOverload: ({ person, load, capacity, parts, over }) =>
        `${person} 负责的份额合计 ${f.points(load)}，超过产能 ${f.points(capacity)}（${parts.map(p => `${p.workstream} ${f.points(p.share)}${p.where !== undefined ? `（${p.where}）` : ''}`).join(' + ')}），超出 ${f.points(over)}：请降低份额、分担工作，或提高 ${person} 的产能`,
    kpiWeights: ({ person, total, parts }) => {
        const difference = total.sub(100);
        return `${person} 的 KPI 权重合计 ${f.points(total)}（${parts.map(p => f.points(p)).join(' + ')}），不是 100%：${difference.sign() > 0 ? `请减少 ${abs(difference)}` : `请补上 ${abs(difference)}`}`;
    },
    kpiWeightsEmpty: ({ person }) => `${person} 的考核没有任何 KPI：请加上权重合计为 100% 的 'kpi … weight …%'`,
    ownerNotAssessed: ({ person, goal, hasAssessment }) => hasAssessment
        ? `${person} 负责 ${goal}，但 ${person} 的考核没有包含它：请在 assessment ${person} 中加上 'kpi ${goal} weight …%'`
        : `${person} 负责 ${goal}，但没有考核：请加上 'assessment ${person} { kpi ${goal} weight 100% }'`,
    forecastSpread: ({ forecast, min, max, median, spread, threshold, unit }) =>
        `${forecast} 的三方预测从 ${f.amount(min, unit)} 到 ${f.amount(max, unit)}，差距为中位数 ${f.amount(median, unit)} 的 ${f.pct(spread)}（超过 ${f.pct(threshold)}）：请复核最高和最低预测背后的假设`,
    forecastDecisionOutside: ({ forecast, decided, min, max, unit }) =>
        `${forecast} 的决定值 ${f.amount(decided, unit)} 不在三方预测的范围 ${f.amount(min, unit)} – ${f.amount(max, unit)} 内：请说明理由或重新预测`,
    goalForecastMismatch: ({ goal, target, decided, forecast, unit }) =>
        `${goal} 的目标 ${f.amount(target, unit)} 与预测 ${forecast} 决定的 ${f.amount(decided, unit)} 不一致：请把目标改为决定值`,
    stageFocus: ({ focus, stage, suited }) =>
        `重点 ${focus} 不适合处于 ${stage} 阶段的产品：这个阶段应侧重 ${f.list(suited, 'or')}`,
    metricUnmonitored: ({ metric, goals }) =>
        `没有监测 ${metric}（${f.list(goals, 'and')} 的指标）：请加上 'monitor ${metric} { every week source "…" }'`,
    channelUnattributed: ({ metric, channels }) =>
        `渠道 ${f.list(channels, 'and')} 交付 ${metric}，但 ${metric} 的监测都没有按渠道（by channel）：请加上 'by channel'，看清每个渠道带来多少`,
    noReview: ({ playbook }) =>
        `运营手册 ${playbook} 没有复盘：请加上 'review 周复盘 { every week owner … covers … }'，用数据检验计划`,
    mandatoryUnscheduled: ({ campaign, missing }) =>
        `${campaign} 是必须执行的活动（mandatory），但没有${f.list(missing.map(m => (m === 'window' ? '时间窗口（window）' : '负责人（owner）')), 'or')}：约束性的计划需要时间窗口和负责人`,
    invalidConfig: ({ file, line, column, problem }) => `${file}:${line}:${column}：${problem}（修正之前使用默认设置）`,
    unusedSuppression: ({ rule, known, suggestion }) =>
        known
            ? `opsbook-ignore ${rule} 没有屏蔽任何提示：下一行并没有 ${rule} 问题，可以删掉`
            : `没有名为 '${rule}' 的规则，这条 opsbook-ignore 不起作用：${suggestion ? `是不是 '${suggestion}'？` : '可以删掉'}`,
    unreadableFile: ({ byte, code }) =>
        byte !== undefined
            ? `文件不是有效的 UTF-8 文本：此处的字节 0x${byte} 无法按 UTF-8 解码（文件可能是 GBK 等其他编码），因此未检查；请将文件另存为 UTF-8 编码`
            : `无法读取该文件（${code === 'EACCES' || code === 'EPERM' ? '权限不足' : (code ?? '读取出错')}），因此未检查`,

    relatedDelivery: ({ from, amount, unit }) => `${from} 交付 ${f.qty(amount, unit)}`,
    relatedSubGoal: ({ goal, amount, unit }) => `子目标 ${goal} 的目标为 ${f.qty(amount, unit)}`,
    relatedBudget: ({ name, amount, currency }) => `${name}：预算 ${f.money(amount, currency)}`,
    relatedResponsibility: ({ person, workstream, share }) => `${person} 在 ${workstream} 中负责 ${f.points(share)}`,
    relatedKpi: ({ subject, weight }) => `${subject}：权重 ${f.points(weight)}`,
    relatedForecastFigure: ({ who, amount, unit }) => `${who === 'sales' ? '销售' : who === 'finance' ? '财务' : '市场'}预测：${f.amount(amount, unit)}`,
    relatedPartOf: ({ goal, parent }) => `${goal} 是 ${parent} 的一部分`,
    relatedGoal: ({ goal }) => `目标 ${goal}`,
    relatedMonitor: ({ metric }) => `监测 ${metric}，未按渠道`,

    duplicateProperty: ({ phrase, elementType, firstLine }) => `'${phrase}' 在${el(elementType)}中出现了两次（第一次在第 ${firstLine} 行）：请只保留一个`,
    importMissing: ({ path }) => `无法导入 "${path}"：同一目录下没有这个文件`,
    importNotOps: ({ path }) => `无法导入 "${path}"：只能导入 .ops 文件`,
    importOutsideRoot: ({ path, root }) => `无法导入 "${path}"：它在工作区根目录 ${root} 之外`,
    duplicateNameLocal: ({ name, type, line }) => `'${name}' 已在第 ${line} 行定义为${el(type)}：在一个文件及其导入中，每个名称只能使用一次`,
    duplicateNameImported: ({ name, type, file }) => `'${name}' 也在导入的文件 ${file} 中定义为${el(type)}：请重命名其中一个`,
    duplicateNameTwoImports: ({ name, first, second }) => `'${name}' 同时在 ${first} 和 ${second} 中定义：每个名称只能导入一次`,
    duplicateAssessment: ({ person, line }) => `${person} 在第 ${line} 行已有考核：请把一个人的所有 KPI 写在同一个考核中`,

    unresolvedWrongType: ({ name, actualType, wantedType }) => `'${name}' 是${el(actualType)}，不是${el(wantedType)}`,
    unresolvedSuggest: ({ name, wantedType, suggestion }) => `未知的${word(wantedType)} '${name}'：是不是 '${suggestion}'？`,
    unresolvedUnknown: ({ name, wantedType, noneVisible }) =>
        `未知的${word(wantedType)} '${name}'${noneVisible ? `（这里看不到任何${word(wantedType)}；是不是少了 import？）` : ''}`,

    syntaxNotAProperty: ({ word: value, elementType, expected }) => `'${value}' 不是${el(elementType)}的属性：应为 ${f.list(expected, 'or')}`,
    syntaxExpected: ({ expected, previous, found: actual, atLeastOne }) =>
        `${previous ? `'${previous}' 之后` : ''}应为${atLeastOne ? '至少一个' : ''} ${f.list(expected.map(expectedWord), 'or')}，实际是 ${found(actual)}`,
    syntaxNotAllInput: ({ found: actual }) => `应为一个元素（${ELEMENT_KEYWORDS.join('、')}），实际是 ${found(actual)}`,
    lexFullWidth: ({ char, replacement }) => `全角字符 '${char}'：请改用半角的 '${replacement}'（把输入法切换到半角）`,
    lexUnterminated: () => '文字没有结束：带引号的文字必须在同一行以 " 结尾',
    lexPercentSpace: () => "'%' 必须紧跟在数字后面，例如 4%",
    lexNul: () => '意外的 NUL 字符（U+0000）：这是二进制文件吗？',
    lexUnexpected: ({ shown }) => `意外的字符 ${shown}`
};
