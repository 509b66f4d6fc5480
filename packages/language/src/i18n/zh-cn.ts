// 简体中文目录：除各规则自己的消息外的全部中文文字。不属于某一条规则的诊断消息（相关位置、实际数据 CSV），
// 加上从规则注册表（rules/*.ts）收集的每条规则的中文消息；生成文档的文字；编辑器的文字。共用的词语和标点在
// words.ts。与 en.ts 一一对应：说明哪里不对、相关数字，以及怎样改。

import { ruleMessages } from '../rules/index.js';
import { formatRangeFor } from '../values/period.js';
import type { MessageCatalogue } from './message.js';
import type { DocumentText } from './document-text.js';
import type { LspText } from './editor-text.js';
import type { ChangeField, CycleText } from './cycle-text.js';
import type { CliText } from './cli-text.js';
import type { CliMessages } from './cli-messages.js';
import { zh, PUNCTUATION } from './words.js';
import { BINDINGS, CAMPAIGN_TYPES, CHANNEL_KINDS, chineseAlias, FOCUSES, STAGES } from '../analysis/vocabulary.js';

/** The roles of a person in an element, worded once for the documents and the editor. */
const ROLES: LspText['role'] = {
    owner: '负责',
    responsible: '执行',
    accountable: '最终负责',
    consulted: '咨询',
    informed: '知会',
    decider: '决策',
    lead: '团队负责人'
};

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
                return `表头中有多余的列 '${problem.column}'：应为 date,metric,channel,value，可另加 playbook 列`;
            case 'date':
                return `日期 '${problem.text}' 无效：请写成日历上存在的 YYYY-MM-DD 日期，例如 2027-03-01`;
            case 'unknown-metric':
                return `未知的指标 '${problem.metric}'：应为 ${problem.expected.join('、')} 之一`;
            case 'unknown-channel':
                return `未知的渠道 '${problem.channel}'：请留空，或填写 ${problem.expected.join('、') || '（本运营手册没有渠道或活动）'} 之一`;
            case 'channel-elsewhere':
                return `渠道 '${problem.channel}' 不在运营手册 '${problem.playbook}' 中：它在 ${problem.where.join('、')} 中`;
            case 'channel-ambiguous':
                return `渠道 '${problem.channel}' 同时出现在多本运营手册中：${problem.playbooks.join('、')}；请加上 playbook 列（date,metric,channel,value,playbook）并注明其中一本`;
            case 'unknown-playbook':
                return `未知的运营手册 '${problem.playbook}'：请留空，或填写 ${problem.expected.join('、')} 之一`;
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
                return `opsbook.json 中有未知的设置「${problem.name}」：${problem.suggestion ? `是否应为「${problem.suggestion}」？` : `可用的设置为 ${problem.expected.join('、')}`}`;
            case 'not-object':
                return 'opsbook.json 的内容必须是一个 JSON 对象';
            case 'unknown-rule':
                return `opsbook.json 中有未知的规则「${problem.rule}」：${problem.suggestion ? `是否应为「${problem.suggestion}」？` : '全部规则见 docs/rules.md 和 JSON Schema'}`;
            case 'rules-not-object':
                return '"rules" 必须是一个对象：键为规则名，值为 error、warning、info 或 off';
            case 'severity':
                return `opsbook.json 中规则「${problem.rule}」的级别必须是 error、warning、info 或 off`;
            case 'unknown-threshold':
                return `opsbook.json 中有未知的阈值「${problem.name}」：${problem.suggestion ? `是否应为「${problem.suggestion}」？` : `可用的阈值为 ${problem.expected.join('、')}`}`;
            case 'thresholds-not-object':
                return '"thresholds" 必须是一个对象';
            case 'overcommit-ratio':
                return "opsbook.json 中的阈值 'overcommitRatio' 不能小于 1（1.5 表示目标的 150%）";
            case 'share-threshold':
                return `opsbook.json 中的阈值 '${problem.name}' 是占序时目标的比例：请填 0 到 1 之间的数（0.95 表示 95%）`;
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
    reviewOutsidePeriod: ({ option, label, period }) =>
        `${option} ${label} 不在运营周期（${formatRangeFor(period, PUNCTUATION['zh-CN'].rangeTo)}）内：请改用该周期内的日期或时段`,
    previousReviewNoDecisions: ({ file }) =>
        `${file} 中没有决定表（表头为 | # | 决定 | 负责人 | 完成日期 |）：--previous 需要一份由 opsbook review 生成的复盘文件`,

    relatedDelivery: ({ from, amount, unit }) => `${from} 交付 ${f.qty(amount, unit)}`,
    relatedSubGoal: ({ goal, amount, unit }) => `子目标 ${goal} 的目标为 ${f.qty(amount, unit)}`,
    relatedBudget: ({ name, amount, currency }) => `${name}：预算 ${f.money(amount, currency)}`,
    relatedResponsibility: ({ person, workstream, share }) => `${person} 在 ${workstream} 中执行 ${f.points(share)}`,
    relatedKpi: ({ subject, weight }) => `${subject}：权重 ${f.points(weight)}`,
    relatedForecastFigure: ({ who, amount, unit }) =>
        `${who === 'sales' ? '销售' : who === 'finance' ? '财务' : '市场'}预测：${f.amount(amount, unit)}`,
    relatedPartOf: ({ goal, parent }) => `${goal} 是 ${parent} 的一部分`,
    relatedParentPeriod: ({ parent, period }) => `${parent} 的周期：${formatRangeFor(period, PUNCTUATION['zh-CN'].rangeTo)}`,
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
const WEEKDAY: Record<string, string> = {
    monday: '周一',
    tuesday: '周二',
    wednesday: '周三',
    thursday: '周四',
    friday: '周五',
    saturday: '周六',
    sunday: '周日'
};
/** A recurring review: `每周（周一）`; the plan's calendar and the hover say it alike. */
const scheduleZh = (every: string, weekday: string | undefined): string =>
    `${say(EVERY, every)}${weekday ? `（${say(WEEKDAY, weekday)}）` : ''}`;
