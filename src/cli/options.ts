// Parsing and checking of option values shared by the commands. Malformed values are usage errors.
import { parseSettingValue } from "../engine/index.js";
import { AtomicFile, OutputFileError, sameTarget } from "../research/run/output-file.js";
import type { Setting } from "../scenarios/load.js";
import { inputError, UsageError } from "./errors.js";

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
/** What a seed is, for messages: the engine reads seeds as 32-bit integers, so 2^32 + 3 would play as 3. */
export const SEED_RANGE = `a whole number from ${INT32_MIN} to ${INT32_MAX}`;

/** A seed: any 32-bit signed integer (Monte Carlo seeds from mixSeed may be negative). */
export function isSeed(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n >= INT32_MIN && n <= INT32_MAX;
}

export function parseSeed(raw: string, flag = "--seed"): number {
  const text = raw.trim();
  const n = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!isSeed(n)) throw new UsageError(`${flag} must be ${SEED_RANGE}, got ${JSON.stringify(raw)}`);
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

/**
 * `--set PATH=VALUE` (repeatable): a scenario path as in what-if patches (`globals.fear=0.4`), or a
 * model parameter (`model.plots.startHazard.baseline=-9`). The loader checks that the path exists.
 */
export function parseSettings(raw: readonly string[], flag = "--set"): Setting[] {
  const seen = new Set<string>();
  return raw.map((given) => {
    const eq = given.indexOf("=");
    const path = eq < 0 ? "" : given.slice(0, eq).trim();
    const text = eq < 0 ? "" : given.slice(eq + 1).trim();
    if (path === "" || text === "") throw new UsageError(`${flag} must be PATH=VALUE (for example model.ai.choice.temperature=0.5 or globals.fear=0.4), got ${JSON.stringify(given)}`);
    if (seen.has(path)) throw new UsageError(`${flag} ${path} is given twice`);
    seen.add(path);
    return { path, value: parseSettingValue(text) };
  });
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

/**
 * An output file opened before any work, written whole when the work is done (commit): an unwritable
 * path is refused at once rather than after the games.
 */
export function openOutputFile(path: string, flag: string): AtomicFile {
  try {
    return AtomicFile.open(path, flag);
  } catch (error) {
    if (error instanceof OutputFileError) throw inputError(error.message);
    throw error;
  }
}

/**
 * Output files named on the command line: each needs a name, no two may be the same file (however
 * written: ./f and f, or a link to it), and none may be the scenario file read (`scenarioFile`, once
 * known), which writing would destroy.
 */
export function checkOutputPaths(outputs: readonly { flag: string; path: string | undefined }[], scenarioFile?: string): void {
  const given = outputs.filter((o): o is { flag: string; path: string } => o.path !== undefined);
  for (const o of given) if (o.path.trim() === "") throw new UsageError(`${o.flag} needs a file name`);
  given.forEach((a, i) => {
    for (const b of given.slice(i + 1)) {
      if (sameTarget(a.path, b.path)) throw new UsageError(`${a.flag} ${a.path} and ${b.flag} ${b.path} are the same file: give each its own`);
    }
    if (scenarioFile !== undefined && sameTarget(a.path, scenarioFile)) {
      throw new UsageError(`${a.flag} ${a.path} is the scenario file being read: writing there would destroy it; give another file name`);
    }
  });
}
