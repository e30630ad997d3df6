// History matching: instead of searching for one best-fitting parameter set, rule out the points
// whose simulated outcomes are implausibly far from what really happened, and keep the rest as
// the set of settings the history cannot tell apart. Each target is a band of acceptable values;
// a point is ruled out as soon as one target's implausibility reaches the cutoff.
import { factorProfile, factorSummary, ksDistance, type FactorSummary, type FactorTargetProfile } from "./factor-profiles.js";
import { validateProblem, type Factor, type Problem } from "./problem.js";

export interface Target {
  id: string;
  label: string;
  /** Lower edge of the acceptable band, or null for none. */
  low: number | null;
  /** Upper edge of the acceptable band, or null for none. */
  high: number | null;
  /** Model discrepancy for this target (same units as the value); overrides the match-wide default. */
  discrepancy?: number;
}

export interface TargetEstimate {
  /** The Monte Carlo estimate; NaN when it has no denominator (e.g. no run reached the event). */
  value: number;
  /** Its standard error. */
  se: number;
}

export interface ImplausibilityOptions {
  /** How far the model may be from reality even at the right parameters, as a standard deviation (default 0). */
  discrepancy?: number;
}

/**
 * The smallest standard error used. A deterministic output (or a rate computed without an adjusted
 * standard error) has se = 0, and a miss would then divide by zero; the floor keeps the
 * implausibility finite (so it sorts, prints and survives JSON) while any visible miss still
 * lands far above every sensible cutoff.
 */
export const MIN_SE = 1e-9;

/**
 * How many standard deviations the estimate lies outside the target band: 0 inside it, else the
 * distance to the nearest edge over sqrt(se² + discrepancy²). A NaN estimate says nothing about the
 * point, so it scores 0 (it cannot rule the point out); `historyMatch` counts such cases separately.
 */
export function implausibility(target: Target, estimate: TargetEstimate, options: ImplausibilityOptions = {}): number {
  checkTarget(target);
  if (Number.isNaN(estimate.value)) return 0;
  if (!Number.isFinite(estimate.value)) throw new RangeError(`implausibility: target "${target.id}" got a non-finite estimate ${estimate.value}`);
  if (!(estimate.se >= 0)) throw new RangeError(`implausibility: target "${target.id}" needs a standard error >= 0, got ${estimate.se}`);
  const discrepancy = target.discrepancy ?? options.discrepancy ?? 0;
  if (!(discrepancy >= 0)) throw new RangeError(`implausibility: target "${target.id}" needs a discrepancy >= 0, got ${discrepancy}`);
  const below = target.low !== null && estimate.value < target.low ? target.low - estimate.value : 0;
  const above = target.high !== null && estimate.value > target.high ? estimate.value - target.high : 0;
  const distance = Math.max(below, above);
  if (distance === 0) return 0;
  const se = Math.max(estimate.se, MIN_SE);
  return distance / Math.sqrt(se * se + discrepancy * discrepancy);
}

export interface MatchOptions {
  /** A point is kept while its largest implausibility is below this (default 3, Pukelsheim's three-sigma rule). */
  cutoff?: number;
  /** Default model discrepancy for targets that do not set their own (default 0). */
  discrepancy?: number;
}

export interface PointAssessment {
  /** One implausibility per target, in the targets' order. */
  implausibility: number[];
  max: number;
  kept: boolean;
  /** Ids of the targets whose estimate was NaN here (they could not rule the point out). */
  uninformative: string[];
}

/** Where one point (the scenario's defaults, say) stands against the targets, for a line like "the defaults are ruled out by X". */
export function assessPoint(targets: readonly Target[], estimates: readonly TargetEstimate[], options: MatchOptions = {}): PointAssessment {
  const cutoff = checkCutoff(options.cutoff ?? 3);
  if (estimates.length !== targets.length) throw new Error(`history matching: ${estimates.length} estimates for ${targets.length} targets`);
  const values = targets.map((t, i) => implausibility(t, estimates[i], { discrepancy: options.discrepancy }));
  const max = Math.max(0, ...values);
  return { implausibility: values, max, kept: max < cutoff, uninformative: targets.filter((_, i) => Number.isNaN(estimates[i].value)).map((t) => t.id) };
}

export interface HistoryMatchOptions extends MatchOptions {
  /** Equal-width bins per factor range for the profiles (default 5). */
  bins?: number;
  /** For a verdict to name a side, the emptiest bin may keep at most (1 − contrast) of the share the fullest keeps (default 0.5). */
  contrast?: number;
  /** A point to place against the result (the defaults), with its own estimates. */
  reference?: { label: string; values: readonly number[]; estimates: readonly TargetEstimate[] };
}

export interface TargetSummary extends Target {
  /** Points this target rules out (implausibility at or above the cutoff). */
  rulesOut: number;
  /** Points this target alone rules out (every other target would have kept them). */
  rulesOutAlone: number;
  /** Points where this target's estimate was NaN. */
  uninformative: number;
}

export interface MatchedPoint extends PointAssessment {
  /** The point in the factors' own units. */
  values: number[];
}

export interface HistoryMatchResult {
  cutoff: number;
  factors: Factor[];
  targets: TargetSummary[];
  points: MatchedPoint[];
  /** Indices of the points kept (largest implausibility below the cutoff). */
  kept: number[];
  /** Per factor: the kept points' range, the histogram of kept against all, and how much the targets constrain it. */
  factorSummaries: FactorSummary[];
  /** Per factor and target: the histogram of points ruled out by that target, and a verdict. */
  profiles: FactorTargetProfile[];
  reference: (MatchedPoint & { label: string }) | null;
}

