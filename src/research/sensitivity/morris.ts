// Morris elementary effects: a cheap screening of which factors matter at all. Each trajectory
// starts at a random grid point and moves one factor at a time by a fixed step, so k + 1 runs give
// one elementary effect per factor; many trajectories give their mean (direction), mean absolute
// value (importance) and spread (non-linearity or interaction).
import { validateProblem, scalePoints, type Problem } from "./problem.js";
import { permutation, randomIndex } from "./random.js";
import { checkBootstrapOptions, mean, percentileInterval, sampleSd } from "./stats.js";

export interface MorrisTrajectory {
  /** Indices into `points` of the k + 1 points of this trajectory, in order. */
  rows: number[];
  /** factorOrder[s] is the factor moved between rows[s] and rows[s + 1]. */
  factorOrder: number[];
  /** deltas[s] is the signed step (+Δ or −Δ, in unit space) taken at step s. */
  deltas: number[];
}

export interface MorrisDesign {
  /** All points in the factors' own units, trajectory after trajectory. */
  points: number[][];
  trajectories: MorrisTrajectory[];
  /** The step in unit space, p / (2 (p − 1)). */
  delta: number;
  levels: number;
}

export interface MorrisDesignOptions {
  trajectories: number;
  /** Number of grid levels p per factor; even, so every level has a partner one step away (default 4). */
  levels?: number;
  rand: () => number;
}

/**
 * Builds r trajectories of k + 1 points each; run the model at every point (in order) and pass the
 * outputs to `analyseMorris`. Each factor's start level is drawn uniformly from the p grid levels
 * j / (p − 1); with Δ = p / (2 (p − 1)) = (p/2) grid steps, a level in the lower half can only move
 * up and one in the upper half only down, so the step's sign follows from the level and both the
 * start and the end of every step are uniform over the grid.
 */
export function morrisDesign(problem: Problem, options: MorrisDesignOptions): MorrisDesign {
  validateProblem(problem);
  const r = options.trajectories;
  const p = options.levels ?? 4;
  if (!Number.isInteger(r) || r < 2) throw new RangeError(`morris: need at least 2 trajectories, got ${r}`);
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) throw new RangeError(`morris: levels must be an even whole number >= 2, got ${p}`);
  const k = problem.factors.length;
  const half = p / 2;
  const delta = p / (2 * (p - 1));
  const unit: number[][] = [];
  const trajectories: MorrisTrajectory[] = [];
  for (let t = 0; t < r; t++) {
    const levels = problem.factors.map(() => randomIndex(options.rand, p));
    const order = permutation(options.rand, k);
    const rows = [unit.length];
    const deltas: number[] = [];
    unit.push(levels.map((l) => l / (p - 1)));
    for (const i of order) {
      const up = levels[i] < half;
      levels[i] += up ? half : -half;
      deltas.push(up ? delta : -delta);
      rows.push(unit.length);
      unit.push(levels.map((l) => l / (p - 1)));
    }
    trajectories.push({ rows, factorOrder: order, deltas });
  }
  return { points: scalePoints(problem, unit), trajectories, delta, levels: p };
}

export interface MorrisAnalysisOptions {
  /** Bootstrap resamples for the interval on mu* (default 1000; 0 for none). */
  bootstrap?: number;
  rand: () => number;
  confidence?: number;
}

export interface MorrisRow {
  factor: string;
  /** Mean elementary effect: its sign says whether the output tends to rise or fall with the factor. */
  mu: number;
  /** Mean absolute elementary effect: the factor's overall importance. */
  muStar: number;
  /** Sample standard deviation of the effects: non-linearity or interaction with other factors. */
  sigma: number;
  muStarLow: number;
  muStarHigh: number;
  /** How many effects went into the figures (trajectories whose two outputs were both numbers). */
  effects: number;
}

/**
 * Elementary effects EE = (y(x + Δe_i) − y(x)) / Δ with the signed step, Δ measured in unit space
 * (a fraction of the factor's range). An effect therefore reads "change in the output when the
 * factor goes from the bottom to the top of its range, at this slope", which makes factors with
 * ranges in different units comparable. A step whose either output is NaN (a rate with no
 * denominator) yields no effect for that factor rather than a NaN mean; `effects` counts what was left.
 * Figures with no effects (or sigma with fewer than two) are NaN. The mu* interval is a percentile
 * bootstrap over the factor's effects (one per trajectory).
 */
export function analyseMorris(design: MorrisDesign, problem: Problem, outputs: readonly number[], options: MorrisAnalysisOptions): MorrisRow[] {
  validateProblem(problem);
  const bootstrap = options.bootstrap ?? 1000;
  const confidence = options.confidence ?? 0.95;
  checkBootstrapOptions(bootstrap, confidence);
  if (outputs.length !== design.points.length) throw new Error(`morris: ${outputs.length} outputs for ${design.points.length} design points`);
  const k = problem.factors.length;
  const effects: number[][] = problem.factors.map(() => []);
  for (const t of design.trajectories) {
    if (t.factorOrder.length !== k) throw new Error(`morris: the design has ${t.factorOrder.length} factors per trajectory but the problem has ${k}`);
    t.factorOrder.forEach((i, s) => {
      const before = outputs[t.rows[s]];
      const after = outputs[t.rows[s + 1]];
      if (Number.isFinite(before) && Number.isFinite(after)) effects[i].push((after - before) / t.deltas[s]);
    });
  }
  return problem.factors.map((f, i) => {
    const ee = effects[i];
    const abs = ee.map(Math.abs);
    const muStar = mean(abs);
    const replicates: number[] = [];
    for (let b = 0; b < bootstrap && abs.length > 0; b++) {
      let s = 0;
      for (let j = 0; j < abs.length; j++) s += abs[randomIndex(options.rand, abs.length)];
      replicates.push(s / abs.length);
    }
    const interval = percentileInterval(replicates, confidence);
    return { factor: f.name, mu: mean(ee), muStar, sigma: sampleSd(ee), muStarLow: interval.low, muStarHigh: interval.high, effects: ee.length };
  });
}
