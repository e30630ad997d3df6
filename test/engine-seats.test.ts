// Several human seats in one game (issue 11, item 7): the engine asks every human seat for its
// week's orders at once, keyed by week, seat and kind; the order in which the answers arrive does
// not matter; and neither seat's view reveals what the other has been asked or has answered.
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { advance, createWorld, legalActions, step, viewFor, type Decision, type World } from "../src/engine/index.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const file = fileURLToPath(new URL("../scenarios/october-1964.yaml", import.meta.url));
const SEATS = ["brezhnev", "khrushchev"];

function start(): World {
  const { scenario } = loadScenarioFile(file);
  return advance(createWorld(scenario, { seed: 11, humanSeats: SEATS }));
}

function logHash(world: World): string {
  return createHash("sha256").update(JSON.stringify(world.log)).digest("hex");
}

/** The first option that is not "skip", so both seats keep being asked. */
function firstChoice(world: World, seat: string): Decision {
  const legal = legalActions(world, seat);
  return legal.find((d) => d.choice !== "skip") ?? legal[0];
}

describe("two human seats in one game", () => {
  it("asks both seats for the week's orders at once, each with its own key", () => {
    const world = start();
    const asked = world.awaiting.map((a) => a.seat).sort();
    expect(asked).toEqual(SEATS);
    // Keyed by week and kind (and answered per seat), not by a place in a queue.
    for (const a of world.awaiting) expect(a.key).toMatch(new RegExp(`^w${world.week}:weekly:`));
  });

  it("goes on only when both have answered, whichever answers first", () => {
    const world = start();
    const k = firstChoice(world, "khrushchev");
    const b = firstChoice(world, "brezhnev");
    const halfway = step(world, k);
    expect(halfway.week).toBe(world.week);
    expect(halfway.awaiting.map((a) => a.seat)).toEqual(["brezhnev"]);
    const kFirst = step(halfway, b);
    const bFirst = step(step(world, b), k);
    // The first round of orders is done: nobody is asked it again.
    const firstRound = world.awaiting[0].key;
    expect(kFirst.awaiting.some((a) => a.key === firstRound)).toBe(false);
    expect(logHash(kFirst)).toBe(logHash(bFirst));
    expect(kFirst.awaiting).toEqual(bFirst.awaiting);
  });

  it("never shows a seat the other seat's question or pending answer", () => {
    const world = start();
    const halfway = step(world, firstChoice(world, "khrushchev"));
    // Khrushchev's answer changes nothing Brezhnev can see.
    expect(viewFor(halfway, "brezhnev")).toEqual(viewFor(world, "brezhnev"));
    expect(viewFor(halfway, "brezhnev").awaiting?.seat).toBe("brezhnev");
    // And Khrushchev, having answered, sees no question, his or Brezhnev's.
    expect(viewFor(halfway, "khrushchev").awaiting).toBeNull();
    // Once the week is played, each seat's log holds its own decisions and not the other's.
    let next = halfway;
    while (next.week === world.week) next = step(next, firstChoice(next, next.awaiting[0].seat));
    const mine = (seat: string) => viewFor(next, seat).log.filter((e) => e.type === "player-decision").map((e) => e.actor);
    expect(mine("khrushchev").length).toBeGreaterThan(0);
    expect(mine("brezhnev").length).toBeGreaterThan(0);
    expect(new Set(mine("khrushchev"))).toEqual(new Set(["khrushchev"]));
    expect(new Set(mine("brezhnev"))).toEqual(new Set(["brezhnev"]));
  });

  it("refuses an answer for a seat that was not asked, and a repeated answer", () => {
    const world = start();
    const k = firstChoice(world, "khrushchev");
    expect(() => step(world, { ...k, seat: "mikoyan" })).toThrow();
    const halfway = step(world, k);
    expect(() => step(halfway, k)).toThrow();
  });
});
