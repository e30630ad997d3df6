// How `sensitivity` and `calibrate` run a study from the command line: the output file opened (or
// resumed) before any work, the cost stated up front, the parameter points played on the worker
// pool with a progress bar, each finished point appended to the file in point order, and Ctrl-C
// stopping after the points that finished are written.
import type { ParameterOverride } from "../engine/index.js";
import type { ExperimentTotals } from "../research/experiment.js";
import { MeasureError } from "../research/measures.js";
import { JournalFile } from "../research/run/journal-file.js";
import { OutputFileError } from "../research/run/output-file.js";
import { runStudy } from "../research/run/study-pool.js";
import { ProgressBar } from "../research/run/terminal.js";
import { timeOneRun } from "../research/run/warm-up.js";
import type { TargetEstimate } from "../research/sensitivity/index.js";
import { costSentence, studyCost, type StudyCost } from "../research/study-cost.js";
import { JournalError, phaseLine, planDifferences, pointLine, type JournalHeader, type PointRecord, type StudyCommand } from "../research/study-journal.js";
import type { StudyBase } from "../research/study.js";
import { inputError } from "./errors.js";
import { err } from "./output.js";
import type { MergedStudy } from "./study-shard.js";

export interface StudySetup {
  command: StudyCommand;
  version: string;
  /** --out (or with --shard, --partial) as given. */
  out: string;
  /** The flag that named it. */
  flag: "--out" | "--partial";
  /** Everything that would change the results if it changed: a resumed file must hold the same. */
  plan: Record<string, unknown>;
  /** With --shard: the options recorded in the partial, for presidium merge. */
  options?: Record<string, unknown>;
  /** presidium merge: the whole study's record from the shards' partials, read instead of a file. */
  merged?: MergedStudy;
  /** Words for plan fields whose values mean nothing to a reader, for the refusal of another plan. */
  explain?: Record<string, string>;
  bases: StudyBase[];
  /** Per group, the keys of its variants: every point plays every group. */
  groups: string[][];
  runs: number;
  seed: number;
  workers: number;
  /** --json: stdout carries one JSON object and stderr stays quiet (no warm-up, cost line or bar). */
  quiet: boolean;
  /** The design in a sentence, printed before the cost. */
  design: string;
  /** Every point the study plans, over all its phases. */
  totalPoints: number;
  /** What is recorded at a point, from its groups' totals. */
  measure: (groups: ExperimentTotals[]) => Record<string, TargetEstimate>;
}

export interface PhasePoints {
  phase: string;
  /** Study index of the phase's first point. */
  first: number;
  /** Values as played, one list per point. */
  values: number[][];
  overrides: (values: number[]) => ParameterOverride[];
}

/** The header of the study's record: the plan, and a shard's options. */
export function journalHeader(setup: StudySetup): JournalHeader {
  return { presidium: setup.command, format: 1, version: setup.version, plan: setup.plan, ...(setup.options ? { options: setup.options } : {}) };
}

export class StudySession {
  private bar: ProgressBar | null = null;
  private gamesDone = 0;

  private constructor(
    private readonly setup: StudySetup,
    /** Null when merging: the record is complete, so nothing is played or written. */
    private readonly journal: JournalFile | null,
    /** Every finished point, from the file and from this run. */
    readonly points: Map<number, PointRecord>,
    private readonly chosen: Map<string, string[]>,
    readonly cost: StudyCost,
  ) {}

  /**
   * Opens or resumes the output file and states the cost (with a timed warm-up unless quiet).
   * With `dryRun`, states the cost and returns null without touching the file.
   */
  static open(setup: StudySetup, dryRun: boolean): { session: StudySession | null; cost: StudyCost } {
    const header = journalHeader(setup);
    const variants = setup.groups.reduce((n, g) => n + g.length, 0);
    // The warm-up costs a game per variant (seconds for the big scenarios): only when the cost is shown and games are left.
    const warmUp = (pointsDone: number) => ((!setup.quiet || dryRun) && pointsDone < setup.totalPoints ? timeOneRun(setup.bases, setup.groups, setup.seed) : null);
    if (dryRun) {
      const cost = studyCost({ points: setup.totalPoints, pointsDone: 0, runsPerPoint: setup.runs, variants, workers: setup.workers, secondsPerRun: warmUp(0) });
      if (!setup.quiet) err(`presidium ${setup.command}: ${setup.design} ${costSentence(cost)} (--dry-run: nothing played or written)`);
      return { session: null, cost };
    }
    if (setup.merged !== undefined) {
      const cost = studyCost({ points: setup.totalPoints, pointsDone: setup.merged.journal.points.size, runsPerPoint: setup.runs, variants, workers: setup.workers, secondsPerRun: null });
      return { session: StudySession.fromMerged(setup, header, cost), cost };
    }
    let opened: ReturnType<typeof JournalFile.open>;
    try {
      opened = JournalFile.open(setup.out, setup.flag, header, setup.explain);
    } catch (error) {
      if (error instanceof JournalError || error instanceof OutputFileError) throw inputError(error.message);
      throw error;
    }
    const resumed = opened.resumed;
    const points = new Map(resumed?.points ?? []);
    const cost = studyCost({ points: setup.totalPoints, pointsDone: points.size, runsPerPoint: setup.runs, variants, workers: setup.workers, secondsPerRun: warmUp(points.size) });
    if (!setup.quiet) {
      // The unfinished line may be a point cut short by a crash or bytes added to a finished file:
      // either way no point is lost, as the count of points done that follows shows.
      if (resumed?.partialLine) err(`presidium ${setup.command}: ${setup.out} ended in an unfinished line (cut short, or bytes that are not a record); it was removed, and the points done are those of its complete lines.`);
      err(`presidium ${setup.command}: ${setup.design} ${costSentence(cost)}`);
    }
    const chosen = new Map([...(resumed?.phases ?? new Map()).values()].map((p) => [p.phase, p.factors]));
    return { session: new StudySession(setup, opened.journal, points, chosen, cost), cost };
  }

