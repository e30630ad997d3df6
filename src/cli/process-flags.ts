// The V8 flags a command that plays games on worker threads runs under. V8's garbage collector
// normally works on helper threads beside each isolate; with two workers on two cores those helpers
// compete with the workers themselves for the cores, and collecting on the worker's own thread costs
// less in all: measured with farm-bench on this project's 2-core machine (october-1964, 240 runs,
// 2 workers, 5 pairs each, 2 December 2026), 0.89 and 0.92 of the wall time. Such flags belong to the
// process and cannot be set once it runs (setting this one from inside aborts V8), so bin/presidium.js
// starts the command again under them. They change when memory is collected, never what a game
// computes: results are the same bytes.

/** The flags, as node's own command line takes them. */
export const POOL_FLAGS: readonly string[] = ["--single-threaded-gc"];

/** The commands that play games on worker threads. */
const POOL_COMMANDS = new Set(["montecarlo", "sweep", "sensitivity", "calibrate"]);

/**
 * Whether a command line (without `node` and the script) should be started again under POOL_FLAGS:
 * its command plays games on workers, and the process does not already have them (`execArgv`).
 */
export function wantsPoolFlags(argv: readonly string[], execArgv: readonly string[]): boolean {
  const command = argv.find((a) => !a.startsWith("-"));
  return command !== undefined && POOL_COMMANDS.has(command) && !POOL_FLAGS.every((f) => execArgv.includes(f));
}
