// The estimates a seat is sent are worked out from what it knows: change anything it cannot know
// (other men's traits, opinions, trust, beliefs and suspicions, the true strength of plots it is not
// in, which CC members another plot has whipped, the random generator) and neither its view nor its
// estimates move.
import { describe, expect, it } from "vitest";
import { advance, createWorld, legalActions, presentWorld, seatEstimates, step, viewFor, type World } from "../src/engine/index.js";
import { resolveScenario } from "../src/scenarios/catalog.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

/** Scrambles everything `seat` cannot know, deterministically. */
function scrambleHidden(world: World, seat: string): World {
  const w = structuredClone(world);
  let k = 0;
  const noise = () => ((k++ * 0.618) % 1) * 2 - 1;
  for (const id of w.order) {
    if (id === seat) continue;
    const p = w.principals[id];
    for (const t of Object.keys(p.traits) as (keyof typeof p.traits)[]) p.traits[t] = Math.abs(noise());
    p.opinionOfLeader = noise();
    for (const other of Object.keys(p.trust)) p.trust[other] = noise();
    p.trust[seat] = noise();
    p.beliefs = [];
    p.suspicion = Object.fromEntries(w.order.map((x) => [x, Math.abs(noise())]));
    p.believesCcDecides = Math.abs(noise());
  }
  for (const plot of w.plots) {
    if (plot.members.includes(seat)) continue;
    plot.whippedCount = 37;
    plot.exposure = 2.5;
    plot.alarm = 0.9;
    plot.refusedBy = [];
  }
  const mine = new Set(w.plots.filter((p) => p.members.includes(seat)).map((p) => p.id));
  for (const m of w.cc) if (!m.whippedBy || !mine.has(m.whippedBy)) m.whippedBy = w.plots.find((p) => !mine.has(p.id))?.id ?? null;
  w.rng = createWorld(loadScenarioFile(resolveScenario(w.scenarioId)).scenario, { seed: w.seed + 1 }).rng;
  return w;
}

/** What the seat is sent, minus the awaited options (they are the rules' own computation for the seat). */
function told(world: World, seat: string): string {
  const { awaiting: _awaiting, ...view } = viewFor(world, seat);
  return JSON.stringify({ view, estimates: seatEstimates(world, seat) });
}

describe("a seat's estimates use only its own knowledge", () => {
  const cases: [string, string, number][] = [
    ["october-1964", "brezhnev", 5],
    ["october-1964", "khrushchev", 11],
    ["october-1964", "mikoyan", 29],
    ["june-1957", "malenkov", 8],
  ];
  for (const [scenarioId, seat, seed] of cases) {
    it(`${scenarioId} as ${seat}, seed ${seed}`, () => {
      const { scenario } = loadScenarioFile(resolveScenario(scenarioId));
      let world = advance(createWorld(scenario, { seed, humanSeats: [seat] }));
      let checked = 0;
      for (let n = 0; n < 40 && world.awaiting; n++) {
        if (n % 5 === 4) {
          const present = presentWorld(world);
          expect(told(scrambleHidden(present, seat), seat)).toBe(told(present, seat));
          checked++;
        }
        const legal = legalActions(world, seat);
        world = step(world, legal[(n * 5 + seed) % legal.length]);
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
