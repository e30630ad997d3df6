// Parsing and checking of option values shared by the commands. Malformed values are usage errors.
import { UsageError } from "./errors.js";

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** A seed: any 32-bit signed integer (Monte Carlo seeds from mixSeed may be negative). */
export function parseSeed(raw: string, flag = "--seed"): number {
  const text = raw.trim();
  const n = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < INT32_MIN || n > INT32_MAX) {
    throw new UsageError(`${flag} must be a whole number from ${INT32_MIN} to ${INT32_MAX}, got ${JSON.stringify(raw)}`);
  }
  return n;
}

/** A positive whole number, at most `max` (`why` says where the bound comes from, or what to do instead). */
export function parsePositiveInt(raw: string, flag: string, max = Number.MAX_SAFE_INTEGER, why = ""): number {
  const text = raw.trim();
  const digits = /^\+?\d+$/.test(text);
  const n = digits ? Number(text) : Number.NaN;
  if (digits && n > max) throw new UsageError(`${flag} must be at most ${max.toLocaleString("en")}${why}, got ${JSON.stringify(raw)}`);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive whole number (1, 2, 3, ...), got ${JSON.stringify(raw)}`);
  return n;
}

/**
 * The most runs of one experiment (per value or what-if set). Far beyond what any interval needs,
 * and the experiment's plan of chunks is held in memory: a larger count would exhaust it before any
 * game ran.
 */
export const MAX_RUNS = 10_000_000;

export function parseRuns(raw: string): number {
  return parsePositiveInt(raw, "--runs", MAX_RUNS, " (for more, run again with another --seed)");
}

/** Workers even --force-workers cannot exceed (unless the machine has more cores): each holds its own engine and scenarios. */
export const MAX_FORCED_WORKERS = 64;

/**
 * The worker count: by default the cores this machine has, and at most that many (more only cost
 * memory: each worker holds its own engine), unless `force` (--force-workers) allows up to
 * MAX_FORCED_WORKERS.
 */
export function parseWorkers(raw: string | undefined, force: boolean, cores: number): number {
  if (raw === undefined) {
    if (force) throw new UsageError("--force-workers goes with --workers N (the number of workers to force)");
    return cores;
  }
  const n = parsePositiveInt(raw, "--workers");
  if (n > cores && !force) {
    throw new UsageError(
      `--workers ${n} is more than this machine's ${cores} core${cores === 1 ? "" : "s"}: extra workers only cost memory (each holds its own engine); give at most ${cores}, or add --force-workers to use ${n} anyway`,
    );
  }
  const most = Math.max(MAX_FORCED_WORKERS, cores);
  if (n > most) throw new UsageError(`--workers must be at most ${most} even with --force-workers, got ${JSON.stringify(raw)}`);
  return n;
}

/** An ISO calendar date that exists (1964-02-30 does not). */
export function parseIsoDate(raw: string, flag: string): string {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) && new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw);
  if (!ok) throw new UsageError(`${flag} must be a real date written YYYY-MM-DD, got ${JSON.stringify(raw)}`);
  return raw;
}

/** Commander's accumulator for a repeatable option. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** What-if names as given, refusing repeats (applying a patch twice is never what was meant). */
export function checkWhatIfs(names: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new UsageError(`--what-if ${name} is given twice`);
    seen.add(name);
  }
  return [...names];
}
