// playScripted answers human seats in place; it must give the very run that step() gives for the same
// answers, since both play the same weeks with the same generator.
import { describe, expect, it } from "vitest";
import { advance, createWorld, decisionsFor, legalActions, playScripted, step, type Awaiting, type Decision } from "../src/engine/index.js";
import { scenarioOf } from "./strategies.js";

/** An answer that depends on the question only: lie low where possible, else the option at a fixed place. */
function answer(asked: Awaiting | Decision[], n: number): Decision {
  const legal = Array.isArray(asked) ? asked : decisionsFor(asked);
  return legal.find((d) => d.choice === "lie-low") ?? legal[n % legal.length];
}

describe("scripted players", () => {
  for (const [id, seat, seed] of [["june-1957", "mikoyan", 5], ["october-1964", "brezhnev", 11]] as const) {
    it(`${id} as ${seat}: the same answers give the same log as step() does`, () => {
      const scenario = scenarioOf(id);
      let n = 0;
      const scripted = playScripted(scenario, { seed, humanSeats: [seat] }, (_w, asked) => answer(asked, n++));
      let world = advance(createWorld(scenario, { seed, humanSeats: [seat] }));
      let m = 0;
      while (!world.done) world = step(world, answer(legalActions(world, seat), m++));
      expect(m).toBe(n);
      expect(m).toBeGreaterThan(10);
      expect(JSON.stringify(scripted.log)).toBe(JSON.stringify(world.log));
    }, 120_000);
  }

  it("an answer that is not among the options offered is refused", () => {
    const scenario = scenarioOf("june-1957");
    expect(() => playScripted(scenario, { seed: 1, humanSeats: ["mikoyan"] }, (_w, asked) => ({ ...decisionsFor(asked)[0], choice: "seize-power" }))).toThrow(/does not answer/);
  });
});
