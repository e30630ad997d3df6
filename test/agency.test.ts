// VALIDATION.md section D, first row: for every character of every scenario, a player taking random
// legal actions is offered at least two real options (not counting "skip") in at least 70% of the
// weeks in which he may act. Each character is played for its first WEEKS weeks (a quarter to half of
// a scenario), choosing uniformly among the legal actions other than skip with a seeded generator;
// every other question (votes, answers to approaches) is answered the same way.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { advance, createWorld, legalActions, step, type World } from "../src/engine/index.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const WEEKS = 26;
const SHARE = 0.7;

function scenarioOf(id: string) {
  return loadScenarioFile(fileURLToPath(new URL(`../scenarios/${id}.yaml`, import.meta.url))).scenario;
}

/** A small seeded generator (the engine's own streams belong to the world). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface WeekCount {
  weeks: number;
  twoOrMore: number;
  twoBesidesLyingLow: number;
}

function playRandomly(world: World, seat: string, seed: number): WeekCount {
  const random = lcg(seed);
  const counted = new Set<string>();
  const out: WeekCount = { weeks: 0, twoOrMore: 0, twoBesidesLyingLow: 0 };
  while (!world.done && world.week < WEEKS) {
    const asked = world.awaiting.find((a) => a.seat === seat);
    if (!asked) throw new Error(`the run stopped without asking ${seat}`);
    const legal = legalActions(world, seat).filter((d) => d.choice !== "skip");
    if (asked.kind === "weekly" && !counted.has(`${world.week}`)) {
      counted.add(`${world.week}`);
      out.weeks++;
      if (legal.length >= 2) out.twoOrMore++;
      if (legal.filter((d) => d.choice !== "lie-low").length >= 2) out.twoBesidesLyingLow++;
    }
    world = step(world, legal[Math.floor(random() * legal.length)]);
  }
  return out;
}

describe.each(["october-1964", "june-1957", "march-1953"])("%s: every character has choices", (id) => {
  const scenario = scenarioOf(id);
  it.each(Object.keys(scenario.characters))("%s is offered two real options in at least 70% of his weeks", (seat) => {
    const world = advance(createWorld(scenario, { seed: 7, humanSeats: [seat] }));
    const count = playRandomly(world, seat, 7);
    // A character who cannot act at all (ill from the start, or fallen) has no weeks to count.
    if (count.weeks === 0) {
      expect(world.principals[seat].incapacitatedSince !== null || world.principals[seat].fate !== null).toBe(true);
      return;
    }
    expect(count.twoOrMore / count.weeks).toBeGreaterThanOrEqual(SHARE);
  });
});
