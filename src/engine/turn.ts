// One week, as the named phases of MODEL.md section 3. Each phase is a function of the decision
// context; the order here is the model.
import { chooseTogether, choose, optionsForLog, optionId, type DecisionContext, type Question, type ScoredOption } from "./ai/choice.js";
import { addDays, longDate, WEEK_DAYS } from "./calendar.js";
import { nameOf, pronoun, record } from "./log.js";
import { updatePrimacy } from "./power.js";
import { dangersTo } from "./relations.js";
import { active, canAct, fullSeats, hasEnteredLeadership, inPlay, moveOf } from "./queries.js";
import type { Id, World } from "./state.js";
import { holdCongress } from "./rules/cadres.js";
import { crisisPhase, strikePhase } from "./rules/crisis.js";
import { detectionPhase } from "./rules/detection.js";
import { eventsPhase } from "./rules/events.js";
import { appointersOf, appointmentTarget, courtTarget, lapseTrips, openTrips, perform, returnsHome, votingSeatsByRow, weeklyOptions } from "./rules/governing.js";
import { healthPhase } from "./rules/health.js";
import { fearDrift } from "./rules/learning.js";
import { collectiveLeadership } from "./rules/collective.js";
import { bestTarget, chooseDemand, describeDemand, endStaleMoves, keepPledges, lobbyCc, memberOptions, soundOut, startMove, startOption } from "./rules/moves.js";
import { traceTrends } from "./trends.js";

export const weekPhases = [
  ["events", eventsAndCongresses],
  ["health", healthPhase],
  ["primacy", (ctx: DecisionContext) => { enterLeadership(ctx.world); updatePrimacy(ctx.world); endStaleMoves(ctx.world); }],
  ["principals", principalsPhase],
  ["detection", (ctx: DecisionContext) => { detectionPhase(ctx); keepPledges(ctx); }],
  ["strike", strikePhase],
  ["crisis", crisisPhase],
  ["aftermath", endOfWeek],
] as const;

export function runWeek(ctx: DecisionContext): void {
  for (const [, phase] of weekPhases) {
    phase(ctx);
    if (ctx.world.done) return;
  }
}

function eventsAndCongresses(ctx: DecisionContext): void {
  const world = ctx.world;
  returnsHome(world);
  lapseTrips(world);
  eventsPhase(ctx);
  const weekEnd = addDays(world.date, WEEK_DAYS);
  for (const c of world.congresses) if (c.date >= world.date && c.date < weekEnd && c.electsCc) holdCongress(ctx, c);
  for (const c of world.chapters) if (c.date >= world.date && c.date < weekEnd) markChapter(world, c);
}

/** A chapter's date: the run set beside history (who holds primacy, against who did). */
function markChapter(world: World, chapter: World["chapters"][number]): void {
  const now = world.primacy;
  const same = now === chapter.primacy;
  record(
    world,
    {
      type: "chapter",
      audience: "public",
      text: `${chapter.title}. In history ${nameOf(world, chapter.primacy)} held primacy on this day; in this run ${now === null ? "nobody stands first" : same ? `so does ${pronoun(world, now).he}` : `${nameOf(world, now)} does`}. (The chapter can be played on its own as the scenario "${chapter.scenario}".)`,
      data: { chapter: chapter.id, scenario: chapter.scenario, primacy: now, historical: chapter.primacy, contests: world.contests.length },
    },
    chapter.date,
  );
}

/** Men who started outside the leadership and have been brought into it act from now on. */
function enterLeadership(world: World): void {
  for (const id of world.order) {
    const p = world.principals[id];
    if (!p.outside || !inPlay(p) || !hasEnteredLeadership(world, p)) continue;
    p.outside = false;
    record(world, { type: "enters", audience: "public", actor: id, text: `${nameOf(world, id)} now counts among the leadership.` });
  }
}

/** How many actions a principal has this week: one, and one more for the first man. */
function budget(world: World, id: Id): number {
  const k = world.params.governing.influence;
  return k.base + (world.primacy === id ? k.first : 0);
}