  /**
   * The session of presidium merge: the shards' record, checked against the plan the recorded options
   * give now (a scenario or parameter file changed since the shards ran would mix two models).
   */
  private static fromMerged(setup: StudySetup, header: JournalHeader, cost: StudyCost): StudySession {
    const { journal, files } = setup.merged!;
    const differences = planDifferences(journal.header, header, setup.explain, { there: "in the partials", here: "now" });
    if (differences.length > 0) {
      throw inputError(`the partials (${files.join(", ")}) are of a study these files no longer give (${differences.join("; ")}): merge with the scenario, targets and parameter files the shards ran with`);
    }
    const chosen = new Map([...journal.phases.values()].map((p) => [p.phase, p.factors]));
    return new StudySession(setup, null, new Map(journal.points), chosen, cost);
  }

  /**
   * Records the factors a phase chose from an earlier phase, or checks them against the ones the
   * file recorded (the same results choose the same factors, so a difference means a damaged file).
   */
  choose(phase: string, factors: string[]): void {
    const recorded = this.chosen.get(phase);
    if (recorded === undefined) {
      this.write(phaseLine({ phase, factors }));
      this.chosen.set(phase, factors);
    } else if (recorded.join("\u0000") !== factors.join("\u0000")) {
      throw inputError(`${this.setup.out}: its ${phase} phase chose ${recorded.join(", ")}, but its own screening results now choose ${factors.join(", ")}: the file was changed by hand; give another --out`);
    }
  }

  /** Plays the phase's points not yet in the file; false when stopped (by the signal) before all finished. */
  async runPhase(points: PhasePoints, signal: AbortSignal): Promise<boolean> {
    const missing: { index: number; overrides: ParameterOverride[] }[] = [];
    points.values.forEach((values, i) => {
      const index = points.first + i;
      const done = this.points.get(index);
      if (done === undefined) missing.push({ index, overrides: points.overrides(values) });
      else if (done.phase !== points.phase || JSON.stringify(done.values) !== JSON.stringify(values)) {
        throw inputError(`${this.setup.out}: point ${index} there was played at other parameter values than this study's: the file does not belong to it; give another --out`);
      }
    });
    if (missing.length === 0) return true;
    if (!this.setup.quiet && process.stderr.isTTY) this.bar ??= new ProgressBar(process.stderr, this.cost.gamesLeft);
    const valuesOf = new Map(points.values.map((v, i) => [points.first + i, v]));
    // Points are written in index order, so an uninterrupted study writes the same file whatever the
    // workers; points finished beyond a gap wait here, and are written anyway when the study stops.
    const waiting = new Map<number, PointRecord>();
    let next = 0;
    const flush = (all: boolean) => {
      while (next < missing.length && waiting.has(missing[next].index)) this.keep(waiting, missing[next++].index);
      if (all) for (const index of [...waiting.keys()].sort((a, b) => a - b)) this.keep(waiting, index);
    };
    let writeFailure: unknown = null;
    let failedAt = -1;
    const stopOnFailure = new AbortController();
    const before = this.gamesDone;
    try {
      const { complete } = await runStudy(
        { bases: this.setup.bases, groups: this.setup.groups, points: missing, runs: this.setup.runs, baseSeed: this.setup.seed, workers: this.setup.workers },
        {
          signal: AbortSignal.any([signal, stopOnFailure.signal]),
          onPoint: (index, totals) => {
            if (writeFailure !== null) return;
            try {
              waiting.set(index, { point: index, phase: points.phase, values: valuesOf.get(index)!, estimates: this.setup.measure(totals) });
              flush(false);
            } catch (error) {
              writeFailure = error;
              failedAt = index;
              stopOnFailure.abort();
            }
          },
          onProgress: (done) => {
            this.gamesDone = before + done;
            this.bar?.update(this.gamesDone);
          },
        },
      );
      if (writeFailure instanceof MeasureError) throw inputError(`point ${failedAt}: ${writeFailure.message}`);
      if (writeFailure !== null) throw writeFailure;
      flush(true);
      return complete && missing.every((m) => this.points.has(m.index));
    } catch (error) {
      // A failing game still leaves the points that finished before it in the file.
      if (writeFailure === null) flush(true);
      throw error;
    } finally {
      this.bar?.clear();
    }
  }

  close(): void {
    this.journal?.close();
  }

  private keep(waiting: Map<number, PointRecord>, index: number): void {
    const record = waiting.get(index)!;
    waiting.delete(index);
    this.write(pointLine(record));
    this.points.set(index, record);
  }

  private write(line: string): void {
    // Merge checked that the partials hold every point and every phase's choice: nothing is left to record.
    if (this.journal === null) throw new Error("StudySession: a merged study has nothing to record");
    try {
      this.journal.append(line);
    } catch (error) {
      if (error instanceof OutputFileError) throw inputError(error.message);
      throw error;
    }
  }
}