const ELEMENT: Record<string, string> = {
    Goal: '目标',
    Channel: '渠道',
    Campaign: '活动',
    Workstream: '工作板块',
    Forecast: '预测',
    Team: '团队',
    Review: '复盘'
};

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
        return `${this.assignmentRole(role)}：${this.elementType(type)}「${name}」`;
    },
    pointsDifference: signed => `${signed} 个百分点`,
    schedule: scheduleZh,
    onDate: date => `${date}`,
    coverageStatus: status =>
        ({
            'not-additive': '不累加',
            unplanned: '未规划',
            undercovered: '覆盖不足',
            covered: '已覆盖',
            overcommitted: '规划过量',
            'no-target': '无目标值'
        })[status],
    reviewStatus: status => ({ 'on-track': '正常', 'at-risk': '有风险', 'off-track': '落后' })[status],
    assignmentRole: role => (ROLES as Record<string, string>)[role] ?? role,
    severity: severity => ({ error: '错误', warning: '警告', info: '提示' })[severity],
    alert: (direction, threshold, per) => `${per ? `每${per}` : ''}${direction === 'below' ? '低于' : '高于'} ${threshold}`,
    kept: reason =>
        ({
            'no-actuals': '不变：没有实际数据',
            'no-spend': '不变：没有花费记录',
            alone: '不变：同单位只有这一个渠道',
            'alone-playbook': '不变：只有这一个下级手册有实际数据'
        })[reason],

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
    countWorkstreams: n => `${n} 个工作板块`,
    strategiesHeading: '策略',
    focusLabel: '重点',
    goalsLabel: '目标',
    rationaleLabel: '理由',
    competitionLabel: '竞争',

    goalTreeHeading: '目标拆解图',
    goalTreeLegend:
        '策略引出目标；子目标挂在它所属的目标下；渠道（方框）和活动（圆角框）交付箭头上的数量；虚线箭头：活动支持目标但不计数量。',

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
    goalsNote:
        '已规划 = 渠道和活动交付给该目标的数量，加上同一指标子目标的目标值；覆盖率 = 已规划 ÷ 目标值。百分比和数值类目标不可累加，不计算覆盖率。',

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
    costPerUnitColumn: '预计单位成本',
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
    mandatoryIntro: (parent, region) =>
        `以下活动由 ${parent} 定为必须执行${region !== undefined ? `，适用于${region}区域` : ''}：本手册须按计划执行，由本区域的渠道和人员落地。`,
    noMandatoryFrom: (parent, region) => `${parent} 的必须执行活动都不适用于本手册${region !== undefined ? `（区域：${region}）` : ''}。`,
    allRegions: '全部区域',
    breakdownHeading: '下级手册拆解',
    breakdownIntro: playbook => `${playbook} 的目标和预算在各手册中的拆解。每个数字写在所列的手册里，由该手册维护。`,
    goalsByPlaybookHeading: '目标按手册拆解',
    playbookColumn: '手册',
    contributionColumn: '贡献项',
    amountColumn: '数量',
    shareOfGoalColumn: '占目标比例',
    thisPlaybook: '本手册',
    noPlaybook: '无手册',
    plannedInTotal: '合计已规划',
    playbookTreeHeading: '手册层级图',
    playbookTreeLegend: '本手册及其下级手册，标出区域和预算；箭头上是各下级手册对本手册目标的贡献。',
    budgetRollupHeading: '预算汇总',
    ownAllocation: '本手册的渠道和活动',
    childPlaybooksTotal: '下级手册合计',
    shareOfParentHeading: '承接上级目标',
    shareOfParentIntro: parents => `本手册承接 ${parents} 的以下目标，这些数字已计入上级手册的计划。`,
    parentGoalColumn: '上级目标',
    parentTargetColumn: '上级目标值',
    fromThisPlaybookColumn: '本手册的贡献项',
    budgetShareLine: (budget, share, parent) => `预算：${budget}，占 ${parent} 预算的 ${share}。`,
    workspaceLoadColumn: '跨手册负荷',
    loadHere: '本手册',
    workspaceLoadNote: '跨手册负荷 = 本手册的负荷，加上该人员在与本手册周期重叠的其他手册中的执行比例。',
    indexTitle: folder => `运营手册总览：${folder}`,
    indexIntro: (folder, count) =>
        `由 opsbook 根据 ${folder} 下的 ${count} 个运营手册生成。请修改运营手册后重新生成，不要直接编辑这些文件。`,
    indexTreeHeading: '手册层级',
    indexGoalsHeading: '顶层目标',
    indexGoalsNote: '各手册中不属于其他目标的目标；已规划计入工作区内所有手册的贡献。',
    indexTotals: (playbooks, budgets) => `共 ${playbooks} 个运营手册；顶层手册的预算：${budgets}。`,
    goalPartsNote:
        '标 ↳ 的行把目标按贡献它的手册拆开：目标值是该手册为这个目标规划的数量，实际值是实际数据中该手册各渠道的记录（渠道名在几个手册中重复时，用 playbook 列写明手册）。',
    goalPartsNestedNote: '形如 A › B 的行是 A 的下级手册 B 经由 A 贡献的部分，已含在 A 那一行里（实际值也一样）。',
    childReallocationHeading: (metric, total) => `下级手册之间（以 ${metric} 计量，合计 ${total}）`,
    childReallocationMethod:
        '下级手册之间比较的是各自的预算能换来多少它贡献最多的那个目标：单位成本 = 花费（其渠道和活动的 spend 记录；没有记录时按时间折算预算）÷ 其渠道在该目标指标上的实际值。预算与渠道之间一样每次只调一半，下级手册的预算合计不变。',
    runsColumn: '本期状态',
    campaignRuns: state => ({ before: '未开始', during: '进行中', after: '已结束' })[state],
    carriedOutColumn: '是否按计划执行？',
    viaColumn: '投放渠道',
    servesColumn: '支持',
    perUnit: (cost, metric) => (cost.endsWith('元') ? `${cost}/${metric}` : `${cost} / ${metric}`),
    assumption: (volume, rate, derived) => `${volume} × ${rate} = ${derived}`,
    costNote: '预计单位成本 = 预算 ÷ 渠道或活动交付的第一个计数指标的数量。',

    budgetHeading: '预算',
    noBudget: '没有设定预算。',
    shareOfBudgetColumn: '占总预算比例',
    channelsTotal: '渠道合计',
    campaignsTotal: '活动合计',
    allocatedTotal: '已分配',
    unallocated: '未分配',
    overrun: '超出预算',
    playbookBudget: '总预算',
    budgetPieTitle: currency => `预算（${currency === 'CNY' ? '元' : currency}）`,

    timelineHeading: '时间线',
    timelineTitle: '时间线',
    timelineLegend: '横条：运营周期、活动时间（红色为必须执行的活动）、定期复盘从第一次到最后一次；菱形：目标截止日期和单次复盘。',
    noPeriod: '运营手册没有设定周期，因此没有时间线。',
    playbookPeriod: '运营周期',
    goalDeadlines: '目标截止',
    reviewsHeading: '复盘',
    timesHeld: n => `${n} 次`,

    raciHeading: '职责分工（RACI）',
    noWorkstreams: '没有工作板块。',
    workstreamColumn: '工作板块',
    raciLegend: 'R = 执行，A = 最终负责，C = 咨询，I = 知会。',

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
    loadNote: '负荷 = 本手册各工作板块中该人员执行（responsible）比例之和，与其可投入时间（capacity）对比。',

    assessmentsHeading: '考核',
    noAssessments: '没有考核。',
    kpiColumn: '考核指标（KPI）',
    weightColumn: '权重',
    totalWeightColumn: '合计',
    perPeriod: (amount, period) => `每${period}目标 ${amount}`,

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
    noFindings: '无。opsbook check 未报告任何问题。',
    findingsIntro: n => `opsbook check 仍报告 ${n} 个问题（警告不影响生成计划，但每一个都需要有人决定如何处理）：`,
    whereColumn: '位置',
    severityColumn: '级别',
    ruleColumn: '规则',
    messageColumn: '说明',

    reviewIntro: (title, source) =>
        `${title}。由 opsbook 根据 ${source} 生成的复盘模板：请填写空白单元格和答案。编辑之后，除非使用 --force，opsbook 不会覆盖本文件。`,
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
    statusBands: (onTrack, atRisk) => `达到序时目标的 ${onTrack} 及以上为正常，${atRisk} 及以上为有风险，低于 ${atRisk} 为落后`,
    elapsedColumn: '时间进度',
    targetToDateColumn: '序时目标',
    actualColumn: '实际',
    varianceColumn: '差异',
    goalsReviewNote:
        '序时目标 = 目标值 × 时间进度（从周期开始到截止日期已过去的比例；活动按其活动时间计算）。百分比和数值类目标不按时间进度折算。差异 = 实际 − 序时目标（括号内为序时完成率）。',
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
    reallocationMethod:
        '预算只在计量单位相同的渠道之间调整，每组总额不变。先算出每个渠道的现有预算按实际单位成本能换来多少（预算 ÷ 实际单位成本），按这个数量的比例分配总额；建议预算取当前预算与这个方案的中间值，金额取整，余数给单位成本最低的渠道。每次只调一半，是为了不让一个周期的波动就把整笔预算挪走。',
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
    dueColumn: '完成日期',
    doneColumn: '已完成',
    milestonesColumn: '里程碑',
    milestoneBy: (amount, date) => `${date} 前达到 ${amount}`,
    goalMilestones: '目标里程碑',
    timelineLegendWithMilestones:
        '横条：运营周期、活动时间（红色为必须执行的活动）、定期复盘从第一次到最后一次；菱形：目标里程碑、目标截止日期和单次复盘。',
    milestonePacingNote:
        '设有里程碑的目标按里程碑测算序时进度：序时目标从周期开始时的 0 起，逐段线性增长到各个里程碑，到截止日期时达到目标值；向这类目标交付的渠道按同样的节奏测算。百分比和数值类目标不随时间累加，取下一个里程碑的值。',
    periodOverPeriodHeading: '环比',
    periodOverPeriodIntro: (current, previous) =>
        `本期：${current}；上一个等长周期：${previous}。计数和金额按各期内日期的行求和，百分比和数值取各期最新一行。变化 = 本期 − 上期（括号内为相对上期的变化）。`,
    noDatedActuals: (current, previous) =>
        `实际数据中没有日期落在 ${current} 或上期 ${previous} 内的行，因此没有环比数据：上面的数字均为截至目前的累计值。`,
    thisPeriodColumn: '本期',
    previousPeriodColumn: '上期',
    toDateColumn: '累计至今',
    followUpsHeading: '上次复盘的跟进事项',
    followUpsFrom: '上次复盘 ',
    followUpsAfter: (open, total) =>
        ` 中共有 ${total} 项决定，其中 ${open} 项尚未标为完成，列在下面。请在“已完成”一栏逐项标记，或继续跟进。`,
    noOpenFollowUps: total => (total === 0 ? '上次复盘没有记录任何决定。' : `上次复盘的 ${total} 项决定都已标为完成。`),
    overdue: '已逾期'
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
    partOf: '所属目标',
    contributions: '贡献',
    servedBy: '支持方',
    serves: '支持',
    status: {
        covered: '已覆盖',
        undercovered: '覆盖不足',
        overcommitted: '规划过量',
        unplanned: '未规划',
        'not-additive': '不可累加（百分比、数值或“至多”目标不求和）',
        'no-target': '无目标值'
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
    workspaceLoad: '跨手册负荷',
    loadIn: playbook => `在 ${playbook} 中`,
    assignments: '分工',
    role: ROLES,
    raci: { responsible: '执行（R）', accountable: '最终负责（A）', consulted: '咨询（C）', informed: '知会（I）' },
    assessedOn: '考核项',
    kind: '类型',
    usedIn: '用于',
    notUsed: '尚未被任何元素使用。',
    monitored: how => `监测：${how}`,
    focusLine: focus => `重点：${focus}`,
    reviewEvery: scheduleZh,
    monitorHow: (every, byChannel, source) =>
        [every !== undefined ? say(EVERY, every) : undefined, byChannel ? '分渠道' : undefined, source]
            .filter(part => part !== undefined && part !== '')
            .join(PUNCTUATION['zh-CN'].listSeparator),
    monitorAlert: (direction, threshold, per) =>
        `预警：${per !== undefined ? `每${say(PER, per)}` : ''}${direction === 'below' ? '低于' : '高于'} ${threshold}`,
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
    milestones: '里程碑',
    milestoneItem: (amount, date, share) => `${date} 前达到 ${amount}${share !== undefined ? `（目标的 ${share}）` : ''}`,
    hintShareOfGoal: (share, goal) => `占 ${goal} ${share}`,
    hintShareOfTarget: share => `目标的 ${share}`,
    hintShareOfBudget: share => `占预算 ${share}`,
    hintShareOfParentBudget: (share, parent) => `占 ${parent} 预算 ${share}`,
    hintPlanned: (planned, share) => `已规划 ${planned}${share ? `（${share}）` : ''}`,
    hintDerived: (derived, metric) => `= ${derived} ${metric}`,
    lensGoal: (planned, target, share) => `已规划 ${planned} / ${target}${share ? `（${share}）` : ''}`,
    lensGoalUnplanned: '未规划',
    previewPlan: '预览执行计划',
    generateReview: '生成复盘模板',
    replaceWith: name => `替换为 '${name}'`,
    create: (type, name, file) => `新建${type} '${name}'${file ? `（在 ${file} 中）` : ''}`,
    importFrom: (name, file) => `从 "${file}" 导入 '${name}'`,
    addMonitor: metric => `为 '${metric}' 添加监测`,
    rescaleWeights: '将 KPI 权重按比例调整为 100%',
    addOwner: person => `添加负责人 ${person}`,
    addAccountable: person => `设 ${person} 为最终负责人`,
    addKpi: (goal, person, weight) => `在 ${person} 的考核中加上 'kpi ${goal} weight ${weight}'`,
    addAssessment: (person, goal) => `添加考核 'assessment ${person} { kpi ${goal} weight 100% }'`,
    removeSuppressionComment: '删除这条 opsbook-ignore 注释',
    removeSuppressionName: rule => `从 opsbook-ignore 中删除 '${rule}'`,
    suppressRule: rule => `在此行忽略 ${rule}`
};