/** Everyone able to act does so, in a seeded order, one action a round; human seats are asked together. */
function principalsPhase(ctx: DecisionContext): void {
  const world = ctx.world;
  if (world.crisis) return;
  unskipIfConcerned(world);
  readTheWeek(world);
  const rounds = Math.max(...world.order.map((id) => budget(world, id)));
  for (let round = 0; round < rounds; round++) {
    const actors = ctx.rng.shuffle("ai", world.order.filter((id) => active(world, id) && budget(world, id) > round));
    const asked = actors.filter((id) => world.humanSeats.includes(id) && !world.skipping.includes(id));
    const questions: Question[] = asked.map((id) => ({ seat: id, kind: "weekly", key: `w${world.week}:weekly:${round}`, prompt: promptFor(world, id, round), options: menu(world, id, true) }));
    const answers = new Map(chooseTogether(ctx, questions).map((pick, i) => [asked[i], pick]));
    for (const id of actors) {
      if (!active(world, id) || world.crisis) continue;
      if (world.skipping.includes(id)) continue;
      const options = menu(world, id, world.humanSeats.includes(id));
      let pick = answers.get(id) ?? choose(ctx, { seat: id, kind: "weekly", key: `w${world.week}:weekly:${round}`, prompt: "", options });
      // What a player chose at the start of the round may no longer be possible when his turn comes.
      if (answers.has(id) && !options.some((o) => optionId(o) === optionId(pick))) {
        record(world, { type: "overtaken", audience: [id], actor: id, text: `${nameOf(world, id)}'s plan for the week (${pick.label}) is overtaken by events.` });
        pick = options[0];
      }
      act(ctx, id, pick, options);
    }
  }
}

/**
 * The readings every actor's options share (see World.weekly). Each man revises his own every few
 * weeks, staggered by rank, and everyone at once after a contest or a change of primacy; the seats
 * per row are read weekly.
 */
function readTheWeek(world: World): void {
  const every = world.params.ai.reading.weeks;
  const epoch = `${world.primacy}:${world.contests.length}`;
  const afresh = epoch !== world.weekly.epoch;
  if (afresh || world.week % every === 0) world.claims = { base: {}, ranking: {} };
  const { targets, courtTargets, appointTargets } = world.weekly;
  // Nobody acts while the readings are taken: who appoints to which rows is found once for all.
  const appointers = appointersOf(world);
  world.order.forEach((id, i) => {
    if (!active(world, id)) return;
    const stale = targets[id] !== undefined && targets[id] !== null && !inPlay(world.principals[targets[id]!.target]);
    if (!afresh && !stale && id in courtTargets && (world.week + i) % every !== 0) return;
    // Whom to move against and whom to court both weigh the danger each colleague poses him: read it once.
    const dangerOf = dangersTo(world, world.principals[id]);
    targets[id] = world.primacy === id || moveOf(world, id) ? null : bestTarget(world, id, dangerOf);
    courtTargets[id] = courtTarget(world, id, dangerOf);
    appointTargets[id] = appointmentTarget(world, id, appointers);
  });
  // The seats change only at a congress: last week's reading is kept while it holds, so the week's
  // readings kept per reading of the seats (each policy's credit, each row's share) carry over.
  const seats = votingSeatsByRow(world);
  if (!sameSeats(world.weekly.seatsByRow, seats)) world.weekly.seatsByRow = seats;
  world.weekly.epoch = epoch;
}

/** Whether two readings of the seats per row have the same rows, in the same order, with the same seats. */
function sameSeats(a: Record<Id, number>, b: Record<Id, number>): boolean {
  const rows = Object.keys(a);
  const others = Object.keys(b);
  return rows.length === others.length && rows.every((row, i) => row === others[i] && a[row] === b[row]);
}

function promptFor(world: World, id: Id, round: number): string {
  const move = moveOf(world, id);
  const what = move ? ` You are in the move for ${describeDemand(world, move)}.` : "";
  return `Week of ${longDate(world.date)}${round > 0 ? `, your ${round + 1}${round === 1 ? "nd" : "rd"} action` : ""}.${what}`;
}

/** The options of a principal this week: governing verbs, and conspiring ones (in a move, or to start one). */
export function menu(world: World, id: Id, human: boolean): ScoredOption[] {
  const options = weeklyOptions(world, id);
  // Away from Moscow a man cannot conspire, but a player may still let the weeks pass.
  if (canAct(world.principals[id]) && !world.principals[id].location) {
    const move = moveOf(world, id);
    if (move) options.push(...memberOptions(world, move, id).filter((o) => o.choice !== "lie-low"));
    else {
      const start = startOption(world, id);
      if (start) options.push(start);
    }
  }
  if (human) options.push({ choice: "skip", label: "Let quiet weeks pass until something concerns you", terms: [] });
  return options;
}

