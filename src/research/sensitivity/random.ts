// Draws from the caller's uniform generator. The library never makes its own randomness, so a
// design or a bootstrap is reproduced exactly by passing the same seeded generator again.

/** A uniform draw in [0, 1) from the caller's generator, checked so a broken generator fails loudly instead of skewing a design. */
export function uniform(rand: () => number): number {
  const u = rand();
  if (!(u >= 0 && u < 1)) throw new RangeError(`rand() must return a number in [0, 1), got ${u}`);
  return u;
}

/** A uniform index in 0..n-1, for resampling with replacement. */
export function randomIndex(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(uniform(rand) * n));
}

/** A uniformly random permutation of 0..n-1 (Fisher-Yates), for strata and factor orders. */
export function permutation(rand: () => number, n: number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomIndex(rand, i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}
