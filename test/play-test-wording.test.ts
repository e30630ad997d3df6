// What the browser play-test of 2 December 2026 found in the engine's words: a policy carried in the
// first week is the player's doing, an army chief keeps the army (not "the organs") out of a crisis,
// an appointment says whom it replaces, at the end a goal not reached is missed, not pending, and a
// man sounded out is told that his odds rest on what he was told.
import { describe, expect, it } from "vitest";
import { advance, createWorld, decisionsFor, simulate, step, summarize, type World } from "../src/engine/index.js";
import { goalsOf, optionOutcomes } from "../src/engine/player.js";
import { adopt } from "../src/engine/rules/governing.js";
import { alignmentOptions, organsCommanded } from "../src/engine/rules/alignment.js";
import type { Move } from "../src/engine/state.js";
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
    // The options he is offered say the same (what a player as Malinovsky reads).
    const world = createWorld(scenarioOf("october-1964"), { seed: 1, humanSeats: [] });
    const move = { id: "m-test", target: "khrushchev", members: ["malinovsky"] } as unknown as Move;
    expect(alignmentOptions(world, move, "malinovsky", 0.5).map((o) => o.label)).toEqual(["Bring the army in on the move's side", "Keep the army out of it"]);
    expect(organsCommanded(world, "semichastny")).toBe("the security organs");
  });

  it("an appointment names whom it replaces: his constituency and his patron, never 'a member from'", () => {
    const world = simulate(scenarioOf("october-1964"), { seed: 3 });
    const appointments = world.log.filter((e) => e.type === "appoint");
    expect(appointments.length).toBeGreaterThan(0);
    for (const e of appointments) {
      expect(e.text).not.toMatch(/a member from/);
      expect(e.text).toMatch(/replaces .+ with |fills a vacant place among the /);
      // A holder is one of the row's men in the row's own words ("a commander"), never "one of the
      // armed forces", which names a body, not its men.
      expect(e.text).not.toMatch(/one of the /);
    }
    const ones = world.rows.map((r) => r.one);
    expect(ones.every((one) => one !== undefined)).toBe(true);
    expect(appointments.some((e) => e.text.includes("replaces") && ones.some((one) => e.text.includes(one!)))).toBe(true);
  });

  it("at the end of a run a goal not reached reads as missed, not as 'not yet'", () => {
    const world: World = simulate(scenarioOf("october-1964"), { seed: 2 });
    expect(world.done).toBe(true);
    const statuses = world.order.flatMap((seat) => goalsOf(world, seat).goals.map((g) => g.status));
    for (const status of statuses) expect(status).not.toMatch(/yet\./);
    expect(statuses).toContain("Not met.");
  });
  it("a man sounded out is told his odds come from what he was told, and may change once he is in (play-test: 0.2% before joining, 30% after)", () => {
    const seat = "brezhnev";
    let world = advance(createWorld(scenarioOf("october-1964"), { seed: 7, humanSeats: [seat] }));
    for (let i = 0; i < 400 && !world.done && !world.awaiting.some((a) => a.seat === seat && a.kind === "respond"); i++) {
      const asked = world.awaiting.find((a) => a.seat === seat)!;
      const legal = decisionsFor(asked);
      world = step(world, legal.find((d) => d.choice === "lie-low") ?? legal.find((d) => d.choice !== "skip") ?? legal[0]);
    }
    expect(world.awaiting.some((a) => a.seat === seat && a.kind === "respond")).toBe(true);
    const join = optionOutcomes(world, seat).find((o) => o.result.startsWith("You are in a move that wins"))!;
    expect(join.rules.some((r) => r.startsWith("You reckon from what you were told"))).toBe(true);
  }, 120_000);
});
