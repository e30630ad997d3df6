// `presidium merge`: adds up the partial results that `montecarlo --shard K/N` or `sweep --shard K/N`
// wrote, or puts together the partials of `sensitivity --shard K/N` or `calibrate --shard K/N`, into
// exactly what the unsharded command prints and writes (the table or JSON, the CSV and the HTML
// report, and a study's --out record), byte for byte, whatever the slicing. Partials of different
// runs, a shard given twice, overlapping or missing slices and damaged files are refused, each naming
// the file and the fix.
import { closeSync, openSync, readSync } from "node:fs";
import type { Command } from "commander";
import { csvHeader } from "../../research/csv.js";
import { variantResults, type VariantResult } from "../../research/results.js";
import type { StudyCommand } from "../../research/study-journal.js";
import { OutputFileError, sameTarget, writeOutputFile } from "../../research/run/output-file.js";
import { inputError, UsageError } from "../errors.js";
import { checkOutputPaths } from "../options.js";
import { out } from "../output.js";
import { checkPartials, mergePartials, PARTIAL_FORMAT, readPartial } from "../shard.js";
import { mergeStudyPartials } from "../study-shard.js";
import { calibrateCommand, type CalibrateOptionValues } from "./calibrate.js";
import { montecarloReport, montecarloText, type MonteCarloView } from "./montecarlo.js";
import { sensitivityCommand, type SensitivityOptionValues } from "./sensitivity.js";
import { sweepReport, sweepText, type SweepView } from "./sweep.js";

interface MergeOptions {
  json?: string | boolean;
  csv?: string;
  report?: string;
  out?: string;
}

export function registerMerge(program: Command): void {
  program
    .command("merge")
    .description("put the partial results of montecarlo, sweep, sensitivity or calibrate run with --shard K/N together into the result of the whole run")
    .argument("<partials...>", "the partial result files (--partial) of every shard, in any order")
    .option("--json [file]", "write the JSON object the unsharded command prints with --json to this file (without a file: print it instead of the table)")
    .option("--csv <file>", "write one row per run (and per what-if set or value) to this CSV file")
    .option("--report <file.html>", "write the self-contained HTML report")
    .option("--out <file.jsonl>", "sensitivity and calibrate: write the whole study's record (what the unsharded command's --out holds)")
    .addHelpText(
      "after",
      [
        "",
        "The partials must come from one run: the same command, presidium version, scenario content,",
        "--seed, --runs, what-ifs and settings (for a study, its design and parameters), with only",
        "--shard K/N changing. Together they must hold every run index (a study's every point) once;",
        "shards of different N may be mixed if their slices do not overlap. The output is the unsharded",
        "run's, byte for byte. A study's scenario and targets files are read again, from the paths its",
        "shards were given: merge where they ran, with the same files.",
        "",
        "Examples:",
        "  presidium montecarlo --scenario october-1964 --runs 10000 --shard 1/2 --partial p1.json",
        "  presidium montecarlo --scenario october-1964 --runs 10000 --shard 2/2 --partial p2.json",
        "  presidium merge p1.json p2.json --json result.json --csv runs.csv --report oct64.html",
        "  presidium calibrate --samples 100 --runs 200 --shard 1/2 --partial c1.jsonl",
        "  presidium calibrate --samples 100 --runs 200 --shard 2/2 --partial c2.jsonl",
        "  presidium merge c1.jsonl c2.jsonl --out calib.jsonl --json calib.json --report calib.html",
      ].join("\n"),
    )
    .action((paths: string[], opts: MergeOptions) => mergeCommand(paths, opts));
}