/** Everyday verbs: what they do is logged, but not the weighing behind them (it would swamp the log). */
const routineVerbs = new Set(["lie-low", "court", "court-constituency"]);

function doRoutine(ctx: DecisionContext, id: Id, pick: ScoredOption): void {
  if (pick.choice !== "lie-low") perform(ctx, id, pick);
}

function act(ctx: DecisionContext, id: Id, pick: ScoredOption, options: ScoredOption[]): void {
  const world = ctx.world;
  const human = world.humanSeats.includes(id);
  if (!human && routineVerbs.has(pick.choice)) return doRoutine(ctx, id, pick);
  // Only he reads the decision; what the others see of a public act is the act's own record (an
  // appointment, a trip, a proposal).
  record(world, { type: "decision", audience: [id], actor: id, text: decisionText(world, id, pick, human), options: optionsForLog(options), chosen: optionId(pick) });
  switch (pick.choice) {
    case "lie-low":
      return;
    case "skip":
      if (!world.skipping.includes(id)) world.skipping.push(id);
      return;
    case "start-move": {
      const move = startMove(ctx, id, pick.target!, chooseDemand(world, id, pick.target!));
      record(world, { type: "move-started", audience: [id], actor: id, text: `${nameOf(world, id)} resolves to work for ${describeDemand(world, move)}.`, data: { move: move.id } });
      return;
    }
    case "sound-out":
      return soundOut(ctx, moveOf(world, id)!, id, pick.target!, pick.detail ?? null);
    case "lobby-cc":
      return lobbyCc(ctx, moveOf(world, id)!, id);
    default:
      return perform(ctx, id, pick);
  }
}

/**
 * The record of a weekly choice, in the words of the option, which speak to a player in the second
 * person and of an AI in the third (chooserPronoun): a player's is his option as he read it
 * ("Khrushchev: Replace … with a man of your own"), which the browser tells him back as "You chose:
 * …"; an AI's is read by others (the chronicle, a researcher's log) as what he decides to do.
 */
function decisionText(world: World, id: Id, pick: ScoredOption, human: boolean): string {
  if (human) return `${nameOf(world, id)}: ${pick.label}.`;
  return `${nameOf(world, id)} decides to ${pick.label.charAt(0).toLowerCase()}${pick.label.slice(1)}.`;
}

/** A seat letting weeks pass wakes up when something touches him: a private message, a contest, a death. */
function unskipIfConcerned(world: World): void {
  if (!world.skipping.length) return;
  const since = addDays(world.date, -WEEK_DAYS);
  const loud = new Set(["launch", "death", "illness", "primacy", "congress", "arrest", "session-result", "plenum-result"]);
  // Being cultivated by a colleague is everyday business, addressed to him but no reason to wake him.
  const routine = new Set(["court"]);
  world.skipping = world.skipping.filter((id) => {
    const touched = world.log.some((e) => e.date >= since && e.actor !== id && (loud.has(e.type) || (Array.isArray(e.audience) && e.audience.includes(id) && !routine.has(e.type))));
    const offer = openTrips(world).length > 0 && menu(world, id, false).some((o) => o.choice === "travel");
    return !touched && !offer;
  });
}

function endOfWeek(ctx: DecisionContext): void {
  const world = ctx.world;
  const k = world.params.moves.exposure;
  for (const move of world.moves) {
    if (move.stage !== "forming") continue;
    move.exposure = Math.max(0, move.exposure * k.weeklyDecay);
    move.alarm *= k.alarmDecay;
  }
  fearDrift(world);
  collectiveLeadership(world);
  // Suspicion fades unless warnings renew it.
  const keep = 1 - world.params.detection.warning.suspicionFade;
  for (const id of world.order) {
    const suspicion = world.principals[id].suspicion;
    for (const q in suspicion) suspicion[q] *= keep;
  }
  const seats = fullSeats(world).length;
  if (world.trace.fullSeats[world.trace.fullSeats.length - 1]?.count !== seats) world.trace.fullSeats.push({ date: world.date, count: seats });
  traceTrends(world);
  world.week++;
  world.date = addDays(world.date, WEEK_DAYS);
  if (world.date > world.end) world.done = true;
}
