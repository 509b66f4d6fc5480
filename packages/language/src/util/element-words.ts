import type { Locale } from '../values/format.js';

/** How an element type reads in a message: `Person` → "a person" / "人员（person）". */
const WORDS: Record<string, string> = {
    Playbook: 'playbook', Strategy: 'strategy', Metric: 'metric', Funnel: 'funnel', Goal: 'goal', Channel: 'channel',
    Campaign: 'campaign', Workstream: 'workstream', Person: 'person', Team: 'team', Forecast: 'forecast',
    Review: 'review', Assessment: 'assessment', Monitor: 'monitor', KpiSubject: 'goal or channel', NamedElement: 'element'
};

const ZH_WORDS: Record<string, string> = {
    Playbook: '运营手册', Strategy: '策略', Metric: '指标', Funnel: '漏斗', Goal: '目标', Channel: '渠道',
    Campaign: '活动', Workstream: '工作版块', Person: '人员', Team: '团队', Forecast: '预测',
    Review: '复盘', Assessment: '考核', Monitor: '监测', KpiSubject: '目标或渠道', NamedElement: '元素'
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
