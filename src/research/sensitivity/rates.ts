// Standard errors for rates counted over N simulated runs, the usual kind of model output here.
import type { TargetEstimate } from "./history-matching.js";

/**
 * Standard error of a rate of `successes` in `n` runs, Agresti-Coull style: the rate is shrunk
 * towards 1/2 by adding z²/2 successes and z²/2 failures (about two of each at z = 1.96) before
 * taking sqrt(p(1 − p)/(n + z²)). The plain binomial formula gives 0 at 0 or n successes, which
 * would make a rate of 0/200 look exact and rule out every point a hair away from it; the
 * adjusted one stays positive and shrinks like 1/n. NaN when n = 0 (no denominator, no information).
 */
export function rateSe(successes: number, n: number, z = 1.959963984540054): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`rateSe: n must be a whole number >= 0, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) throw new RangeError(`rateSe: successes must be a whole number in 0..${n}, got ${successes}`);
  if (n === 0) return Number.NaN;
  const z2 = z * z;
  const adjustedN = n + z2;
  const p = (successes + z2 / 2) / adjustedN;
  return Math.sqrt((p * (1 - p)) / adjustedN);
}

/** A rate and its standard error, ready for `implausibility`; the value is the raw share (NaN with no runs). */
export function rateEstimate(successes: number, n: number): TargetEstimate {
  const se = rateSe(successes, n);
  return { value: n === 0 ? Number.NaN : successes / n, se };
}
