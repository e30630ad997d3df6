// The statistics and the bookkeeping behind parallel Monte Carlo: the paired-difference interval,
// exact merging of chunk totals (whatever the cut), the run record, CSV cells, dates and progress.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mixSeed, simulate, summarize, type Scenario } from "../src/engine/index.js";
import { csvCell, csvColumns, csvHeader } from "../src/research/csv.js";
import { addDays, monthsBetween, weekIndex, weeksBetween } from "../src/research/dates.js";
import { emptyDistributions, shareBin, survivalCurve } from "../src/research/distributions.js";
import { emptyExperimentTotals, mergeChunk, planChunks, runChunk, type Variant } from "../src/research/experiment.js";
import { pairedDifference, wilson } from "../src/research/interval.js";
import { addRun, emptyTally, finalize } from "../src/research/montecarlo.js";
import { clock, progressLine } from "../src/research/progress.js";
import { loadScenarioFile } from "../src/scenarios/load.js";
import { repo } from "./cli-helpers.js";

describe("paired difference (Newcombe's square-and-add interval)", () => {
  it("matches the published example (Cavo et al. 2012, in Fagerland, Lydersen and Laake)", () => {
    // Complete response before and after consolidation therapy: 59 both, 6 first only, 16 second only, 80 neither.
    const d = pairedDifference({ both: 59, firstOnly: 6, secondOnly: 16, neither: 80 });
    expect(d.difference).toBeCloseTo(-0.0621, 4);
    expect(d.low).toBeCloseTo(-0.1186, 4);
    expect(d.high).toBeCloseTo(-0.0046, 4);
  });

  it("is the difference of the two rates and contains it", () => {
    for (const c of [
      { both: 3, firstOnly: 10, secondOnly: 2, neither: 85 },
      { both: 40, firstOnly: 0, secondOnly: 7, neither: 53 },
      { both: 0, firstOnly: 1, secondOnly: 0, neither: 0 },
      { both: 500, firstOnly: 120, secondOnly: 90, neither: 290 },
    ]) {
      const n = c.both + c.firstOnly + c.secondOnly + c.neither;
      const d = pairedDifference(c);
      expect(d.difference).toBeCloseTo((c.both + c.firstOnly) / n - (c.both + c.secondOnly) / n, 12);
      expect(d.low!).toBeLessThanOrEqual(d.difference!);
      expect(d.high!).toBeGreaterThanOrEqual(d.difference!);
      expect(d.low!).toBeGreaterThanOrEqual(-1);
      expect(d.high!).toBeLessThanOrEqual(1);
    }
  });

  it("is antisymmetric: swapping the variants mirrors the interval", () => {
    const a = pairedDifference({ both: 12, firstOnly: 9, secondOnly: 3, neither: 26 });
    const b = pairedDifference({ both: 12, firstOnly: 3, secondOnly: 9, neither: 26 });
    expect(b.difference).toBeCloseTo(-a.difference!, 12);
    expect(b.low).toBeCloseTo(-a.high!, 12);
    expect(b.high).toBeCloseTo(-a.low!, 12);
  });

  it("pairing narrows the interval when the variants move together", () => {
    // The same marginal rates (50% and 40% of 200), strongly paired versus independent-looking.
    const paired = pairedDifference({ both: 80, firstOnly: 20, secondOnly: 0, neither: 100 });
    const loose = pairedDifference({ both: 40, firstOnly: 60, secondOnly: 40, neither: 60 });
    expect(paired.difference).toBeCloseTo(loose.difference!, 12);
    expect(paired.high! - paired.low!).toBeLessThan(loose.high! - loose.low!);
  });

  it("with no change at all, the interval straddles 0; with no pairs, it is null", () => {
    const same = pairedDifference({ both: 30, firstOnly: 0, secondOnly: 0, neither: 70 });
    expect(same.difference).toBe(0);
    expect(same.low!).toBeLessThan(0);
    expect(same.high!).toBeGreaterThan(0);
    expect(pairedDifference({ both: 0, firstOnly: 0, secondOnly: 0, neither: 0 })).toEqual({ difference: null, low: null, high: null });
    expect(() => pairedDifference({ both: -1, firstOnly: 0, secondOnly: 0, neither: 3 })).toThrow(RangeError);
    expect(() => pairedDifference({ both: 1.5, firstOnly: 0, secondOnly: 0, neither: 3 })).toThrow(RangeError);
  });

  it("combines the two rates' Wilson intervals (uncorrelated margins: plain square-and-add)", () => {
    // Every run has the outcome with the variant and none without: p1 = 1, p2 = 0, phi = 0.
    const d = pairedDifference({ both: 0, firstOnly: 10, secondOnly: 0, neither: 0 });
    expect(d.difference).toBe(1);
    expect(d.low).toBeCloseTo(1 - Math.hypot(1 - wilson(10, 10).low, wilson(0, 10).high), 12);
    expect(d.high).toBe(1);
  });
});