async function mergeCommand(paths: string[], opts: MergeOptions): Promise<void> {
  const jsonFile = typeof opts.json === "string" ? opts.json : undefined;
  const outputs = [
    { flag: "--json", path: jsonFile },
    { flag: "--csv", path: opts.csv },
    { flag: "--report", path: opts.report },
    { flag: "--out", path: opts.out },
  ];
  checkOutputPaths(outputs);
  for (const o of outputs) {
    const input = o.path === undefined ? undefined : paths.find((p) => sameTarget(p, o.path!));
    if (input !== undefined) throw new UsageError(`${o.flag} ${o.path} is one of the partials being read: writing there would destroy it; give another file name`);
    // `merge --json part-1.json part-2.json` takes part-1.json for the --json file: never write over a partial.
    if (o.path !== undefined && isPartialFile(o.path)) {
      throw new UsageError(`${o.flag} ${o.path} is a partial result file or a study's record: writing there would destroy it; give ${o.flag} another file name (or put --json after the partials, or give --json alone to print)`);
    }
  }
  const study = studyCommandOf(paths);
  if (study !== null) return mergeStudy(study, paths, opts);
  if (opts.out !== undefined) throw new UsageError("--out goes with the partials of sensitivity or calibrate (the whole study's record); montecarlo and sweep write --json, --csv and --report");
  const files = paths.map((path) => ({ path, partial: readPartial(path) }));
  const ordered = checkPartials(files);
  const { totals, rows } = mergePartials(ordered);
  const first = ordered[0].partial;
  const results = variantResults(first.variants, totals);
  const render = renderer(first.command, first.view, results, totals.runs);

  const csv = opts.csv === undefined ? null : csvHeader() + rows();
  if (csv !== null) write(opts.csv!, "--csv", csv);
  if (opts.report !== undefined) write(opts.report, "--report", render.report());
  if (jsonFile !== undefined) write(jsonFile, "--json", withNewline(render.text(true)));
  out(render.text(opts.json === true));
}

/** The unsharded command's own rendering of its stdout (table or JSON) and report. */
function renderer(command: string, view: unknown, results: VariantResult[], runs: number): { text: (asJson: boolean) => string; report: () => string } {
  if (command === "sweep") {
    const v = view as SweepView;
    return { text: (asJson) => sweepText(v, results, runs, true, asJson), report: () => sweepReport(v, results, runs) };
  }
  const v = view as MonteCarloView;
  return { text: (asJson) => montecarloText(v, results, runs, true, asJson), report: () => montecarloReport(v, results, runs) };
}

function write(path: string, flag: string, text: string): void {
  try {
    writeOutputFile(path, flag, text);
  } catch (error) {
    if (error instanceof OutputFileError) throw inputError(error.message);
    throw error;
  }
}

/**
 * Which study wrote the partials, by their first bytes (a study's record starts with its command),
 * or null for montecarlo and sweep partials (and anything else, which readPartial refuses).
 */
function studyCommandOf(paths: readonly string[]): StudyCommand | null {
  const kinds = paths.map((path) => ({ path, kind: STUDIES.find((c) => headOf(path).startsWith(studyHead(c))) ?? null }));
  const study = kinds.find((k) => k.kind !== null);
  const other = kinds.find((k) => k.kind !== study?.kind);
  if (study !== undefined && other !== undefined) {
    throw inputError(`${other.path} is not a partial of presidium ${study.kind} like ${study.path}: merge the partials of one run at a time`);
  }
  return study?.kind ?? null;
}
const STUDIES: readonly StudyCommand[] = ["sensitivity", "calibrate"];
const studyHead = (command: StudyCommand) => `{"presidium":"${command}"`;
const PARTIAL_HEAD = `{"format":"${PARTIAL_FORMAT}"`;
const HEAD_BYTES = Math.max(PARTIAL_HEAD.length, ...STUDIES.map((c) => studyHead(c).length));

/** The first bytes of a file ("" if it cannot be read: the merge then says why). */
function headOf(path: string): string {
  let fd: number | null = null;
  try {
    fd = openSync(path, "r");
    const head = Buffer.alloc(HEAD_BYTES);
    const read = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, read).toString("utf8");
  } catch {
    return "";
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** A partial result, or a study's record (a shard's partial, or a whole --out): writing an output over it would destroy it. */
function isPartialFile(path: string): boolean {
  const head = headOf(path);
  return head.startsWith(PARTIAL_HEAD) || STUDIES.some((c) => head.startsWith(studyHead(c)));
}

/**
 * A study's partials put together and handed to the command itself, with the options its shards ran
 * with and merge's outputs: it finds every point already played and writes what the unsharded run
 * writes. Then the whole record goes to --out.
 */
async function mergeStudy(command: StudyCommand, paths: string[], opts: MergeOptions): Promise<void> {
  const merged = mergeStudyPartials(paths, command);
  const options = { ...merged.options, csv: opts.csv, report: opts.report, json: opts.json };
  if (command === "sensitivity") await sensitivityCommand(options as unknown as SensitivityOptionValues, merged);
  else await calibrateCommand(options as unknown as CalibrateOptionValues, merged);
  if (opts.out !== undefined) write(opts.out, "--out", merged.text);
}

function withNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}
