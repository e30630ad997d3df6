// How word of a plot travels: leaks from approaches and lobbying, reports, and the KGB's own
// watch. A warning reaches the leader only through people; a KGB chairman in the plot buries what
// reaches him, and the leader's overconfidence may dismiss what gets through.
import { choose, optionsForLog, term, type DecisionContext } from "../ai/choice.js";
import { listNames, nameOf, record } from "../log.js";
import { activePlots, canAct, disaffection, holdersOf, tieToLeader } from "../queries.js";
import type { Id, Plot } from "../state.js";
import { learnOfPlot } from "./plots.js";

export type LeakChannel = "report" | "cc-member" | "refuser" | "investigation";

/**
 * Word of `plot` naming `named` starts from `source` (a principal, or null for a CC member). It goes
 * to the KGB unless the source reports straight to the leader.
 */
export function leak(ctx: DecisionContext, plot: Plot, named: readonly Id[], source: Id | null, channel: LeakChannel, credibility: number): void {
  const world = ctx.world;
  const k = world.params.detection.leak;
  plot.exposure += k.exposure;
  const leader = plot.target;
  if (channel === "report" && source) {
    warn(ctx, plot, named, source, credibility);
    return;
  }
  const chiefs = holdersOf(world, "security").filter((c) => canAct(world.principals[c]));
  const outsideChief = chiefs.find((c) => !plot.members.includes(c));
  if (outsideChief) {
    const chief = world.principals[outsideChief];
    const passTerms = [term("routine duty", k.routine), term("tie to the leader", k.tie * tieToLeader(world, chief, leader)), term("opinion of the leader", k.opinion * chief.opinionOfLeader)];
    const buryTerms = [
      term("sympathy with the plotters", k.sympathy * Math.max(0, disaffection(world, chief, leader))),
      term("doubt about the rumour", k.doubt * (1 - credibility)),
      term("his patron among the accused", chief.patron !== null && named.includes(chief.patron) ? k.patronAccused + chief.traits.loyalty : 0),
    ];
    const options = [
      { choice: "pass-on", label: `Pass the report to ${nameOf(world, leader)}`, terms: passTerms },
      { choice: "bury", label: "Sit on it", terms: buryTerms },
    ];
    learnOfPlot(world, outsideChief, plot, named, "warning", credibility);
    const pick = choose(ctx, outsideChief, "kgb-report", `Your officers report talk of a plot against ${nameOf(world, leader)}.`, options);
    record(world, {
      type: "kgb-report",
      audience: [outsideChief],
      actor: outsideChief,
      text: `The KGB hears talk of a plot naming ${listNames(world, named)}; ${nameOf(world, outsideChief)} ${pick.choice === "pass-on" ? "passes it on" : "sits on it"}.`,
      data: { plot: plot.id, channel },
      options: optionsForLog(options),
      chosen: pick.choice,
    });
    if (pick.choice === "pass-on") warn(ctx, plot, named, outsideChief, Math.min(k.maxCredibility, credibility + k.passedCredibility));
    return;
  }
  // The organs are in the plot: a rumour reaches the leader only by a side door (family, a bodyguard).
  if (ctx.rng.chance("detection", k.sideDoor)) {
    record(world, {
      type: "rumour",
      audience: [leader],
      text: `A rumour of a plot reaches ${nameOf(world, leader)} by a side door, past the KGB.`,
      data: { plot: plot.id, channel },
    });
    warn(ctx, plot, named, null, credibility * k.sideDoorCredibility);
  }
}

