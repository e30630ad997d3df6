// Mapping data to pixels: linear scales with round-number ticks, and bands for categories.

export type Scale = (value: number) => number;

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (v) => (span === 0 ? (r0 + r1) / 2 : r0 + ((v - d0) / span) * (r1 - r0));
}

/** About `count` ticks at round steps (1, 2 or 5 times a power of ten) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max))) throw new RangeError(`niceTicks: bounds must be finite, got ${min}, ${max}`);
  if (max < min) [min, max] = [max, min];
  if (max === min) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw * 0.999) ?? 10 * power;
  const ticks: number[] = [];
  for (let i = Math.ceil(min / step - 1e-9); i * step <= max + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Round-number ticks from 0 whose last tick is at or above `max` (so the tallest bar fits). */
export function ticksFromZero(max: number, count = 4): number[] {
  const ticks = niceTicks(0, max > 0 ? max : 1, count);
  if (ticks.length < 2) return [0, 1];
  const step = ticks[1] - ticks[0];
  while (ticks[ticks.length - 1] < max - step * 1e-9) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

export interface Band {
  /** Start of the band for the i-th category. */
  start(index: number): number;
  /** Width of one band (without the gap). */
  width: number;
}

/** `n` equal bands over [from, to], separated by gaps of `gap` times a band's step. */
export function bandScale(n: number, from: number, to: number, gap = 0.2): Band {
  const step = (to - from) / Math.max(1, n);
  return { start: (i) => from + i * step + (step * gap) / 2, width: step * (1 - gap) };
}

export function percent(x: number, digits = 0): string {
  return `${(100 * x).toFixed(digits)}%`;
}