/**
 * Scores every point (in factor units, as sampled, e.g. by `latinHypercube`) against every target,
 * from the per-point, per-target estimates the model runs produced, and summarises which targets
 * do the ruling out and along which factors.
 */
export function historyMatch(
  problem: Problem,
  points: readonly (readonly number[])[],
  estimates: readonly (readonly TargetEstimate[])[],
  targets: readonly Target[],
  options: HistoryMatchOptions = {},
): HistoryMatchResult {
  validateProblem(problem);
  const cutoff = checkCutoff(options.cutoff ?? 3);
  const bins = options.bins ?? 5;
  const contrast = options.contrast ?? 0.5;
  if (!Number.isInteger(bins) || bins < 2) throw new RangeError(`history matching: bins must be a whole number >= 2, got ${bins}`);
  if (!(contrast > 0 && contrast <= 1)) throw new RangeError(`history matching: contrast must be in (0, 1], got ${contrast}`);
  if (targets.length === 0) throw new Error("history matching: there must be at least one target");
  const ids = new Set<string>();
  for (const t of targets) {
    checkTarget(t);
    if (ids.has(t.id)) throw new Error(`history matching: target id "${t.id}" is used twice`);
    ids.add(t.id);
  }
  if (estimates.length !== points.length) throw new Error(`history matching: ${estimates.length} sets of estimates for ${points.length} points`);
  const k = problem.factors.length;
  const match = { cutoff, discrepancy: options.discrepancy };
  const assessed: MatchedPoint[] = points.map((p, i) => {
    if (p.length !== k) throw new Error(`history matching: point ${i} has ${p.length} coordinates but there are ${k} factors`);
    return { values: [...p], ...assessPoint(targets, estimates[i], match) };
  });
  const kept = assessed.flatMap((p, i) => (p.kept ? [i] : []));
  const summaries: TargetSummary[] = targets.map((t, ti) => {
    let rulesOut = 0;
    let alone = 0;
    let uninformative = 0;
    for (const p of assessed) {
      if (p.uninformative.includes(t.id)) uninformative++;
      if (p.implausibility[ti] < cutoff) continue;
      rulesOut++;
      if (p.implausibility.every((v, j) => j === ti || v < cutoff)) alone++;
    }
    return { ...t, rulesOut, rulesOutAlone: alone, uninformative };
  });
  const profiles = problem.factors.flatMap((f, fi) =>
    targets.map((t, ti) =>
      factorProfile(
        f,
        t.id,
        assessed.map((p) => p.values[fi]),
        assessed.map((p) => p.implausibility[ti] >= cutoff),
        assessed.map((p) => p.kept),
        bins,
        contrast,
      ),
    ),
  );
  const factorSummaries = problem.factors.map((f, fi) =>
    factorSummary(
      f,
      assessed.map((p) => p.values[fi]),
      assessed.map((p) => p.kept),
      bins,
      contrast,
    ),
  );
  let reference: HistoryMatchResult["reference"] = null;
  if (options.reference) {
    if (options.reference.values.length !== k) throw new Error(`history matching: the reference point has ${options.reference.values.length} coordinates but there are ${k} factors`);
    reference = { label: options.reference.label, values: [...options.reference.values], ...assessPoint(targets, options.reference.estimates, match) };
  }
  return { cutoff, factors: problem.factors.map((f) => ({ ...f })), targets: summaries, points: assessed, kept, factorSummaries, profiles, reference };
}

/** The factors the targets constrain most (by `constraint`, ties in the problem's order), at most `max` and never more than 6: the ones worth a pairs plot. */
export function mostConstrained(result: HistoryMatchResult, max = 6): number[] {
  return result.factorSummaries
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.constraint - a.s.constraint || a.i - b.i)
    .slice(0, Math.max(1, Math.min(6, max)))
    .map((x) => x.i);
}

export interface TargetShift {
  factor: string;
  /** Kolmogorov-Smirnov distance between the factor's values at the points the target keeps and at all points. */
  distance: number;
}

/**
 * Per target, the factors whose distribution it shifts most: among the points the target alone would
 * keep (implausibility below the cutoff), how far each factor's values depart from the whole
 * sample's, largest first; at most `max`, and only factors it shifts at all. A target that rules out
 * nothing shifts nothing.
 */
export function targetShifts(result: HistoryMatchResult, max = 5): { target: string; shifts: TargetShift[] }[] {
  return result.targets.map((t, ti) => {
    const keeps = result.points.map((p) => p.implausibility[ti] < result.cutoff);
    const shifts = result.factors
      .map((f, fi) => ({ factor: f.name, distance: ksDistance(result.points.map((p) => p.values[fi]), keeps), order: fi }))
      .filter((s) => s.distance > 0)
      .sort((a, b) => b.distance - a.distance || a.order - b.order)
      .slice(0, max)
      .map(({ factor, distance }) => ({ factor, distance }));
    return { target: t.id, shifts };
  });
}

function checkTarget(t: Target): void {
  if (t.low === null && t.high === null) throw new Error(`history matching: target "${t.id}" has neither a low nor a high edge`);
  for (const edge of [t.low, t.high]) if (edge !== null && !Number.isFinite(edge)) throw new Error(`history matching: target "${t.id}" has a non-finite edge ${edge}`);
  if (t.low !== null && t.high !== null && t.low > t.high) throw new Error(`history matching: target "${t.id}" has low ${t.low} above high ${t.high}`);
}

function checkCutoff(cutoff: number): number {
  if (!(cutoff > 0 && Number.isFinite(cutoff))) throw new RangeError(`history matching: cutoff must be a positive number, got ${cutoff}`);
  return cutoff;
}
