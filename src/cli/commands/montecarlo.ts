// `presidium montecarlo`: many seeded games of one scenario, all characters AI, played on worker
// threads and aggregated as they finish (no world or log is kept). Run i uses the seed
// mixSeed(BASE, i), whatever the number of workers, so any run can be replayed alone with
// `presidium run --seed <that seed>`, and `--compare` plays every what-if set on the same seeds.
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { fateLadder } from "../../engine/index.js";
import { csvHeader } from "../../research/csv.js";
import { emptyExperimentTotals, type ExperimentTotals, type Variant } from "../../research/experiment.js";
import { rateOf, type Rate } from "../../research/interval.js";
import { outcomeKeys, type MonteCarloReport, type OutcomeKey } from "../../research/montecarlo.js";
import { DIFFERENCE_METHOD, type OutcomeDifference } from "../../research/paired.js";
import { montecarloReportHtml } from "../../research/report/montecarlo-report.js";
import { scenarioFacts, surname, type ScenarioFacts } from "../../research/report/facts.js";
import { variantResults, type VariantResult } from "../../research/results.js";
import { AtomicFile, OutputFileError } from "../../research/run/output-file.js";
import { closePool } from "../../research/run/threads.js";
import { runExperiment, startWorkers, type ExperimentOutcome, type Workers } from "../../research/run/pool.js";
import { ProgressBar, withInterrupt } from "../../research/run/terminal.js";
import { inputError, UsageError } from "../errors.js";
import { checkOutputPaths, checkWhatIfs, collect, MAX_FORCED_WORKERS, MAX_RUNS, openOutputFile, parseRuns, parseSeed, parseSettings, parseWorkers } from "../options.js";
import { err, jsonText, out } from "../output.js";
import { loadForCli, parameterDifferences, setAsideNote } from "../scenario.js";
import { checkShardOptions, partialBody, scenarioHash, sliceOf, writePartial, type Shard } from "../shard.js";
import type { Setting } from "../../scenarios/load.js";

interface MonteCarloOptions {
  scenario: string;
  runs: string;
  seed: string;
  whatIf?: string[];
  compare?: string[];
  workers?: string;
  forceWorkers?: boolean;
  csv?: string;
  report?: string;
  json?: boolean;
  set?: string[];
  shard?: string;
  partial?: string;
  rows?: boolean;
}

export const BASELINE = "baseline";

export function registerMonteCarlo(program: Command): void {
  program
    .command("montecarlo")
    .description("run many seeded games with every character run by the AI and report how often each outcome happens")
    .requiredOption("--scenario <id|file>", "a shipped scenario id (see presidium scenarios) or a scenario file")
    .requiredOption("--runs <n>", `how many games (a positive whole number, at most ${MAX_RUNS.toLocaleString("en")})`)
    .option("--seed <base>", "base seed; run i uses the seed mixSeed(base, i)", "1")
    .option("--what-if <name>", "apply a named what-if of the scenario (repeatable)", collect)
    .option("--set <path=value>", "set a model parameter (model.GROUP.RULE.NAME=V) or a scenario value for every run; repeatable", collect)
    .option("--compare <name[,name...]>", "also run this set of what-ifs (added to --what-if) on the same seeds and compare it with the baseline (repeatable)", collect)
    .option("--workers <n>", `worker threads (default and most: the number of cores, ${availableParallelism()} here)`)
    .option("--force-workers", `allow --workers above the number of cores (up to ${MAX_FORCED_WORKERS})`)
    .option("--csv <file>", "write one row per run (and per what-if set) to this CSV file")
    .option("--report <file.html>", "write a self-contained HTML report with charts")
    .option("--json", "print exactly one JSON object with the counts, rates and fates")
    .option("--shard <K/N>", "play only shard K of N (consecutive slices of the run indices, each run on its usual seed) and write its partial result to --partial; presidium merge adds the shards up")
    .option("--partial <file.json>", "with --shard: the partial result file to write")
    .option("--no-rows", "with --shard: leave the CSV rows out of the partial (smaller; merge then cannot write --csv)")
    .addHelpText(
      "after",
      [
        "",
        "Rates come with 95% Wilson intervals. With --compare, each set's difference from the baseline",
        "is measured on the same seeds, with a 95% interval for paired proportions (Newcombe). The result",
        "does not depend on --workers. Ctrl-C stops early and reports the runs finished so far.",
        "The example seeds can be replayed one by one with presidium run --scenario ID --seed SEED.",
        "",
        "Examples:",
        "  presidium montecarlo --scenario october-1964 --runs 200",
        "  presidium montecarlo --scenario october-1964 --runs 1000 --what-if loyal-kgb --json",
        "  presidium montecarlo --scenario october-1964 --runs 2000 --compare loyal-kgb --compare stays-in-moscow --report oct64.html",
        "  presidium montecarlo --scenario october-1964 --runs 500 --csv runs.csv",
        "  presidium montecarlo --scenario october-1964 --runs 10000 --shard 2/4 --partial part-2.json",
        "  presidium merge part-*.json --json result.json --csv runs.csv --report oct64.html",
      ].join("\n"),
    )
    .action((opts: MonteCarloOptions) => monteCarloCommand(opts));
}

