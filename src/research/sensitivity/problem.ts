// What is being varied: named factors with the ranges a sample is drawn from. Every design works
// in the unit cube [0,1]^k and maps to these ranges only at the end, so the methods stay the same
// whatever the units of the model's parameters.

export interface Factor {
  /** A name unique within the problem (a parameter path, for instance). */
  name: string;
  low: number;
  high: number;
}

export interface Problem {
  factors: readonly Factor[];
}

/** Refuses a problem no design can sample, with a message naming the faulty factor; call it before spending runs. */
export function validateProblem(problem: Problem): void {
  if (problem.factors.length === 0) throw new Error("sensitivity problem: there must be at least one factor");
  const seen = new Set<string>();
  for (const [i, f] of problem.factors.entries()) {
    if (typeof f.name !== "string" || f.name.trim() === "") throw new Error(`sensitivity problem: factor ${i + 1} has no name`);
    if (seen.has(f.name)) throw new Error(`sensitivity problem: factor name "${f.name}" is used twice`);
    seen.add(f.name);
    if (!Number.isFinite(f.low) || !Number.isFinite(f.high)) throw new Error(`sensitivity problem: factor "${f.name}" needs finite bounds, got ${f.low} to ${f.high}`);
    if (!(f.low < f.high)) throw new Error(`sensitivity problem: factor "${f.name}" needs low < high, got ${f.low} to ${f.high}`);
  }
}

/** Maps a point of the unit cube to the factors' own units, so designs never need to know the ranges. */
export function scale(problem: Problem, unitPoint: readonly number[]): number[] {
  validateProblem(problem);
  return scaleValidated(problem, unitPoint);
}

/** The inverse of `scale`, for placing a point given in the factors' units (the defaults) on unit-space plots and bins. */
export function toUnit(problem: Problem, point: readonly number[]): number[] {
  validateProblem(problem);
  checkLength(problem, point);
  return problem.factors.map((f, i) => (point[i] - f.low) / (f.high - f.low));
}

/** Scales many points after checking the problem once (designs produce thousands of points). */
export function scalePoints(problem: Problem, unitPoints: readonly (readonly number[])[]): number[][] {
  validateProblem(problem);
  return unitPoints.map((u) => scaleValidated(problem, u));
}

function scaleValidated(problem: Problem, unitPoint: readonly number[]): number[] {
  checkLength(problem, unitPoint);
  return problem.factors.map((f, i) => {
    const u = unitPoint[i];
    if (!(u >= 0 && u <= 1)) throw new Error(`sensitivity problem: unit coordinate ${u} for factor "${f.name}" is outside [0, 1]`);
    // At u = 1 return `high` itself: low + 1 * (high - low) can miss it by a rounding error.
    return u === 1 ? f.high : f.low + u * (f.high - f.low);
  });
}

function checkLength(problem: Problem, point: readonly number[]): void {
  if (point.length !== problem.factors.length) throw new Error(`sensitivity problem: a point has ${point.length} coordinates but there are ${problem.factors.length} factors`);
}
