// `presidium sweep`: the same Monte Carlo at several values of one scenario parameter (for example
// `--set globals.fear=0,0.2,0.4`), every value on the same seeds, to see how sensitive the outcome
// is to it. Each value goes through the scenario loader's settings, so a path that does not exist or
// a value the schema refuses is reported like an error in the file.
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { parseSettingValue } from "../../engine/index.js";
import type { Variant } from "../../research/experiment.js";
import type { Setting } from "../../scenarios/load.js";
import type { Rate } from "../../research/interval.js";
import { scenarioFacts, type ScenarioFacts } from "../../research/report/facts.js";
import type { VariantResult } from "../../research/results.js";
import { headlineKeys, sweepReportHtml } from "../../research/report/sweep-report.js";
import { closePool } from "../../research/run/threads.js";
import { UsageError } from "../errors.js";
import { checkOutputPaths, checkWhatIfs, collect, MAX_FORCED_WORKERS, MAX_RUNS, parseRuns, parseSeed, parseWorkers } from "../options.js";
import { err, jsonText, out } from "../output.js";
import { forbiddenMessage, forbiddenSegment } from "../../scenarios/load.js";
import { loadForCli, parameterDifferences, setAsideNote } from "../scenario.js";
import { checkShardOptions } from "../shard.js";
import { pct, runExperimentForCli, runShard, startShardWorkers } from "./montecarlo.js";

interface SweepOptions {
  scenario: string;
  set: string[];
  runs: string;
  seed: string;
  whatIf?: string[];
  workers?: string;
  forceWorkers?: boolean;
  csv?: string;
  report?: string;
  json?: boolean;
  shard?: string;
  partial?: string;
  rows?: boolean;
}

export function registerSweep(program: Command): void {
  program
    .command("sweep")
    .description("run the Monte Carlo at several values of one scenario parameter and show how the outcome rates change")
    .requiredOption("--scenario <id|file>", "a shipped scenario id (see presidium scenarios) or a scenario file")
    .requiredOption("--set <path=v1,v2,...>", "the parameter to sweep (a path in the scenario, as in what-if patches, or model.GROUP.RULE.NAME) and the values to try; repeat --set PATH=V to fix other values", collect)
    .option("--runs <n>", `games per value (a positive whole number, at most ${MAX_RUNS.toLocaleString("en")})`, "200")
    .option("--seed <base>", "base seed; run i uses the seed mixSeed(base, i) for every value", "1")
    .option("--what-if <name>", "apply a named what-if of the scenario to every value (repeatable)", collect)
    .option("--workers <n>", "worker threads (default and most: the number of cores)")
    .option("--force-workers", `allow --workers above the number of cores (up to ${MAX_FORCED_WORKERS})`)
    .option("--csv <file>", "write one row per run and value to this CSV file")
    .option("--report <file.html>", "write a self-contained HTML report with a chart of each rate against the parameter")
    .option("--json", "print exactly one JSON object with the report of every value")
    .option("--shard <K/N>", "play only shard K of N (consecutive slices of the run indices, for every value) and write its partial result to --partial; presidium merge adds the shards up")
    .option("--partial <file.json>", "with --shard: the partial result file to write")
    .option("--no-rows", "with --shard: leave the CSV rows out of the partial (smaller; merge then cannot write --csv)")
    .addHelpText(
      "after",
      [
        "",
        "Values are numbers, true/false/null, or text. A trait or other judged value ({value, reason})",
        "is set by its path: characters.brezhnev.traits.ambition=0.5,0.9 sets its value.",
        "",
        "Examples:",
        "  presidium sweep --scenario october-1964 --set globals.fear=0,0.2,0.4,0.6,0.8,1",
        "  presidium sweep --scenario october-1964 --set globals.ccArbiter=0.2,0.5,0.8 --runs 500 --report arbiter.html",
        "  presidium sweep --scenario june-1957 --set model.crisis.plenum.hallMood=2,5,8 --set globals.fear=0.3",
      ].join("\n"),
    )
    .action((opts: SweepOptions) => sweepCommand(opts));
}