async function monteCarloCommand(opts: MonteCarloOptions): Promise<void> {
  const runs = parseRuns(opts.runs);
  const baseSeed = parseSeed(opts.seed, "--seed");
  const whatIfs = checkWhatIfs(opts.whatIf ?? []);
  const workers = parseWorkers(opts.workers, opts.forceWorkers === true, availableParallelism());
  const sets = parseCompareSets(opts.compare ?? [], whatIfs);
  const settings = parseSettings(opts.set ?? []);
  const shard = checkShardOptions(opts);
  const outputs = [
    { flag: "--csv", path: opts.csv },
    { flag: "--report", path: opts.report },
    { flag: "--partial", path: opts.partial },
  ];
  checkOutputPaths(outputs);
  // The workers boot (each loads the engine's modules) while this thread loads the scenario.
  const pool = startShardWorkers(runs, shard, workers);
  try {
    const base = loadForCli(opts.scenario, whatIfs, settings);
    checkOutputPaths(outputs, base.file);
    const loaded = [{ label: BASELINE, whatIfs, ...base }, ...sets.map((set) => ({ label: set.join(" + "), whatIfs: [...whatIfs, ...set], ...loadForCli(opts.scenario, [...whatIfs, ...set], settings) }))];
    const variants: Variant[] = loaded.map(({ label, whatIfs, scenario }) => ({ label, whatIfs, scenario }));
    noteSetAside(loaded);
    const view: MonteCarloView = { facts: scenarioFacts(base.scenario), given: opts.scenario, baseSeed, planned: runs, recorded: { settings, parameters: parameterDifferences(base.scenario) }, compared: sets.length > 0 };

    if (shard !== null) {
      const plan = { "--scenario": opts.scenario, "--what-if": whatIfs, "--compare": sets, "--set": settings };
      // Awaited here, so that the workers are destroyed only after the shard is played.
      return await runShard({ command: "montecarlo", variants, runs, baseSeed, workers, pool, shard, partial: opts.partial!, rows: opts.rows !== false, plan, view });
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
      report: (results, outcome) => montecarloReport(view, results, outcome.totals.runs),
    });
    out(montecarloText(view, results, outcome.totals.runs, outcome.complete, opts.json === true));
  } finally {
    if (pool !== undefined) await closePool(pool);
  }
}

/** One note per setting a what-if overrode, naming the variants where it was not applied. */
function noteSetAside(loaded: readonly { label: string; setAside: Setting[] }[]): void {
  const paths = [...new Set(loaded.flatMap((v) => v.setAside.map((s) => s.path)))];
  for (const path of paths) {
    const where = loaded.filter((v) => v.setAside.some((s) => s.path === path));
    err(setAsideNote([where[0].setAside.find((s) => s.path === path)!], `in ${where.map((v) => v.label).join(", ")}`));
  }
}

