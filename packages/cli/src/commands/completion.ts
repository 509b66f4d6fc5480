import { Argument, type Command, type Option } from 'commander';
import type { CliText } from 'opsbook-language';
import { withExamples } from '../help.js';
import type { OutputStreams } from '../options.js';
import { words as cliWords } from '../words.js';

type Shell = 'bash' | 'zsh' | 'fish';

/** What completion needs to know of a command, read from its commander definition (so the scripts never go stale). */
interface CommandShape {
    name: string;
    description: string;
    options: { flags: string[]; description: string; value: 'none' | 'file' | 'free' | readonly string[] }[];
    /** Its arguments are playbooks or folders (check, plan, fmt…), a folder (init) or a word from a list (completion). */
    operands: 'ops' | 'folder' | readonly string[];
}

/** Options whose value is a path: completed with file names. */
const FILE_OPTIONS = new Set(['--output', '--actuals']);

function shapes(program: Command): { commands: CommandShape[]; global: CommandShape['options'] } {
    const optionsOf = (command: Command) =>
        [...command.options, ...helpOption()].map((option: Option | HelpLike) => ({
            flags: [option.long, option.short].filter((flag): flag is string => typeof flag === 'string'),
            description: option.description ?? '',
            value: option.argChoices
                ? option.argChoices
                : !option.required && !option.optional
                  ? ('none' as const)
                  : option.long && FILE_OPTIONS.has(option.long)
                    ? ('file' as const)
                    : ('free' as const)
        }));
    const commands = program.commands.map(command => {
        const argument = command.registeredArguments[0];
        const operands: CommandShape['operands'] = argument?.argChoices
            ? argument.argChoices
            : command.name() === 'init'
              ? 'folder'
              : 'ops';
        return { name: command.name(), description: command.description(), options: optionsOf(command), operands };
    });
    return { commands, global: optionsOf(program) };
}

interface HelpLike {
    long?: string;
    short?: string;
    description?: string;
    argChoices?: string[];
    required?: boolean;
    optional?: boolean;
}

function helpOption(): HelpLike[] {
    return [{ long: '--help', short: '-h', description: 'display help for command' }];
}

/** bash: the first word that is not an option is the command; then its options, their values, or files. */
function bashScript(program: Command): string {
    const { commands, global } = shapes(program);
    const words = (list: readonly string[]) => list.join(' ');
    const cases = commands.map(command => {
        const valued = command.options.filter(option => option.value !== 'none');
        const valueCases = valued.map(option => {
            const reply = Array.isArray(option.value)
                ? `COMPREPLY=($(compgen -W "${words(option.value as readonly string[])}" -- "$cur"))`
                : option.value === 'file'
                  ? 'COMPREPLY=($(compgen -f -- "$cur"))'
                  : 'COMPREPLY=()';
            return `                ${option.flags.join('|')}) ${reply}; return ;;`;
        });
        const operands = Array.isArray(command.operands)
            ? `COMPREPLY=($(compgen -W "${words(command.operands as readonly string[])}" -- "$cur"))`
            : command.operands === 'folder'
              ? 'COMPREPLY=($(compgen -d -- "$cur"))'
              : 'COMPREPLY=($(compgen -f -X "!*.ops" -- "$cur") $(compgen -d -- "$cur"))';
        return [
            `        ${command.name})`,
            ...(valueCases.length > 0 ? ['            case "$prev" in', ...valueCases, '            esac'] : []),
            `            if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${words(command.options.flatMap(option => option.flags))}" -- "$cur")); return; fi`,
            `            ${operands}`,
            '            ;;'
        ].join('\n');
    });
    return `${comment('bash')}
_opsbook() {
    local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "\${COMP_WORDS[i]}" in
            -*) ;;
            *) command="\${COMP_WORDS[i]}"; break ;;
        esac
    done
    case "$command" in
        "") COMPREPLY=($(compgen -W "${words(commands.map(command => command.name))} ${words(global.flatMap(option => option.flags))}" -- "$cur")) ;;
${cases.join('\n')}
    esac
}
complete -o filenames -o bashdefault -F _opsbook opsbook
`;
}

