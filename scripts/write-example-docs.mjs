// `npm start`, after `opsbook check examples`: writes each example's execution plan and a review
// template into output/<example>/, with the built CLI as a real process:
//   output/<example>/plan.md
//   output/<example>/review-<period>.md   the first full week (weekly or daily reviews) or month
// Files from an earlier run are replaced; one edited by hand since is kept (the CLI refuses and this
// script fails with its message). A folder with several playbooks (examples/org, SPEC §8) gets
// `opsbook plan <folder> -o output/<example>/`: <file>.md per playbook and index.md (the playbook tree),
// then review-<file>-<period>.md per playbook.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli', 'bin', 'opsbook.cjs');
await import('../packages/language/polyfill.mjs');
const { values } = await import('../packages/language/out/index.js');

function opsbook(args) {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) {
        process.stderr.write(result.stderr);
        throw new Error(`opsbook ${args.join(' ')} exited with ${result.status}`);
    }
    return result.stdout;
}

const day = text => {
    const parsed = values.parseDate(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.date;
};

/** The first ISO week, or calendar month, that lies wholly inside the period. */
function firstFullPeriod(start, end, unit) {
    if (unit === 'week') {
        let monday = start;
        while (values.weekday(monday) !== 0) monday = values.addDays(monday, 1);
        if (values.compareDates(values.addDays(monday, 6), end) <= 0) return values.formatIsoWeek(values.isoWeekOf(monday));
    } else {
        const first =
            start.day === 1 ? start : { year: start.month === 12 ? start.year + 1 : start.year, month: (start.month % 12) + 1, day: 1 };
        const last = { ...first, day: values.daysInMonth(first.year, first.month) };
        if (values.compareDates(last, end) <= 0) return `${String(first.year).padStart(4, '0')}-${String(first.month).padStart(2, '0')}`;
    }
    return undefined;
}

let written = 0;
for (const example of readdirSync(join(root, 'examples'), { withFileTypes: true })
    .filter(e => e.isDirectory())
    .map(e => e.name)
    .sort()) {
    const folder = join(root, 'examples', example);
    const playbooks = readdirSync(folder)
        .filter(name => name.endsWith('.ops') && /^\s*playbook\s/m.test(readFileSync(join(folder, name), 'utf8')))
        .sort();
    const out = join(root, 'output', example);
    mkdirSync(out, { recursive: true });
    if (playbooks.length > 1) {
        opsbook(['plan', relative(root, folder), '-o', relative(root, out)]);
        for (const name of [...playbooks.map(n => `${basename(n, '.ops')}.md`), 'index.md'])
            console.log(`wrote ${relative(root, join(out, name))}`);
        written += playbooks.length + 1;
    }
    for (const name of playbooks) {
        const file = relative(root, join(folder, name));
        const suffix = playbooks.length > 1 ? `-${basename(name, '.ops')}` : '';
        const model = JSON.parse(opsbook(['export', file, '--format', 'json']));
        if (playbooks.length === 1) {
            const plan = join(out, 'plan.md');
            opsbook(['plan', file, '-o', plan]);
            console.log(`wrote ${relative(root, plan)}`);
            written++;
        }
        const period = model.playbook.period;
        if (!period) continue;
        const cadences = model.reviews.flatMap(r => r.schedules.map(s => s.every)).filter(Boolean);
        const unit = cadences.some(every => every === 'week' || every === 'day') ? 'week' : 'month';
        const start = day(period.start);
        const end = day(period.end);
        const label = firstFullPeriod(start, end, unit) ?? firstFullPeriod(start, end, unit === 'week' ? 'month' : 'week');
        const review = label ? join(out, `review${suffix}-${label}.md`) : join(out, `review${suffix}-${period.end}.md`);
        opsbook(['review', file, ...(label ? ['--period', label] : ['--on', period.end]), '-o', review]);
        console.log(`wrote ${relative(root, review)}`);
        written++;
    }
}
console.log(`${written} documents written to output/`);
