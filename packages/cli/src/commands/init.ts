import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { Option } from 'commander';
import { OpsbookNodeFileSystem } from 'opsbook-language/node';
import {
    CHANNEL_KINDS,
    chineseAlias,
    cliMessages,
    type CliText,
    cliText,
    createOpsbookCoreServices,
    METRIC_KINDS,
    FOCUSES,
    type Focus,
    formatText,
    STAGES,
    type Stage,
    SUITED_FOCUS,
    UNSUITED_FOCUS,
    values
} from 'opsbook-language';
import { CliError } from '../cli-error.js';
import { m, messagesLocale } from '../cli-locale.js';
import { withExamples } from '../help.js';
import { localeOption, type OutputStreams } from '../options.js';
import { escapeControls } from '../output/escape.js';
import { writeFileSafely } from '../safe-write.js';
import { INSTALLED_SCHEMA, schemaReference } from '../schema-path.js';

interface InitOptions {
    stage: Stage;
    focus?: Focus;
    period?: string;
    locale?: 'en' | 'zh-CN';
}

const FILES = ['playbook.ops', 'team.ops', 'opsbook.json'] as const;

/** The starter goal for each focus: a metric that focus moves, split 40/60 over two channels. */
const FOCUS_GOALS: Record<
    Focus,
    {
        strategy: string;
        metric: string;
        metricTitle: string;
        kind: 'count' | 'money';
        goal: string;
        target: string;
        shares: [string, string];
        /** `cpa at most` of the second channel: its budget (25k) ÷ its share, with room to spare. */
        cpa?: string;
        channels: [[string, string, string], [string, string, string]];
    }
> = {
    acquisition: {
        strategy: 'Win the first users in our segment',
        metric: 'signups',
        metricTitle: 'Registered users',
        kind: 'count',
        goal: 'Win 2,000 new users',
        target: '2000',
        cpa: '25',
        shares: ['800', '1200'],
        channels: [
            ['Search', 'Search and content', 'content'],
            ['Ads', 'Paid ads', 'paid']
        ]
    },
    activation: {
        strategy: 'Get every new user to the first success',
        metric: 'activated',
        metricTitle: 'Users who reached the first success',
        kind: 'count',
        goal: 'Activate 1,000 users',
        target: '1000',
        cpa: '50',
        shares: ['400', '600'],
        channels: [
            ['Onboarding', 'Onboarding emails', 'email'],
            ['Community', 'Community office hours', 'community']
        ]
    },
    retention: {
        strategy: 'Keep the users we already have',
        metric: 'returning',
        metricTitle: 'Users active again after 30 days',
        kind: 'count',
        goal: 'Bring 600 users back after their first month',
        target: '600',
        cpa: '80',
        shares: ['240', '360'],
        channels: [
            ['Lifecycle', 'Lifecycle emails', 'email'],
            ['Community', 'Community events', 'community']
        ]
    },
    monetization: {
        strategy: 'Turn active users into paying customers',
        metric: 'revenue',
        metricTitle: 'Paid revenue',
        kind: 'money',
        goal: 'Earn 100k in new revenue',
        target: '100k',
        shares: ['40k', '60k'],
        channels: [
            ['Sales', 'Direct sales', 'direct'],
            ['Ads', 'Paid ads', 'paid']
        ]
    },
    referral: {
        strategy: 'Let happy users bring their peers',
        metric: 'referred',
        metricTitle: 'Users who joined through a referral',
        kind: 'count',
        goal: 'Win 500 referred users',
        target: '500',
        cpa: '100',
        shares: ['200', '300'],
        channels: [
            ['Referral', 'Referral programme', 'referral'],
            ['Social', 'Social sharing', 'social']
        ]
    },
    brand: {
        strategy: 'Make the product known in its segment',
        metric: 'mentions',
        metricTitle: 'Brand searches and mentions',
        kind: 'count',
        goal: 'Reach 10,000 brand mentions',
        target: '10k',
        cpa: '5',
        shares: ['4k', '6k'],
        channels: [
            ['Content', 'Articles and talks', 'content'],
            ['Social', 'Social media', 'social']
        ]
    },
    reactivation: {
        strategy: 'Win back users who drifted away',
        metric: 'reactivated',
        metricTitle: 'Lapsed users who came back',
        kind: 'count',
        goal: 'Bring back 400 lapsed users',
        target: '400',
        cpa: '125',
        shares: ['160', '240'],
        channels: [
            ['Winback', 'Win-back emails', 'email'],
            ['Ads', 'Retargeting ads', 'paid']
        ]
    }
};

/** The folder holding the templates, found from this module (tsc output or the esbuild bundle). */
function templatesFolder(): string {
    let folder = path.dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 4; i++) {
        const candidate = path.join(folder, 'templates');
        if (fs.existsSync(path.join(candidate, 'playbook.ops'))) return candidate;
        folder = path.dirname(folder);
    }
    throw new CliError(m().templatesMissing);
}

function currentQuarter(): string {
    const now = new Date();
    return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
}

