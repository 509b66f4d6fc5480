import { InvalidArgumentError, Option } from 'commander';
import { t } from './cli-locale.js';

export interface OutputStreams {
    stdout: NodeJS.WritableStream;
    stderr: NodeJS.WritableStream;
    /** Colour the text report: see `colourWanted` (`--color`/`--no-color` change it before a command runs). */
    colour: boolean;
    /** Show a progress line on stderr (stderr is a terminal and CI is not set). */
    progress?: boolean;
}

export function parseNonNegativeInteger(value: string): number {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(t().wholeNumber);
    return Number(value);
}

export function localeOption(): Option {
    return new Option('--locale <locale>', 'language of messages and documents').choices(['en', 'zh-CN']);
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
