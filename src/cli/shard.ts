// Scale-out: `--shard K/N` plays the K-th of N consecutive slices of an experiment's run indices
// (run i keeps the seed mixSeed(BASE, i) it has in the whole run) and writes a partial result file:
// the slice's exact totals (integer counts and fixed-point sums, see research/montecarlo.ts), its CSV
// rows, and everything the command prints, all under a checksum. `presidium merge` checks that the
// partials belong to one run and cover every run index exactly once, and adds them in run order, which
// gives the totals of the unsharded run exactly, whatever the slicing.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import type { Scenario } from "../engine/index.js";
import { mergeTotals, type ExperimentTotals } from "../research/experiment.js";
import { describe, OutputFileError, sameTarget, writeOutputFile } from "../research/run/output-file.js";
import { inputError, UsageError } from "./errors.js";
import { version } from "./version.js";

export const PARTIAL_FORMAT = "presidium-partial";
export const PARTIAL_VERSION = 1;
/** More shards than this is a typo, not a cluster. */
export const MAX_SHARDS = 100_000;

/** Shard K of N, K counted from 1. */
export interface Shard {
  index: number;
  count: number;
}

/** `K/N` with 1 <= K <= N. */
export function parseShard(raw: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const usage = `--shard must be K/N, shard K of N counted from 1 (1/4, 2/4, 3/4, 4/4), got ${JSON.stringify(raw)}`;
  if (!m) throw new UsageError(usage);
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (count < 1 || count > MAX_SHARDS) throw new UsageError(`--shard K/N: N must be from 1 to ${MAX_SHARDS.toLocaleString("en")}, got ${JSON.stringify(raw)}`);
  if (index < 1 || index > count) throw new UsageError(`--shard K/N: K must be from 1 to N (${count}), got ${JSON.stringify(raw)}`);
  return { index, count };
}

/** --shard K/N goes with --partial FILE, and the whole run's outputs go to `presidium merge` instead. */
export function checkShardOptions(opts: { shard?: string; partial?: string; rows?: boolean; csv?: string; report?: string; json?: boolean | string }): Shard | null {
  if (opts.shard === undefined) {
    if (opts.partial !== undefined) throw new UsageError("--partial goes with --shard K/N (it names the file shard K's partial result is written to)");
    if (opts.rows === false) throw new UsageError("--no-rows goes with --shard K/N (it leaves the CSV rows out of the partial result)");
    return null;
  }
  const shard = parseShard(opts.shard);
  if (opts.partial === undefined) throw new UsageError("--shard K/N needs --partial FILE, the file to write the shard's partial result to (presidium merge adds the partials up)");
  for (const [flag, given] of [["--csv", opts.csv], ["--report", opts.report], ["--json", opts.json]] as const) {
    if (given !== undefined && given !== false) throw new UsageError(`${flag} does not go with --shard: give it to presidium merge, which writes the whole run's ${flag.slice(2)} from the partials`);
  }
  return shard;
}

/**
 * The run indices of shard K of N: first..end-1. Consecutive, disjoint, together 0..runs-1, their sizes
 * differing by at most one (a shard of more shards than runs is empty).
 */
export function sliceOf(runs: number, shard: Shard): { first: number; end: number } {
  return { first: Math.floor(((shard.index - 1) * runs) / shard.count), end: Math.floor((shard.index * runs) / shard.count) };
}

/** A digest of the scenario variants as loaded (data, what-ifs, settings and model parameters applied). */
export function scenarioHash(scenarios: readonly Scenario[]): string {
  const hash = createHash("sha256");
  for (const s of scenarios) hash.update(JSON.stringify(s)).update("\u0000");
  return hash.digest("hex");
}

/** What a partial result file holds (the checksum aside). */
export interface PartialBody {
  format: typeof PARTIAL_FORMAT;
  version: number;
  /** The presidium version that played the runs: another may play the same seeds differently. */
  presidium: string;
  command: "montecarlo" | "sweep";
  scenario: string;
  scenarioHash: string;
  baseSeed: number;
  /** Runs of the whole (unsharded) experiment. */
  runs: number;
  shard: Shard & { first: number; end: number };
  /** Everything else that decides the result and must be the same in every shard (what-ifs, settings, ...), by option. */
  plan: Record<string, unknown>;
  /** What the command needs to print its result (the scenario's facts, labels): the same in every shard. */
  view: unknown;
  variants: { label: string; whatIfs: string[] }[];
  totals: ExperimentTotals;
  /** The slice's CSV rows (no header), or null when the shard ran with --no-rows. */
  rows: string | null;
}

