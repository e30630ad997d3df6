// VALIDATION.md, june-1957: the same rules as october-1964, different starting conditions. Fixed
// base seed; 400 runs (95% interval about +-5 points on a rate).
import { describe, expect, it } from "vitest";
import { batch, fateShare, share } from "./validation-helpers.js";

const RUNS = 400;

describe("june-1957 baseline: the Anti-Party Group wins the Presidium and loses the CC", () => {
  const r = () => batch("june-1957", RUNS);

  it("has a Presidium majority move against Khrushchev in at least half the runs", () => {
    expect(share(r().presidiumMovesAgainstLeader, RUNS)).toBeGreaterThanOrEqual(0.5);
  });

  it("saves Khrushchev through a CC plenum in at least 60% of those runs", () => {
    expect(share(r().survivedViaPlenum, r().presidiumMovesAgainstLeader)).toBeGreaterThanOrEqual(0.6);
  });

  it("leaves Khrushchev First Secretary at the end of 1957 in 55% to 90% of runs", () => {
    const stays = share(RUNS - r().leaderRemoved, RUNS);
    expect(stays).toBeGreaterThanOrEqual(0.55);
    expect(stays).toBeLessThanOrEqual(0.9);
  });

  it("demotes or expels defeated plotters (not prison or death) in at least 80% of cases", () => {
    expect(fateShare(r().fatesByRole.plotter, ["demoted", "expelled"])).toBeGreaterThanOrEqual(0.8);
  });

  it("is contingent: neither the move nor the survival happens always or never", () => {
    for (const n of [r().presidiumMovesAgainstLeader, r().survivedViaPlenum, r().leaderRemoved]) {
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(RUNS);
    }
  });

  it("settles plenums lopsidedly: the winner has at least 80% of the hall in at least 80% of plenums", () => {
    expect(share(r().lopsidedPlenums, r().plenums)).toBeGreaterThanOrEqual(0.8);
  });
});

describe("june-1957 counterfactuals", () => {
  const base = () => batch("june-1957", RUNS);

  it("army-neutral: without the Army flying members in, Khrushchev's survival falls by at least 20 points", () => {
    const what = batch("june-1957", RUNS, "army-neutral");
    expect(share(what.leaderRemoved - base().leaderRemoved, RUNS)).toBeGreaterThanOrEqual(0.2);
  });

  it("plotters-whip-cc: lobbying the CC first raises the plot's success (once it moves) by at least 15 points", () => {
    const what = batch("june-1957", RUNS, "plotters-whip-cc");
    expect(what.plotSuccessRate.rate! - base().plotSuccessRate.rate!).toBeGreaterThanOrEqual(0.15);
  });
});
