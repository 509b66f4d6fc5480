// 简体中文目录：除各规则自己的消息外的全部中文文字。不属于某一条规则的诊断消息（相关位置、实际数据 CSV），
// 加上从规则注册表（rules/*.ts）收集的每条规则的中文消息；生成文档的文字；编辑器的文字。共用的词语和标点在
// words.ts。与 en.ts 一一对应：说明哪里不对、相关数字，以及怎样改。

import { ruleMessages } from '../rules/index.js';
import type { MessageCatalogue } from './message.js';
import type { DocumentText } from './document-text.js';
import type { LspText } from './editor-text.js';
import type { CliText, WrittenThing } from './cli-text.js';
import { zh, PUNCTUATION } from './words.js';
import { BINDINGS, CAMPAIGN_TYPES, CHANNEL_KINDS, chineseAlias, FOCUSES, STAGES } from '../analysis/vocabulary.js';

const { f } = zh;

export const ZH_CN: MessageCatalogue = {
    ...ruleMessages('zh-CN'),

    actualsDuplicateRow: ({ line, date, metric, channel, level }) =>
        `与第 ${line} 行的日期、指标和渠道相同（${date}，${metric}，${channel === '' ? '未填渠道' : channel}）：${level ? '以后一行为准' : '两行的数值会相加'}；如果是重复导出的，请删除其中一行`,

    actualsProblem: problem => {
        switch (problem.kind) {
            case 'empty':
                return '文件是空的：第一行应为表头 date,metric,channel,value';
            case 'field-count':
                return `这一行有 ${problem.fields !== undefined ? `${problem.fields} 个字段` : '不同数量的字段'}；每一行都应与表头一一对应（date,metric,channel,value）`;
            case 'quote-not-closed':
                return '有一个带引号的字段没有闭合';
            case 'quote-inside':
                return '字段中间出现了引号：请给整个字段加上引号，并把其中的引号写成两个（""）';
            case 'not-csv':
                return `不是有效的 CSV（${problem.detail}）`;
            case 'no-column':
                return `表头中没有 '${problem.column}' 列：应为 date,metric,channel,value`;
            case 'extra-column':
                return `表头中有多余的列 '${problem.column}'：应为 date,metric,channel,value`;
            case 'date':
                return `日期 '${problem.text}' 无效：请写成日历上存在的 YYYY-MM-DD 日期，例如 2027-03-01`;
            case 'unknown-metric':
                return `未知的指标 '${problem.metric}'：应为 ${problem.expected.join('、')} 之一`;
            case 'unknown-channel':
                return `未知的渠道 '${problem.channel}'：请留空，或填写 ${problem.expected.join('、') || '（本运营手册没有渠道或活动）'} 之一`;
            case 'not-a-number':
                return `数值 '${problem.written}' 不是数字：请写成 1234.5 这样的小数，或加引号写成 "1,234.5"`;
            case 'too-large':
                return `数值 ${problem.shown} 太大：必须小于 1,000,000,000,000,000`;
        }
    },

    configProblem: problem => {
        switch (problem.kind) {
            case 'empty':
                return 'opsbook.json 不是有效的 JSON：文件是空的（使用默认设置请写 {}）';
            case 'trailing-comma':
                return `opsbook.json 不是有效的 JSON：'${problem.next}' 前面多了一个逗号（请删掉：JSON 不允许末尾逗号）`;
            case 'json':
                return `opsbook.json 不是有效的 JSON：${JSON_ERRORS_ZH[problem.code] ?? problem.detail}`;
            case 'unknown-setting':
                return `opsbook.json 中有未知的设置 '${problem.name}'：${problem.suggestion ? `是不是 '${problem.suggestion}'？` : `可用的设置为 ${problem.expected.join('、')}`}`;
            case 'not-object':
                return 'opsbook.json 的内容必须是一个 JSON 对象';
            case 'unknown-rule':
                return `opsbook.json 中有未知的规则 '${problem.rule}'：${problem.suggestion ? `是不是 '${problem.suggestion}'？` : '全部规则见 docs/rules.md 和 JSON Schema'}`;
            case 'rules-not-object':
                return '"rules" 必须是一个对象：键为规则名，值为 error、warning、info 或 off';
            case 'severity':
                return `opsbook.json 中规则 '${problem.rule}' 的级别必须是 error、warning、info 或 off`;
            case 'unknown-threshold':
                return `opsbook.json 中有未知的阈值 '${problem.name}'：${problem.suggestion ? `是不是 '${problem.suggestion}'？` : `可用的阈值为 ${problem.expected.join('、')}`}`;
            case 'thresholds-not-object':
                return '"thresholds" 必须是一个对象';
            case 'overcommit-ratio':
                return "opsbook.json 中的阈值 'overcommitRatio' 不能小于 1（1.5 表示目标的 150%）";
            case 'share-threshold':
                return `opsbook.json 中的阈值 '${problem.name}' 是占截至目前目标的比例：请填 0 到 1 之间的数（0.95 表示 95%）`;
            case 'threshold-negative':
                return `opsbook.json 中的阈值 '${problem.name}' 必须是不小于 0 的数`;
            case 'at-risk-above-on-track':
                return `opsbook.json 中的阈值 'atRisk'（${problem.atRisk}）不能高于 'onTrack'（${problem.onTrack}）`;
            case 'locale':
                return 'opsbook.json 中的 "locale" 必须是 "en" 或 "zh-CN"';
            case 'ignore-not-list':
                return 'opsbook.json 中的 "ignore" 必须是 .gitignore 格式的列表，例如 ["drafts/", "**/*.draft.ops"]';
            case 'ignore-pattern':
                return 'opsbook.json 中 "ignore" 的每一项都必须是非空字符串';
            case 'schema-ref':
                return 'opsbook.json 中的 "$schema" 必须是字符串（JSON Schema 的路径或网址）';
            case 'other':
                return `opsbook.json 中的 ${problem.pointer} 不符合要求（${problem.detail}）`;
        }
    },

    relatedDelivery: ({ from, amount, unit }) => `${from} 交付 ${f.qty(amount, unit)}`,
    relatedSubGoal: ({ goal, amount, unit }) => `子目标 ${goal} 的目标为 ${f.qty(amount, unit)}`,
    relatedBudget: ({ name, amount, currency }) => `${name}：预算 ${f.money(amount, currency)}`,
    relatedResponsibility: ({ person, workstream, share }) => `${person} 在 ${workstream} 中负责 ${f.points(share)}`,
    relatedKpi: ({ subject, weight }) => `${subject}：权重 ${f.points(weight)}`,
    relatedForecastFigure: ({ who, amount, unit }) => `${who === 'sales' ? '销售' : who === 'finance' ? '财务' : '市场'}预测：${f.amount(amount, unit)}`,
    relatedPartOf: ({ goal, parent }) => `${goal} 是 ${parent} 的一部分`,
    relatedParentPeriod: ({ parent, period }) => `${parent} 的周期：${period}`,
    relatedGoal: ({ goal }) => `目标 ${goal}`,
    relatedMonitor: ({ metric }) => `监测 ${metric}，未按渠道`
};

