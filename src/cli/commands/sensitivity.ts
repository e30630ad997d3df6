// `presidium sensitivity`: which model parameters an outcome depends on. A Morris screening of every
// selected parameter over its range, then Sobol first-order and total indices for the top-k, each
// with a bootstrap interval. Every point is played on the same seeds, on the worker pool; every
// finished point is appended to --out, from which the same command resumes.
import type { Command } from "commander";
import type { ExperimentTotals } from "../../research/experiment.js";
import { describeMeasure, measure, MeasureError, type MeasureInfo } from "../../research/measures.js";
import { finalize } from "../../research/montecarlo.js";
import { sensitivityCsv } from "../../research/report/sensitivity-csv.js";
import { sensitivityReportHtml } from "../../research/report/sensitivity-report.js";
import { withInterrupt } from "../../research/run/terminal.js";
import { formatNumber, rankedMorris, rankedSobol, type MorrisRow, type SobolRow } from "../../research/sensitivity/index.js";
import type { PointRecord } from "../../research/study-journal.js";
import { studyBase } from "../../research/study.js";
import {
  BOOTSTRAP,
  chooseSobolParameters,
  CONFIDENCE,
  morrisPhase,
  morrisResults,
  plannedPoints,
  sobolPhase,
  screenedUnits,
  sobolResults,
  type SensitivityDesignOptions,
  type SensitivityMethod,
  type StudyPhase,
} from "../../research/sensitivity-study.js";
import { overridesOf, problemOf } from "../../research/study-design.js";
import { UsageError } from "../errors.js";
import { checkOutputPaths, checkWhatIfs, collect, parsePositiveInt } from "../options.js";
import { json, jsonText } from "../output.js";
import { loadForCli } from "../scenario.js";
import { journalHeader, StudySession, type PhasePoints, type StudySetup } from "../study-session.js";
import { fingerprint, interruptedNote, outputsOf, parseStudyOptions, sharedPlan, openStudyOutputs, sharedSetup, studyOptions, writeStudyOutputs, type StudyOptionValues } from "../study-options.js";
import { readScreening, shardDesign, shardDone, shardPoints, studyShard, type MergedStudy, type PhaseRange } from "../study-shard.js";

export interface SensitivityOptionValues extends StudyOptionValues {
  scenario: string;
  whatIf?: string[];
  outcome: string[];
  method: string;
  trajectories: string;
  levels: string;
  top: string;
  samples: string;
  groups?: string;
  screening?: string[];
}

