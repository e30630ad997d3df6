// Where along each factor the ruling out happens: equal-width bins over the factor's range, the
// share of points ruled out in each, and a sentence for the pattern ("rules out low values of x").
import { formatNumber } from "./format.js";
import type { Factor } from "./problem.js";

export interface ProfileBin {
  low: number;
  high: number;
  points: number;
  /** Points in the bin ruled out (by the one target, or by any target for a factor summary). */
  ruledOut: number;
  /** Points in the bin kept by the match as a whole. */
  kept: number;
}

/** Which values the ruling out concentrates on; "flat" when it hardly depends on the factor. */
export type ProfilePattern = "none" | "flat" | "low" | "high" | "ends" | "middle" | "scattered";

export interface FactorTargetProfile {
  factor: string;
  target: string;
  bins: ProfileBin[];
  pattern: ProfilePattern;
  /** E.g. "rules out low values of x1 (below 0.6)". */
  verdict: string;
}

export interface FactorSummary {
  factor: string;
  /** Smallest and largest value among the kept points (null when none is kept). */
  keptLow: number | null;
  keptHigh: number | null;
  /**
   * How far the kept points' distribution along this factor departs from the sample's: the
   * Kolmogorov-Smirnov distance between the two (0 = not constrained at all, near 1 = the kept
   * points sit in a narrow part of the range). Used to pick the factors worth plotting.
   */
  constraint: number;
  bins: ProfileBin[];
  pattern: ProfilePattern;
  /** The verdict for all targets together. */
  verdict: string;
}

/** One target's ruling out along one factor, for the "which target constrains what" table. */
export function factorProfile(
  factor: Factor,
  target: string,
  values: readonly number[],
  ruledOut: readonly boolean[],
  kept: readonly boolean[],
  bins: number,
  contrast: number,
): FactorTargetProfile {
  const histogram = binPoints(factor, values, ruledOut, kept, bins);
  const { pattern, verdict } = describe(factor.name, histogram, contrast);
  return { factor: factor.name, target, bins: histogram, pattern, verdict };
}

/** All targets together along one factor: kept range, histogram and how constrained the factor is. */
export function factorSummary(factor: Factor, values: readonly number[], kept: readonly boolean[], bins: number, contrast: number): FactorSummary {
  const histogram = binPoints(
    factor,
    values,
    kept.map((k) => !k),
    kept,
    bins,
  );
  // A loop rather than Math.min(...values): spreading a large sample overflows the call stack.
  let keptLow: number | null = null;
  let keptHigh: number | null = null;
  values.forEach((v, i) => {
    if (!kept[i]) return;
    if (keptLow === null || v < keptLow) keptLow = v;
    if (keptHigh === null || v > keptHigh) keptHigh = v;
  });
  const { pattern, verdict } = describe(factor.name, histogram, contrast);
  return {
    factor: factor.name,
    keptLow,
    keptHigh,
    constraint: ksDistance(values, kept),
    bins: histogram,
    pattern,
    verdict,
  };
}

/** Values outside the factor's range (which a sampler never produces) are counted in the end bins. */
function binPoints(factor: Factor, values: readonly number[], ruledOut: readonly boolean[], kept: readonly boolean[], bins: number): ProfileBin[] {
  const width = (factor.high - factor.low) / bins;
  const out: ProfileBin[] = Array.from({ length: bins }, (_, b) => ({
    low: factor.low + b * width,
    high: b === bins - 1 ? factor.high : factor.low + (b + 1) * width,
    points: 0,
    ruledOut: 0,
    kept: 0,
  }));
  values.forEach((v, i) => {
    const b = Math.min(bins - 1, Math.max(0, Math.floor((v - factor.low) / width)));
    out[b].points++;
    if (ruledOut[i]) out[b].ruledOut++;
    if (kept[i]) out[b].kept++;
  });
  return out;
}

