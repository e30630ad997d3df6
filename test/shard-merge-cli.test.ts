// `--shard K/N` and `presidium merge`, through the real built command in separate processes (as on
// a cluster): the merged outputs (table, --json, --csv, --report) are the unsharded run's byte for
// byte for N = 1, 2, 3 and 7 and for a mix of slicings, for montecarlo (with --compare) and sweep;
// partials of another run, a shard given twice, overlapping or missing slices and damaged files are
// refused with one clear line naming the file. About 100 games in 30 processes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expectClearError, presidium, tempDir, twoAtATime } from "./cli-helpers.js";

const RUNS = 14;
const mc = ["montecarlo", "--scenario", "june-1957", "--runs", String(RUNS), "--seed", "11", "--workers", "1"];
const dir = tempDir();
const at = (name: string) => join(dir, name);
const part = (k: number, n: number) => at(`mc-${k}of${n}.json`);

const read = (name: string) => readFileSync(at(name), "utf8");
/** Partials of other runs (shard 7/7 of 14 runs: two games each), and damaged copies of shard 1/2's. */
const bad = (name: string) => at(`bad-${name}.json`);
const badRuns = [
  ["seed", ["--seed", "12"]],
  ["fear", ["--set", "globals.fear=0.9"]],
  ["whatif", ["--what-if", "army-neutral"]],
  ["norows", ["--no-rows"]],
] as const;

/** The unsharded run's stdout: the table, and the JSON with --json (set by the first describe's beforeAll). */
let table = "";
let json = "";