// ---- 命令行工具（packages/cli）：i18n/cli-text.ts ------------------------------------------------

export const CLI_MESSAGES_ZH_CN: CliMessages = {
    unknownOption: flag => `错误：未知的选项 '${flag}'`,
    unknownCommand: name => `错误：未知的命令 '${name}'`,
    missingArgument: name => `错误：缺少必需的参数 '${name}'`,
    optionMissingArgument: flags => `错误：选项 '${flags}' 缺少取值`,
    missingMandatoryOption: flags => `错误：缺少必需的选项 '${flags}'`,
    conflictingOptions: (flags, other) => `错误：选项 '${flags}' 不能与选项 '${other}' 同时使用`,
    invalidOptionValue: (flags, value, reason) => `错误：选项 '${flags}' 的取值 '${value}' 无效。${reason}`,
    invalidArgumentValue: (name, value, reason) => `错误：参数 '${name}' 的取值 '${value}' 无效。${reason}`,
    allowedChoices: choices => `可选值为 ${choices.join('、')}。`,
    tooManyArguments: (command, expected, got) =>
        `错误：${command ? `「${command}」的` : ''}参数过多：应为 ${expected} 个，实际为 ${got} 个。`,
    didYouMean: candidates => `（是不是 ${candidates.join('、')}？）`,

    windowOption: (flag, value, _problem) =>
        flag === '--on'
            ? `--on ${value}：不是有效日期；请写成 YYYY-MM-DD，例如 2027-02-01`
            : `--period ${value}：不是有效周期；请写成 2027-W05（周）、2027-01（月）、2027-Q1（季度）或 2027（年）`,

    templatesMissing: '当前安装的 opsbook 缺少 init 模板',
    periodOption: (value, _problem) => `--period ${value}：不是有效周期；请写成 2027-Q1（季度）、2027-03（月）或 2027（年）`,
    starterCpaComment: '预算 ÷ 渠道交付量不得超过此值'
};