/**
 * Names the side of the range the ruling out falls on, from the share of each bin's points that
 * survive (are not ruled out). A verdict names a side only when the emptiest bin keeps at most
 * (1 − contrast) of what the fullest keeps, and the two differ by at least three standard errors
 * (pooled two-proportion test): comparing relative shares lets a factor stand out even when other
 * targets rule out most points everywhere, and the test stops sampling noise in a flat profile
 * (few points per bin, few kept) from reading as a finding. Bins keeping no more than halfway
 * between the fullest and the emptiest count as ruled out.
 */
function describe(name: string, bins: readonly ProfileBin[], contrast: number): { pattern: ProfilePattern; verdict: string } {
  const used = bins.filter((b) => b.points > 0);
  if (used.length === 0) return { pattern: "none", verdict: "no points to judge" };
  const ruledOut = used.reduce((s, b) => s + b.ruledOut, 0);
  if (ruledOut === 0) return { pattern: "none", verdict: "rules out no points" };
  const survive = used.map((b) => (b.points - b.ruledOut) / b.points);
  const hi = survive.indexOf(Math.max(...survive));
  const lo = survive.indexOf(Math.min(...survive));
  if (!(survive[lo] <= (1 - contrast) * survive[hi] && significant(used[hi], used[lo]))) {
    const total = ruledOut / used.reduce((s, b) => s + b.points, 0);
    return { pattern: "flat", verdict: `rules out ${Math.round(100 * total)}% of points, about equally across the range of ${name}` };
  }
  const flags = survive.map((s) => s <= (survive[lo] + survive[hi]) / 2);
  const runs: { from: number; to: number }[] = [];
  flags.forEach((f, i) => {
    if (!f) return;
    if (i > 0 && flags[i - 1]) runs[runs.length - 1].to = i;
    else runs.push({ from: i, to: i });
  });
  const last = used.length - 1;
  const edge = (x: number) => formatNumber(x);
  if (runs.length === 1 && runs[0].from === 0) return { pattern: "low", verdict: `rules out low values of ${name} (below ${edge(used[runs[0].to].high)})` };
  if (runs.length === 1 && runs[0].to === last) return { pattern: "high", verdict: `rules out high values of ${name} (above ${edge(used[runs[0].from].low)})` };
  if (runs.length === 1) return { pattern: "middle", verdict: `rules out middle values of ${name} (between ${edge(used[runs[0].from].low)} and ${edge(used[runs[0].to].high)})` };
  if (runs.length === 2 && runs[0].from === 0 && runs[1].to === last) {
    return { pattern: "ends", verdict: `rules out low and high values of ${name} (below ${edge(used[runs[0].to].high)} and above ${edge(used[runs[1].from].low)})` };
  }
  return { pattern: "scattered", verdict: `rules out values of ${name} in several separate parts of its range` };
}

/** Whether two bins' surviving shares differ by at least three pooled standard errors. */
function significant(a: ProfileBin, b: ProfileBin): boolean {
  const pa = (a.points - a.ruledOut) / a.points;
  const pb = (b.points - b.ruledOut) / b.points;
  const pooled = (a.points - a.ruledOut + b.points - b.ruledOut) / (a.points + b.points);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.points + 1 / b.points));
  return se === 0 ? pa !== pb : Math.abs(pa - pb) >= 3 * se;
}

/** Kolmogorov-Smirnov distance between the kept values' empirical distribution and all values'. */
export function ksDistance(values: readonly number[], kept: readonly boolean[]): number {
  const nKept = kept.filter(Boolean).length;
  if (nKept === 0 || values.length === 0) return 0;
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  let all = 0;
  let inKept = 0;
  let d = 0;
  order.forEach((i, pos) => {
    all++;
    if (kept[i]) inKept++;
    // Compare only after the last of a run of equal values, where both step functions are settled.
    if (pos + 1 < order.length && values[order[pos + 1]] === values[i]) return;
    d = Math.max(d, Math.abs(inKept / nKept - all / values.length));
  });
  return d;
}
