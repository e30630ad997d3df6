// The validated-data cache (src/scenarios/cache.ts): a hit gives exactly what a fresh load gives, an
// edit to the scenario or to the model parameter file is never served stale, in this process or the
// next, and `presidium montecarlo` prints the same bytes with and without the cache.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serialize, deserialize } from "node:v8";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type * as Load from "../src/scenarios/load.js";
import type * as ModelFile from "../src/scenarios/model-file.js";
import { presidium, repo, tempDir } from "./cli-helpers.js";

const scenarioFile = join(repo, "scenarios", "october-1964.yaml");
const shippedModel = join(repo, "model", "parameters.yaml");

/** The loader as a fresh process has it: the module state (the in-process memo) starts empty. */
async function freshLoader(): Promise<typeof Load & typeof ModelFile> {
  vi.resetModules();
  return { ...(await import("../src/scenarios/load.js")), ...(await import("../src/scenarios/model-file.js")) };
}

let cacheDir: string;
beforeEach(() => {
  cacheDir = tempDir();
  vi.stubEnv("PRESIDIUM_CACHE_DIR", cacheDir);
  vi.stubEnv("PRESIDIUM_CACHE", "");
});
afterEach(() => vi.unstubAllEnvs());

const entries = () => readdirSync(cacheDir).filter((f) => f.endsWith(".v8"));

describe("the validated-scenario cache", () => {
  it("gives, from the memo and from the folder, a scenario deep-equal to a fresh load", async () => {
    vi.stubEnv("PRESIDIUM_CACHE", "off");
    const fresh = (await freshLoader()).loadScenarioFile(scenarioFile, { whatIfs: ["loyal-kgb"] }).scenario;
    vi.stubEnv("PRESIDIUM_CACHE", "");

    const first = await freshLoader();
    const missed = first.loadScenarioFile(scenarioFile, { whatIfs: ["loyal-kgb"] }).scenario;
    expect(entries().length).toBeGreaterThan(0);
    const fromMemo = first.loadScenarioFile(scenarioFile, { whatIfs: ["loyal-kgb"] }).scenario;
    const fromFolder = (await freshLoader()).loadScenarioFile(scenarioFile, { whatIfs: ["loyal-kgb"] }).scenario;
    for (const s of [missed, fromMemo, fromFolder]) expect(s).toStrictEqual(fresh);
    // Each hit is a copy of its own: changing one leaves the next untouched.
    fromMemo.title = "changed";
    expect(first.loadScenarioFile(scenarioFile, { whatIfs: ["loyal-kgb"] }).scenario.title).toBe(fresh.title);
  });

  it("serves what the folder holds: a load really is a hit (the entry is read, not rebuilt)", async () => {
    (await freshLoader()).loadScenarioFile(scenarioFile);
    // Plant a different title in every entry that holds a scenario, keeping each entry's key.
    for (const f of entries()) {
      const [key, bytes] = deserialize(readFileSync(join(cacheDir, f))) as [string, Uint8Array];
      const value = deserialize(bytes) as { title?: string };
      if (typeof value.title === "string") writeFileSync(join(cacheDir, f), serialize([key, serialize({ ...value, title: "from the cache" })]));
    }
    expect((await freshLoader()).loadScenarioFile(scenarioFile).scenario.title).toBe("from the cache");
    // A damaged entry is a miss, not an error.
    for (const f of entries()) writeFileSync(join(cacheDir, f), "not a cache entry");
    expect((await freshLoader()).loadScenarioFile(scenarioFile).scenario.title).not.toBe("from the cache");
  });

  it("does not serve an edited scenario file stale, in this process or the next", async () => {
    const dir = tempDir();
    const file = join(dir, "edited.yaml");
    copyFileSync(scenarioFile, file);
    const loader = await freshLoader();
    const before = loader.loadScenarioFile(file).scenario;
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: An edited title"));
    expect(loader.loadScenarioFile(file).scenario.title).toBe("An edited title");
    expect((await freshLoader()).loadScenarioFile(file).scenario.title).toBe("An edited title");
    expect(before.title).not.toBe("An edited title");
  });

  it("does not serve a scenario stale when the model parameter file it uses is edited", async () => {
    const dir = tempDir();
    const modelFile = join(dir, "parameters.yaml");
    copyFileSync(shippedModel, modelFile);
    const loader = await freshLoader();
    const temperature = (m: string) => loader.loadScenarioFile(scenarioFile, { modelFile: m }).scenario.model.ai.choice.temperature;
    expect(temperature(modelFile)).toBe(0.3);
    const edited = readFileSync(modelFile, "utf8").replace("temperature: { value: 0.3, range: [0.05, 1]", "temperature: { value: 0.45, range: [0.05, 1]");
    writeFileSync(modelFile, edited);
    expect(temperature(modelFile)).toBe(0.45);
    expect(loader.loadModelFile(modelFile).defaults.ai.choice.temperature).toBe(0.45);
    const next = await freshLoader();
    expect(next.loadScenarioFile(scenarioFile, { modelFile }).scenario.model.ai.choice.temperature).toBe(0.45);
    expect(next.loadModelFile(modelFile).defaults.ai.choice.temperature).toBe(0.45);
  });

  it("reports a broken file's problems every time (only successes are kept)", async () => {
    const dir = tempDir();
    const file = join(dir, "broken.yaml");
    writeFileSync(file, readFileSync(scenarioFile, "utf8").replace(/^start: .*$/m, "start: not-a-date"));
    const loader = await freshLoader();
    for (let i = 0; i < 2; i++) expect(() => loader.loadScenarioFile(file)).toThrow(loader.ScenarioError);
    expect(entries().every((f) => !readFileSync(join(cacheDir, f)).includes("not-a-date"))).toBe(true);
  });
});

describe("presidium montecarlo and the cache", () => {
  it("prints byte-identical output and CSV without the cache, on a miss and on a hit", async () => {
    const dir = tempDir();
    const cache = join(dir, "cache");
    const run = (name: string, env: Record<string, string>) =>
      presidium(["montecarlo", "--scenario", "october-1964", "--runs", "3", "--seed", "7", "--workers", "2", "--force-workers", "--json", "--csv", join(dir, `${name}.csv`)], { env });
    const off = await run("off", { PRESIDIUM_CACHE: "off", PRESIDIUM_CACHE_DIR: cache });
    expect(off.code, off.stderr).toBe(0);
    const miss = await run("miss", { PRESIDIUM_CACHE_DIR: cache });
    expect(readdirSync(cache).filter((f) => f.endsWith(".v8")).length).toBeGreaterThan(0);
    const hit = await run("hit", { PRESIDIUM_CACHE_DIR: cache });
    for (const r of [miss, hit]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(off.stdout);
    }
    const csv = readFileSync(join(dir, "off.csv"), "utf8");
    expect(readFileSync(join(dir, "miss.csv"), "utf8")).toBe(csv);
    expect(readFileSync(join(dir, "hit.csv"), "utf8")).toBe(csv);
  });
});
