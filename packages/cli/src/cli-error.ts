/** A failure the user caused (bad usage, unreadable input): one clear line, exit code 2, no stack trace. */
export class CliError extends Error {
    constructor(
        message: string,
        readonly exitCode = 2
    ) {
        super(message);
        this.name = 'CliError';
    }
}