/** The workers for the runs this command plays (a shard plays its slice only; an empty slice needs none). */
export function startShardWorkers(runs: number, shard: Shard | null, workers: number): Workers | undefined {
  const slice = shard === null ? { first: 0, end: runs } : sliceOf(runs, shard);
  return slice.end > slice.first ? startWorkers(slice.end - slice.first, workers) : undefined;
}

/** What montecarlo needs, beyond the totals, to print its result: kept in a shard's partial so that `merge` prints the same. */
export interface MonteCarloView {
  facts: ScenarioFacts;
  /** The --scenario argument as given (the example seeds' command line repeats it). */
  given: string;
  baseSeed: number;
  planned: number;
  recorded: { settings: Setting[]; parameters: Record<string, number> };
  compared: boolean;
}

export function montecarloReport(view: MonteCarloView, results: VariantResult[], runs: number): string {
  return montecarloReportHtml({ facts: view.facts, baseSeed: view.baseSeed, runs, planned: view.planned, variants: results });
}

/** What montecarlo prints on stdout: the table, or with `asJson` the JSON object. */
export function montecarloText(view: MonteCarloView, results: VariantResult[], runs: number, complete: boolean, asJson: boolean): string {
  const partial = complete ? {} : { partial: true, runsPlanned: view.planned };
  const history = view.facts.history;
  const { recorded } = view;
  if (!view.compared) {
    if (asJson) return jsonText({ ...results[0].report, ...recorded, ...partial, history });
    return table(view.facts, results[0].report, view.given);
  }
  if (asJson) {
    return JSON.stringify(
      {
        scenario: view.facts.id,
        runs,
        baseSeed: view.baseSeed,
        ...recorded,
        ...partial,
        differenceMethod: DIFFERENCE_METHOD,
        baseline: results[0].report,
        compared: results.slice(1).map((r) => ({ set: r.label, ...r.report, differenceFromBaseline: r.difference })),
        history,
      },
      null,
      2,
    );
  }
  return comparisonTable(view.facts, results, runs, view.baseSeed);
}

export interface ShardRequest {
  command: "montecarlo" | "sweep";
  variants: Variant[];
  runs: number;
  baseSeed: number;
  workers: number;
  /** Workers started ahead (startShardWorkers), destroyed by the caller. */
  pool?: Workers;
  shard: Shard;
  partial: string;
  rows: boolean;
  plan: Record<string, unknown>;
  view: unknown;
}

/** Plays one shard's slice of the run indices and writes its partial result (only when every run of the slice has finished). */
export async function runShard(req: ShardRequest): Promise<void> {
  const { first, end } = sliceOf(req.runs, req.shard);
  const name = `shard ${req.shard.index}/${req.shard.count}`;
  const rows: string[] = [];
  let totals: ExperimentTotals = emptyExperimentTotals(req.variants, req.baseSeed);
  if (end > first) {
    const { outcome } = await runExperimentForCli({
      variants: req.variants,
      runs: end - first,
      first,
      baseSeed: req.baseSeed,
      workers: req.workers,
      pool: req.pool,
      quiet: false,
      rows: req.rows ? rows : undefined,
      interrupted: `Interrupted: the partial result of ${name} was not written (a shard is merged only whole); run it again.`,
      report: () => "",
    });
    if (!outcome.complete) return;
    totals = outcome.totals;
  }
  writePartial(
    req.partial,
    partialBody({
      command: req.command,
      scenario: req.variants[0].scenario.id,
      scenarioHash: scenarioHash(req.variants.map((v) => v.scenario)),
      baseSeed: req.baseSeed,
      runs: req.runs,
      shard: { ...req.shard, first, end },
      plan: req.plan,
      view: req.view,
      variants: req.variants.map((v) => ({ label: v.label, whatIfs: [...v.whatIfs] })),
      totals,
      rows: req.rows ? rows.join("") : null,
    }),
  );
  const held = end > first ? `runs ${first} to ${end - 1} of ${req.runs}` : `no run (${req.shard.count} shards of ${req.runs} runs leave this one empty)`;
  out(`${name[0].toUpperCase()}${name.slice(1)}: ${held} written to ${req.partial}; add up the shards with presidium merge`);
}


