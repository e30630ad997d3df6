// The world at a pending decision (presentWorld), which a server shows its seats each turn. `advance`
// keeps the week it played up to the question instead of having it played a second time: that kept
// world must be exactly what re-running the week gives, in a crisis (speeches and votes before the
// player's turn) as in a quiet week, and with two seats asked at once. Worlds handed back share
// parts with the worlds they came from (the log's entries, the answered week's start), so no turn
// may change a world handed back before it.
import { describe, expect, it } from "vitest";
import { advance, createWorld, legalActions, presentWorld, step, type Decision, type World } from "../src/engine/index.js";
import { scenarioOf } from "./strategies.js";

/** Re-run from its start: a copy of the suspended world is a world `advance` never kept. */
const rerun = (world: World) => presentWorld(structuredClone(world));

/** Varied answers, so that moves are started and joined and crises come. */
function pick(world: World, seat: string, n: number): Decision {
  const legal = legalActions(world, seat);
  return legal[((n * 7 + 13) % 11) % legal.length];
}

/**
 * `kept`: questions whose world was kept (the same object on every call), not re-run. `changed`:
 * worlds handed back (and worlds at their questions) that a later turn changed.
 */
function checkGame(scenario: string, seats: string[], seed: number, steps: number): { questions: number; kept: number; midWeek: number; changed: number } {
  let world = advance(createWorld(scenarioOf(scenario), { seed, humanSeats: seats }));
  let questions = 0;
  let kept = 0;
  let midWeek = 0;
  const handed: { world: World; json: string }[] = [];
  for (let n = 0; n < steps && !world.done; n++) {
    const present = presentWorld(world);
    handed.push({ world, json: JSON.stringify(world) }, { world: present, json: JSON.stringify(present) });
    if (presentWorld(world) === present) kept++;
    expect(JSON.stringify(present), `${scenario} as ${seats.join(", ")}, question ${n}`).toBe(JSON.stringify(rerun(world)));
    questions++;
    if (present.log.length > world.log.length) midWeek++;
    const asked = world.awaiting[0].seat;
    world = step(world, pick(world, asked, n));
  }
  return { questions, kept, midWeek, changed: handed.filter((h) => JSON.stringify(h.world) !== h.json).length };
}

describe("the world at a question, as kept by advance", () => {
  it("is the world a re-run of the week gives, for one seat through crises", () => {
    const a = checkGame("june-1957", ["khrushchev"], 2, 60);
    const b = checkGame("october-1964", ["brezhnev"], 5, 40);
    const c = checkGame("march-1953", ["khrushchev"], 3, 40);
    expect(a.questions + b.questions + c.questions).toBeGreaterThan(60);
    expect(a.kept + b.kept + c.kept).toBe(a.questions + b.questions + c.questions);
    // Questions asked in the middle of a week (a crisis's speeches and votes), where the kept world
    // holds more than the suspended one.
    expect(a.midWeek + b.midWeek + c.midWeek).toBeGreaterThan(5);
    expect(a.changed + b.changed + c.changed).toBe(0);
  }, 300_000);

  it("is the world a re-run gives with two seats asked at once, before and after the first answers", () => {
    const { questions, kept, changed } = checkGame("october-1964", ["brezhnev", "khrushchev"], 11, 16);
    expect(questions).toBe(16);
    expect(changed).toBe(0);
    // Once the first seat has answered, the week is not played on (the other is still to answer):
    // that world has nothing kept, and is re-run when looked at.
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(questions);
  }, 300_000);
});
