// Scripted players for the agency tests (VALIDATION.md section D): simple strategies written as
// preferences over the options the engine offers a seat, so that a reader can see what the player
// does. Any question a strategy does not address is answered as the character himself would weigh it,
// without the AI's noise (the option with the highest utility).
import { fileURLToPath } from "node:url";
import { advance, createWorld, legalActions, step, summarize, type Awaiting, type Decision, type RunSummary, type World } from "../src/engine/index.js";
import { mixSeed } from "../src/engine/index.js";
import { loadScenarioFile, type Setting } from "../src/scenarios/load.js";

export type Strategy = (world: World, asked: Awaiting) => Decision | null;

export function scenarioOf(id: string, whatIfs: string[] = [], settings: Setting[] = []) {
  return loadScenarioFile(fileURLToPath(new URL(`../scenarios/${id}.yaml`, import.meta.url)), { whatIfs, settings }).scenario;
}

function utilityOf(o: Awaiting["options"][number]): number {
  return (o.terms ?? []).reduce((s, t) => s + t.value, 0);
}

/** The option the character would weigh highest. */
export function ownJudgement(world: World, asked: Awaiting): Decision {
  const best = asked.options.filter((o) => o.choice !== "skip").reduce((a, b) => (utilityOf(b) > utilityOf(a) ? b : a));
  return legalActions(world, asked.seat).find((d) => d.choice === best.choice && (d.target ?? null) === (best.target ?? null) && (d.detail ?? null) === (best.detail ?? null))!;
}

/** The first legal action matching one of the preferences, in order. */
export function prefer(world: World, asked: Awaiting, ...wanted: ((d: Decision) => boolean)[]): Decision | null {
  const legal = legalActions(world, asked.seat);
  for (const want of wanted) {
    const hit = legal.find(want);
    if (hit) return hit;
  }
  return null;
}

/** Plays `runs` games with `seat` following `strategy` (null: the AI plays him) and summarises each. */
export function playMany(scenarioId: string, seat: string, strategy: Strategy | null, runs: number, baseSeed: number): RunSummary[] {
  const scenario = scenarioOf(scenarioId);
  const out: RunSummary[] = [];
  for (let i = 0; i < runs; i++) {
    const seed = mixSeed(baseSeed, i);
    let world = advance(createWorld(scenario, { seed, humanSeats: strategy ? [seat] : [] }));
    while (!world.done) {
      const asked = world.awaiting.find((a) => a.seat === seat)!;
      world = step(world, strategy!(world, asked) ?? ownJudgement(world, asked));
    }
    out.push(summarize(world));
  }
  return out;
}
