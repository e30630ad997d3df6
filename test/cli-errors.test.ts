// Bad input to the real command: each is a clear message, a non-zero exit code (2 for a wrong
// command line, 1 for input that cannot be used) and never a stack trace.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectNoStack, fixtures, presidium, tempDir, type Result } from "./cli-helpers.js";

function expectClearError(r: Result, code: 1 | 2, ...needles: (string | RegExp)[]): void {
  expect(r.code, `stdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(code);
  expectNoStack(r);
  const lines = r.stderr.trim().split("\n");
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stdout).toBe("");
  for (const n of needles) {
    if (typeof n === "string") expect(r.stderr).toContain(n);
    else expect(r.stderr).toMatch(n);
  }
}

const run = ["run", "--scenario", "october-1964", "--seed", "1"];
const mc = ["montecarlo", "--scenario", "october-1964"];

describe.concurrent("clear errors", () => {
  it("an unknown what-if lists the known ones", async () => {
    const r = await presidium([...run, "--what-if", "no-such-thing"]);
    expectClearError(r, 1, 'unknown what-if "no-such-thing"', "loyal-kgb", /october-1964\.yaml:\d+:\d+: /);
    expectClearError(await presidium([...mc, "--runs", "2", "--what-if", "no-such-thing"]), 1, 'unknown what-if "no-such-thing"');
  });

  it("--as with an id that is not a character lists the characters", async () => {
    expectClearError(await presidium([...run, "--as", "stalin"]), 1, '"stalin" is not a character', "brezhnev", "khrushchev");
  });

  it("--runs must be a positive whole number", async () => {
    const bad = ["0", "-5", "1.5", "abc", ""];
    const results = await Promise.all([...bad.map((b) => presidium([...mc, "--runs", b])), presidium([...mc, "--runs=-5"])]);
    bad.forEach((b, i) => expectClearError(results[i], 2, "--runs must be a positive whole number", JSON.stringify(b)));
    expectClearError(results[bad.length], 2, "--runs must be a positive whole number");
  });

  it("a malformed --seed", async () => {
    const results = await Promise.all(["abc", "1.5", "1e3", "99999999999"].map((bad) => presidium(["run", "--scenario", "october-1964", "--seed", bad])));
    for (const r of results) expectClearError(r, 2, "--seed must be a whole number");
    expectClearError(await presidium([...mc, "--runs", "1", "--seed", "x"]), 2, "--seed must be a whole number");
  });

  it("an unknown flag, a missing value, a missing option, an unknown command", async () => {
    const cases: [string[], string[]][] = [
      [[...run, "--sed", "3"], ["unknown option '--sed'", "--seed"]],
      [["run", "--scenario", "october-1964", "--seed"], ["argument missing"]],
      [["run", "--seed", "1"], ["--scenario"]],
      [["montecarlo", "--scenario", "october-1964"], ["--runs"]],
      [["conquer"], ["unknown command 'conquer'"]],
      [["replay"], ["missing required argument"]],
      [["scenarios", "--jsn"], ["unknown option '--jsn'"]],
      [["validate"], ["missing required argument"]],
    ];
    const results = await Promise.all(cases.map(([args]) => presidium(args)));
    cases.forEach(([, needles], i) => expectClearError(results[i], 2, ...needles));
  });

  it("a bare `presidium` prints the help and exits 2", async () => {
    const r = await presidium([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage: presidium");
  });

  it("a scenario file that fails validation is reported at FILE:LINE:COL", async () => {
    const file = join(fixtures, "broken", "unknown-patron.yaml");
    expectClearError(await presidium(["run", "--scenario", file, "--seed", "1"]), 1, /unknown-patron\.yaml:\d+:\d+: characters\.semichastny\.patron: unknown character/);
    expectClearError(await presidium(["montecarlo", "--scenario", file, "--runs", "2"]), 1, /unknown-patron\.yaml:\d+:\d+: /);
  });

  it("an unknown scenario id names the shipped ones; a missing file says so", async () => {
    expectClearError(await presidium(["run", "--scenario", "october-1965", "--seed", "1"]), 1, 'unknown scenario "october-1965"', "october-1964");
    expectClearError(await presidium(["run", "--scenario", "./nowhere.yaml", "--seed", "1"]), 1, "nowhere.yaml: no such file");
  });

  it("--until must be a real date within the scenario", async () => {
    expectClearError(await presidium([...run, "--until", "1964-02-30"]), 2, "--until must be a real date");
    expectClearError(await presidium([...run, "--until", "October"]), 2, "--until must be a real date");
    expectClearError(await presidium([...run, "--until", "1965-03-01"]), 1, "outside the scenario", "1963-07-01", "1964-12-31");
  });

  it("--as and --until cannot be combined with --json; a what-if cannot be given twice", async () => {
    expectClearError(await presidium([...run, "--as", "brezhnev", "--json"]), 2, "--as");
    expectClearError(await presidium([...run, "--what-if", "loyal-kgb", "--what-if", "loyal-kgb"]), 2, "given twice");
  });

  it("an unwritable --log path is a clear error and leaves nothing behind", async () => {
    const dir = tempDir();
    expectClearError(await presidium([...run, "--log", join(dir, "no-such-folder", "run.jsonl")]), 1, "cannot write the log", "does not exist");
    expectClearError(await presidium([...run, "--log", dir]), 1, "cannot write the log");
  });
});

describe.concurrent("help", () => {
  it("every command has --help", async () => {
    const commands = [[], ["scenarios"], ["validate"], ["run"], ["replay"], ["montecarlo"]];
    const results = await Promise.all(commands.map((command) => presidium([...command, "--help"])));
    for (const [i, command] of commands.entries()) {
      const r = results[i];
      expect(r.code, command.join(" ")).toBe(0);
      expect(r.stdout).toContain(`Usage: presidium${command.length ? ` ${command[0]}` : ""}`);
      expect(r.stderr).toBe("");
    }
  });
});
