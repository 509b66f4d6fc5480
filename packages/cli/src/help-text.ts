import { type Command, Help } from 'commander';
import { t } from './cli-locale.js';

/**
 * `--help` in the CLI's language: each description is looked up by its English text in the catalogue
 * (i18n/cli-text.ts; one not listed stays English), with commander's notes and headings. Applied before
 * the subcommands are added, so they inherit it.
 */
export function localiseHelp(program: Command): void {
    const words = () => t().helpWords;
    const say = (text: string): string => {
        const help = t().help;
        if (help[text] !== undefined) return help[text];
        // `description (choices: "a", "b", default: "a")`: the description, then commander's note (the last one).
        const note = /^(.*) \(((?:choices|default): .*)\)$/s.exec(text);
        if (!note) return text;
        const [, description = '', extra = ''] = note;
        const w = words();
        const said = extra.replace(/^choices: /, w['choices: ']).replace(/, default: /, w[', default: ']).replace(/^default: /, w['default: ']);
        return `${help[description] ?? description}${w[' (']}${said}${w[')']}`;
    };
    program.configureHelp({
        commandDescription: command => say(Help.prototype.commandDescription.call(new Help(), command)),
        subcommandDescription: command => say(Help.prototype.subcommandDescription.call(new Help(), command)),
        optionDescription: option => say(Help.prototype.optionDescription.call(new Help(), option)),
        argumentDescription: argument => say(Help.prototype.argumentDescription.call(new Help(), argument)),
        formatHelp: (command, helper) => {
            const w = words();
            return Help.prototype.formatHelp
                .call(helper, command, helper)
                .replace(/^Usage: /m, w['Usage: '])
                .replace(/^Options:$/m, w['Options:'])
                .replace(/^Commands:$/m, w['Commands:'])
                .replace(/^Arguments:$/m, w['Arguments:']);
        }
    });
}