/** zsh: `_arguments` per command, descriptions shown next to each candidate. */
function zshScript(program: Command): string {
    const { commands, global } = shapes(program);
    const quote = (text: string) => text.replace(/'/g, "'\\''").replace(/([[\]:])/g, '\\$1');
    const spec = (option: CommandShape['options'][number]) => {
        const value =
            option.value === 'none'
                ? ''
                : Array.isArray(option.value)
                  ? `:value:(${(option.value as readonly string[]).join(' ')})`
                  : option.value === 'file'
                    ? ':file:_files'
                    : ':value: ';
        const described = `[${quote(option.description)}]${value}'`;
        return option.flags.length > 1
            ? `'(${option.flags.join(' ')})'{${option.flags.join(',')}}'${described}`
            : `'${option.flags[0]}${described}`;
    };
    const cases = commands.map(command => {
        const operands = Array.isArray(command.operands)
            ? `'1:value:(${(command.operands as readonly string[]).join(' ')})'`
            : command.operands === 'folder'
              ? "'1:folder:_files -/'"
              : `'*:playbook:_files -g "*.ops(-.)"'`;
        return `        ${command.name}) _arguments -s ${[...command.options.map(spec), operands].join(' ')} ;;`;
    });
    return `#compdef opsbook
${comment('zsh')}
_opsbook() {
    local curcontext="$curcontext" state line
    local -a commands
    commands=(
${commands.map(command => `        '${command.name}:${quote(command.description)}'`).join('\n')}
    )
    _arguments -C ${global.map(spec).join(' ')} '1: :->command' '*:: :->args'
    case $state in
    command) _describe -t commands '${quote(cliWords().completionCommands)}' commands ;;
    args)
        case $words[1] in
${cases.join('\n')}
        esac
        ;;
    esac
}
_opsbook "$@"
`;
}

/** fish: one `complete` line per command and option. */
function fishScript(program: Command): string {
    const { commands, global } = shapes(program);
    const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    const flagArgs = (flags: string[]) =>
        flags.map(flag => (flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`)).join(' ');
    const valueArgs = (option: CommandShape['options'][number]) =>
        option.value === 'none'
            ? ''
            : Array.isArray(option.value)
              ? ` -x -a ${quote((option.value as readonly string[]).join(' '))}`
              : option.value === 'file'
                ? ' -r -F'
                : ' -x';
    const lines = [
        comment('fish'),
        'complete -c opsbook -f',
        ...global.map(
            option =>
                `complete -c opsbook -n __fish_use_subcommand ${flagArgs(option.flags)}${valueArgs(option)} -d ${quote(option.description)}`
        ),
        ...commands.map(command => `complete -c opsbook -n __fish_use_subcommand -a ${command.name} -d ${quote(command.description)}`)
    ];
    for (const command of commands) {
        const when = `-n '__fish_seen_subcommand_from ${command.name}'`;
        for (const option of command.options)
            lines.push(`complete -c opsbook ${when} ${flagArgs(option.flags)}${valueArgs(option)} -d ${quote(option.description)}`);
        if (Array.isArray(command.operands))
            lines.push(`complete -c opsbook ${when} -x -a ${quote((command.operands as readonly string[]).join(' '))}`);
        else if (command.operands === 'folder') lines.push(`complete -c opsbook ${when} -x -a '(__fish_complete_directories)'`);
        else lines.push(`complete -c opsbook ${when} -a '(__fish_complete_suffix .ops)'`);
    }
    return `${lines.join('\n')}\n`;
}

/** The comment that opens the script, in the command line's language: how to install it. */
function comment(shell: Shell): string {
    return cliWords()
        .completionComment(shell)
        .map(line => `# ${line}`)
        .join('\n');
}

/** `opsbook completion bash|zsh|fish`: the completion script, made from the commands' own definitions. */
export function completionScript(program: Command, shell: Shell): string {
    return shell === 'bash' ? bashScript(program) : shell === 'zsh' ? zshScript(program) : fishScript(program);
}

export function registerCompletion(program: Command, io: OutputStreams, setExit: (code: number) => void, t: CliText): void {
    const command = program
        .command('completion')
        .description(t.commands.completion.description)
        .addArgument(new Argument('<shell>', t.options.completionShell).choices(['bash', 'zsh', 'fish']))
        .action((shell: Shell) => {
            io.stdout.write(completionScript(program, shell));
            setExit(0);
        });
    withExamples(command, t, 'completion');
}
