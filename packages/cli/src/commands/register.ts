import type { Command } from 'commander';
import type { CliText } from 'opsbook-language';
import type { OutputStreams } from '../options.js';
import { registerCheck } from './check.js';
import { registerCompletion } from './completion.js';
import { registerExport } from './export.js';
import { registerFmt } from './fmt.js';
import { registerInit } from './init.js';
import { registerDiff } from './diff.js';
import { registerNext } from './next.js';
import { registerPlan } from './plan.js';
import { registerReview } from './review.js';

/** Every subcommand registers itself from its own file. */
export function registerCommands(program: Command, io: OutputStreams, setExit: (code: number) => void, t: CliText): void {
    registerCheck(program, io, setExit, t);
    registerPlan(program, io, setExit, t);
    registerReview(program, io, setExit, t);
    registerExport(program, io, setExit, t);
    registerFmt(program, io, setExit, t);
    registerInit(program, io, setExit, t);
    registerNext(program, io, setExit, t);
    registerDiff(program, io, setExit, t);
    registerCompletion(program, io, setExit, t);
}
