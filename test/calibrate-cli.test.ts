// `presidium calibrate` through the real built command, with a targets file on the minimal scenario
// (a level, a share, a paired difference and a ratio) and two parameters: the JSON it prints, the
// same results and file whatever the workers, a resume from a file cut short, new bands judged
// without playing again, the refusal of another study's file, and bad targets files refused at
// their FILE:LINE:COL.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectClearError, expectNoStack, fixtures, presidium, sameOnOneAndTwoWorkers, tempDir, type Result } from "./cli-helpers.js";

const targetsFile = join(fixtures, "targets", "minimal-targets.yaml");
const minimal = join(fixtures, "minimal.yaml");
/** The shipped defaults of the two parameters the test calibrates: point 0 plays them. */
const shippedAi = parse(readFileSync(new URL("../model/parameters.yaml", import.meta.url), "utf8")).ai;
const calibrate = ["calibrate", "--targets", targetsFile, "--parameters", "ai.choice.*", "--parameters", "ai.vote.*", "--samples", "4", "--runs", "3", "--seed", "5"];

/** The fixture's targets with the scenario named by its absolute path, and one edit, in a file of its own. */
function targetsWith(edit: (text: string) => string): string {
  const file = join(tempDir(), "targets.yaml");
  writeFileSync(file, edit(readFileSync(targetsFile, "utf8").replaceAll("../minimal.yaml", minimal)));
  return file;
}

