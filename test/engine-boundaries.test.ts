// The engine is pure and knows no names: these checks read its source, so a clock, a random call,
// a file read, an import from an outer layer, or a rule that tests a character or scenario id fails
// the suite.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const repo = fileURLToPath(new URL("../", import.meta.url));
const engineDir = join(repo, "src", "engine");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

/** Source without comments, so a comment may mention history without tripping the checks. */
function code(path: string): string {
  return readFileSync(path, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

const files = sourceFiles(engineDir);

describe("the engine is pure", () => {
  const forbidden: [RegExp, string][] = [
    [/Math\.random/, "Math.random (draw from the seeded streams instead)"],
    [/Date\.now|performance\.now|new Date\(\s*\)/, "a clock"],
    [/\bprocess\./, "the process or its environment"],
    [/from\s+["']node:|from\s+["'](fs|path|os|child_process|http|net|worker_threads)["']|require\(/, "Node I/O modules"],
    [/\b(setTimeout|setInterval|fetch)\s*\(|\bXMLHttpRequest\b|\b(document|window)\./, "timers, the network or the DOM"],
  ];

  it("has engine source files to check", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const [pattern, what] of forbidden) {
    it(`uses no ${what}`, () => {
      const offenders = files.filter((f) => pattern.test(code(f))).map((f) => relative(repo, f));
      expect(offenders).toEqual([]);
    });
  }

  it("imports nothing from outside src/engine except its own dependencies", () => {
    const offenders: string[] = [];
    for (const f of files) {
      for (const m of code(f).matchAll(/from\s+["']([^"']+)["']/g)) {
        const spec = m[1];
        if (!spec.startsWith(".")) {
          if (!["zod", "pure-rand"].includes(spec)) offenders.push(`${relative(repo, f)}: ${spec}`);
          continue;
        }
        const target = join(f, "..", spec);
        if (!target.startsWith(engineDir)) offenders.push(`${relative(repo, f)}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

});

describe("the rules know no names: scenario differences live in the data files", () => {
  const scenarioFiles = readdirSync(join(repo, "scenarios")).filter((f) => f.endsWith(".yaml"));
  const names = new Set<string>();
  for (const file of scenarioFiles) {
    const doc = parse(readFileSync(join(repo, "scenarios", file), "utf8")) as Record<string, any>;
    names.add(doc.id);
    for (const id of Object.keys(doc.characters)) names.add(id);
    for (const id of Object.keys(doc.posts)) names.add(id);
    for (const id of Object.keys(doc.whatIfs ?? {})) names.add(id);
    for (const list of [doc.events, doc.trips, doc.policies, doc.congresses, doc.reserve, doc.centralCommittee?.named]) for (const item of list ?? []) names.add(item.id);
  }

  it("reads the shipped scenarios' ids, their people and their posts", () => {
    expect(scenarioFiles.sort()).toEqual(["june-1957.yaml", "khrushchev-era.yaml", "march-1953.yaml", "october-1964.yaml"]);
    for (const id of ["march-1953", "june-1957", "october-1964", "khrushchev", "beria", "malenkov", "brezhnev", "first-secretary"]) expect(names.has(id), id).toBe(true);
    // Named CC members and the reserve are people too.
    expect(names.size).toBeGreaterThan(150);
  });

  it("the check finds a planted id and date (the scan works)", () => {
    const planted = 'if (p.id === "beria" || world.date >= "1957-06-18") return;';
    const hits = [...planted.matchAll(/["'`]([^"'`\n]*)["'`]/g)].map((m) => m[1]);
    expect(hits.some((h) => names.has(h))).toBe(true);
    expect(hits.some((h) => /\b19[5-6]\d-\d\d-\d\d\b/.test(h))).toBe(true);
  });

  it("no engine file mentions a scenario, character, post, event, trip, policy or what-if id, or a date", () => {
    const offenders: string[] = [];
    for (const f of files) {
      const text = code(f);
      for (const literal of text.matchAll(/["'`]([^"'`\n]*)["'`]/g)) {
        const words = literal[1].split(/[^a-z0-9-]+/);
        for (const w of words) if (names.has(w)) offenders.push(`${relative(repo, f)}: "${w}"`);
        if (/\b19[5-6]\d-\d\d-\d\d\b/.test(literal[1])) offenders.push(`${relative(repo, f)}: date ${literal[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("no rule compares against a year of the period as a bare number", () => {
    // The scenario schema may bound birth years; the rules may not single out a year.
    const offenders: string[] = [];
    for (const f of files.filter((f) => !f.startsWith(join(engineDir, "scenario")))) {
      const text = code(f).replace(/["'`][^"'`\n]*["'`]/g, '""');
      for (const m of text.matchAll(/(?<![\w.])(19[5-6]\d)(?![\w.])/g)) offenders.push(`${relative(repo, f)}: ${m[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
