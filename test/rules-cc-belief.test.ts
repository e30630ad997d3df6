// How the leadership learns that the Central Committee decides (MODEL.md section 7), short of a
// plenum settling a contest: every plenum asked to approve what the Presidium decided (a removal, an
// arrest, an election) moves the belief a little; and members who refused the majority while a
// plenum waits are not asked again, as in the weeks of lobbying before a strike.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createWorld, mixSeed, simulate } from "../src/engine/index.js";
import { learnFromRatification } from "../src/engine/rules/learning.js";
import { mayAskCadre } from "../src/engine/rules/moves.js";
import { addDays } from "../src/engine/calendar.js";
import type { Move } from "../src/engine/state.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const march = loadScenarioFile(fileURLToPath(new URL("../scenarios/march-1953.yaml", import.meta.url))).scenario;

describe("a plenum asked to approve", () => {
  it("moves every living principal's belief and the CC's standing a share of the way to certainty", () => {
    const world = createWorld(march, { seed: 3 });
    const share = world.params.learning.contest.ratifyLesson;
    expect(share).toBeGreaterThan(0);
    world.principals.beria.alive = false;
    const before = Object.fromEntries(world.order.map((id) => [id, world.principals[id].believesCcDecides]));
    const arbiter = world.globals.ccArbiter;
    learnFromRatification(world);
    for (const id of world.order) {
      const expected = id === "beria" ? before[id] : before[id] + share * (1 - before[id]);
      expect(world.principals[id].believesCcDecides, id).toBeCloseTo(expected, 12);
    }
    expect(world.globals.ccArbiter).toBeCloseTo(arbiter + share * (1 - arbiter), 12);
  });

  it("over runs of march-1953, the CC's standing follows the plenums that approved and the arrests that bypassed it", () => {
    const start = march.globals.ccArbiter.value;
    let checked = 0;
    for (let i = 0; i < 20; i++) {
      const world = simulate(march, { seed: mixSeed(20261130, i) });
      // A plenum that settles a contest teaches a larger lesson of its own; those runs are left out.
      if (world.contests.some((c) => c.venue === "plenum")) continue;
      const { ratifyLesson, forceLesson } = world.params.learning.contest;
      let expected = start;
      for (const e of world.log) {
        if (e.type === "arrest" || e.type === "arrest-fails") expected -= forceLesson * expected;
        // An arrest, too, is put before a plenum afterwards.
        if (e.type === "arrest" || e.type === "plenum-ratifies") expected += ratifyLesson * (1 - expected);
      }
      expect(world.globals.ccArbiter, `run ${i}`).toBeCloseTo(expected, 12);
      if (world.log.some((e) => e.type === "plenum-ratifies")) checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe("asking a CC member for his vote", () => {
  it("a member who refused a move is not asked again by it for askAgainAfterDays, and may be asked by another", () => {
    const world = createWorld(march, { seed: 3 });
    const member = world.cadres.find((c) => c.seat === "voting")!;
    const move = { id: "m-test" } as Move;
    const other = { id: "m-other" } as Move;
    expect(mayAskCadre(world, member, move)).toBe(true);
    member.refused[move.id] = world.date;
    expect(mayAskCadre(world, member, move)).toBe(false);
    expect(mayAskCadre(world, member, other)).toBe(true);
    world.date = addDays(world.date, world.params.moves.approach.askAgainAfterDays);
    expect(mayAskCadre(world, member, move)).toBe(true);
  });
});
