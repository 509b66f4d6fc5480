// The CLI's messages besides its help, tallies, file errors and refusals (`CliText`, cli-text.ts):
// commander's usage errors, the review window's and init's option errors, the starter playbook's
// comment. The text is in the catalogue of each locale (en.ts, zh-cn.ts); the CLI picks one with
// `cliMessages(locale)`.

import type { Locale } from '../values/format.js';
import { CLI_MESSAGES_EN } from './en.js';
import { CLI_MESSAGES_ZH_CN } from './zh-cn.js';

export interface CliMessages {
    // usage (commander's own errors, translated from their codes: commander-locale.ts)
    unknownOption(flag: string): string;
    unknownCommand(name: string): string;
    missingArgument(name: string): string;
    optionMissingArgument(flags: string): string;
    missingMandatoryOption(flags: string): string;
    conflictingOptions(flags: string, other: string): string;
    invalidOptionValue(flags: string, value: string, reason: string): string;
    invalidArgumentValue(name: string, value: string, reason: string): string;
    allowedChoices(choices: readonly string[]): string;
    tooManyArguments(command: string | undefined, expected: number, got: number): string;
    didYouMean(candidates: readonly string[]): string;

    // review
    windowOption(flag: '--on' | '--period', value: string, problem: string): string;

    // init
    templatesMissing: string;
    periodOption(value: string, problem: string): string;
    /** The comment after `cpa at most` in the starter playbook. */
    starterCpaComment: string;
}

/** The CLI's messages in `locale`. */
export function cliMessages(locale: Locale): CliMessages {
    return locale === 'zh-CN' ? CLI_MESSAGES_ZH_CN : CLI_MESSAGES_EN;
}
