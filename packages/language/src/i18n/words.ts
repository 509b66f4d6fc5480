// The words every catalogue shares, one home per locale: punctuation (defined once, used by messages,
// editor text and documents), the words of element types, and the phrase builders the rule messages
// (rules/*.ts) and the core messages (en.ts, zh-cn.ts) put their figures into. No message lives here.

import type { Decimal } from '../values/decimal.js';
import type { Locale } from '../values/format.js';
import type { ContributionPart, ContributionSource, ExpectedToken, FoundToken } from './message.js';
import { TextFormatter, type UnitText } from './text.js';

/** Punctuation between a label and its value, clauses and the names of a list. */
export interface Punctuation {
    /** `: ` in English, the full-width `：` in Chinese. */
    colon: string;
    /** `, ` in English, `，` in Chinese. */
    comma: string;
    /** Between the items of a list of names: `, ` in English, `、` in Chinese. */
    listSeparator: string;
    /** Between the first and the last day of a range as a reader writes it: ` – ` in English, ` 至 ` in Chinese. */
    rangeTo: string;
}

export const PUNCTUATION: Readonly<Record<Locale, Punctuation>> = {
    en: { colon: ': ', comma: ', ', listSeparator: ', ', rangeTo: ' – ' },
    'zh-CN': { colon: '：', comma: '，', listSeparator: '、', rangeTo: ' 至 ' }
};

/** How an element type reads in a message (in every catalogue): `Person` → "a person" / "人员（person）". */
const WORDS: Record<string, string> = {
    Playbook: 'playbook',
    Strategy: 'strategy',
    Metric: 'metric',
    Funnel: 'funnel',
    Goal: 'goal',
    Channel: 'channel',
    Campaign: 'campaign',
    Workstream: 'workstream',
    Person: 'person',
    Team: 'team',
    Forecast: 'forecast',
    Review: 'review',
    Assessment: 'assessment',
    Monitor: 'monitor',
    KpiSubject: 'goal or channel',
    NamedElement: 'element',
    Import: 'import'
};

const ZH_WORDS: Record<string, string> = {
    Playbook: '运营手册',
    Strategy: '策略',
    Metric: '指标',
    Funnel: '漏斗',
    Goal: '目标',
    Channel: '渠道',
    Campaign: '活动',
    Workstream: '工作板块',
    Person: '人员',
    Team: '团队',
    Forecast: '预测',
    Review: '复盘',
    Assessment: '考核',
    Monitor: '监测',
    KpiSubject: '目标或渠道',
    NamedElement: '元素',
    Import: '导入'
};

/**
 * English: "a goal" (or "goal" without the article). Chinese: "目标（goal）" — the keyword in brackets
 * so that the reader finds it in the file (or just "目标" without the article).
 */
export function describeElementType(type: string, withArticle = true, locale: Locale = 'en'): string {
    if (locale === 'zh-CN') {
        const word = ZH_WORDS[type] ?? type;
        const keyword = WORDS[type];
        return withArticle && keyword && !keyword.includes(' ') ? `${word}（${keyword}）` : word;
    }
    const word = WORDS[type] ?? type.toLowerCase();
    return withArticle ? `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}` : word;
}

/** A campaign `region` that means every region (SPEC §8), in both languages, lower case. */
/** SPEC §9 `--previous`: what marks a decision done in a review's Done column, in either language (lower case). */
export const DONE_MARKS: readonly string[] = [
    'x',
    '✓',
    '✔',
    '✅',
    '☑',
    'yes',
    'y',
    'done',
    'closed',
    '是',
    '完成',
    '已完成',
    '已关闭',
    '关闭'
];

export const NATIONAL_REGION_WORDS: readonly string[] = ['national', '全国'];

/** The keywords that start an element, in grammar order (a syntax error lists them). */
export const ELEMENT_KEYWORDS = [
    'import',
    'playbook',
    'strategy',
    'metric',
    'funnel',
    'goal',
    'channel',
    'campaign',
    'workstream',
    'person',
    'team',
    'assessment',
    'forecast',
    'monitor',
    'review'
];

// ---- English ---------------------------------------------------------------------------------

