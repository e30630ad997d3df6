// History matching: implausibility, rate standard errors, and a planted-truth toy model whose
// outcomes are simulated as binomial rates, where we know which settings should survive.
import { describe, expect, it } from "vitest";
import {
  assessPoint,
  historyMatch,
  implausibility,
  latinHypercube,
  MIN_SE,
  mostConstrained,
  rateEstimate,
  targetShifts,
  rateSe,
  toUnit,
  type Problem,
  type Target,
  type TargetEstimate,
} from "../src/research/sensitivity/index.js";
import { mulberry32 } from "./test-random.js";

const band = (low: number | null, high: number | null, extra: Partial<Target> = {}): Target => ({ id: "t", label: "T", low, high, ...extra });

describe("implausibility", () => {
  it("is 0 inside the band and the distance to the nearest edge in standard errors outside it", () => {
    const t = band(0.4, 0.6);
    expect(implausibility(t, { value: 0.5, se: 0.01 })).toBe(0);
    expect(implausibility(t, { value: 0.4, se: 0.01 })).toBe(0);
    expect(implausibility(t, { value: 0.35, se: 0.01 })).toBeCloseTo(5, 12);
    expect(implausibility(t, { value: 0.66, se: 0.02 })).toBeCloseTo(3, 12);
  });

  it("handles open-ended bands", () => {
    expect(implausibility(band(0.3, null), { value: 0.99, se: 0.01 })).toBe(0);
    expect(implausibility(band(0.3, null), { value: 0.2, se: 0.05 })).toBeCloseTo(2, 12);
    expect(implausibility(band(null, 0.1), { value: -5, se: 0.01 })).toBe(0);
    expect(implausibility(band(null, 0.1), { value: 0.13, se: 0.01 })).toBeCloseTo(3, 12);
  });

  it("adds the model discrepancy to the estimate's variance; a target's own discrepancy wins", () => {
    expect(implausibility(band(0.4, 0.6), { value: 0.3, se: 0.03 }, { discrepancy: 0.04 })).toBeCloseTo(0.1 / 0.05, 12);
    expect(implausibility(band(0.4, 0.6, { discrepancy: 0 }), { value: 0.3, se: 0.03 }, { discrepancy: 0.04 })).toBeCloseTo(0.1 / 0.03, 12);
  });

  it("keeps a zero standard error finite with the floor, and treats NaN estimates as uninformative", () => {
    const v = implausibility(band(0.4, 0.6), { value: 0.3, se: 0 });
    expect(v).toBeCloseTo(0.1 / MIN_SE, 0);
    expect(Number.isFinite(v)).toBe(true);
    expect(implausibility(band(0.4, 0.6), { value: 0.5, se: 0 })).toBe(0);
    expect(implausibility(band(0.4, 0.6), { value: Number.NaN, se: Number.NaN })).toBe(0);
  });

  it("refuses nonsense", () => {
    expect(() => implausibility(band(null, null), { value: 1, se: 1 })).toThrow(/neither/);
    expect(() => implausibility(band(0.6, 0.4), { value: 1, se: 1 })).toThrow(/above high/);
    expect(() => implausibility(band(0.4, 0.6), { value: 1, se: -1 })).toThrow(/standard error/);
    expect(() => implausibility(band(0.4, 0.6), { value: 1, se: Number.NaN })).toThrow(/standard error/);
    expect(() => implausibility(band(0.4, 0.6), { value: Number.POSITIVE_INFINITY, se: 1 })).toThrow(/non-finite/);
  });
});

