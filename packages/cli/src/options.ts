import { InvalidArgumentError, Option } from 'commander';

export interface OutputStreams {
    stdout: NodeJS.WritableStream;
    stderr: NodeJS.WritableStream;
    /** Colour and progress only on a terminal, never in CI logs or pipes. */
    colour: boolean;
    /** Show a progress line on stderr (stderr is a terminal and CI is not set). */
    progress?: boolean;
}

export function parseNonNegativeInteger(value: string): number {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, 0 or more');
    return Number(value);
}

export function localeOption(): Option {
    return new Option('--locale <locale>', 'language of messages and documents').choices(['en', 'zh-CN']);
}
