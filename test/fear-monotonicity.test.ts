// "Higher fear never increases the number of plots started", over paired seeds. Until the first plot
// starts, fear enters a run only through the plot-start hazard, so paired runs share every draw and
// the higher-fear run can never see its first plot earlier. After that the runs diverge, so the
// count of plots is compared in total over the seeds.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { advance, createWorld, mixSeed, type Scenario } from "../src/engine/index.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const dir = fileURLToPath(new URL("../scenarios/", import.meta.url));
const withFear = (id: string, fear: number): Scenario =>
  loadScenarioFile(join(dir, `${id}.yaml`), { settings: [{ path: "globals.fear", value: fear }] }).scenario;

function firstPlot(scenario: Scenario, seed: number): { date: string | null; plots: number } {
  const world = advance(createWorld(scenario, { seed }));
  return { date: world.plots[0]?.startedOn ?? null, plots: world.plots.length };
}

describe("fear deters plotting", () => {
  for (const id of ["october-1964", "june-1957"]) {
    it(`${id}: with more fear the first plot never comes earlier (paired seeds)`, () => {
      const levels = [0, 0.2, 0.4, 0.6, 0.8, 1].map((f) => withFear(id, f));
      fc.assert(
        fc.property(fc.integer(), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 5 }), (seed, lo, gap) => {
          const hi = Math.min(5, lo + gap);
          const calm = firstPlot(levels[lo], seed);
          const afraid = firstPlot(levels[hi], seed);
          if (afraid.date !== null) {
            expect(calm.date, "a plot under more fear implies one, no later, under less").not.toBeNull();
            expect(afraid.date >= calm.date!).toBe(true);
          }
        }),
        { numRuns: 25, seed: 42 },
      );
    });

    it(`${id}: over 80 paired seeds, the total of plots started falls as fear rises`, () => {
      const totals = [0.1, 0.5, 0.9].map((f) => {
        const scenario = withFear(id, f);
        let plots = 0;
        for (let i = 0; i < 80; i++) plots += firstPlot(scenario, mixSeed(7, i)).plots;
        return plots;
      });
      expect(totals[1]).toBeLessThanOrEqual(totals[0]);
      expect(totals[2]).toBeLessThanOrEqual(totals[1]);
      expect(totals[2]).toBeLessThan(totals[0]);
    });
  }
});
