import type { Command } from 'commander';
import type { CliCommandName, CliText } from 'opsbook-language';

/**
 * Adds the command's examples after its options in `--help`, as `gh` does: what it does as a comment,
 * then the command line, ready to copy.
 */
export function withExamples(command: Command, t: CliText, name: CliCommandName): Command {
    const lines = t.commands[name].examples.map(([line, what]) => `  # ${what}\n  $ ${line}`);
    return command.addHelpText('after', `\n${t.examplesHeading}\n${lines.join('\n')}\n`);
}
