// One finished run described for a spreadsheet and for the report's distributions: how and when the
// starting leader left office, the contest that decided it, who led it, the tallies and the fates.
import type { RunSummary, World } from "../engine/index.js";
import { weekIndex } from "./dates.js";

export type RunOutcome = "survived" | "removed" | "died in office" | "left office";
export type Means = "session" | "plenum" | "force" | "death" | "other";

export interface RunRecord {
  /** Run index i (the run used the seed mixSeed(base, i)). */
  run: number;
  seed: number;
  /** The variant's label (baseline, a what-if set, a sweep value). */
  variant: string;
  whatIfs: string[];
  outcome: RunOutcome;
  /** When the starting leader lost his post (a removal's plenum, when one decided it), or null if he did not. */
  exitDate: string | null;
  /** Scenario week of exitDate (0 = the first week), or null. */
  exitWeek: number | null;
  means: Means | null;
  /** Whether the decisive move was launched while the leader was away from Moscow (null: there was none). */
  launchedWhileAway: boolean | null;
  plotLeader: string | null;
  /** Who was first at the end. */
  leaderAtEnd: string | null;
  contests: number;
  /** Tallies of the decisive contest against the starting leader (his removal, or else the last one). */
  presidium: { for: number; against: number; voters: number } | null;
  plenum: { forTarget: number; againstTarget: number; present: number } | null;
  fates: { who: string; fate: string }[];
}

export function recordRun(world: World, summary: RunSummary, run: number, variant: string): RunRecord {
  const leader = summary.startingLeader;
  const against = summary.contests.filter((c) => c.target === leader);
  const removal = against.find((c) => c.winner === "move");
  const decisive = removal ?? against.at(-1);
  const death = summary.leaderRemoved && !removal ? world.log.find((e) => e.type === "death" && e.actor === leader) : undefined;
  // A removal takes effect when its contest ends (the plenum's date when a plenum decided it), the
  // date run --json gives as removalDate; the contest's own date is when the move began.
  const removedOn = removal?.endedOn;
  const exitDate = removedOn ?? death?.date ?? (summary.leaderRemoved ? summary.endDate : null);
  const outcome: RunOutcome = !summary.leaderRemoved ? "survived" : removal ? "removed" : death ? "died in office" : "left office";
  const means: Means | null = removal ? removal.venue : death ? "death" : summary.leaderRemoved ? "other" : null;
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
    // A release for health is put to the vote by the first man's colleagues, but it is no plot (as the tally counts plot leaders).
    plotLeader: removal && removal.open !== "health" ? removal.initiator : null,
    leaderAtEnd: summary.leader,
    contests: summary.contests.length,
    presidium: decisive?.presidium ? { ...decisive.presidium } : null,
    plenum: decisive?.plenum ? { forTarget: decisive.plenum.forTarget, againstTarget: decisive.plenum.againstTarget, present: decisive.plenum.present } : null,
    fates: summary.contests.flatMap((c) => c.fates.map((f) => ({ who: f.who, fate: f.fate }))),
  };
}