export interface SweepParameter {
  path: string;
  /** The values as written, and as the loader will receive them. */
  texts: string[];
  values: unknown[];
}

/** `globals.fear=0,0.5,1` -> the path and its values; a malformed option is a usage error. */
export function parseSweepSet(raw: string): SweepParameter {
  const eq = raw.indexOf("=");
  if (eq < 0) throw new UsageError(`--set must be PATH=VALUE,VALUE,... (for example globals.fear=0,0.5,1), got ${JSON.stringify(raw)}`);
  const path = raw.slice(0, eq).trim();
  if (path === "") throw new UsageError(`--set needs a path before "=", got ${JSON.stringify(raw)}`);
  const forbidden = forbiddenSegment(path);
  if (forbidden !== undefined) throw new UsageError(`--set ${path}: ${forbiddenMessage(forbidden)}`);
  const texts = raw.slice(eq + 1).split(",").map((v) => v.trim());
  if (texts.some((v) => v === "")) throw new UsageError(`--set ${path} needs values separated by commas, with none empty, got ${JSON.stringify(raw)}`);
  if (new Set(texts).size !== texts.length) throw new UsageError(`--set ${path} lists a value twice`);
  return { path, texts, values: texts.map(parseSettingValue) };
}

/**
 * Of the --set options, the one with several values is swept and the others are fixed settings; a
 * lone --set is swept even at a single value.
 */
export function splitSweepSets(raw: readonly string[]): { parameter: SweepParameter; fixed: Setting[] } {
  const parsed = raw.map(parseSweepSet);
  const swept = parsed.length === 1 ? parsed : parsed.filter((p) => p.values.length > 1);
  if (swept.length !== 1) {
    throw new UsageError(swept.length === 0 ? "give one --set PATH=V1,V2,... with at least two values to sweep" : `only one --set can have several values (sweeping ${swept.map((s) => s.path).join(" and ")})`);
  }
  const paths = new Set<string>();
  for (const p of parsed) {
    if (paths.has(p.path)) throw new UsageError(`--set ${p.path} is given twice`);
    paths.add(p.path);
  }
  return { parameter: swept[0], fixed: parsed.filter((p) => p !== swept[0]).map((p) => ({ path: p.path, value: p.values[0] })) };
}

async function sweepCommand(opts: SweepOptions): Promise<void> {
  const { parameter, fixed } = splitSweepSets(opts.set);
  const runs = parseRuns(opts.runs);
  const baseSeed = parseSeed(opts.seed, "--seed");
  const whatIfs = checkWhatIfs(opts.whatIf ?? []);
  const workers = parseWorkers(opts.workers, opts.forceWorkers === true, availableParallelism());
  const shard = checkShardOptions(opts);
  const outputs = [
    { flag: "--csv", path: opts.csv },
    { flag: "--report", path: opts.report },
    { flag: "--partial", path: opts.partial },
  ];
  checkOutputPaths(outputs);

  // The workers boot (each loads the engine's modules) while this thread loads the swept values.
  const pool = startShardWorkers(runs, shard, workers);
  try {
    const loaded = parameter.values.map((value) => loadForCli(opts.scenario, whatIfs, [...fixed, { path: parameter.path, value }]));
    checkOutputPaths(outputs, loaded[0].file);
    const { setAside } = loaded[0];
    if (setAside.some((s) => s.path === parameter.path)) throw new UsageError(`--set ${parameter.path}: the what-if ${whatIfs.join(" + ")} sets that parameter itself (a what-if's own values win), so every value would play the same games`);
    if (setAside.length > 0) err(setAsideNote(setAside, `(what-if ${whatIfs.join(" + ")})`));
    const variants: Variant[] = loaded.map(({ scenario }, i) => ({ label: `${parameter.path}=${parameter.texts[i]}`, whatIfs, scenario }));
    const numeric = parameter.values.every((v) => typeof v === "number") ? (parameter.values as number[]) : null;
    const view: SweepView = {
      facts: scenarioFacts(variants[0].scenario),
      parameter,
      numeric,
      whatIfs,
      fixed,
      baseSeed,
      planned: runs,
      parameters: variants.map((v) => parameterDifferences(v.scenario)),
    };

    if (shard !== null) {
      const plan = { "--scenario": opts.scenario, "--set (swept)": parameter, "--set": fixed, "--what-if": whatIfs };
      // Awaited here, so that the workers are destroyed only after the shard is played.
      return await runShard({ command: "sweep", variants, runs, baseSeed, workers, pool, shard, partial: opts.partial!, rows: opts.rows !== false, plan, view });
    }

    const { outcome, results } = await runExperimentForCli({
      variants,
      runs,
      baseSeed,
      workers,
      pool,
      quiet: opts.json === true,
      csvPath: opts.csv,
      reportPath: opts.report,
      report: (results, outcome) => sweepReport(view, results, outcome.totals.runs),
    });
    out(sweepText(view, results, outcome.totals.runs, outcome.complete, opts.json === true));
  } finally {
    if (pool !== undefined) await closePool(pool);
  }
}

