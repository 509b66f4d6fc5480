import { m as messages } from './cli-locale.js';

/**
 * Commander's usage errors in the CLI's language. Commander words them in English only; each kind it
 * writes is recognised here and said again from the catalogue (i18n/cli-text.ts). English text, and
 * anything not recognised, passes through unchanged.
 */
export function translateUsageError(text: string): string {
    const words = messages();
    const [first = '', ...rest] = text.replace(/\n$/, '').split('\n');
    const suggestion = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(rest.join(' ').trim());
    const mean = suggestion?.[1] ? `\n${words.didYouMean(suggestion[1].split(', '))}` : '';
    const reason = (why: string) => {
        const choices = /^Allowed choices are (.+)\.$/.exec(why);
        return choices?.[1] ? words.allowedChoices(choices[1].split(', ')) : why;
    };
    let m: RegExpExecArray | null;
    let said: string | undefined;
    if ((m = /^error: unknown option '(.+)'$/.exec(first))) said = words.unknownOption(m[1] as string) + mean;
    else if ((m = /^error: unknown command '(.+)'$/.exec(first))) said = words.unknownCommand(m[1] as string) + mean;
    else if ((m = /^error: missing required argument '(.+)'$/.exec(first))) said = words.missingArgument(m[1] as string);
    else if ((m = /^error: option '(.+)' argument missing$/.exec(first))) said = words.optionMissingArgument(m[1] as string);
    else if ((m = /^error: option '(.+?)' argument '(.*)' is invalid\. ?(.*)$/.exec(first)))
        said = words.invalidOptionValue(m[1] as string, m[2] as string, reason(m[3] ?? ''));
    else if ((m = /^error: command-argument value '(.*)' is invalid for argument '(.+)'\. ?(.*)$/.exec(first)))
        said = words.invalidArgumentValue(m[2] as string, m[1] as string, reason(m[3] ?? ''));
    else if ((m = /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(first)))
        said = words.tooManyArguments(m[1], Number(m[2]), Number(m[3]));
    return said === undefined ? text : `${said}\n`;
}
