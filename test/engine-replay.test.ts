// `replay`, which a server loading a save and `presidium replay` use: a game's decisions played from
// its start must reach exactly the world that taking them one `step` at a time reaches (the world at
// the next question and the world as it stands there), and a decision that does not fit is blamed by
// its index, wherever it falls (in the weeks played in place, or in the last decision's week).
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { advance, createWorld, IllegalAction, legalActions, presentWorld, replay, step, type Decision, type Scenario, type World } from "../src/engine/index.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const dir = fileURLToPath(new URL("../scenarios/", import.meta.url));
const scenarios = new Map<string, Scenario>();
const scenario = (id: string) => scenarios.get(id) ?? scenarios.set(id, loadScenarioFile(join(dir, `${id}.yaml`)).scenario).get(id)!;

/**
 * A game played with `step`: each turn one of the seats asked answers (not always the first asked,
 * so the order decisions are made in differs from the order questions are asked), with a varied
 * choice among its options. Stops after `limit` decisions or at the end.
 */
function played(id: string, seed: number, seats: string[], limit = Infinity): { decisions: Decision[]; world: World } {
  let world = advance(createWorld(scenario(id), { seed, humanSeats: seats }));
  const decisions: Decision[] = [];
  while (!world.done && decisions.length < limit) {
    const n = decisions.length;
    const asked = world.awaiting[world.awaiting.length - 1 - (n % world.awaiting.length)];
    const legal = legalActions(world, asked.seat);
    const d = legal[(n * 7 + 3) % legal.length];
    decisions.push(d);
    world = step(world, d);
  }
  return { decisions, world };
}

const fresh = (id: string, seed: number, seats: string[]) => createWorld(scenario(id), { seed, humanSeats: seats });

function illegalIndex(run: () => unknown): number | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof IllegalAction) return error.index;
    throw error;
  }
  throw new Error("the replay accepted the decisions");
}

/** The index of the first decision `step` refuses, taking them one at a time from the start. */
function stepBlame(id: string, seed: number, seats: string[], decisions: readonly Decision[]): number | undefined {
  let world = advance(fresh(id, seed, seats));
  for (let i = 0; i < decisions.length; i++) {
    try {
      world = step(world, decisions[i]);
    } catch (error) {
      if (error instanceof IllegalAction) return i;
      throw error;
    }
  }
  return undefined;
}

describe("replay", () => {
  it.each([
    ["october-1964", 3, ["brezhnev"], Infinity],
    ["october-1964", 7, ["brezhnev", "khrushchev"], Infinity],
    ["june-1957", 5, ["khrushchev"], Infinity],
    ["march-1953", 2, ["beria", "malenkov"], 40],
    ["october-1964", 9, ["semichastny"], 20],
  ])("%s seed %i as %j reaches the world step by step reaches", (id, seed, seats, limit) => {
    const { decisions, world } = played(id, seed, seats, limit);
    expect(decisions.length).toBeGreaterThan(10);
    const asked: number[] = [];
    const replayed = replay(fresh(id, seed, seats), decisions, (i) => asked.push(i));
    expect(JSON.stringify(replayed)).toBe(JSON.stringify(world));
    expect(JSON.stringify(presentWorld(replayed))).toBe(JSON.stringify(presentWorld(world)));
    // Only the last decision's week goes through step; it always holds the last decision.
    expect(asked.at(-1)).toBe(decisions.length - 1);
    expect(asked.length).toBeLessThan(decisions.length);
  });

  it("blames a decision that does not fit by its index, in a week played in place and in the last week", () => {
    const seats = ["brezhnev", "khrushchev"];
    const { decisions } = played("october-1964", 7, seats, 60);
    const otherChoice = (d: Decision): Decision => ({ ...d, choice: d.choice === "no-such-choice" ? "x" : "no-such-choice" });
    for (const at of [5, 30, decisions.length - 1]) {
      const tampered = decisions.map((d, i) => (i === at ? otherChoice(d) : d));
      expect(illegalIndex(() => replay(fresh("october-1964", 7, seats), tampered)), `decision ${at} changed`).toBe(at);
    }
    // A decision left out: the one after it answers a question it was not asked for.
    const without = decisions.filter((_, i) => i !== 12);
    const blamed = illegalIndex(() => replay(fresh("october-1964", 7, seats), without));
    expect(blamed).toBeGreaterThanOrEqual(12);
    expect(blamed).toBeLessThanOrEqual(13);
    expect(blamed).toBe(stepBlame("october-1964", 7, seats, without));
  });

  it("refuses a week's decisions out of the order they were asked in, as step does", () => {
    // The first man has two actions a week: the second round's question is asked only after the first is answered.
    const { decisions } = played("june-1957", 5, ["khrushchev"], 30);
    const at = decisions.findIndex((d, i) => d.key.endsWith(":weekly:0") && decisions[i + 1]?.key === d.key.replace(/:0$/, ":1"));
    expect(at).toBeGreaterThanOrEqual(0);
    const swapped = decisions.map((d, i) => (i === at ? decisions[at + 1] : i === at + 1 ? decisions[at] : d));
    expect(stepBlame("june-1957", 5, ["khrushchev"], swapped)).toBe(at);
    expect(illegalIndex(() => replay(fresh("june-1957", 5, ["khrushchev"]), swapped))).toBe(at);
  });

  it("a campaign played on after its player's fall is played to its end without him", () => {
    const { decisions, world } = played("khrushchev-era", 11, ["khrushchev"], 300);
    expect(world.done).toBe(true);
    const replayed = replay(fresh("khrushchev-era", 11, ["khrushchev"]), decisions);
    expect(JSON.stringify(replayed)).toBe(JSON.stringify(world));
  });
});
