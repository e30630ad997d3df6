// `sensitivity` and `calibrate` with --shard K/N, and `presidium merge` of their partials, through the
// real built command in separate processes (as on a cluster), on the minimal scenario with two
// parameters and 3 runs a point: the merged table, --json, --csv, --report and --out are the unsharded
// run's byte for byte for calibrate at N = 1, 2, 3 and 7 (two shards of 7 empty) and for sensitivity's
// two rounds (the screening in 2 shards, the Sobol phase in 3); partials of another study (seed,
// design, parameters, scenario content) or a screening of another seed, shards given twice,
// overlapping, missing or unfinished, and a scenario changed before the merge are refused in one line
// naming the file and the fix.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectClearError, fixtures, presidium, tempDir, twoAtATime } from "./cli-helpers.js";

const dir = tempDir();
const at = (name: string) => join(dir, name);
const read = (name: string) => readFileSync(at(name), "utf8");
const minimal = join(fixtures, "minimal.yaml");
const two = ["--parameters", "ai.choice.*", "--parameters", "ai.vote.*", "--runs", "3", "--workers", "1"];
/** Five points: the defaults and a Latin hypercube of 4. */
const calibrate = ["calibrate", "--targets", join(fixtures, "targets", "minimal-targets.yaml"), "--samples", "4", "--seed", "5", ...two];
const cal = (k: number, n: number) => at(`cal-${k}of${n}.jsonl`);

/** The unsharded outputs each merge must equal: the files in `dir`, and stdout. */
const whole = { table: "", json: "" };

