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
import { createWorld, mixSeed, simulate, summarize, type Scenario, type World } from "../src/engine/index.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const dir = fileURLToPath(new URL("../scenarios/", import.meta.url));
const withFear = (id: string, fear: number): Scenario => loadScenarioFile(join(dir, `${id}.yaml`), { settings: [{ path: "globals.fear", value: fear }] }).scenario;

/**
 * Paired seeds per scenario: more where runs are cheap, and where the counts are noisy. march-1953's
 * come in bursts (a dozen men may resolve against one man in the same week). On 10 seeds one step
 * failed by chance (9, 20 and 18 moves at the three levels, 2 December); on these 80 they are 103, 96
 * and 89 (a mean change of -0.17 a run from the lowest fear to the highest, standard error 0.22).
 * Resampling those 80 seeds, about 10% of sets of 10 would fail by chance, 5% of sets of 30, 3% at 80.
 */
const SEEDS: Record<string, number> = { "march-1953": 80, "june-1957": 100, "october-1964": 16 };
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

/** Whether a move is exempt from the count: a known departure (below), judged on the run's own world. */
type Exempt = (world: World, target: string) => boolean;

/** Moves started in one run: all of them, and those against anyone not exempt. */
function movesStarted(scenario: Scenario, seed: number, exempt: Exempt | null): { all: number; counted: number } {
  const world = simulate(scenario, { seed });
  const summary = summarize(world);
  // The summary's count is the moves nobody put to a vote openly.
  expect(summary.movesStarted).toBe(world.moves.filter((m) => m.open === null).length);
  return { all: summary.movesStarted, counted: world.moves.filter((m) => m.open === null && !(exempt?.(world, m.target) ?? false)).length };
}

/**
 * Known departures, left visible: the danger-driven motive. A man moves against a colleague for what
 * that colleague could do to him, and that danger weighs more as fear rises (relations.threat.fearWeight).
 * - In march-1953, against the man who holds the police: at fear 0.9 nearly every member resolves to
 *   act against Beria in the first week.
 * - In june-1957, against Khrushchev's rivals. On 100 paired seeds at fear 0.1, 0.5 and 0.9, moves
 *   against Molotov went 34, 37 and 116 at dbd910e. Once a recruit reckoned with the odds at which a
 *   move is launched, moves against his rivals went 33, 52 and 122 (Molotov 20, 41 and 95), many of
 *   them before the June contest, while moves against Khrushchev stayed level (327, 326, 321)
 *   (docs/research.md, what joining a move risks).
 * Both break VALIDATION.md E. The invariant is held for every other target, and each exemption is
 * checked to still be needed.
 */
const EXEMPT: Partial<Record<string, (scenario: Scenario) => Exempt>> = {
  "march-1953": (scenario) => {
    const police = policeChiefs(scenario);
    return (_world, target) => police.has(target);
  },
  "june-1957": () => (world, target) => target !== world.primacyHistory[0]?.who,
};

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
      const exempt = EXEMPT[id]?.(withFear(id, LEVELS[0])) ?? null;
      const runs = LEVELS.map((f) => {
        const scenario = withFear(id, f);
        return Array.from({ length: n }, (_, i) => movesStarted(scenario, mixSeed(7, i), exempt));
      });
      const counts = runs.map((r) => r.map((x) => x.counted));
      if (exempt) {
        // The exemption is still needed: against the exempt, fear still brings more moves.
        const against = runs.map((r) => r.reduce((s, x) => s + x.all - x.counted, 0));
        expect(against[2], `moves against the exempt at fear ${LEVELS[0]} and ${LEVELS[2]}`).toBeGreaterThan(against[0]);
      }
      const totals = counts.map((c) => c.reduce((a, b) => a + b, 0));
      // Moves happen at all, or the comparison says nothing.
      expect(totals[0]).toBeGreaterThan(n / 2);
      // Each step up, and the lowest level against the highest.
      for (const [lo, hi] of [[0, 1], [1, 2], [0, 2]]) {
        const d = paired(counts[hi].map((c, i) => c - counts[lo][i]));
        const why = `fear ${LEVELS[lo]} -> ${LEVELS[hi]}: totals ${totals.join(", ")}; mean paired change ${d.mean.toFixed(2)} (standard error ${d.se.toFixed(2)})`;
        expect(d.mean, why).toBeLessThanOrEqual(2 * d.se);
      }
    }, 180_000);
  }
});
