// A warning tells the man warned who brings it (detection.ts, warn): his trust in the source weighs
// on whether he takes it seriously, so a player must know whom he is weighing.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createWorld, type World } from "../src/engine/index.js";
import { DecisionNeeded, toAwaiting, type Question } from "../src/engine/ai/choice.js";
import { optionOutcomes } from "../src/engine/player.js";
import { warn } from "../src/engine/rules/detection.js";
import { startMove } from "../src/engine/rules/moves.js";
import { Rng } from "../src/engine/rng.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const october = loadScenarioFile(fileURLToPath(new URL("../scenarios/october-1964.yaml", import.meta.url))).scenario;

/** The question Khrushchev, a player, is asked when warned of Brezhnev's move by `source`, and his world. */
function warned(source: string | null): { world: World; question: Question } {
  const world = createWorld(october, { seed: 1, humanSeats: ["khrushchev"] });
  const ctx = { world, rng: new Rng(world.rng), decisions: [], used: new Set<string>() };
  const move = startMove(ctx, "brezhnev", "khrushchev", []);
  try {
    warn(ctx, move, ["brezhnev"], source, 0.6);
  } catch (error) {
    if (error instanceof DecisionNeeded) return { world, question: error.questions[0] };
    throw error;
  }
  throw new Error("the player was not asked");
}

const warningPrompt = (source: string | null) => warned(source).question.prompt;

describe("a warning", () => {
  it("names the man who brings it", () => {
    expect(warningPrompt("mikoyan")).toBe("Mikoyan warns you: Brezhnev is said to be working against you.");
  });

  it("says so when it is only a rumour", () => {
    expect(warningPrompt(null)).toBe("A rumour reaches you: Brezhnev is said to be working against you.");
  });

  it("taken seriously, warns the player that the movers, alerted, may strike at once", () => {
    // User-test: Beria took a warning seriously and was arrested the same day, with nothing said of it.
    const { world, question } = warned("mikoyan");
    world.awaiting = [toAwaiting(question)];
    const serious = optionOutcomes(world, "khrushchev").find((o) => o.option === "take-seriously")!;
    expect(serious.rules.join(" ")).toMatch(/readier to strike at once/);
  });
});
