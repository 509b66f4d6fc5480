// A playbook that carries hostile text in every place a user can write free text, and names that
// are dangerous in JavaScript (`__proto__`, `constructor`) or in Markdown (`__bold__`, `_em_`).

import { HOSTILE_TEXTS, quote } from '../../fuzz/support/valid-playbook.js';

export { HOSTILE_TEXTS };

/** Text meant to run if anything ever evaluated a playbook's strings or names. */
export const CODE_TEXTS = [
    '${process.exit(7)}',
    "'); require('child_process').execSync('touch PWNED'); ('",
    '{{constructor.constructor("return process")().exit(9)}}',
    '<%= process.exit(8) %>',
    '`${require("fs").writeFileSync("PWNED", "x")}`',
    '\nclick g1 call alert(1)',
    '%%{init: {"securityLevel": "loose"}}%%'
];

export function hostilePlaybook(): string {
    const texts = [...HOSTILE_TEXTS, ...CODE_TEXTS];
    let i = 0;
    const t = () => quote(texts[i++ % texts.length] as string);
    return `playbook __proto__ ${t()} {
  product ${t()}
  stage growth
  period 2027-01-01 .. 2027-03-31
  currency CNY
  budget 500k CNY
}
strategy constructor ${t()} { focus acquisition rationale ${t()} competition ${t()} }
metric toString ${t()} count
metric hasOwnProperty ${t()} money
funnel valueOf ${t()} { toString -> toString }
person __bold__ ${t()} { role ${t()} team _em_ capacity 100% }
person prototype ${t()} { role ${t()} team _em_ }
team _em_ ${t()} { lead __bold__ }
goal Users ${t()} { target 1000 toString by 2027-03-31 owner __bold__ strategy constructor }
goal Revenue ${t()} { target 100k CNY hasOwnProperty by 2027-03-31 owner prototype }
channel SEO ${t()} { kind organic owner __bold__ budget 100k CNY delivers 1000 toString to Users }
campaign Sale ${t()} { type promotion window 2027-01-10 .. 2027-02-10 binding advisory region ${t()} owner prototype budget 50k CNY delivers 100k CNY hasOwnProperty to Revenue }
workstream Content ${t()} { responsible __bold__ 50% accountable __bold__ serves Users }
assessment __bold__ { kpi Users weight 50% kpi ${t()} target 3 per week weight 50% }
assessment prototype { kpi Revenue weight 100% }
forecast Fc ${t()} for Revenue { sales 100k CNY finance 100k CNY market 100k CNY decided 100k CNY by prototype }
monitor toString { by channel every week source ${t()} alert below 10 per day }
monitor hasOwnProperty { by channel every week source ${t()} }
review Weekly ${t()} { every week on monday owner __bold__ covers Users, Revenue ask ${t()} ask ${t()} }
`;
}