// ---- 下一周期与变更审阅（SPEC §9）：usecases/next-cycle.ts、usecases/diff-playbooks.ts ----

const FIELD_ZH: Record<ChangeField, string> = {
    title: '标题',
    period: '周期',
    budget: '预算',
    allocated: '已分配',
    remaining: '未分配',
    currency: '币种',
    parent: '上级手册',
    region: '区域',
    stage: '阶段',
    target: '目标值',
    bound: '方向',
    deadline: '截止日期',
    milestones: '里程碑',
    owner: '负责人',
    planned: '已规划',
    coverage: '覆盖率',
    status: '状态',
    strategy: '策略',
    partOf: '所属目标',
    kind: '类型',
    type: '类型',
    window: '时间窗口',
    binding: '执行要求',
    via: '投放渠道',
    share: '预算占比',
    deliveries: '交付',
    costPerUnit: '预计单位成本',
    capacity: '可投入时间',
    load: '跨手册负荷'
};

export const CYCLE_TEXT_ZH_CN: CycleText = {
    nextHeader: ({ playbook, period, source, actuals }) =>
        `${playbook} 的下一周期（${period}）：由 opsbook next 根据 ${source} 和 ${actuals} 生成。`,
    finishedCycle: ({ period }) => `已结束的周期（${period}）：`,
    goalResult: ({ goal, actual, target, attainment, status }) =>
        actual === undefined
            ? `${goal}：无实际数据${target !== undefined ? `（目标 ${target}）` : ''}`
            : `${goal}：完成 ${actual}${target !== undefined ? `，目标 ${target}` : ''}${attainment !== undefined ? `（${attainment}）` : ''}${status !== undefined ? `，${status}` : ''}`,
    costsHeading: '实际单位成本：',
    channelCost: ({ channel, actual, planned, metric }) =>
        `${channel}：${actual !== undefined ? `每个 ${metric} ${actual}` : `没有 ${metric} 的实际数据`}${planned !== undefined ? `（计划单位成本 ${planned}）` : ''}`,
    reallocationHeading: '渠道预算已按实际单位成本重新分配（与复盘建议一致）：',
    reallocationNone: '渠道预算不变：没有可比较实际数据的渠道。',
    reallocationRow: ({ channel, from, to, change }) => `${channel}：${from} → ${to}（${change}）`,
    droppedCampaigns: ({ campaigns }) =>
        `上一周期的活动未带入：${campaigns.map(c => (c.window ? `${c.name}（${c.window}）` : c.name)).join(PUNCTUATION['zh-CN'].listSeparator)}。`,
    replaceCampaigns: ({ campaigns }) => `上一周期由 ${campaigns.join(PUNCTUATION['zh-CN'].listSeparator)} 交付：请规划替代的活动`,
    statusWord: status => ({ 'on-track': '正常', 'at-risk': '有风险', 'off-track': '落后' })[status],

    diffTitle: a => `Opsbook 变更：${a.old} → ${a.new}`,
    noChanges: '分析得出的数字没有变化。',
    diffSummary: ({ changes, appeared, gone }) => `数字有 ${changes} 处变化；新出现 ${appeared} 个问题，消除 ${gone} 个。`,
    playbookHeading: ({ playbook, file }) => (playbook === '' ? file : `${playbook}（${file}）`),
    fileAdded: '新文件。',
    fileRemoved: '文件已删除。',
    peopleHeading: '人员负荷',
    columnElement: '元素',
    columnChange: '变化',
    columnBefore: '之前',
    columnAfter: '之后',
    section: section => ({ playbook: '手册', goal: '目标', channel: '渠道', campaign: '活动', person: '人员', file: '文件' })[section],
    kind: kind => ({ added: '新增', removed: '删除', changed: '修改' })[kind],
    field: field => FIELD_ZH[field],
    findingsAppeared: '新出现的问题',
    findingsGone: '已消除的问题',
    none: '—',
    workingTree: '工作区',

    nextNoPeriod: ({ file }) => `${file}：手册没有周期；请用 --period 指定下一周期（例如 --period 2027-Q2）`,
    nextBadPeriod: ({ period, problem }) => `--period ${period}：${problem}`,
    nextPeriodNotAfter: ({ period, current }) => `--period ${period} 没有在手册周期（${current}）之后开始；下一周期应接在已结束的周期之后`,
    nextExists: ({ file }) => `${file}：文件已存在，不会覆盖（如需替换请加 --force）`,
    nextOutputNeeded: '对目录生成下一周期需要 -o OUTDIR：写入新手册的目录',
    nextNoPlaybooks: ({ folder }) => `${folder}：这里没有声明 playbook 的 .ops 文件`,
    nextAmbiguousChannel: ({ channel, line, files }) =>
        `第 ${line} 行：渠道 '${channel}' 出现在多个手册中（${files}）；请分别提供各手册的实际数据`,
    nextNotFormatted: ({ problem }) => `无法格式化下一周期的手册（${problem}）；请附上文件报告此问题`,
    diffNeedsTwo: 'diff 需要两个版本：OLD NEW（文件或目录），或 --rev A[..B] [PATHS…]',
    diffMissing: ({ file, side }) => `${file}：文件或目录不存在（${side === 'old' ? '旧' : '新'}版本）`,
    diffKindsDiffer: a => `${a.old} 和 ${a.new}：只能文件对文件、目录对目录比较`,
    diffNotGit: ({ folder }) => `--rev：${folder} 不在 git 仓库中`,
    diffUnknownRevision: ({ revision }) => `--rev：未知的版本 '${revision}'`,
    diffNotInRevision: ({ file, revision }) => `${file}：版本 ${revision} 中没有这个文件`,
    diffOutsideRepository: ({ file }) => `${file}：不在 git 仓库内`
};

