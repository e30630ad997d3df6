// The sampling designs: the problem's validation and scaling, Latin hypercubes, and the
// structure of Morris trajectories.
import { describe, expect, it } from "vitest";
import { latinHypercube, latinHypercubeUnit, morrisDesign, scale, toUnit, validateProblem, type Problem } from "../src/research/sensitivity/index.js";
import { mulberry32 } from "./test-random.js";

const problem: Problem = {
  factors: [
    { name: "fear", low: 0, high: 1 },
    { name: "ambition", low: -5, high: 20 },
    { name: "loyalty.weight", low: 0.001, high: 0.002 },
  ],
};

describe("problem", () => {
  it("refuses unusable factors with a message naming them", () => {
    expect(() => validateProblem({ factors: [] })).toThrow(/at least one factor/);
    expect(() => validateProblem({ factors: [{ name: "a", low: 1, high: 1 }] })).toThrow(/"a" needs low < high/);
    expect(() => validateProblem({ factors: [{ name: "a", low: 2, high: 1 }] })).toThrow(/"a" needs low < high/);
    expect(() => validateProblem({ factors: [{ name: "a", low: 0, high: Number.NaN }] })).toThrow(/finite bounds/);
    expect(() => validateProblem({ factors: [{ name: "a", low: 0, high: 1 }, { name: "a", low: 0, high: 2 }] })).toThrow(/"a" is used twice/);
    expect(() => validateProblem({ factors: [{ name: " ", low: 0, high: 1 }] })).toThrow(/no name/);
    expect(() => scale(problem, [0.5, 0.5])).toThrow(/2 coordinates but there are 3 factors/);
    expect(() => scale(problem, [0.5, 1.5, 0])).toThrow(/outside \[0, 1\]/);
  });

  it("maps the unit cube onto the ranges and back", () => {
    expect(scale(problem, [0, 0, 0])).toEqual([0, -5, 0.001]);
    expect(scale(problem, [1, 1, 1])).toEqual([1, 20, 0.002]);
    expect(scale(problem, [0.5, 0.2, 0.5])).toEqual([0.5, 0, 0.0015]);
    const u = [0.123, 0.456, 0.789];
    toUnit(problem, scale(problem, u)).forEach((v, i) => expect(v).toBeCloseTo(u[i], 12));
  });
});

describe("latin hypercube", () => {
  it("puts exactly one point in each of the n strata of every factor, inside the ranges", () => {
    for (const n of [1, 7, 100]) {
      const points = latinHypercube(problem, n, mulberry32(n));
      expect(points).toHaveLength(n);
      problem.factors.forEach((f, i) => {
        const strata = points.map((p) => {
          expect(p[i]).toBeGreaterThanOrEqual(f.low);
          expect(p[i]).toBeLessThanOrEqual(f.high);
          return Math.floor(((p[i] - f.low) / (f.high - f.low)) * n);
        });
        expect([...strata].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, s) => s));
      });
    }
  });

  it("is reproducible from the generator and changes with it", () => {
    expect(latinHypercube(problem, 50, mulberry32(42))).toEqual(latinHypercube(problem, 50, mulberry32(42)));
    expect(latinHypercube(problem, 50, mulberry32(42))).not.toEqual(latinHypercube(problem, 50, mulberry32(43)));
  });

  it("jitters within strata and shuffles them independently per factor", () => {
    const points = latinHypercubeUnit(2, 200, mulberry32(9));
    // Not the stratum centres, and the two columns not in the same order.
    expect(points.some((p) => Math.abs(p[0] * 200 - Math.floor(p[0] * 200) - 0.5) > 0.1)).toBe(true);
    const rank = (col: number) => points.map((p) => Math.floor(p[col] * 200));
    expect(rank(0)).not.toEqual(rank(1));
    // Independent columns: correlation near 0 (its sd is about 1/sqrt(200) = 0.07).
    const m = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const x = points.map((p) => p[0]);
    const y = points.map((p) => p[1]);
    const cov = m(x.map((v, i) => (v - m(x)) * (y[i] - m(y))));
    expect(Math.abs(cov / (Math.sqrt(m(x.map((v) => (v - m(x)) ** 2))) * Math.sqrt(m(y.map((v) => (v - m(y)) ** 2)))))).toBeLessThan(0.25);
  });

  it("refuses a broken generator", () => {
    expect(() => latinHypercube(problem, 3, () => 1)).toThrow(/\[0, 1\)/);
  });
});

describe("morris design", () => {
  it("builds trajectories of k + 1 grid points, one factor moving by ±Δ at each step", () => {
    const p = 4;
    const d = morrisDesign(problem, { trajectories: 30, levels: p, rand: mulberry32(5) });
    const k = problem.factors.length;
    expect(d.delta).toBeCloseTo(p / (2 * (p - 1)), 15);
    expect(d.points).toHaveLength(30 * (k + 1));
    expect(d.trajectories).toHaveLength(30);
    const rowsSeen = new Set<number>();
    for (const t of d.trajectories) {
      expect(t.rows).toHaveLength(k + 1);
      expect([...t.factorOrder].sort()).toEqual([0, 1, 2]);
      for (const r of t.rows) rowsSeen.add(r);
      const unit = t.rows.map((r) => toUnit(problem, d.points[r]));
      for (const u of unit) for (const v of u) expect(Math.abs(v * (p - 1) - Math.round(v * (p - 1)))).toBeLessThan(1e-9); // on the grid
      t.factorOrder.forEach((i, s) => {
        const diff = unit[s + 1].map((v, c) => v - unit[s][c]);
        diff.forEach((dv, c) => (c === i ? expect(dv).toBeCloseTo(t.deltas[s], 9) : expect(Math.abs(dv)).toBeLessThan(1e-12)));
        expect(Math.abs(t.deltas[s])).toBeCloseTo(d.delta, 15);
      });
    }
    expect(rowsSeen.size).toBe(d.points.length);
  });

  it("visits every grid level about equally and steps both ways", () => {
    const d = morrisDesign({ factors: [{ name: "a", low: 0, high: 1 }] }, { trajectories: 400, levels: 6, rand: mulberry32(1) });
    const counts = new Array(6).fill(0);
    for (const pt of d.points) counts[Math.round(pt[0] * 5)]++;
    for (const c of counts) expect(c).toBeGreaterThan(800 / 6 - 45); // 133 expected each, sd about 11
    const ups = d.trajectories.filter((t) => t.deltas[0] > 0).length;
    expect(ups).toBeGreaterThan(150);
    expect(ups).toBeLessThan(250);
  });

  it("refuses odd levels and too few trajectories; reproducible from the generator", () => {
    expect(() => morrisDesign(problem, { trajectories: 10, levels: 5, rand: mulberry32(1) })).toThrow(/even/);
    expect(() => morrisDesign(problem, { trajectories: 1, rand: mulberry32(1) })).toThrow(/at least 2/);
    expect(morrisDesign(problem, { trajectories: 5, rand: mulberry32(3) })).toEqual(morrisDesign(problem, { trajectories: 5, rand: mulberry32(3) }));
  });
});
