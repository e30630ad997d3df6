// Measures of a batch of runs for sensitivity and calibration: named measures, dotted paths into
// montecarlo --json's report (fixed fields, maps of events, principals the runs never touched), shares
// of counts, and the change a what-if makes (paired by seed where the outcome is a run's).
import { describe, expect, it } from "vitest";
import { contrast } from "../src/research/contrast.js";
import { describeMeasure, measure, MeasureError } from "../src/research/measures.js";
import { emptyTally, finalize, type MonteCarloReport } from "../src/research/montecarlo.js";
import { emptyPairTally } from "../src/research/paired.js";
import { pairedDifference } from "../src/research/interval.js";
import { rateEstimate } from "../src/research/sensitivity/index.js";
import { planTargetGroups, targetSchema } from "../src/research/targets.js";

/** Ten runs of a march-1953-like batch: Beria removed in three (two by force), Malenkov never touched. */
function batch(): MonteCarloReport {
  const t = emptyTally({ scenario: "march-1953", baseSeed: 1 });
  t.runs = 10;
  t.outcomes.leaderRemoved = 4;
  t.outcomes.presidiumMovesAgainstLeader = 5;
  t.outcomes.survivedViaPlenum = 2;
  t.movesStarted = 25;
  t.removed = { beria: 3 };
  t.removedByVenue = { beria: { force: 2, session: 1 } };
  t.removedMonths = { beria: { "1953-06": 2, "1954-02": 1 } };
  t.fates = { beria: { retired: 0, demoted: 0, expelled: 0, imprisoned: 1, executed: 2 } };
  t.fatesByRole.target = { retired: 1, demoted: 0, expelled: 0, imprisoned: 1, executed: 2 };
  t.fatesByRole.mover = { retired: 0, demoted: 3, expelled: 1, imprisoned: 0, executed: 0 };
  t.contestFates = { decided: 4, harsh: 3 };
  t.arrests = { beria: { total: 2, armyWithMove: 2 } };
  t.successors = { khrushchev: 3 };
  return finalize(t);
}

const principals = new Set(["beria", "malenkov", "khrushchev"]);

