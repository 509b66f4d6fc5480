/** How an element type reads in a message: `Person` → "a person". */
const WORDS: Record<string, string> = {
    Playbook: 'playbook', Strategy: 'strategy', Metric: 'metric', Funnel: 'funnel', Goal: 'goal', Channel: 'channel',
    Campaign: 'campaign', Workstream: 'workstream', Person: 'person', Team: 'team', Forecast: 'forecast',
    Review: 'review', KpiSubject: 'goal or channel', NamedElement: 'element'
};

export function describeElementType(type: string, withArticle = true): string {
    const word = WORDS[type] ?? type.toLowerCase();
    return withArticle ? `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}` : word;
}
