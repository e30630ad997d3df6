// How the leadership learns that the Central Committee decides (MODEL.md section 7), short of a
// plenum settling a contest: every plenum asked to approve what the Presidium decided (a removal, an
// arrest, an election) moves the belief a little; and members who refused the majority while a
// plenum waits are not asked again, as in the weeks of lobbying before a strike.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createWorld, mixSeed, simulate } from "../src/engine/index.js";
import { crisisPhase } from "../src/engine/rules/crisis.js";
import { learnFromRatification } from "../src/engine/rules/learning.js";
import { mayAskCadre, startMove } from "../src/engine/rules/moves.js";
import { addDays } from "../src/engine/calendar.js";
import { votingCc } from "../src/engine/queries.js";
import { Rng } from "../src/engine/rng.js";
import type { Move } from "../src/engine/state.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const load = (id: string) => loadScenarioFile(fileURLToPath(new URL(`../scenarios/${id}.yaml`, import.meta.url))).scenario;
const march = load("march-1953");
const june = load("june-1957");

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

describe("while a plenum waits", () => {
  it("the majority asks each member in town once: a refusal is dated, and a man who refused is not won over later", () => {
    const world = createWorld(june, { seed: 5 });
    // Nobody signs a demand for the plenum, so it waits the whole week.
    world.params = structuredClone(world.params);
    world.params.crisis.attendance.signLean = 99;
    const ctx = { world, rng: new Rng(world.rng), decisions: [], used: new Set<string>() };
    const move = startMove(ctx, "molotov", "khrushchev", []);
    move.members.push("malenkov", "kaganovich");
    const voters = votingCc(world);
    const start = world.date;
    // One member turned the movers down a week ago.
    const earlier = voters[0];
    earlier.refused[move.id] = addDays(start, -7);
    world.crisis = {
      move: move.id, venue: "session", phase: "plenum-called", day: 0, startedOn: start, answer: "plenum", sessionDays: 1, sessionEndedDay: 0,
      tally: { for: 7, against: 4, voters: 11 }, sides: {}, arrived: Object.fromEntries(voters.map((c) => [c.id, 0])), signatures: [], plenumDay: 100, conceded: [], fullMembers: 3, army: [],
    };
    crisisPhase(ctx);
    expect(world.crisis?.phase).toBe("plenum-called");
    expect(earlier.pledge).toBeNull();
    expect(earlier.refused[move.id]).toBe(addDays(start, -7));
    const refusedNow = voters.filter((c) => c !== earlier && c.refused[move.id] !== undefined);
    const pledged = voters.filter((c) => c.pledge === move.id);
    expect(refusedNow.length).toBeGreaterThan(10);
    expect(pledged.length).toBeGreaterThan(0);
    for (const c of refusedNow) {
      expect(c.refused[move.id] >= start && c.refused[move.id] < addDays(start, 7), c.id).toBe(true);
      expect(c.pledge, c.id).not.toBe(move.id);
    }
  });
});
