import * as path from 'node:path';
import { loadConfigFile, WorkspaceRoots } from 'opsbook-language';
import { OpsbookNodeFileSystem } from 'opsbook-language/node';

export type CliLocale = 'en' | 'zh-CN';

/**
 * The language of the command line's own words (help, tallies, watch lines): `--locale` anywhere on
 * the command line, else `locale` of opsbook.json at the current folder's workspace root, else English
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
    return loadConfigFile(path.join(root, 'opsbook.json'), fileSystem).settings.locale ?? 'en';
}
