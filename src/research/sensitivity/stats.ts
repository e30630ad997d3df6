// The few summary statistics the analyses share, written once so every estimator and its
// bootstrap use the same definitions.

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Sample standard deviation (n - 1 in the denominator), NaN below two values: one effect says nothing about spread. */
export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return Number.NaN;
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return Math.sqrt(ss / (xs.length - 1));
}

/** Quantile with linear interpolation between order statistics (R's type 7), on a sorted copy. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The percentile bootstrap interval: the (1 - confidence)/2 and (1 + confidence)/2 quantiles of the
 * replicates. Non-finite replicates (a resample with no usable rows) are dropped; NaN if none is left.
 */
export function percentileInterval(replicates: readonly number[], confidence: number): { low: number; high: number } {
  const finite = replicates.filter(Number.isFinite);
  if (finite.length === 0) return { low: Number.NaN, high: Number.NaN };
  return { low: quantile(finite, (1 - confidence) / 2), high: quantile(finite, (1 + confidence) / 2) };
}

/** Checks the common bootstrap options once, so each analyser reports the same clear errors. */
export function checkBootstrapOptions(bootstrap: number, confidence: number): void {
  if (!Number.isInteger(bootstrap) || bootstrap < 0) throw new RangeError(`bootstrap must be a whole number of resamples (0 for none), got ${bootstrap}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
}
