// What the report draws beyond the tally's counts: when the starting leader left office (week by
// week, for the survival curve) and how lopsided the plenums were. Integer counts only, so chunks
// merge exactly whatever their order of arrival.
import type { RunSummary } from "../engine/index.js";
import type { RunRecord } from "./run-record.js";

/** Plenum shares are binned in 5-point steps from 50% (the winner's share is never below half). */
export const SHARE_BIN_WIDTH = 0.05;
export const SHARE_BINS = 10;

export interface Distributions {
  runs: number;
  /** Week of the scenario (0 = the first) -> runs in which the starting leader left office that week. */
  exitWeeks: Record<string, number>;
  /** Plenums by the winning side's share of those present (bin k: 50% + 5k to 50% + 5(k+1)), by outcome. */
  plenumShares: { leaderKept: number[]; leaderLost: number[] };
}

export function emptyDistributions(): Distributions {
  return { runs: 0, exitWeeks: {}, plenumShares: { leaderKept: new Array<number>(SHARE_BINS).fill(0), leaderLost: new Array<number>(SHARE_BINS).fill(0) } };
}

export function shareBin(winningShare: number): number {
  return Math.min(SHARE_BINS - 1, Math.max(0, Math.floor((winningShare - 0.5) / SHARE_BIN_WIDTH + 1e-9)));
}

export function addToDistributions(d: Distributions, record: RunRecord, summary: RunSummary): Distributions {
  d.runs++;
  if (record.exitWeek !== null) d.exitWeeks[record.exitWeek] = (d.exitWeeks[record.exitWeek] ?? 0) + 1;
  for (const c of summary.contests) {
    if (!c.plenum) continue;
    const side = c.winner === "target" ? "leaderKept" : "leaderLost";
    const winning = Math.max(c.plenum.forTarget, c.plenum.againstTarget) / Math.max(1, c.plenum.present);
    d.plenumShares[side][shareBin(winning)]++;
  }
  return d;
}

export function mergeDistributions(into: Distributions, from: Distributions): Distributions {
  into.runs += from.runs;
  for (const [week, n] of Object.entries(from.exitWeeks)) into.exitWeeks[week] = (into.exitWeeks[week] ?? 0) + n;
  for (const side of ["leaderKept", "leaderLost"] as const) from.plenumShares[side].forEach((n, i) => (into.plenumShares[side][i] += n));
  return into;
}

/**
 * The share of runs in which the starting leader still held office at the start of each week
 * 0..weeks (the last point is the end of the scenario). A leader who left in week w counts as out
 * from the start of week w + 1.
 */
export function survivalCurve(d: Distributions, weeks: number): number[] {
  if (d.runs === 0) return [];
  const curve: number[] = [];
  let gone = 0;
  for (let w = 0; w <= weeks; w++) {
    curve.push((d.runs - gone) / d.runs);
    gone += d.exitWeeks[w] ?? 0;
  }
  return curve;
}
