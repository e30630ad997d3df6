// The Monte Carlo aggregation (src/research/montecarlo.ts) on hand-made run summaries, and the
// Wilson interval.
import { describe, expect, it } from "vitest";
import type { RunSummary } from "../src/engine/index.js";
import { rateOf, wilson } from "../src/research/interval.js";
import { addRun, emptyTally, finalize, outcomeKeys } from "../src/research/montecarlo.js";

function summary(over: Partial<RunSummary> = {}): RunSummary {
  return {
    scenario: "october-1964",
    seed: 1,
    whatIfs: [],
    endDate: "1964-12-31",
    firstSecretary: "khrushchev",
    startingLeader: "khrushchev",
    leaderRemoved: false,
    removedByVote: false,
    removedByForce: false,
    removedWhileAway: false,
    removalDate: null,
    successorWasPlotter: false,
    presidiumMovedAgainstLeader: false,
    survivedViaPlenum: false,
    plotsStarted: 0,
    plotLeaderOfRemoval: null,
    plenums: [],
    fates: [],
    contests: 0,
    ...over,
  };
}

const removal = (seed: number, over: Partial<RunSummary> = {}) =>
  summary({
    seed,
    leaderRemoved: true,
    removedByVote: true,
    removedWhileAway: true,
    removalDate: "1964-10-14",
    successorWasPlotter: true,
    presidiumMovedAgainstLeader: true,
    firstSecretary: "brezhnev",
    plotLeaderOfRemoval: "brezhnev",
    plotsStarted: 2,
    contests: 1,
    plenums: [{ winningShare: 1, forLeader: 0, againstLeader: 150, present: 150 }],
    fates: [{ who: "khrushchev", fate: "retired", contest: "session", role: "leader" }],
    ...over,
  });

describe("Monte Carlo tally", () => {
  it("starts empty", () => {
    const r = finalize(emptyTally({ scenario: "october-1964", whatIfs: ["loyal-kgb"], baseSeed: 7 }));
    expect(r).toMatchObject({ scenario: "october-1964", whatIfs: ["loyal-kgb"], runs: 0, baseSeed: 7, leaderRemoved: 0, plotsStarted: 0, plenums: 0, lopsidedPlenums: 0, fates: {} });
    expect(r.rates.leaderRemoved).toEqual({ count: 0, of: 0, rate: null, low: null, high: null });
    expect(r.plotsPerRun).toBeNull();
  });

  it("counts outcomes, plots, plenums, fates, successors and removal months", () => {
    const t = emptyTally({ baseSeed: 1 });
    addRun(t, removal(11));
    addRun(
      t,
      removal(12, {
        removedWhileAway: false,
        removalDate: "1964-06-22",
        firstSecretary: "podgorny",
        plotLeaderOfRemoval: "shelepin",
        plenums: [{ winningShare: 0.62, forLeader: 55, againstLeader: 90, present: 145 }],
        fates: [
          { who: "khrushchev", fate: "demoted", contest: "session", role: "leader" },
          { who: "mikoyan", fate: "retired", contest: "session", role: "suspect" },
        ],
      }),
    );
    addRun(
      t,
      summary({
        seed: 13,
        presidiumMovedAgainstLeader: true,
        survivedViaPlenum: true,
        plotsStarted: 1,
        contests: 1,
        plenums: [{ winningShare: 0.85, forLeader: 120, againstLeader: 21, present: 141 }],
        fates: [
          { who: "brezhnev", fate: "expelled", contest: "session", role: "plotter" },
          { who: "semichastny", fate: "imprisoned", contest: "session", role: "plotter" },
        ],
      }),
    );
    addRun(t, summary({ seed: 14 }));
    const r = finalize(t);
    expect(r).toMatchObject({
      scenario: "october-1964",
      whatIfs: [],
      runs: 4,
      baseSeed: 1,
      leaderRemoved: 2,
      removedByVote: 2,
      removedByForce: 0,
      removedWhileAway: 1,
      successorWasPlotter: 2,
      presidiumMovesAgainstLeader: 3,
      survivedViaPlenum: 1,
      plotsStarted: 5,
      contests: 3,
      plenums: 3,
      lopsidedPlenums: 2,
    });
    expect(r.fates).toEqual({
      brezhnev: { retired: 0, demoted: 0, expelled: 1, imprisoned: 0, executed: 0 },
      khrushchev: { retired: 1, demoted: 1, expelled: 0, imprisoned: 0, executed: 0 },
      mikoyan: { retired: 1, demoted: 0, expelled: 0, imprisoned: 0, executed: 0 },
      semichastny: { retired: 0, demoted: 0, expelled: 0, imprisoned: 1, executed: 0 },
    });
    expect(Object.keys(r.fates)).toEqual(["brezhnev", "khrushchev", "mikoyan", "semichastny"]);
    expect(r.fatesByRole.leader).toEqual({ retired: 1, demoted: 1, expelled: 0, imprisoned: 0, executed: 0 });
    expect(r.fatesByRole.plotter.expelled + r.fatesByRole.plotter.imprisoned).toBe(2);
    expect(r.removalDates).toEqual({ "1964-06": 1, "1964-10": 1 });
    expect(Object.keys(r.removalDates)).toEqual(["1964-06", "1964-10"]);
    expect(r.successors).toEqual({ brezhnev: 1, podgorny: 1 });
    expect(r.plotLeaders).toEqual({ brezhnev: 1, shelepin: 1 });
    expect(r.exampleSeeds).toEqual({ removed: [11, 12], survived: [13, 14] });
    expect(r.plotsPerRun).toBe(1.25);
    expect(r.rates.leaderRemoved.rate).toBe(0.5);
    expect(r.rates.lopsidedPlenums).toMatchObject({ count: 2, of: 3 });
    for (const key of outcomeKeys) expect(r.rates[key].count).toBe(r[key]);
  });

  it("a plenum with exactly 80% for the winner is lopsided", () => {
    const t = emptyTally();
    addRun(t, summary({ plenums: [{ winningShare: 0.8, forLeader: 20, againstLeader: 80, present: 100 }] }));
    addRun(t, summary({ plenums: [{ winningShare: 0.79, forLeader: 21, againstLeader: 79, present: 100 }] }));
    expect(finalize(t)).toMatchObject({ plenums: 2, lopsidedPlenums: 1 });
  });

  it("orders successors by count, then id", () => {
    const t = emptyTally();
    for (const [seed, who] of [[1, "podgorny"], [2, "brezhnev"], [3, "brezhnev"], [4, "kosygin"]] as const) addRun(t, removal(seed, { firstSecretary: who }));
    expect(Object.entries(finalize(t).successors)).toEqual([["brezhnev", 2], ["kosygin", 1], ["podgorny", 1]]);
  });

  it("keeps at most five example seeds of each kind", () => {
    const t = emptyTally();
    for (let i = 0; i < 12; i++) addRun(t, summary({ seed: i }));
    expect(finalize(t).exampleSeeds.survived).toEqual([0, 1, 2, 3, 4]);
  });

  it("finalize does not change the tally and gives equal reports for equal tallies", () => {
    const a = emptyTally({ baseSeed: 3 });
    const b = emptyTally({ baseSeed: 3 });
    for (const t of [a, b]) {
      addRun(t, removal(5));
      addRun(t, summary({ seed: 6 }));
    }
    const before = JSON.stringify(a);
    const first = finalize(a);
    first.fates.khrushchev.retired = 99;
    first.exampleSeeds.removed.push(42);
    expect(JSON.stringify(a)).toBe(before);
    expect(JSON.stringify(finalize(a))).toBe(JSON.stringify(finalize(b)));
  });

  it("refuses to mix scenarios or what-ifs", () => {
    const t = emptyTally();
    addRun(t, summary());
    expect(() => addRun(t, summary({ scenario: "june-1957" }))).toThrow(/june-1957/);
    expect(() => addRun(t, summary({ whatIfs: ["loyal-kgb"] }))).toThrow(/loyal-kgb/);
    const u = emptyTally({ scenario: "october-1964", whatIfs: ["loyal-kgb"] });
    expect(() => addRun(u, summary())).toThrow();
  });
});