describe("calibrate --shard K/N and merge", () => {
  beforeAll(async () => {
    const shards = [1, 2, 3, 7].flatMap((n) => Array.from({ length: n }, (_, i) => [...calibrate, "--shard", `${i + 1}/${n}`, "--partial", cal(i + 1, n)]));
    const [json, ...rest] = await twoAtATime([[...calibrate, "--json", "--out", at("cal.jsonl"), "--csv", at("cal.csv"), "--report", at("cal.html")], ...shards]);
    // The same --out again, once it is complete: every point is in it, so this only prints the table.
    const [table] = await twoAtATime([[...calibrate, "--out", at("cal.jsonl")]]);
    whole.json = json.stdout;
    whole.table = table.stdout;
    expect(rest[1].stdout).toBe(`Shard 1/2 of the calibrate phase: points 0 to 1 written to ${cal(1, 2)}; put the shards together with presidium merge\n`);
    expect(rest[6].stdout).toBe(`Shard 1/7 of the calibrate phase: no point (7 shards leave this one empty) written to ${cal(1, 7)}; put the shards together with presidium merge\n`);
  }, 600_000);

  it.each([1, 2, 3, 7])("N = %i: merged table, --json, --csv, --report and --out are the unsharded run's, byte for byte", async (n) => {
    const parts = Array.from({ length: n }, (_, i) => cal(i + 1, n)).reverse();
    const [files, printed] = await twoAtATime([
      ["merge", ...parts, "--json", at(`m${n}.json`), "--csv", at(`m${n}.csv`), "--report", at(`m${n}.html`), "--out", at(`m${n}.jsonl`)],
      ["merge", ...parts, "--json"],
    ]);
    expect(files.stdout).toBe(whole.table);
    expect(files.stderr).toBe("");
    expect(read(`m${n}.json`)).toBe(whole.json);
    expect(printed.stdout).toBe(whole.json);
    expect(read(`m${n}.csv`)).toBe(read("cal.csv"));
    expect(read(`m${n}.html`)).toBe(read("cal.html"));
    expect(read(`m${n}.jsonl`)).toBe(read("cal.jsonl"));
    expect(JSON.parse(whole.json).points).toEqual({ planned: 5, done: 5 });
  }, 120_000);

  it("a mix of slicings that holds every point once merges to the same result", async () => {
    // 1/2 holds points 0-1; 3/3 points 3-4; 5/7 point 2; 1/7 none.
    const [r] = await twoAtATime([["merge", cal(3, 3), cal(5, 7), cal(1, 2), cal(1, 7), "--json"]]);
    expect(r.stdout).toBe(whole.json);
  }, 60_000);

  it("refuses missing, overlapping, repeated and unfinished shards, naming the files and the fix", async () => {
    const text = readFileSync(cal(2, 3), "utf8");
    // Shard 2/3 killed after its first point (and while writing the second).
    writeFileSync(at("cut.jsonl"), text.slice(0, text.split("\n").slice(0, 2).join("\n").length + 20));
    copyFileSync(cal(2, 2), at("copy.jsonl"));
    const [missing, overlap, twice, both, cut] = await Promise.all([
      presidium(["merge", cal(1, 3), cal(3, 3)]),
      presidium(["merge", cal(1, 3), cal(2, 7), cal(2, 3), cal(3, 3)]),
      presidium(["merge", cal(1, 2), cal(2, 2), cal(1, 2)]),
      presidium(["merge", cal(1, 2), cal(2, 2), at("copy.jsonl")]),
      presidium(["merge", cal(1, 3), at("cut.jsonl"), cal(3, 3)]),
    ]);
    expectClearError(missing, 1, "points 1 to 2 of the calibrate phase (points 0 to 4) are in none of the partials", "shard 2/3 is missing", "--shard 2/3 --partial FILE");
    expectClearError(overlap, 1, `${cal(2, 7)} (shard 2/7) and ${cal(1, 3)} (shard 1/3) overlap: both hold point 0`);
    expectClearError(twice, 1, `${cal(1, 2)} is given twice`);
    expectClearError(both, 1, `${at("copy.jsonl")} and ${cal(2, 2)} are both shard 2/2`);
    expectClearError(cut, 1, `${at("cut.jsonl")}: shard 2/3 stopped before it finished (1 of its 2 points are not in it)`, "run that shard's command again");

    // The same command goes on from the cut partial, ends with the file the whole shard wrote, and merges.
    const [resumed] = await twoAtATime([[...calibrate, "--shard", "2/3", "--partial", at("cut.jsonl")]]);
    expect(resumed.stderr).toContain("ended in an unfinished line");
    expect(readFileSync(at("cut.jsonl"), "utf8")).toBe(text);
    const [merged] = await twoAtATime([["merge", cal(1, 3), at("cut.jsonl"), cal(3, 3), "--json"]]);
    expect(merged.stdout).toBe(whole.json);
  }, 120_000);

  it("refuses the partials of another study (another seed, design or parameters), a whole study's --out and a montecarlo partial", async () => {
    const other = (name: string, args: string[]) => [...calibrate, ...args, "--shard", "3/3", "--partial", at(`other-${name}.jsonl`)];
    await twoAtATime([other("seed", ["--seed", "6"]), other("samples", ["--samples", "5"]), other("parameters", ["--parameters", "ai.strike.*"])]);
    const wholeOut = await presidium(["merge", cal(1, 3), cal(2, 3), at("cal.jsonl")]);
    const [seed, samples, parameters] = await Promise.all(["seed", "samples", "parameters"].map((name) => presidium(["merge", cal(1, 3), cal(2, 3), at(`other-${name}.jsonl`)])));
    expectClearError(seed, 1, `${at("other-seed.jsonl")} is not a shard of the same study as ${cal(1, 3)}`, `seed: 5 in ${cal(1, 3)}, 6 in ${at("other-seed.jsonl")}`, "--shard K/N alone changing");
    expectClearError(samples, 1, at("other-samples.jsonl"), "samples: 4 in", "5 in");
    expectClearError(parameters, 1, at("other-parameters.jsonl"), `parameters: a list of 2 in ${cal(1, 3)}, a list of`);
    expectClearError(wholeOut, 1, `${at("cal.jsonl")}: the record of a whole study (its --out), not a shard's partial`);
    const montecarlo = at("mc.json");
    writeFileSync(montecarlo, `{"format":"presidium-partial","version":1}\n`);
    expectClearError(await presidium(["merge", cal(1, 1), montecarlo]), 1, `${montecarlo} is not a partial of presidium calibrate like ${cal(1, 1)}`);
  }, 120_000);
});