/** jsonc-parser 的错误代码。 */
const JSON_ERRORS_ZH: Partial<Record<number, string>> = {
    1: '有无法识别的字符',
    2: '不是有效的数字',
    3: '这里应为带双引号的属性名',
    4: '这里应为一个值',
    5: "这里应为 ':'",
    6: "这里应为 ','",
    7: "这里应为 '}'",
    8: "这里应为 ']'",
    9: '文件应在这里结束',
    10: '这里像是注释的开头，但不是有效的注释',
    11: "注释没有用 '*/' 结束",
    12: '字符串没有闭合',
    13: '数字不完整',
    14: '无效的 \\u 转义',
    15: '无效的转义字符',
    16: '有必须转义的字符'
};

// ---- 生成的文档（执行计划、复盘模板）：generate/i18n-documents.ts --------------------------------------------

// 枚举值在中文文档中写作它们的中文别名（SPEC §10，与 `stage 成长期` 这类写法是同一张表：analysis/vocabulary.ts）。
const alias = (words: readonly string[]) => (word: string) => chineseAlias(words, word) ?? word;
const PER: Record<string, string> = { day: '天', week: '周', month: '月', quarter: '季度' };
const EVERY: Record<string, string> = { day: '每天', week: '每周', month: '每月', quarter: '每季度' };
const WEEKDAY: Record<string, string> = { monday: '周一', tuesday: '周二', wednesday: '周三', thursday: '周四', friday: '周五', saturday: '周六', sunday: '周日' };
const ELEMENT: Record<string, string> = { Goal: '目标', Channel: '渠道', Campaign: '活动', Workstream: '工作版块', Forecast: '预测', Team: '团队', Review: '复盘' };

const say = (table: Record<string, string>, word: string) => table[word] ?? word;

