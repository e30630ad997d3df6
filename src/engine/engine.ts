// The public face of the engine: advance a world week by week, take a human seat's decision, list
// what a seat may do. Worlds passed in are never mutated, and a world handed back may share parts
// with the one passed in (copy it with structuredClone to change it); the week is re-run from its
// start as decisions arrive, which keeps a suspended week free of hidden continuation state.
// Several human seats may be asked at once (one open question per seat); the week goes on once all
// have answered.
import { DecisionNeeded, optionId, toAwaiting, type DecisionContext, type Question } from "./ai/choice.js";
import { Rng } from "./rng.js";
import { copyWorld, record } from "./log.js";
import { inPlay } from "./queries.js";
import { runWeek } from "./turn.js";
import { keepPresent } from "./present.js";
import type { Awaiting, Decision, Id, World } from "./state.js";
import type { Scenario } from "./scenario/schema.js";
import { createWorld, type WorldOptions } from "./setup.js";

type WeekResult = { world: World; needed: null } | { world: World; needed: DecisionNeeded };

/** Runs one week on `world` in place, with the human decisions made so far this week. */
function playWeek(world: World, decisions: Decision[], respond?: DecisionContext["respond"]): WeekResult {
  const rng = new Rng(world.rng);
  const ctx: DecisionContext = { world, rng, decisions, used: new Set(), respond };
  try {
    runWeek(ctx);
  } catch (e) {
    if (e instanceof DecisionNeeded) return { world, needed: e };
    throw e;
  }
  const unused = decisions.filter((d) => !ctx.used.has(d.key + "\u0000" + d.seat));
  if (unused.length) throw new Error(`${unused.length} decision(s) were not asked for this week: ${unused.map((d) => d.key).join(", ")}`);
  world.rng = rng.commit();
  return { world, needed: null };
}

/**
 * Advances until a human seat must decide or the run ends. With no human seats this runs the whole
 * scenario on a single working copy (the Monte Carlo path).
 */
export function advance(world: World): World {
  return playOn(copyWorld(world), world);
}

/** A whole run with every seat played by the AI: the Monte Carlo path, played in place. */
export function simulate(scenario: Scenario, options: Omit<WorldOptions, "humanSeats">): World {
  return playOn(createWorld(scenario, { ...options, humanSeats: [] }));
}

/**
 * A whole run played in place, the human seats answered by `respond` the moment they are asked
 * (scripted players for experiments: no week is suspended and re-run). `respond` sees the world as
 * it stands at the question and must return one of the options offered.
 */
export function playScripted(scenario: Scenario, options: WorldOptions, respond: (world: World, asked: Awaiting) => Decision): World {
  const world = createWorld(scenario, options);
  while (!world.done) {
    const decisions: Decision[] = [];
    playWeek(world, decisions, (questions) => questions.map((q) => respond(world, toAwaiting(q))));
    recordPlayerDecisions(world, decisions);
  }
  return world;
}

function recordPlayerDecisions(world: World, decisions: readonly Decision[]): void {
  for (const d of decisions) {
    record(world, { type: "player-decision", audience: [d.seat], actor: d.seat, text: `${d.seat} chose ${optionId(d)}.`, data: { decision: d } });
  }
}

/**
 * Plays `current` (owned by the caller) on until a human seat must decide or the run ends.
 * `copiedFrom`: the world `current` is a fresh copy of, which nobody changes; it is the start of the
 * first week as it stands, so that week needs no second copy of it.
 */
function playOn(current: World, copiedFrom: World | null = null): World {
  let unchanged: World | null = copiedFrom;
  while (!current.done) {
    // A week that stops at a question hands back the world at its start, to be re-run as answers
    // arrive: the week is played on `current`, and its start kept unchanged.
    // Once every human seat is out of play (dead or judged, for good) nobody asks them anything, and
    // the weeks to the end need no start kept: a campaign played on from 1957 copied it 400 times.
    const weekStart = unchanged ?? (current.humanSeats.some((seat) => inPlay(current.principals[seat])) ? copyWorld(current) : null);
    unchanged = null;
    const result = playWeek(current, current.pending);
    if (result.needed) {
      if (!weekStart) throw new Error(`a question for ${result.needed.questions.map((q) => q.seat).join(", ")}, out of play, was not expected`);
      // A new world, not the week's start with its questions written in: that may be the caller's.
      const waiting: World = { ...weekStart, awaiting: result.needed.questions.map(toAwaiting) };
      // `current` is now what presentWorld would re-run the week to: the world at the question.
      current.awaiting = waiting.awaiting;
      keepPresent(waiting, current);
      return waiting;
    }
    recordPlayerDecisions(current, current.pending);
    current.pending = [];
    current.awaiting = [];
  }
  return current;
}

/** What `seat` may answer now (nothing if it is not asked anything). */
export function legalActions(world: World, seat: Id): Decision[] {
  const q = world.awaiting.find((a) => a.seat === seat);
  return q ? decisionsFor(q) : [];
}

/** The decisions a question allows, one per option offered. */
export function decisionsFor(q: Awaiting): Decision[] {
  return q.options.map((o) => ({ seat: q.seat, kind: q.kind, key: q.key, choice: o.choice, ...(o.target !== undefined ? { target: o.target } : {}), ...(o.detail !== undefined ? { detail: o.detail } : {}) }));
}

