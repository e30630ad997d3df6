// Calibration by history matching against model/targets.yaml: a Latin hypercube over the selected
// parameters' ranges, with the defaults played as point 0 so their standing is known, then every
// target's implausibility at every point, the points no target rules out, and which targets rule
// out which parts of which parameters. Pure: the design, and the analysis of what was measured.
import { historyMatch, latinHypercube, targetShifts, type HistoryMatchResult, type Target, type TargetEstimate, type TargetShift } from "./sensitivity/index.js";
import type { CalibrationTarget } from "./targets.js";
import { playedValues, problemOf, studyRandom, type StudyParameter } from "./study-design.js";

/** Point 0: the parameters' defaults (the scenarios as written). */
export const DEFAULTS_POINT = 0;
export const DEFAULTS_LABEL = "the defaults";

/** The values played at every point: the defaults first, then the sample. */
export function calibrationPoints(parameters: readonly StudyParameter[], samples: number, seed: number): number[][] {
  const sample = latinHypercube(problemOf(parameters), samples, studyRandom(seed, "latinHypercube")).map((p) => playedValues(parameters, p));
  return [parameters.map((p) => p.default), ...sample];
}

export function historyTargets(targets: readonly CalibrationTarget[]): Target[] {
  return targets.map((t) => ({ id: t.id, label: t.id, low: t.band[0], high: t.band[1], discrepancy: t.discrepancy }));
}

export interface CalibrationAnalysis {
  match: HistoryMatchResult;
  /** Indices (in the study's numbering) of the sampled points the match covers, in its order. */
  sampled: number[];
  shifts: { target: string; shifts: TargetShift[] }[];
}

/**
 * The match over the sampled points that have been played (all of them, unless the study was
 * stopped), with the defaults as the reference point when they have been played.
 */
export function analyseCalibration(
  parameters: readonly StudyParameter[],
  targets: readonly CalibrationTarget[],
  played: ReadonlyMap<number, { values: number[]; estimates: Record<string, TargetEstimate> }>,
  cutoff: number,
): CalibrationAnalysis {
  const byTarget = (e: Record<string, TargetEstimate>) => targets.map((t) => e[t.id] ?? { value: Number.NaN, se: Number.NaN });
  const sampled = [...played.keys()].filter((i) => i !== DEFAULTS_POINT).sort((a, b) => a - b);
  const defaults = played.get(DEFAULTS_POINT);
  const match = historyMatch(
    problemOf(parameters),
    sampled.map((i) => played.get(i)!.values),
    sampled.map((i) => byTarget(played.get(i)!.estimates)),
    historyTargets(targets),
    { cutoff, reference: defaults ? { label: DEFAULTS_LABEL, values: defaults.values, estimates: byTarget(defaults.estimates) } : undefined },
  );
  return { match, sampled, shifts: targetShifts(match, 5) };
}
