// What the browser play-test of 2 December 2026 found in the engine's words: a policy carried in the
// first week is the player's doing, an army chief keeps the army (not "the organs") out of a crisis,
// an appointment says whom it replaces, and at the end a goal not reached is missed, not pending.
import { describe, expect, it } from "vitest";
import { createWorld, simulate, summarize, type World } from "../src/engine/index.js";
import { goalsOf } from "../src/engine/player.js";
import { adopt } from "../src/engine/rules/governing.js";
import { scenarioOf } from "./strategies.js";

describe("what the play-test of 2 December found", () => {
  it("a policy carried in the first week counts as carried in the run; one in force at the start does not", () => {
    const world = createWorld(scenarioOf("khrushchev-era"), { seed: 1, humanSeats: [] });
    expect(world.date).toBe(world.start);
    const maize = world.policies.find((p) => p.id === "maize-campaign")!;
    expect(maize.inForce).toBe(false);
    adopt(world, maize, "khrushchev", [], []);
    const goal = goalsOf(world, "khrushchev").goals.find((g) => g.id === "policy")!;
    expect(goal.status).toContain(maize.name);
    const adopted = summarize(world).policiesAdopted.map((p) => p.id);
    expect(adopted).toContain(maize.id);
    // october-1964 starts with the reforms of 1961-62 in force: history, nobody's doing in the run.
    const later = createWorld(scenarioOf("october-1964"), { seed: 1, humanSeats: [] });
    expect(later.policies.some((p) => p.inForce)).toBe(true);
    expect(summarize(later).policiesAdopted).toEqual([]);
  });

  it("a chief keeps out of a crisis the organs he commands, named: the army for the Defence minister", () => {
    const texts: string[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const world = simulate(scenarioOf("october-1964"), { seed });
      for (const e of world.log) if (e.type === "alignment" && e.actor === "malinovsky") texts.push(e.text);
    }
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).not.toMatch(/the organs/);
    expect(texts.some((t) => /the army/.test(t))).toBe(true);
  });

  it("an appointment names whom it replaces: his constituency and his patron, never 'a member from'", () => {
    const world = simulate(scenarioOf("october-1964"), { seed: 3 });
    const appointments = world.log.filter((e) => e.type === "appoint");
    expect(appointments.length).toBeGreaterThan(0);
    for (const e of appointments) {
      expect(e.text).not.toMatch(/a member from/);
      expect(e.text).toMatch(/replaces .+ with |fills a vacant place among the /);
    }
  });

  it("at the end of a run a goal not reached reads as missed, not as 'not yet'", () => {
    const world: World = simulate(scenarioOf("october-1964"), { seed: 2 });
    expect(world.done).toBe(true);
    for (const seat of world.order) {
      for (const goal of goalsOf(world, seat).goals) {
        expect(goal.status).not.toMatch(/yet\./);
      }
    }
  });
});