export const DOCUMENT_TEXT_ZH_CN: DocumentText = {
    listSeparator: PUNCTUATION['zh-CN'].listSeparator,
    colon: PUNCTUATION['zh-CN'].colon,
    paren: text => `（${text}）`,
    clauseSeparator: '；',
    yes: '是',
    no: '否',
    by: '截止',
    plan: '计划',
    level: '不按进度',

    strategyWord: '策略',
    goalWord: '目标',
    channelWord: '渠道',
    campaignWord: '活动',
    reviewWord: '复盘',
    partOf: '属于',
    serves: '支持',
    elementType: type => ELEMENT[type] ?? type,

    stage: alias(STAGES),
    focus: alias(FOCUSES),
    channelKind: alias(CHANNEL_KINDS),
    campaignType: alias(CAMPAIGN_TYPES),
    binding: alias(BINDINGS),
    every: word => say(PER, word),
    frequency: word => say(EVERY, word),
    assignment(role, type, name) {
        return `${this.assignmentRole(role)}${this.elementType(type)} ${name}`;
    },
    pointsDifference: signed => `${signed} 个百分点`,
    schedule: (every, weekday) => `${say(EVERY, every)}${weekday ? `（${say(WEEKDAY, weekday)}）` : ''}`,
    onDate: date => `${date}`,
    coverageStatus: status =>
        ({ 'not-additive': '不累加', unplanned: '未规划', undercovered: '覆盖不足', covered: '已覆盖', overcommitted: '规划过量', 'no-target': '无目标值' })[status],
    reviewStatus: status => ({ 'on-track': '正常', 'at-risk': '有风险', 'off-track': '落后' })[status],
    assignmentRole: role =>
        ({ owner: '负责', responsible: '执行', accountable: '问责', consulted: '咨询', informed: '知会', decider: '拍板', lead: '带领' })[role] ?? role,
    severity: severity => ({ error: '错误', warning: '警告', info: '提示' })[severity],
    alert: (direction, threshold, per) => `${per ? `每${per}` : ''}${direction === 'below' ? '低于' : '高于'} ${threshold}`,
    kept: reason => ({ 'no-actuals': '不变：没有实际数据', 'no-spend': '不变：没有花费记录', alone: '不变：同单位只有这一个渠道' })[reason],

    planTitle: '执行计划',
    planIntro: source => `由 opsbook 根据 ${source} 生成。请修改运营手册后重新生成，不要直接编辑本文件。`,
    overviewHeading: '概览',
    itemColumn: '项目',
    valueColumn: '内容',
    playbookLabel: '运营手册',
    productLabel: '产品',
    stageLabel: '阶段',
    periodLabel: '周期',
    days: n => `${n} 天`,
    currencyLabel: '币种',
    budgetLabel: '预算',
    allocatedOf: (amount, share) => `已分配 ${amount}（${share}）`,
    allocatedNoTotal: amount => `渠道和活动已分配 ${amount}（未设总预算）`,
    remainingAmount: amount => `未分配 ${amount}`,
    overrunAmount: amount => `超出预算 ${amount}`,
    contentsLabel: '内容',
    countGoals: n => `${n} 个目标`,
    countChannels: n => `${n} 个渠道`,
    countCampaigns: n => `${n} 个活动`,
    countWorkstreams: n => `${n} 个工作版块`,
    strategiesHeading: '策略',
    focusLabel: '重点',
    goalsLabel: '目标',
    rationaleLabel: '理由',
    competitionLabel: '竞争',

    goalTreeHeading: '目标拆解图',
    goalTreeLegend: '策略引出目标；子目标挂在它所属的目标下；渠道（方框）和活动（圆角框）交付箭头上的数量；虚线箭头：活动支持目标但不计数量。',

    goalsHeading: '目标',
    noGoals: '本运营手册没有设定目标。',
    goalColumn: '目标',
    targetColumn: '目标值',
    deadlineColumn: '截止日期',
    plannedColumn: '已规划',
    coverageColumn: '覆盖率',
    statusColumn: '状态',
    ownerColumn: '负责人',
    contextColumn: '所属 / 策略',
    short: amount => `缺口 ${amount}`,
    goalsNote: '已规划 = 渠道和活动交付给该目标的数量，加上同一指标子目标的目标值；覆盖率 = 已规划 ÷ 目标值。百分比和数值类目标不可累加，不计算覆盖率。',

    channelsCampaignsHeading: '渠道与活动',
    channelsHeading: '渠道',
    campaignsHeading: '活动',
    noChannels: '没有渠道。',
    noCampaigns: '没有活动。',
    channelColumn: '渠道',
    campaignColumn: '活动',
    kindColumn: '类型',
    typeColumn: '类型',
    deliversColumn: '交付 → 目标（占目标比例）',
    budgetColumn: '预算',
    costPerUnitColumn: '隐含单位成本',
    cpaLimitColumn: 'CPA 上限',
    assumptionColumn: '预估假设',
    windowColumn: '时间',
    bindingColumn: '执行要求（区域）',
    partOfLabel: '上级手册',
    shareOfParentBudget: parent => `占 ${parent} 预算的比例`,
    regionLabel: '区域',
    regionColumn: '区域',
    childPlaybookWord: '下级手册',
    mandatoryFromHeading: parent => `${parent} 下达的必须执行活动`,
    mandatoryIntro: (parent, region) => `以下活动由 ${parent} 定为必须执行${region !== undefined ? `，适用于${region}区域` : ''}：本手册须按计划执行，由本区域的渠道和人员落地。`,
    noMandatoryFrom: (parent, region) => `${parent} 的必须执行活动都不适用于本手册${region !== undefined ? `（区域：${region}）` : ''}。`,
    allRegions: '全部区域',
    runsColumn: '本期状态',
    campaignRuns: state => ({ before: '未开始', during: '进行中', after: '已结束' })[state],
    carriedOutColumn: '是否按计划执行？',
    viaColumn: '投放渠道',
    servesColumn: '支持',
    perUnit: (cost, metric) => `${cost} / ${metric}`,
    assumption: (volume, rate, derived) => `${volume} × ${rate} = ${derived}`,
    costNote: '隐含单位成本 = 预算 ÷ 渠道或活动交付的第一个计数指标的数量。',

    budgetHeading: '预算',
    noBudget: '没有设定预算。',
    shareOfBudgetColumn: '占总预算比例',
    channelsTotal: '渠道合计',
    campaignsTotal: '活动合计',
    allocatedTotal: '已分配',
    unallocated: '未分配',
    overrun: '超出预算',
    playbookBudget: '总预算',
    budgetPieTitle: currency => `预算（${currency}）`,

    timelineHeading: '时间线',
    timelineTitle: '时间线',
    timelineLegend: '横条：运营周期、活动时间（红色为必须执行的活动）、定期复盘从第一次到最后一次；菱形：目标截止日期和单次复盘。',
    noPeriod: '运营手册没有设定周期，因此没有时间线。',
    playbookPeriod: '运营周期',
    goalDeadlines: '目标截止',
    reviewsHeading: '复盘',
    timesHeld: n => `${n} 次`,

    raciHeading: '职责分工（RACI）',
    noWorkstreams: '没有工作版块。',
    workstreamColumn: '工作版块',
    raciLegend: 'R = 执行（占工作量比例），A = 问责，C = 咨询，I = 知会。',

    peopleHeading: '人员分工与负荷',
    noPeople: '本运营手册中看不到任何人员。',
    personColumn: '人员',
    roleColumn: '职位',
    teamColumn: '团队',
    loadColumn: '负荷',
    assignmentsColumn: '分工',
    assessedOnColumn: '考核项',
    loadOf: (load, capacity) => `${load} / ${capacity}`,
    overloaded: '超负荷',
    loadNote: '负荷 = 本手册各工作版块中该人员执行（responsible）比例之和，与其可投入时间（capacity）对比。',

    assessmentsHeading: '考核',
    noAssessments: '没有考核。',
    kpiColumn: '考核指标（KPI）',
    weightColumn: '权重',
    totalWeightColumn: '合计',
    perPeriod: (amount, period) => `每${period} ${amount}`,

    forecastsHeading: '销售预测',
    noForecasts: '没有预测。',
    forecastColumn: '预测',
    salesColumn: '销售部',
    financeColumn: '财务部',
    marketColumn: '市场部',
    spreadColumn: '分歧',
    decidedColumn: '决定',
    decidedByColumn: '决策人',
    checkColumn: '检查',
    decisionOutside: '决定值不在三方预测范围内',
    targetDiffers: target => `目标值为 ${target}`,
    consistent: '一致',
    spreadNote: '分歧 = （最高 − 最低）÷ 销售、财务、市场三方预测的中位数。',

    monitoringHeading: '数据监测计划',
    noMonitors: '没有监测任何指标。',
    metricColumn: '指标',
    everyColumn: '频率',
    byChannelColumn: '分渠道',
    sourceColumn: '数据来源',
    alertColumn: '预警',
    goalsColumn: '相关目标',
    deliveredByColumn: '交付渠道',
    notMonitored: '未监测',

    reviewCalendarHeading: '复盘日历',
    noReviews: '没有安排复盘。',
    reviewColumn: '复盘',
    scheduleColumn: '安排',
    datesColumn: '周期内日期',
    coversColumn: '覆盖目标',
    questionsColumn: '问题',

    findingsHeading: '待处理问题',
    noFindings: '无：opsbook check 没有报告任何警告。',
    findingsIntro: n => `opsbook check 仍报告 ${n} 个问题（警告不影响生成计划，但每一个都需要有人决定如何处理）：`,
    whereColumn: '位置',
    severityColumn: '级别',
    ruleColumn: '规则',
    messageColumn: '说明',

    reviewIntro: (title, source) => `${title}。由 opsbook 根据 ${source} 生成的复盘模板：请填写空白单元格和答案。编辑之后，除非使用 --force，opsbook 不会覆盖本文件。`,
    summaryHeading: '摘要',
    reviewedPeriodLabel: '复盘周期',
    figuresToLabel: '数据截至',
    figuresTo: (date, day, days, share) => `${date}，运营周期第 ${day} 天，共 ${days} 天（${share}）`,
    reviewsLabel: '本期复盘',
    noReviewInWindow: '本周期内没有安排复盘',
    actualsLabel: '实际数据',
    rowsCounted: n => `计入 ${n} 行`,
    noActuals: '未提供：请填写“实际”一栏（或使用 --actuals FILE.csv 运行 opsbook review）',
    statusBandsLabel: '状态',
    statusBands: (onTrack, atRisk) => `达到截至目前目标的 ${onTrack} 及以上为正常，${atRisk} 及以上为有风险，低于则为落后`,
    elapsedColumn: '时间进度',
    targetToDateColumn: '截至目前目标',
    actualColumn: '实际',
    varianceColumn: '差异',
    goalsReviewNote: '截至目前目标 = 目标值 × 从周期开始到截止日期（活动为其活动时间）已过去的比例。百分比和数值类目标不按时间进度折算。差异 = 实际 − 截至目前目标（括号内为完成比例）。',
    channelOrCampaignColumn: '渠道 / 活动',
    proRatedOverColumn: '折算区间',
    costHeading: '单位成本',
    unitColumn: '单位',
    spendToDateColumn: '截至目前花费',
    unitsToDateColumn: '截至目前数量',
    actualCostColumn: '实际单位成本',
    plannedCostColumn: '计划单位成本',
    budgetProRated: '按预算折算',
    reallocationHeading: '下一周期预算调整建议',
    noReallocation: '没有同时具备预算和可比单位的渠道：无需调整。',
    reallocationMethod: '预算只在计量单位相同的渠道之间调整，每组总额不变。每个渠道的预算从当前值向“按实际单位成本，各自预算能买到的数量（预算 ÷ 实际单位成本）成比例分配”的方案移动一半；金额取整到货币单位，余数给单位成本最低的渠道。只走一半，是为了不让一个周期的波动把整笔预算都挪走。',
    unitGroup: (metric, total) => `以 ${metric} 计量的渠道（合计 ${total}）`,
    proposedColumn: '建议预算',
    changeColumn: '变化',
    funnelHeading: '漏斗',
    stepColumn: '步骤',
    actualToDateColumn: '截至目前实际',
    conversionColumn: '上一步转化率',
    plannedConversionColumn: '计划转化率',
    questionsHeading: '复盘问题',
    playbookQuestionsHeading: '运营手册中的问题',
    standingQuestionsHeading: '固定问题',
    trafficQualityQuestion: '各渠道流量质量：谁来了，谁留下了？',
    cameColumn: '来了多少',
    stayedColumn: '留下 / 转化',
    verdictColumn: '保留、优化还是停止？',
    funnelLossQuestion: '漏斗在哪一步流失最多？为什么？',
    nextCycleQuestion: '下一周期改什么？有哪些数据支持？',
    answerPrompt: '回答：',
    decisionsHeading: '决定与负责人',
    decisionColumn: '决定',
    dueColumn: '完成日期'
};

