// `presidium sensitivity` through the real built command, on the minimal scenario with two
// parameters and a few runs per point: the JSON it prints, the same results and file whatever the
// workers, a resume from a file cut short that ends where an uninterrupted run ends, Ctrl-C, the
// refusal of another study's file, and bad outcomes and parameters refused before any game.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, expectClearError, fixtures, presidium, repo, sameOnOneAndTwoWorkers, tempDir } from "./cli-helpers.js";

const minimal = join(fixtures, "minimal.yaml");
const study = ["sensitivity", "--scenario", minimal, "--parameters", "ai.choice.*", "--parameters", "ai.vote.*", "--outcome", "moves", "--outcome", "rates.presidiumMovesAgainstLeader"];
const small = [...study, "--trajectories", "2", "--top", "1", "--samples", "2", "--runs", "3", "--seed", "7"];

describe("presidium sensitivity", () => {
  it("screens, then takes the top parameters to Sobol, with the same JSON and file on 1 and 2 workers", async () => {
    const { stdout, out } = await sameOnOneAndTwoWorkers(small, tempDir());

    const j = JSON.parse(stdout);
    expect(j).toMatchObject({ command: "sensitivity", scenario: "minimal", seed: 7, runsPerPoint: 3, method: "both", parameters: 2, complete: true, games: 36 });
    expect(j.points).toEqual({ planned: 12, done: 12 });
    expect(j.outcomes.map((o: { name: string }) => o.name)).toEqual(["moves", "rates.presidiumMovesAgainstLeader"]);
    expect(j.morris).toMatchObject({ trajectories: 2, levels: 4, points: 6 });
    const moves = j.morris.results.moves;
    expect(moves.map((r: { factor: string }) => r.factor).sort()).toEqual(["ai.choice.temperature", "ai.vote.temperature"]);
    for (const r of moves) {
      expect(Object.keys(r).sort()).toEqual(["effects", "factor", "mu", "muStar", "muStarHigh", "muStarLow", "sigma"]);
      expect(r.effects).toBe(2);
      expect(r.muStar).toBeGreaterThanOrEqual(0);
    }
    expect(moves[0].muStar).toBeGreaterThanOrEqual(moves[1].muStar);
    expect(j.sobol).toMatchObject({ samples: 2, points: 6 });
    expect(j.sobol.parameters).toHaveLength(1);
    expect(["ai.choice.temperature", "ai.vote.temperature"]).toContain(j.sobol.parameters[0]);
    expect(Object.keys(j.sobol.results.moves[0]).sort()).toEqual(["S1", "S1High", "S1Low", "ST", "STHigh", "STLow", "factor", "rows"]);

    // The file: the plan, one line per point in order, and the Sobol phase's choice between the phases.
    const lines = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ presidium: "sensitivity", format: 1, plan: { scenario: "minimal", runs: 3, seed: 7, method: "both", trajectories: 2, top: 1, samples: 2 } });
    expect(lines[0].plan.parameters.map((p: unknown[]) => p[0])).toEqual(["ai.choice.temperature", "ai.vote.temperature"]);
    expect(lines.slice(1, 7).map((l) => [l.point, l.phase])).toEqual([0, 1, 2, 3, 4, 5].map((i) => [i, "morris"]));
    expect(lines[7]).toEqual({ chosen: "sobol", factors: j.sobol.parameters });
    expect(lines.slice(8).map((l) => [l.point, l.phase])).toEqual([6, 7, 8, 9, 10, 11].map((i) => [i, "sobol"]));
    for (const l of lines.slice(1).filter((x) => x.point !== undefined)) expect(Object.keys(l.estimates)).toEqual(["moves", "rates.presidiumMovesAgainstLeader"]);
  });

  it("resumes from a file cut short mid-line and ends with the results and file of an uninterrupted run", async () => {
    const dir = tempDir();
    const whole = join(dir, "whole.jsonl");
    const cut = join(dir, "cut.jsonl");
    const full = await presidium([...small, "--json", "--out", whole]);
    expect(full.code, full.stderr).toBe(0);
    const text = readFileSync(whole, "utf8");
    // The header, four points and half of the fifth: as if killed while writing it.
    const fifth = text.split("\n").slice(0, 5).join("\n").length + 1;
    writeFileSync(cut, text.slice(0, fifth + 30));

    const resumed = await presidium([...small, "--out", cut]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain("ended in an unfinished line (cut short, or bytes that are not a record); it was removed, and the points done are those of its complete lines.");
    expect(resumed.stderr).toMatch(/4 points are already done: 24 games to go/);
    expect(readFileSync(cut, "utf8")).toBe(text);
    const again = await presidium([...small, "--json", "--out", cut]);
    expect(again.stdout).toBe(full.stdout);
  });

  it("bytes added to a finished file are removed as an unfinished line, without promising a point played again", async () => {
    const dir = tempDir();
    const out = join(dir, "s.jsonl");
    const first = await presidium([...small, "--json", "--out", out]);
    expect(first.code, first.stderr).toBe(0);
    const whole = readFileSync(out, "utf8");
    writeFileSync(out, Buffer.concat([Buffer.from(whole), Buffer.from([0x00, 0x01, 0xff])]));
    const again = await presidium([...small, "--out", out]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`${out} ended in an unfinished line (cut short, or bytes that are not a record); it was removed, and the points done are those of its complete lines.`);
    expect(again.stderr).not.toContain("played again");
    expect(again.stderr).toContain("12 points are already done: 0 games to go.");
    expect(readFileSync(out, "utf8")).toBe(whole);
  });

  it("refuses a file holding another study, naming what differs, and leaves it alone", async () => {
    const dir = tempDir();
    const out = join(dir, "s.jsonl");
    const first = await presidium([...small, "--method", "morris", "--json", "--out", out]);
    expect(first.code, first.stderr).toBe(0);
    const before = readFileSync(out, "utf8");
    const other = await presidium([...small, "--method", "morris", "--runs", "4", "--json", "--out", out]);
    expectClearError(other, 1, `${out} holds a different study (runs: 3 there, 4 here)`, "give another --out or delete the file");
    expect(readFileSync(out, "utf8")).toBe(before);
    const notOurs = join(dir, "notes.txt");
    writeFileSync(notOurs, "my notes\n");
    expectClearError(await presidium([...small, "--out", notOurs]), 1, `${notOurs} is not the output of presidium sensitivity`);
    expect(readFileSync(notOurs, "utf8")).toBe("my notes\n");
  });

  it("stops on Ctrl-C after writing the finished points, and the same command goes on to the end", async () => {
    const dir = tempDir();
    const args = [...study, "--method", "morris", "--trajectories", "3", "--runs", "8", "--seed", "3", "--workers", "1", "--json"];
    const out = join(dir, "stopped.jsonl");
    const child = spawn(process.execPath, [bin, ...args, "--out", out], { cwd: repo, env: { ...process.env, PRESIDIUM_DEBUG: "" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    let code: number | null;
    try {
      const lines = () => (existsSync(out) ? readFileSync(out, "utf8").split("\n").length - 1 : 0);
      const started = Date.now();
      while (lines() < 3 && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 50));
      child.kill("SIGINT");
      code = await closed;
    } finally {
      // A test that fails or times out must not leave the study running.
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/Interrupted: \d of 9 points are in .*stopped\.jsonl; the results use those only\. Run the same command again/);
    const partial = JSON.parse(stdout);
    expect(partial.complete).toBe(false);
    expect(partial.points.done).toBeLessThan(9);
    const kept = readFileSync(out, "utf8");
    expect(kept.endsWith("\n")).toBe(true);
    for (const l of kept.trim().split("\n")) JSON.parse(l);

    const finished = await presidium([...args, "--out", out]);
    expect(finished.code, finished.stderr).toBe(0);
    const fresh = await presidium([...args, "--out", join(dir, "fresh.jsonl")]);
    expect(finished.stdout).toBe(fresh.stdout);
    expect(JSON.parse(finished.stdout).points).toEqual({ planned: 9, done: 9 });
  });

  it("writes a CSV of both analyses and an HTML report, and prints the ranking as text", async () => {
    const dir = tempDir();
    const r = await presidium([...small, "--out", join(dir, "s.jsonl"), "--csv", join(dir, "s.csv"), "--report", join(dir, "s.html")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^presidium sensitivity: 2 parameters of minimal; Morris: 2 trajectories of 3 points = 6 points; Sobol on the top 1: 2 x 3 = 6 points; 12 points × 3 runs = 36 games\. A timed warm-up game took \d+ ms: about /);
    expect(r.stdout).toContain("moves: moves started per run");
    expect(r.stdout).toContain("Morris screening, most important first");
    const csv = readFileSync(join(dir, "s.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("analysis,outcome,parameter,mu,mu_star,sigma,mu_star_low,mu_star_high,effects,S1,S1_low,S1_high,ST,ST_low,ST_high,rows");
    expect(csv.filter((l) => l.startsWith("morris,"))).toHaveLength(4);
    expect(csv.filter((l) => l.startsWith("sobol,"))).toHaveLength(2);
    const html = readFileSync(join(dir, "s.html"), "utf8");
    expect(html).toContain("<h2>Screening: moves started per run</h2>");
    expect(html).toContain("<h2>Variance: rates.presidiumMovesAgainstLeader</h2>");
  });

  it("refuses an unwritable --csv before any game, as montecarlo does", async () => {
    const dir = tempDir();
    const r = await presidium([...small, "--out", join(dir, "s.jsonl"), "--csv", join(dir, "missing", "s.csv")]);
    expectClearError(r, 1, `--csv ${join(dir, "missing", "s.csv")}: cannot write there`);
    expect(existsSync(join(dir, "s.jsonl"))).toBe(false);
  });

  it("states the cost with --dry-run and writes nothing", async () => {
    const dir = tempDir();
    const out = join(dir, "never.jsonl");
    const r = await presidium([...small, "--dry-run", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/12 points × 3 runs = 36 games\. A timed warm-up game took \d+ ms: about \d+ s on \d workers?\. \(--dry-run: nothing played or written\)/);
    expect(existsSync(out)).toBe(false);
  });

  it("screens groups of parameters with --groups: the cost counts groups + 1 points a trajectory; refused beside a Sobol phase", async () => {
    const dir = tempDir();
    const out = join(dir, "never.jsonl");
    const base = ["sensitivity", "--scenario", "october-1964", "--outcome", "removal", "--runs", "2", "--trajectories", "3", "--parameters", "crisis.*", "--out", out, "--dry-run"];
    const r = await presidium([...base, "--method", "morris", "--groups", "2"]);
    expect(r.code, r.stderr).toBe(0);
    const groups = Number(/Morris in (\d+) groups \(names to depth 2\): 3 trajectories of (\d+) points/.exec(r.stderr)?.[1]);
    expect(groups).toBeGreaterThan(1);
    expect(r.stderr).toContain(`3 trajectories of ${groups + 1} points = ${3 * (groups + 1)} points`);
    expectClearError(await presidium([...base, "--groups", "2"]), 2, "--groups goes with --method morris");
    expectClearError(await presidium([...base, "--method", "morris", "--groups", "0"]), 2, "--groups");
  });

  it("does not vary a parameter the what-if sets, says so, and refuses a selection of nothing else", async () => {
    const dir = tempDir();
    const out = join(dir, "never.jsonl");
    const base = ["sensitivity", "--scenario", "october-1964", "--what-if", "stalinist-fear", "--outcome", "removal", "--method", "morris", "--runs", "2", "--out", out, "--dry-run"];
    const r = await presidium([...base, "--parameters", "learning.fear.*"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("5 parameters of october-1964 (what-if stalinist-fear, which sets learning.fear.drift: not varied); Morris: 10 trajectories of 6 points");
    expectClearError(await presidium([...base, "--parameters", "learning.fear.drift"]), 2, "every parameter selected (learning.fear.drift) is set by the what-if stalinist-fear, so none can be varied");
  });

  it("refuses an unknown outcome or parameter before any game, naming what exists", async () => {
    const dir = tempDir();
    const out = join(dir, "never.jsonl");
    const base = ["sensitivity", "--scenario", minimal, "--out", out, "--runs", "2"];
    expectClearError(await presidium([...base, "--outcome", "survival"]), 2, "--outcome \"survival\" is neither a named measure (removal, plenum-survival, harsh-fates, moves) nor a path");
    expectClearError(await presidium([...base, "--outcome", "rates.leaderRemovd"]), 2, 'rates has no field "leaderRemovd" (fields: leaderRemoved,');
    expectClearError(await presidium([...base, "--outcome", "perPrincipal.beria.removed"]), 2, 'there is no character "beria" in the scenario (its characters: brezhnev, khrushchev, semichastny)');
    expectClearError(await presidium([...base, "--outcome", "removal", "--outcome", "removal"]), 2, "--outcome removal is given twice");
    expectClearError(await presidium([...base, "--outcome", "removal", "--parameters", "plots.nothing*"]), 2, "--parameters plots.nothing* matches no model parameter (names are GROUP.RULE.NAME; groups: ai,");
    expectClearError(await presidium([...base, "--outcome", "removal", "--levels", "3"]), 2, "--levels must be an even whole number");
    expectClearError(await presidium([...base, "--outcome", "removal", "--method", "fast"]), 2, "--method must be morris, sobol or both");
    expect(existsSync(out)).toBe(false);
  });
});