describe("Wilson interval", () => {
  it("matches known values", () => {
    const half = wilson(5, 10);
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    const none = wilson(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    const all = wilson(10, 10);
    expect(all.low).toBeCloseTo(0.7225, 4);
    expect(all.high).toBe(1);
    const big = wilson(700, 1000);
    expect(big.low).toBeCloseTo(0.6709, 4);
    expect(big.high).toBeCloseTo(0.7276, 4);
  });

  it("contains the observed rate and narrows with more runs", () => {
    for (const [k, n] of [[1, 3], [37, 100], [999, 1000]]) {
      const { low, high } = wilson(k, n);
      expect(low).toBeLessThanOrEqual(k / n);
      expect(high).toBeGreaterThanOrEqual(k / n);
    }
    const small = wilson(30, 100);
    const large = wilson(300, 1000);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });

  it("rejects impossible counts; a rate of nothing is null", () => {
    expect(() => wilson(3, 0)).toThrow(RangeError);
    expect(() => wilson(11, 10)).toThrow(RangeError);
    expect(rateOf(0, 0)).toEqual({ count: 0, of: 0, rate: null, low: null, high: null });
  });
});

describe("src/research stays pure", () => {
  it("imports no Node modules (no I/O) and nothing from the CLI, outside run/", async () => {
    const { readdirSync, readFileSync, statSync } = await import("node:fs");
    const { dirname, join, relative, resolve } = await import("node:path");
    const { fileURLToPath } = await import("node:url");
    const root = fileURLToPath(new URL("../src/research/", import.meta.url));
    const engineIndex = fileURLToPath(new URL("../src/engine/index.ts", import.meta.url));
    // run/ holds the worker threads, output files and the terminal: the one place with I/O.
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return name === "run" && dir === root ? [] : files(path);
        return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
      });
    const checked = files(root);
    expect(checked.length).toBeGreaterThan(10);
    for (const file of checked) {
      const name = relative(root, file);
      const text = readFileSync(file, "utf8");
      for (const [, spec] of text.matchAll(/from\s+"([^"]+)"/g)) {
        const target = resolve(dirname(file), spec.replace(/\.js$/, ".ts"));
        const inside = target.startsWith(root) && !target.startsWith(join(root, "run") + "/");
        expect(inside || target === engineIndex, `${name} imports ${spec}`).toBe(true);
      }
      expect(text, name).not.toMatch(/\b(process\.|Math\.random|Date\.now)/);
    }
  });
});