// ---- 命令行：帮助、汇总、监视模式、自动修复（packages/cli） ----------------------------------------------------

export const CLI_TEXT_ZH_CN: CliText = {
    programDescription: 'Opsbook：把运营手册写成可检查的文本文件',
    examplesHeading: '示例：',
    help: {
        headings: {
            'Usage:': '用法：',
            'Arguments:': '参数：',
            'Options:': '选项：',
            'Global Options:': '全局选项：',
            'Commands:': '命令：'
        },
        optionsPlaceholder: '[选项]',
        commandPlaceholder: '[命令]',
        notes: ({ choices, defaultValue, defaultDescription, preset, env }) => {
            const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
            const notes = [
                choices && `可选 ${choices.join('、')}`,
                defaultValue !== undefined && `默认 ${defaultDescription || shown(defaultValue)}`,
                preset !== undefined && `不带取值时为 ${shown(preset)}`,
                env !== undefined && `环境变量 ${env}`
            ].filter(note => typeof note === 'string');
            return notes.length > 0 ? `（${notes.join('；')}）` : '';
        }
    },
    commands: {
        check: {
            description: '检查运营手册：语法、引用，以及数字是否对得上',
            examples: [
                ['opsbook check', '检查当前目录下的所有运营手册'],
                ['opsbook check plans --format github --max-warnings 0', '在PR（合并请求）上标注问题；有任何警告即失败'],
                ['opsbook check plans --watch', '运营手册一保存就重新检查'],
                ['opsbook check --fix', '先应用无需人工判断的快速修复，再报告剩下的问题'],
                ['cat q1.ops | opsbook check -', '检查标准输入（报告中显示为 <stdin>）']
            ]
        },
        plan: {
            description: '生成运营手册的执行计划（Markdown）；给目录并用 -o OUTDIR 时，生成其中每个运营手册的计划和 index.md',
            examples: [
                ['opsbook plan plans/q1.ops -o plan.md', '把执行计划写入 plan.md'],
                ['opsbook plan plans/q1.ops -o plan.md --watch', '运营手册一保存就重新生成'],
                ['opsbook plan plans/q1.ops --locale zh-CN', '中文执行计划，输出到标准输出'],
                ['opsbook plan examples/org -o plans/', '为 examples/org 下的每个运营手册生成计划，并生成含运营手册层级的 plans/index.md']
            ]
        },
        review: {
            description: '生成复盘模板：截至当日的目标、实际、偏差、问题和决策',
            examples: [
                ['opsbook review plans/q1.ops --period 2027-02 -o review.md', '2 月的复盘模板'],
                ['opsbook review plans/q1.ops --on 2027-02-15 --actuals actuals.csv', '截至 2 月 15 日，并填入实际数据']
            ]
        },
        export: {
            description: '把解析后的运营手册连同计算出的数字导出为 JSON 或 CSV',
            examples: [
                ['opsbook export plans/q1.ops -o q1.json', '包含全部计算结果的模型'],
                ['opsbook export plans/q1.ops --format csv -o q1.csv', '一张供电子表格使用的平铺表']
            ]
        },
        fmt: {
            description: '按统一版式格式化运营手册（直接改写文件）',
            examples: [
                ['opsbook fmt', '格式化当前目录下的所有运营手册'],
                ['opsbook fmt --check', '用于 CI：列出未格式化的文件，退出码为 1'],
                ['opsbook fmt --diff plans', '以统一差异格式显示将要改动的内容，退出码为 1'],
                ['cat q1.ops | opsbook fmt -', '格式化标准输入，结果写到标准输出']
            ]
        },
        init: {
            description: '写入能通过检查的起步文件 playbook.ops、team.ops 和 opsbook.json（不覆盖已有文件）',
            examples: [
                ['opsbook init plans', '在 plans/ 中生成起步文件'],
                ['opsbook init plans --stage seed --focus activation --period 2027-Q1', '种子期、以促活为重点的运营手册']
            ]
        },
        next: {
            description: '生成下一周期的运营手册：周期顺延，渠道预算按实际单位成本重新分配',
            examples: [
                ['opsbook next plans/q1.ops --actuals q1.csv -o plans/q2.ops', '根据已结束的季度和实际数据生成下一季度'],
                ['opsbook next plans/2027-Q3 --actuals q3.csv -o plans/2027-Q4', '整个组织的运营手册一起顺延'],
                ['opsbook next plans/q1.ops --actuals q1.csv --period 2027-Q3', '指定其他周期']
            ]
        },
        diff: {
            description: '比较两个版本分析得出的数字有何变化：文件、目录或 git 版本',
            examples: [
                ['opsbook diff --rev origin/main', '当前分支与 main 比较，用作PR（合并请求）评论'],
                ['opsbook diff --rev v1..v2 plans --format json', '两个标签之间，输出 JSON'],
                ['opsbook diff plans/q1.ops plans/q2.ops', '两个文件']
            ]
        },
        completion: {
            description: '输出 bash、zsh 或 fish 的命令补全脚本',
            examples: [
                ['opsbook completion bash > ~/.local/share/bash-completion/completions/opsbook', 'bash（需 bash-completion 2）'],
                ['opsbook completion zsh > "${fpath[1]}/_opsbook"', 'zsh（之后重启 shell）'],
                ['opsbook completion fish > ~/.config/fish/completions/opsbook.fish', 'fish']
            ]
        }
    },
    options: {
        watch: '运营手册、它导入的文件或 opsbook.json 一有改动就重新运行（按 Ctrl+C 停止）',
        fix: '先应用无需人工判断的快速修复（清单见 docs/cli.md），再报告剩下的问题',
        diff: '不改动文件；以统一差异格式输出将要改动的内容，有改动时退出码为 1',
        completionShell: 'shell 类型：bash、zsh 或 fish',
        color: '即使不输出到终端，也给文本报告加颜色',
        noColor: '文本报告始终不加颜色（也可设 NO_COLOR=1）',
        help: '显示命令帮助',
        version: '显示版本号',
        helpCommand: '显示命令帮助',
        locale: '消息和文档的语言',
        checkPaths: '要检查的文件或目录（默认：当前目录；- 表示读取标准输入）',
        format: '输出格式',
        maxWarnings: '警告超过 n 个时退出码为 1',
        quiet: '只报告错误',
        playbookFile: '声明 playbook 的 .ops 文件（- 表示读取标准输入）',
        output: '写入此文件，而不是标准输出',
        planFormat: 'markdown，或 html：一个独立的网页，图表已绘制好，不含脚本',
        forcePlan: '即使输出文件被改动过或并非 opsbook 生成，也覆盖它',
        forceReview: '即使输出文件被手工改动过或并非 opsbook 生成，也覆盖它',
        forceExport: '即使输出文件不是 opsbook 之前导出的，也覆盖它',
        reviewOn: '截至此日期复盘（YYYY-MM-DD）',
        reviewPeriod: '复盘这一周、月、季度或年：2027-W05、2027-01、2027-Q1、2027',
        actuals: '实际数据：列为 date,metric,channel,value 的 CSV 文件',
        previousReview: '把上一次复盘中未完成的决定（其决定表）带入这次复盘',
        reviewName: '只包含这场复盘覆盖的目标和问题（默认：该周期内举行的所有复盘）',
        fmtPaths: '要格式化的文件或目录（默认：当前目录；- 表示把标准输入格式化后写到标准输出）',
        fmtCheck: '不改动文件；列出需要改动的文件，有则退出码为 1',
        initDir: '写入的目录（默认：当前目录）',
        stage: '产品所处的生命周期阶段',
        focus: '策略重点（默认：适合该阶段的一项）',
        nextTarget: '声明 playbook 的 .ops 文件，或一个目录（其中所有运营手册一起顺延）',
        nextActuals: '已结束周期的实际数据：列为 date,metric,channel,value 的 CSV',
        nextPeriod: '下一周期（默认：紧接着的同长度周期）：2027-Q2、2027-04、2027 或 2027-04-01..2027-06-30',
        nextOutput: '写入这个文件（对目录则为目录），而不是标准输出',
        forceNext: '覆盖已有文件',
        diffPaths: 'OLD NEW（两个文件或两个目录）；使用 --rev 时为要比较的文件或目录（默认：当前目录）',
        diffRev: '比较 git 版本：A..B，或 A 与工作区比较',
        diffFormat: 'markdown（PR（合并请求）评论）或 json',
        initPeriod: '运营手册的周期：2027-Q1、2027-03 或 2027（默认：当前季度）'
    },

    notWholeNumber: '应为 0 或正整数',

    wrote: file => `已写入 ${file}`,
    noSuchFile: file => `${file}：文件不存在`,
    noPlaybook: file => `${file}：没有声明 playbook（这是 team.ops 之类的共用文件）；请指定声明了 \`playbook\` 的文件`,
    planFolderHtml: folder =>
        `${folder}：这是目录；--format html 只能为单个运营手册文件生成执行计划（目录的执行计划为 Markdown，并附 index.md）`,
    planFolderNeedsOutput: folder => `${folder}：这是目录；请用 -o OUTDIR 指定输出目录，为其中每个运营手册生成执行计划，并生成 index.md`,
    planOutputNotFolder: output => `${output}：不是目录；为目录生成计划时，-o 应指定写入计划的目录`,
    planFolderNoPlaybook: folder => `${folder}：其中没有声明 playbook 的 .ops 文件`,
    planIndexClash: (file, index) => `${file}：它的计划会写成 ${index}，与计划索引同名；请给文件改名`,
    blockingErrors: (file, n) => `${file}：有 ${n} 个错误；请先修正再生成文档（详见 opsbook check）`,
    reviewWindowNeeded: 'review 需要且只需要 --on 日期（如 --on 2027-02-01）或 --period 周期（2027-W05、2027-01、2027-Q1）其中之一',
    noSuchReview: (name, file, reviews) =>
        `--review ${name}：${file} 中没有这场复盘${reviews.length > 0 ? `；现有复盘：${reviews.join('、')}` : ''}`,
    initNext: command => `下一步：${command}`,
    initFocusUnsuited: (focus, stage, suited) => `策略重点 ${focus} 不适合 ${stage} 阶段：请选择 ${suited.join('、')}`,
    initExists: files => `${files.join('、')} 已存在；init 不会写入任何文件（请先移走，或换一个目录）`,
    cannotCreateFolder: (folder, code) => `${folder}：无法创建目录（${code}）`,

    files: {
        noSuchPath: path => `${path}：文件或目录不存在`,
        notFileOrFolder: path => `${path}：不是普通文件或目录`,
        cannotReadFolder: (path, code) => `${path}：无法读取目录（${code}）`,
        notUtf8: (file, line, column) => `${file}:${line}:${column}：不是有效的 UTF-8 文本（请将文件另存为 UTF-8 编码）`,
        cannotRead: (file, code) =>
            `${file}：${code === 'EISDIR' ? '是目录，不是文件' : code === 'ENOENT' ? '文件不存在' : code === 'EACCES' || code === 'EPERM' ? '权限不足' : `无法读取（${code}）`}`,
        cannotWrite: (file, code) => `${file}：无法写入（${code}）`,
        linkToMissing: file => `${file}：是指向不存在文件的符号链接；不会通过它写入`,
        linkElsewhere: (file, real) => `${file}：是指向另一个目录中 ${real} 的符号链接；不会通过它写入（请删除该链接或换一个输出文件）`,
        isFolder: file => `${file}：是目录，不是文件`,
        notRegular: file => `${file}：不是普通文件；不会写入`,
        cannotReadBeforeOverwrite: (file, code) => `${file}：覆盖前无法读取以作检查（${code}）`,
        edited: (file, what) =>
            `${file}：这份${({ plan: '执行计划', review: '复盘模板', export: '导出文件' } as Record<string, string>)[what] ?? '文件'}在 opsbook 生成后被改动过；不会覆盖（用 --force 强制替换，或用 -o 写到别的文件）`,
        foreign: file => `${file}：已存在且不是 opsbook 生成的；不会覆盖（用 --force 强制替换，或用 -o 换一个文件）`,
        readOnly: file => `${file}：是只读文件；不会写入（如需让 opsbook 修改，请先设为可写，例如 chmod u+w）`,
        folderMissing: (file, folder) => `${file}：目录 ${folder} 不存在`,
        writeFailed: (file, code) =>
            `${file}：无法写入（${code === 'EACCES' || code === 'EPERM' ? '权限不足' : code === 'ENOSPC' ? '设备空间不足' : code}）；原有内容（如有）保持不变`
    },
    internalError: message => `内部错误：${message}（请连同引发问题的文件一起报告）`,

    tally: (files, errors, warnings, infos) =>
        `已检查 ${files} 个文件：${errors} 个错误，${warnings} 个警告${infos ? `，${infos} 条提示` : ''}`,
    tooManyWarnings: (warnings, max) => `警告过多：共 ${warnings} 个（--max-warnings 最多允许 ${max} 个）`,
    fixed: (n, file) => `${file}：已修复 ${n} 个问题`,
    checking: '正在检查',

    notFormatted: n => `${n} 个文件未格式化（运行 opsbook fmt 进行格式化）`,
    fileLeftUnchanged: '（文件未改动）',

    completionComment: shell =>
        shell === 'bash'
            ? [
                  'opsbook 的 bash 命令补全。安装：opsbook completion bash > ~/.local/share/bash-completion/completions/opsbook',
                  '（或在 ~/.bashrc 中加上：source <(opsbook completion bash)）'
              ]
            : shell === 'zsh'
              ? ['opsbook 的 zsh 命令补全。安装：opsbook completion zsh > "${fpath[1]}/_opsbook"，然后打开新的终端窗口。']
              : ['opsbook 的 fish 命令补全。安装：opsbook completion fish > ~/.config/fish/completions/opsbook.fish'],
    completionCommands: 'opsbook 命令',
    watching: paths => `正在监视 ${paths} 的改动（按 Ctrl+C 停止）`,
    rerun: file => `${file} 有改动，重新运行`,

    stdinAlone: '- （标准输入）不能与其他路径一起使用',
    stdinNotWith: option => `- （标准输入）不能与 ${option} 一起使用`,
    noOpsFiles: paths => (paths.length > 0 ? `${paths.join('、')} 中没有 .ops 文件` : '当前目录中没有 .ops 文件'),
    serverUsage:
        'opsbook-language-server 是供编辑器连接的语言服务器（LSP）：请用 --stdio 启动（也可用 --node-ipc、--socket=端口 或 --pipe=名称）；命令行工具是 `opsbook`'
};