describe("measures of a batch of runs", () => {
  it("names the headline outcomes, each with a binomial standard error", () => {
    const r = batch();
    expect(measure(r, "removal")).toEqual(rateEstimate(4, 10));
    expect(measure(r, "plenum-survival")).toEqual(rateEstimate(2, 5));
    // By contest (three of four losers shot or jailed), not by fate (three of eight).
    expect(measure(r, "harsh-fates")).toEqual(rateEstimate(3, 4));
    const moves = measure(r, "moves");
    expect(moves.value).toBe(2.5);
    expect(moves.se).toBeCloseTo(Math.sqrt(25) / 10, 12);
  });

  it("reads a rate or a number by its dotted path", () => {
    const r = batch();
    expect(measure(r, "rates.leaderRemoved")).toEqual(rateEstimate(4, 10));
    expect(measure(r, "perPrincipal.beria.removed", { principals })).toEqual(rateEstimate(3, 10));
    expect(measure(r, "arrests.beria.armyWithMove", { principals })).toEqual(rateEstimate(2, 2));
    expect(measure(r, "removedBy.force").value).toBe(0);
    expect(Number.isNaN(measure(r, "removedBy.force").se)).toBe(true);
  });

  it("gives a principal the runs never touched the entry he would have: 0 of N, not a failure", () => {
    const r = batch();
    expect(measure(r, "perPrincipal.malenkov.removed", { principals })).toEqual(rateEstimate(0, 10));
    expect(measure(r, "perPrincipal.malenkov.removed", { principals }).se).toBeGreaterThan(0);
    // No arrest of him: a rate of no events, which has no value and cannot judge a point.
    expect(Number.isNaN(measure(r, "arrests.malenkov.armyWithMove", { principals }).value)).toBe(true);
  });

  it("counts an event that never happened as 0, but refuses a misspelt fixed field with the fields that exist", () => {
    const r = batch();
    expect(measure(r, "successors.molotov").value).toBe(0);
    expect(measure(r, "successors.khrushchev").value).toBe(3);
    expect(() => measure(r, "rates.leaderRemovd")).toThrow(/rates has no field "leaderRemovd" \(fields: leaderRemoved, removedInSession/);
    expect(() => measure(r, "fatesByRole.plotter.executed")).toThrow(/fatesByRole has no field "plotter" \(fields: target, mover, loyalist\)/);
  });

  it("names the scenario's characters when a path names someone else", () => {
    expect(() => measure(batch(), "perPrincipal.berya.removed", { principals })).toThrow(/no character "berya" in the scenario \(its characters: beria, khrushchev, malenkov\)/);
  });

  it("adds up counts for a share, with * matching fields and months", () => {
    const r = batch();
    expect(measure(r, { count: ["perPrincipal.beria.months.1953-*"], of: ["runs"] }, { principals })).toEqual(rateEstimate(2, 10));
    expect(measure(r, { count: ["perPrincipal.beria.byVenue.force"], of: ["perPrincipal.beria.removed"] }, { principals })).toEqual(rateEstimate(2, 3));
    expect(measure(r, { count: ["fatesByRole.mover.demoted", "fatesByRole.mover.expelled"], of: ["fatesByRole.mover.*"] })).toEqual(rateEstimate(4, 4));
    expect(() => measure(r, { count: ["runs"], of: ["removedBy.force"] })).toThrow(/the count \(10\) exceeds what it is a share of \(0\)/);
  });

  it("describes a measure before any run: its kind, whether it has an error, and the outcome it pairs on", () => {
    expect(describeMeasure("removal")).toMatchObject({ kind: "rate", hasSe: true, paired: "leaderRemoved" });
    expect(describeMeasure("rates.anyExecution")).toMatchObject({ kind: "rate", hasSe: true, paired: "anyExecution" });
    expect(describeMeasure("fightRate")).toMatchObject({ kind: "rate", hasSe: true, paired: null });
    expect(describeMeasure("movesPerRun")).toMatchObject({ kind: "number", hasSe: false });
    expect(describeMeasure({ count: ["removedBy.session"], of: ["rates.leaderRemoved"] })).toMatchObject({ kind: "rate", hasSe: true, name: "share(removedBy.session of rates.leaderRemoved)" });
    expect(() => describeMeasure("survival")).toThrow(/neither a named measure \(removal, plenum-survival, harsh-fates, moves\) nor a path/);
    expect(() => describeMeasure("rates.*")).toThrow(/"\*" may only be used in a share/);
    expect(() => describeMeasure("perPrincipal")).toThrow(/leads to a group of fields/);
    expect(() => describeMeasure("rates..leaderRemoved")).toThrow(MeasureError);
    expect(() => describeMeasure("constructor.name")).toThrow(/cannot be part of a path/);
  });
});

describe("the change a what-if makes", () => {
  it("pairs a run-level outcome by seed, with the error of Newcombe's interval", () => {
    const pairs = emptyPairTally();
    pairs.leaderRemoved = { both: 2, firstOnly: 1, secondOnly: 5, neither: 2 };
    const info = describeMeasure("removal");
    const d = contrast("difference", "removal", info, { variant: batch(), baseline: batch(), pairs });
    const newcombe = pairedDifference(pairs.leaderRemoved);
    expect(d.value).toBeCloseTo(-0.4, 12);
    expect(d.se).toBeCloseTo((newcombe.high! - newcombe.low!) / (2 * 1.959963984540054), 12);
  });

  it("compares any other measure as two estimates whose errors add, or as a ratio", () => {
    const variant = batch();
    const baseline = finalize({ ...emptyTally(), runs: 10, movesStarted: 50, outcomes: { ...emptyTally().outcomes, presidiumMovesAgainstLeader: 5, survivedViaPlenum: 4 } });
    const survival = contrast("difference", "plenum-survival", describeMeasure("plenum-survival"), { variant, baseline, pairs: null });
    const a = rateEstimate(2, 5);
    const b = rateEstimate(4, 5);
    expect(survival.value).toBeCloseTo(a.value - b.value, 12);
    expect(survival.se).toBeCloseTo(Math.hypot(a.se, b.se), 12);
    const ratio = contrast("ratio", "moves", describeMeasure("moves"), { variant, baseline, pairs: null });
    expect(ratio.value).toBeCloseTo(0.5, 12);
    expect(ratio.se).toBeCloseTo(0.5 * Math.hypot(0.5 / 2.5, Math.sqrt(50) / 10 / 5), 12);
  });
});

describe("targets sharing runs", () => {
  const target = (t: Record<string, unknown>) => targetSchema.parse({ band: [0, 1], row: "a row of VALIDATION.md", measure: "removal", ...t });

  it("plays each scenario once with every what-if variant its targets need beside the baseline", () => {
    const { groups, placements } = planTargetGroups([
      target({ id: "a", scenario: "s" }),
      target({ id: "b", scenario: "s", whatIfs: ["x"], change: "difference" }),
      target({ id: "c", scenario: "s", whatIfs: ["x"] }),
      target({ id: "d", scenario: "t" }),
      target({ id: "e", scenario: "s", whatIfs: ["y"], baseline: ["x"], change: "ratio" }),
    ]);
    expect(groups).toEqual([
      { scenario: "s", variants: [[], ["x"]] },
      { scenario: "t", variants: [[]] },
      { scenario: "s", variants: [["x"], ["x", "y"]] },
    ]);
    expect(placements).toEqual([
      { group: 0, variant: 0 },
      { group: 0, variant: 1 },
      { group: 0, variant: 1 },
      { group: 1, variant: 0 },
      { group: 2, variant: 1 },
    ]);
  });

  it("refuses a change without what-ifs and a baseline without a change", () => {
    expect(() => target({ id: "a", scenario: "s", change: "difference" })).toThrow(/a change needs what-ifs/);
    expect(() => target({ id: "a", scenario: "s", baseline: ["x"] })).toThrow(/a baseline only goes with a change/);
  });
});
