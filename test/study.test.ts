// A study point varies model parameters on every scenario variant it plays, except those a variant's
// what-ifs set: stalinist-fear stops fear's drift, and a calibration that varies the drift must not
// set it going again in the variant that measures Stalinist fear.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { loadScenarioFile } from "../src/scenarios/load.js";
import { runStudyChunk, studyBase, type StudyTask } from "../src/research/study.js";

const file = join(fileURLToPath(new URL("../scenarios/", import.meta.url)), "october-1964.yaml");
const plain = loadScenarioFile(file).scenario;
const fearful = loadScenarioFile(file, { whatIfs: ["stalinist-fear"] }).scenario;

const task = (overrides: StudyTask["overrides"]): StudyTask => ({ point: 0, overrides, groups: [["plain", "fear"]], first: 0, count: 3, baseSeed: 11 });
const drift = [{ name: "learning.fear.drift", value: 0.2 }];

describe("study variants", () => {
  const bases = new Map([
    ["plain", studyBase("plain", [], plain, plain)],
    ["fear", studyBase("fear", ["stalinist-fear"], fearful, plain)],
  ]);

  it("pins the parameters a variant's what-ifs set, and nothing else", () => {
    expect(bases.get("plain")!.pinned).toEqual([]);
    expect(bases.get("fear")!.pinned).toEqual(["learning.fear.drift"]);
    expect(bases.get("fear")!.label).toBe("stalinist-fear");
  });

  it("a point's value of a pinned parameter leaves that variant's runs as they were, and changes the others'", () => {
    const tallies = (overrides: StudyTask["overrides"]) => runStudyChunk(bases, task(overrides)).groups[0].variants.map((v) => JSON.stringify(v.tally));
    const [plainAsIs, fearAsIs] = tallies([]);
    const [plainDrift, fearDrift] = tallies(drift);
    expect(fearDrift).toBe(fearAsIs);
    expect(plainDrift).not.toBe(plainAsIs);
  });
});
