// Runs the statistical validation batches through the same code as `presidium montecarlo`'s
// workers (runChunk), in one chunk.
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { loadScenarioFile } from "../src/scenarios/load.js";
import { runChunk } from "../src/research/experiment.js";
import { finalize, type MonteCarloReport } from "../src/research/montecarlo.js";
import type { Fate } from "../src/engine/index.js";

const scenarios = fileURLToPath(new URL("../scenarios/", import.meta.url));

/** The fixed base seed of the validation suite. */
export const VALIDATION_SEED = 20261126;

const cache = new Map<string, MonteCarloReport>();

export function batch(scenarioId: string, runs: number, whatIf?: string): MonteCarloReport {
  const key = `${scenarioId}|${whatIf ?? ""}|${runs}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const whatIfs = whatIf ? [whatIf] : [];
  const { scenario } = loadScenarioFile(join(scenarios, `${scenarioId}.yaml`), { whatIfs });
  const chunk = runChunk([{ label: whatIf ?? "baseline", whatIfs, scenario }], { first: 0, count: runs, baseSeed: VALIDATION_SEED, csv: false });
  const report = finalize(chunk.variants[0].tally);
  cache.set(key, report);
  return report;
}

export function share(part: number, whole: number): number {
  return whole === 0 ? NaN : part / whole;
}

export function fateShare(counts: Record<Fate, number>, fates: readonly Fate[]): number {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return share(fates.reduce((s, f) => s + counts[f], 0), total);
}

export function sumFates(...all: Record<Fate, number>[]): Record<Fate, number> {
  const out = { retired: 0, demoted: 0, expelled: 0, imprisoned: 0, executed: 0 } as Record<Fate, number>;
  for (const c of all) for (const k of Object.keys(out) as Fate[]) out[k] += c[k];
  return out;
}
