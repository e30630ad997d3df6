// `presidium calibrate`: history matching against the targets of VALIDATION.md (model/targets.yaml).
// A Latin hypercube over the selected parameters' ranges, and the defaults as point 0; each point
// plays every scenario variant the targets need, on the same seeds; each target's implausibility
// says how far its estimate lies outside its band in standard errors; the points no target rules out
// are kept. Resumable from --out like `sensitivity`.
import type { Command } from "commander";
import type { Scenario } from "../../engine/index.js";
import { analyseCalibration, calibrationPoints, DEFAULTS_LABEL, type CalibrationAnalysis } from "../../research/calibration.js";
import type { ExperimentTotals } from "../../research/experiment.js";
import { describeMeasure, MeasureError, measureName, type MeasureInfo } from "../../research/measures.js";
import { finalize } from "../../research/montecarlo.js";
import { withInterrupt } from "../../research/run/terminal.js";
import { bandText, calibrationReportHtml, formatNumber, historyMatchCsv } from "../../research/sensitivity/index.js";
import { overridesOf, problemOf } from "../../research/study-design.js";
import { studyBase, type StudyBase } from "../../research/study.js";
import { estimateTarget, planTargetGroups, type CalibrationTarget, type GroupReports } from "../../research/targets.js";
import { ScenarioError } from "../../scenarios/load.js";
import { loadTargetsFile, shippedTargetsFile, type TargetsFile } from "../../scenarios/targets-file.js";
import { InputError, UsageError } from "../errors.js";
import { checkOutputPaths, parsePositiveInt } from "../options.js";
import { json, jsonText } from "../output.js";
import { loadForCli } from "../scenario.js";
import { StudySession } from "../study-session.js";
import { fingerprint, interruptedNote, outputsOf, parseStudyOptions, sharedPlan, openStudyOutputs, sharedSetup, studyOptions, writeStudyOutputs, type StudyOptionValues } from "../study-options.js";
import { shardDesign, shardDone, shardPoints, studyShard, type MergedStudy } from "../study-shard.js";

/** Calibration has one phase: the defaults and the Latin hypercube. */
const PHASE = "calibrate";

export interface CalibrateOptionValues extends StudyOptionValues {
  targets?: string;
  samples: string;
  cutoff: string;
}

export function registerCalibrate(program: Command): void {
  const command = program
    .command("calibrate")
    .description("history matching: sample the model parameters, play every scenario the targets need, and keep the settings no historical target rules out")
    .option("--targets <file>", "the targets file (default: the shipped model/targets.yaml)")
    .option("--samples <n>", "parameter points of the Latin hypercube (the defaults are played too, as point 0)", "100")
    .option("--cutoff <c>", "a point is ruled out when a target's implausibility reaches this many standard errors", "3");
  studyOptions(command, "200")
    .addHelpText(
      "after",
      [
        "",
        "Each target of the file is a band for a measure of montecarlo --json in one scenario (with what-ifs,",
        "or as the change a what-if makes against the baseline on the same seeds). Its implausibility is the",
        "distance of the estimate from the band in units of its Monte Carlo standard error (0 inside it). The",
        "result says which points are kept, which targets rule out which parts of which parameters, and",
        "where the defaults stand. Bands and --cutoff may be changed and the same --out rerun: the points",
        "already played are not played again.",
        "",
        "Examples:",
        "  presidium calibrate --samples 100 --runs 200 --out calib.jsonl --report calib.html",
        "  presidium calibrate --parameters 'crisis.*' --parameters 'moves.*' --samples 50 --out calib-crisis.jsonl --csv calib.csv",
        "  presidium calibrate --dry-run --out calib.jsonl",
        "  presidium calibrate --samples 100 --runs 200 --shard 2/4 --partial calib-2.jsonl   (one of 4 slices; then presidium merge calib-*.jsonl)",
      ].join("\n"),
    )
    .action((opts: CalibrateOptionValues) => calibrateCommand(opts));
}

function parseCutoff(raw: string): number {
  const n = Number(raw.trim());
  if (raw.trim() === "" || !Number.isFinite(n) || n <= 0) throw new UsageError(`--cutoff must be a positive number of standard errors (3 is usual), got ${JSON.stringify(raw)}`);
  return n;
}

function readTargets(path: string | undefined): TargetsFile {
  try {
    return loadTargetsFile(path ?? shippedTargetsFile());
  } catch (error) {
    if (error instanceof ScenarioError) throw new InputError(error.issues, true);
    throw error;
  }
}

interface LoadedTargets {
  targets: CalibrationTarget[];
  infos: MeasureInfo[];
  groups: ReturnType<typeof planTargetGroups>;
  /** Per group, per variant, the loaded scenario. */
  scenarios: Scenario[][];
  /** Per group, its scenario without what-ifs. */
  plain: Scenario[];
  principals: Set<string>[];
}

/**
 * Loads every scenario and what-if the targets need, and checks each target against them: a
 * scenario, what-if or character that does not exist, or a measure without a standard error, is
 * reported at the target's line in the targets file.
 */
