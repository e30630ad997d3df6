// For the browser tests: games planned in-process with the engine (the same scenario, seed, model
// settings and decisions give the same game in the browser), so a test knows which decisions lead
// where it wants to go (a crisis, an offered verb, the end) before it plays them by clicking. Plans
// are searched for at test time over a few seeds, so the tests follow the engine as it changes.
import { advance, createWorld, legalActions, step, type Awaiting, type Decision, type World } from "../src/engine/index.js";
import { resolveScenario } from "../src/scenarios/catalog.js";
import { loadScenarioFile, type Setting } from "../src/scenarios/load.js";

export interface Planned {
  /** The option id the browser clicks (`choice:target:detail`), the question's kind and where it was asked. */
  option: string;
  kind: string;
  date: string;
}

export interface Plan {
  scenario: string;
  seat: string;
  seed: number;
  settings: Setting[];
  decisions: Planned[];
  /** Named points of the plan (a verb taken, a crisis question) and the decision's index. */
  marks: Map<string, number>;
  world: World;
}

export type Policy = (q: Awaiting, legal: Decision[], world: World, n: number, marks: Map<string, number>) => Decision | null;

export const optionIdOf = (d: { choice: string; target?: string; detail?: string }) => [d.choice, d.target, d.detail].filter((x) => x !== undefined).join(":");

const scenarios = new Map<string, ReturnType<typeof loadScenarioFile>["scenario"]>();
function scenarioOf(id: string, settings: readonly Setting[]) {
  const key = `${id}|${JSON.stringify(settings)}`;
  let s = scenarios.get(key);
  if (!s) {
    s = loadScenarioFile(resolveScenario(id), { settings }).scenario;
    scenarios.set(key, s);
  }
  return s;
}

/** Plays `seat` by `policy` until it returns null, the game ends, or `max` decisions. */
export function plan(scenario: string, seat: string, seed: number, policy: Policy, max: number, settings: Setting[] = []): Plan {
  let world = advance(createWorld(scenarioOf(scenario, settings), { seed, humanSeats: [seat] }));
  const decisions: Planned[] = [];
  const marks = new Map<string, number>();
  while (!world.done && world.awaiting.length && decisions.length < max) {
    const q = world.awaiting.find((a) => a.seat === seat)!;
    const legal = legalActions(world, seat);
    const pick = policy(q, legal, world, decisions.length, marks);
    if (!pick) break;
    decisions.push({ option: optionIdOf(pick), kind: q.kind, date: world.date });
    world = step(world, pick);
  }
  return { scenario, seat, seed, settings, decisions, marks, world };
}

/** The first seed (in order) whose plan `ok` accepts, searched within `seeds`. */
export function findPlan(scenario: string, seat: string, seeds: readonly number[], policy: Policy, max: number, ok: (p: Plan) => boolean, settings: Setting[] = []): Plan {
  const tried: string[] = [];
  for (const seed of seeds) {
    const p = plan(scenario, seat, seed, policy, max, settings);
    if (ok(p)) return p;
    tried.push(`${seed} (${p.decisions.length} decisions, to ${p.world.date})`);
  }
  throw new Error(`no seed of ${scenario} as ${seat} gives the game the test needs; tried ${tried.join(", ")}`);
}

/** Answers that risk nothing: what a careful player clicks when he has nothing in mind. */
export const safeAnswers = ["lie-low", "stay-out", "wait", "neutral", "silent", "against", "no", "fight", "delay", "accept", "pass-on", "take-seriously"];

export function firstOf(legal: readonly Decision[], choices: readonly string[]): Decision | null {
  for (const c of choices) {
    const d = legal.find((x) => x.choice === c);
    if (d) return d;
  }
  return null;
}

/** The careful player's answer (or the first option when none of the safe ones is offered). */
export function careful(legal: readonly Decision[]): Decision {
  return firstOf(legal, safeAnswers) ?? legal[0];
}

/** Takes each of `verbs` once, as soon as it is offered; otherwise answers carefully. Marks each verb taken. */
export function verbTaker(verbs: readonly string[], then: Policy = (_q, legal) => careful(legal)): Policy {
  return (q, legal, world, n, marks) => {
    const fresh = legal.find((d) => verbs.includes(d.choice) && !marks.has(d.choice));
    if (fresh) {
      marks.set(fresh.choice, n);
      return fresh;
    }
    return then(q, legal, world, n, marks);
  };
}