describe("rateSe", () => {
  it("is close to the binomial standard error in the middle, positive at 0 and n, symmetric, NaN with no runs", () => {
    expect(rateSe(500, 1000)).toBeCloseTo(Math.sqrt(0.25 / 1000), 4);
    expect(rateSe(0, 200)).toBeGreaterThan(0);
    expect(rateSe(200, 200)).toBeCloseTo(rateSe(0, 200), 15);
    expect(rateSe(30, 100)).toBeCloseTo(rateSe(70, 100), 15);
    // Agresti-Coull: p~ = (0 + 1.92) / (200 + 3.84), se = sqrt(p~(1 − p~) / 203.84).
    const p = 1.959963984540054 ** 2 / 2 / (200 + 1.959963984540054 ** 2);
    expect(rateSe(0, 200)).toBeCloseTo(Math.sqrt((p * (1 - p)) / (200 + 1.959963984540054 ** 2)), 15);
    expect(rateSe(0, 2000)).toBeLessThan(rateSe(0, 200));
    expect(rateSe(0, 0)).toBeNaN();
    expect(rateEstimate(0, 0).value).toBeNaN();
    expect(rateEstimate(3, 12)).toEqual({ value: 0.25, se: rateSe(3, 12) });
    expect(() => rateSe(5, 4)).toThrow(RangeError);
    expect(() => rateSe(1.5, 4)).toThrow(RangeError);
  });
});

