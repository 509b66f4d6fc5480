// SPEC §8 benchmark input (issue 14): one national playbook and 50 regional ones that are `part of` it,
// 300 lines each, all importing the shared team.ops; each region's revenue goal is `part of` the national
// goal, so the national figures add up across the 51 files. Numbers add up, so the folder checks clean.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exactly, playbookHeader, random, SHARED_METRICS, teamFile, unitLines } from './generate.mjs';

export const REGIONS = 50;
export const ORG_FILE_LINES = 300;
const SEED = 20270314;

/** Units of ~90 lines (generate.mjs) until the file is nearly `ORG_FILE_LINES` long; people of each unit declared in the file. */
function units(rng, tag, owner, room) {
    const lines = [];
    let budget = 0;
    for (let k = 1; ; k++) {
        const s = `_${tag}_${k}`;
        const people = { lead: owner(2 * k), paid: owner(2 * k + 1), seo: `seo${s}`, sales: `sales${s}` };
        const unit = unitLines(rng, s, people, SHARED_METRICS, { withPeople: false, withMetrics: false });
        const own = [`person seo${s} { role "SEO specialist" team Marketing }`, `person sales${s} { role "Regional sales" team Sales }`];
        if (lines.length + own.length + unit.lines.length > room) break;
        lines.push(...own, ...unit.lines);
        budget += unit.budgetCny;
    }
    return { lines, budget };
}

function header(name, budgetCny, extra) {
    const lines = playbookHeader(name, Math.ceil(budgetCny / 1000));
    lines.splice(1, 0, ...extra);
    return lines;
}

/** Writes the organisation under `root/org` and describes it like generate.mjs's inputs. */
export function generateOrganisation(root) {
    const rng = random(SEED);
    const folder = path.join(root, 'org');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'opsbook.json'), '{}\n');
    const files = { 'team.ops': teamFile() };
    const owner = i => k => `p${((i * 5 + k) % 24) + 1}`;
    let regionTargets = 0;
    let regionBudgets = 0;
    for (let i = 1; i <= REGIONS; i++) {
        const r = String(i).padStart(2, '0');
        const target = rng.int(20, 90) * 100_000;
        const channelBudget = rng.int(5, 20) * 10_000;
        const body = [
            `goal RegionRevenue${r} "Region ${r} revenue" {`,
            `  target ${target} CNY revenue by 2027-03-31`,
            '  part of NationalRevenue',
            `  owner ${owner(i)(0)}`,
            '}',
            `channel RegionSales${r} "Region ${r} direct sales" {`,
            `  kind direct  owner ${owner(i)(1)}`,
            `  budget ${channelBudget} CNY`,
            `  delivers ${target} CNY revenue to RegionRevenue${r}`,
            '}',
            ''
        ];
        const filled = units(rng, `r${r}`, owner(i), ORG_FILE_LINES - 16 - body.length);
        const budget = Math.ceil(((filled.budget + channelBudget) * 1.2) / 1000) * 1000;
        const text = [
            'import "team.ops"',
            'import "national.ops"',
            '',
            ...header(`Region${r}`, budget, ['  part of National', `  region "R${r}"`]),
            ...body,
            ...filled.lines
        ];
        files[`region-${r}.ops`] = exactly(text, ORG_FILE_LINES, `region ${r}`);
        regionTargets += target;
        regionBudgets += budget;
    }
    const promo = rng.int(50, 150) * 100_000;
    const promoBudget = rng.int(20, 60) * 10_000;
    const body = [
        `goal NationalRevenue "National revenue" { target ${regionTargets + promo} CNY revenue by 2027-03-31  owner p1 }`,
        'campaign NationalPromo "National spring promotion" {',
        '  type promotion  binding mandatory  region "National"',
        '  window 2027-02-01 .. 2027-02-20  owner p2',
        `  budget ${promoBudget} CNY`,
        `  delivers ${promo} CNY revenue to NationalRevenue`,
        '}',
        ''
    ];
    const filled = units(rng, 'n', owner(0), ORG_FILE_LINES - 14 - body.length);
    const budget = Math.ceil(((filled.budget + promoBudget + regionBudgets) * 1.1) / 1000) * 1000;
    files['national.ops'] = exactly(
        ['import "team.ops"', '', ...header('National', budget, []), ...body, ...filled.lines],
        ORG_FILE_LINES,
        'national'
    );
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
    const names = Object.keys(files).sort();
    const texts = Object.values(files);
    return {
        id: 'organisation',
        label: `1 national + ${REGIONS} regional playbooks × ${ORG_FILE_LINES} lines`,
        folder,
        files: names,
        national: 'national.ops',
        regions: names.filter(n => n.startsWith('region-')),
        lines: texts.reduce((n, t) => n + t.split('\n').length - 1, 0),
        bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0)
    };
}
