// Sobol variance-based indices: what share of the output's variance each factor explains alone
// (S1) and together with its interactions (ST). Needs n (k + 2) runs from the Saltelli design.
import { latinHypercubeUnit } from "./latin-hypercube.js";
import { scalePoints, validateProblem, type Problem } from "./problem.js";
import { randomIndex, uniform } from "./random.js";
import { checkBootstrapOptions, percentileInterval } from "./stats.js";

export interface SaltelliLayout {
  /** Base sample size n (rows per matrix). */
  n: number;
  k: number;
  /** Offset in `points` of row 0 of A (rows a .. a + n − 1). */
  a: number;
  b: number;
  /** ab[i] is the offset of row 0 of AB_i. */
  ab: number[];
}

export interface SaltelliDesign {
  /** Every row in the factors' own units, in the order A, B, AB_1 .. AB_k: n (k + 2) points. */
  points: number[][];
  layout: SaltelliLayout;
  /** The two independent base samples in unit space. */
  A: number[][];
  B: number[][];
  /** AB[i] is A with column i taken from B, in unit space. */
  AB: number[][][];
}

export interface SaltelliOptions {
  /** How A and B are drawn: independent Latin hypercubes (default; covers each range evenly) or plain uniform draws. */
  sampling?: "latin" | "uniform";
}

/** The runs Sobol indices need; run the model at every point and pass the outputs, in order, to `analyseSobol`. */
export function saltelliDesign(problem: Problem, n: number, rand: () => number, options: SaltelliOptions = {}): SaltelliDesign {
  validateProblem(problem);
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`sobol: need a base sample of at least 2 rows, got ${n}`);
  const k = problem.factors.length;
  const draw = (): number[][] =>
    options.sampling === "uniform" ? Array.from({ length: n }, () => Array.from({ length: k }, () => uniform(rand))) : latinHypercubeUnit(k, n, rand);
  const A = draw();
  const B = draw();
  const AB = problem.factors.map((_, i) => A.map((row, j) => row.map((v, c) => (c === i ? B[j][i] : v))));
  const layout: SaltelliLayout = { n, k, a: 0, b: n, ab: AB.map((_, i) => (i + 2) * n) };
  return { points: scalePoints(problem, [...A, ...B, ...AB.flat()]), layout, A, B, AB };
}

export interface SobolAnalysisOptions {
  /** Bootstrap resamples for the intervals (default 1000; 0 for none). */
  bootstrap?: number;
  rand: () => number;
  confidence?: number;
}

export interface SobolRow {
  factor: string;
  /** First-order index: the share of variance removed if the factor alone were fixed. */
  S1: number;
  S1Low: number;
  S1High: number;
  /** Total index: the share of variance left if every other factor were fixed. */
  ST: number;
  STLow: number;
  STHigh: number;
  /** Base rows used for this factor (those whose outputs in A, B and AB_i were all numbers). */
  rows: number;
}

/**
 * S1 by Saltelli et al. (2010): V_i = mean(f(B) (f(AB_i) − f(A))), and ST by Jansen (1999):
 * mean((f(A) − f(AB_i))^2) / 2, both divided by the variance of f over A and B together (outputs
 * centred on their mean first). Estimates carry Monte Carlo noise, so S1 can come out slightly
 * negative or ST slightly above 1. Rows with a NaN output in A, B or AB_i are left out for
 * factor i (its variance uses the same rows), and
 * `rows` says how many remained. Intervals are percentile bootstraps resampling the n base rows,
 * the same resample for A, B and every AB_i so the pairing the estimators rely on is kept.
 */
