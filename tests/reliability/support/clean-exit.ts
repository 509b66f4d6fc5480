import { expect } from 'vitest';
import { STACK_TRACE } from './run-cli.js';

/** A CLI run that ended by itself, without a stack trace, an internal error, a stack overflow or OOM. */
export function clean(result: { stdout: string; stderr: string; signal: NodeJS.Signals | null }): void {
    expect(result.signal, 'killed by the time limit or a crash').toBeNull();
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stderr).not.toMatch(/internal error|Maximum call stack|heap out of memory/);
}
