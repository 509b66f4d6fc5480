import type { CoverageStatus } from '../analysis/model.js';
import type { Locale } from '../values/format.js';

/**
 * The words of hovers, inlay hints, code lenses and quick-fix titles, in both locales. Figures arrive
 * already formatted (i18n/text.ts TextFormatter), so this file only places them in a sentence.
 */
export interface LspText {
    /** ': ' in English, '：' in Chinese. */
    colon: string;
    /** ', ' in English, '，' in Chinese. */
    comma: string;
    /** Between the items of a list of names: ', ' in English, '、' in Chinese. */
    listSeparator: string;
    // hover
    target: string;
    bound: Record<'at least' | 'at most', string>;
    planned: string;
    deadline: string;
    owner: string;
    strategy: string;
    partOf: string;
    contributions: string;
    servedBy: string;
    serves: string;
    status: Record<CoverageStatus, string>;
    short(amount: string): string;
    over(amount: string): string;
    budget: string;
    ofPlaybookBudget(share: string): string;
    delivers: string;
    deliveryLine(amount: string, goal: string, share: string | undefined): string;
    impliedCost(cost: string, metric: string): string;
    cpaLimit(limit: string): string;
    assumption(volume: string, metric: string, rate: string, derived: string): string;
    assumptionCompared(nextMetric: string, delivered: string): string;
    load: string;
    loadLine(load: string, capacity: string, ratio: string | undefined): string;
    /** SPEC §8: the load with the shares of other playbooks whose period overlaps. */
    workspaceLoad: string;
    loadIn(playbook: string): string;
    assignments: string;
    role: Record<'owner' | 'responsible' | 'accountable' | 'consulted' | 'informed' | 'decider' | 'lead', string>;
    raci: Record<'responsible' | 'accountable' | 'consulted' | 'informed', string>;
    assessedOn: string;
    kind: string;
    usedIn: string;
    notUsed: string;
    monitored(how: string): string;
    notMonitored: string;
    window: string;
    via: string;
    binding: string;
    forecasts: string;
    spread(spread: string): string;
    decided(amount: string, by: string): string;
    weights(total: string): string;
    allocated(allocated: string, total: string, share: string): string;
    remaining(amount: string): string;
    goalsCount(count: number): string;
    schedule: string;
    covers: string;
    team: string;
    capacity: string;
    lead: string;
    members: string;
    rule: string;
    ruleLink: string;
    // inlay hints
    hintShareOfGoal(share: string, goal: string): string;
    hintShareOfBudget(share: string): string;
    hintPlanned(planned: string, share: string | undefined): string;
    hintDerived(derived: string, metric: string): string;
    // code lenses
    lensGoal(planned: string, target: string, share: string | undefined): string;
    lensGoalUnplanned: string;
    previewPlan: string;
    generateReview: string;
    // quick fixes
    replaceWith(name: string): string;
    create(type: string, name: string, file: string | undefined): string;
    importFrom(name: string, file: string): string;
    addMonitor(metric: string): string;
    rescaleWeights: string;
    addOwner(person: string): string;
    addAccountable(person: string): string;
}