// ---- 编辑器：悬停、内联提示、代码透镜、快速修复标题（lsp/lsp-text.ts） -----------------------------------------------

export const EDITOR_TEXT_ZH_CN: LspText = {
    ...PUNCTUATION['zh-CN'],
    valueAlias: (property, written, english, alias) =>
        written === english
            ? `**${property}** \`${english}\`，中文写作 \`${alias}\`，两者含义相同`
            : `**${property}** \`${alias}\`，即 \`${english}\`，两者含义相同`,
    target: '目标',
    bound: { 'at least': '至少', 'at most': '至多' },
    planned: '已规划',
    deadline: '截止',
    owner: '负责人',
    strategy: '策略',
    partOf: '上级目标',
    contributions: '贡献',
    servedBy: '支持方',
    serves: '支持',
    status: {
        covered: '已覆盖',
        undercovered: '覆盖不足',
        overcommitted: '规划过量',
        unplanned: '尚无规划',
        'not-additive': '不可累加（百分比、数值或“至多”目标不求和）',
        'no-target': '无目标'
    },
    short: amount => `差 ${amount}`,
    over: amount => `超出 ${amount}`,
    budget: '预算',
    ofPlaybookBudget: share => `占总预算 ${share}`,
    delivers: '交付',
    deliveryLine: (amount, goal, share) => `${amount} → ${goal}${share ? `（占其目标 ${share}）` : ''}`,
    impliedCost: (cost, metric) => `单位成本：每 ${metric} ${cost}`,
    cpaLimit: limit => `上限 ${limit}`,
    assumption: (volume, metric, rate, derived) => `假设 ${volume} ${metric} × ${rate} = ${derived}`,
    assumptionCompared: (nextMetric, delivered) => `交付 ${delivered} ${nextMetric}`,
    load: '负荷',
    loadLine: (load, capacity, ratio) => `${load} / 可投入 ${capacity}${ratio ? `（已用 ${ratio}）` : ''}`,
    workspaceLoad: '跨运营手册合计',
    loadIn: playbook => `在 ${playbook} 中`,
    assignments: '分工',
    role: { owner: '负责', responsible: '执行', accountable: '问责', consulted: '咨询', informed: '知会', decider: '决策', lead: '带领' },
    raci: { responsible: '执行（R）', accountable: '问责（A）', consulted: '咨询（C）', informed: '知会（I）' },
    assessedOn: '考核项',
    kind: '类型',
    usedIn: '用于',
    notUsed: '尚未被任何元素使用。',
    monitored: how => `监测：${how}`,
    notMonitored: '未监测。',
    window: '时间窗口',
    via: '渠道',
    binding: '执行要求',
    forecasts: '预测',
    spread: spread => `分歧 ${spread}`,
    decided: (amount, by) => `${by} 决定 ${amount}`,
    weights: total => `KPI 权重合计 ${total}`,
    allocated: (allocated, total, share) => `已分配 ${allocated} / ${total}（${share}）`,
    remaining: amount => `剩余 ${amount}`,
    goalsCount: count => `${count} 个目标`,
    region: '区域',
    childPlaybooks: '下级手册',
    mandatoryFrom: parent => `${parent} 下达的必须执行活动`,
    schedule: '频率',
    covers: '覆盖目标',
    team: '团队',
    capacity: '可投入时间',
    lead: '负责人',
    members: '成员',
    rule: '规则',
    ruleLink: '规则说明',
    hintShareOfGoal: (share, goal) => `占 ${goal} ${share}`,
    hintShareOfBudget: share => `占预算 ${share}`,
    hintShareOfParentBudget: (share, parent) => `占 ${parent} 预算 ${share}`,
    hintPlanned: (planned, share) => `已规划 ${planned}${share ? `（${share}）` : ''}`,
    hintDerived: (derived, metric) => `= ${derived} ${metric}`,
    lensGoal: (planned, target, share) => `已规划 ${planned} / ${target}${share ? `（${share}）` : ''}`,
    lensGoalUnplanned: '尚无规划',
    previewPlan: '预览执行计划',
    generateReview: '生成复盘模板',
    replaceWith: name => `替换为 '${name}'`,
    create: (type, name, file) => `新建${type} '${name}'${file ? `（在 ${file} 中）` : ''}`,
    importFrom: (name, file) => `从 "${file}" 导入 '${name}'`,
    addMonitor: metric => `为 '${metric}' 添加监测`,
    rescaleWeights: '将 KPI 权重按比例调整为 100%',
    addOwner: person => `添加负责人 ${person}`,
    addAccountable: person => `设 ${person} 为问责人`,
    removeSuppressionComment: '删除这条 opsbook-ignore 注释',
    removeSuppressionName: rule => `从 opsbook-ignore 中删除 '${rule}'`
};