/** English phrase builders for messages. */
export const en = {
    f: new TextFormatter('en'),
    /** `a goal`, `an assessment`. */
    a: (type: string) => describeElementType(type, true, 'en'),
    /** `goal`. */
    word: (type: string) => describeElementType(type, false, 'en'),
    /** `Visits'`, `ann's`. */
    poss: (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`),
    /** The size of a difference in percentage points. */
    diff: (value: Decimal) => new TextFormatter('en').points(value.abs()),
    /** An amount without its currency (the target names it once): `30,000,000`, `35%`. */
    bare: (amount: Decimal, unit: UnitText) =>
        unit.kind === 'percent' ? new TextFormatter('en').points(amount) : new TextFormatter('en').num(amount),
    /** Contributions as `中秋大促 30,000,000; 华东销售额 50,000,000 (华东.ops)`: the file only for another file's (SPEC §8). */
    partList: (parts: readonly ContributionPart[], unit: UnitText) =>
        parts.map(p => `${p.name} ${en.bare(p.amount, unit)}${p.file !== undefined ? ` (${p.file})` : ''}`).join('; '),
    MONTHS: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    VALUE_WHAT: {
        stage: w => `unknown stage '${w}'`,
        focus: w => `unknown focus '${w}'`,
        kind: w => `unknown channel kind '${w}'`,
        type: w => `unknown campaign type '${w}'`,
        binding: w => `unknown binding '${w}'`,
        every: w => `unknown frequency '${w}' after 'every'`,
        weekday: w => `unknown weekday '${w}' after 'on'`,
        per: w => `unknown period '${w}' after 'per'`,
        locale: w => `unknown locale '${w}'`
    } as Record<string, (word: string) => string>,
    SOURCE: {
        channels: 'channels deliver',
        campaigns: 'campaigns deliver',
        'channels-campaigns': 'channels and campaigns deliver',
        'sub-goals': 'sub-goals add up to',
        'deliveries-sub-goals': 'deliveries and sub-goals add up to',
        none: 'nothing delivers'
    } as Record<ContributionSource, string>,
    expectedWord: (token: ExpectedToken) =>
        'terminal' in token ? (EN_TERMINALS[token.terminal] ?? `'${token.terminal}'`) : `'${token.keyword}'`,
    found: (token: FoundToken) => {
        if (token.kind === 'eof') return 'the end of the file';
        if (token.kind === 'text') return `the text ${token.image}`;
        return `'${token.image}'`;
    }
};

const EN_TERMINALS: Record<string, string> = {
    DATE: 'a date like 2027-03-31',
    QUARTER: 'a quarter like 2027-Q1',
    MONTH: 'a month like 2027-01',
    NUMBER: 'a number',
    PERCENT: 'a percentage like 35%',
    STRING: 'a quoted text',
    ID: 'a name',
    EOF: 'the end of the file'
};

// ---- 简体中文 -----------------------------------------------------------------------------------

const ZH_TERMINALS: Record<string, string> = {
    DATE: '日期（如 2027-03-31）',
    QUARTER: '季度（如 2027-Q1）',
    MONTH: '月份（如 2027-01）',
    NUMBER: '数字',
    PERCENT: '百分比（如 35%）',
    STRING: '带引号的文字',
    ID: '名称',
    EOF: '文件结尾'
};

/** 消息里共用的中文短语。 */
export const zh = {
    f: new TextFormatter('zh-CN'),
    /** 带类型说明的元素：`目标（goal）`。 */
    el: (type: string) => describeElementType(type, true, 'zh-CN'),
    word: (type: string) => describeElementType(type, false, 'zh-CN'),
    abs: (value: Decimal) => new TextFormatter('zh-CN').points(value.abs()),
    /** 不带币种的金额（目标已写明币种）：`30,000,000`、`35%`。 */
    bare: (amount: Decimal, unit: UnitText) =>
        unit.kind === 'percent' ? new TextFormatter('zh-CN').points(amount) : new TextFormatter('zh-CN').num(amount),
    /** 各项贡献：`中秋大促 30,000,000；华东销售额 50,000,000（华东.ops）`，只有其他文件里的才注明文件（SPEC §8）。 */
    partList: (parts: readonly ContributionPart[], unit: UnitText) =>
        parts.map(p => `${p.name} ${zh.bare(p.amount, unit)}${p.file !== undefined ? `（${p.file}）` : ''}`).join('；'),
    VALUE_WHAT: {
        stage: '阶段（stage）',
        focus: '重点（focus）',
        kind: '渠道类型（kind）',
        type: '活动类型（type）',
        binding: '执行要求（binding）',
        every: '频率（every）',
        weekday: '星期（on）',
        per: '周期（per）',
        locale: '语言（locale）'
    } as Record<string, string>,
    KIND: { count: '计数（count）', money: '金额（money）', percent: '百分比（percent）', number: '数值（number）' } as Record<
        string,
        string
    >,
    SOURCE: {
        channels: '渠道共交付',
        campaigns: '活动共交付',
        'channels-campaigns': '渠道和活动共交付',
        'sub-goals': '子目标合计',
        'deliveries-sub-goals': '交付和子目标合计',
        none: '没有交付'
    } as Record<ContributionSource, string>,
    expectedWord: (token: ExpectedToken) =>
        'terminal' in token ? (ZH_TERMINALS[token.terminal] ?? `'${token.terminal}'`) : `'${token.keyword}'`,
    found: (token: FoundToken) => {
        if (token.kind === 'eof') return '文件结尾';
        if (token.kind === 'text') return `文字 ${token.image}`;
        return `'${token.image}'`;
    }
};
