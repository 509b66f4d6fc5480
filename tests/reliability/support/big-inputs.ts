// Generators of pathological playbooks, written at test time into temporary folders (nothing big is
// committed).

/** A playbook header with one count metric, a monitor and a review, so the rest can be plain blocks. */
export const HEADER = `playbook Big "Big" {
  stage growth
  period 2027-01-01 .. 2027-12-31
  currency CNY
  budget 100亿 CNY
}
metric signups "Signups" count
monitor signups { by channel every week source "GA4" }
review Weekly { every week on monday owner p0 covers G0 }
`;

/**
 * About `bytes` of realistic blocks: a person, a goal, a channel delivering to it and an assessment,
 * each with its own names. Every `typoEvery`-th block misspells its owner, so the file also carries
 * thousands of unresolved references (each needs a "did you mean" suggestion).
 */
export function bigPlaybook(bytes: number, typoEvery = 50): { text: string; blocks: number } {
    const parts: string[] = [HEADER];
    let size = HEADER.length;
    let blocks = 0;
    while (size < bytes) {
        const i = blocks++;
        const owner = i > 0 && i % typoEvery === 0 ? `p${i}x` : `p${i}`;
        const block = `person p${i} "Person ${i}" { role "Owner of goal ${i}" }
goal G${i} "Goal ${i}" { target 100 signups by 2027-03-31 owner ${owner} }
channel C${i} "Channel ${i}" { kind paid owner p${i} budget 1k CNY delivers 100 signups to G${i} }
assessment p${i} { kpi G${i} weight 100% }
`;
        parts.push(block);
        size += block.length;
    }
    return { text: parts.join(''), blocks };
}

/**
 * `depth` goals of target 1, each `part of` the previous one, the last delivered by a channel (so every
 * goal is exactly covered); with `loop`, the first is also part of the last.
 */
export function partOfChain(depth: number, loop = false): string {
    const lines = [
        'playbook Chain { period 2027-01-01 .. 2027-12-31 budget 1M CNY }',
        'metric signups count',
        'person p "P"',
        'assessment p { kpi G0 weight 100% }',
        'monitor signups { every week source "x" }',
        'review R { every week owner p covers G0 }',
        `goal G0 { target 1 signups by 2027-06-30 owner p${loop ? ` part of G${depth - 1}` : ''} }`
    ];
    for (let i = 1; i < depth; i++) lines.push(`goal G${i} { target 1 signups by 2027-06-30 owner p part of G${i - 1} }`);
    lines.push(`channel C { kind paid owner p budget 1k CNY delivers 1 signups to G${depth - 1} }`);
    return `${lines.join('\n')}\n`;
}