export interface PartialFile extends PartialBody {
  checksum: string;
}

function checksumOf(body: PartialBody): string {
  return createHash("sha256").update(JSON.stringify(body)).digest("hex");
}

export function partialBody(fields: Omit<PartialBody, "format" | "version" | "presidium">): PartialBody {
  return { format: PARTIAL_FORMAT, version: PARTIAL_VERSION, presidium: version(), ...fields };
}

/** Writes a partial result file whole or not at all. */
export function writePartial(path: string, body: PartialBody): void {
  try {
    writeOutputFile(path, "--partial", `${JSON.stringify({ ...body, checksum: checksumOf(body) })}\n`);
  } catch (error) {
    if (error instanceof OutputFileError) throw inputError(error.message);
    throw error;
  }
}

const RERUN = "run its shard again with --shard K/N --partial FILE";

/** A partial file's text; a folder or an unreadable file is an input error naming it. */
export function readPartialText(path: string): string {
  try {
    if (statSync(path).isDirectory()) throw inputError(`${path}: is a folder; give the partial result files (the --partial files of the shards)`);
    return readFileSync(path, "utf8");
  } catch (error) {
    if (error instanceof Error && error.name === "InputError") throw error;
    throw inputError(`${path}: cannot read it (${describe(error, ".").replace(/the folder \. does not exist/, "no such file")})`);
  }
}

/** Reads and checks one partial result file; every problem is an input error naming the file and the fix. */
export function readPartial(path: string): PartialFile {
  const text = readPartialText(path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw inputError(`${path}: not a partial result file (not complete JSON: truncated or another kind of file); ${RERUN}`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed) || (parsed as { format?: unknown }).format !== PARTIAL_FORMAT) {
    throw inputError(`${path}: not a partial result file (no "format": "${PARTIAL_FORMAT}"); give the files written by --shard K/N --partial FILE`);
  }
  const file = parsed as PartialFile;
  if (file.version !== PARTIAL_VERSION) {
    throw inputError(`${path}: partial format version ${JSON.stringify(file.version)}, and this presidium reads version ${PARTIAL_VERSION}; merge it with the presidium that wrote it (${String(file.presidium)}), or ${RERUN}`);
  }
  const { checksum, ...body } = file;
  if (typeof checksum !== "string" || checksum !== checksumOf(body as PartialBody)) {
    throw inputError(`${path}: damaged or edited (its checksum does not match its contents); ${RERUN}`);
  }
  return file;
}

/** A value for a message, cut short. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? "none";
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function label(s: Shard): string {
  return `shard ${s.index}/${s.count}`;
}

/**
 * Checks that partials belong to one experiment (same command, presidium version, scenarios, seed,
 * runs and plan) and that together they hold every run index exactly once; returns them in run order.
 */
export function checkPartials(files: readonly { path: string; partial: PartialFile }[]): { path: string; partial: PartialFile }[] {
  const [first] = files;
  const ref = first.partial;
  for (const { path, partial } of files.slice(1)) {
    const differ = (what: string, there: unknown, here: unknown, fix: string) => {
      if (JSON.stringify(there) !== JSON.stringify(here)) {
        throw inputError(`${path} is not a shard of the same run as ${first.path}: ${what} ${shown(here)} there, ${shown(there)} in ${first.path}; ${fix}`);
      }
    };
    const same = "merge only the partials of one run (the same command and options, with --shard K/N alone changing)";
    differ("command", ref.command, partial.command, same);
    differ("presidium version", ref.presidium, partial.presidium, "another version may play the same seeds differently: run every shard with one version");
    differ("scenario", ref.scenario, partial.scenario, same);
    differ("--seed", ref.baseSeed, partial.baseSeed, same);
    differ("--runs", ref.runs, partial.runs, same);
    // The options and variants before the scenarios' hash, which they change too: a differing option
    // (--compare, --what-if, --set) is named as such rather than as different scenario content.
    for (const key of Object.keys({ ...ref.plan, ...partial.plan })) differ(key, ref.plan[key], partial.plan[key], same);
    differ("variants", ref.variants, partial.variants, same);
    differ("scenario content (hash)", ref.scenarioHash, partial.scenarioHash, "the scenario file, its what-ifs, --set values or model/parameters.yaml differ: run every shard from the same files and options");
  }
  for (const { path, partial } of files) {
    const s = partial.shard;
    if (partial.totals.runs !== s.end - s.first || s.first !== sliceOf(partial.runs, s).first || s.end !== sliceOf(partial.runs, s).end) {
      throw inputError(`${path}: its totals do not hold the runs of ${label(s)} of ${partial.runs}; ${RERUN}`);
    }
  }
  const claims = files.map((f) => ({ ...f, shard: f.partial.shard, first: f.partial.shard.first, end: f.partial.shard.end }));
  return checkCoverage(claims, { first: 0, end: ref.runs, unit: "run", whole: `of ${ref.runs}`, options: "the same options" });
}

