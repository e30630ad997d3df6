// `presidium merge`: adds up the partial results that `montecarlo --shard K/N` or `sweep --shard K/N`
// wrote into exactly what the unsharded command prints and writes (the table or JSON, the CSV and the
// HTML report), byte for byte, whatever the slicing. Partials of different runs, a shard given twice,
// overlapping or missing run indices and damaged files are refused, each naming the file and the fix.
import { closeSync, openSync, readSync } from "node:fs";
import type { Command } from "commander";
import { csvHeader } from "../../research/csv.js";
import { variantResults, type VariantResult } from "../../research/results.js";
import { OutputFileError, sameTarget, writeOutputFile } from "../../research/run/output-file.js";
import { inputError, UsageError } from "../errors.js";
import { checkOutputPaths } from "../options.js";
import { out } from "../output.js";
import { checkPartials, mergePartials, PARTIAL_FORMAT, readPartial } from "../shard.js";
import { montecarloReport, montecarloText, type MonteCarloView } from "./montecarlo.js";
import { sweepReport, sweepText, type SweepView } from "./sweep.js";

interface MergeOptions {
  json?: string | boolean;
  csv?: string;
  report?: string;
}

export function registerMerge(program: Command): void {
  program
    .command("merge")
    .description("add up the partial results of montecarlo or sweep run with --shard K/N into the result of the whole run")
    .argument("<partials...>", "the partial result files (--partial) of every shard, in any order")
    .option("--json [file]", "write the JSON object the unsharded command prints with --json to this file (without a file: print it instead of the table)")
    .option("--csv <file>", "write one row per run (and per what-if set or value) to this CSV file")
    .option("--report <file.html>", "write the self-contained HTML report")
    .addHelpText(
      "after",
      [
        "",
        "The partials must come from one run: the same command, presidium version, scenario content,",
        "--seed, --runs, what-ifs and settings, with only --shard K/N changing. Together they must hold",
        "every run index once; shards of different N may be mixed if their slices do not overlap.",
        "The output is the unsharded run's, byte for byte.",
        "",
        "Examples:",
        "  presidium montecarlo --scenario october-1964 --runs 10000 --shard 1/2 --partial p1.json",
        "  presidium montecarlo --scenario october-1964 --runs 10000 --shard 2/2 --partial p2.json",
        "  presidium merge p1.json p2.json --json result.json --csv runs.csv --report oct64.html",
      ].join("\n"),
    )
    .action((paths: string[], opts: MergeOptions) => mergeCommand(paths, opts));
}

function mergeCommand(paths: string[], opts: MergeOptions): void {
  const jsonFile = typeof opts.json === "string" ? opts.json : undefined;
  const outputs = [
    { flag: "--json", path: jsonFile },
    { flag: "--csv", path: opts.csv },
    { flag: "--report", path: opts.report },
  ];
  checkOutputPaths(outputs);
  for (const o of outputs) {
    const input = o.path === undefined ? undefined : paths.find((p) => sameTarget(p, o.path!));
    if (input !== undefined) throw new UsageError(`${o.flag} ${o.path} is one of the partials being read: writing there would destroy it; give another file name`);
    // `merge --json part-1.json part-2.json` takes part-1.json for the --json file: never write over a partial.
    if (o.path !== undefined && isPartialFile(o.path)) {
      throw new UsageError(`${o.flag} ${o.path} is a partial result file: writing there would destroy it; give ${o.flag} another file name (or put --json after the partials, or give --json alone to print)`);
    }
  }
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

function isPartialFile(path: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(path, "r");
    const head = Buffer.alloc(PARTIAL_HEAD.length);
    readSync(fd, head, 0, head.length, 0);
    return head.toString("utf8") === PARTIAL_HEAD;
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
const PARTIAL_HEAD = `{"format":"${PARTIAL_FORMAT}"`;

function withNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}
