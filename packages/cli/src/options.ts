import { InvalidArgumentError, Option } from 'commander';
import type { CliText } from 'opsbook-language';

export interface OutputStreams {
    stdout: NodeJS.WritableStream;
    stderr: NodeJS.WritableStream;
    /** Colour the text report: see `colourWanted` (`--color`/`--no-color` change it before a command runs). */
    colour: boolean;
    /** Show a progress line on stderr (stderr is a terminal and CI is not set). */
    progress?: boolean;
    /** Where `-` reads from (default: the process's standard input). */
    stdin?: NodeJS.ReadableStream;
    /** `--watch` clears the screen before each run after the first (standard output is a terminal). */
    clearScreen?: boolean;
    /** Ends `--watch` (tests; otherwise it lasts until the process is interrupted). */
    signal?: AbortSignal;
    /** The command line's words in its locale (main.ts); English when left out. */
    text?: CliText;
}

export function nonNegativeInteger(t: CliText): (value: string) => number {
    return value => {
        if (!/^\d+$/.test(value)) throw new InvalidArgumentError(t.notWholeNumber);
        return Number(value);
    };
}

export function localeOption(t: CliText): Option {
    return new Option('--locale <locale>', t.options.locale).choices(['en', 'zh-CN']);
}

/**
 * Whether the text report is coloured, as Node and most tools decide: `FORCE_COLOR` (any value but
 * `0`, `false` or empty: on; `0`/`false`: off), else `NO_COLOR` (any non-empty value: off), else on
 * a terminal outside CI. `--color` and `--no-color` win over all of these.
 */
export function colourWanted(env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
    const force = env.FORCE_COLOR;
    if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
    return isTerminal && !env.CI;
}
