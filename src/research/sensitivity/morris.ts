// Morris elementary effects: a cheap screening of which factors matter at all. Each trajectory
// starts at a random grid point and moves one factor at a time by a fixed step, so k + 1 runs give
// one elementary effect per factor; many trajectories give their mean (direction), mean absolute
// value (importance) and spread (non-linearity or interaction). With groups (Campolongo, Cariboni and
// Saltelli, "An effective screening design for sensitivity analysis of large models", 2007), a step
// moves every factor of a group at once: G + 1 runs a trajectory for G groups, and mu* ranks groups.
import { validateProblem, scalePoints, type Problem } from "./problem.js";
import { permutation, randomIndex } from "./random.js";
import { checkBootstrapOptions, mean, percentileInterval, sampleSd } from "./stats.js";

export interface MorrisTrajectory {
  /** Indices into `points` of the k + 1 (or G + 1) points of this trajectory, in order. */
  rows: number[];
  /** factorOrder[s] is the factor (or, with groups, the group) moved between rows[s] and rows[s + 1]. */
  factorOrder: number[];
  /**
   * deltas[s] is the signed step (+Δ or −Δ, in unit space) taken at step s; +Δ for a group of several
   * factors, whose members move up or down each by its own level.
   */
  deltas: number[];
}

/** Factors screened together: `of[i]` is factor i's group, numbered from 0 in order of first appearance. */
export interface MorrisGroups {
  of: readonly number[];
  names: readonly string[];
}

export interface MorrisDesign {
  /** All points in the factors' own units, trajectory after trajectory. */
  points: number[][];
  trajectories: MorrisTrajectory[];
  /** The step in unit space, p / (2 (p − 1)). */
  delta: number;
  levels: number;
  /** The groups moved together, or null when every factor moves alone. */
  groups: MorrisGroups | null;
}

export interface MorrisDesignOptions {
  trajectories: number;
  /** Number of grid levels p per factor; even, so every level has a partner one step away (default 4). */
  levels?: number;
  rand: () => number;
  groups?: MorrisGroups;
}

/** Groups of factors named by the first `depth` dot-separated parts of their names ("crisis.plenum"). */
export function groupsByName(names: readonly string[], depth: number): MorrisGroups {
  if (!Number.isInteger(depth) || depth < 1) throw new RangeError(`morris: a group depth is a whole number of at least 1, got ${depth}`);
  const groupNames: string[] = [];
  const of = names.map((n) => {
    const name = n.split(".").slice(0, depth).join(".");
    let g = groupNames.indexOf(name);
    if (g < 0) g = groupNames.push(name) - 1;
    return g;
  });
  return { of, names: groupNames };
}

function checkGroups(groups: MorrisGroups, k: number): void {
  const g = groups.names.length;
  if (groups.of.length !== k) throw new RangeError(`morris: ${groups.of.length} group memberships for ${k} factors`);
  const seen = new Set(groups.of);
  if (groups.of.some((x) => !Number.isInteger(x) || x < 0 || x >= g) || seen.size !== g) throw new RangeError(`morris: every factor needs a group from 0 to ${g - 1}, and every group a factor`);
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
  const groups = options.groups ?? null;
  if (groups) checkGroups(groups, k);
  // Each unit moved in a step: a factor, or a group's members.
  const members: number[][] = groups ? groups.names.map((_, g) => groups.of.flatMap((x, i) => (x === g ? [i] : []))) : problem.factors.map((_, i) => [i]);
  const half = p / 2;
  const delta = p / (2 * (p - 1));
  const unit: number[][] = [];
  const trajectories: MorrisTrajectory[] = [];
  for (let t = 0; t < r; t++) {
    const levels = problem.factors.map(() => randomIndex(options.rand, p));
    const order = permutation(options.rand, members.length);
    const rows = [unit.length];
    const deltas: number[] = [];
    unit.push(levels.map((l) => l / (p - 1)));
    for (const g of order) {
      let up = true;
      for (const i of members[g]) {
        up = levels[i] < half;
        levels[i] += up ? half : -half;
      }
      deltas.push(members[g].length > 1 || up ? delta : -delta);
      rows.push(unit.length);
      unit.push(levels.map((l) => l / (p - 1)));
    }
    trajectories.push({ rows, factorOrder: order, deltas });
  }
  return { points: scalePoints(problem, unit), trajectories, delta, levels: p, groups: groups && { of: [...groups.of], names: [...groups.names] } };
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
  if (design.groups) checkGroups(design.groups, problem.factors.length);
  // What is screened: the factors, or their groups. A group's members may move in opposite
  // directions, so the sign of its effect means nothing: its mu is NaN, and mu* ranks it.
  const units = design.groups ? design.groups.names.map((name, g) => ({ name, alone: design.groups!.of.filter((x) => x === g).length === 1 })) : problem.factors.map((f) => ({ name: f.name, alone: true }));
  const k = units.length;
  const effects: number[][] = units.map(() => []);
  for (const t of design.trajectories) {
    if (t.factorOrder.length !== k) throw new Error(`morris: the design has ${t.factorOrder.length} ${design.groups ? "groups" : "factors"} per trajectory but the problem has ${k}`);
    t.factorOrder.forEach((i, s) => {
      const before = outputs[t.rows[s]];
      const after = outputs[t.rows[s + 1]];
      if (Number.isFinite(before) && Number.isFinite(after)) effects[i].push((after - before) / t.deltas[s]);
    });
  }
  return units.map((u, i) => {
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
    return { factor: u.name, mu: u.alone ? mean(ee) : Number.NaN, muStar, sigma: sampleSd(ee), muStarLow: interval.low, muStarHigh: interval.high, effects: ee.length };
  });
}
