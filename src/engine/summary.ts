// The outcome of a finished run in the terms the validation targets use.
import { leaderOf } from "./queries.js";
import type { ContestRecord, Fate, Id, World } from "./state.js";

export interface RunSummary {
  scenario: string;
  seed: number;
  whatIfs: string[];
  endDate: string;
  firstSecretary: Id;
  startingLeader: Id;
  leaderRemoved: boolean;
  removedByVote: boolean;
  removedByForce: boolean;
  removedWhileAway: boolean;
  removalDate: string | null;
  successorWasPlotter: boolean;
  presidiumMovedAgainstLeader: boolean;
  survivedViaPlenum: boolean;
  plotsStarted: number;
  plotLeaderOfRemoval: Id | null;
  plenums: { winningShare: number; forLeader: number; againstLeader: number; present: number }[];
  /** Fates of everyone who lost a contest. */
  fates: { who: Id; fate: Fate; contest: ContestRecord["kind"]; role: "leader" | "plotter" | "suspect" }[];
  contests: number;
}

export function summarize(world: World): RunSummary {
  const start = world.firstLeader;
  const removal = world.contests.find((c) => c.target === start && c.winner === "plot");
  const current = leaderOf(world);
  const startingLeaderContests = world.contests.filter((c) => c.target === start);
  return {
    scenario: world.scenarioId,
    seed: world.seed,
    whatIfs: [...world.whatIfs],
    endDate: world.date > world.end ? world.end : world.date,
    firstSecretary: current,
    startingLeader: start,
    leaderRemoved: current !== start,
    removedByVote: !!removal && !removal.force,
    removedByForce: !!removal && removal.force,
    removedWhileAway: !!removal?.launchedWhileAway,
    removalDate: removal?.date ?? null,
    successorWasPlotter: !!removal?.successorWasPlotter,
    presidiumMovedAgainstLeader: startingLeaderContests.some((c) => c.presidiumMajorityAgainstLeader),
    survivedViaPlenum: startingLeaderContests.some((c) => c.presidiumMajorityAgainstLeader && c.winner === "leader" && c.plenum !== null),
    plotsStarted: world.plots.length,
    plotLeaderOfRemoval: removal?.initiator ?? null,
    plenums: world.contests.filter((c) => c.plenum).map((c) => ({ ...c.plenum! })),
    fates: world.contests.flatMap((c) =>
      Object.entries(c.fates).map(([who, fate]) => ({ who, fate, contest: c.kind, role: who === c.target ? ("leader" as const) : c.plotMembers.includes(who) ? ("plotter" as const) : ("suspect" as const) })),
    ),
    contests: world.contests.length,
  };
}
