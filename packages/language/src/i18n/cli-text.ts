/**
 * The words of the command line (`opsbook …`) that belong to no rule and no document: help (what each
 * command and option does, with examples), tallies and progress lines, watch mode, fixes, formatting
 * and usage errors. The text is in the catalogue of each locale (en.ts, zh-cn.ts). Command names,
 * options, file names and rule ids are never translated.
 */
export interface CliText {
    // help
    programDescription: string;
    examplesHeading: string;
    /** Commander's own words in `--help` (cli/src/commander-locale.ts). */
    help: CliHelpWords;
    /** Each command's one-line description and its examples (`command line`, what it does). */
    commands: Record<CliCommandName, { description: string; examples: readonly (readonly [string, string])[] }>;
    options: Record<CliOptionName, string>;

    /** `--max-warnings abc`: the value is not a whole number. */
    notWholeNumber: string;

    // plan, review, export: documents from a checked playbook
    wrote(file: string): string;
    noSuchFile(file: string): string;
    noPlaybook(file: string): string;
    blockingErrors(file: string, errors: number): string;
    // `opsbook plan DIR -o OUTDIR` (SPEC §8)
    planFolderNeedsOutput(folder: string): string;
    planFolderHtml(folder: string): string;
    planOutputNotFolder(output: string): string;
    planFolderNoPlaybook(folder: string): string;
    planIndexClash(file: string, index: string): string;
    reviewWindowNeeded: string;
    noSuchReview(name: string, file: string, reviews: readonly string[]): string;
    initNext(command: string): string;
    initFocusUnsuited(focus: string, stage: string, suited: readonly string[]): string;
    initExists(files: readonly string[]): string;
    cannotCreateFolder(folder: string, code: string): string;

    // reading and writing files (one line each, exit 2)
    files: {
        noSuchPath(path: string): string;
        notFileOrFolder(path: string): string;
        cannotReadFolder(path: string, code: string): string;
        notUtf8(file: string, line: number, column: number): string;
        /** Why a file cannot be read: `EISDIR`, `ENOENT`, `EACCES`/`EPERM` or another code. */
        cannotRead(file: string, code: string): string;
        cannotWrite(file: string, code: string): string;
        linkToMissing(file: string): string;
        linkElsewhere(file: string, real: string): string;
        isFolder(file: string): string;
        notRegular(file: string): string;
        cannotReadBeforeOverwrite(file: string, code: string): string;
        /** `what`: plan, review, export or file. */
        edited(file: string, what: string): string;
        foreign(file: string): string;
        readOnly(file: string): string;
        folderMissing(file: string, folder: string): string;
        /** `code`: EACCES/EPERM, ENOSPC, or another code or message. */
        writeFailed(file: string, code: string): string;
    };
    internalError(message: string): string;

    // check
    tally(files: number, errors: number, warnings: number, infos: number): string;
    tooManyWarnings(warnings: number, max: number): string;
    fixed(count: number, file: string): string;
    /** The progress line on a terminal: `checking 12/40`. */
    checking: string;

    // fmt
    notFormatted(count: number): string;
    fileLeftUnchanged: string;

    // `opsbook completion SHELL`: the comment that opens the script (how to install it), and zsh's label of the command list
    completionComment(shell: 'bash' | 'zsh' | 'fish'): readonly string[];
    completionCommands: string;

    // --watch
    watching(paths: string): string;
    rerun(file: string): string;

    // standard input
    stdinAlone: string;
    stdinNotWith(option: string): string;
    /** `paths`: the paths given, none for the current folder. */
    noOpsFiles(paths: readonly string[]): string;
    /** `opsbook-language-server` started without a transport (or with --help). */
    serverUsage: string;
}

/**
 * The words commander writes around the descriptions in `--help`: the headings, the placeholders of the
 * usage line and the notes after an option (its choices and default).
 */
export interface CliHelpWords {
    /** `Usage:`, `Arguments:`, `Options:`, `Global Options:`, `Commands:` in this language. */
    headings: Readonly<Record<'Usage:' | 'Arguments:' | 'Options:' | 'Global Options:' | 'Commands:', string>>;
    /** `[options]` and `[command]` in the usage line. */
    optionsPlaceholder: string;
    commandPlaceholder: string;
    /** The note after a description: its choices, default, preset value and environment variable. */
    notes(notes: HelpNotes): string;
}

/** What commander notes after an option's or argument's description (its values as given to commander). */
export interface HelpNotes {
    choices?: readonly string[];
    /** The default value, and the text the command gave to show instead of it. */
    defaultValue?: unknown;
    defaultDescription?: string;
    preset?: unknown;
    env?: string;
}

export type CliCommandName = 'check' | 'plan' | 'review' | 'export' | 'fmt' | 'init' | 'completion' | 'next' | 'diff';

/** The description of each option and argument in `--help` (and in the zsh and fish completions). */
export type CliOptionName =
    | 'watch'
    | 'fix'
    | 'diff'
    | 'completionShell'
    | 'color'
    | 'noColor'
    | 'help'
    | 'version'
    | 'helpCommand'
    | 'locale'
    | 'checkPaths'
    | 'format'
    | 'maxWarnings'
    | 'quiet'
    | 'playbookFile'
    | 'output'
    | 'planFormat'
    | 'forcePlan'
    | 'forceReview'
    | 'forceExport'
    | 'reviewOn'
    | 'reviewPeriod'
    | 'actuals'
    | 'previousReview'
    | 'reviewName'
    | 'fmtPaths'
    | 'fmtCheck'
    | 'initDir'
    | 'stage'
    | 'focus'
    | 'initPeriod'
    | 'nextTarget'
    | 'nextActuals'
    | 'nextPeriod'
    | 'nextOutput'
    | 'forceNext'
    | 'diffPaths'
    | 'diffRev'
    | 'diffFormat';
