// The options `sensitivity` and `calibrate` share (runs per point, seed, parameters, workers and the
// output files), read and checked once, and the writing of their CSV and HTML files at the end.
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import type { Scenario } from "../engine/index.js";
import { OutputFileError, writeOutputFile } from "../research/run/output-file.js";
import { ParameterSelectionError, selectParameters, type StudyParameter } from "../research/study-design.js";
import { loadModelFile } from "../scenarios/model-file.js";
import { inputError, UsageError } from "./errors.js";
import { checkOutputPaths, collect, MAX_FORCED_WORKERS, MAX_RUNS, parseRuns, parseSeed, parseWorkers } from "./options.js";
import { err } from "./output.js";
import { version } from "./version.js";

export interface StudyOptionValues {
  runs: string;
  seed: string;
  parameters?: string[];
  workers?: string;
  forceWorkers?: boolean;
  out: string;
  csv?: string;
  report?: string;
  json?: boolean;
  dryRun?: boolean;
}

/** Adds the shared options to a command, after its own. */
export function studyOptions(command: Command, defaultRuns: string): Command {
  return command
    .option("--runs <n>", `games per parameter point and scenario variant (at most ${MAX_RUNS.toLocaleString("en")})`, defaultRuns)
    .option("--seed <base>", "base seed: run i of every point uses the seed mixSeed(base, i); the designs are drawn from it too", "1")
    .option("--parameters <glob>", "vary only the model parameters matching this glob (* matches any text, e.g. crisis.* or *.temperature); repeatable; default all", collect)
    .option("--workers <n>", `worker threads (default and most: the number of cores, ${availableParallelism()} here)`)
    .option("--force-workers", `allow --workers above the number of cores (up to ${MAX_FORCED_WORKERS})`)
    .requiredOption("--out <file.jsonl>", "the study's record: the plan, then one line per finished point; rerun the same command with the same --out to resume")
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
  json: boolean;
  dryRun: boolean;
}

export function parseStudyOptions(opts: StudyOptionValues): StudyOptions {
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
  return { runs, seed, workers, parameters, json: opts.json === true, dryRun: opts.dryRun === true };
}

export function outputsOf(opts: StudyOptionValues): { flag: string; path: string | undefined }[] {
  return [
    { flag: "--out", path: opts.out },
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
 * points of two models, so the plan records it.
 */
export function fingerprint(scenarios: readonly Scenario[], extra = ""): string {
  const hash = createHash("sha256");
  for (const s of scenarios) hash.update(JSON.stringify(s)).update("\u0000");
  return hash.update(extra).digest("hex").slice(0, 16);
}

const FINGERPRINT_CHANGED = "the scenarios, their what-ifs or model/parameters.yaml have changed since the file was begun";

/** What every study's setup takes from the shared options (the rest is the command's own). */
export function sharedSetup(opts: StudyOptionValues, study: StudyOptions) {
  return { version: version(), out: opts.out, runs: study.runs, seed: study.seed, workers: study.workers, quiet: study.json, explain: { fingerprint: FINGERPRINT_CHANGED } };
}

/** Writes the CSV and report files (each whole or not at all). */
export function writeStudyFiles(opts: StudyOptionValues, csv: () => string, report: () => string): void {
  try {
    if (opts.csv !== undefined) writeOutputFile(opts.csv, "--csv", csv());
    if (opts.report !== undefined) writeOutputFile(opts.report, "--report", report());
  } catch (error) {
    if (error instanceof OutputFileError) throw inputError(error.message);
    throw error;
  }
}

/** After Ctrl-C: what is kept, and how to go on. */
export function interruptedNote(out: string, done: number, planned: number): void {
  err(`Interrupted: ${done.toLocaleString("en-US")} of ${planned.toLocaleString("en-US")} points are in ${out}; the results use those only. Run the same command again to go on from there.`);
}