export function registerSensitivity(program: Command): void {
  const command = program
    .command("sensitivity")
    .description("rank the model parameters an outcome depends on: Morris screening of all of them, then Sobol indices for the most important")
    .requiredOption("--scenario <id|file>", "a shipped scenario id (see presidium scenarios) or a scenario file")
    .option("--what-if <name>", "apply a named what-if of the scenario at every point (repeatable)", collect)
    .requiredOption("--outcome <name>", "what to explain: a named measure (removal, plenum-survival, harsh-fates, moves) or a number or rate in montecarlo --json by its dotted path (rates.survivedViaPlenum, perPrincipal.brezhnev.removed); repeatable", collect)
    .option("--method <m>", "morris (screening only), sobol (indices for every selected parameter) or both (Sobol for the top of the screening)", "both")
    .option("--trajectories <r>", "Morris trajectories (each plays parameters + 1 points)", "10")
    .option("--levels <p>", "Morris grid levels per parameter (even)", "4")
    .option("--top <k>", "parameters the Sobol phase takes from the screening", "10")
    .option("--samples <n>", "Sobol base sample (the phase plays n x (k + 2) points)", "64")
    .option("--groups <depth>", "with --method morris: screen the parameters in groups named by the first DEPTH parts of their names (1: crisis, 2: crisis.plenum), each group moved as one, so a trajectory plays groups + 1 points")
    .option("--screening <partials...>", "with --shard and --method both: the partials of the screening's shards, from which a shard of the Sobol phase takes its parameters");
  studyOptions(command, "200")
    .addHelpText(
      "after",
      [
        "",
        "Parameters vary over their ranges in model/parameters.yaml; the Sobol phase holds the others at",
        "their defaults. Every point plays the same seeds (run i: mixSeed(seed, i)). The cost is stated",
        "before any game (points x runs = games, and the time from a timed warm-up game); a terminal shows",
        "a progress bar. Ctrl-C stops after writing the finished points; the same command resumes. The",
        "results do not depend on --workers.",
        "",
        "Examples:",
        "  presidium sensitivity --scenario october-1964 --outcome removal --runs 200 --out oct64-sens.jsonl --report oct64-sens.html",
        "  presidium sensitivity --scenario june-1957 --outcome plenum-survival --parameters 'crisis.*' --method sobol --samples 32 --out jun57.jsonl",
        "  presidium sensitivity --scenario october-1964 --outcome removal --dry-run --out oct64-sens.jsonl",
        "  presidium sensitivity --scenario october-1964 --outcome removal --method morris --groups 2 --trajectories 4 --out oct64-groups.jsonl",
        "",
        "On several machines (README.md, Running on a cluster): --shard K/N --partial FILE plays one slice of a",
        "phase's points; with --method both, the Sobol phase's shards take --screening and the screening's",
        "partials; presidium merge puts every partial together into this command's outputs:",
        "  presidium sensitivity --scenario october-1964 --outcome removal --shard 2/4 --partial morris-2.jsonl",
        "  presidium sensitivity --scenario october-1964 --outcome removal --shard 1/2 --partial sobol-1.jsonl --screening morris-*.jsonl",
        "  presidium merge morris-*.jsonl sobol-*.jsonl --json sens.json --report sens.html",
      ].join("\n"),
    )
    .action((opts: SensitivityOptionValues) => sensitivityCommand(opts));
}

function parseMethod(raw: string): SensitivityMethod {
  if (raw === "morris" || raw === "sobol" || raw === "both") return raw;
  throw new UsageError(`--method must be morris, sobol or both, got ${JSON.stringify(raw)}`);
}

function parseDesign(opts: SensitivityOptionValues, seed: number, method: SensitivityMethod): SensitivityDesignOptions {
  const trajectories = parsePositiveInt(opts.trajectories, "--trajectories");
  if (trajectories < 2) throw new UsageError("--trajectories must be at least 2 (mu* and sigma need two effects per parameter)");
  const levels = parsePositiveInt(opts.levels, "--levels");
  if (levels < 2 || levels % 2 !== 0) throw new UsageError(`--levels must be an even whole number of at least 2 (so every level has a partner one step away), got ${JSON.stringify(opts.levels)}`);
  const samples = parsePositiveInt(opts.samples, "--samples");
  if (samples < 2) throw new UsageError("--samples must be at least 2 (the Sobol estimators need a variance)");
  // Groups are ranked, not parameters: a Sobol phase would have to take whole groups, which the screening's cost was meant to avoid.
  if (opts.groups !== undefined && method !== "morris") throw new UsageError("--groups goes with --method morris: it ranks groups of parameters; screen the parameters of the groups that matter with --parameters (e.g. 'crisis.plenum.*') and --method both");
  const groupDepth = opts.groups === undefined ? null : parsePositiveInt(opts.groups, "--groups");
  return { seed, trajectories, levels, samples, top: parsePositiveInt(opts.top, "--top"), groupDepth };
}

/** The outcomes, each checked against the report's fields and the scenario's characters before any game. */
function parseOutcomes(names: readonly string[], principals: ReadonlySet<string>): MeasureInfo[] {
  const seen = new Set<string>();
  return names.map((name) => {
    if (seen.has(name)) throw new UsageError(`--outcome ${name} is given twice`);
    seen.add(name);
    try {
      return describeMeasure(name, { principals });
    } catch (error) {
      if (error instanceof MeasureError) throw new UsageError(`--outcome ${error.message}`);
      throw error;
    }
  });
}

