// One finished run described for a spreadsheet and for the report's distributions: how and when the
// starting leader left office, the contest that decided it, who led it, the tallies and the fates.
// Read from the finished world (the RunSummary lacks the Presidium tally and deaths in office).
import type { ContestRecord, Fate, RunSummary, World } from "../engine/index.js";
import { weekIndex } from "./dates.js";

export type RunOutcome = "survived" | "removed" | "died in office" | "left office";
export type Means = "vote" | "force" | "death" | "other";

export interface RunRecord {
  /** Run index i (the run used the seed mixSeed(base, i)). */
  run: number;
  seed: number;
  /** The variant's label (baseline, a what-if set, a sweep value). */
  variant: string;
  whatIfs: string[];
  outcome: RunOutcome;
  /** When the starting leader left office, or null if he did not. */
  exitDate: string | null;
  /** Scenario week of exitDate (0 = the first week), or null. */
  exitWeek: number | null;
  means: Means | null;
  /** Whether the decisive move was launched while the leader was away from Moscow (null: there was none). */
  launchedWhileAway: boolean | null;
  plotLeader: string | null;
  /** Who held the leader's post at the end, when it was no longer the starting leader. */
  newFirstSecretary: string | null;
  contests: number;
  /** Tallies of the decisive contest (the removal, or else the last move against the starting leader). */
  presidium: { for: number; against: number; voters: number } | null;
  plenum: { forLeader: number; againstLeader: number; present: number } | null;
  fates: { who: string; fate: Fate }[];
}

export function recordRun(world: World, summary: RunSummary, run: number, variant: string): RunRecord {
  const leader = summary.startingLeader;
  const removal = world.contests.find((c) => c.target === leader && c.winner === "plot");
  const decisive: ContestRecord | undefined = removal ?? world.contests.filter((c) => c.target === leader).at(-1);
  const death = summary.leaderRemoved && !removal ? world.log.find((e) => e.type === "death" && e.actor === leader) : undefined;
  const exitDate = removal?.date ?? death?.date ?? (summary.leaderRemoved ? summary.endDate : null);
  const outcome: RunOutcome = !summary.leaderRemoved ? "survived" : removal ? "removed" : death ? "died in office" : "left office";
  const means: Means | null = removal ? (removal.force ? "force" : "vote") : death ? "death" : summary.leaderRemoved ? "other" : null;
  return {
    run,
    seed: summary.seed,
    variant,
    whatIfs: [...summary.whatIfs],
    outcome,
    exitDate,
    exitWeek: exitDate === null ? null : weekIndex(world.start, exitDate),
    means,
    launchedWhileAway: decisive ? decisive.launchedWhileAway : null,
    plotLeader: removal ? removal.initiator : null,
    newFirstSecretary: summary.leaderRemoved ? summary.firstSecretary : null,
    contests: summary.contests,
    presidium: decisive?.presidium ? { ...decisive.presidium } : null,
    plenum: decisive?.plenum ? { forLeader: decisive.plenum.forLeader, againstLeader: decisive.plenum.againstLeader, present: decisive.plenum.present } : null,
    fates: summary.fates.map((f) => ({ who: f.who, fate: f.fate })),
  };
}
