// VALIDATION.md section E: "Higher fear never increases the number of moves started (paired seeds)".
// Each scenario is played on the same seeds at three levels of the starting fear (set as the
// command line's --set globals.fear does); moves started are counted as the run summary counts them
// (moves against anyone, not the open purges and health retirements the first man puts to a vote).
// Paired runs diverge once anyone's choice differs, so the claim is tested on the paired differences
// over many seeds: raising fear must not raise the moves started by more than chance allows (the mean
// paired difference may not exceed twice its standard error, a one-sided test at about 2.3%).
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { createWorld, mixSeed, simulate, summarize, type Scenario } from "../src/engine/index.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const dir = fileURLToPath(new URL("../scenarios/", import.meta.url));
const withFear = (id: string, fear: number): Scenario => loadScenarioFile(join(dir, `${id}.yaml`), { settings: [{ path: "globals.fear", value: fear }] }).scenario;

/**
 * Paired seeds per scenario: more where runs are cheap (runs of march-1953 are three years long).
 * june-1957 needs many: after the June contest, danger-driven moves against the beaten Molotov
 * multiply with fear, a departure that 30 seeds could not tell from noise either way (on 100 seeds
 * of this base, fear 0.5 to 0.9 added 0.85 moves a run, 3.9 standard errors, before a recruit
 * reckoned with the odds at which a move is launched; 0.30, 1.4 standard errors, after it;
 * docs/research.md, what joining a move risks).
 */
const SEEDS: Record<string, number> = { "march-1953": 10, "june-1957": 100, "october-1964": 16 };
const LEVELS = [0.1, 0.5, 0.9];

/** Mean and standard error of paired differences. */
function paired(d: number[]): { mean: number; se: number } {
  const n = d.length;
  const mean = d.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { mean, se: sd / Math.sqrt(n) };
}

/** The men who command the security organs when the scenario starts. */
function policeChiefs(scenario: Scenario): Set<string> {
  const world = createWorld(scenario, { seed: 1 });
  return new Set(world.order.filter((id) => world.principals[id].posts.some((post) => world.posts[post].powers.includes("security"))));
}

/** Moves started in one run: all of them, and those against anyone not exempt. */
function movesStarted(scenario: Scenario, seed: number, exempt: ReadonlySet<string>): { all: number; counted: number } {
  const world = simulate(scenario, { seed });
  const summary = summarize(world);
  // The summary's count is the moves nobody put to a vote openly.
  expect(summary.movesStarted).toBe(world.moves.filter((m) => m.open === null).length);
  return { all: summary.movesStarted, counted: world.moves.filter((m) => m.open === null && !exempt.has(m.target)).length };
}

/**
 * A known departure, left visible: in march-1953 the colleagues of the man who holds the police move
 * against him because of what he could do to them, and the threat he poses grows with fear
 * (relations.threat.fearWeight). So more fear brings more moves against Beria (at fear 0.9 nearly
 * every member resolves to act in the first week), against VALIDATION.md E. The invariant is held
 * for every other target there, and the exemption itself is checked to still be needed.
 */
const EXEMPT_POLICE: Record<string, boolean> = { "march-1953": true };

describe("fear deters moves", () => {
  it("the setting reaches the world: fear starts where it is set", () => {
    for (const f of LEVELS) {
      const world = createWorld(withFear("october-1964", f), { seed: 1 });
      expect(world.globals.fear).toBe(f);
      expect(world.origin.fear).toBe(f);
    }
  });

  it("the paired test flags a rise, and lets a fall or noise pass", () => {
    expect(paired([1, 2, 1, 0, 1, 2, 1, 1]).mean).toBe(1.125);
    const rise = paired([1, 2, 1, 0, 1, 2, 1, 1]);
    expect(rise.mean > 2 * rise.se).toBe(true);
    const noise = paired([1, -1, 0, 1, -1, 0, 2, -2]);
    expect(noise.mean > 2 * noise.se).toBe(false);
  });

  for (const [id, n] of Object.entries(SEEDS)) {
    it(`${id}: over ${n} paired seeds, more fear does not bring more moves`, () => {
      const exempt = EXEMPT_POLICE[id] ? policeChiefs(withFear(id, LEVELS[0])) : new Set<string>();
      const runs = LEVELS.map((f) => {
        const scenario = withFear(id, f);
        return Array.from({ length: n }, (_, i) => movesStarted(scenario, mixSeed(7, i), exempt));
      });
      const counts = runs.map((r) => r.map((x) => x.counted));
      if (exempt.size > 0) {
        // The exemption is still needed: against the police chief, fear still brings more moves.
        const against = runs.map((r) => r.reduce((s, x) => s + x.all - x.counted, 0));
        expect(against[2], `moves against ${[...exempt].join(", ")} at fear ${LEVELS[0]} and ${LEVELS[2]}`).toBeGreaterThan(against[0]);
      }
      const totals = counts.map((c) => c.reduce((a, b) => a + b, 0));
      // Moves happen at all, or the comparison says nothing.
      expect(totals[0]).toBeGreaterThan(n / 2);
      for (let k = 1; k < LEVELS.length; k++) {
        const d = paired(counts[k].map((c, i) => c - counts[k - 1][i]));
        const why = `fear ${LEVELS[k - 1]} -> ${LEVELS[k]}: totals ${totals.join(", ")}; mean paired change ${d.mean.toFixed(2)} (standard error ${d.se.toFixed(2)})`;
        expect(d.mean, why).toBeLessThanOrEqual(2 * d.se);
      }
    }, 180_000);
  }
});