export function analyseSobol(design: SaltelliDesign, problem: Problem, outputs: readonly number[], options: SobolAnalysisOptions): SobolRow[] {
  validateProblem(problem);
  const bootstrap = options.bootstrap ?? 1000;
  const confidence = options.confidence ?? 0.95;
  checkBootstrapOptions(bootstrap, confidence);
  const { n, k, a, b, ab } = design.layout;
  if (k !== problem.factors.length) throw new Error(`sobol: the design has ${k} factors but the problem has ${problem.factors.length}`);
  if (outputs.length !== n * (k + 2)) throw new Error(`sobol: ${outputs.length} outputs for ${n * (k + 2)} design points`);
  const fA = outputs.slice(a, a + n);
  const fB = outputs.slice(b, b + n);
  const identity = Int32Array.from({ length: n }, (_, j) => j);
  const perFactor = problem.factors.map((_, i) => centred(fA, fB, outputs.slice(ab[i], ab[i] + n)));
  const s1 = perFactor.map(() => new Array<number>(bootstrap));
  const st = perFactor.map(() => new Array<number>(bootstrap));
  // One resample of the base rows at a time, shared by every factor; the buffer is reused so memory
  // stays O(n k) however many resamples are asked for.
  const rows = new Int32Array(n);
  for (let r = 0; r < bootstrap; r++) {
    for (let j = 0; j < n; j++) rows[j] = randomIndex(options.rand, n);
    perFactor.forEach((c, i) => {
      const e = indices(c, rows);
      s1[i][r] = e.S1;
      st[i][r] = e.ST;
    });
  }
  return problem.factors.map((f, i) => {
    const point = indices(perFactor[i], identity);
    const i1 = percentileInterval(s1[i], confidence);
    const iT = percentileInterval(st[i], confidence);
    return { factor: f.name, S1: point.S1, S1Low: i1.low, S1High: i1.high, ST: point.ST, STLow: iT.low, STHigh: iT.high, rows: point.rows };
  });
}

interface Centred {
  fA: Float64Array;
  fB: Float64Array;
  fAB: Float64Array;
  /** 1 where the row's three outputs are all numbers. */
  usable: Uint8Array;
}

/**
 * One factor's outputs, centred on the mean of its usable A and B outputs. The S1 estimator is not
 * shift-invariant in a finite sample (adding c to f adds c * mean(f(AB_i) − f(A)), pure noise), so
 * an output far from zero would blur it; the indices themselves do not depend on the offset.
 */
function centred(fA: readonly number[], fB: readonly number[], fAB: readonly number[]): Centred {
  const n = fA.length;
  const usable = Uint8Array.from({ length: n }, (_, j) => (Number.isFinite(fA[j]) && Number.isFinite(fB[j]) && Number.isFinite(fAB[j]) ? 1 : 0));
  let centre = 0;
  let count = 0;
  for (let j = 0; j < n; j++) {
    if (!usable[j]) continue;
    centre += fA[j] + fB[j];
    count += 2;
  }
  centre = count > 0 ? centre / count : 0;
  return { fA: Float64Array.from(fA, (v) => v - centre), fB: Float64Array.from(fB, (v) => v - centre), fAB: Float64Array.from(fAB, (v) => v - centre), usable };
}

/** Both estimators over the given base rows (with repeats, for a bootstrap resample), skipping unusable ones. */
function indices({ fA, fB, fAB, usable }: Centred, rows: Int32Array): { S1: number; ST: number; rows: number } {
  let m = 0;
  let sum = 0;
  let sumSq = 0;
  let first = 0;
  let total = 0;
  for (let r = 0; r < rows.length; r++) {
    const j = rows[r];
    if (usable[j] === 0) continue;
    const a = fA[j];
    const b = fB[j];
    const d = fAB[j] - a;
    m++;
    sum += a + b;
    sumSq += a * a + b * b;
    first += b * d;
    total += d * d;
  }
  if (m < 2) return { S1: Number.NaN, ST: Number.NaN, rows: m };
  const avg = sum / (2 * m);
  const variance = sumSq / (2 * m) - avg * avg;
  // A constant output has no variance to share out; NaN says "undefined" rather than 0 or Infinity.
  if (!(variance > 0)) return { S1: Number.NaN, ST: Number.NaN, rows: m };
  return { S1: first / m / variance, ST: total / (2 * m) / variance, rows: m };
}
