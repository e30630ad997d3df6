// The public face of the engine: advance a world week by week, take a human seat's decision, list
// what a seat may do. Worlds passed in are never mutated; the week is re-run from its start as
// decisions arrive, which keeps a suspended week free of hidden continuation state.
import { DecisionNeeded, type DecisionContext } from "./ai/choice.js";
import { Rng } from "./rng.js";
import { record } from "./log.js";
import { runWeek } from "./turn.js";
import type { Awaiting, Decision, Id, World } from "./state.js";
import type { Scenario } from "./scenario/schema.js";
import { createWorld, type WorldOptions } from "./setup.js";

function cloneWorld(world: World): World {
  return structuredClone(world);
}

type WeekResult = { world: World; needed: null } | { world: World; needed: DecisionNeeded };

/** Runs one week on `world` in place, with the human decisions made so far this week. */
function playWeek(world: World, decisions: Decision[]): WeekResult {
  const rng = new Rng(world.rng);
  const ctx: DecisionContext = { world, rng, decisions, used: 0 };
  try {
    runWeek(ctx);
  } catch (e) {
    if (e instanceof DecisionNeeded) return { world, needed: e };
    throw e;
  }
  if (ctx.used !== decisions.length) throw new Error(`${decisions.length - ctx.used} decision(s) were not asked for this week`);
  world.rng = rng.commit();
  return { world, needed: null };
}

/**
 * Advances until a human seat must decide or the run ends. With no human seats this runs the whole
 * scenario on a single working copy (the Monte Carlo path).
 */
export function advance(world: World): World {
  return playOn(cloneWorld(world));
}

/**
 * A whole run with every seat played by the AI: the Monte Carlo path. The world is created here, so
 * it can be played in place without the copy that keeps `advance` from touching its argument.
 */
export function simulate(scenario: Scenario, options: Omit<WorldOptions, "humanSeats">): World {
  return playOn(createWorld(scenario, { ...options, humanSeats: [] }));
}

/** Plays `current` (owned by the caller) on until a human seat must decide or the run ends. */
function playOn(current: World): World {
  while (!current.done) {
    const snapshot = current.humanSeats.length ? cloneWorld(current) : null;
    const result = playWeek(current, current.pending);
    if (result.needed) {
      const e = result.needed;
      const waiting = snapshot!;
      waiting.awaiting = toAwaiting(e);
      return waiting;
    }
    for (const d of current.pending) {
      record(current, { type: "player-decision", audience: [d.seat], actor: d.seat, text: `${d.seat} chose ${d.choice}${d.target ? " " + d.target : ""}.`, data: { decision: d } });
    }
    current.pending = [];
    current.awaiting = null;
  }
  return current;
}

function toAwaiting(e: DecisionNeeded): Awaiting {
  return {
    seat: e.seat,
    kind: e.kind,
    prompt: e.prompt,
    options: e.options.map((o) => ({ choice: o.choice, target: o.target, label: o.label, odds: o.odds, terms: o.terms })),
  };
}

export function legalActions(world: World, seat: Id): Decision[] {
  if (!world.awaiting || world.awaiting.seat !== seat) return [];
  return world.awaiting.options.map((o) => ({ seat, kind: world.awaiting!.kind, choice: o.choice, ...(o.target ? { target: o.target } : {}) }));
}

export class IllegalAction extends Error {}

/** Applies one human seat's decision and advances to the next decision point. */
export function step(world: World, action: Decision): World {
  const legal = legalActions(world, action.seat);
  if (!legal.some((d) => d.kind === action.kind && d.choice === action.choice && (d.target ?? null) === (action.target ?? null))) {
    const why = !world.awaiting ? "nothing is awaited" : world.awaiting.seat !== action.seat ? `it is ${world.awaiting.seat}'s turn to decide` : `not one of: ${legal.map((d) => d.choice + (d.target ? ":" + d.target : "")).join(", ")}`;
    throw new IllegalAction(`illegal action ${JSON.stringify(action)}: ${why}`);
  }
  const next = cloneWorld(world);
  next.pending = [...next.pending, { seat: action.seat, kind: action.kind, choice: action.choice, ...(action.target ? { target: action.target } : {}) }];
  next.awaiting = null;
  return advance(next);
}
