// Synthetic inputs for the benchmark, deterministic (seeded): Opsbook playbooks that use every element
// of SPEC §1 with cross-references and imports, and whose numbers add up (so they check clean), plus
// hledger and Beancount journals of the same line counts for the peers.
//
//   node bench/generate.mjs [OUT_DIR]     writes every input and prints where
//
// Each input gets its own folder with an `opsbook.json` (the workspace root marker).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SINGLE_SIZES = [1_000, 10_000, 100_000];
export const WORKSPACE_FILES = 1_000;
export const WORKSPACE_FILE_LINES = 100;
const SEED = 20270101;

/** mulberry32: small, fast, deterministic. */
export function random(seed) {
    let state = seed >>> 0;
    const next = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return {
        int: (low, high) => low + Math.floor(next() * (high - low + 1)),
        pick: items => items[Math.floor(next() * items.length)],
        chance: p => next() < p
    };
}

/** Writes an integer the ways people do: 20000, 20_000, 20k, 2万. Always exact. */
function number(rng, n) {
    const forms = [String(n), String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '_')];
    if (n % 1000 === 0) forms.push(`${n / 1000}k`);
    if (n % 10000 === 0) forms.push(`${n / 10000}万`);
    return rng.pick(forms);
}

const FOCUS_FOR_GROWTH = ['acquisition', 'activation', 'retention', 'referral', 'brand'];
const CHANNEL_KINDS = ['organic', 'social', 'content', 'community', 'referral', 'email'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const REGIONS = ['South China', 'East China', 'North China', 'West China'];

export function playbookHeader(name, budgetK) {
    return [
        `playbook ${name} "Acme Notes — Q1 2027 growth (${name})" {`,
        '  product "Acme Notes"',
        '  stage growth',
        '  period 2027-Q1',
        '  currency CNY',
        '  fx USD = 7.1 CNY',
        `  budget ${budgetK}k CNY`,
        '  locale en',
        '}',
        ''
    ];
}

/** People of one unit, defined in the unit's own file. */
function peopleLines(people, team, teamLocal) {
    const lines = [
        `person ${people.lead} "Lead ${people.lead}" { role "Growth lead" team ${team} capacity 100% }`,
        `person ${people.seo} { role "SEO specialist" team ${team} }`,
        `person ${people.paid} { role "Paid media" team ${team} capacity 50% }`,
        `person ${people.sales} "${people.sales}" { role "Regional sales" team ${team} }`
    ];
    if (teamLocal) lines.push(`team ${team} { lead ${people.lead} }`);
    lines.push('');
    return lines;
}

function metricLines(m) {
    return [
        `metric ${m.visits}    "Site visits"       count`,
        `metric ${m.signups}   "Registered users"  count`,
        `metric ${m.activated} "Activated users"   count`,
        `metric ${m.revenue}   "Paid revenue"      money`,
        `metric ${m.d30}       "Day-30 retention"  percent`,
        '',
        `funnel ${m.funnel} { ${m.visits} -> ${m.signups} -> ${m.activated} }`,
        ''
    ];
}

/**
 * One unit of a plan (about 90 lines): a strategy, five goals (one a sub-goal), two channels, two
 * campaigns, a workstream, four assessments, a forecast, five monitors and a review — numbers chosen
 * so that every goal is exactly covered, budgets fit, cpa and assumptions hold and forecasts agree.
 */
export function unitLines(rng, s, people, m, { withPeople, withMetrics, team }) {
    const lines = [`// ---- unit ${s} ----`];
    const focus = rng.pick(FOCUS_FOR_GROWTH);
    lines.push(
        `strategy Grow${s} "Grow unit ${s}" {`,
        `  focus ${focus}`,
        `  rationale "Beta feedback is strong; competitors ship in Q2 (unit ${s})."`,
        '  competition "Two note-taking apps with bigger ad budgets"',
        '}'
    );
    if (withPeople) lines.push(...peopleLines(people, team, true));
    if (withMetrics) lines.push(...metricLines(m));

    // Signups: SEO delivers volume × rate, Ads the rest; activation a share of it.
    const volume = rng.int(50, 200) * 1000;
    const rate = rng.int(2, 5);
    const seoSignups = (volume * rate) / 100;
    const adsSignups = rng.int(10, 60) * 500;
    const seedTarget = seoSignups + adsSignups;
    const activated = rng.int(10, 40) * Math.floor(seedTarget / 100);
    const adsBudget = rng.int(10, 40) * 10_000;
    const cpa = Math.ceil(adsBudget / adsSignups) + 5;
    const seoBudgetUsd = rng.chance(0.3);
    const seoBudget = rng.int(2, 9) * 10_000;
    // Revenue: the spring campaign delivers the rest of what the south sub-goal does not.
    const revenue = rng.int(20, 80) * 10_000;
    const south = rng.int(5, revenue / 20_000) * 10_000;
    const springBudget = rng.int(4, 12) * 10_000;
    const roadshowBudget = rng.int(2, 6) * 10_000;
    const deadline = `2027-03-${rng.int(25, 31)}`;
    const springStart = rng.int(5, 20);
    const roadshowStart = rng.int(1, 10);

    lines.push(
        `goal Seed${s} "Acquire ${seedTarget} seed users" {`,
        `  target ${number(rng, seedTarget)} ${m.signups} by ${deadline}`,
        `  owner ${people.lead}`,
        `  strategy Grow${s}`,
        '}',
        `goal Activate${s} { target ${number(rng, activated)} ${m.activated} by ${deadline} owner ${people.lead} strategy Grow${s} }`,
        `goal Retention${s} { target at least ${rng.int(25, 45)}% ${m.d30} by ${deadline} owner ${people.sales} }`,
        `goal Revenue${s} { target ${number(rng, revenue)} CNY ${m.revenue} by ${deadline}  owner ${people.sales} }`,
        `goal South${s} {`,
        `  target ${number(rng, south)} CNY ${m.revenue} by ${deadline}`,
        `  part of Revenue${s}                 // counts toward Revenue${s}`,
        `  owner ${people.sales}`,
        '}',
        '',
        `channel SEO${s} "Search" {`,
        `  kind ${rng.pick(CHANNEL_KINDS)}  owner ${people.seo}`,
        seoBudgetUsd ? `  budget ${seoBudget / 1000}k USD` : `  budget ${number(rng, seoBudget)} CNY`,
        `  assumes ${number(rng, volume)} ${m.visits} at ${rate}%`,
        `  delivers ${number(rng, seoSignups)} ${m.signups} to Seed${s}`,
        '}',
        `channel Ads${s} {`,
        `  kind paid  owner ${people.paid}`,
        `  budget ${number(rng, adsBudget)} CNY`,
        `  cpa at most ${cpa} CNY`,
        `  delivers ${number(rng, adsSignups)} ${m.signups} to Seed${s}`,
        `  delivers ${number(rng, activated)} ${m.activated} to Activate${s}`,
        '}',
        `campaign Spring${s} "Spring Festival promotion" {`,
        '  type promotion  binding mandatory',
        `  window 2027-01-${String(springStart).padStart(2, '0')} .. 2027-02-${String(springStart).padStart(2, '0')}`,
        `  region "National"  via Ads${s}  owner ${people.sales}`,
        `  budget ${number(rng, springBudget)} CNY`,
        `  delivers ${number(rng, revenue - south)} CNY ${m.revenue} to Revenue${s}`,
        `  serves Retention${s}`,
        '}',
        `campaign Roadshow${s} {`,
        '  type event  binding advisory',
        `  window 2027-02-${String(roadshowStart).padStart(2, '0')} .. 2027-03-${String(roadshowStart + 10).padStart(2, '0')}`,
        `  region "${rng.pick(REGIONS)}"  owner ${people.sales}`,
        `  budget ${number(rng, roadshowBudget)} CNY`,
        `  delivers ${number(rng, south)} CNY ${m.revenue} to South${s}`,
        '}',
        `workstream Content${s} "SEO content pipeline" {`,
        `  responsible ${people.seo} ${rng.int(30, 80)}%`,
        `  responsible ${people.sales} ${rng.int(5, 20)}%`,
        `  accountable ${people.lead}`,
        `  consulted ${people.sales}, ${people.paid}  informed ${people.paid}`,
        `  serves Seed${s}, Activate${s}`,
        '}',
        `assessment ${people.seo} {`,
        `  kpi Seed${s} weight 40%`,
        `  kpi SEO${s} weight 40%`,
        '  kpi "Articles published" target 10 per week weight 20%',
        '}',
        `assessment ${people.lead} { kpi Seed${s} weight 60%  kpi Activate${s} weight 40% }`,
        `assessment ${people.sales} { kpi Revenue${s} weight 50%  kpi South${s} weight 20%  kpi Retention${s} weight 30% }`,
        `assessment ${people.paid} { kpi Ads${s} weight 100% }`,
        '',
        `forecast RevenueForecast${s} for Revenue${s} {`,
        `  sales ${revenue + revenue / 20} CNY  finance ${revenue - revenue / 20} CNY  market ${number(rng, revenue)} CNY`,
        `  decided ${number(rng, revenue)} CNY by ${people.lead}`,
        '}',
        '',
        `monitor ${m.visits} { by channel every day source "GA4" }`,
        `monitor ${m.signups} { by channel every day source "GA4" alert below ${rng.int(50, 200)} per day }`,
        `monitor ${m.activated} { by channel every week source "Product analytics" }`,
        `monitor ${m.revenue} { every week source "Finance ledger" }`,
        `monitor ${m.d30} { every week source "Product analytics" }`,
        '',
        `review Weekly${s} "Weekly growth review" {`,
        `  every week on ${rng.pick(WEEKDAYS)}  at ${deadline}`,
        `  owner ${people.lead}`,
        `  covers Seed${s}, Revenue${s}`,
        '  ask "Which channel brings the users who stay?"',
        '}',
        ''
    );
    const budgetCny = (seoBudgetUsd ? Math.ceil(seoBudget * 7.1) : seoBudget) + adsBudget + springBudget + roadshowBudget;
    return { lines, budgetCny };
}

function unitMetrics(s) {
    return {
        visits: `visits${s}`,
        signups: `signups${s}`,
        activated: `activated${s}`,
        revenue: `revenue${s}`,
        d30: `d30${s}`,
        funnel: `Onboarding${s}`
    };
}

/** Pads with comment lines (or fails) so that a file has exactly `target` lines. */
export function exactly(lines, target, what) {
    if (lines.length > target) throw new Error(`${what}: ${lines.length} lines, more than ${target}`);
    let i = 0;
    while (lines.length < target) lines.push(`// notes ${++i}`);
    return lines.join('\n') + '\n';
}

/** One self-contained playbook of exactly `totalLines` lines. */
export function singlePlaybook(totalLines, seed = SEED) {
    const rng = random(seed + totalLines);
    const units = [];
    let lines = 10; // header
    let budget = 0;
    for (let i = 1; ; i++) {
        const s = `_${i}`;
        const people =
            i % 7 === 0
                ? { lead: `lead${s}`, seo: `seo${s}`, paid: `paid${s}`, sales: `小王${s}` }
                : { lead: `lead${s}`, seo: `seo${s}`, paid: `paid${s}`, sales: `sales${s}` };
        const unit = unitLines(rng, s, people, unitMetrics(s), { withPeople: true, withMetrics: true, team: `Team${s}` });
        if (lines + unit.lines.length > totalLines) break;
        units.push(unit.lines);
        lines += unit.lines.length;
        budget += unit.budgetCny;
    }
    const text = [...playbookHeader('NotesQ1', Math.ceil((budget * 1.1) / 1000)), ...units.flat()];
    return exactly(text, totalLines, `playbook of ${totalLines} lines`);
}

const TEAM_PEOPLE = 24;
export const SHARED_METRICS = {
    visits: 'visits',
    signups: 'signups',
    activated: 'activated',
    revenue: 'revenue',
    d30: 'd30',
    funnel: 'Onboarding'
};

/** The shared `team.ops`: people, teams, metrics and the funnel all playbooks of the workspace use. */
export function teamFile() {
    const lines = ['// People, teams and metrics shared by every playbook of the workspace.', ''];
    const teams = ['Marketing', 'Sales', 'Product', 'Support'];
    for (let i = 1; i <= TEAM_PEOPLE; i++) {
        const team = teams[i % teams.length];
        lines.push(`person p${i} "Person ${i}" { role "Operations" team ${team} capacity ${i % 3 === 0 ? 50 : 100}% }`);
    }
    lines.push('');
    lines.push(...teams.map((team, i) => `team ${team} "${team}" { lead p${i + 1} }`));
    lines.push('');
    lines.push(...metricLines(SHARED_METRICS));
    return lines.join('\n') + '\n';
}

/** One playbook of the workspace: imports team.ops for owners, metrics and teams. */
export function workspacePlaybook(index, seed = SEED) {
    const rng = random(seed * 31 + index);
    const s = `_${index}`;
    const owner = k => `p${((index * 5 + k) % TEAM_PEOPLE) + 1}`;
    // Owners come from team.ops; the two people with responsible shares are the playbook's own, so
    // that shares never add up across playbooks.
    const people = { lead: owner(0), paid: owner(1), seo: `seo${s}`, sales: `sales${s}` };
    const unit = unitLines(rng, s, people, SHARED_METRICS, { withPeople: false, withMetrics: false });
    const text = [
        'import "team.ops"',
        '',
        ...playbookHeader(`Plan${s}`, Math.ceil((unit.budgetCny * 1.2) / 1000)),
        `person seo${s} { role "SEO specialist" team Marketing }`,
        `person sales${s} { role "Regional sales" team Sales }`,
        ...unit.lines
    ];
    return exactly(text, WORKSPACE_FILE_LINES, `workspace file ${index}`);
}

/** hledger journal of exactly `totalLines` lines: account declarations, then 4-line transactions. */
export function hledgerJournal(totalLines, seed = SEED) {
    const rng = random(seed + 7 * totalLines);
    const accounts = ['expenses:marketing:seo', 'expenses:marketing:ads', 'expenses:events', 'expenses:content', 'income:sales'];
    const lines = ['commodity 1,000.00 CNY', 'account assets:bank', ...accounts.map(a => `account ${a}`), ''];
    for (let i = 0; lines.length + 4 <= totalLines; i++) {
        const date = dateAfter('2020-01-01', Math.floor(i / 20));
        const account = rng.pick(accounts);
        lines.push(
            `${date} * Vendor ${i % 97} | invoice ${i}`,
            `    ${account}    ${rng.int(100, 99999)}.${String(rng.int(0, 99)).padStart(2, '0')} CNY`,
            '    assets:bank',
            ''
        );
    }
    return exactly(lines, totalLines, 'hledger journal').replace(/\/\/ notes/g, '; notes');
}

/** Beancount ledger of exactly `totalLines` lines. */
export function beancountLedger(totalLines, seed = SEED) {
    const rng = random(seed + 11 * totalLines);
    const accounts = ['Expenses:Marketing:Seo', 'Expenses:Marketing:Ads', 'Expenses:Events', 'Expenses:Content', 'Income:Sales'];
    const lines = [
        'option "operating_currency" "CNY"',
        '2019-12-31 open Assets:Bank CNY',
        ...accounts.map(a => `2019-12-31 open ${a} CNY`),
        ''
    ];
    for (let i = 0; lines.length + 4 <= totalLines; i++) {
        const date = dateAfter('2020-01-01', Math.floor(i / 20));
        const account = rng.pick(accounts);
        lines.push(
            `${date} * "Vendor ${i % 97}" "invoice ${i}"`,
            `  ${account}  ${rng.int(100, 99999)}.${String(rng.int(0, 99)).padStart(2, '0')} CNY`,
            '  Assets:Bank',
            ''
        );
    }
    return exactly(lines, totalLines, 'beancount ledger').replace(/\/\/ notes/g, '; notes');
}

function dateAfter(start, days) {
    const date = new Date(`${start}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
}

function writeInput(folder, files) {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'opsbook.json'), '{}\n');
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
}

/**
 * Writes every input under `root` and describes them: for each, its folder, the files to pass to a
 * checker, and the number of lines and bytes.
 */
export function generateAll(root) {
    const inputs = [];
    for (const size of SINGLE_SIZES) {
        const label = `${size / 1000}k`;
        const folder = path.join(root, `single-${label}`);
        const text = singlePlaybook(size);
        writeInput(folder, { 'playbook.ops': text });
        inputs.push({
            id: `single-${label}`,
            label: `one file, ${label} lines`,
            folder,
            files: ['playbook.ops'],
            lines: size,
            bytes: Buffer.byteLength(text)
        });
    }
    const folder = path.join(root, 'workspace');
    const files = { 'team.ops': teamFile() };
    for (let i = 1; i <= WORKSPACE_FILES; i++) files[`plan-${String(i).padStart(4, '0')}.ops`] = workspacePlaybook(i);
    writeInput(folder, files);
    const names = Object.keys(files).sort();
    const texts = Object.values(files);
    inputs.push({
        id: 'workspace',
        label: `${WORKSPACE_FILES} files × ${WORKSPACE_FILE_LINES} lines`,
        folder,
        files: names,
        lines: texts.reduce((n, t) => n + t.split('\n').length - 1, 0),
        bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0)
    });
    const peers = [];
    for (const size of SINGLE_SIZES) {
        const label = `${size / 1000}k`;
        const dir = path.join(root, `peers-${label}`);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'ledger.journal'), hledgerJournal(size));
        fs.writeFileSync(path.join(dir, 'ledger.beancount'), beancountLedger(size));
        peers.push({
            id: `single-${label}`,
            lines: size,
            journal: path.join(dir, 'ledger.journal'),
            beancount: path.join(dir, 'ledger.beancount')
        });
    }
    return { root, inputs, peers };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const root = process.argv[2] ? path.resolve(process.argv[2]) : fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-bench-'));
    const { inputs } = generateAll(root);
    for (const input of inputs) console.log(`${input.folder}  ${input.files.length} file(s), ${input.lines} lines, ${input.bytes} bytes`);
}