/** The command, from its command line or (with `merged`) from the record presidium merge put together from its shards. */
export async function sensitivityCommand(opts: SensitivityOptionValues, merged?: MergedStudy): Promise<void> {
  const study = parseStudyOptions(opts, merged);
  const method = parseMethod(opts.method);
  const design = parseDesign(opts, study.seed, method);
  const whatIfs = checkWhatIfs(opts.whatIf ?? []);
  const base = loadForCli(opts.scenario, whatIfs);
  checkOutputPaths(outputsOf(opts), base.file);
  const principals = new Set(Object.keys(base.scenario.characters));
  const outcomes = parseOutcomes(opts.outcome, principals);
  const variant = { ...studyBase("scenario", whatIfs, base.scenario, whatIfs.length > 0 ? loadForCli(opts.scenario).scenario : base.scenario), label: "scenario" };
  // A parameter the what-ifs set is not varied: its points would all play the same games.
  const fixed = study.parameters.filter((p) => variant.pinned.includes(p.name)).map((p) => p.name);
  const parameters = study.parameters.filter((p) => !variant.pinned.includes(p.name));
  if (parameters.length === 0) throw new UsageError(`every parameter selected (${fixed.join(", ")}) is set by the what-if ${whatIfs.join(" + ")}, so none can be varied`);
  const screened = screenedUnits(parameters, design);
  const planned = plannedPoints(method, parameters.length, design, screened);
  const totalPoints = planned.morris + planned.sobol;
  const phases: PhaseRange[] = [
    ...(planned.morris > 0 ? [["morris", 0, planned.morris] as PhaseRange] : []),
    ...(planned.sobol > 0 ? [["sobol", planned.morris, totalPoints] as PhaseRange] : []),
  ];
  // With --method both, a shard plays the screening, or with --screening (the screening's partials) the Sobol phase.
  const shardPhase = method === "sobol" || opts.screening !== undefined ? "sobol" : "morris";
  if (opts.screening !== undefined && (study.shard === null || method !== "both")) {
    throw new UsageError("--screening goes with --shard K/N and --method both: it gives a shard of the Sobol phase the partials of the screening's shards");
  }
  const slice = study.shard && studyShard(study.shard, shardPhase, phases);

  const describeDesign = [
    `${parameters.length} parameter${parameters.length === 1 ? "" : "s"} of ${base.scenario.id}${whatIfs.length ? ` (what-if ${whatIfs.join(" + ")}${fixed.length ? `, which sets ${fixed.join(", ")}: not varied` : ""})` : ""};`,
    planned.morris > 0 ? `Morris${design.groupDepth === null ? "" : ` in ${screened} groups (names to depth ${design.groupDepth})`}: ${design.trajectories} trajectories of ${screened + 1} points = ${planned.morris.toLocaleString("en-US")} points;` : "",
    planned.sobol > 0 ? `Sobol on ${method === "both" ? `the top ${planned.sobolFactors}` : `all ${planned.sobolFactors}`}: ${design.samples} x ${planned.sobolFactors + 2} = ${planned.sobol.toLocaleString("en-US")} points;` : "",
  ]
    .filter((s) => s !== "")
    .join(" ");
  const setup: StudySetup = {
    command: "sensitivity",
    ...sharedSetup(opts, study, merged),
    plan: {
      scenario: base.scenario.id,
      whatIfs,
      outcomes: outcomes.map((o) => o.name),
      method,
      ...(method !== "sobol" ? { trajectories: design.trajectories, levels: design.levels } : {}),
      ...(design.groupDepth !== null ? { groups: design.groupDepth } : {}),
      ...(method !== "morris" ? { samples: design.samples } : {}),
      ...(method === "both" ? { top: design.top } : {}),
      ...sharedPlan({ ...study, parameters }),
      fingerprint: fingerprint([variant]),
      ...(slice ? { shard: slice } : {}),
    },
    bases: [variant],
    groups: [["scenario"]],
    design: slice ? `${describeDesign} ${shardDesign(slice)}` : describeDesign,
    totalPoints: slice ? slice.end - slice.first : totalPoints,
    measure: (groups: ExperimentTotals[]) => {
      const report = finalize(groups[0].variants[0].tally);
      return Object.fromEntries(outcomes.map((o) => [o.name, measure(report, o.name, { principals })]));
    },
  };
  // A shard of the Sobol phase of --method both reads the screening first: a wrong one is refused before its partial is begun.
  const screening = slice?.phase === "sobol" && method === "both" ? readScreening(opts.screening!, journalHeader(setup)) : null;
  const files = openStudyOutputs(opts);
  const { session, cost } = StudySession.open(setup, study.dryRun);
  if (session === null) {
    if (study.json) json({ command: "sensitivity", dryRun: true, scenario: base.scenario.id, method, parameters: parameters.length, points: totalPoints, cost });
    return;
  }

  const phasePoints = <D>(phase: StudyPhase<D>): PhasePoints => shardPoints({ phase: phase.name, first: phase.first, values: phase.points, overrides: (values) => overridesOf(phase.parameters, values) }, slice);
  const outputs = <D>(phase: StudyPhase<D>, points: ReadonlyMap<number, PointRecord> = session.points) =>
    outcomes.map((o) => phase.points.map((_, i) => points.get(phase.first + i)?.estimates[o.name]?.value ?? Number.NaN));
  /** The Sobol phase of --method both: its parameters are the screening's top ones. */
  const chosenSobol = (morrisRows: MorrisRow[][]) => {
    const chosen = chooseSobolParameters(parameters, morrisRows, design.top);
    session.choose("sobol", chosen.map((p) => p.name));
    return sobolPhase(chosen, design, planned.morris);
  };

  if (slice) {
    const { result: complete, interrupted } = await withInterrupt(async (signal) => {
      if (slice.phase === "morris") return session.runPhase(phasePoints(morrisPhase(parameters, design)), signal);
      if (method === "sobol") return session.runPhase(phasePoints(sobolPhase(parameters, design, 0)), signal);
      const morris = morrisPhase(parameters, design);
      return session.runPhase(phasePoints(chosenSobol(morrisResults(morris, outputs(morris, screening!), study.seed))), signal);
    });
    session.close();
    if (interrupted || !complete) interruptedNote(opts.partial!, session.points.size, slice.end - slice.first);
    else shardDone(slice, opts.partial!, method === "both" && slice.phase === "morris" ? "when every shard of the screening is done, run the shards of the Sobol phase: the same command with --screening and the screening's partials" : undefined);
    return;
  }

  const { result, interrupted } = await withInterrupt(async (signal) => {
    let complete = true;
    const morris = method === "sobol" ? null : morrisPhase(parameters, design);
    if (morris) complete = await session.runPhase(phasePoints(morris), signal);
    const morrisRows = morris ? morrisResults(morris, outputs(morris), study.seed) : null;
    let sobol: { phase: StudyPhase<unknown>; rows: SobolRow[][] } | null = null;
    if (method !== "morris" && complete) {
      const phase = method === "sobol" ? sobolPhase(parameters, design, 0) : chosenSobol(morrisRows!);
      complete = await session.runPhase(phasePoints(phase), signal);
      sobol = { phase, rows: sobolResults(phase, outputs(phase), study.seed) };
    }
    return { complete, morris, morrisRows, sobol };
  });
  session.close();

  const done = session.points.size;
  const partial = result.complete ? null : `Partial results: ${done.toLocaleString("en-US")} of ${totalPoints.toLocaleString("en-US")} points played${result.sobol === null && method !== "morris" ? "; the Sobol phase has not started" : ""}.`;
  const byOutcome = <R>(rows: R[][] | null) => (rows === null ? null : Object.fromEntries(outcomes.map((o, i) => [o.name, rows[i]])));
  const morrisSummary = result.morris && {
    trajectories: design.trajectories,
    levels: design.levels,
    ...(design.groupDepth !== null ? { groups: { depth: design.groupDepth, count: screened } } : {}),
    points: result.morris.points.length,
    results: byOutcome(result.morrisRows!.map(rankedMorris)),
  };
  const sobolSummary = result.sobol && {
    parameters: result.sobol.phase.parameters.map((p) => p.name),
    samples: design.samples,
    points: result.sobol.phase.points.length,
    results: byOutcome(result.sobol.rows.map(rankedSobol)),
  };

  writeStudyOutputs(opts, files, {
    csv: () =>
      sensitivityCsv(
        outcomes.map((o, i) => ({ outcome: o.name, rows: result.morrisRows ? rankedMorris(result.morrisRows[i]) : [] })).filter((o) => o.rows.length > 0),
        outcomes.map((o, i) => ({ outcome: o.name, rows: result.sobol ? rankedSobol(result.sobol.rows[i]) : [] })).filter((o) => o.rows.length > 0),
      ),
    report: () =>
      sensitivityReportHtml({
        title: `What the outcomes of ${base.scenario.title} depend on`,
        intro: [
          `Scenario ${base.scenario.id}${whatIfs.length ? ` with what-if ${whatIfs.join(" + ")}` : ""}; ${study.runs.toLocaleString("en-US")} runs per point, seed ${study.seed}; outcomes: ${outcomes.map((o) => `${o.name} (${o.label})`).join("; ")}.`,
        ],
        partial,
        problem: problemOf(parameters),
        outcomes: outcomes.map((o) => ({ id: o.name, label: o.label })),
        morris: morrisSummary ? { trajectories: design.trajectories, levels: design.levels, points: morrisSummary.points, ...(design.groupDepth !== null ? { groups: screened } : {}), rows: result.morrisRows! } : null,
        sobol: sobolSummary ? { samples: design.samples, points: sobolSummary.points, rows: result.sobol!.rows } : null,
        confidence: CONFIDENCE,
        bootstrap: BOOTSTRAP,
      }),
    text: (asJson) =>
      asJson
        ? jsonText({
            command: "sensitivity",
            scenario: base.scenario.id,
            whatIfs,
            seed: study.seed,
            runsPerPoint: study.runs,
            method,
            outcomes: outcomes.map((o) => ({ name: o.name, label: o.label })),
            parameters: parameters.length,
            points: { planned: totalPoints, done },
            games: cost.games,
            complete: result.complete,
            bootstrap: BOOTSTRAP,
            confidence: CONFIDENCE,
            morris: morrisSummary,
            sobol: sobolSummary,
          })
        : sensitivityTable(outcomes, result.morrisRows, result.sobol?.rows ?? null, design.groupDepth),
  });
  if (interrupted || !result.complete) interruptedNote(opts.out!, done, totalPoints);
}

