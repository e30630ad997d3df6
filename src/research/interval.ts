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

/**
 * One outcome observed in two variants on the same seeds: how many seeds had it in both, in the
 * first only, in the second only, and in neither (the paired 2x2 table).
 */
export interface PairedCounts {
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
}

export interface PairedDifference {
  /** Rate in the first variant minus rate in the second, or null when there were no pairs. */
  difference: number | null;
  /** 95% interval of the difference (Newcombe's square-and-add), or nulls when there were no pairs. */
  low: number | null;
  high: number | null;
}

/**
 * The difference between two proportions measured on the same seeds, with Newcombe's (1998)
 * square-and-add interval for paired data (his method 10): the two Wilson intervals are combined
 * with the correlation between the paired outcomes, so pairing on the seed narrows the interval as
 * much as the variants move together. The correlation is the phi coefficient with Newcombe's
 * continuity correction (as in Fagerland, Lydersen and Laake 2014, and Altman et al., "Statistics
 * with Confidence"). Unlike the Wald interval it stays inside [-1, 1] and behaves at rates of 0 or 1.
 */
export function pairedDifference(c: PairedCounts, z = 1.959963984540054): PairedDifference {
  for (const [name, v] of Object.entries(c)) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`pairedDifference: ${name} must be a count, got ${v}`);
  }
  const n = c.both + c.firstOnly + c.secondOnly + c.neither;
  if (n === 0) return { difference: null, low: null, high: null };
  const first = c.both + c.firstOnly;
  const second = c.both + c.secondOnly;
  const p1 = first / n;
  const p2 = second / n;
  const w1 = wilson(first, n, z);
  const w2 = wilson(second, n, z);
  const phi = correctedPhi(c, n);
  const difference = (c.firstOnly - c.secondOnly) / n;
  const down1 = p1 - w1.low;
  const up1 = w1.high - p1;
  const down2 = p2 - w2.low;
  const up2 = w2.high - p2;
  const below = Math.sqrt(Math.max(0, down1 * down1 - 2 * phi * down1 * up2 + up2 * up2));
  const above = Math.sqrt(Math.max(0, up1 * up1 - 2 * phi * up1 * down2 + down2 * down2));
  return { difference, low: Math.max(-1, difference - below), high: Math.min(1, difference + above) };
}

/** Phi of the paired table, shrunk towards 0 by n/2 when positive (0 when a margin is empty). */
function correctedPhi(c: PairedCounts, n: number): number {
  const margins = (c.both + c.firstOnly) * (c.secondOnly + c.neither) * (c.both + c.secondOnly) * (c.firstOnly + c.neither);
  if (margins === 0) return 0;
  const cross = c.both * c.neither - c.firstOnly * c.secondOnly;
  const corrected = cross > n / 2 ? cross - n / 2 : cross >= 0 ? 0 : cross;
  return corrected / Math.sqrt(margins);
}
