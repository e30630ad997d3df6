// Monte Carlo aggregation: one tally folded over run summaries as they come (no world is kept), and
// a report in the terms of the validation targets. Pure: no I/O, no clock; the caller runs the games.
import { fateLadder, type Fate, type RunSummary } from "../engine/index.js";
import { rateOf, type Rate } from "./interval.js";

/** Run-level outcomes counted once per run in which they happen. */
export const outcomeKeys = [
  "leaderRemoved",
  "removedByVote",
  "removedByForce",
  "removedWhileAway",
  "successorWasPlotter",
  "presidiumMovesAgainstLeader",
  "survivedViaPlenum",
  "removedAfterPresidiumMove",
] as const;
export type OutcomeKey = (typeof outcomeKeys)[number];

export type FateCounts = Record<Fate, number>;
export type Role = RunSummary["fates"][number]["role"];
export const roles: readonly Role[] = ["leader", "plotter", "suspect"];

/** A plenum is lopsided when the winning side has at least this share of those present. */
export const LOPSIDED_SHARE = 0.8;
/** How many example seeds of each outcome the report keeps (to re-run with `presidium run --seed`). */
export const EXAMPLE_SEEDS = 5;

export interface Tally {
  scenario: string | null;
  whatIfs: string[] | null;
  baseSeed: number | null;
  runs: number;
  outcomes: Record<OutcomeKey, number>;
  plotsStarted: number;
  contests: number;
  plenums: number;
  lopsidedPlenums: number;
  /** Per character: fates over every contest that character lost. */
  fates: Record<string, FateCounts>;
  fatesByRole: Record<Role, FateCounts>;
  /** Removal of the starting leader, by month (YYYY-MM). */
  removalMonths: Record<string, number>;
  /** Who held the leader's post at the end of each run in which the starting leader was removed. */
  successors: Record<string, number>;
  /** Who led the plot that removed the starting leader. */
  plotLeaders: Record<string, number>;
  exampleSeeds: { removed: number[]; survived: number[] };
}

export function emptyTally(meta: { scenario?: string; whatIfs?: readonly string[]; baseSeed?: number } = {}): Tally {
  return {
    scenario: meta.scenario ?? null,
    whatIfs: meta.whatIfs ? [...meta.whatIfs] : null,
    baseSeed: meta.baseSeed ?? null,
    runs: 0,
    outcomes: Object.fromEntries(outcomeKeys.map((k) => [k, 0])) as Record<OutcomeKey, number>,
    plotsStarted: 0,
    contests: 0,
    plenums: 0,
    lopsidedPlenums: 0,
    fates: {},
    fatesByRole: Object.fromEntries(roles.map((r) => [r, emptyFates()])) as Record<Role, FateCounts>,
    removalMonths: {},
    successors: {},
    plotLeaders: {},
    exampleSeeds: { removed: [], survived: [] },
  };
}

function emptyFates(): FateCounts {
  return Object.fromEntries(fateLadder.map((f) => [f, 0])) as FateCounts;
}

function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** Which of the counted outcomes happened in one run. */
export function outcomesOf(run: RunSummary): Record<OutcomeKey, boolean> {
  return {
    leaderRemoved: run.leaderRemoved,
    removedByVote: run.removedByVote,
    removedByForce: run.removedByForce,
    removedWhileAway: run.removedWhileAway,
    successorWasPlotter: run.successorWasPlotter,
    presidiumMovesAgainstLeader: run.presidiumMovedAgainstLeader,
    survivedViaPlenum: run.survivedViaPlenum,
    removedAfterPresidiumMove: run.presidiumMovedAgainstLeader && run.leaderRemoved,
  };
}

/** Folds one run into the tally (in place; returns it). Runs of different scenarios or what-ifs do not mix. */
export function addRun(tally: Tally, run: RunSummary): Tally {
  if (tally.scenario === null) tally.scenario = run.scenario;
  else if (tally.scenario !== run.scenario) throw new Error(`addRun: a run of "${run.scenario}" cannot join a tally of "${tally.scenario}"`);
  if (tally.whatIfs === null) tally.whatIfs = [...run.whatIfs];
  else if (tally.whatIfs.join("\u0000") !== run.whatIfs.join("\u0000")) {
    throw new Error(`addRun: a run with what-ifs [${run.whatIfs.join(", ")}] cannot join a tally of [${tally.whatIfs.join(", ")}]`);
  }

  tally.runs++;
  const happened = outcomesOf(run);
  for (const key of outcomeKeys) if (happened[key]) tally.outcomes[key]++;
  tally.plotsStarted += run.plotsStarted;
  tally.contests += run.contests;
  for (const plenum of run.plenums) {
    tally.plenums++;
    if (plenum.winningShare >= LOPSIDED_SHARE) tally.lopsidedPlenums++;
  }
  for (const f of run.fates) {
    tally.fates[f.who] ??= emptyFates();
    tally.fates[f.who][f.fate]++;
    tally.fatesByRole[f.role][f.fate]++;
  }
  if (run.leaderRemoved) {
    if (run.removalDate !== null) bump(tally.removalMonths, run.removalDate.slice(0, 7));
    bump(tally.successors, run.firstSecretary);
    if (run.plotLeaderOfRemoval !== null) bump(tally.plotLeaders, run.plotLeaderOfRemoval);
  }
  const examples = run.leaderRemoved ? tally.exampleSeeds.removed : tally.exampleSeeds.survived;
  if (examples.length < EXAMPLE_SEEDS) examples.push(run.seed);
  return tally;
}

/**
 * Folds tally `from` (later runs) into `into` (in place; returns it), as if `from`'s runs had been
 * added to `into` one by one after its own. Counts add up exactly, so tallies of chunks of runs
 * merged in run order equal the tally of all runs added in order, however the chunks were cut.
 */