describe("history matching a planted truth", () => {
  // Two outcome rates, each simulated as a binomial count over N runs: the first depends on x1
  // only, the second on x2 only; x3 does nothing.
  const problem: Problem = {
    factors: [
      { name: "x1", low: 0, high: 1 },
      { name: "x2", low: 0, high: 2 },
      { name: "x3", low: -1, high: 1 },
    ],
  };
  const N = 400;
  const logistic = (z: number) => 1 / (1 + Math.exp(-z));
  const rate1 = (x: readonly number[]) => logistic(4 * (x[0] - 0.6));
  const rate2 = (x: readonly number[]) => 0.1 + 0.4 * x[1];
  const planted = [0.75, 1.2, 0];
  const targets: Target[] = [
    // One-sided: "at least this often", so only low x1 can be ruled out.
    { id: "removed", label: "Leader removed", low: rate1(planted) - 0.05, high: null },
    { id: "by-vote", label: "Removed by a vote", low: rate2(planted) - 0.08, high: rate2(planted) + 0.08 },
  ];
  const rand = mulberry32(2024);
  const binomial = (p: number) => {
    let k = 0;
    for (let i = 0; i < N; i++) if (rand() < p) k++;
    return k;
  };
  const simulate = (x: readonly number[]): TargetEstimate[] => [rateEstimate(binomial(rate1(x)), N), rateEstimate(binomial(rate2(x)), N)];
  const points = latinHypercube(problem, 600, mulberry32(7));
  const estimates = points.map(simulate);
  const result = historyMatch(problem, points, estimates, targets, { reference: { label: "The planted point", values: planted, estimates: simulate(planted) } });

  /** Implausibility of the true rate, with the binomial sd at the true rate. */
  const trueImplausibility = (t: Target, r: number) => implausibility(t, { value: r, se: Math.sqrt((r * (1 - r)) / N) });

  it("keeps the points near the planted one", () => {
    const p = toUnit(problem, planted);
    const near = points.map((x, i) => ({ u: toUnit(problem, x), i })).filter(({ u }) => Math.abs(u[0] - p[0]) < 0.05 && Math.abs(u[1] - p[1]) < 0.05);
    expect(near.length).toBeGreaterThan(0);
    for (const { i } of near) expect(result.points[i].kept, `point ${points[i]}`).toBe(true);
    expect(result.kept.length).toBeGreaterThan(0);
    expect(result.kept.length).toBeLessThan(points.length / 2);
  });

  it("rules out every point whose true rates are far outside the bands", () => {
    let far = 0;
    points.forEach((x, i) => {
      const truth = Math.max(trueImplausibility(targets[0], rate1(x)), trueImplausibility(targets[1], rate2(x)));
      if (truth < 8) return;
      far++;
      expect(result.points[i].kept, `point ${x}`).toBe(false);
    });
    expect(far).toBeGreaterThan(points.length / 3);
    // And what is kept is close to the truth: no kept point has a true rate more than 5 sd outside a band.
    for (const i of result.kept) {
      expect(trueImplausibility(targets[0], rate1(points[i]))).toBeLessThan(5);
      expect(trueImplausibility(targets[1], rate2(points[i]))).toBeLessThan(5);
    }
  });

  it("counts what each target rules out, alone and at all, consistently with the points", () => {
    const out = (i: number, t: number) => result.points[i].implausibility[t] >= result.cutoff;
    result.targets.forEach((t, ti) => {
      expect(t.rulesOut).toBe(points.filter((_, i) => out(i, ti)).length);
      expect(t.rulesOutAlone).toBe(points.filter((_, i) => out(i, ti) && !out(i, 1 - ti)).length);
      expect(t.rulesOutAlone).toBeGreaterThan(0);
      expect(t.uninformative).toBe(0);
    });
    expect(result.kept).toEqual(points.flatMap((_, i) => (!out(i, 0) && !out(i, 1) ? [i] : [])));
    for (const p of result.points) expect(p.max).toBe(Math.max(...p.implausibility));
  });

  it("says which factor each target shifts most: x1 for removal, x2 for the vote, x3 never first", () => {
    const shifts = targetShifts(result, 3);
    expect(shifts.map((s) => s.target)).toEqual(["removed", "by-vote"]);
    expect(shifts[0].shifts[0].factor).toBe("x1");
    expect(shifts[1].shifts[0].factor).toBe("x2");
    for (const s of shifts) {
      expect(s.shifts.length).toBeLessThanOrEqual(3);
      // The planted-irrelevant x3 moves only by sampling noise, far less than the factor that matters.
      const x3 = s.shifts.find((x) => x.factor === "x3");
      if (x3) expect(x3.distance).toBeLessThan(s.shifts[0].distance / 3);
      expect([...s.shifts].sort((a, b) => b.distance - a.distance)).toEqual(s.shifts);
    }
  });

  it("names the right factor and side in its verdicts", () => {
    const profile = (factor: string, target: string) => result.profiles.find((p) => p.factor === factor && p.target === target)!;
    const low = profile("x1", "removed");
    expect(low.pattern).toBe("low");
    // The band's edge is at x1 = 0.70 and noise blurs it down to about 0.62: ruled out below 0.6 (a bin edge).
    expect(low.verdict).toBe("rules out low values of x1 (below 0.6)");
    const ends = profile("x2", "by-vote");
    expect(ends.pattern).toBe("ends");
    expect(ends.verdict).toBe("rules out low and high values of x2 (below 0.8 and above 1.6)");
    for (const [factor, target] of [["x1", "by-vote"], ["x2", "removed"], ["x3", "removed"], ["x3", "by-vote"]]) {
      expect(profile(factor, target).pattern, `${factor} / ${target}`).toBe("flat");
    }
    // All targets together: the overall verdicts still find the sides, though 86% of points are
    // ruled out everywhere along x1 by the other target.
    expect(result.factorSummaries.map((f) => f.pattern)).toEqual(["low", "ends", "flat"]);
    expect(result.factorSummaries[0].verdict).toBe("rules out low values of x1 (below 0.6)");
    // The histograms add up.
    for (const p of result.profiles) expect(p.bins.reduce((s, b) => s + b.points, 0)).toBe(points.length);
  });

  it("ranks the factors by how much the targets constrain them, x3 last", () => {
    expect(mostConstrained(result)).toEqual([0, 1, 2]);
    const [x1, x2, x3] = result.factorSummaries;
    expect(x1.constraint).toBeGreaterThan(0.4);
    expect(x3.constraint).toBeLessThan(0.15);
    expect(x1.keptLow!).toBeGreaterThan(0.55);
    expect(x2.keptLow!).toBeGreaterThan(0.7);
    expect(x2.keptHigh!).toBeLessThan(1.7);
    expect(x3.keptLow!).toBeLessThan(-0.8);
  });

  it("places the planted point among the kept", () => {
    expect(result.reference).not.toBeNull();
    expect(result.reference!.kept).toBe(true);
    expect(result.reference!.max).toBeLessThan(result.cutoff);
    expect(result.reference!.values).toEqual(planted);
    // A point far from it is placed as ruled out, by the right target.
    const wrong = assessPoint(targets, simulate([0.1, 1.2, 0]));
    expect(wrong.kept).toBe(false);
    expect(wrong.implausibility[0]).toBeGreaterThan(3);
    expect(wrong.implausibility[1]).toBeLessThan(3);
  });
});