/** `--compare a,b --compare c` -> [[a, b], [c]]: each set is added to the baseline's what-ifs. */
export function parseCompareSets(raw: readonly string[], baseline: readonly string[]): string[][] {
  const seen = new Set<string>();
  return raw.map((given) => {
    const names = given.split(",").map((n) => n.trim());
    if (names.some((n) => n === "")) throw new UsageError(`--compare needs what-if names separated by commas, got ${JSON.stringify(given)}`);
    if (new Set(names).size !== names.length) throw new UsageError(`--compare ${given} names a what-if twice`);
    const already = names.find((n) => baseline.includes(n));
    if (already !== undefined) throw new UsageError(`--compare ${given}: ${already} is already applied to the baseline by --what-if`);
    const key = [...names].sort().join(",");
    if (seen.has(key)) throw new UsageError(`--compare ${given} is given twice`);
    seen.add(key);
    return names;
  });
}


export interface ExperimentRequest {
  variants: Variant[];
  runs: number;
  /** The first run index (a shard's slice starts later). */
  first?: number;
  baseSeed: number;
  workers: number;
  /** Workers started ahead, destroyed by the caller; by default the experiment starts its own. */
  pool?: Workers;
  /** No progress bar (--json): stdout carries one JSON object and stderr stays quiet. */
  quiet: boolean;
  csvPath?: string;
  /** Collects the CSV rows (a shard's) instead of writing them to csvPath. */
  rows?: string[];
  /** The line printed when Ctrl-C stops the experiment, instead of the default. */
  interrupted?: string;
  reportPath?: string;
  report: (results: VariantResult[], outcome: ExperimentOutcome) => string;
}

/**
 * Runs an experiment for a command: output files opened before any work (an unwritable path fails
 * at once) and put in place only when complete, a progress bar on a terminal, Ctrl-C reporting
 * what finished. Shared by montecarlo and sweep.
 */
export async function runExperimentForCli(req: ExperimentRequest): Promise<{ outcome: ExperimentOutcome; results: VariantResult[] }> {
  const files: AtomicFile[] = [];
  const open = (path: string, flag: string) => {
    const file = openOutputFile(path, flag);
    files.push(file);
    return file;
  };
  try {
    const csv = req.csvPath === undefined ? null : open(req.csvPath, "--csv");
    const report = req.reportPath === undefined ? null : open(req.reportPath, "--report");
    csv?.write(csvHeader());
    const bar = !req.quiet && process.stderr.isTTY ? new ProgressBar(process.stderr, req.runs) : null;
    // Rows are written as runs finish, inside the pool's callbacks: a failed write (a full disk) is
    // kept and stops the experiment, and is reported once it has wound down.
    let writeFailure: unknown = null;
    const onWriteFailure = new AbortController();
    const writeRows = (lines: string) => {
      if (req.rows !== undefined) {
        req.rows.push(lines);
        return;
      }
      if (writeFailure !== null || csv === null) return;
      try {
        csv.write(lines);
      } catch (error) {
        writeFailure = error;
        onWriteFailure.abort();
      }
    };
    const { result: outcome, interrupted } = await withInterrupt((signal) =>
      runExperiment(
        { variants: req.variants, runs: req.runs, first: req.first, baseSeed: req.baseSeed, workers: req.workers, pool: req.pool, csv: csv !== null || req.rows !== undefined ? writeRows : undefined },
        { signal: AbortSignal.any([signal, onWriteFailure.signal]), onProgress: bar ? (done) => bar.update(done) : undefined },
      ),
    );
    bar?.clear();
    if (writeFailure !== null) throw writeFailure;
    const results = variantResults(req.variants, outcome.totals);
    report?.write(req.report(results, outcome));
    for (const file of files) file.commit();
    if ((interrupted || !outcome.complete) && req.interrupted !== undefined) err(req.interrupted);
    else if (interrupted || !outcome.complete) {
      const written = files.length > 0 ? `; ${files.map((f) => f.path).join(" and ")} hold${files.length === 1 ? "s" : ""} those runs only` : "";
      err(`Interrupted: partial results from the ${outcome.totals.runs} of ${req.runs} runs that finished${written}.`);
    }
    return { outcome, results };
  } catch (error) {
    for (const file of files) file.discard();
    if (error instanceof OutputFileError) throw inputError(error.message);
    throw error;
  }
}

