import { type Argument, Command, type ErrorOptions, Help, type Option } from 'commander';
import { stripVTControlCharacters } from 'node:util';
import { type CliMessages, type CliText, displayWidth } from 'opsbook-language';
import { m as messages } from './cli-locale.js';

/**
 * Commander in the CLI's language, through its own hooks: `createHelp` gives a `Help` whose headings,
 * usage placeholders and option notes come from the catalogue (i18n/en.ts, i18n/zh-cn.ts), and `error`
 * words commander's usage errors again from their error code, with the option, argument or command
 * they concern. `createCommand` passes both on to every subcommand. English reads exactly as commander
 * writes it.
 */
export class OpsbookCommand extends Command {
    constructor(
        name: string | undefined,
        private readonly text: CliText
    ) {
        super(name);
    }

    override createCommand(name?: string): Command {
        return new OpsbookCommand(name, this.text);
    }

    override createHelp(): Help {
        return Object.assign(new LocalisedHelp(this.text), this.configureHelp());
    }

    override error(message: string, errorOptions?: ErrorOptions): never {
        return super.error(usageError(this, messages(), message, errorOptions?.code), errorOptions);
    }
}

/** The usage error of `code`, said in `words`; a code it does not know keeps commander's message. */
export function usageError(command: Command, words: CliMessages, message: string, code: string | undefined): string {
    const [first = '', ...rest] = message.split('\n');
    // Commander quotes what the error is about ('--quite', '<file>'): the first and second quoted parts.
    const quoted = [...first.matchAll(/'((?:[^']|'(?! |$))*)'/g)].map(match => match[1] ?? '');
    const suggestion = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(rest.join(' ').trim())?.[1];
    const mean = suggestion ? `\n${words.didYouMean(suggestion.split(', '))}` : '';
    switch (code) {
        case 'commander.unknownOption':
            return words.unknownOption(quoted[0] ?? '') + mean;
        case 'commander.unknownCommand':
            return words.unknownCommand(command.args[0] ?? quoted[0] ?? '') + mean;
        case 'commander.missingArgument': {
            const missing = command.registeredArguments.find((argument, i) => argument.required && command.args[i] === undefined);
            return words.missingArgument(missing?.name() ?? quoted[0] ?? '');
        }
        case 'commander.optionMissingArgument':
            return words.optionMissingArgument(quoted[0] ?? '');
        case 'commander.missingMandatoryOptionValue': {
            const missing = command.options.find(
                option => option.mandatory && command.getOptionValue(option.attributeName()) === undefined
            );
            return words.missingMandatoryOption(missing?.flags ?? quoted[0] ?? '');
        }
        case 'commander.conflictingOption':
            return words.conflictingOptions(quoted[0] ?? '', quoted[1] ?? '');
        case 'commander.excessArguments':
            return words.tooManyArguments(
                command.parent ? command.name() : undefined,
                command.registeredArguments.length,
                command.args.length
            );
        case 'commander.invalidArgument':
            return invalidValue(command, words, first, quoted);
        default:
            return message;
    }
}

/**
 * `--format xml`, `completion tcsh`: commander's message names the option (or argument) and the value;
 * the reason is the option's choices, in this language, or what our own parser said (options.ts).
 */
function invalidValue(command: Command, words: CliMessages, first: string, quoted: string[]): string {
    const reasonGiven = first.replace(/^.*? is invalid(?: for argument '.*?')?\. ?/, '');
    const reason = (choices: readonly string[] | undefined) => (choices ? words.allowedChoices(choices) : reasonGiven);
    if (first.startsWith('error: command-argument value')) {
        const [value = '', name = ''] = quoted;
        const argument: Argument | undefined = command.registeredArguments.find(candidate => candidate.name() === name);
        return words.invalidArgumentValue(name, value, reason(argument?.argChoices));
    }
    const [flags = '', value = ''] = quoted;
    const option: Option | undefined = command.options.find(candidate => candidate.flags === flags);
    return words.invalidOptionValue(flags, value, reason(option?.argChoices));
}

/** A description and its notes: a space between, unless the notes open with a full-width parenthesis. */
function withNotes(description: string, notes: string): string {
    if (notes === '' || description === '') return description || notes;
    return notes.startsWith('（') ? description + notes : `${description} ${notes}`;
}

/** A wide character (CJK ideographs, full-width forms): help with one wraps by CJK rules. */
const WIDE_ONE =
    /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
/**
 * What a line may break before (CJK line breaking): a wide character or a run of others, with the opening
 * punctuation before it and the closing punctuation after it, which may not end or start a line.
 */
const CJK_CHUNK =
    /[\s]*[（「『《“]*(?:[\u2e80-\u303e\u3041-\u9fff\uf900-\ufaff\uff00-\uff60]|[^\s\u2e80-\u303e\u3041-\u9fff\uf900-\ufaff\uff00-\uff60]+)[，。、；：）」』》！？]*/g;

/** Commander's help with the catalogue's words; descriptions in Chinese wrap between characters and count two columns each. */
export class LocalisedHelp extends Help {
    constructor(private readonly text: CliText) {
        super();
    }

    override styleTitle(title: string): string {
        return (this.text.help.headings as Record<string, string>)[title] ?? title;
    }

    override formatHelp(command: Command, helper: Help): string {
        // `Usage: opsbook …`: after a full-width colon (用法：) no space, as Chinese text writes it.
        return super.formatHelp(command, helper).replace(/^(.*[：]) /, '$1');
    }

    override commandUsage(command: Command): string {
        return this.placeholders(super.commandUsage(command));
    }

    override subcommandTerm(command: Command): string {
        return this.placeholders(super.subcommandTerm(command));
    }

    private placeholders(usage: string): string {
        return usage
            .split(' ')
            .map(word =>
                word === '[options]' ? this.text.help.optionsPlaceholder : word === '[command]' ? this.text.help.commandPlaceholder : word
            )
            .join(' ');
    }

    override optionDescription(option: Option): string {
        // Which notes commander shows (lib/help.js): the default only where the user could give a value.
        const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
        const notes = this.text.help.notes({
            choices: option.argChoices,
            defaultValue: showDefault ? option.defaultValue : undefined,
            defaultDescription: option.defaultValueDescription,
            preset: option.optional ? option.presetArg : undefined,
            env: option.envVar
        });
        return withNotes(option.description, notes);
    }

    override argumentDescription(argument: Argument): string {
        const notes = this.text.help.notes({
            choices: argument.argChoices,
            defaultValue: argument.defaultValue,
            defaultDescription: argument.defaultValueDescription
        });
        return withNotes(argument.description ?? '', notes);
    }

    override displayWidth(text: string): number {
        // The formatter's count (format/display-width.ts: two columns for East Asian wide characters).
        return displayWidth(stripVTControlCharacters(text));
    }

    override boxWrap(text: string, width: number): string {
        if (!WIDE_ONE.test(text)) return super.boxWrap(text, width);
        if (width < this.minWidthToWrap) return text;
        return text
            .split(/\r\n|\n/)
            .map(line => {
                const lines: string[] = [];
                let current = '';
                for (const chunk of line.match(CJK_CHUNK) ?? []) {
                    if (current !== '' && this.displayWidth(current + chunk) > width) {
                        lines.push(current);
                        current = chunk.trimStart();
                    } else current += chunk;
                }
                lines.push(current);
                return lines.join('\n');
            })
            .join('\n');
    }
}