describe("verdicts", () => {
  // One factor sampled evenly, a deterministic estimate that misses the band where `out` says.
  const problem: Problem = { factors: [{ name: "a", low: 0, high: 10 }] };
  const target: Target = { id: "t", label: "T", low: 0, high: 1 };
  const verdict = (out: (a: number) => boolean) => {
    const points = Array.from({ length: 100 }, (_, i) => [(i + 0.5) / 10]);
    const estimates = points.map(([a]) => [{ value: out(a) ? 2 : 0.5, se: 0.01 }]);
    const r = historyMatch(problem, points, estimates, [target]);
    return { pattern: r.profiles[0].pattern, verdict: r.profiles[0].verdict };
  };

  it("names each shape of ruled-out region", () => {
    expect(verdict((a) => a < 4)).toEqual({ pattern: "low", verdict: "rules out low values of a (below 4)" });
    expect(verdict((a) => a >= 6)).toEqual({ pattern: "high", verdict: "rules out high values of a (above 6)" });
    expect(verdict((a) => a >= 4 && a < 6)).toEqual({ pattern: "middle", verdict: "rules out middle values of a (between 4 and 6)" });
    expect(verdict((a) => a < 2 || a >= 8)).toEqual({ pattern: "ends", verdict: "rules out low and high values of a (below 2 and above 8)" });
    expect(verdict((a) => a < 2 || (a >= 4 && a < 6) || a >= 8).pattern).toBe("scattered");
    expect(verdict(() => false)).toEqual({ pattern: "none", verdict: "rules out no points" });
    expect(verdict(() => true)).toEqual({ pattern: "flat", verdict: "rules out 100% of points, about equally across the range of a" });
    // Every other point: the same share in every bin, whatever the factor.
    expect(verdict((a) => Math.floor(a * 10) % 2 === 0).pattern).toBe("flat");
  });
});

describe("history matching with undefined estimates", () => {
  it("counts NaN estimates separately and never rules a point out with them", () => {
    const problem: Problem = { factors: [{ name: "a", low: 0, high: 1 }] };
    const targets: Target[] = [
      { id: "share", label: "Share", low: 0.4, high: 0.6 },
      { id: "among-plots", label: "Share among plots", low: 0.2, high: 0.3 },
    ];
    const points = [[0.1], [0.5], [0.9]];
    const estimates: TargetEstimate[][] = [
      [{ value: 0.5, se: 0.01 }, { value: Number.NaN, se: Number.NaN }],
      [{ value: 0.5, se: 0.01 }, { value: 0.9, se: 0.01 }],
      [{ value: 0.1, se: 0.01 }, { value: Number.NaN, se: Number.NaN }],
    ];
    const r = historyMatch(problem, points, estimates, targets);
    expect(r.kept).toEqual([0]);
    expect(r.points[0].uninformative).toEqual(["among-plots"]);
    expect(r.targets.map((t) => [t.rulesOut, t.rulesOutAlone, t.uninformative])).toEqual([
      [1, 1, 0],
      [1, 1, 2],
    ]);
  });

  it("refuses mismatched inputs", () => {
    const problem: Problem = { factors: [{ name: "a", low: 0, high: 1 }] };
    const t: Target[] = [{ id: "x", label: "X", low: 0, high: 1 }];
    expect(() => historyMatch(problem, [[0.5]], [], t)).toThrow(/0 sets of estimates for 1 points/);
    expect(() => historyMatch(problem, [[0.5, 1]], [[{ value: 0.5, se: 0.1 }]], t)).toThrow(/2 coordinates/);
    expect(() => historyMatch(problem, [[0.5]], [[{ value: 0.5, se: 0.1 }]], [...t, ...t])).toThrow(/used twice/);
    expect(() => historyMatch(problem, [[0.5]], [[{ value: 0.5, se: 0.1 }]], t, { cutoff: 0 })).toThrow(/cutoff/);
  });
});
