/**
 * A one-line progress indicator on stderr for long runs: only when stderr is a terminal and not in
 * CI (SPEC §7: never in CI logs or piped output), only once a run has lasted `delayMs`, redrawn at
 * most every `intervalMs`, and erased when done so that the real output follows on a clean line.
 */
export class Progress {
    private readonly started: number;
    private lastDraw = 0;
    private drawn = false;

    constructor(
        private readonly stream: NodeJS.WritableStream,
        private readonly enabled: boolean,
        private readonly delayMs = 300,
        private readonly intervalMs = 100,
        private readonly now: () => number = Date.now
    ) {
        this.started = now();
    }

    /** Whether a process should show progress: stderr is a terminal and CI is not set. */
    static wanted(stderr: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
        return Boolean(stderr.isTTY) && !env.CI;
    }

    update(label: string, done: number, total: number): void {
        if (!this.enabled) return;
        const time = this.now();
        if (time - this.started < this.delayMs || (this.drawn && time - this.lastDraw < this.intervalMs && done < total)) return;
        this.lastDraw = time;
        this.drawn = true;
        this.stream.write(`\r\x1b[K${label} ${done}/${total}`);
    }

    done(): void {
        if (this.drawn) this.stream.write('\r\x1b[K');
        this.drawn = false;
    }
}
