// The options `sensitivity` and `calibrate` share (runs per point, seed, parameters, workers and the
// output files), read and checked once, and the writing of their CSV and HTML files at the end.
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import type { StudyBase } from "../research/study.js";
import { AtomicFile, OutputFileError } from "../research/run/output-file.js";
import { ParameterSelectionError, selectParameters, type StudyParameter } from "../research/study-design.js";
import { loadModelFile } from "../scenarios/model-file.js";
import { inputError, UsageError } from "./errors.js";
import { checkOutputPaths, collect, MAX_FORCED_WORKERS, MAX_RUNS, openOutputFile, parseRuns, parseSeed, parseWorkers } from "./options.js";
import { err, out } from "./output.js";
import { checkShardOptions, type Shard } from "./shard.js";
import { recordedOptions, type MergedStudy } from "./study-shard.js";
import { version } from "./version.js";

export interface StudyOptionValues {
  runs: string;
  seed: string;
  parameters?: string[];
  workers?: string;
  forceWorkers?: boolean;
  out?: string;
  csv?: string;
  report?: string;
  /** --json; a file name only from presidium merge --json FILE (the JSON to the file, the table on stdout). */
  json?: boolean | string;
  dryRun?: boolean;
  shard?: string;
  partial?: string;
}

/** Adds the shared options to a command, after its own. */
export function studyOptions(command: Command, defaultRuns: string): Command {
  return command
    .option("--runs <n>", `games per parameter point and scenario variant (at most ${MAX_RUNS.toLocaleString("en")})`, defaultRuns)
    .option("--seed <base>", "base seed: run i of every point uses the seed mixSeed(base, i); the designs are drawn from it too", "1")
    .option("--parameters <glob>", "vary only the model parameters matching this glob (* matches any text, e.g. crisis.* or *.temperature); repeatable; default all", collect)
    .option("--workers <n>", `worker threads (default and most: the number of cores, ${availableParallelism()} here)`)
    .option("--force-workers", `allow --workers above the number of cores (up to ${MAX_FORCED_WORKERS})`)
    .option("--out <file.jsonl>", "the study's record: the plan, then one line per finished point; rerun the same command with the same --out to resume (required, except with --shard)")
    .option("--shard <K/N>", "play only the K-th of N consecutive slices of the design's points (every shard draws the same design from --seed) and record them in --partial; presidium merge puts the shards together")
    .option("--partial <file.jsonl>", "with --shard: the shard's record, like --out for its slice (the same command resumes from it)")
    .option("--csv <file>", "write the results as CSV")
    .option("--report <file.html>", "write a self-contained HTML report")
    .option("--json", "print exactly one JSON object with the results (no cost line or progress bar)")
    .option("--dry-run", "state the plan and its cost (with a timed warm-up game) and stop, writing nothing");
}

export interface StudyOptions {
  runs: number;
  seed: number;
  workers: number;
  parameters: StudyParameter[];
  /** JSON on stdout (and a quiet stderr). */
  json: boolean;
  dryRun: boolean;
  shard: Shard | null;
}

export function parseStudyOptions(opts: StudyOptionValues, merged?: MergedStudy): StudyOptions {
  const shard = checkShardOptions(opts);
  if (shard !== null && opts.out !== undefined) throw new UsageError("--out does not go with --shard: the shard's points go to its --partial file, and presidium merge --out writes the whole study's record");
  if (shard === null && opts.out === undefined && merged === undefined) {
    throw new UsageError("--out FILE.jsonl is required: the study's record, from which the same command resumes (or --shard K/N --partial FILE.jsonl for one slice of the study)");
  }
  const runs = parseRuns(opts.runs);
  const seed = parseSeed(opts.seed, "--seed");
  const workers = parseWorkers(opts.workers, opts.forceWorkers === true, availableParallelism());
  checkOutputPaths(outputsOf(opts));
  let parameters: StudyParameter[];
  try {
    parameters = selectParameters(loadModelFile(), opts.parameters ?? []);
  } catch (error) {
    if (error instanceof ParameterSelectionError) throw new UsageError(error.message);
    throw error;
  }
  return { runs, seed, workers, parameters, json: opts.json === true, dryRun: opts.dryRun === true, shard };
}