/** The ten most important parameters per outcome, as text. */
function sensitivityTable(outcomes: readonly MeasureInfo[], morris: MorrisRow[][] | null, sobol: SobolRow[][] | null, groupDepth: number | null): string {
  const lines: string[] = [];
  const interval = (low: number, high: number) => `(${formatNumber(low)} to ${formatNumber(high)})`;
  outcomes.forEach((o, i) => {
    lines.push(`${o.name}: ${o.label}`);
    if (morris) {
      lines.push(`  Morris screening${groupDepth === null ? "" : " of groups (a group's mu is not defined: –)"}, most important first: mu* (95% interval), mu, sigma`);
      for (const r of rankedMorris(morris[i]).slice(0, 10)) lines.push(`    ${r.factor.padEnd(44)} ${formatNumber(r.muStar).padStart(8)} ${interval(r.muStarLow, r.muStarHigh).padEnd(22)} ${formatNumber(r.mu).padStart(8)} ${formatNumber(r.sigma).padStart(8)}`);
    }
    if (sobol) {
      lines.push("  Sobol indices: S1 (95% interval), ST (95% interval)");
      for (const r of rankedSobol(sobol[i])) lines.push(`    ${r.factor.padEnd(44)} ${formatNumber(r.S1).padStart(8)} ${interval(r.S1Low, r.S1High).padEnd(22)} ${formatNumber(r.ST).padStart(8)} ${interval(r.STLow, r.STHigh)}`);
    }
    lines.push("");
  });
  lines.push("--json, --csv and --report give every parameter's figures.");
  return lines.join("\n");
}
