// `presidium montecarlo` on worker threads and `presidium sweep`, through the real built command:
// the result does not depend on the number of workers, --compare pairs the runs by seed, --csv has
// a row per run, Ctrl-C reports what finished, and bad input is one clear line with nothing left
// half-written.
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mixSeed } from "../src/engine/index.js";
import { bin, expectClearError, presidium, repo, tempDir } from "./cli-helpers.js";

const mc = ["montecarlo", "--scenario", "october-1964"];
const sweep = ["sweep", "--scenario", "october-1964"];

describe.concurrent("parallel montecarlo", () => {
  it("--workers 1 and --workers 2 give byte-identical --json and --csv", async () => {
    const dir = tempDir();
    // --force-workers: two workers even on a machine with one core.
    const args = (w: number) => [...mc, "--runs", "6", "--seed", "42", "--compare", "loyal-kgb", "--workers", String(w), "--force-workers", "--json", "--csv", join(dir, `w${w}.csv`)];
    const [one, two] = await Promise.all([presidium(args(1)), presidium(args(2))]);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(one.stderr).toBe("");
    expect(two.stdout).toBe(one.stdout);
    const csv = readFileSync(join(dir, "w1.csv"), "utf8");
    expect(readFileSync(join(dir, "w2.csv"), "utf8")).toBe(csv);

    // The comparison: every rate with a Wilson interval, and the paired difference with its interval.
    const j = JSON.parse(one.stdout);
    expect(j).toMatchObject({ scenario: "october-1964", runs: 6, baseSeed: 42 });
    expect(j.differenceMethod).toMatch(/Newcombe/);
    expect(j.baseline.whatIfs).toEqual([]);
    expect(j.compared).toHaveLength(1);
    const kgb = j.compared[0];
    expect(kgb.set).toBe("loyal-kgb");
    expect(kgb.whatIfs).toEqual(["loyal-kgb"]);
    const removed = kgb.differenceFromBaseline.leaderRemoved;
    const [kgbRemoved, baseRemoved] = [kgb.rates.leaderRemoved.count, j.baseline.rates.leaderRemoved.count];
    expect(removed.difference).toBeCloseTo(kgbRemoved / 6 - baseRemoved / 6, 12);
    expect(removed.low).toBeLessThanOrEqual(removed.difference);
    expect(removed.high).toBeGreaterThanOrEqual(removed.difference);
    const p = removed.pairs;
    expect(p.both + p.firstOnly + p.secondOnly + p.neither).toBe(6);
    expect(p.both + p.firstOnly).toBe(kgbRemoved);
    expect(p.both + p.secondOnly).toBe(baseRemoved);
    expect(j.baseline.rates.leaderRemoved).toMatchObject({ count: baseRemoved, of: 6 });
    expect(kgb.rates.leaderRemoved).toMatchObject({ count: kgbRemoved, of: 6 });

    // One row per run and set, in run order, with the seed run i used.
    const [header, ...rows] = csv.trim().split("\n");
    expect(header).toBe(
      "run,seed,variant,what_ifs,outcome,left_office_date,means,launched_while_away,plot_leader,leader_at_end,contests,presidium_for,presidium_against,presidium_voters,plenum_for_target,plenum_against_target,plenum_present,fates",
    );
    expect(rows).toHaveLength(12);
    rows.forEach((row, k) => {
      const cells = row.split(",");
      expect(Number(cells[0])).toBe(Math.floor(k / 2));
      expect(Number(cells[1])).toBe(mixSeed(42, Math.floor(k / 2)));
      expect(cells[2]).toBe(k % 2 === 0 ? "baseline" : "loyal-kgb");
      expect(["survived", "removed", "died in office", "left office"]).toContain(cells[4]);
    });
    const removedRows = rows.filter((r) => r.split(",")[2] === "baseline" && r.split(",")[4] === "removed");
    expect(removedRows).toHaveLength(baseRemoved);
    for (const r of removedRows) expect(r).toMatch(/,removed,19\d\d-\d\d-\d\d,(session|plenum|force),(true|false),[a-z]*,[a-z]*,\d+,/);
    // Each row's fates name who lost, with a fate of the ladder.
    for (const r of rows) for (const f of r.split(",")[17].split(";").filter(Boolean)) expect(f).toMatch(/^[a-z-]+:(retired|demoted|expelled|imprisoned|executed)$/);
  }, 180_000);

  it("a run's left_office_date is the date run --json gives as removalDate (the plenum's, not the Presidium vote's)", async () => {
    const dir = tempDir();
    const csv = join(dir, "runs.csv");
    // Run 0 of base seed 1: the Presidium votes on 1964-12-14 and the plenum removes him on 1964-12-22.
    const seed = mixSeed(1, 0);
    const [mcRun, one] = await Promise.all([presidium([...mc, "--runs", "1", "--workers", "1", "--csv", csv]), presidium(["run", "--scenario", "october-1964", "--seed", String(seed), "--json"])]);
    expect(mcRun.code, mcRun.stderr).toBe(0);
    expect(one.code, one.stderr).toBe(0);
    const row = readFileSync(csv, "utf8").trim().split("\n")[1].split(",");
    expect(row.slice(4, 7)).toEqual(["removed", "1964-12-22", "plenum"]);
    expect(JSON.parse(one.stdout).removalDate).toBe("1964-12-22");
  });

  it("prints the comparison as a table with intervals and paired differences", async () => {
    const r = await presidium([...mc, "--runs", "3", "--workers", "1", "--compare", "loyal-kgb", "--compare", "stays-in-moscow,loyal-kgb"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("stays-in-moscow + loyal-kgb");
    expect(r.stdout).toMatch(/^first man out of office\s+\d+\.\d% \(\d+\.\d-\d+\.\d\)\s+\d+\.\d% \(/m);
    expect(r.stdout).toContain("Difference from the baseline in percentage points, paired by seed");
    expect(r.stdout).toMatch(/^first man out of office\s+[+-]?\d+\.\d \([+-]?\d+\.\d to [+-]?\d+\.\d\)/m);
  }, 180_000);

  it("Ctrl-C stops the workers and reports the runs finished, marked partial", async ({ onTestFinished }) => {
    const dir = tempDir();
    const csv = join(dir, "runs.csv");
    const child = spawn(process.execPath, [bin, ...mc, "--runs", "100000", "--workers", "2", "--force-workers", "--json", "--csv", csv], { cwd: repo });
    // However the test ends, the child does not outlive it.
    // The test's own hook: in a concurrent block the global onTestFinished may attach to another test.
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    // Wait until some runs have reached the (temporary) CSV file, then interrupt (vitest's timeout
    // bounds the wait; a run that exits early fails here rather than hanging).
    let early: number | null | undefined;
    void exited.then((code) => (early = code));
    for (;;) {
      const temp = readdirSync(dir).find((f) => f.endsWith(".tmp"));
      if (temp && statSync(join(dir, temp)).size > 1000) break;
      if (early !== undefined) throw new Error(`the run exited (${early}, signal ${child.signalCode}) before writing any rows:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill("SIGINT");
    const code = await exited;
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/^Interrupted: partial results from the \d+ of 100000 runs that finished; .*runs\.csv holds those runs only\.$/m);
    const j = JSON.parse(stdout);
    expect(j.partial).toBe(true);
    expect(j.runsPlanned).toBe(100000);
    expect(j.runs).toBeGreaterThan(0);
    expect(j.runs).toBeLessThan(100000);
    expect(j.rates.leaderRemoved.of).toBe(j.runs);
    const rows = readFileSync(csv, "utf8").trim().split("\n").slice(1);
    expect(rows).toHaveLength(j.runs);
    expect(readdirSync(dir)).toEqual(["runs.csv"]);
  }, 180_000);

  it("sweep: one report per value, on the same seeds", async () => {
    const r = await presidium([...sweep, "--set", "globals.fear=0,1", "--runs", "3", "--workers", "1", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ scenario: "october-1964", parameter: "globals.fear", values: [0, 1], runs: 3, baseSeed: 1 });
    expect(j.points).toHaveLength(2);
    expect(j.points.map((p: { value: number }) => p.value)).toEqual([0, 1]);
    for (const p of j.points) expect(p.rates.leaderRemoved.of).toBe(3);
    const table = await presidium([...sweep, "--set", "globals.fear=0,1", "--runs", "2", "--workers", "1"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^globals\.fear\s+first man out of office \(95% interval\)/m);
    expect(table.stdout).toMatch(/^1\s+\d+\.\d% \(/m);
  }, 180_000);
});

describe.concurrent("clear errors, nothing half-written", () => {
  it("an unknown what-if in --compare, and malformed --compare values", async () => {
    const dir = tempDir();
    expectClearError(await presidium([...mc, "--runs", "2", "--compare", "no-such-thing", "--csv", join(dir, "x.csv")]), 1, 'unknown what-if "no-such-thing"', "loyal-kgb");
    expectClearError(await presidium([...mc, "--runs", "2", "--compare", "loyal-kgb,"]), 2, "--compare needs what-if names separated by commas");
    expectClearError(await presidium([...mc, "--runs", "2", "--compare", "loyal-kgb", "--compare", "loyal-kgb"]), 2, "--compare loyal-kgb is given twice");
    expectClearError(await presidium([...mc, "--runs", "2", "--what-if", "loyal-kgb", "--compare", "loyal-kgb"]), 2, "already applied to the baseline");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("--runs 0 and --workers 0", async () => {
    expectClearError(await presidium([...mc, "--runs", "0"]), 2, "--runs must be a positive whole number");
    expectClearError(await presidium([...mc, "--runs", "2", "--workers", "0"]), 2, "--workers must be a positive whole number", '"0"');
    expectClearError(await presidium([...mc, "--runs", "2", "--workers", "two"]), 2, "--workers must be a positive whole number");
    expectClearError(await presidium([...sweep, "--set", "globals.fear=0,1", "--runs", "0"]), 2, "--runs must be a positive whole number");
    expectClearError(await presidium([...sweep, "--set", "globals.fear=0,1", "--workers", "0"]), 2, "--workers must be a positive whole number");
  });

  it("--runs above 10,000,000 and --workers above the cores are refused at once, before any game", async () => {
    const cores = availableParallelism();
    const set = ["--set", "globals.fear=0,1"];
    const cases: [string[], string | RegExp][] = [
      [[...mc, "--runs", "1000000000000"], '--runs must be at most 10,000,000 (for more, run again with another --seed), got "1000000000000"'],
      [[...mc, "--runs", "10000001"], "--runs must be at most 10,000,000"],
      [[...mc, "--runs", "99999999999999999999999999"], "--runs must be at most 10,000,000"],
      [[...sweep, ...set, "--runs", "1000000000000"], "--runs must be at most 10,000,000"],
      [[...mc, "--runs", "2", "--workers", "999"], `--workers 999 is more than this machine's ${cores} core${cores === 1 ? "" : "s"}: extra workers only cost memory (each holds its own engine); give at most ${cores}, or add --force-workers to use 999 anyway`],
      [[...mc, "--runs", "2", "--workers", String(cores + 1)], `--workers ${cores + 1} is more than this machine's ${cores} core`],
      [[...sweep, ...set, "--runs", "2", "--workers", "999"], "--workers 999 is more than this machine's"],
      [[...mc, "--runs", "2", "--workers", "999", "--force-workers"], '--workers must be at most 64 even with --force-workers, got "999"'],
      [[...sweep, ...set, "--runs", "2", "--workers", "65", "--force-workers"], "--workers must be at most 64 even with --force-workers"],
      [[...mc, "--runs", "2", "--force-workers"], "--force-workers goes with --workers N"],
    ];
    const started = Date.now();
    const results = await Promise.all(cases.map(([args]) => presidium(args)));
    results.forEach((r, i) => expectClearError(r, 2, cases[i][1]));
    expect(Date.now() - started).toBeLessThan(45_000);
    // At the bounds the values are taken: the missing scenario file is what stops these.
    const atBounds = await Promise.all([
      presidium(["montecarlo", "--scenario", "./nowhere.yaml", "--runs", "10000000"]),
      presidium(["montecarlo", "--scenario", "./nowhere.yaml", "--runs", "2", "--workers", String(cores)]),
      presidium(["montecarlo", "--scenario", "./nowhere.yaml", "--runs", "2", "--workers", "64", "--force-workers"]),
    ]);
    for (const r of atBounds) expectClearError(r, 1, "nowhere.yaml: no such file");
  });

  it("--force-workers runs more workers than cores when asked", async () => {
    const r = await presidium([...mc, "--runs", "2", "--workers", String(availableParallelism() + 1), "--force-workers", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).runs).toBe(2);
  }, 180_000);

  it("an unwritable --report or --csv path, and nothing left behind", async () => {
    const dir = tempDir();
    const aFile = join(dir, "plain-file");
    writeFileSync(aFile, "x");
    mkdirSync(join(dir, "a-folder"));
    const good = join(dir, "good.csv");
    const cases: [string[], RegExp][] = [
      [["--report", join(dir, "no-such-folder", "r.html")], /--report .*r\.html: cannot write there \(the folder .*no-such-folder does not exist\)/],
      [["--csv", join(aFile, "r.csv")], /--csv .*r\.csv: cannot write there \(.*plain-file is not a folder\)/],
      [["--report", join(dir, "a-folder")], /--report .*a-folder: is a directory; give a file name/],
      // A good --csv with a bad --report: the CSV is not written either.
      [["--csv", good, "--report", join(dir, "no-such-folder", "r.html")], /--report .*cannot write there/],
      [["--csv", good, "--report", good], /--csv .*good\.csv and --report .*good\.csv are the same file/],
    ];
    const results = await Promise.all(cases.map(([extra]) => presidium([...mc, "--runs", "2", ...extra])));
    results.forEach((r, i) => expectClearError(r, cases[i][1].source.includes("are the same file") ? 2 : 1, cases[i][1]));
    expect(readdirSync(dir).sort()).toEqual(["a-folder", "plain-file"]);
    expect(readdirSync(join(dir, "a-folder"))).toEqual([]);
    expectClearError(await presidium([...sweep, "--set", "globals.fear=0,1", "--report", join(dir, "no-such-folder", "s.html")]), 1, /cannot write there/);
  });

  it("a bad --set path or value is the loader's error, pointing into the scenario file", async () => {
    const [path, value, unknown] = await Promise.all([
      presidium([...sweep, "--set", "globals.fear.x.y=1", "--runs", "2"]),
      presidium([...sweep, "--set", "globals.fear=0,2", "--runs", "2"]),
      presidium([...sweep, "--set", "globals.feer=0", "--runs", "2"]),
    ]);
    expectClearError(path, 1, /^scenarios\/october-1964\.yaml: setting globals\.fear\.x\.y: path "globals\.fear\.x\.y" does not resolve/);
    expectClearError(value, 1, /^scenarios\/october-1964\.yaml:\d+:\d+: globals\.fear\.value: with setting globals\.fear=2: /);
    expectClearError(unknown, 1, /^scenarios\/october-1964\.yaml:\d+:\d+: globals\.feer: .*unknown field/);
  });

  it("--shard accepts spaces around K, N and the slash, as README.md says", async () => {
    const partial = join(tempDir(), "p.json");
    const r = await presidium([...mc, "--runs", "2", "--workers", "1", "--shard", " 1 / 2 ", "--partial", partial]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Shard 1/2: runs 0 to 0 of 2 written to ${partial}; add up the shards with presidium merge\n`);
  });

  it("a malformed --set", async () => {
    const results = await Promise.all(["globals.fear", "=1,2", "globals.fear=", "globals.fear=0,,1", "globals.fear=1,1"].map((s) => presidium([...sweep, "--set", s])));
    const needles = ["--set must be PATH=VALUE", "--set needs a path", "needs values separated by commas", "needs values separated by commas", "lists a value twice"];
    results.forEach((r, i) => expectClearError(r, 2, needles[i]));
  });
});