describe("sensitivity --shard K/N and merge", () => {
  const study = ["sensitivity", "--scenario", minimal, "--outcome", "moves", "--outcome", "rates.presidiumMovesAgainstLeader", "--trajectories", "2", "--top", "1", "--samples", "2", "--seed", "7", ...two];
  const sp = (phase: string, k: number, n: number) => at(`sens-${phase}-${k}of${n}.jsonl`);

  it("--method both in two rounds (the screening in 2 shards, the Sobol phase in 3 with --screening) merges into the unsharded outputs", async () => {
    const screening = [sp("morris", 1, 2), sp("morris", 2, 2)];
    const [json, first] = await twoAtATime([
      [...study, "--json", "--out", at("sens.jsonl"), "--csv", at("sens.csv"), "--report", at("sens.html")],
      ...[1, 2].map((k) => [...study, "--shard", `${k}/2`, "--partial", sp("morris", k, 2)]),
    ]);
    expect(first.stdout).toContain(`Shard 1/2 of the morris phase: points 0 to 2 written to ${sp("morris", 1, 2)}; when every shard of the screening is done, run the shards of the Sobol phase`);
    // Without the Sobol phase, merge names what to run.
    expectClearError(await presidium(["merge", ...screening]), 1, "points 6 to 11 of the sobol phase", "are in none of the partials", "--screening with the partials of the morris phase");
    await twoAtATime([1, 2, 3].map((k) => [...study, "--shard", `${k}/3`, "--partial", sp("sobol", k, 3), "--screening", ...screening]));
    const [merged, table] = await twoAtATime([
      ["merge", ...screening, ...[3, 1, 2].map((k) => sp("sobol", k, 3)), "--json", at("sens-m.json"), "--csv", at("sens-m.csv"), "--report", at("sens-m.html"), "--out", at("sens-m.jsonl")],
      [...study, "--out", at("sens.jsonl")],
    ]);
    expect(read("sens-m.json")).toBe(json.stdout);
    expect(merged.stdout).toBe(table.stdout);
    expect(read("sens-m.csv")).toBe(read("sens.csv"));
    expect(read("sens-m.html")).toBe(read("sens.html"));
    expect(read("sens-m.jsonl")).toBe(read("sens.jsonl"));
    expect(JSON.parse(json.stdout).sobol.points).toBe(6);
    // Each Sobol shard recorded the screening's choice, as the unsharded record holds it.
    expect(readFileSync(sp("sobol", 2, 3), "utf8")).toContain(`{"chosen":"sobol","factors":${JSON.stringify(JSON.parse(json.stdout).sobol.parameters)}}`);
  }, 300_000);

  it("--method sobol in 2 shards; a screening of another study, a shard of an edited scenario and a scenario changed before the merge are refused", async () => {
    const sobol = [...study, "--method", "sobol"];
    const [json] = await twoAtATime([[...sobol, "--json", "--out", at("sobol.jsonl")], ...[1, 2].map((k) => [...sobol, "--shard", `${k}/2`, "--partial", sp("only-sobol", k, 2)])]);
    const [merged] = await twoAtATime([["merge", sp("only-sobol", 2, 2), sp("only-sobol", 1, 2), "--json"]]);
    expect(merged.stdout).toBe(json.stdout);

    // The partials of another study (this one's, of another method) as the screening of a Sobol shard of seed 8.
    const otherSeed = await presidium([...study, "--seed", "8", "--shard", "1/1", "--partial", at("x.jsonl"), "--screening", sp("only-sobol", 1, 2), sp("only-sobol", 2, 2)]);
    expectClearError(otherSeed, 1, `--screening ${sp("only-sobol", 1, 2)} is not of this study`, `seed: 7 in ${sp("only-sobol", 1, 2)}, 8 in this command`);
    expect(existsSync(at("x.jsonl"))).toBe(false);

    // A copy of the scenario, edited after its shard ran: merge reads it again and refuses.
    const scenario = at("scenario.yaml");
    copyFileSync(minimal, scenario);
    const morris = ["sensitivity", "--scenario", scenario, "--outcome", "moves", "--method", "morris", "--trajectories", "2", "--seed", "7", ...two];
    await twoAtATime([[...morris, "--shard", "1/1", "--partial", at("changed.jsonl")]]);
    writeFileSync(scenario, readFileSync(minimal, "utf8").replace("fear: { value: 0.15", "fear: { value: 0.25"));
    expectClearError(await presidium(["merge", at("changed.jsonl")]), 1, `the partials (${at("changed.jsonl")}) are of a study these files no longer give`, "merge with the scenario, targets and parameter files the shards ran with");
    // A shard of the edited scenario is of another study than the first.
    await twoAtATime([[...morris, "--shard", "1/1", "--partial", at("edited.jsonl")]]);
    expectClearError(await presidium(["merge", at("changed.jsonl"), at("edited.jsonl")]), 1, `${at("edited.jsonl")} is not a shard of the same study as ${at("changed.jsonl")}`, "the scenarios, their what-ifs or model/parameters.yaml differ");
  }, 300_000);

  it("--shard goes with --partial and without --out, --json, --csv or --report; --screening with a shard of --method both", async () => {
    const x = at("never.jsonl");
    const [noPartial, withOut, asJson, noOut, screening, sobolScreening] = await Promise.all([
      presidium([...study, "--shard", "1/2"]),
      presidium([...study, "--shard", "1/2", "--partial", x, "--out", at("o.jsonl")]),
      presidium([...study, "--shard", "1/2", "--partial", x, "--json"]),
      presidium(study),
      presidium([...study, "--out", at("o.jsonl"), "--screening", x]),
      presidium([...study, "--method", "sobol", "--shard", "1/2", "--partial", x, "--screening", x]),
    ]);
    expectClearError(noPartial, 2, "--shard K/N needs --partial FILE");
    expectClearError(withOut, 2, "--out does not go with --shard", "presidium merge --out");
    expectClearError(asJson, 2, "--json does not go with --shard");
    expectClearError(noOut, 2, "--out FILE.jsonl is required", "--shard K/N --partial FILE.jsonl");
    expectClearError(screening, 2, "--screening goes with --shard K/N and --method both");
    expectClearError(sobolScreening, 2, "--screening goes with --shard K/N and --method both");
  }, 60_000);
});