/** One partial's claim: shard K/N holds the indices first..end-1 of a range. */
export interface Claim {
  path: string;
  shard: Shard;
  first: number;
  end: number;
}

/**
 * The range the claims must cover: indices first..end-1, each a `unit` ("run", "point"), `whole`
 * saying what they are part of in a message ("of 14"), `options` which command runs a missing shard.
 * Shard K of N holds the K-th of N slices of the range (sliceOf, from `first`).
 */
export interface Coverage {
  first: number;
  end: number;
  unit: string;
  whole: string;
  options: string;
}

/**
 * Checks that the claims hold every index of the range exactly once: no shard given twice, no
 * overlap, none missing (naming the shards to run when the claims share one N). Returns them in order.
 */
export function checkCoverage<C extends Claim>(claims: readonly C[], range: Coverage): C[] {
  const ordered = [...claims].sort((a, b) => a.first - b.first || a.end - b.end);
  const seen = new Map<string, string>();
  for (const { path, shard } of ordered) {
    const key = `${shard.index}/${shard.count}`;
    const twice = seen.get(key);
    if (twice !== undefined && sameTarget(path, twice)) throw inputError(`${path} is given twice: give each shard's partial once`);
    if (twice !== undefined) throw inputError(`${path} and ${twice} are both ${label(shard)}: give each shard's partial once`);
    seen.set(key, path);
  }
  let covered = range.first;
  let previous: C | null = null;
  for (const item of ordered) {
    if (item.first > covered) throw missing(ordered, covered, item.first, range);
    if (item.first < covered && item.end > item.first && previous !== null) {
      throw inputError(
        `${item.path} (${label(item.shard)}) and ${previous.path} (${label(previous.shard)}) overlap: both hold ${indexRange(range.unit, item.first, Math.min(covered, item.end))}; merge partials of one slicing, or of slicings whose shards do not overlap`,
      );
    }
    if (item.end > covered) {
      covered = item.end;
      previous = item;
    }
  }
  if (covered < range.end) throw missing(ordered, covered, range.end, range);
  return ordered;
}

/** "run 3", "points 4 to 8". */
export function indexRange(unit: string, first: number, end: number): string {
  return end - first === 1 ? `${unit} ${first}` : `${unit}s ${first} to ${end - 1}`;
}

function missing(claims: readonly Claim[], from: number, to: number, range: Coverage): Error {
  const counts = new Set(claims.map((c) => c.shard.count));
  const shards: string[] = [];
  if (counts.size === 1) {
    const n = [...counts][0];
    for (let k = 1; k <= n; k++) {
      const s = sliceOf(range.end - range.first, { index: k, count: n });
      if (range.first + s.first < to && range.first + s.end > from) shards.push(`${k}/${n}`);
    }
  }
  const held = `${indexRange(range.unit, from, to)} ${range.whole} ${to - from === 1 ? "is" : "are"} in none of the partials`;
  if (shards.length === 0) return inputError(`${held}: run the shards that hold them with ${range.options}, and merge again with their partials`);
  const list = `${shards.slice(0, 10).join(", ")}${shards.length > 10 ? ", ..." : ""}`;
  if (shards.length === 1) return inputError(`${held} (shard ${list} is missing): run it with ${range.options} and --shard ${list} --partial FILE, and merge again with its partial`);
  return inputError(`${held} (shards ${list} are missing): run them with ${range.options} and --shard K/N --partial FILE, and merge again with their partials`);
}

/** The totals and CSV rows of the whole run: the partials' added in run order. */
export function mergePartials(ordered: readonly { path: string; partial: PartialFile }[]): { totals: ExperimentTotals; rows: () => string } {
  const totals = structuredClone(ordered[0].partial.totals);
  for (const { partial } of ordered.slice(1)) mergeTotals(totals, partial.totals);
  const rows = () => {
    const lacking = ordered.find((f) => f.partial.rows === null);
    if (lacking !== undefined) throw inputError(`${lacking.path}: holds no CSV rows (${label(lacking.partial.shard)} ran with --no-rows); run that shard again without --no-rows, or merge without --csv`);
    return ordered.map((f) => f.partial.rows).join("");
  };
  return { totals, rows };
}
