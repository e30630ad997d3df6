// Latin hypercube sampling: n points that cover each factor's range evenly (one point in each of
// n equal strata per factor), which explores a costly model better than n independent draws.
import { scalePoints, type Problem } from "./problem.js";
import { permutation, uniform } from "./random.js";

/** The design in the unit cube, for methods (Sobol) that build on it before scaling. */
export function latinHypercubeUnit(k: number, n: number, rand: () => number): number[][] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`latin hypercube: need a whole number of points >= 1, got ${n}`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`latin hypercube: need at least one factor, got ${k}`);
  const points = Array.from({ length: n }, () => new Array<number>(k));
  for (let i = 0; i < k; i++) {
    // Strata are shuffled independently per factor so the factors are not correlated by design.
    const strata = permutation(rand, n);
    for (let j = 0; j < n; j++) points[j][i] = (strata[j] + uniform(rand)) / n;
  }
  return points;
}

/** n points in the factors' own units, ready to run; the same generator state gives the same points. */
export function latinHypercube(problem: Problem, n: number, rand: () => number): number[][] {
  return scalePoints(problem, latinHypercubeUnit(problem.factors.length, n, rand));
}
