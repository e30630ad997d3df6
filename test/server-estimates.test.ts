// What a seat is told is worked out from what it knows: change anything it cannot know (other men's
// traits, opinions, trust, files, beliefs and suspicions; the true strength, exposure and pledges of
// moves it is not in; the CC members' private debts; the random generator) and neither its view, nor
// its estimates, nor what each option of its question would bring (with its odds), nor its goals,
// nor the speeches as it hears them, move.
import { describe, expect, it } from "vitest";
import { advance, createWorld, legalActions, presentWorld, seatEstimates, step, viewFor, type World } from "../src/engine/index.js";
import { goalsOf, optionOutcomes, speechProse } from "../src/engine/player.js";
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
    for (const other of w.order) {
      p.regard[other] = noise();
      p.trust[other] = noise();
      p.suspicion[other] = Math.abs(noise());
      p.kompromat[other] = Math.abs(noise());
    }
    p.beliefs = p.beliefs.filter((b) => world.principals[seat].beliefs.some((mine) => mine.move === b.move));
    p.believesCcDecides = Math.abs(noise());
  }
  const mine = new Set(w.moves.filter((m) => m.members.includes(seat)).map((m) => m.id));
  for (const move of w.moves) {
    if (mine.has(move.id)) continue;
    move.exposure = 2.5 * Math.abs(noise());
    move.alarm = Math.abs(noise());
    move.refusals = [];
  }
  for (const c of w.cadres) {
    c.debts = Object.fromEntries(w.order.map((id) => [id, noise() * 0.3]));
    if (c.pledge !== null && !mine.has(c.pledge)) c.pledge = null;
  }
  w.rng = createWorld(loadScenarioFile(resolveScenario(w.scenarioId)).scenario, { seed: w.seed + 1 }).rng;
  return w;
}

/** What the seat is told, minus the awaited options themselves (they are the rules' own computation for the seat). */
function told(world: World, seat: string): string {
  const { awaiting: _awaiting, ...view } = viewFor(world, seat);
  const outcomes = optionOutcomes(world, seat).map((o) => ({ ...o, chance: o.chance === null ? null : Math.round(o.chance * 1e6) / 1e6 }));
  return JSON.stringify({ view, estimates: seatEstimates(world, seat), outcomes, goals: goalsOf(world, seat), speeches: speechProse(world, seat) });
}

describe("a seat's estimates and odds use only its own knowledge", () => {
  const cases: [string, string, number][] = [
    ["october-1964", "brezhnev", 5],
    ["october-1964", "khrushchev", 11],
    ["october-1964", "shelepin", 29],
    ["june-1957", "malenkov", 8],
    ["march-1953", "beria", 3],
  ];
  for (const [scenarioId, seat, seed] of cases) {
    it(`${scenarioId} as ${seat}, seed ${seed}`, () => {
      const { scenario } = loadScenarioFile(resolveScenario(scenarioId));
      let world = advance(createWorld(scenario, { seed, humanSeats: [seat] }));
      let checked = 0;
      for (let n = 0; n < 30 && world.awaiting.length; n++) {
        if (n % 5 === 4) {
          const present = presentWorld(world);
          const a = told(scrambleHidden(present, seat), seat);
          const b = told(present, seat);
          if (a !== b) {
            const out: string[] = [];
            diff(JSON.parse(a), JSON.parse(b), "", out);
            expect(out).toEqual([]);
          }
          checked++;
        }
        const legal = legalActions(world, seat);
        world = step(world, legal[(n * 5 + seed) % legal.length]);
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});

/** The paths where two JSON values differ, with both values (a readable failure). */
function diff(a: unknown, b: unknown, path: string, out: string[]): void {
  if (out.length > 12) return;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${path}: ${JSON.stringify(a)?.slice(0, 160)} (scrambled) vs ${JSON.stringify(b)?.slice(0, 160)}`);
    return;
  }
  for (const k of new Set([...Object.keys(a as object), ...Object.keys(b as object)])) diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
}