/** The playbook, team and config texts for a stage, focus and period (pure; tests call it too). */
export function starterFiles(
    stage: Stage,
    focus: Focus,
    periodText: string,
    templates = templatesFolder(),
    locale: 'en' | 'zh-CN' = 'en'
): Record<(typeof FILES)[number], string> {
    const parsed = values.parsePeriodShorthand(periodText);
    if (!parsed.ok) throw new CliError(m().periodOption(periodText, parsed.message));
    const { start, end } = parsed.range;
    const zh = locale === 'zh-CN';
    // The Chinese starters (names, titles) are data next to the Chinese templates; they write the
    // enumerated values as their Chinese aliases (SPEC §10).
    const spec = zh
        ? (JSON.parse(fs.readFileSync(path.join(templates, 'zh-CN', 'starters.json'), 'utf8')) as typeof FOCUS_GOALS)[focus]
        : FOCUS_GOALS[focus];
    const word = (words: readonly string[], value: string) => (zh ? (chineseAlias(words, value) ?? value) : value);
    const launchEnd = values.addDays(start, Math.min(6, values.lengthInDays(parsed.range) - 1));
    const fields: Record<string, string> = {
        PERIOD_LABEL: periodText,
        PERIOD: periodText,
        STAGE: word(STAGES, stage),
        FOCUS: word(FOCUSES, focus),
        STRATEGY_TITLE: spec.strategy,
        METRIC: spec.metric,
        METRIC_TITLE: spec.metricTitle,
        KIND: word(METRIC_KINDS, spec.kind),
        GOAL_TITLE: spec.goal,
        TARGET: spec.target,
        END: values.formatDate(end),
        SHARE_1: spec.shares[0],
        SHARE_2: spec.shares[1],
        CHANNEL_1: spec.channels[0][0],
        CHANNEL_1_TITLE: spec.channels[0][1],
        CHANNEL_1_KIND: word(CHANNEL_KINDS, spec.channels[0][2]),
        CHANNEL_2: spec.channels[1][0],
        CHANNEL_2_TITLE: spec.channels[1][1],
        CHANNEL_2_KIND: word(CHANNEL_KINDS, spec.channels[1][2]),
        CPA_LINE: spec.cpa !== undefined ? `\n  cpa at most ${spec.cpa} CNY  // ${cliMessages(locale).starterCpaComment}` : '',
        LAUNCH_WINDOW: `${values.formatDate(start)} .. ${values.formatDate(launchEnd)}`,
        FIRST_MONTH: `${String(start.year).padStart(4, '0')}-${String(start.month).padStart(2, '0')}`
    };
    const fill = (name: string) => {
        const text = fs
            .readFileSync(path.join(templates, zh ? 'zh-CN' : '', name), 'utf8')
            .replace(/\{\{([A-Z0-9_]+)\}\}/g, (match, key: string) => fields[key] ?? match);
        if (text.includes('{{')) throw new Error(`template ${name} has an unknown placeholder`);
        return text;
    };
    return { 'playbook.ops': fill('playbook.ops'), 'team.ops': fill('team.ops'), 'opsbook.json': fill('opsbook.json') };
}

/** The .ops files in the layout `opsbook fmt` gives them (comment columns depend on the words filled in). */
async function canonical(files: Record<(typeof FILES)[number], string>): Promise<Record<(typeof FILES)[number], string>> {
    const { Opsbook } = createOpsbookCoreServices({ ...OpsbookNodeFileSystem });
    const result = { ...files };
    for (const name of ['playbook.ops', 'team.ops'] as const) {
        const formatted = await formatText(Opsbook, files[name], `memory:/${name}`);
        if (!formatted.ok) throw new Error(`the ${name} template does not parse: ${formatted.problem.message}`);
        result[name] = formatted.text;
    }
    return result;
}

/** `opsbook init [DIR]`: a starter playbook, team.ops and opsbook.json that check clean; never overwrites. */
export async function runInit(dir: string | undefined, options: InitOptions, io: OutputStreams): Promise<number> {
    const folder = dir ?? '.';
    const t = io.text ?? cliText('en');
    const focus = options.focus ?? SUITED_FOCUS[options.stage][0] ?? 'acquisition';
    if (UNSUITED_FOCUS[options.stage].includes(focus)) {
        throw new CliError(t.initFocusUnsuited(focus, options.stage, SUITED_FOCUS[options.stage]));
    }
    const files = await canonical(
        starterFiles(options.stage, focus, options.period ?? currentQuarter(), templatesFolder(), options.locale ?? messagesLocale())
    );
    files['opsbook.json'] = files['opsbook.json'].replace(`"./${INSTALLED_SCHEMA}"`, JSON.stringify(schemaReference(folder)));
    const existing = FILES.filter(name => fs.existsSync(path.join(folder, name)));
    if (existing.length > 0) {
        throw new CliError(t.initExists(existing.map(name => path.join(folder, name))));
    }
    try {
        fs.mkdirSync(folder, { recursive: true });
    } catch (error) {
        throw new CliError(t.cannotCreateFolder(folder, (error as NodeJS.ErrnoException).code ?? 'error'));
    }
    for (const name of FILES) writeFileSafely(path.join(folder, name), files[name], { classify: () => 'foreign', what: 'file' });
    for (const name of FILES) io.stdout.write(`${escapeControls(path.join(folder, name))}\n`);
    io.stderr.write(`${t.initNext(`npx opsbook check ${folder === '.' ? '' : escapeControls(folder)}`.trimEnd())}\n`);
    return 0;
}

export function registerInit(program: Command, io: OutputStreams, setExit: (code: number) => void, t: CliText): void {
    const command = program
        .command('init')
        .description(t.commands.init.description)
        .argument('[dir]', t.options.initDir)
        .addOption(new Option('--stage <stage>', t.options.stage).choices([...STAGES]).default('growth'))
        .addOption(new Option('--focus <focus>', t.options.focus).choices([...FOCUSES]))
        .option('--period <period>', t.options.initPeriod)
        .addOption(localeOption(t))
        .action(async (dir: string | undefined, options: InitOptions) => {
            setExit(await runInit(dir, options, io));
        });
    withExamples(command, t, 'init');
}
