// The norm of collective leadership (rules/collective.ts): a first man who stands far above his
// colleagues loses their goodwill week by week, less the more they fear him.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fileURLToPath } from "node:url";
import { createWorld, type World } from "../src/engine/index.js";
import { collectiveLeadership } from "../src/engine/rules/collective.js";
import { dominance } from "../src/engine/power.js";
import { regardOf } from "../src/engine/queries.js";
import { loadScenarioFile } from "../src/scenarios/load.js";
import { runWeek } from "../src/engine/turn.js";
import { Rng } from "../src/engine/rng.js";

const scenario = loadScenarioFile(fileURLToPath(new URL("../scenarios/october-1964.yaml", import.meta.url))).scenario;

/** The october-1964 world at its start, with fear set and the norm's tolerance at `tolerated`. */
function worldAt(fear: number, tolerated?: number): World {
  const world = createWorld(scenario, { seed: 1 });
  world.globals.fear = fear;
  if (tolerated !== undefined) {
    world.params = structuredClone(world.params);
    world.params.relations.collective.tolerated = tolerated;
  }
  return world;
}

/** The default weekly wear, read from a fresh world's parameters. */
const world0Resentment = () => createWorld(scenario, { seed: 1 }).params.relations.collective.resentment;

const regardsFor = (world: World, q: string) => Object.fromEntries(world.order.map((id) => [id, regardOf(world.principals[id], q)]));

describe("collective leadership", () => {
  it("costs the first man his colleagues' regard in proportion to his dominance beyond the norm, and no one else's", () => {
    const world = worldAt(0);
    const first = world.primacy!;
    expect(first).toBe("khrushchev");
    const k = world.params.relations.collective;
    const beyond = dominance(world, first) - k.tolerated;
    // Khrushchev in 1963, First Secretary and Premier, stands well above the norm.
    expect(beyond).toBeGreaterThan(0);
    const before = regardsFor(world, first);
    const othersBefore = regardsFor(world, "brezhnev");
    collectiveLeadership(world);
    const after = regardsFor(world, first);
    for (const id of world.order) {
      const p = world.principals[id];
      const colleague = id !== first && (p.presidium !== "none" || p.secretary);
      const expected = colleague ? Math.max(-1, before[id] - k.resentment * beyond) : before[id];
      expect(after[id], id).toBeCloseTo(expected, 12);
    }
    // Outside the leadership (the KGB chairman has no seat) nobody's regard moves.
    expect(world.principals.semichastny.presidium).toBe("none");
    expect(after.semichastny).toBe(before.semichastny);
    expect(regardsFor(world, "brezhnev")).toEqual(othersBefore);
  });

  it("leaves a first among equals alone: Khrushchev in January 1957, at the default tolerance", () => {
    const world = createWorld(loadScenarioFile(fileURLToPath(new URL("../scenarios/june-1957.yaml", import.meta.url))).scenario, { seed: 1 });
    world.globals.fear = 0;
    expect(world.primacy).toBe("khrushchev");
    expect(dominance(world, "khrushchev")).toBeLessThan(world.params.relations.collective.tolerated);
    const before = regardsFor(world, "khrushchev");
    collectiveLeadership(world);
    expect(regardsFor(world, "khrushchev")).toEqual(before);
  });

  it("pins the wear of one week: Brezhnev's regard for Khrushchev at the start of october-1964", () => {
    const world = worldAt(0);
    // By hand: 0.5 at the start (the scenario's opinion), dominance 0.6406 from the start's power reading, 0.03 x (0.6406 - 0.5).
    expect(regardOf(world.principals.brezhnev, "khrushchev")).toBe(0.5);
    expect(dominance(world, "khrushchev")).toBeCloseTo(0.6406, 4);
    collectiveLeadership(world);
    expect(regardOf(world.principals.brezhnev, "khrushchev")).toBeCloseTo(0.4958, 4);
  });

  it("does nothing with nobody first", () => {
    const world = worldAt(0);
    world.primacy = null;
    const before = world.order.map((id) => ({ ...world.principals[id].regard }));
    collectiveLeadership(world);
    expect(world.order.map((id) => world.principals[id].regard)).toEqual(before);
  });

  it("is part of the week: a week played with the wear ends with Brezhnev thinking less of Khrushchev than the same week without it", () => {
    const week = (resentment: number) => {
      const world = createWorld(scenario, { seed: 7 });
      world.params = structuredClone(world.params);
      world.params.relations.collective.resentment = resentment;
      runWeek({ world, rng: new Rng(world.rng), decisions: [], used: new Set<string>() });
      return regardOf(world.principals.brezhnev, "khrushchev");
    };
    expect(week(world0Resentment())).toBeLessThan(week(0));
  });

  it("wears his colleagues' regard less the more they fear him, and not at all under full terror", () => {
    const drop = (fear: number) => {
      const world = worldAt(fear);
      const before = regardOf(world.principals.brezhnev, "khrushchev");
      collectiveLeadership(world);
      return before - regardOf(world.principals.brezhnev, "khrushchev");
    };
    expect(drop(1)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(drop(low)).toBeGreaterThanOrEqual(drop(high) - 1e-12);
      }),
      { numRuns: 25 },
    );
  });
});
