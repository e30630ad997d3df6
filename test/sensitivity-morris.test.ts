// Morris elementary effects on functions whose behaviour is known: a linear function (exact
// effects, no spread), Ishigami (x3 acts only through an interaction) and Sobol's g-function
// (importance ordered by a).
import { describe, expect, it } from "vitest";
import { analyseMorris, groupsByName, morrisDesign, type Problem } from "../src/research/sensitivity/index.js";
import { mulberry32 } from "./test-random.js";

const byName = <T extends { factor: string }>(rows: readonly T[], name: string): T => rows.find((r) => r.factor === name)!;

describe("Morris on a linear function", () => {
  const problem: Problem = {
    factors: [
      { name: "a", low: 0, high: 1 },
      { name: "b", low: -10, high: 30 },
      { name: "c", low: 2, high: 2.5 },
      { name: "d", low: 100, high: 101 },
    ],
  };
  const c = [3, -0.5, 8, 0];

  it("gives mu = c_i times the range, mu* = |mu| and sigma = 0 (to rounding)", () => {
    const design = morrisDesign(problem, { trajectories: 25, levels: 6, rand: mulberry32(1) });
    const y = design.points.map((x) => x.reduce((s, xi, i) => s + c[i] * xi, 7));
    const rows = analyseMorris(design, problem, y, { bootstrap: 100, rand: mulberry32(2) });
    problem.factors.forEach((f, i) => {
      const r = rows[i];
      const expected = c[i] * (f.high - f.low);
      expect(r.factor).toBe(f.name);
      expect(r.effects).toBe(25);
      expect(r.mu).toBeCloseTo(expected, 9);
      expect(r.muStar).toBeCloseTo(Math.abs(expected), 9);
      // Exactly 0 but for floating-point rounding in x and y (about 1e-14 of the output's size).
      expect(r.sigma).toBeLessThan(1e-9);
      // Every effect is the same, so every bootstrap mean is too.
      expect(r.muStarLow).toBeCloseTo(r.muStar, 9);
      expect(r.muStarHigh).toBeCloseTo(r.muStar, 9);
    });
    expect(byName(rows, "b").mu).toBeCloseTo(-20, 9);
  });
});

describe("Morris on Ishigami", () => {
  const problem: Problem = { factors: ["x1", "x2", "x3"].map((name) => ({ name, low: -Math.PI, high: Math.PI })) };
  const ishigami = (x: readonly number[]) => Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);

  it("finds x3 important through its interaction only: mu* clearly above 0, sigma above mu*, mu near 0", () => {
    const design = morrisDesign(problem, { trajectories: 200, levels: 4, rand: mulberry32(3) });
    const rows = analyseMorris(design, problem, design.points.map(ishigami), { bootstrap: 500, rand: mulberry32(4) });
    const x3 = byName(rows, "x3");
    expect(x3.muStarLow).toBeGreaterThan(1);
    // On the four-level grid x3 moves between −π and π/3 or −π/3 and π, so |EE| = 0.1 |sin x1|
    // (π⁴ − (π/3)⁴) / Δ, and |sin x1| is 0 or sin(π/3) with equal chance: mu* = 6.25 in expectation.
    const expected = (0.1 * (Math.PI ** 4 - (Math.PI / 3) ** 4) * (Math.sin(Math.PI / 3) / 2)) / (2 / 3);
    expect(expected).toBeCloseTo(6.25, 2);
    expect(x3.muStarLow).toBeLessThan(expected);
    expect(x3.muStarHigh).toBeGreaterThan(expected);
    expect(x3.sigma).toBeGreaterThan(x3.muStar);
    expect(Math.abs(x3.mu)).toBeLessThan(x3.muStar / 2);
    expect(x3.muStarLow).toBeLessThan(x3.muStar);
    expect(x3.muStarHigh).toBeGreaterThan(x3.muStar);
    // x2 has no interaction: its effects are 7 (sin² x2' − sin² x2) / Δ, which on a four-level grid
    // over [−π, π] are all ±(7 · 0.75) / (2/3): mu* = 7.875 exactly, whatever x1 and x3 are.
    const x2 = byName(rows, "x2");
    expect(x2.muStar).toBeCloseTo(7.875, 9);
  });
});

describe("Morris on the g-function", () => {
  const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
  const problem: Problem = { factors: a.map((_, i) => ({ name: `x${i + 1}`, low: 0, high: 1 })) };
  const g = (x: readonly number[]) => x.reduce((p, xi, i) => p * ((Math.abs(4 * xi - 2) + a[i]) / (1 + a[i])), 1);

  it("ranks x1 > x2 > x3 > x4 > the rest, and the last four near zero", () => {
    const design = morrisDesign(problem, { trajectories: 100, rand: mulberry32(6) });
    const rows = analyseMorris(design, problem, design.points.map(g), { bootstrap: 200, rand: mulberry32(7) });
    const mu = rows.map((r) => r.muStar);
    expect(mu[0]).toBeGreaterThan(mu[1]);
    expect(mu[1]).toBeGreaterThan(mu[2]);
    expect(mu[2]).toBeGreaterThan(mu[3]);
    for (let i = 4; i < 8; i++) {
      expect(mu[3]).toBeGreaterThan(mu[i]);
      // Each |effect| is 2 / (1 + a_i) times the other factors' product (mean 1): 0.02 for a = 99.
      expect(mu[i]).toBeLessThan(0.05 * mu[0]);
    }
    // And the ranking is not a coin toss: the intervals of neighbours in the ranking do not overlap.
    for (let i = 0; i < 3; i++) expect(rows[i].muStarLow).toBeGreaterThan(rows[i + 1].muStarHigh);
  });
});