// ---- 命令行工具（packages/cli）：i18n/cli-text.ts ------------------------------------------------

const WRITTEN_ZH: Record<WrittenThing, string> = { plan: '执行计划', review: '复盘文档', export: '导出文件', file: '文件' };

export const CLI_TEXT_ZH_CN: CliText = {
    unknownOption: flag => `错误：未知的选项 '${flag}'`,
    unknownCommand: name => `错误：未知的命令 '${name}'`,
    missingArgument: name => `错误：缺少必需的参数 '${name}'`,
    optionMissingArgument: flags => `错误：选项 '${flags}' 缺少取值`,
    invalidOptionValue: (flags, value, reason) => `错误：选项 '${flags}' 的取值 '${value}' 无效。${reason}`,
    invalidArgumentValue: (name, value, reason) => `错误：参数 '${name}' 的取值 '${value}' 无效。${reason}`,
    allowedChoices: choices => `可选值为 ${choices.join('、')}。`,
    tooManyArguments: (command, expected, got) => `错误：${command ? `'${command}' 的` : ''}参数过多：应为 ${expected} 个，实际为 ${got} 个。`,
    didYouMean: candidates => `（是不是 ${candidates.join('、')}？）`,
    wholeNumber: '应为不小于 0 的整数',
    seeHelp: command => `（用法见 ${command} --help）`,
    internalError: message => `内部错误：${message}（请连同引发问题的文件一起报告）`,

    noOpsFiles: paths => `${paths.length > 0 ? paths.join('、') : '当前目录'}中没有找到 .ops 文件`,
    noSuchFileOrFolder: path => `${path}：文件或目录不存在`,
    notRegularFileOrFolder: path => `${path}：不是普通文件或目录`,
    cannotReadFolder: (path, code) => `${path}：无法读取目录（${code}）`,
    noSuchFile: path => `${path}：文件不存在`,
    isFolder: path => `${path}：是目录，不是文件`,
    permissionDenied: path => `${path}：没有权限`,
    cannotRead: (path, code) => `${path}：无法读取（${code}）`,
    notUtf8: where => `${where}：不是有效的 UTF-8 文本（请将文件另存为 UTF-8 编码）`,
    noPlaybook: file => `${file}：没有声明 playbook（这是 team.ops 之类的公共文件）；请指定声明了 \`playbook\` 的文件`,
    errorsBeforeDocuments: (file, errors) => `${file}：有 ${errors} 个错误；请先修正，再生成文档（见 opsbook check）`,

    cannotWrite: (path, code) => `${path}：无法写入（${code}）`,
    symlinkToMissing: path => `${path}：是指向不存在文件的符号链接；不会通过它写入`,
    symlinkElsewhere: (path, real) => `${path}：是指向另一个目录中 ${real} 的符号链接；不会通过它写入（请删除该链接，或换一个输出文件）`,
    notRegularFile: path => `${path}：不是普通文件；不会写入`,
    cannotReadBeforeOverwrite: (path, code) => `${path}：覆盖前无法读取以确认（${code}）`,
    editedSinceGenerated: (path, what) => `${path}：这份${WRITTEN_ZH[what]}在 opsbook 生成后被手工修改过；不会覆盖（如需替换请加 --force，或用 -o 写到另一个文件）`,
    notGenerated: path => `${path}：文件已存在，且不是 opsbook 生成的；不会覆盖（如需替换请加 --force，或用 -o 换一个文件）`,
    readOnly: path => `${path}：文件是只读的；不会写入（请先改为可写，例如 chmod u+w）`,
    folderMissing: (path, folder) => `${path}：目录 ${folder} 不存在`,
    writeFailed: (path, reason) =>
        `${path}：无法写入（${reason === 'permission' ? '没有权限' : reason === 'no-space' ? '磁盘空间不足' : reason}）；原有内容（如有）保持不变`,
    wrote: path => `已写入 ${path}`,

    tally: (files, errors, warnings, infos) => `已检查 ${files} 个文件：${errors} 个错误，${warnings} 个警告${infos ? `，${infos} 个提示` : ''}`,
    tooManyWarnings: (warnings, allowed) => `警告过多：${warnings} 个（--max-warnings 最多允许 ${allowed} 个）`,

    leftUnchanged: '（文件未改动）',
    notFormatted: files => `${files} 个文件格式不规范（运行 opsbook fmt 进行格式化）`,

    reviewWindowNeeded: 'review 需要且只需要以下之一：--on 日期（例如 --on 2027-02-01）或 --period 周期（2027-W05、2027-01、2027-Q1）',
    windowOption: (flag, value, _problem) =>
        flag === '--on' ? `--on ${value}：不是有效日期；请写成 YYYY-MM-DD，例如 2027-02-01` : `--period ${value}：不是有效周期；请写成 2027-W05（周）、2027-01（月）、2027-Q1（季度）或 2027（年）`,
    windowBeforePeriod: (flag, window, period) => `${flag} ${window} 在运营手册的周期（${period}）开始之前就结束了`,
    noSuchReview: (name, file, reviews) => `--review ${name}：${file} 中没有这个复盘${reviews.length > 0 ? `；已有的复盘：${reviews.join('、')}` : ''}`,

    templatesMissing: '当前安装的 opsbook 缺少 init 模板',
    focusUnsuited: (focus, stage, suited) => `重点 ${focus} 不适合 ${stage} 阶段：请选择 ${suited.join('、')}`,
    alreadyExist: paths => `${paths.join('、')} 已存在；init 没有写入任何文件（请先移走，或换一个目录）`,
    cannotCreateFolder: (folder, code) => `${folder}：无法创建目录（${code}）`,
    next: command => `下一步：${command}`,
    periodOption: (value, _problem) => `--period ${value}：不是有效周期；请写成 2027-Q1（季度）、2027-03（月）或 2027（年）`,
    starterCpaComment: '预算 ÷ 渠道交付量不得超过此值',
    help: {
        'Opsbook: operations playbooks as checked text files': 'Opsbook：把运营手册写成可检查的文本文件',
        'output the version number': '显示版本号',
        'display help for command': '显示命令的帮助',
        'colour the text report even when it is not written to a terminal': '即使不是输出到终端，也给文本报告上色',
        'never colour the text report (also: NO_COLOR=1)': '文本报告不上色（也可设置 NO_COLOR=1）',
        'language of messages and documents': '消息和文档的语言',
        'check playbooks: syntax, references and whether the numbers add up': '检查运营手册：语法、引用，以及数字是否对得上',
        'files or folders to check (default: the current folder)': '要检查的文件或目录（默认：当前目录）',
        'output format': '输出格式',
        'exit 1 when there are more than n warnings': '警告多于 n 个时以退出码 1 结束',
        'report errors only': '只报告错误',
        'export the resolved playbook with its computed figures as JSON or CSV': '把解析后的运营手册连同计算出的数字导出为 JSON 或 CSV',
        'the .ops file that declares the playbook': '声明了 playbook 的 .ops 文件',
        'write to this file instead of standard output': '写入这个文件，而不是标准输出',
        'overwrite the output file even if it is not an earlier opsbook export': '即使输出文件不是 opsbook 之前导出的，也覆盖它',
        'format playbooks in their canonical layout (in place)': '按标准格式排版运营手册（直接修改文件）',
        'files or folders to format (default: the current folder)': '要排版的文件或目录（默认：当前目录）',
        'change nothing; list the files that would change and exit 1 if any': '不做修改；列出需要排版的文件，有则以退出码 1 结束',
        'write a starter playbook, team.ops and opsbook.json (never overwrites)': '写出起步用的运营手册、team.ops 和 opsbook.json（从不覆盖已有文件）',
        'folder to write into (default: the current folder)': '写入的目录（默认：当前目录）',
        'lifecycle stage of the product': '产品所处的生命周期阶段',
        'focus of the strategy (default: one that suits the stage)': '策略重点（默认：与阶段相称的一个）',
        'the playbook period: 2027-Q1, 2027-03 or 2027 (default: the current quarter)': '运营手册的周期：2027-Q1、2027-03 或 2027（默认：本季度）',
        'write the execution plan of a playbook as Markdown': '生成运营手册的执行计划（Markdown）',
        'overwrite the output file even if it was edited or not generated by opsbook': '即使输出文件被修改过或不是 opsbook 生成的，也覆盖它',
        'write a review template: targets to date, actuals, variance, questions, decisions': '生成复盘模板：截至目前目标、实际、差异、问题和决定',
        'review as of this date (YYYY-MM-DD)': '按这一天复盘（YYYY-MM-DD）',
        'review this week, month, quarter or year: 2027-W05, 2027-01, 2027-Q1, 2027': '复盘这一周、月、季度或年：2027-W05、2027-01、2027-Q1、2027',
        'actual figures: a CSV with columns date,metric,channel,value': '实际数据：列为 date,metric,channel,value 的 CSV 文件',
        "only this review's covered goals and questions (default: every review held in the period)": '只包含这个复盘覆盖的目标和问题（默认：周期内举行的全部复盘）',
        'overwrite the output file even if it was edited by hand or not generated by opsbook': '即使输出文件被手工修改过或不是 opsbook 生成的，也覆盖它'
    },
    helpWords: { 'Usage: ': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', ' (': '（', 'choices: ': '可选：', ', default: ': '，默认：', 'default: ': '默认：', ')': '）' }
};
