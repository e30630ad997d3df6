// Model parameters as data (MODEL.md section 8): the file validates with precise errors, the rules
// read every coefficient from it and hold no numeric literal of their own, and a scenario or the
// command line can override a value, which then shows in the log header.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parameterTypesSource } from "../scripts/gen-parameter-types.mjs";
import { ScenarioError } from "../src/scenarios/load.js";
import { loadScenarioFile, parseScenarioText, settingsSetAside } from "../src/scenarios/load.js";
import { loadModelFile, parseModelText, shippedModelFile } from "../src/scenarios/model-file.js";
import { expectClearError, presidium, repo, tempDir, fixtures } from "./cli-helpers.js";

const shipped = readFileSync(shippedModelFile(), "utf8");

function modelErrors(text: string): string[] {
  try {
    parseModelText(text, "params.yaml");
  } catch (error) {
    if (error instanceof ScenarioError) return [...error.issues];
    throw error;
  }
  return [];
}

describe("the parameter file", () => {
  it("validates, and every parameter has a value inside its range, a meaning and a reason", () => {
    const catalog = loadModelFile();
    expect(catalog.entries.size).toBeGreaterThan(100);
    for (const [name, e] of catalog.entries) {
      expect(e.value, name).toBeGreaterThanOrEqual(e.range[0]);
      expect(e.value, name).toBeLessThanOrEqual(e.range[1]);
      expect(e.reason.length, name).toBeGreaterThan(5);
      expect(e.meaning.length, name).toBeGreaterThan(5);
    }
  });

  // The file documents the model to whoever reads it: the authors' cross-references to their own
  // research notes, such as "(FACTS 3)" or "(ERA 1a)", cannot be looked up there, so a reason names
  // the work or the document a fact comes from (as scenario texts must: scenario-validation.test.ts).
  it("cites works and documents in its reasons, not the authors' research notes (ERA or FACTS)", () => {
    const found = [...loadModelFile().entries].filter(([, e]) => [e.meaning, e.reason, e.source ?? ""].some((text) => /\b(ERA|FACTS)\b/.test(text))).map(([name, e]) => `${name}: ${e.reason}`);
    expect(found).toEqual([]);
  });

  it("matches the generated TypeScript shape (run `npm run params` after editing it)", () => {
    const generated = readFileSync(join(repo, "src", "engine", "model", "parameters.generated.ts"), "utf8");
    expect(generated).toBe(parameterTypesSource(shipped));
  });

  it("names a value outside its range at its line and column", () => {
    const text = shipped.replace("temperature: { value: 0.3, range: [0.05, 1]", "temperature: { value: 1.35, range: [0.05, 1]");
    const line = text.split("\n").findIndex((l) => l.includes("value: 1.35")) + 1;
    expect(modelErrors(text)).toEqual([expect.stringMatching(new RegExp(`^params\\.yaml:${line}:\\d+: ai\\.choice\\.temperature\\.value: 1\\.35 is outside the parameter's range \\[0\\.05, 1\\]`))]);
  });

  it("names a missing reason, an unknown field and a reversed range", () => {
    const noReason = shipped.replace(/(temperature: \{ value: 0\.3, range: \[0\.05, 1\], meaning: "[^"]*"), reason: "[^"]*" \}/, "$1 }");
    expect(modelErrors(noReason)).toEqual([expect.stringMatching(/^params\.yaml:\d+:\d+: ai\.choice\.temperature\.reason: required field is missing/)]);
    const unknown = shipped.replace("temperature: { value: 0.3, range: [0.05", "temperature: { default: 1, value: 0.3, range: [0.05");
    expect(modelErrors(unknown)).toEqual([expect.stringMatching(/ai\.choice\.temperature\.default: unknown field \(allowed: value, range, integer, meaning, reason, source\)/)]);
    const reversed = shipped.replace("temperature: { value: 0.3, range: [0.05, 1]", "temperature: { value: 0.3, range: [1, 0.05]");
    expect(modelErrors(reversed).join("\n")).toMatch(/ai\.choice\.temperature\.range: expected a range \[low, high\] with low below high/);
  });

  it("refuses a fraction for a whole-number parameter", () => {
    const text = shipped.replace("askAgainAfterDays: { value: 70,", "askAgainAfterDays: { value: 70.5,");
    expect(modelErrors(text).join("\n")).toMatch(/moves\.approach\.askAgainAfterDays\.value: expected a whole number, got 70\.5/);
  });
});

describe("overrides", () => {
  const minimal = readFileSync(join(fixtures, "minimal.yaml"), "utf8");
  const withBlock = (block: string) => `${minimal}\nparameters:\n${block}\n`;
  const errors = (text: string) => {
    try {
      parseScenarioText(text, "s.yaml");
    } catch (error) {
      if (error instanceof ScenarioError) return [...error.issues];
      throw error;
    }
    return [];
  };

  it("a scenario overrides a parameter with a reason, and the world runs with it", () => {
    const s = parseScenarioText(withBlock('  ai:\n    choice:\n      temperature: { value: 0.6, reason: "A noisier world for this test." }'), "s.yaml");
    expect(s.model.ai.choice.temperature).toBe(0.6);
    expect(s.model.ai.vote.temperature).toBe(loadModelFile().defaults.ai.vote.temperature);
  });

  it("an unknown parameter in a scenario is reported at its key, listing its rule's parameters", () => {
    const text = withBlock('  ai:\n    choice:\n      temprature: { value: 0.6, reason: "A typo." }');
    const line = text.split("\n").findIndex((l) => l.includes("temprature")) + 1;
    expect(errors(text)).toEqual([`s.yaml:${line}:7: parameters.ai.choice.temprature: unknown model parameter "ai.choice.temprature" (ai.choice has: temperature)`]);
  });

  it("an out-of-range or reasonless override is refused", () => {
    expect(errors(withBlock('  ai:\n    choice:\n      temperature: { value: 5, reason: "Too hot." }')).join("\n")).toMatch(/parameters\.ai\.choice\.temperature\.value: 5 is outside the parameter's range/);
    expect(errors(withBlock("  ai:\n    choice:\n      temperature: { value: 0.5 }")).join("\n")).toMatch(/parameters\.ai\.choice\.temperature\.reason: required field is missing/);
  });

  it("a what-if's own model parameter wins over a setting in the loader itself, so the game and every command agree (review: only the CLI had the rule)", () => {
    const file = join(repo, "scenarios", "october-1964.yaml");
    const drift = [{ path: "model.learning.fear.drift", value: 0.15 }];
    expect(loadScenarioFile(file, { settings: drift }).scenario.model.learning.fear.drift).toBe(0.15);
    expect(loadScenarioFile(file, { whatIfs: ["stalinist-fear"], settings: drift }).scenario.model.learning.fear.drift).toBe(0);
    expect(settingsSetAside(file, { whatIfs: ["stalinist-fear"], settings: drift })).toEqual(drift);
    expect(settingsSetAside(file, { whatIfs: ["loyal-kgb"], settings: drift })).toEqual([]);
  });

  it("a model.* setting overrides after the scenario, and a bad one names the setting", () => {
    const s = loadScenarioFile(join(fixtures, "minimal.yaml"), { settings: [{ path: "model.crisis.plenum.hallMood", value: 3 }] }).scenario;
    expect(s.model.crisis.plenum.hallMood).toBe(3);
    expect(() => loadScenarioFile(join(fixtures, "minimal.yaml"), { settings: [{ path: "model.crisis.plenum.hallMod", value: 3 }] })).toThrow(/minimal\.yaml: setting model\.crisis\.plenum\.hallMod=3: unknown model parameter/);
    expect(() => loadScenarioFile(join(fixtures, "minimal.yaml"), { settings: [{ path: "model.crisis.plenum.hallMood", value: "x" }] })).toThrow(/expected a number/);
  });
});

describe("the rules read their coefficients from the parameters", () => {
  // Structural numbers only: 0, 1 (and so -1), and 0.5 as a midpoint. Scale facts (a week's days,
  // the ideology scale's span) live in calendar.ts and units.ts, outside the rules.
  const allowed = new Set(["0", "1", "0.5"]);
  const ruleDirs = ["rules", "ai"].map((d) => join(repo, "src", "engine", d));
  const ruleFiles = [...ruleDirs.flatMap(walk), ...["queries.ts", "turn.ts", "setup.ts"].map((f) => join(repo, "src", "engine", f))];

  it("finds the rule files", () => {
    expect(ruleFiles.length).toBeGreaterThan(8);
  });

  it("no rule holds a numeric literal other than 0, 1 or 0.5", () => {
    const offenders: string[] = [];
    for (const f of ruleFiles) {
      codeLines(readFileSync(f, "utf8")).forEach((line, i) => {
        for (const m of line.matchAll(/(?<![A-Za-z0-9_$.])(\d[\d_]*(?:\.\d+)?(?:e[-+]?\d+)?)/g)) {
          if (!allowed.has(m[1])) offenders.push(`${relative(repo, f)}:${i + 1}: ${m[1]}`);
        }
      });
    }
    expect(offenders).toEqual([]);
  });

  it("catches a literal planted in a rule (the scan works)", () => {
    const planted = codeLines('const x = 2.5 * y; // 3 in a comment\nconst s = "7 in a string";');
    expect(planted.join("\n")).toMatch(/2\.5/);
    expect(planted.join("\n")).not.toMatch(/[37]/);
  });
});

describe("--set on the command line", () => {
  it("changes the log header and the outcome, and replay reproduces the run", async () => {
    const dir = tempDir();
    const log = join(dir, "run.jsonl");
    const base = await presidium(["run", "--scenario", "october-1964", "--seed", "3", "--json"]);
    const set = await presidium(["run", "--scenario", "october-1964", "--seed", "3", "--json", "--log", log, "--set", "model.moves.start.baseline=0"]);
    expect(base.code).toBe(0);
    expect(set.code, set.stderr).toBe(0);
    const a = JSON.parse(base.stdout);
    const b = JSON.parse(set.stdout);
    expect(a.parameters).toEqual({});
    expect(b.parameters).toEqual({ "moves.start.baseline": 0 });
    // A higher baseline for starting a move (MODEL.md section 4) means more moves are started.
    expect(b.movesStarted).toBeGreaterThan(a.movesStarted);
    const header = JSON.parse(readFileSync(log, "utf8").split("\n")[0]);
    expect(header.settings).toEqual([{ path: "model.moves.start.baseline", value: 0 }]);
    expect(header.parameters).toEqual({ "moves.start.baseline": 0 });
    const replay = await presidium(["replay", log]);
    expect(replay.code, replay.stderr).toBe(0);
    // A header whose recorded parameters no longer match is refused, naming the parameter.
    const lines = readFileSync(log, "utf8").split("\n");
    lines[0] = JSON.stringify({ ...header, parameters: { "moves.start.baseline": -0.5 } });
    writeFileSync(log, lines.join("\n"));
    const stale = await presidium(["replay", log]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/moves\.start\.baseline: recorded -0\.5, now 0/);
  });

  it("an unknown parameter or an out-of-range value is a clear error naming --set, not the scenario file", async () => {
    const unknown = await presidium(["run", "--scenario", "october-1964", "--seed", "3", "--set", "model.moves.start.base=-2"]);
    expectClearError(unknown, 1, /^presidium run: --set model\.moves\.start\.base=-2: unknown model parameter "moves\.start\.base" \(moves\.start has: [a-zA-Z, ]*\bbaseline\b/);
    const far = await presidium(["montecarlo", "--scenario", "october-1964", "--runs", "2", "--set", "model.crisis.plenum.hallMood=99"]);
    expectClearError(far, 1, "--set model.crisis.plenum.hallMood=99: 99 is outside the parameter's range [0, 15]");
    expect(far.stderr).not.toContain("october-1964.yaml");
  });

  it("a what-if's own parameter wins over --set in the variant that has it, with a note", async () => {
    const drift = ["--set", "model.learning.fear.drift=0.15"];
    const [mc, run] = await Promise.all([
      presidium(["montecarlo", "--scenario", "october-1964", "--runs", "2", "--workers", "1", "--compare", "stalinist-fear", ...drift, "--json"]),
      presidium(["run", "--scenario", "october-1964", "--seed", "3", "--what-if", "stalinist-fear", ...drift, "--set", "globals.ccArbiter=0.5", "--json"]),
    ]);
    expect(mc.code, mc.stderr).toBe(0);
    expect(mc.stderr).toBe("Note: --set model.learning.fear.drift=0.15 not applied in stalinist-fear: the what-if sets that parameter itself, and a what-if's own values win.\n");
    const j = JSON.parse(mc.stdout);
    // Fear stays near the what-if's 0.9 only if its drift stays 0.
    expect(j.compared[0].meanFearAtEnd).toBeGreaterThan(0.8);
    expect(j.parameters).toEqual({ "learning.fear.drift": 0.15 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("--set model.learning.fear.drift=0.15 not applied (what-if stalinist-fear)");
    const r = JSON.parse(run.stdout);
    expect(r.settings).toEqual([{ path: "globals.ccArbiter", value: 0.5 }]);
    expect(r.parameters).toEqual({ "learning.fear.drift": 0 });
    // Sweeping the parameter a what-if sets would play the same games at every value.
    const sweep = await presidium(["sweep", "--scenario", "october-1964", "--runs", "2", "--what-if", "stalinist-fear", "--set", "model.learning.fear.drift=0.1,0.2"]);
    expectClearError(sweep, 2, "--set model.learning.fear.drift: the what-if stalinist-fear sets that parameter itself");
  });

  it("montecarlo and sweep record the settings and the differing parameters", async () => {
    const mc = await presidium(["montecarlo", "--scenario", "october-1964", "--runs", "4", "--json", "--workers", "1", "--set", "model.crisis.plenum.hallMood=3"]);
    expect(mc.code, mc.stderr).toBe(0);
    expect(JSON.parse(mc.stdout).parameters).toEqual({ "crisis.plenum.hallMood": 3 });
    const sweep = await presidium(["sweep", "--scenario", "october-1964", "--runs", "4", "--json", "--workers", "1", "--set", "model.crisis.plenum.hallMood=2,6", "--set", "globals.fear=0.2"]);
    expect(sweep.code, sweep.stderr).toBe(0);
    const j = JSON.parse(sweep.stdout);
    expect(j.settings).toEqual([{ path: "globals.fear", value: 0.2 }]);
    expect(j.points.map((p: { parameters: Record<string, number> }) => p.parameters)).toEqual([{ "crisis.plenum.hallMood": 2 }, { "crisis.plenum.hallMood": 6 }]);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** Source lines without comments and without the contents of strings (line numbers kept). */
function codeLines(source: string): string[] {
  const blank = (m: string) => m.replace(/[^\n]/g, " ");
  return source
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(/`(?:\\[\s\S]|\$\{[^}]*\}|[^`\\])*`/g, (m) => m.replace(/\$\{([^}]*)\}|[^\n]/g, (x, inner) => (inner !== undefined ? `\${${inner}}` : " ")))
    .replace(/"(?:\\.|[^"\\\n])*"/g, blank)
    .replace(/'(?:\\.|[^'\\\n])*'/g, blank)
    .replace(/\/\/.*$/gm, "")
    .split("\n");
}
