import * as path from 'node:path';
import { cliMessages, type CliMessages, loadConfigFile, localeOfEnvironment, WorkspaceRoots } from 'opsbook-language';
import { OpsbookNodeFileSystem } from 'opsbook-language/node';

export type CliLocale = 'en' | 'zh-CN';

/**
 * The language of the command line's own words (help, tallies, watch lines): `--locale` anywhere on
 * the command line, else `locale` of opsbook.json at the current folder's workspace root, else the
 * environment's (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English
 * — the order the diagnostics follow. Read before the arguments are parsed, because the help is built
 * in that language; a bad value is left to the parser, which reports it.
 */
export function cliLocale(argv: readonly string[], cwd: string): CliLocale {
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]!;
        if (arg === '--') break;
        const value = arg === '--locale' ? argv[i + 1] : arg.startsWith('--locale=') ? arg.slice('--locale='.length) : undefined;
        if (value === 'en' || value === 'zh-CN') return value;
    }
    const fileSystem = OpsbookNodeFileSystem.fileSystemProvider();
    const root = new WorkspaceRoots(fileSystem).rootOf(path.join(cwd, 'opsbook.json'));
    return loadConfigFile(path.join(root, 'opsbook.json'), fileSystem).settings.locale ?? environmentLocale() ?? 'en';
}

/** The locale the environment asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`), if it is one Opsbook speaks. */
export function environmentLocale(env: NodeJS.ProcessEnv = process.env): CliLocale | undefined {
    return localeOfEnvironment(env);
}

// The language of the messages said deep in the CLI (file errors, refusals, usage errors): `main` sets it
// from `cliLocale`; once a command knows its files it follows their messages' locale, unless --locale
// chose one.
let current: CliLocale = 'en';
let chosen = false;

export function startMessages(argv: readonly string[], locale: CliLocale): void {
    current = locale;
    chosen = argv.some(arg => arg === '--locale' || arg.startsWith('--locale='));
}

/** The CLI's messages (i18n/cli-messages.ts) in the current language. */
export function m(): CliMessages {
    return cliMessages(current);
}

export function messagesLocale(): CliLocale {
    return current;
}

export function followFiles(locale: CliLocale | undefined): void {
    if (!chosen && locale !== undefined) current = locale;
}