const EN: LspText = {
    colon: ': ',
    comma: ', ',
    listSeparator: ', ',
    target: 'Target',
    bound: { 'at least': 'at least', 'at most': 'at most' },
    planned: 'Planned',
    deadline: 'by',
    owner: 'Owner',
    strategy: 'Strategy',
    partOf: 'Part of',
    contributions: 'Contributions',
    servedBy: 'Served by',
    serves: 'Serves',
    status: {
        covered: 'covered',
        undercovered: 'undercovered',
        overcommitted: 'overcommitted',
        unplanned: 'nothing planned yet',
        'not-additive': 'not additive (percent, number or "at most" targets are not summed)',
        'no-target': 'no target'
    },
    short: amount => `${amount} short`,
    over: amount => `${amount} over`,
    budget: 'Budget',
    ofPlaybookBudget: share => `${share} of the playbook budget`,
    delivers: 'Delivers',
    deliveryLine: (amount, goal, share) => `${amount} to ${goal}${share ? ` (${share} of its target)` : ''}`,
    impliedCost: (cost, metric) => `Implied cost: ${cost} per unit of ${metric}`,
    cpaLimit: limit => `limit ${limit}`,
    assumption: (volume, metric, rate, derived) => `Assumes ${volume} ${metric} at ${rate} = ${derived}`,
    assumptionCompared: (nextMetric, delivered) => `delivers ${delivered} ${nextMetric}`,
    load: 'Load',
    workspaceLoad: 'Across playbooks',
    loadLine: (load, capacity, ratio) => `${load} of ${capacity} capacity${ratio ? ` (${ratio} used)` : ''}`,
    loadIn: playbook => `in ${playbook}`,
    assignments: 'Assignments',
    role: { owner: 'owns', responsible: 'responsible for', accountable: 'accountable for', consulted: 'consulted on', informed: 'informed of', decider: 'decides', lead: 'leads' },
    raci: { responsible: 'Responsible', accountable: 'Accountable', consulted: 'Consulted', informed: 'Informed' },
    assessedOn: 'Assessed on',
    kind: 'Kind',
    usedIn: 'Used in',
    notUsed: 'Not used by any element yet.',
    monitored: how => `Monitored ${how}`,
    notMonitored: 'Not monitored.',
    window: 'Window',
    via: 'Via',
    binding: 'Binding',
    forecasts: 'Forecasts',
    spread: spread => `spread ${spread}`,
    decided: (amount, by) => `decided ${amount} by ${by}`,
    weights: total => `KPI weights add up to ${total}`,
    allocated: (allocated, total, share) => `Allocated ${allocated} of ${total} (${share})`,
    remaining: amount => `${amount} remaining`,
    goalsCount: count => `${count} goal${count === 1 ? '' : 's'}`,
    schedule: 'Schedule',
    covers: 'Covers',
    team: 'Team',
    capacity: 'Capacity',
    lead: 'Lead',
    members: 'Members',
    rule: 'Rule',
    ruleLink: "the rule's documentation",
    hintShareOfGoal: (share, goal) => `${share} of ${goal}`,
    hintShareOfBudget: share => `${share} of budget`,
    hintPlanned: (planned, share) => `planned ${planned}${share ? ` (${share})` : ''}`,
    hintDerived: (derived, metric) => `= ${derived} ${metric}`,
    lensGoal: (planned, target, share) => `planned ${planned} / ${target}${share ? ` (${share})` : ''}`,
    lensGoalUnplanned: 'nothing planned yet',
    previewPlan: 'Preview plan',
    generateReview: 'Generate review',
    replaceWith: name => `Replace with '${name}'`,
    create: (type, name, file) => `Create ${type} '${name}'${file ? ` in ${file}` : ''}`,
    importFrom: (name, file) => `Import '${name}' from "${file}"`,
    addMonitor: metric => `Add a monitor for '${metric}'`,
    rescaleWeights: 'Rescale the KPI weights to 100%',
    addOwner: person => `Add owner ${person}`,
    addAccountable: person => `Make ${person} accountable`
};

const ZH_CN: LspText = {
    colon: '：',
    comma: '，',
    listSeparator: '、',
    target: '目标',
    bound: { 'at least': '至少', 'at most': '至多' },
    planned: '已规划',
    deadline: '截止',
    owner: '负责人',
    strategy: '策略',
    partOf: '上级目标',
    contributions: '贡献',
    servedBy: '受支持于',
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
    workspaceLoad: '跨运营手册合计',
    loadLine: (load, capacity, ratio) => `${load} / 产能 ${capacity}${ratio ? `（已用 ${ratio}）` : ''}`,
    loadIn: playbook => `在 ${playbook} 中`,
    assignments: '分工',
    role: { owner: '负责', responsible: '执行', accountable: '问责', consulted: '咨询', informed: '知会', decider: '决策', lead: '带领' },
    raci: { responsible: '执行（R）', accountable: '问责（A）', consulted: '咨询（C）', informed: '知会（I）' },
    assessedOn: '考核项',
    kind: '类型',
    usedIn: '使用于',
    notUsed: '尚未被任何元素使用。',
    monitored: how => `监测：${how}`,
    notMonitored: '未监测。',
    window: '时间窗口',
    via: '渠道',
    binding: '约束',
    forecasts: '预测',
    spread: spread => `分歧 ${spread}`,
    decided: (amount, by) => `${by} 决定 ${amount}`,
    weights: total => `KPI 权重合计 ${total}`,
    allocated: (allocated, total, share) => `已分配 ${allocated} / ${total}（${share}）`,
    remaining: amount => `剩余 ${amount}`,
    goalsCount: count => `${count} 个目标`,
    schedule: '频率',
    covers: '覆盖目标',
    team: '团队',
    capacity: '产能',
    lead: '负责人',
    members: '成员',
    rule: '规则',
    ruleLink: '规则说明',
    hintShareOfGoal: (share, goal) => `占 ${goal} ${share}`,
    hintShareOfBudget: share => `占预算 ${share}`,
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
    addAccountable: person => `设 ${person} 为问责人`
};

export function lspText(locale: Locale): LspText {
    return locale === 'zh-CN' ? ZH_CN : EN;
}
