// One week, as the named phases of MODEL.md section 3. Each phase is a function of the decision
// context; the order here is the model.
import { choose, optionsForLog, term, utility, type DecisionContext, type ScoredOption } from "./ai/choice.js";
import { addDays, WEEK_DAYS } from "./calendar.js";
import { nameOf, record } from "./log.js";
import { activePlots, canAct, leaderOf, logistic, plotOf } from "./queries.js";
import { detectionPhase } from "./rules/detection.js";
import { strikePhase } from "./rules/crisis.js";
import { healthPhase, leaderWhereabouts, scheduledEvents } from "./rules/events.js";
import { leaderPhase } from "./rules/leader.js";
import { considerStartingPlots, plotMemberOptions, soundOut, whipCc, clampExposure, plotStartTerms, startPlot } from "./rules/plots.js";
import type { Id } from "./state.js";

export const weekPhases = [
  ["events", (ctx: DecisionContext) => { scheduledEvents(ctx); leaderWhereabouts(ctx); }],
  ["health", healthPhase],
  ["leader", leaderPhase],
  ["principals", principalsPhase],
  ["detection", detectionPhase],
  ["strike", (ctx: DecisionContext) => { for (const plot of activePlots(ctx.world)) if (plot.members.length >= ctx.world.params.crisis.strike.minMembers && activePlots(ctx.world).includes(plot)) strikePhase(ctx, plot); }],
  ["aftermath", endOfWeek],
] as const;

export function runWeek(ctx: DecisionContext): void {
  for (const [, phase] of weekPhases) {
    phase(ctx);
    if (ctx.world.done) return;
  }
}

/** Every other principal acts, in a seeded random order, with one action a week. */
function principalsPhase(ctx: DecisionContext): void {
  const world = ctx.world;
  const leader = leaderOf(world);
  const actors = ctx.rng.shuffle("ai", world.order.filter((id) => id !== leader && canAct(world.principals[id])));
  for (const id of actors) {
    if (!canAct(world.principals[id]) || leaderOf(world) !== leader) continue;
    const plot = plotOf(world, id);
    if (plot) {
      actInPlot(ctx, id);
    } else if (world.humanSeats.includes(id)) {
      humanOutsider(ctx, id);
    } else {
      considerStartingPlots(ctx, id);
    }
  }
}

function actInPlot(ctx: DecisionContext, id: Id): void {
  const world = ctx.world;
  const plot = plotOf(world, id)!;
  const options = plotMemberOptions(world, plot, id);
  const pick = choose(ctx, id, "plot-action", "Your move in the plot this week.", options);
  if (pick.choice === "sound-out" && pick.target) soundOut(ctx, plot, id, pick.target);
  else if (pick.choice === "whip-cc") whipCc(ctx, plot, id);
  clampExposure(world, plot);
  if (world.humanSeats.includes(id) || pick.choice !== "lie-low") {
    // The roster's own deliberations are private to the plot.
    record(world, { type: "plot-decision", audience: [...plot.members], actor: id, text: `${nameOf(world, id)}: ${pick.label}.`, options: optionsForLog(options), chosen: pick.choice + (pick.target ? `:${pick.target}` : "") });
  }
}

/** A human seat outside any plot may start one (with the odds its character would face) or wait. */
function humanOutsider(ctx: DecisionContext, id: Id): void {
  const world = ctx.world;
  const leader = leaderOf(world);
  const startTerms = plotStartTerms(world, world.principals[id], leader);
  const options: ScoredOption[] = [
    { choice: "wait", label: "Keep your head down", terms: [term("status quo", 0)] },
    { choice: "start-plot", label: `Begin organising ${nameOf(world, leader)}'s removal`, odds: logistic(utility(startTerms)), terms: startTerms },
  ];
  const pick = choose(ctx, id, "weekly", "Your week.", options);
  // A player who chooses to start a plot does so: the hazard only governs the AI.
  if (pick.choice === "start-plot") startPlot(world, id, startTerms);
}

function endOfWeek(ctx: DecisionContext): void {
  const world = ctx.world;
  const k = world.params.plots.exposure;
  for (const plot of activePlots(world)) {
    plot.exposure = Math.max(0, plot.exposure * k.weeklyDecay);
    plot.alarm *= k.alarmDecay;
  }
  world.week++;
  world.date = addDays(world.date, WEEK_DAYS);
  if (world.date > world.end) world.done = true;
}