// leaderRemoved counts every run in which the first man lost his place, a death or illness in office
// included (the validation targets read it so): the table says so and shows that share beside the
// removals, so that the rows under it add up.
const labels: Record<OutcomeKey, string> = {
  leaderRemoved: "first man out of office",
  removedInSession: "  by the Presidium (stepped down)",
  removedByPlenum: "  by a CC plenum",
  removedByForce: "  by force",
  removedWhileAway: "  while away from Moscow",
  presidiumMovesAgainstLeader: "Presidium majority against him",
  survivedViaPlenum: "saved by a CC plenum",
  removedAfterPresidiumMove: "removed after a Presidium move",
  leaderFought: "he appealed to the CC",
  anyExecution: "someone was shot",
};

const OTHER_EXIT = "  otherwise (death, illness, other)";

/** Runs in which the first man left office other than by a contest: dead, incapacitated, or another way. */
function otherExits(r: MonteCarloReport): Rate {
  return rateOf(r.rates.leaderRemoved.count - r.removedBy.session - r.removedBy.plenum - r.removedBy.force, r.runs);
}

/** The outcome rows of a table: one per outcome, with the exits other than removal after the removals. */
function outcomeRows<T>(row: (label: string, rate: (r: MonteCarloReport) => Rate, key: OutcomeKey | null) => T): T[] {
  return outcomeKeys.flatMap((key) => [row(labels[key], (r) => r.rates[key], key), ...(key === "removedByForce" ? [row(OTHER_EXIT, otherExits, null)] : [])]);
}

/** A share as a percentage with one decimal, "-" when there is none. */
export function pct(x: number | null): string {
  return x === null ? "-" : `${(100 * x).toFixed(1)}%`;
}

function rateRow(label: string, r: Rate): string {
  const ci = r.low === null || r.high === null ? "" : `${pct(r.low)} - ${pct(r.high)}`;
  return `${label.padEnd(34)}${String(r.count).padStart(7)}${pct(r.rate).padStart(9)}   ${ci}`;
}

