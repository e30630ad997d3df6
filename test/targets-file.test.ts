// model/targets.yaml: the shipped file is valid down to its scenarios, what-ifs and measures, and a
// broken targets file is refused with every problem at its FILE:LINE:COL.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeMeasure } from "../src/research/measures.js";
import { loadScenarioFile, ScenarioError } from "../src/scenarios/load.js";
import { resolveScenario } from "../src/scenarios/catalog.js";
import { loadTargetsFile, shippedTargetsFile } from "../src/scenarios/targets-file.js";
import { tempDir } from "./cli-helpers.js";

function problems(text: string): string[] {
  const file = join(tempDir(), "targets.yaml");
  writeFileSync(file, text);
  try {
    loadTargetsFile(file);
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues.map((i) => i.replace(file, "FILE"));
    throw error;
  }
  throw new Error("the file was accepted");
}

const good = (extra = "") => `targets:\n  - id: a\n    scenario: october-1964\n    measure: removal\n    band: [0.5, 0.9]\n    row: "A row of the validation table."\n${extra}`;

describe("the shipped targets file", () => {
  const { targets } = loadTargetsFile(shippedTargetsFile());

  it("encodes rows of every scenario VALIDATION.md names and that is shipped", () => {
    expect(new Set(targets.map((t) => t.scenario))).toEqual(new Set(["october-1964", "june-1957", "march-1953", "khrushchev-era"]));
    expect(targets.filter((t) => t.change !== undefined).length).toBeGreaterThanOrEqual(8);
    for (const t of targets) expect(t.row).toMatch(/^[ABC], /);
  });

  it("names only what-ifs, characters and report fields that exist, and measures with a standard error", () => {
    const scenarios = new Map([...new Set(targets.map((t) => t.scenario))].map((id) => [id, loadScenarioFile(resolveScenario(id)).scenario]));
    for (const t of targets) {
      const s = scenarios.get(t.scenario)!;
      for (const w of [...t.whatIfs, ...(t.baseline ?? [])]) expect(Object.keys(s.whatIfs), `${t.id}: ${w}`).toContain(w);
      const info = describeMeasure(t.measure, { principals: new Set(Object.keys(s.characters)) });
      expect(info.hasSe, t.id).toBe(true);
      expect(t.band[0]).toBeLessThanOrEqual(t.band[1]);
    }
  });
});

describe("a broken targets file", () => {
  it("is accepted when well formed", () => {
    const file = join(tempDir(), "ok.yaml");
    writeFileSync(file, good());
    expect(loadTargetsFile(file).targets).toHaveLength(1);
  });

  it("reports an unknown field and a missing one at their lines, with the fields allowed", () => {
    expect(problems(good().replace("band:", "bnd:"))).toEqual([
      "FILE:2:5: targets.a.band: required field is missing",
      "FILE:5:5: targets.a.bnd: unknown field (allowed: id, scenario, whatIfs, change, baseline, measure, band, row, discrepancy)",
    ]);
  });

  it("reports a band upside down, a measure that is not one, and a bad id where they are written", () => {
    expect(problems(good().replace("[0.5, 0.9]", "[0.9, 0.5]"))).toEqual(["FILE:5:11: targets.a.band: expected a band [low, high] with low not above high"]);
    expect(problems(good().replace("measure: removal", "measure: 3"))[0]).toMatch(/^FILE:4:14: targets\.a\.measure: /);
    expect(problems(good().replace("id: a", "id: Oct 64"))).toEqual(["FILE:2:9: targets.Oct 64.id: expected an id of lower-case letters, digits and dashes"]);
  });

  it("reports a repeated id and a change without what-ifs", () => {
    const twice = good(`  - id: a\n    scenario: june-1957\n    measure: removal\n    change: difference\n    band: [0, 1]\n    row: "Another row of the table."\n`);
    expect(problems(twice)).toEqual(["FILE:7:9: targets.1.id: the id a is used by an earlier target", "FILE:10:13: targets.1.change: a change needs what-ifs (whatIfs: [NAME]) whose effect it measures"]);
  });

  it("reports YAML syntax at its line and an empty file as missing its targets", () => {
    expect(problems("targets:\n  - id: a\n   scenario: x\n")).toEqual(["FILE:3:1: YAML syntax: Sequence item without - indicator"]);
    expect(problems("other: 1\n")).toEqual(["FILE:1:1: other: unknown field (allowed: targets)", "FILE:1:1: targets: required field is missing"]);
  });
});