/** Every number in a value, with its path. */
function leavesOf(value: unknown, path = ""): [string, number][] {
  if (typeof value === "number") return [[path, value]];
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leavesOf(v, `${path}.${k}`));
  return [];
}

/** The oracle: the runs played one after another and folded by hand. */
function sequentially(scenario: Scenario, runs: number, baseSeed: number, whatIfs: string[]) {
  const tally = emptyTally({ scenario: scenario.id, whatIfs, baseSeed });
  for (let i = 0; i < runs; i++) addRun(tally, summarize(simulate(scenario, { seed: mixSeed(baseSeed, i), whatIfs })));
  return finalize(tally);
}

describe("chunked runs add up to the same totals", () => {
  const file = join(repo, "scenarios", "october-1964.yaml");
  const variants: Variant[] = [
    { label: "baseline", whatIfs: [], scenario: loadScenarioFile(file).scenario },
    { label: "loyal-kgb", whatIfs: ["loyal-kgb"], scenario: loadScenarioFile(file, { whatIfs: ["loyal-kgb"] }).scenario },
  ];

  /** The chunk results of one cut of the four runs, merged in order. */
  const byCut = (sizes: number[]) => {
    const totals = emptyExperimentTotals(variants, 5);
    let csv = "";
    let first = 0;
    for (const count of sizes) {
      const chunk = runChunk(variants, { first, count, baseSeed: 5, csv: true });
      mergeChunk(totals, chunk);
      csv += chunk.csv;
      first += count;
    }
    return { totals, csv };
  };
  const cuts = [[4], [1, 3], [2, 1, 1]];
  let memo: ReturnType<typeof byCut>[] | null = null;
  /** The runs are played once, for both tests below. */
  const results = () => (memo ??= cuts.map(byCut));

  it("whatever the cut: the same counts, reports and CSV, equal to the sequential batch", () => {
    const [one, ...others] = results();
    for (const cut of others) {
      // Every count is the same; the sums of fractions (client shares, fear) agree to rounding.
      expect(leavesOf(cut.totals).filter(([, v]) => Number.isInteger(v))).toEqual(leavesOf(one.totals).filter(([, v]) => Number.isInteger(v)));
      const fractions = leavesOf(one.totals).filter(([, v]) => !Number.isInteger(v));
      const theirs = new Map(leavesOf(cut.totals));
      for (const [path, v] of fractions) expect(theirs.get(path)! - v, path).toBeCloseTo(0, 9);
      one.totals.variants.forEach((v, i) => expect(JSON.stringify(finalize(cut.totals.variants[i].tally))).toBe(JSON.stringify(finalize(v.tally))));
      expect(cut.csv).toBe(one.csv);
    }
    expect(finalize(one.totals.variants[0].tally)).toEqual(sequentially(variants[0].scenario, 4, 5, []));
    expect(finalize(one.totals.variants[1].tally)).toEqual(sequentially(variants[1].scenario, 4, 5, ["loyal-kgb"]));
    // Every pair of runs is counted once per outcome.
    for (const counts of Object.values(one.totals.pairs[0])) expect(counts.both + counts.firstOnly + counts.secondOnly + counts.neither).toBe(4);
    // One CSV line per run and variant, in run order.
    const lines = one.csv.trim().split("\n");
    expect(lines).toHaveLength(8);
    expect(lines.map((l) => l.split(",").slice(0, 3).join(","))[1]).toMatch(/^0,-?\d+,loyal-kgb$/);
  });

  it("whatever the cut, the totals are identical to the last bit (montecarlo.ts: tallies of chunks merge exactly)", () => {
    const [one, ...others] = results();
    for (const cut of others) expect(JSON.stringify(cut.totals)).toBe(JSON.stringify(one.totals));
  });

  it("plans chunks that cover every run once, in order", () => {
    for (const [runs, workers] of [[1, 1], [7, 2], [10_000, 2], [100_000, 16], [3, 8]]) {
      const chunks = planChunks(runs, workers);
      expect(chunks[0].first).toBe(0);
      chunks.forEach((c, i) => i > 0 && expect(c.first).toBe(chunks[i - 1].first + chunks[i - 1].count));
      expect(chunks.reduce((n, c) => n + c.count, 0)).toBe(runs);
      expect(Math.max(...chunks.map((c) => c.count))).toBeLessThanOrEqual(50);
    }
    // Ramped: every worker's first chunk is one run, sizes then double to the planned size, and the
    // chunks still cover every run once, in order.
    for (const [runs, workers] of [[1, 1], [7, 2], [10_000, 2], [100_000, 16], [3, 8]]) {
      const ramped = planChunks(runs, workers, 50, true);
      expect(ramped.slice(0, Math.min(runs, workers)).map((c) => c.count)).toEqual(Array(Math.min(runs, workers)).fill(1));
      ramped.forEach((c, i) => i > 0 && expect(c.first).toBe(ramped[i - 1].first + ramped[i - 1].count));
      expect(ramped.reduce((n, c) => n + c.count, 0)).toBe(runs);
      expect(Math.max(...ramped.map((c) => c.count))).toBe(Math.max(...planChunks(runs, workers).map((c) => c.count)));
    }
    expect(planChunks(10_000, 2, 50, true).slice(0, 14).map((c) => c.count)).toEqual([1, 1, 2, 2, 4, 4, 8, 8, 16, 16, 32, 32, 50, 50]);
    expect(() => planChunks(0, 2)).toThrow(RangeError);
    expect(() => planChunks(5, 0)).toThrow(RangeError);
  });
});

