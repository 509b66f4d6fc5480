import { type CliText, cliText } from 'opsbook-language';

let current: CliText = cliText('en');

/**
 * The command line's words for the helpers that report deep inside a run (reading and writing files,
 * discovery): main.ts sets them once per run from the CLI locale; English until then (tests that call
 * the helpers directly).
 */
export function words(): CliText {
    return current;
}

export function useWords(text: CliText): void {
    current = text;
}