describe("montecarlo --shard K/N and merge", () => {
  beforeAll(async () => {
    const shards = [1, 2, 3, 7].flatMap((n) => Array.from({ length: n }, (_, i) => [...mc, "--shard", `${i + 1}/${n}`, "--partial", part(i + 1, n)]));
    const others = badRuns.map(([name, args]) => [...mc, ...args, "--shard", "7/7", "--partial", bad(name)]);
    const [whole, plain, ...rest] = await twoAtATime([[...mc, "--json", "--csv", at("whole.csv"), "--report", at("whole.html")], mc, ...shards, ...others]);
    json = whole.stdout;
    table = plain.stdout;
    expect(rest[1].stdout).toBe(`Shard 1/2: runs 0 to 6 of ${RUNS} written to ${part(1, 2)}; add up the shards with presidium merge\n`);
    const text = readFileSync(part(1, 2), "utf8");
    writeFileSync(bad("cut"), text.slice(0, text.length / 2));
    writeFileSync(bad("edited"), text.replace(`"baseSeed":11`, `"baseSeed":12`));
    writeFileSync(bad("future"), text.replace(`"version":1,`, `"version":2,`));
    writeFileSync(bad("other"), `{"hello":"world"}\n`);
  }, 300_000);

  it.each([1, 2, 3, 7])("N = %i: merged table, --json, --csv and --report are the unsharded run's, byte for byte", async (n) => {
    const parts = Array.from({ length: n }, (_, i) => part(i + 1, n)).reverse();
    const [files, printed] = await twoAtATime([
      ["merge", ...parts, "--json", at(`m${n}.json`), "--csv", at(`m${n}.csv`), "--report", at(`m${n}.html`)],
      ["merge", ...parts, "--json"],
    ]);
    expect(files.stdout).toBe(table);
    expect(files.stderr).toBe("");
    expect(read(`m${n}.json`)).toBe(json);
    expect(printed.stdout).toBe(json);
    expect(read(`m${n}.csv`)).toBe(read("whole.csv"));
    expect(read(`m${n}.html`)).toBe(read("whole.html"));
    expect(JSON.parse(json).runs).toBe(RUNS);
    expect(read("whole.csv").trim().split("\n")).toHaveLength(RUNS + 1);
  }, 60_000);

  it("a mix of slicings that covers every run once merges to the same result", async () => {
    // 1/3 holds runs 0-3; 3/7 to 7/7 hold runs 4-13.
    const [r] = await twoAtATime([["merge", part(1, 3), ...[3, 4, 5, 6, 7].map((k) => part(k, 7)), "--json"]]);
    expect(r.stdout).toBe(json);
  }, 60_000);

  it("more shards than runs: the empty shards merge too", async () => {
    const two = ["montecarlo", "--scenario", "june-1957", "--runs", "2", "--seed", "5", "--workers", "1"];
    const ep = (k: number) => at(`empty-${k}of3.json`);
    const [whole, first] = await twoAtATime([[...two, "--json"], ...[1, 2, 3].map((k) => [...two, "--shard", `${k}/3`, "--partial", ep(k)])]);
    expect(first.stdout).toBe(`Shard 1/3: no run (3 shards of 2 runs leave this one empty) written to ${ep(1)}; add up the shards with presidium merge\n`);
    const [merged] = await twoAtATime([["merge", ep(3), ep(1), ep(2), "--json"]]);
    expect(merged.stdout).toBe(whole.stdout);
  }, 120_000);

  it("--compare: N = 2 merges the variants and their paired differences", async () => {
    const cmp = ["montecarlo", "--scenario", "june-1957", "--runs", "3", "--seed", "8", "--compare", "army-neutral", "--workers", "1"];
    const cp = (k: number) => at(`compare-${k}of2.json`);
    const [whole] = await twoAtATime([[...cmp, "--json", "--csv", at("compare.csv")], ...[1, 2].map((k) => [...cmp, "--shard", `${k}/2`, "--partial", cp(k)])]);
    const [merged] = await twoAtATime([["merge", cp(2), cp(1), "--json", "--csv", at("compare-m.csv")]]);
    expect(merged.stdout).toBe(whole.stdout);
    expect(read("compare-m.csv")).toBe(read("compare.csv"));
    expect(JSON.parse(whole.stdout).compared[0].differenceFromBaseline.leaderRemoved.pairs).toBeDefined();
  }, 120_000);

  it("refuses missing, overlapping and repeated shards, naming the files and the fix", async () => {
    const [missing, overlap, twice, same, clobber] = await Promise.all([
      presidium(["merge", part(1, 3), part(3, 3)]),
      presidium(["merge", part(1, 3), part(2, 7), part(2, 3), part(3, 3)]),
      presidium(["merge", part(1, 2), part(2, 2), part(1, 2)]),
      presidium(["merge", part(1, 2), part(2, 2), part(1, 2).replace(dir, `${dir}/.`)]),
      presidium(["merge", part(1, 1), "--csv", part(1, 1)]),
    ]);
    // --json takes an optional file: here it swallows the first partial, which must not be written over.
    const swallowed = await presidium(["merge", "--json", part(1, 2), part(2, 2)]);
    expectClearError(swallowed, 2, `--json ${part(1, 2)} is a partial result file`);
    expect(readFileSync(part(1, 2), "utf8")).toMatch(/^\{"format":"presidium-partial"/);
    expectClearError(missing, 1, "runs 4 to 8 of 14 are in none of the partials", "shard 2/3 is missing", "--shard 2/3 --partial FILE");
    expectClearError(overlap, 1, part(2, 7), part(1, 3), "overlap", "runs 2 to 3");
    expectClearError(twice, 1, `${part(1, 2)} is given twice`);
    expectClearError(same, 1, "given twice");
    expectClearError(clobber, 2, "--csv", "is one of the partials being read");
  }, 60_000);
});

describe("merge refuses partials of another run and damaged files", () => {
  const first6 = Array.from({ length: 6 }, (_, i) => part(i + 1, 7));
  it("another seed, scenario content or what-if", async () => {
    const [seed, fear, whatIf] = await Promise.all([
      presidium(["merge", ...first6, bad("seed")]),
      presidium(["merge", ...first6, bad("fear")]),
      presidium(["merge", ...first6, bad("whatif")]),
    ]);
    expectClearError(seed, 1, `${bad("seed")} is not a shard of the same run as ${part(1, 7)}`, "--seed 12 there, 11 in");
    // An option that changes the scenarios is named as the option.
    expectClearError(fear, 1, bad("fear"), '--set [{"path":"globals.fear","value":0.9}] there, [] in');
    expectClearError(whatIf, 1, bad("whatif"), '--what-if ["army-neutral"] there, [] in');
  }, 60_000);

  it("another --compare set is named as such, and a scenario file edited between shards as its content", async () => {
    const small = ["montecarlo", "--runs", "2", "--seed", "11", "--workers", "1"];
    const file = at("june.yaml");
    writeFileSync(file, readFileSync(new URL("../scenarios/june-1957.yaml", import.meta.url), "utf8"));
    await twoAtATime([
      [...small, "--scenario", "june-1957", "--compare", "army-neutral", "--shard", "1/2", "--partial", at("cmp-1.json")],
      [...small, "--scenario", "june-1957", "--compare", "old-guard-cc", "--shard", "2/2", "--partial", at("cmp-2.json")],
      [...small, "--scenario", file, "--shard", "1/2", "--partial", at("file-1.json")],
    ]);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^(  fear:\n    value: )0\.4$/m, "$10.5"));
    await twoAtATime([[...small, "--scenario", file, "--shard", "2/2", "--partial", at("file-2.json")]]);
    const [compare, edited] = await Promise.all([presidium(["merge", at("cmp-1.json"), at("cmp-2.json")]), presidium(["merge", at("file-1.json"), at("file-2.json")])]);
    expectClearError(compare, 1, `${at("cmp-2.json")} is not a shard of the same run as ${at("cmp-1.json")}: --compare [["old-guard-cc"]] there, [["army-neutral"]] in`);
    expectClearError(edited, 1, at("file-2.json"), "scenario content (hash)");
  }, 60_000);

  it("truncated, edited, newer-format and foreign files, a missing file, and --csv from a shard without rows", async () => {
    const [cut, edited, future, other, absent, noRows, rowsOk] = await Promise.all([
      presidium(["merge", bad("cut"), part(2, 2)]),
      presidium(["merge", bad("edited"), part(2, 2)]),
      presidium(["merge", bad("future"), part(2, 2)]),
      presidium(["merge", bad("other"), part(2, 2)]),
      presidium(["merge", part(1, 2), at("nowhere.json")]),
      presidium(["merge", ...first6, bad("norows"), "--csv", at("rows.csv")]),
      presidium(["merge", ...first6, bad("norows"), "--json"]),
    ]);
    expectClearError(cut, 1, `${bad("cut")}: not a partial result file (not complete JSON`);
    expectClearError(edited, 1, `${bad("edited")}: damaged or edited`, "run its shard again");
    expectClearError(future, 1, `${bad("future")}: partial format version 2`);
    expectClearError(other, 1, `${bad("other")}: not a partial result file`);
    expectClearError(absent, 1, `${at("nowhere.json")}: cannot read it`);
    expectClearError(noRows, 1, `${bad("norows")}: holds no CSV rows`, "without --no-rows");
    // Without --csv, a shard without rows merges like any other.
    expect(rowsOk.code, rowsOk.stderr).toBe(0);
    expect(rowsOk.stdout).toBe(json);
  }, 60_000);

  it("--shard needs K/N within range and --partial, and sends --csv, --report and --json to merge", async () => {
    const small = ["montecarlo", "--scenario", "june-1957", "--runs", "2"];
    const x = at("x.json");
    const results = await Promise.all([
      presidium([...small, "--shard", "0/3", "--partial", x]),
      presidium([...small, "--shard", "4/3", "--partial", x]),
      presidium([...small, "--shard", "two", "--partial", x]),
      presidium([...small, "--shard", "1/3"]),
      presidium([...small, "--partial", x]),
      presidium([...small, "--shard", "1/3", "--partial", x, "--csv", at("x.csv")]),
      presidium([...small, "--shard", "1/3", "--partial", x, "--json"]),
    ]);
    const [zero, over, word, noPartial, noShard, csv, asJson] = results;
    expectClearError(zero, 2, "--shard K/N: K must be from 1 to N");
    expectClearError(over, 2, "--shard K/N: K must be from 1 to N (3)");
    expectClearError(word, 2, "--shard must be K/N");
    expectClearError(noPartial, 2, "--shard K/N needs --partial FILE");
    expectClearError(noShard, 2, "--partial goes with --shard K/N");
    expectClearError(csv, 2, "--csv does not go with --shard", "presidium merge");
    expectClearError(asJson, 2, "--json does not go with --shard");
  }, 60_000);
});

describe("sweep --shard K/N and merge", () => {
  it("N = 2 over 2 values: merged --json and --csv are the unsharded sweep's", async () => {
    const sweep = ["sweep", "--scenario", "june-1957", "--set", "globals.fear=0.2,0.7", "--runs", "3", "--seed", "2", "--workers", "1"];
    const sp = (k: number) => at(`sweep-${k}.json`);
    const [whole] = await twoAtATime([[...sweep, "--json", "--csv", at("sweep.csv")], ...[1, 2].map((k) => [...sweep, "--shard", `${k}/2`, "--partial", sp(k)])]);
    const [merged] = await twoAtATime([["merge", sp(2), sp(1), "--json", at("sweep-m.json"), "--csv", at("sweep-m.csv")]]);
    expect(merged.stdout).toMatch(/^.*: 3 runs for each value of globals\.fear on the same seeds \(base seed 2\)/);
    expect(read("sweep-m.json")).toBe(whole.stdout);
    expect(read("sweep-m.csv")).toBe(read("sweep.csv"));
    expect(JSON.parse(whole.stdout).points).toHaveLength(2);
  }, 180_000);
});