/** The leader weighs a warning: take it seriously (raise suspicion, come back to Moscow) or dismiss it. */
export function warn(ctx: DecisionContext, plot: Plot, named: readonly Id[], source: Id | null, credibility: number): void {
  const world = ctx.world;
  const leader = world.principals[plot.target];
  if (!canAct(leader)) return;
  const accused = named.filter((n) => n !== leader.id);
  if (!accused.length) return;
  const trustInAccused = accused.reduce((s, a) => s + (leader.trust[a] ?? 0), 0) / accused.length;
  const priorSuspicion = accused.reduce((s, a) => Math.max(s, leader.suspicion[a] ?? 0), 0);
  const k = world.params.detection.warning;
  const options = [
    {
      choice: "take-seriously",
      label: "Take it seriously",
      terms: [
        term("credibility of the source", k.credibility * credibility),
        term("it comes from his own man", source && world.principals[source].patron === leader.id ? k.ownMan : 0),
        term("trust in the source", source ? k.trustSource * (leader.trust[source] ?? 0) : 0),
        term("suspicion already held", k.priorSuspicion * priorSuspicion),
        term("fear of a conspiracy", k.fearOfConspiracy),
      ],
    },
    {
      choice: "dismiss",
      label: "Dismiss it",
      terms: [term("overconfidence", k.overconfidence * leader.traits.overconfidence), term("trust in the accused", k.trustAccused * trustInAccused), term("credibility of the source", 0)],
    },
  ];
  const pick = choose(ctx, leader.id, "warning", `A warning: ${listNames(world, accused)} ${accused.length > 1 ? "are" : "is"} said to be plotting against you.`, options);
  record(world, {
    type: "warning",
    audience: source ? [leader.id, source] : [leader.id],
    actor: leader.id,
    text: `${source ? nameOf(world, source) : "A rumour"} warns ${nameOf(world, leader.id)} that ${listNames(world, accused)} ${accused.length > 1 ? "are" : "is"} plotting; he ${pick.choice === "take-seriously" ? "takes it seriously" : "dismisses it"}.`,
    data: { plot: plot.id, accused, source, credibility },
    options: optionsForLog(options),
    chosen: pick.choice,
  });
  if (pick.choice !== "take-seriously") return;
  for (const a of accused) leader.suspicion[a] = Math.min(1, (leader.suspicion[a] ?? 0) + k.suspicionBase + k.suspicionCredibility * credibility);
  learnOfPlot(world, leader.id, plot, accused, "warning", credibility);
  if (world.leaderLocation) {
    record(world, { type: "trip-cut-short", audience: "public", actor: leader.id, text: `${nameOf(world, leader.id)} cuts short his stay in ${world.leaderLocation.place} and returns to Moscow.` });
    world.cancelledTrips.push(world.leaderLocation.tripId);
    world.leaderLocation = null;
  }
  // Asking around alerts the accused: those in the plot now know the leader suspects them.
  if (accused.some((a) => plot.members.includes(a))) plot.alarm = 1;
}

/**
 * Weekly: a KGB chairman outside a plot may uncover it, and a leader who is not blinded by his own
 * confidence may read the signs himself (colleagues' meetings, their calls to the regions).
 */
export function detectionPhase(ctx: DecisionContext): void {
  const world = ctx.world;
  const k = world.params.detection.watch;
  for (const plot of activePlots(world)) {
    const leader = world.principals[plot.target];
    if (canAct(leader) && !world.leaderLocation && ctx.rng.chance("detection", Math.min(k.noticeMax, k.noticeRate * (1 - leader.traits.overconfidence) * plot.exposure))) {
      record(world, { type: "leader-notices", audience: [leader.id], text: `${nameOf(world, leader.id)} notices his colleagues behaving strangely.`, data: { plot: plot.id } });
      warn(ctx, plot, [plot.members[0]], null, k.noticeCredibility);
      if (!activePlots(world).includes(plot)) continue;
    }
    if (!activePlots(world).includes(plot)) continue;
    for (const chief of holdersOf(world, "security")) {
      if (plot.members.includes(chief) || !canAct(world.principals[chief])) continue;
      // A chairman devoted to the leader digs; an indifferent one waits for reports to come to him.
      const diligence = k.diligenceBase + k.diligenceTie * tieToLeader(world, world.principals[chief], plot.target);
      if (ctx.rng.chance("detection", Math.min(k.diligenceMax, diligence * plot.exposure))) {
        const named = plot.members.filter((_, i) => i < 1 + Math.floor(ctx.rng.next("detection") * plot.members.length));
        leak(ctx, plot, named, null, "investigation", k.investigationCredibility);
        break;
      }
    }
  }
}
