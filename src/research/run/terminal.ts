// What an experiment shows on a terminal while it runs, and how Ctrl-C stops it: the first SIGINT
// aborts (the workers are terminated and the runs finished so far are reported), a second one
// exits at once.
import { progressLine } from "../progress.js";

/** A progress bar redrawn in place on a TTY stream, at most ten times a second. */
export class ProgressBar {
  private readonly started = performance.now();
  private lastDrawn = -Infinity;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly planned: number,
  ) {}

  update(done: number): void {
    const now = performance.now();
    if (done < this.planned && now - this.lastDrawn < 100) return;
    this.lastDrawn = now;
    this.drawn = true;
    this.stream.write(`\r${progressLine(done, this.planned, now - this.started)}\x1b[K`);
  }

  clear(): void {
    if (this.drawn) this.stream.write("\r\x1b[K");
    this.drawn = false;
  }
}

export const INTERRUPTED_EXIT_CODE = 130;

/**
 * Runs `body` with an abort signal tied to Ctrl-C. Returns its result and whether it was
 * interrupted; after an interruption the process ends with 130 (the shell's code for SIGINT).
 */
export async function withInterrupt<T>(body: (signal: AbortSignal) => Promise<T>): Promise<{ result: T; interrupted: boolean }> {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(INTERRUPTED_EXIT_CODE);
    controller.abort();
  };
  process.on("SIGINT", onSigint);
  try {
    const result = await body(controller.signal);
    if (controller.signal.aborted) process.once("exit", () => (process.exitCode = INTERRUPTED_EXIT_CODE));
    return { result, interrupted: controller.signal.aborted };
  } finally {
    process.off("SIGINT", onSigint);
  }
}