export class IllegalAction extends Error {
  /** In a replay (`replay`), the index of the decision that is not legal. */
  index?: number;
}

/**
 * A game replayed from its start (`start`, a new world, owned by the caller): `decisions` taken in
 * the order they were made, to the world `step` would hand back after the last of them. `beforeStep`
 * is called before each decision applied by `step`, with its index and the world it answers.
 *
 * Step by step, every decision re-runs its week on a fresh copy of the world, and a save's replay
 * grew to seconds (4.2 s for a campaign played as Khrushchev to its end, 294 decisions). Every week
 * before the last decision's is played once instead, in place, each question answered on the spot by
 * the next decision, as `step` would take it: the same draws, since a human seat's answer draws
 * nothing, and the week's decisions are recorded in the order they were made, as `step` records
 * them. The last decision's week goes through `step`, so the world handed back is suspended at its
 * next question as `step` leaves it. An illegal decision throws IllegalAction with its index.
 */
export function replay(start: World, decisions: readonly Decision[], beforeStep?: (index: number, world: World) => void): World {
  const lastWeek = weekOf(decisions.at(-1));
  let next = 0;
  while (lastWeek !== null && !start.done && start.week < lastWeek) {
    const week = start.week;
    let end = next;
    while (end < decisions.length && weekOf(decisions[end]) === week) end++;
    // As `step` takes them: the questions asked together are answered by the next decisions, one
    // each, in any order among themselves; a decision that answers none of them is the one blamed.
    let cursor = next;
    const respond = (questions: readonly Question[]): Decision[] => {
      const open = [...questions];
      const answers: Decision[] = [];
      while (open.length > 0) {
        if (cursor >= end) throw illegalAt(cursor, `illegal action: ${open.map((q) => `${q.seat}'s "${q.key}"`).join(" and ")} went unanswered`);
        const d = decisions[cursor];
        const q = open.find((x) => x.seat === d.seat && x.key === d.key);
        if (!q) throw illegalAt(cursor, `illegal action: it answers a question not asked (asked: ${open.map((x) => `${x.seat}'s "${x.key}"`).join(", ")})`);
        if (!decisionsFor(toAwaiting(q)).some((legal) => sameDecision(legal, d))) throw illegalAt(cursor, `illegal action: ${optionId(d)} is not one of the options of ${q.seat}'s "${q.key}"`);
        open.splice(open.indexOf(q), 1);
        answers.push(d);
        cursor++;
      }
      return answers;
    };
    if (playWeek(start, [], respond).needed) throw new Error("a question went unanswered in a replayed week");
    if (cursor < end) throw illegalAt(cursor, "illegal action: it answers a question this week did not ask");
    // As `step` leaves them: the week's decisions in the order they were made.
    recordPlayerDecisions(start, decisions.slice(next, end));
    next = end;
  }
  let world = advance(start);
  for (let i = next; i < decisions.length; i++) {
    beforeStep?.(i, world);
    try {
      world = step(world, decisions[i]);
    } catch (error) {
      if (error instanceof IllegalAction) error.index = i;
      throw error;
    }
  }
  return world;
}

/** The week a decision was asked in, from its question's key ("w12:weekly:0"), or null. */
function weekOf(d: Decision | undefined): number | null {
  const m = d ? /^w(\d+):/.exec(d.key) : null;
  return m ? Number(m[1]) : null;
}

function sameDecision(a: Decision, b: Decision): boolean {
  return a.seat === b.seat && a.kind === b.kind && a.key === b.key && a.choice === b.choice && (a.target ?? null) === (b.target ?? null) && (a.detail ?? null) === (b.detail ?? null);
}

function illegalAt(index: number, message: string): IllegalAction {
  const error = new IllegalAction(message);
  error.index = index;
  return error;
}

/** Applies one human seat's decision and, once every asked seat has answered, advances. */
export function step(world: World, action: Decision): World {
  const legal = legalActions(world, action.seat);
  if (!legal.some((d) => sameDecision(d, action))) {
    const q = world.awaiting.find((a) => a.seat === action.seat);
    const why = world.awaiting.length === 0 ? "nothing is awaited" : !q ? `${action.seat} is not being asked anything (waiting on ${world.awaiting.map((a) => a.seat).join(", ")})` : q.key !== action.key ? `it answers "${action.key}" but the question is "${q.key}"` : `not one of: ${legal.map(optionId).join(", ")}`;
    throw new IllegalAction(`illegal action ${JSON.stringify(action)}: ${why}`);
  }
  // The answered world shares all the rest with `world`, which is not changed: it is copied only to
  // be played on.
  const answered: World = {
    ...world,
    pending: [...world.pending, { seat: action.seat, kind: action.kind, key: action.key, choice: action.choice, ...(action.target !== undefined ? { target: action.target } : {}), ...(action.detail !== undefined ? { detail: action.detail } : {}) }],
    awaiting: world.awaiting.filter((a) => a.seat !== action.seat),
  };
  if (answered.awaiting.length > 0) return answered;
  return playOn(copyWorld(answered), answered);
}
