import type { Command } from 'commander';
import type { OutputStreams } from '../options.js';
import { registerCheck } from './check.js';

/** Every subcommand registers itself from its own file. */
export function registerCommands(program: Command, io: OutputStreams, setExit: (code: number) => void): void {
    registerCheck(program, io, setExit);
}
