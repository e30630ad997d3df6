// `presidium scenarios`, `validate` and `montecarlo` through the real command.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mixSeed } from "../src/engine/index.js";
import { outcomeKeys } from "../src/research/montecarlo.js";
import { expectNoStack, fixtures, presidium, repo } from "./cli-helpers.js";

describe.concurrent("presidium scenarios", () => {
  it("lists the shipped scenarios with their dates and what-ifs", async () => {
    const r = await presidium(["scenarios"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^october-1964 {2}1963-07-01 to 1964-12-31 {2}1963-64: Khrushchev and his heirs/m);
    expect(r.stdout).toContain("--what-if loyal-kgb");
  });

  it("--json prints an array with id, title, dates and what-ifs", async () => {
    const r = await presidium(["scenarios", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; start: string; end: string; title: string; whatIfs: { id: string; title: string }[] }[];
    const oct = list.find((s) => s.id === "october-1964");
    expect(oct).toMatchObject({ start: "1963-07-01", end: "1964-12-31" });
    expect(oct?.whatIfs.map((w) => w.id)).toEqual(expect.arrayContaining(["loyal-kgb", "stays-in-moscow", "stalinist-fear"]));
  });
});

describe.concurrent("presidium validate", () => {
  it("prints FILE: ok for valid files and exits 0", async () => {
    const r = await presidium(["validate", "scenarios/october-1964.yaml", "test/fixtures/minimal.yaml"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("scenarios/october-1964.yaml: ok\ntest/fixtures/minimal.yaml: ok\n");
  });

  it("accepts a shipped id", async () => {
    const r = await presidium(["validate", "june-1957"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("june-1957: ok\n");
  });

  it("exits 1 with every problem on its own line at FILE:LINE:COL", async () => {
    const r = await presidium(["validate", "test/fixtures/broken/unknown-patron.yaml"]);
    expect(r.code).toBe(1);
    expectNoStack(r);
    expect(r.stderr).toMatch(/^test\/fixtures\/broken\/unknown-patron\.yaml:\d+:\d+: characters\.semichastny\.patron: unknown character "brezhnyev"/);
  });

  it("checks every file and reports each broken fixture with a location", async () => {
    const broken = readdirSync(join(fixtures, "broken")).filter((f) => f.endsWith(".yaml")).sort();
    const files = broken.map((f) => `test/fixtures/broken/${f}`);
    const r = await presidium(["validate", "test/fixtures/minimal.yaml", ...files]);
    expect(r.code).toBe(1);
    expectNoStack(r);
    expect(r.stdout).toBe("test/fixtures/minimal.yaml: ok\n");
    for (const f of files) expect(r.stderr, f).toMatch(new RegExp(`^${f.replace(/[.]/g, "\\.")}:\\d+:\\d+: `, "m"));
    for (const line of r.stderr.trim().split("\n")) expect(line).toMatch(/^test\/fixtures\/broken\/[\w-]+\.yaml:\d+:\d+: /);
  });

  it("a missing file is an error naming it", async () => {
    const r = await presidium(["validate", "nowhere.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe("nowhere.yaml: no such file");
  });
});

describe.concurrent("presidium montecarlo", () => {
  const required = [
    "scenario", "whatIfs", "runs", "baseSeed", "rates", "removedBy", "fightRate", "movesStarted", "movesPerRun", "contests", "contestKinds", "plenums",
    "lopsidedPlenums", "perPrincipal", "fatesByRole", "primacy", "verbs", "exampleSeeds", "settings", "parameters", "history",
  ];

  it("--json prints exactly one JSON object with the required fields", async () => {
    const r = await presidium(["montecarlo", "--scenario", "october-1964", "--runs", "4", "--seed", "9", "--what-if", "loyal-kgb", "--json", "--workers", "1"]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, any>;
    for (const key of required) expect(j, key).toHaveProperty(key);
    expect(j).toMatchObject({ scenario: "october-1964", whatIfs: ["loyal-kgb"], runs: 4, baseSeed: 9 });
    expect(Object.keys(j.rates)).toEqual([...outcomeKeys]);
    for (const key of outcomeKeys) {
      expect(j.rates[key].of, key).toBe(4);
      expect(Number.isInteger(j.rates[key].count), key).toBe(true);
    }
    expect(j.removedBy.session + j.removedBy.plenum + j.removedBy.force).toBeLessThanOrEqual(j.rates.leaderRemoved.count);
    for (const who of Object.values(j.perPrincipal as Record<string, { fates: Record<string, number> }>)) {
      expect(Object.keys(who.fates)).toEqual(["retired", "demoted", "expelled", "imprisoned", "executed"]);
    }
    // Run i used the seed mixSeed(base, i): the example seeds are those, in order.
    const ex = j.exampleSeeds as { removed: number[]; survived: number[] };
    expect([...ex.removed, ...ex.survived].sort()).toEqual([0, 1, 2, 3].map((i) => mixSeed(9, i)).sort());
  }, 120_000);

  it("is deterministic and its runs are the runs of `presidium run`", async () => {
    const [a, b] = await Promise.all([1, 2].map((w) => presidium(["montecarlo", "--scenario", "october-1964", "--runs", "3", "--json", "--workers", String(w)])));
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout, "the same report whatever the number of workers").toBe(b.stdout);
    const j = JSON.parse(a.stdout);
    expect(j.baseSeed).toBe(1);
    const singles = (await Promise.all([0, 1, 2].map((i) => presidium(["run", "--scenario", "october-1964", "--seed", String(mixSeed(1, i)), "--json"])))).map((s) => JSON.parse(s.stdout));
    expect(j.rates.leaderRemoved.count).toBe(singles.filter((s) => s.leaderRemoved).length);
    expect(j.movesStarted).toBe(singles.reduce((n, s) => n + s.movesStarted, 0));
    expect(j.contests).toBe(singles.reduce((n, s) => n + s.contests.length, 0));
    expect(j.exampleSeeds.removed).toEqual(singles.filter((s) => s.leaderRemoved).map((s) => s.seed));
  }, 120_000);

  it("prints a readable table with rates and 95% intervals", async () => {
    // Run 7 of base seed 1: Khrushchev dies in office in February 1964.
    const r = await presidium(["montecarlo", "--scenario", join(repo, "scenarios", "october-1964.yaml"), "--runs", "8", "--workers", "1"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^first man out of office\s+\d+\s+\d+\.\d%\s+\d+\.\d% - \d+\.\d%$/m);
    // The first row counts deaths and illness in office too, shown beside the removals so that they add up.
    const count = (label: string) => Number(new RegExp(`^${label}\\s+(\\d+)`, "m").exec(r.stdout)![1]);
    expect(count("  otherwise \\(death, illness, other\\)")).toBe(1);
    expect(count("first man out of office")).toBe(["  by the Presidium \\(stepped down\\)", "  by a CC plenum", "  by force", "  otherwise \\(death, illness, other\\)"].reduce((n, l) => n + count(l), 0));
    expect(r.stdout).toMatch(/^saved by a CC plenum\s+\d+\s+\d+\.\d%/m);
    expect(r.stdout).toContain("95% interval");
    expect(r.stdout).toMatch(/^moves started: \d+ \([\d.]+ a run\); contests: \d+$/m);
  }, 120_000);
});
