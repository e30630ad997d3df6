// The epilogue compares a finished run with the scenario's history in dated lines.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { advance, createWorld, epilogue, mixSeed, summarize } from "../src/engine/index.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const dir = fileURLToPath(new URL("../scenarios/", import.meta.url));
const load = (id: string) => loadScenarioFile(join(dir, `${id}.yaml`)).scenario;

describe("the epilogue", () => {
  it("tells a june-1957 run that ends like history (saved by the plenum) apart from one that does not", () => {
    const scenario = load("june-1957");
    let sawSame = false;
    let sawDifferent = false;
    for (let i = 0; i < 40 && !(sawSame && sawDifferent); i++) {
      const world = advance(createWorld(scenario, { seed: mixSeed(3, i) }));
      const run = summarize(world);
      const e = epilogue(world, scenario.history);
      expect(e.lines.map((l) => l.date)).toEqual([...e.lines.map((l) => l.date)].sort());
      expect(e.lines.some((l) => l.date === "1957-06-29" && l.text.startsWith("In history Khrushchev kept his post"))).toBe(true);
      expect(e.sameOutcome).toBe(!run.leaderRemoved);
      if (run.leaderRemoved) {
        sawDifferent = true;
        expect(e.lines.some((l) => l.text.startsWith("In this run: the plot of") || l.text.includes("arrested"))).toBe(true);
      } else sawSame = true;
    }
    expect(sawSame && sawDifferent).toBe(true);
  });

  it("dates the Presidium's move in this run against history's", () => {
    const scenario = load("october-1964");
    for (let i = 0; i < 30; i++) {
      const world = advance(createWorld(scenario, { seed: mixSeed(4, i) }));
      const move = world.contests.find((c) => c.presidiumMajorityAgainstLeader);
      const line = epilogue(world, scenario.history).lines.find((l) => l.date === "1964-10-13");
      expect(line?.text).toContain(move ? `in this run it did so on ${move.date}` : "in this run it never did");
    }
  });
});