export function mergeTally(into: Tally, from: Tally): Tally {
  if (from.runs === 0) return into;
  if (into.scenario === null) into.scenario = from.scenario;
  else if (from.scenario !== null && into.scenario !== from.scenario) throw new Error(`mergeTally: runs of "${from.scenario}" cannot join a tally of "${into.scenario}"`);
  if (into.whatIfs === null) into.whatIfs = from.whatIfs === null ? null : [...from.whatIfs];
  else if (from.whatIfs !== null && into.whatIfs.join("\u0000") !== from.whatIfs.join("\u0000")) {
    throw new Error(`mergeTally: runs with what-ifs [${from.whatIfs.join(", ")}] cannot join a tally of [${into.whatIfs.join(", ")}]`);
  }
  into.runs += from.runs;
  for (const key of outcomeKeys) into.outcomes[key] += from.outcomes[key];
  into.plotsStarted += from.plotsStarted;
  into.contests += from.contests;
  into.plenums += from.plenums;
  into.lopsidedPlenums += from.lopsidedPlenums;
  for (const [who, fates] of Object.entries(from.fates)) {
    into.fates[who] ??= emptyFates();
    for (const f of fateLadder) into.fates[who][f] += fates[f];
  }
  for (const role of roles) for (const f of fateLadder) into.fatesByRole[role][f] += from.fatesByRole[role][f];
  for (const [month, n] of Object.entries(from.removalMonths)) bump(into.removalMonths, month, n);
  for (const [id, n] of Object.entries(from.successors)) bump(into.successors, id, n);
  for (const [id, n] of Object.entries(from.plotLeaders)) bump(into.plotLeaders, id, n);
  for (const kind of ["removed", "survived"] as const) {
    const room = EXAMPLE_SEEDS - into.exampleSeeds[kind].length;
    if (room > 0) into.exampleSeeds[kind].push(...from.exampleSeeds[kind].slice(0, room));
  }
  return into;
}

export interface MonteCarloReport {
  scenario: string | null;
  whatIfs: string[];
  runs: number;
  baseSeed: number | null;
  leaderRemoved: number;
  removedByVote: number;
  removedByForce: number;
  removedWhileAway: number;
  successorWasPlotter: number;
  presidiumMovesAgainstLeader: number;
  survivedViaPlenum: number;
  removedAfterPresidiumMove: number;
  /** Total over all runs. */
  plotsStarted: number;
  plenums: number;
  lopsidedPlenums: number;
  fates: Record<string, FateCounts>;
  /** Each outcome's share of the runs with its 95% Wilson interval; lopsidedPlenums is a share of the plenums. */
  rates: Record<OutcomeKey | "lopsidedPlenums", Rate>;
  /** Of the runs in which a Presidium majority moved against the leader, the share in which he fell. */
  plotSuccessRate: Rate;
  plotsPerRun: number | null;
  contests: number;
  fatesByRole: Record<Role, FateCounts>;
  /** Month (YYYY-MM) -> removals of the starting leader in that month, in date order. */
  removalDates: Record<string, number>;
  /** Character id -> runs in which they held the leader's post at the end after a removal (most first). */
  successors: Record<string, number>;
  /** Character id -> removals in which they led the plot (most first). */
  plotLeaders: Record<string, number>;
  exampleSeeds: { removed: number[]; survived: number[] };
}

/** The report for the runs so far. Does not change the tally; equal tallies give equal reports. */
export function finalize(tally: Tally): MonteCarloReport {
  const o = tally.outcomes;
  const rates = Object.fromEntries(outcomeKeys.map((k) => [k, rateOf(o[k], tally.runs)])) as Record<OutcomeKey, Rate>;
  return {
    scenario: tally.scenario,
    whatIfs: [...(tally.whatIfs ?? [])],
    runs: tally.runs,
    baseSeed: tally.baseSeed,
    leaderRemoved: o.leaderRemoved,
    removedByVote: o.removedByVote,
    removedByForce: o.removedByForce,
    removedWhileAway: o.removedWhileAway,
    successorWasPlotter: o.successorWasPlotter,
    presidiumMovesAgainstLeader: o.presidiumMovesAgainstLeader,
    survivedViaPlenum: o.survivedViaPlenum,
    removedAfterPresidiumMove: o.removedAfterPresidiumMove,
    plotsStarted: tally.plotsStarted,
    plenums: tally.plenums,
    lopsidedPlenums: tally.lopsidedPlenums,
    fates: Object.fromEntries(Object.keys(tally.fates).sort().map((id) => [id, { ...tally.fates[id] }])),
    rates: { ...rates, lopsidedPlenums: rateOf(tally.lopsidedPlenums, tally.plenums) },
    plotSuccessRate: rateOf(o.removedAfterPresidiumMove, o.presidiumMovesAgainstLeader),
    plotsPerRun: tally.runs > 0 ? tally.plotsStarted / tally.runs : null,
    contests: tally.contests,
    fatesByRole: Object.fromEntries(roles.map((r) => [r, { ...tally.fatesByRole[r] }])) as Record<Role, FateCounts>,
    removalDates: Object.fromEntries(Object.keys(tally.removalMonths).sort().map((m) => [m, tally.removalMonths[m]])),
    successors: byCount(tally.successors),
    plotLeaders: byCount(tally.plotLeaders),
    exampleSeeds: { removed: [...tally.exampleSeeds.removed], survived: [...tally.exampleSeeds.survived] },
  };
}

/** Most frequent first, ties by id, as an object (JSON keeps the order of non-numeric keys). */
function byCount(counts: Record<string, number>): Record<string, number> {
  const keys = Object.keys(counts).sort((a, b) => counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, counts[k]]));
}