function expectLocatedErrors(r: Result, file: string, count: number, ...needles: string[]): void {
  expect(r.code, `stdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(1);
  expectNoStack(r);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trim().split("\n");
  expect(lines, r.stderr).toHaveLength(count);
  for (const line of lines) expect(line.startsWith(`${file}:`), line).toBe(true);
  for (const line of lines) expect(line).toMatch(/^[^:]+:\d+:\d+: targets\./);
  for (const n of needles) expect(r.stderr).toContain(n);
}

describe("presidium calibrate", () => {
  it("scores every target at the defaults and the sample, the same on 1 and 2 workers", async () => {
    const { stdout, out } = await sameOnOneAndTwoWorkers(calibrate, tempDir());

    const j = JSON.parse(stdout);
    expect(j).toMatchObject({ command: "calibrate", seed: 5, runsPerPoint: 3, samples: 4, cutoff: 3, complete: true, games: 30 });
    expect(j.points).toEqual({ planned: 5, done: 5 });
    expect(j.defaults).toEqual({ kept: expect.any(Boolean), maxImplausibility: expect.any(Number), ruledOutBy: expect.any(Array), noValue: expect.any(Array) });
    expect(j.kept.of).toBe(4);
    expect(j.kept.points).toHaveLength(j.kept.count);
    for (const p of j.kept.points) expect(p).toBeGreaterThanOrEqual(1);
    expect(j.targets.map((t: { id: string }) => t.id)).toEqual(["removal", "fate-mild", "loyal-kgb", "loyal-kgb-moves"]);
    expect(j.targets[2]).toMatchObject({ scenario: "minimal", whatIfs: ["loyal-kgb"], change: "difference", baseline: [], measure: "removal", band: [-1, 0], row: "A test row: a loyal KGB does not raise the removal rate." });
    for (const t of j.targets) {
      expect(Object.keys(t)).toEqual(expect.arrayContaining(["rulesOut", "rulesOutAlone", "shareRuledOutAlone", "noValue", "shifts", "findings", "defaults"]));
      expect(t.rulesOutAlone).toBeLessThanOrEqual(t.rulesOut);
    }
    expect(j.parameters.map((p: { name: string }) => p.name)).toEqual(["ai.choice.temperature", "ai.vote.temperature"]);

    // The file: the plan (targets without their bands), then the defaults as point 0 and the sample.
    const lines = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    expect(lines[0].plan.targets[3]).toEqual({ id: "loyal-kgb-moves", scenario: "minimal", whatIfs: ["loyal-kgb"], baseline: [], change: "ratio", measure: "moves" });
    expect(lines[1]).toMatchObject({ point: 0, phase: "calibrate", values: [shippedAi.choice.temperature.value, shippedAi.vote.temperature.value] });
    expect(Object.keys(lines[1].estimates)).toEqual(["removal", "fate-mild", "loyal-kgb", "loyal-kgb-moves"]);
  });

  it("resumes from a file cut short, and judges new bands without playing the points again", async () => {
    const dir = tempDir();
    const whole = join(dir, "whole.jsonl");
    const cut = join(dir, "cut.jsonl");
    const full = await presidium([...calibrate, "--json", "--out", whole]);
    expect(full.code, full.stderr).toBe(0);
    const text = readFileSync(whole, "utf8");
    writeFileSync(cut, text.slice(0, text.split("\n").slice(0, 3).join("\n").length + 40));
    const resumed = await presidium([...calibrate, "--json", "--out", cut]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toBe(full.stdout);
    expect(readFileSync(cut, "utf8")).toBe(text);

    // A band no point can meet: every point and the defaults are ruled out by it, from the same file.
    const strict = targetsWith((t) => t.replace("band: [0.2, 0.9]", "band: [0.99, 1]"));
    const judged = await presidium(["calibrate", ...calibrate.slice(3), "--targets", strict, "--json", "--out", cut]);
    expect(judged.code, judged.stderr).toBe(0);
    expect(readFileSync(cut, "utf8")).toBe(text);
    const j = JSON.parse(judged.stdout);
    expect(j.kept.count).toBe(0);
    expect(j.defaults.ruledOutBy).toContain("removal");
    expect(j.targets[0].rulesOut).toBe(4);
  });

  it("refuses a file holding another study, naming what differs", async () => {
    const dir = tempDir();
    const out = join(dir, "c.jsonl");
    expect((await presidium([...calibrate, "--samples", "1", "--json", "--out", out])).code).toBe(0);
    const r = await presidium([...calibrate, "--samples", "2", "--json", "--out", out]);
    expect(r.code).toBe(1);
    expectNoStack(r);
    expect(r.stderr.trim()).toBe(`presidium calibrate: ${out} holds a different study (samples: 1 there, 2 here): to resume it, run the command it was begun with; to start this one, give another --out or delete the file`);
  });

  it("prints the verdict as text and writes the CSV and the report with the pairs plot", async () => {
    const dir = tempDir();
    const r = await presidium([...calibrate, "--out", join(dir, "c.jsonl"), "--csv", join(dir, "c.csv"), "--report", join(dir, "c.html")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^presidium calibrate: 2 parameters; 4 targets in 1 scenario group \(2 variants\); the defaults and a Latin hypercube of 4: 5 points × 3 runs × 2 scenario variants = 30 games\. A timed warm-up game took/);
    // The rule for keeping, not a claim about the points (which would be false when targets rule some out).
    expect(r.stdout).toMatch(/^Kept: \d of 4 sampled points \(a point is kept when no target's implausibility reaches 3\)\.\n/);
    expect(r.stdout).toMatch(/the defaults: (kept|ruled out by)/);
    const csv = readFileSync(join(dir, "c.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("point,ai.choice.temperature,ai.vote.temperature,implausibility_removal,implausibility_fate-mild,implausibility_loyal-kgb,implausibility_loyal-kgb-moves,max_implausibility,kept");
    expect(csv).toHaveLength(5);
    // A point has the same number in the CSV as in --out (and --json): the defaults are 0, the sample 1 to 4.
    const recorded = readFileSync(join(dir, "c.jsonl"), "utf8").trim().split("\n").slice(1).map((l) => JSON.parse(l));
    const byPoint = new Map(recorded.map((l: { point: number; values: number[] }) => [l.point, l.values]));
    const rows = csv.slice(1).map((l) => l.split(",").map(Number));
    expect(rows.map((row) => row[0])).toEqual([1, 2, 3, 4]);
    for (const row of rows) expect(row.slice(1, 3)).toEqual(byPoint.get(row[0]));
    const html = readFileSync(join(dir, "c.html"), "utf8");
    expect(html).toContain("Which settings are compatible with history?");
    expect(html).toContain("loyal-kgb: A test row: a loyal KGB does not raise the removal rate.");
    expect(html).toContain("<th scope=\"col\">Shifts most (distance)</th>");
  });

  it("refuses an unwritable --report before any game, as montecarlo does", async () => {
    const dir = tempDir();
    const r = await presidium([...calibrate, "--out", join(dir, "c.jsonl"), "--report", join(dir, "missing", "c.html")]);
    expectClearError(r, 1, `--report ${join(dir, "missing", "c.html")}: cannot write there`);
    expect(existsSync(join(dir, "c.jsonl"))).toBe(false);
  });

  it("refuses a targets file naming a what-if, a character or a field that does not exist, at its line", async () => {
    const out = join(tempDir(), "never.jsonl");
    const bad = targetsWith((t) =>
      t
        .replace("whatIfs: [loyal-kgb]\n    change: difference", "whatIfs: [loyl-kgb]\n    change: difference")
        .replace("perPrincipal.khrushchev.fates.retired", "perPrincipal.krushchev.fates.retired")
        .replace("measure: moves", "measure: movesPerRun"),
    );
    const r = await presidium(["calibrate", "--targets", bad, "--runs", "2", "--out", out]);
    expectLocatedErrors(
      r,
      bad,
      3,
      `:11:14: targets.fate-mild.measure: "perPrincipal.krushchev.fates.retired": there is no character "krushchev" in the scenario (its characters: brezhnev, khrushchev, semichastny)`,
      `:16:15: targets.loyal-kgb.whatIfs.0: minimal has no what-if "loyl-kgb" (its what-ifs: loyal-kgb)`,
      ":25:14: targets.loyal-kgb-moves.measure: movesPerRun is a number without a standard error",
    );
  });

  it("refuses a malformed targets file at its line, before loading any scenario", async () => {
    const out = join(tempDir(), "never.jsonl");
    const bad = targetsWith((t) => t.replace("band: [-1, 0]", "band: [0, -1]").replace("row: \"A test row: the first man", "rows: \"A test row: the first man"));
    expectLocatedErrors(
      await presidium(["calibrate", "--targets", bad, "--out", out]),
      bad,
      3,
      "targets.removal.row: required field is missing",
      "targets.removal.rows: unknown field (allowed: id, scenario, whatIfs, change, baseline, measure, band, row, discrepancy)",
      "targets.loyal-kgb.band: expected a band [low, high] with low not above high",
    );
    const missing = join(tempDir(), "none.yaml");
    const r = await presidium(["calibrate", "--targets", missing, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`${missing}: no such file`);
  });
});