function table(facts: ScenarioFacts, r: MonteCarloReport, given: string): string {
  const name = (id: string) => surname(facts, id);
  const lines: string[] = [];
  const variant = r.whatIfs.length > 0 ? `, what-if ${r.whatIfs.join(" + ")}` : "";
  lines.push(`${facts.title}: ${r.runs} runs (base seed ${r.baseSeed}${variant})`, "");
  lines.push(`${"outcome".padEnd(34)}${"runs".padStart(7)}${"rate".padStart(9)}   95% interval`);
  lines.push(...outcomeRows((label, rate) => rateRow(label, rate(r))));
  lines.push("");
  lines.push(`moves started: ${r.movesStarted} (${r.movesPerRun === null ? "-" : r.movesPerRun.toFixed(2)} a run); contests: ${r.contests}`);
  lines.push(rateRow(`plenums lopsided (>= 80%) of ${r.plenums}`, r.lopsidedPlenums));
  lines.push("", historyLine(facts));

  const counted = (o: Record<string, number>) => Object.entries(o).map(([id, n]) => `${name(id)} ${n}`).join(", ");
  if (Object.keys(r.successors).length > 0) lines.push(`Successors: ${counted(r.successors)}`);
  if (Object.keys(r.plotLeaders).length > 0) lines.push(`Plot leaders of a removal (who began the move; a release for health is no plot): ${counted(r.plotLeaders)}`);
  if (Object.keys(r.removalDates).length > 0) {
    lines.push("", "Removals by month:");
    const most = Math.max(...Object.values(r.removalDates));
    for (const [month, n] of Object.entries(r.removalDates)) lines.push(`  ${month}  ${String(n).padStart(5)}  ${"#".repeat(Math.max(1, Math.round((40 * n) / most)))}`);
  }

  const ids = Object.keys(r.perPrincipal);
  if (ids.length > 0) {
    lines.push("", "Removed in a contest (share of runs) and fates of those who lost one:");
    lines.push(`  ${"".padEnd(14)}${"removed".padStart(9)}${fateLadder.map((f) => f.padStart(11)).join("")}`);
    for (const id of ids) lines.push(`  ${name(id).padEnd(14)}${pct(r.perPrincipal[id].removed.rate).padStart(9)}${fateLadder.map((f) => String(r.perPrincipal[id].fates[f]).padStart(11)).join("")}`);
  }
  lines.push("", `Example seeds (presidium run --scenario ${given} --seed N${r.whatIfs.map((w) => ` --what-if ${w}`).join("")}):`);
  lines.push(`  leader removed:  ${r.exampleSeeds.removed.join(" ") || "-"}`);
  lines.push(`  leader survived: ${r.exampleSeeds.survived.join(" ") || "-"}`);
  return lines.join("\n");
}

function historyLine(facts: ScenarioFacts): string {
  const h = facts.history;
  const name = (id: string) => surname(facts, id);
  const contests = h.contests.map((c) => `${name(c.target)} ${c.outcome} (${c.date}, ${c.venue}${c.fate !== "none" ? `, ${c.fate}` : ""})`);
  return `History: ${contests.length ? contests.join("; ") : "no contest"}; ${name(h.primacyAtEnd)} first at the end.`;
}

function interval(low: number | null, high: number | null, digits: (x: number) => string, sep: string): string {
  return low === null || high === null ? "" : `(${digits(low)}${sep}${digits(high)})`;
}

function rateCell(r: Rate): string {
  const p = (x: number) => (100 * x).toFixed(1);
  return r.rate === null ? "-" : `${p(r.rate)}% ${interval(r.low, r.high, p, "-")}`;
}

function differenceCell(d: OutcomeDifference): string {
  const pts = (x: number) => `${x > 0 ? "+" : ""}${(100 * x).toFixed(1)}`;
  return d.difference === null ? "-" : `${pts(d.difference)} ${interval(d.low, d.high, pts, " to ")}`;
}

/** Columns padded to their widest cell. */
function grid(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join("   ").trimEnd());
}

function comparisonTable(facts: ScenarioFacts, results: VariantResult[], runs: number, baseSeed: number): string {
  const lines: string[] = [];
  lines.push(`${facts.title}: ${runs} runs of each variant on the same seeds (base seed ${baseSeed})`);
  const baseWhatIfs = results[0].whatIfs;
  lines.push(`  baseline: ${baseWhatIfs.length > 0 ? `what-if ${baseWhatIfs.join(" + ")}` : "the scenario as written"}`);
  for (const r of results.slice(1)) lines.push(`  ${r.label}: what-if ${r.whatIfs.join(" + ")}`);
  lines.push("", "Share of runs (95% interval):");
  lines.push(...grid([["outcome", ...results.map((r) => r.label)], ...outcomeRows((label, rate) => [label, ...results.map((r) => rateCell(rate(r.report)))])]));
  lines.push("", "Difference from the baseline in percentage points, paired by seed (95% interval, Newcombe):");
  const compared = results.slice(1);
  lines.push(...grid([["outcome", ...compared.map((r) => r.label)], ...outcomeKeys.map((k) => [labels[k], ...compared.map((r) => differenceCell(r.difference![k]))])]));
  lines.push("", historyLine(facts));
  return lines.join("\n");
}
