// The English catalogue: the messages that belong to no single rule (related information, the
// actuals CSV) plus every rule's English messages, gathered from the rule registry (rules/*.ts).
// Shared words and punctuation are in words.ts. Every message says what is wrong, with the numbers,
// and what would fix it.

import { ruleMessages } from '../rules/index.js';
import type { MessageCatalogue } from './catalogue.js';
import { en } from './words.js';

const { f } = en;

export const EN: MessageCatalogue = {
    ...ruleMessages('en'),

    actualsDuplicateRow: ({ line, date, metric, channel, level }) =>
        `the same date, metric and channel as line ${line} (${date}, ${metric}, ${channel === '' ? 'no channel' : channel}): ${level ? 'the later line is used' : 'both values are added up'}; delete one if the row was exported twice`,

    relatedDelivery: ({ from, amount, unit }) => `${from} delivers ${f.qty(amount, unit)}`,
    relatedSubGoal: ({ goal, amount, unit }) => `sub-goal ${goal} targets ${f.qty(amount, unit)}`,
    relatedBudget: ({ name, amount, currency }) => `${name}: budget ${f.money(amount, currency)}`,
    relatedResponsibility: ({ person, workstream, share }) => `${person} is responsible for ${f.points(share)} in ${workstream}`,
    relatedKpi: ({ subject, weight }) => `${subject}: weight ${f.points(weight)}`,
    relatedForecastFigure: ({ who, amount, unit }) => `${who} forecast: ${f.amount(amount, unit)}`,
    relatedPartOf: ({ goal, parent }) => `${goal} is part of ${parent}`,
    relatedGoal: ({ goal }) => `goal ${goal}`,
    relatedMonitor: ({ metric }) => `monitor ${metric}, not by channel`
};
