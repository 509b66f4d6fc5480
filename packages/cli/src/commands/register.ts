import type { Command } from 'commander';
import type { OutputStreams } from '../options.js';
import { registerCheck } from './check.js';
import { registerExport } from './export.js';
import { registerFmt } from './fmt.js';
import { registerInit } from './init.js';
import { registerDiff } from './diff.js';
import { registerNext } from './next.js';
import { registerPlan } from './plan.js';
import { registerReview } from './review.js';

/** Every subcommand registers itself from its own file. */
export function registerCommands(program: Command, io: OutputStreams, setExit: (code: number) => void): void {
    registerCheck(program, io, setExit);
    registerPlan(program, io, setExit);
    registerReview(program, io, setExit);
    registerExport(program, io, setExit);
    registerFmt(program, io, setExit);
    registerInit(program, io, setExit);
    registerNext(program, io, setExit);
    registerDiff(program, io, setExit);
}
