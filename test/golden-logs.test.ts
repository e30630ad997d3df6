// Golden logs (VALIDATION.md section E, MODEL.md section 9): the same scenario, seed and decisions give
// a byte-identical log, and a replay reproduces it. For a few seeds of each shipped scenario, the real
// `presidium run --log` and the engine called in this process (after other runs, so any state hidden
// between runs would show) must write the same bytes, and `presidium replay` must find them identical. No hash is written down here: the engine is
// still changing, and what must hold is identity, not a particular log.
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { advance, createWorld, legalActions, simulate, step, type Decision, type Scenario } from "../src/engine/index.js";
import { makeHeader, serializeLog, sha256 } from "../src/cli/logfile.js";
import { loadScenarioFile } from "../src/scenarios/load.js";
import { presidium, repo, tempDir } from "./cli-helpers.js";

const load = (id: string): Scenario => loadScenarioFile(join(repo, "scenarios", `${id}.yaml`)).scenario;
const golden: [scenario: string, seeds: number[]][] = [
  ["march-1953", [1, 1953]],
  ["june-1957", [2, -1957]],
  ["october-1964", [3, 1964101451]],
];

describe("golden logs: run against run, run against replay", () => {
  for (const [id, seeds] of golden) {
    it(`${id}, seeds ${seeds.join(" and ")}`, async () => {
      const dir = tempDir();
      const scenario = load(id);
      const file = (seed: number) => join(dir, `${seed}.jsonl`);
      // One run of the real command per seed, then its replay by the real command.
      const runs = await Promise.all(seeds.map((seed) => presidium(["run", "--scenario", id, "--seed", String(seed), "--json", "--log", file(seed)])));
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const replays = await Promise.all(seeds.map((seed) => presidium(["replay", file(seed)])));
      // The second run: in this process, in the reverse order of the seeds, after other scenarios' runs.
      const inProcess = new Map([...seeds].reverse().map((seed) => [seed, simulate(scenario, { seed })] as const));
      seeds.forEach((seed, k) => {
        const a = readFileSync(file(seed), "utf8");
        const lines = a.trimEnd().split("\n");
        expect(lines.length, "a header and a real game's entries").toBeGreaterThan(100);
        expect(JSON.parse(lines[0])).toMatchObject({ type: "header", scenario: id, seed, humanSeats: [], decisions: [] });
        const header = makeHeader({ scenario: id, scenarioFile: null, seed, whatIfs: [], humanSeats: [], decisions: [] });
        expect(serializeLog(header, inProcess.get(seed)!.log) === a, `${id} seed ${seed}: a second run wrote a different log`).toBe(true);
        // The hash printed is the hash of the bytes written, and the replay finds every entry identical.
        const hash = sha256(a);
        expect(JSON.parse(runs[k].stdout).logHash).toBe(hash);
        expect(replays[k].code, replays[k].stderr).toBe(0);
        expect(replays[k].stdout).toBe(`replay identical (${lines.length - 1} entries, sha256 ${hash})\n`);
      });
      // Different seeds give different games (the seed is not ignored).
      expect(JSON.stringify(inProcess.get(seeds[0])!.log)).not.toBe(JSON.stringify(inProcess.get(seeds[1])!.log));
    }, 180_000);
  }

  it("a game with a human seat's decisions replays identically, and a changed decision is caught", async () => {
    const scenario = load("june-1957");
    const seat = "mikoyan";
    let world = advance(createWorld(scenario, { seed: 11, humanSeats: [seat] }));
    const decisions: Decision[] = [];
    for (let i = 0; !world.done; i++) {
      const legal = legalActions(world, seat);
      // Mostly quiet, now and then something else.
      const d = (i % 4 !== 0 && legal.find((x) => x.choice === "lie-low")) || legal[(i * 7) % legal.length];
      decisions.push(d);
      world = step(world, d);
    }
    expect(decisions.length).toBeGreaterThan(20);
    const dir = tempDir();
    const file = join(dir, "played.jsonl");
    const header = makeHeader({ scenario: "june-1957", scenarioFile: null, seed: 11, whatIfs: [], humanSeats: [seat], decisions });
    const text = serializeLog(header, world.log);
    writeFileSync(file, text);
    const replay = await presidium(["replay", file]);
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stdout).toBe(`replay identical (${world.log.length} entries, sha256 ${sha256(text)})\n`);
    // The same decisions again, in this process: the same bytes.
    let again = advance(createWorld(scenario, { seed: 11, humanSeats: [seat] }));
    for (const d of decisions) again = step(again, d);
    expect(serializeLog(header, again.log) === text).toBe(true);
    // Another answer to one weekly question is another game, and the replay says where it parts.
    const k = decisions.findIndex((d) => d.kind === "weekly" && d.choice !== "lie-low");
    expect(k).toBeGreaterThanOrEqual(0);
    const changed = decisions.map((d, i) => (i === k ? { ...d, choice: "lie-low", target: undefined, detail: undefined } : d)).map((d) => JSON.parse(JSON.stringify(d)) as Decision);
    const tampered = join(dir, "tampered.jsonl");
    writeFileSync(tampered, serializeLog(makeHeader({ ...header, decisions: changed }), world.log));
    const differs = await presidium(["replay", tampered]);
    expect(differs.code).toBe(1);
    expect(differs.stderr).toMatch(/replay differs/);
  }, 120_000);
});
