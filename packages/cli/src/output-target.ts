import { cliText, generate } from 'opsbook-language';
import type { OutputStreams } from './options.js';
import { escapeControls } from './output/escape.js';
import { type ExistingState, writeFileSafely } from './safe-write.js';

export interface OutputOptions {
    /** `-o FILE`; standard output when left out (SPEC §7). */
    output?: string;
    force?: boolean;
}

/** Existing Markdown: a generated document of this kind as generated, one edited since, or something else. */
export function classifyDocument(kind: generate.GeneratedKind): (existing: string) => ExistingState {
    return existing => {
        const found = generate.inspectGenerated(existing);
        if (found.state === 'foreign' || found.kind !== kind) return 'foreign';
        return found.state === 'intact' ? 'generated' : 'edited';
    };
}

/**
 * Writes a generated text to `-o` (whole or nothing, never over a hand-edited file: `classify` says what
 * an existing one is, `what` names its kind; without `classify`, any regular file is replaced) or to stdout.
 */
export function writeOutput(
    text: string,
    options: OutputOptions,
    io: OutputStreams,
    classify?: (existing: string) => ExistingState,
    what?: string
): void {
    if (options.output === undefined || options.output === '-') {
        io.stdout.write(text);
        return;
    }
    writeFileSafely(options.output, text, { force: options.force ?? false, classify, what });
    reportWritten(io, options.output);
}

/** The line on stderr saying a file was written (`shown`: as the user named it). */
export function reportWritten(io: OutputStreams, shown: string): void {
    io.stderr.write(`${(io.text ?? cliText('en')).wrote(escapeControls(shown))}\n`);
}