function loadTargetScenarios(file: TargetsFile): LoadedTargets {
  const problems: string[] = [];
  const bases = new Map<string, Scenario | null>();
  file.targets.forEach((t, i) => {
    if (bases.has(t.scenario)) return;
    try {
      bases.set(t.scenario, loadForCli(t.scenario).scenario);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      bases.set(t.scenario, null);
      problems.push(file.place(["targets", i, "scenario"], error.lines.join("; ")));
    }
  });
  const infos = file.targets.map((t, i) => {
    const scenario = bases.get(t.scenario);
    if (!scenario) return null;
    for (const field of ["whatIfs", "baseline"] as const) {
      (t[field] ?? []).forEach((name, j) => {
        if (!Object.hasOwn(scenario.whatIfs, name)) {
          problems.push(file.place(["targets", i, field, j], `${scenario.id} has no what-if "${name}" (its what-ifs: ${Object.keys(scenario.whatIfs).join(", ") || "none"})`));
        }
      });
    }
    try {
      const info = describeMeasure(t.measure, { principals: new Set(Object.keys(scenario.characters)) });
      if (!info.hasSe) problems.push(file.place(["targets", i, "measure"], `${info.name} is a number without a standard error, so no miss can be judged: use a rate (a field with count and of), a share { count, of }, or a named measure`));
      return info;
    } catch (error) {
      if (!(error instanceof MeasureError)) throw error;
      problems.push(file.place(["targets", i, "measure"], error.message));
      return null;
    }
  });
  if (problems.length > 0) throw new InputError(problems, true);
  const groups = planTargetGroups(file.targets);
  const scenarios = groups.groups.map((g) => g.variants.map((whatIfs) => loadForCli(g.scenario, whatIfs).scenario));
  const plain = groups.groups.map((g) => bases.get(g.scenario)!);
  const principals = plain.map((scenario) => new Set(Object.keys(scenario.characters)));
  return { targets: file.targets, infos: infos as MeasureInfo[], groups, scenarios, plain, principals };
}

/** The command, from its command line or (with `merged`) from the record presidium merge put together from its shards. */
export async function calibrateCommand(opts: CalibrateOptionValues, merged?: MergedStudy): Promise<void> {
  const study = parseStudyOptions(opts, merged);
  const samples = parsePositiveInt(opts.samples, "--samples");
  const cutoff = parseCutoff(opts.cutoff);
  const file = readTargets(opts.targets);
  checkOutputPaths(outputsOf(opts), file.file);
  const loaded = loadTargetScenarios(file);
  const { targets, infos, groups } = loaded;
  const parameters = study.parameters;
  const points = calibrationPoints(parameters, samples, study.seed);
  const slice = study.shard && studyShard(study.shard, PHASE, [[PHASE, 0, points.length]]);

  const key = (g: number, v: number) => `${g}:${v}`;
  const bases: StudyBase[] = groups.groups.flatMap((g, gi) => g.variants.map((whatIfs, vi) => studyBase(key(gi, vi), whatIfs, loaded.scenarios[gi][vi], loaded.plain[gi])));
  const scenarioIds = groups.groups.map((_, gi) => loaded.scenarios[gi][0].id);
  const variantCount = bases.length;
  const files = openStudyOutputs(opts);
  const { session, cost } = StudySession.open(
    {
      command: "calibrate",
      ...sharedSetup(opts, study, merged),
      plan: {
        // Bands, rows and the cutoff only judge what was measured: they may change between runs.
        targets: targets.map((t, i) => ({ id: t.id, scenario: scenarioIds[groups.placements[i].group], whatIfs: t.whatIfs, baseline: t.baseline ?? [], change: t.change ?? null, measure: measureName(t.measure) })),
        samples,
        ...sharedPlan(study),
        fingerprint: fingerprint(bases),
        ...(slice ? { shard: slice } : {}),
      },
      bases,
      groups: groups.groups.map((g, gi) => g.variants.map((_, vi) => key(gi, vi))),
      design: `${parameters.length} parameter${parameters.length === 1 ? "" : "s"}; ${targets.length} targets in ${groups.groups.length} scenario group${groups.groups.length === 1 ? "" : "s"} (${variantCount} variants); the defaults and a Latin hypercube of ${samples.toLocaleString("en-US")}:${slice ? ` ${shardDesign(slice)}` : ""}`,
      totalPoints: slice ? slice.end - slice.first : points.length,
      measure: (totals: ExperimentTotals[]) => {
        const reports: GroupReports[] = totals.map((t) => ({ reports: t.variants.map((v) => finalize(v.tally)), pairs: t.pairs }));
        return Object.fromEntries(targets.map((t, i) => [t.id, estimateTarget(t, infos[i], groups.placements[i], reports, { principals: loaded.principals[groups.placements[i].group] })]));
      },
    },
    study.dryRun,
  );
  if (session === null) {
    if (study.json) json({ command: "calibrate", dryRun: true, parameters: parameters.length, targets: targets.length, points: points.length, cost });
    return;
  }

  const { result: complete, interrupted } = await withInterrupt((signal) =>
    session.runPhase(shardPoints({ phase: PHASE, first: 0, values: points, overrides: (values) => overridesOf(parameters, values) }, slice), signal),
  );
  session.close();
  if (slice) {
    if (interrupted || !complete) interruptedNote(opts.partial!, session.points.size, slice.end - slice.first);
    else shardDone(slice, opts.partial!);
    return;
  }
  const analysis = analyseCalibration(parameters, targets, session.points, cutoff);
  const done = session.points.size;

  const summary = calibrationSummary(analysis, targets, infos, scenarioIds, groups.placements);
  writeStudyOutputs(opts, files, {
    csv: () => historyMatchCsv(problemOf(parameters), analysis.match, analysis.sampled),
    report: () =>
      calibrationReportHtml({
        title: "Which model settings are compatible with history?",
        intro: [
          `${targets.length} targets from ${opts.targets ?? "model/targets.yaml"}, ${study.runs.toLocaleString("en-US")} runs per point and scenario variant, seed ${study.seed}.${complete ? "" : ` Partial: ${done} of ${points.length} points played.`}`,
          ...targets.map((t) => `${t.id}: ${t.row}`),
        ],
        result: analysis.match,
        runsPerPoint: study.runs,
        shifts: analysis.shifts,
      }),
    text: (asJson) =>
      asJson
        ? jsonText({
            command: "calibrate",
            seed: study.seed,
            runsPerPoint: study.runs,
            samples,
            cutoff,
            points: { planned: points.length, done },
            games: cost.games,
            complete,
            ...summary,
          })
        : calibrationTable(summary, cutoff),
  });
  if (interrupted || !complete) interruptedNote(opts.out!, done, points.length);
}