/** What sweep needs, beyond the totals, to print its result: kept in a shard's partial so that `merge` prints the same. */
export interface SweepView {
  facts: ScenarioFacts;
  parameter: SweepParameter;
  numeric: number[] | null;
  whatIfs: string[];
  fixed: Setting[];
  baseSeed: number;
  planned: number;
  /** Each value's model parameters that differ from model/parameters.yaml. */
  parameters: Record<string, number>[];
}

export function sweepReport(view: SweepView, results: VariantResult[], runs: number): string {
  const { facts, parameter, numeric, whatIfs, baseSeed } = view;
  return sweepReportHtml({ facts, parameter: parameter.path, values: parameter.texts, numeric, results, whatIfs, baseSeed, runs, planned: view.planned });
}

/** What sweep prints on stdout: the table, or with `asJson` the JSON object. */
export function sweepText(view: SweepView, results: VariantResult[], runs: number, complete: boolean, asJson: boolean): string {
  const { parameter } = view;
  if (asJson) {
    return jsonText({
      scenario: view.facts.id,
      parameter: parameter.path,
      values: parameter.values,
      whatIfs: view.whatIfs,
      settings: view.fixed,
      runs,
      baseSeed: view.baseSeed,
      ...(complete ? {} : { partial: true, runsPlanned: view.planned }),
      points: results.map((r, i) => ({ value: parameter.values[i], parameters: view.parameters[i], ...r.report })),
      history: view.facts.history,
    });
  }
  return sweepTable(view.facts, parameter, results.map((r) => r.report.rates), runs, view.baseSeed, view.whatIfs);
}

const columns: Partial<Record<(typeof headlineKeys)[number], string>> & Record<string, string> = {
  leaderRemoved: "first man out of office",
  removedInSession: "by the Presidium",
  removedByPlenum: "by a plenum",
  removedByForce: "by force",
  removedWhileAway: "while away",
  presidiumMovesAgainstLeader: "Presidium against",
  survivedViaPlenum: "saved by plenum",
};

function sweepTable(facts: ScenarioFacts, parameter: SweepParameter, rates: Record<string, Rate>[], runs: number, baseSeed: number, whatIfs: readonly string[]): string {
  const header = [parameter.path, `${columns.leaderRemoved} (95% interval)`, ...headlineKeys.slice(1).map((k) => columns[k] ?? k)];
  const rows = rates.map((r, i) => {
    const removed = r.leaderRemoved;
    return [parameter.texts[i], `${pct(removed.rate)} (${pct(removed.low)} - ${pct(removed.high)})`, ...headlineKeys.slice(1).map((k) => pct(r[k].rate))];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("   ");
  return [
    `${facts.title}: ${runs} runs for each value of ${parameter.path} on the same seeds (base seed ${baseSeed}${whatIfs.length > 0 ? `, what-if ${whatIfs.join(" + ")}` : ""})`,
    "",
    line(header),
    ...rows.map(line),
    "",
    "Shares of runs; --json and --report give every rate with its 95% interval.",
  ].join("\n");
}
