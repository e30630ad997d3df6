// Scripted players for the agency tests (VALIDATION.md section D): simple strategies written as
// preferences over the options the engine offers a seat, so that a reader can see what the player
// does. Any question a strategy does not address is answered as the character himself would weigh it,
// without the AI's noise (the option with the highest utility).
import { fileURLToPath } from "node:url";
import { decisionsFor, playScripted, summarize, type Awaiting, type Decision, type RunSummary, type World } from "../src/engine/index.js";
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
export function ownJudgement(_world: World, asked: Awaiting): Decision {
  const legal = decisionsFor(asked);
  let best = -1;
  asked.options.forEach((o, i) => {
    if (o.choice !== "skip" && (best < 0 || utilityOf(o) > utilityOf(asked.options[best]))) best = i;
  });
  return legal[best];
}

/** The first offered decision matching one of the preferences, in order. */
export function prefer(_world: World, asked: Awaiting, ...wanted: ((d: Decision) => boolean)[]): Decision | null {
  const legal = decisionsFor(asked);
  for (const want of wanted) {
    const hit = legal.find(want);
    if (hit) return hit;
  }
  return null;
}

/** Plays `runs` games with `seat` following `strategy` (null: the AI plays him) and reads each finished world. */
export function playEach<T>(scenarioId: string, seat: string, strategy: Strategy | null, runs: number, baseSeed: number, read: (world: World) => T): T[] {
  const scenario = scenarioOf(scenarioId);
  const out: T[] = [];
  for (let i = 0; i < runs; i++) {
    const seed = mixSeed(baseSeed, i);
    const world = playScripted(scenario, { seed, humanSeats: strategy ? [seat] : [] }, (w, asked) => strategy!(w, asked) ?? ownJudgement(w, asked));
    out.push(read(world));
  }
  return out;
}

/** Plays `runs` games as playEach does and summarises each. */
export function playMany(scenarioId: string, seat: string, strategy: Strategy | null, runs: number, baseSeed: number): RunSummary[] {
  return playEach(scenarioId, seat, strategy, runs, baseSeed, summarize);
}