function calibrationSummary(analysis: CalibrationAnalysis, targets: readonly CalibrationTarget[], infos: readonly MeasureInfo[], scenarioIds: readonly string[], placements: ReturnType<typeof planTargetGroups>["placements"]) {
  const { match } = analysis;
  const ref = match.reference;
  const played = match.points.length;
  return {
    defaults: ref && {
      kept: ref.kept,
      maxImplausibility: ref.max,
      ruledOutBy: targets.filter((_, i) => ref.implausibility[i] >= match.cutoff).map((t) => t.id),
      noValue: ref.uninformative,
    },
    kept: { count: match.kept.length, of: played, points: match.kept.map((i) => analysis.sampled[i]) },
    targets: match.targets.map((t, i) => ({
      id: t.id,
      row: targets[i].row,
      scenario: scenarioIds[placements[i].group],
      whatIfs: targets[i].whatIfs,
      ...(targets[i].change ? { change: targets[i].change, baseline: targets[i].baseline ?? [] } : {}),
      measure: infos[i].name,
      band: [t.low, t.high],
      defaults: ref ? { implausibility: ref.implausibility[i] } : null,
      rulesOut: t.rulesOut,
      rulesOutAlone: t.rulesOutAlone,
      shareRuledOutAlone: played > 0 ? t.rulesOutAlone / played : null,
      noValue: t.uninformative,
      shifts: analysis.shifts[i].shifts.map((s) => ({ parameter: s.factor, distance: s.distance })),
      findings: match.profiles.filter((p) => p.target === t.id && p.pattern !== "none" && p.pattern !== "flat").map((p) => p.verdict),
    })),
    parameters: match.factorSummaries.map((s) => ({ name: s.factor, keptLow: s.keptLow, keptHigh: s.keptHigh, constraint: s.constraint, verdict: s.verdict })),
  };
}

function calibrationTable(s: ReturnType<typeof calibrationSummary>, cutoff: number): string {
  const lines: string[] = [];
  // The rule for keeping a point, stated as a rule: read as a finding it would be false whenever a point is ruled out.
  lines.push(`Kept: ${s.kept.count} of ${s.kept.of} sampled points (a point is kept when no target's implausibility reaches ${formatNumber(cutoff)}).`);
  if (s.defaults) {
    lines.push(
      s.defaults.kept
        ? `${DEFAULTS_LABEL}: kept (largest implausibility ${formatNumber(s.defaults.maxImplausibility, 2)}).`
        : `${DEFAULTS_LABEL}: ruled out by ${s.defaults.ruledOutBy.join(", ")} (largest implausibility ${formatNumber(s.defaults.maxImplausibility, 2)}).`,
    );
  }
  lines.push("", "target: band; at the defaults; rules out (alone) of the sample; parameters it shifts most");
  for (const t of s.targets) {
    const shifts = t.shifts.slice(0, 3).map((x) => `${x.parameter} (${formatNumber(x.distance, 2)})`).join(", ") || "-";
    const atDefaults = t.defaults ? formatNumber(t.defaults.implausibility, 2) : "-";
    lines.push(`  ${t.id}: ${bandText({ low: t.band[0], high: t.band[1] })}; ${atDefaults}; ${t.rulesOut} (${t.rulesOutAlone}) of ${s.kept.of}; ${shifts}`);
  }
  lines.push("", "--json, --csv and --report give every target's and parameter's figures.");
  return lines.join("\n");
}