describe("distributions", () => {
  it("bins plenum shares in 5-point steps from 50%", () => {
    expect([0.5, 0.54, 0.55, 0.8, 0.99, 1].map(shareBin)).toEqual([0, 0, 1, 6, 9, 9]);
  });

  it("the survival curve starts at 1 and drops the week after a departure", () => {
    const d = emptyDistributions();
    d.runs = 4;
    d.exitWeeks = { "0": 1, "2": 2 };
    expect(survivalCurve(d, 4)).toEqual([1, 0.75, 0.75, 0.25, 0.25]);
    expect(survivalCurve(emptyDistributions(), 4)).toEqual([]);
  });
});

describe("dates", () => {
  it("counts weeks and months of a scenario", () => {
    expect(weekIndex("1963-07-01", "1963-07-07")).toBe(0);
    expect(weekIndex("1963-07-01", "1963-07-08")).toBe(1);
    expect(weeksBetween("1963-07-01", "1964-12-31")).toBe(79);
    expect(monthsBetween("1963-11-15", "1964-02-01")).toEqual(["1963-11", "1963-12", "1964-01", "1964-02"]);
    expect(addDays("1964-02-28", 2)).toBe("1964-03-01");
  });
});

describe("CSV", () => {
  it("quotes only what needs quoting; empty cells for nothing", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(-12)).toBe("-12");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvHeader()).toBe(`${csvColumns.join(",")}\n`);
  });
});

describe("progress line", () => {
  it("shows the bar, runs done, runs per second and the time left", () => {
    const line = progressLine(2500, 10_000, 5000, 10);
    expect(line).toContain("2,500/10,000 runs");
    expect(line).toContain("500 runs/s");
    expect(line).toContain("ETA 0:15");
    expect(line.startsWith("███░░░░░░░")).toBe(true);
    expect(progressLine(0, 10, 0)).toContain("ETA --:--");
    expect(clock(3725)).toBe("1:02:05");
  });
});
