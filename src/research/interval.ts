// Confidence intervals for rates estimated from Monte Carlo counts.

export interface Rate {
  count: number;
  of: number;
  /** count / of, or null when there were no trials. */
  rate: number | null;
  /** 95% Wilson score interval, or nulls when there were no trials. */
  low: number | null;
  high: number | null;
}

/** The Wilson score interval for `count` successes in `n` trials (z = 1.96 for 95%). */
export function wilson(count: number, n: number, z = 1.959963984540054): { low: number; high: number } {
  if (!(n > 0)) throw new RangeError(`wilson: need at least one trial, got ${n}`);
  if (count < 0 || count > n) throw new RangeError(`wilson: count ${count} is outside 0..${n}`);
  const p = count / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At the ends the interval touches 0 or 1 exactly (floating point would leave 0.9999999999999999).
  return { low: count === 0 ? 0 : Math.max(0, centre - half), high: count === n ? 1 : Math.min(1, centre + half) };
}

export function rateOf(count: number, of: number): Rate {
  if (of <= 0) return { count, of, rate: null, low: null, high: null };
  const { low, high } = wilson(count, of);
  return { count, of, rate: count / of, low, high };
}
