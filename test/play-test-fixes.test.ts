// What a play-test through the browser found on 1 December 2026, checked through the engine's own
// answers to a seat: the odds shown for a vote must weigh what the voters weigh, an outcome names the
// man it is about, and a crisis over a sick man's retirement is argued about his health.
import { describe, expect, it } from "vitest";
import { advance, createWorld, decisionsFor, step, type World } from "../src/engine/index.js";
import { canKnow } from "../src/engine/log.js";
import { optionOutcomes, speechProse } from "../src/engine/player.js";
import { scenarioOf } from "./strategies.js";

/** Plays a seat, answering yes or the first real option, until `stop` says so; returns the world there. */
function playUntil(world: World, seat: string, stop: (w: World) => boolean, limit = 600): World {
  for (let i = 0; i < limit && !world.done && !stop(world); i++) {
    const asked = world.awaiting.find((a) => a.seat === seat)!;
    const legal = decisionsFor(asked);
    world = step(world, legal.find((d) => d.choice === "yes") ?? legal.find((d) => d.choice !== "skip") ?? legal[0]);
  }
  return world;
}

describe("what the play-test found", () => {
  it("a vote on the First Secretary's post is shown with the odds its voters make (march-1953, seed 1953: Malenkov's bids fail)", () => {
    const seat = "khrushchev";
    const asked = (w: World) => w.awaiting.find((a) => a.seat === seat && a.key.includes("fill:"));
    let world = playUntil(advance(createWorld(scenarioOf("march-1953"), { seed: 1953, humanSeats: [seat] })), seat, (w) => asked(w) !== undefined);
    const question = asked(world)!;
    expect(question.prompt).toMatch(/proposes himself as First Secretary/);
    const carried = optionOutcomes(world, seat).find((o) => o.result.startsWith("The Presidium carries"))!;
    expect(carried.chance!).toBeLessThan(0.5);
    world = step(world, decisionsFor(question).find((d) => d.choice === "yes")!);
    world = playUntil(world, seat, (w) => w.log.some((e) => e.text.includes("proposes himself as First Secretary")));
    expect(world.log.find((e) => e.text.includes("proposes himself as First Secretary"))!.text).toMatch(/rejected/);
  }, 120_000);

  it("speeches on retiring a sick man are about his health, not the charges against a leader", () => {
    let found = 0;
    for (let seed = 1; seed <= 40 && found === 0; seed++) {
      const world = advance(createWorld(scenarioOf("october-1964"), { seed, humanSeats: [] }));
      const prose = speechProse(world, "semichastny");
      const health = world.moves.filter((m) => m.open === "health").map((m) => m.id);
      // The prose is keyed by the place of each entry among those the seat can know.
      world.log.filter((e) => canKnow(e, "semichastny")).forEach((e, i) => {
        if (e.type !== "speech" || !health.includes(String(e.data?.move)) || !prose[i]) return;
        found++;
        expect(prose[i]).toMatch(/releas|time for|recover|rest|sick/);
        expect(prose[i]).not.toMatch(/whim and shouting|decides everything alone/);
      });
    }
    expect(found).toBeGreaterThan(0);
  }, 120_000);
});

describe("letting quiet weeks pass", () => {
  it("works for the first man too: colleagues cultivating him do not wake him every week (october-1964, seed 64)", () => {
    const seat = "khrushchev";
    let world = advance(createWorld(scenarioOf("october-1964"), { seed: 64, humanSeats: [seat] }));
    let weekly = 0;
    const startWeek = world.week;
    while (!world.done && world.week < startWeek + 26) {
      const asked = world.awaiting.find((a) => a.seat === seat)!;
      const legal = decisionsFor(asked);
      if (asked.kind === "weekly") weekly++;
      world = step(world, legal.find((d) => d.choice === "skip") ?? legal.find((d) => d.choice !== "skip") ?? legal[0]);
    }
    const weeks = world.week - startWeek;
    expect(weeks).toBeGreaterThan(20);
    expect(weekly).toBeLessThan(weeks * 0.8);
  }, 120_000);
});
