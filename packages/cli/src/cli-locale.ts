import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliText, type CliText, loadConfigFile, normalizeLocale } from 'opsbook-language';

export type CliLocale = 'en' | 'zh-CN';

/**
 * The language of the CLI's own messages (usage errors, file errors, the tally), SPEC §10: `--locale`,
 * else the `locale` of opsbook.json (the nearest one above the current folder, or the one of the files
 * a command reads), else the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`, as gettext reads them), else
 * English. One run speaks one language; `main` decides it before any command runs.
 */
let current: CliLocale = 'en';
let chosen = false;

/** The words of the CLI in the current language. */
export function t(): CliText {
    return cliText(current);
}

export function cliLocale(): CliLocale {
    return current;
}

/** The locale the environment asks for, if it is one Opsbook speaks (`zh_CN.UTF-8` → zh-CN; `C` → none). */
export function environmentLocale(env: NodeJS.ProcessEnv = process.env): CliLocale | undefined {
    const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find(value => value !== undefined && value !== '');
    return normalizeLocale(tag?.split('.')[0]);
}

/** `--locale X` or `--locale=X` among the arguments (before `--`). */
function localeArgument(argv: readonly string[]): CliLocale | undefined {
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i] as string;
        if (arg === '--') break;
        if (arg === '--locale') return normalizeLocale(argv[i + 1]);
        if (arg.startsWith('--locale=')) return normalizeLocale(arg.slice('--locale='.length));
    }
    return undefined;
}

/** The `locale` of the nearest opsbook.json at or above `folder`. */
export function configLocale(folder: string): CliLocale | undefined {
    for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
        const file = path.join(dir, 'opsbook.json');
        if (fs.existsSync(file)) return loadConfigFile(file).settings.locale;
        if (path.dirname(dir) === dir) return undefined;
    }
}

/** Decides the language at the start of a run. */
export function startCliLocale(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): void {
    const explicit = localeArgument(argv);
    chosen = explicit !== undefined;
    current = explicit ?? configLocale(cwd) ?? environmentLocale(env) ?? 'en';
}

/**
 * Once a command knows its files: the language of their messages (ConfigProvider.messageLocale, which
 * follows the same order), unless `--locale` chose one.
 */
export function followFiles(locale: CliLocale | undefined): void {
    if (!chosen && locale !== undefined) current = locale;
}