export function outputsOf(opts: StudyOptionValues): { flag: string; path: string | undefined }[] {
  return [
    { flag: "--out", path: opts.out },
    { flag: "--partial", path: opts.partial },
    { flag: "--csv", path: opts.csv },
    { flag: "--report", path: opts.report },
  ];
}

/** The part of a study's plan the shared options decide: runs, seed, and the parameters varied (name, range, whether whole). */
export function sharedPlan(study: StudyOptions) {
  return { runs: study.runs, seed: study.seed, parameters: study.parameters.map((p) => [p.name, p.low, p.high, p.integer]) };
}

/**
 * A digest of every scenario variant as loaded (its data, what-ifs applied, and its model
 * parameters): if a scenario file or model/parameters.yaml changes, a resumed study would mix
 * points of two models, so the plan records it. The parameters the variants' what-ifs pin enter it
 * too, so a record begun before they were pinned is not resumed.
 */
export function fingerprint(bases: readonly StudyBase[]): string {
  const hash = createHash("sha256");
  for (const b of bases) hash.update(JSON.stringify(b.scenario)).update("\u0000");
  if (bases.some((b) => b.pinned.length > 0)) hash.update(`pinned:${JSON.stringify(bases.map((b) => b.pinned))}`);
  return hash.digest("hex").slice(0, 16);
}

const FINGERPRINT_CHANGED = "the scenarios, their what-ifs or model/parameters.yaml have changed since the file was begun";

/**
 * What every study's setup takes from the shared options (the rest is the command's own): where its
 * record goes (--out, a shard's --partial with the options merge needs, or nowhere when merging).
 */
export function sharedSetup(opts: StudyOptionValues, study: StudyOptions, merged: MergedStudy | undefined) {
  const record = merged !== undefined ? { out: merged.files.join(", "), flag: "--out" as const, merged } : study.shard !== null ? { out: opts.partial!, flag: "--partial" as const, options: recordedOptions(opts) } : { out: opts.out!, flag: "--out" as const };
  // Merging plays nothing: no cost line on stderr, as the montecarlo merge prints none.
  return { version: version(), ...record, runs: study.runs, seed: study.seed, workers: study.workers, quiet: study.json || merged !== undefined, explain: { fingerprint: FINGERPRINT_CHANGED } };
}

/** The files a study writes at its end, opened before it plays (see openStudyOutputs). */
export interface StudyOutputFiles {
  csv: AtomicFile | null;
  report: AtomicFile | null;
  json: AtomicFile | null;
}

/**
 * Opens the CSV, report and (from merge --json FILE) JSON files before any game, as montecarlo does,
 * so that an unwritable path is refused at once rather than after the whole study.
 */
export function openStudyOutputs(opts: StudyOptionValues): StudyOutputFiles {
  const csv = opts.csv === undefined ? null : openOutputFile(opts.csv, "--csv");
  const report = opts.report === undefined ? null : openOutputFile(opts.report, "--report");
  const json = typeof opts.json === "string" ? openOutputFile(opts.json, "--json") : null;
  return { csv, report, json };
}

/**
 * Writes the CSV, report and JSON files opened by openStudyOutputs, each whole or not at all, then
 * prints the result: the JSON with --json, else the table.
 */
export function writeStudyOutputs(opts: StudyOptionValues, files: StudyOutputFiles, outputs: { csv: () => string; report: () => string; text: (asJson: boolean) => string }): void {
  const written = [files.csv, files.report, files.json].filter((f): f is AtomicFile => f !== null);
  try {
    files.csv?.write(outputs.csv());
    files.report?.write(outputs.report());
    files.json?.write(`${outputs.text(true)}\n`);
    for (const file of written) file.commit();
  } catch (error) {
    for (const file of written) file.discard();
    if (error instanceof OutputFileError) throw inputError(error.message);
    throw error;
  }
  out(outputs.text(opts.json === true));
}

/** After Ctrl-C: what is kept, and how to go on. */
export function interruptedNote(out: string, done: number, planned: number): void {
  err(`Interrupted: ${done.toLocaleString("en-US")} of ${planned.toLocaleString("en-US")} points are in ${out}; the results use those only. Run the same command again to go on from there.`);
}
