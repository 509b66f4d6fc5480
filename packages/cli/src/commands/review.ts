import type { Command } from 'commander';
import { type CliText, cliText, renderMessage, type ReviewWindow, usecases } from 'opsbook-language';
import * as path from 'node:path';
import { readActuals } from '../actuals-csv.js';
import { CliError } from '../cli-error.js';
import { m } from '../cli-locale.js';
import { withExamples } from '../help.js';
import { loadPlaybook } from '../load-playbook.js';
import { localeOption, type OutputStreams } from '../options.js';
import { classifyDocument, writeOutput } from '../output-target.js';
import { readOpsFile } from '../workspace-loader.js';

interface ReviewOptions {
    on?: string;
    period?: string;
    actuals?: string;
    review?: string;
    previous?: string;
    output?: string;
    locale?: 'en' | 'zh-CN';
    force?: boolean;
}

/** `--on DATE` or `--period P`, exactly one of them, as the reviewed window. */
export function reviewWindow(options: { on?: string; period?: string }, t: CliText = cliText('en')): ReviewWindow {
    if ((options.on === undefined) === (options.period === undefined)) throw new CliError(t.reviewWindowNeeded);
    const parsed = options.on !== undefined ? usecases.dayWindow(options.on) : usecases.periodWindow(options.period as string);
    if (!parsed.ok)
        throw new CliError(
            m().windowOption(options.on !== undefined ? '--on' : '--period', (options.on ?? options.period) as string, parsed.message)
        );
    return parsed.window;
}

/** `opsbook review FILE (--on DATE | --period P)`: the review template (SPEC §6), filled from --actuals. */
export async function runReview(file: string, options: ReviewOptions, io: OutputStreams): Promise<number> {
    const t = io.text ?? cliText('en');
    const window = reviewWindow(options, t);
    const loaded = await loadPlaybook(file, io, options.locale);
    const { analysis } = loaded;
    const locale = options.locale ?? loaded.settings.locale ?? 'en';
    // SPEC §9: a date or period outside the playbook period is refused (the editor's review request too).
    const outside = usecases.windowOutsidePeriod(window, analysis.period, options.on !== undefined ? '--on' : '--period');
    if (outside) throw new CliError(renderMessage(locale, outside));
    if (options.review !== undefined && !analysis.reviews.some(r => r.name === options.review)) {
        throw new CliError(
            t.noSuchReview(
                options.review,
                file,
                analysis.reviews.map(r => r.name)
            )
        );
    }
    const previous = options.previous !== undefined ? readPrevious(options.previous, locale) : undefined;
    const actuals = options.actuals !== undefined ? readActuals(options.actuals, analysis, io.stderr, loaded.settings.locale) : undefined;
    const text = usecases.renderReview(loaded, {
        window,
        actuals,
        actualsSource: options.actuals !== undefined ? path.basename(options.actuals) : undefined,
        review: options.review,
        locale: options.locale,
        previous
    });
    writeOutput(text, options, io, classifyDocument('review'), 'review');
    return 0;
}

/** `--previous REVIEW.md`: the decisions of an earlier review; a file without a decisions table is one line, exit 2. */
function readPrevious(file: string, locale: 'en' | 'zh-CN'): { source: string; decisions: usecases.PreviousDecision[] } {
    const parsed = usecases.readPreviousDecisions(readOpsFile(file, file), file);
    if (!parsed.ok) throw new CliError(renderMessage(locale, parsed.message));
    return { source: path.basename(file), decisions: parsed.decisions };
}

export function registerReview(program: Command, io: OutputStreams, setExit: (code: number) => void, t: CliText): void {
    const command = program
        .command('review')
        .description(t.commands.review.description)
        .argument('<file>', t.options.playbookFile)
        .option('--on <date>', t.options.reviewOn)
        .option('--period <period>', t.options.reviewPeriod)
        .option('--actuals <csv>', t.options.actuals)
        .option('--previous <review.md>', t.options.previousReview)
        .option('--review <name>', t.options.reviewName)
        .option('-o, --output <file>', t.options.output)
        .addOption(localeOption(t))
        .option('--force', t.options.forceReview)
        .action(async (file: string, options: ReviewOptions) => {
            setExit(await runReview(file, options, io));
        });
    withExamples(command, t, 'review');
}
