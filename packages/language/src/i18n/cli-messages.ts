// The CLI's messages besides its help and tallies (`CliText`, cli-text.ts): commander's usage errors,
// file and folder errors, refusals to overwrite, the review window, init. The text is in the catalogue
// of each locale (en.ts, zh-cn.ts); the CLI picks one with `cliMessages(locale)`.

import type { Locale } from '../values/format.js';
import { CLI_MESSAGES_EN } from './en.js';
import { CLI_MESSAGES_ZH_CN } from './zh-cn.js';

/** What `opsbook fmt`, `plan`, `review`, `export` and `init` may refuse to overwrite. */
export type WrittenThing = 'plan' | 'review' | 'export' | 'file';

export interface CliMessages {
    // usage (commander's own errors, translated from their codes; our option parsers)
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
    wholeNumber: string;
    /** How usage errors end: where to read more. */
    seeHelp(command: string): string;
    internalError(message: string): string;

    // files and folders
    noOpsFiles(paths: readonly string[]): string;
    noSuchFileOrFolder(path: string): string;
    notRegularFileOrFolder(path: string): string;
    cannotReadFolder(path: string, code: string): string;
    noSuchFile(path: string): string;
    isFolder(path: string): string;
    permissionDenied(path: string): string;
    cannotRead(path: string, code: string): string;
    notUtf8(where: string): string;
    noPlaybook(file: string): string;
    errorsBeforeDocuments(file: string, errors: number): string;

    // writing files
    cannotWrite(path: string, code: string): string;
    symlinkToMissing(path: string): string;
    symlinkElsewhere(path: string, real: string): string;
    notRegularFile(path: string): string;
    cannotReadBeforeOverwrite(path: string, code: string): string;
    editedSinceGenerated(path: string, what: WrittenThing): string;
    notGenerated(path: string): string;
    readOnly(path: string): string;
    folderMissing(path: string, folder: string): string;
    writeFailed(path: string, reason: 'permission' | 'no-space' | string): string;
    wrote(path: string): string;

    // check
    tally(files: number, errors: number, warnings: number, infos: number): string;
    tooManyWarnings(warnings: number, allowed: number): string;

    // fmt
    leftUnchanged: string;
    notFormatted(files: number): string;

    // review
    reviewWindowNeeded: string;
    windowOption(flag: '--on' | '--period', value: string, problem: string): string;
    windowBeforePeriod(flag: '--on' | '--period', window: string, period: string): string;
    noSuchReview(name: string, file: string, reviews: readonly string[]): string;

    // init
    templatesMissing: string;
    focusUnsuited(focus: string, stage: string, suited: readonly string[]): string;
    alreadyExist(paths: readonly string[]): string;
    cannotCreateFolder(folder: string, code: string): string;
    next(command: string): string;
    periodOption(value: string, problem: string): string;
    /** The comment after `cpa at most` in the starter playbook. */
    starterCpaComment: string;
}

/** The CLI's messages in `locale`. */
export function cliMessages(locale: Locale): CliMessages {
    return locale === 'zh-CN' ? CLI_MESSAGES_ZH_CN : CLI_MESSAGES_EN;
}