describe("Morris with undefined outputs", () => {
  const problem: Problem = { factors: [{ name: "p", low: 0, high: 1 }, { name: "q", low: 0, high: 1 }] };

  it("skips the effects that touch a NaN output and counts the rest", () => {
    const design = morrisDesign(problem, { trajectories: 40, rand: mulberry32(8) });
    // A rate with no denominator when q is at its lowest level.
    const y = design.points.map(([p, q]) => (q === 0 ? Number.NaN : 2 * p + q));
    const rows = analyseMorris(design, problem, y, { bootstrap: 100, rand: mulberry32(9) });
    const qIsZero = design.points.map(([, q]) => q === 0);
    for (const [i, r] of rows.entries()) {
      const expected = design.trajectories.filter((t) => {
        const s = t.factorOrder.indexOf(i);
        return !qIsZero[t.rows[s]] && !qIsZero[t.rows[s + 1]];
      }).length;
      expect(r.effects).toBe(expected);
      expect(r.effects).toBeGreaterThan(0);
      expect(r.effects).toBeLessThan(40);
      expect(r.mu).toBeCloseTo(i === 0 ? 2 : 1, 9);
      expect(Number.isFinite(r.muStarLow)).toBe(true);
    }
  });

  it("reports NaN figures for a factor with no usable effect, without failing", () => {
    const design = morrisDesign(problem, { trajectories: 4, rand: mulberry32(10) });
    const rows = analyseMorris(design, problem, design.points.map(() => Number.NaN), { bootstrap: 10, rand: mulberry32(11) });
    for (const r of rows) {
      expect(r.effects).toBe(0);
      expect(r.muStar).toBeNaN();
      expect(r.sigma).toBeNaN();
      expect(r.muStarLow).toBeNaN();
    }
  });

  it("refuses outputs that do not match the design", () => {
    const design = morrisDesign(problem, { trajectories: 4, rand: mulberry32(10) });
    expect(() => analyseMorris(design, problem, [1, 2], { rand: mulberry32(1) })).toThrow(/2 outputs for 12 design points/);
  });
});

describe("Morris with groups (Campolongo, Cariboni and Saltelli, 2007)", () => {
  const problem: Problem = { factors: ["crisis.plenum.a", "crisis.plenum.b", "crisis.session.c", "moves.start.d", "moves.start.e", "fates.f"].map((name) => ({ name, low: 0, high: 1 })) };

  it("groups by the leading parts of the names, numbered in order of first appearance", () => {
    const names = problem.factors.map((f) => f.name);
    expect(groupsByName(names, 1)).toEqual({ of: [0, 0, 0, 1, 1, 2], names: ["crisis", "moves", "fates"] });
    expect(groupsByName(names, 2)).toEqual({ of: [0, 0, 1, 2, 2, 3], names: ["crisis.plenum", "crisis.session", "moves.start", "fates.f"] });
    expect(() => groupsByName(names, 0)).toThrow(/at least 1/);
  });

  it("with each factor alone in its group, plays the design and gives the results of the ungrouped screening", () => {
    const names = problem.factors.map((f) => f.name);
    const plain = morrisDesign(problem, { trajectories: 6, rand: mulberry32(5) });
    const alone = morrisDesign(problem, { trajectories: 6, rand: mulberry32(5), groups: { of: names.map((_, i) => i), names } });
    expect(alone.points).toEqual(plain.points);
    const y = plain.points.map((x) => x[0] * x[1] + 3 * x[3] - x[5] * x[5]);
    expect(analyseMorris(alone, problem, y, { bootstrap: 50, rand: mulberry32(6) })).toEqual(analyseMorris(plain, problem, y, { bootstrap: 50, rand: mulberry32(6) }));
  });

  it("plays groups + 1 points a trajectory and ranks the group holding the only factor that matters first, the others at zero", () => {
    const groups = groupsByName(problem.factors.map((f) => f.name), 1);
    const design = morrisDesign(problem, { trajectories: 8, rand: mulberry32(9), groups });
    expect(design.points).toHaveLength(8 * (3 + 1));
    // Only moves.start.d matters, linearly: moving its group changes y by 5 times the step, whatever
    // the direction e takes with it.
    const y = design.points.map((x) => 5 * x[3]);
    const rows = analyseMorris(design, problem, y, { bootstrap: 50, rand: mulberry32(10) });
    expect(rows.map((r) => r.factor)).toEqual(["crisis", "moves", "fates"]);
    expect(byName(rows, "moves").muStar).toBeCloseTo(5, 9);
    expect(byName(rows, "crisis").muStar).toBe(0);
    expect(byName(rows, "fates").muStar).toBe(0);
    // A group of several factors moved up and down at once has no signed effect; one factor alone keeps its mu.
    expect(byName(rows, "moves").mu).toBeNaN();
    expect(byName(rows, "fates").mu).toBe(0);
    expect(rows.every((r) => r.effects === 8)).toBe(true);
  });

  it("refuses groups that do not cover the factors", () => {
    expect(() => morrisDesign(problem, { trajectories: 2, rand: mulberry32(1), groups: { of: [0, 0, 1], names: ["a", "b"] } })).toThrow(/3 group memberships for 6 factors/);
    expect(() => morrisDesign(problem, { trajectories: 2, rand: mulberry32(1), groups: { of: [0, 0, 0, 0, 0, 2], names: ["a", "b", "c"] } })).toThrow(/every group a factor/);
  });
});
