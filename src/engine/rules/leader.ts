// The leader's week: outbursts that make enemies, and what he does about the people he suspects:
// nothing, demote them, or (when fear and the organs allow) arrest them first.
import { choose, optionsForLog, term, type DecisionContext, type ScoredOption } from "../ai/choice.js";
import { nameOf, record } from "../log.js";
import { activePlots, canAct, clamp, leaderOf } from "../queries.js";
import type { ContestRecord, Fate, Id } from "../state.js";
import { aftermath, claimants, purgeClients, rollFate, shareOutPosts } from "./fates.js";
import { organsWithLeader } from "./crisis.js";

export function leaderOptions(ctx: DecisionContext, leader: Id): ScoredOption[] {
  const world = ctx.world;
  const l = world.principals[leader];
  const k = world.params.leader.week;
  const options: ScoredOption[] = [{ choice: "govern", label: "Govern as usual", terms: [term("business as usual", k.govern)] }];
  const suspects = world.order.filter((id) => (l.suspicion[id] ?? 0) >= k.suspectThreshold && canAct(world.principals[id]) && id !== leader);
  if (!suspects.length) return options;
  const top = [...suspects].sort((a, b) => (l.suspicion[b] ?? 0) - (l.suspicion[a] ?? 0) || world.principals[a].rank - world.principals[b].rank)[0];
  const s = l.suspicion[top];
  options.push({
    choice: "demote",
    target: top,
    label: `Remove ${nameOf(world, top)} from his posts`,
    terms: [term("suspicion", k.suspicion * (s - 0.5)), term("cost of purging a colleague", -k.purgeCostBase - k.purgeCostTrust * Math.max(0, l.trust[top] ?? 0))],
  });
  const fear = world.globals.fear;
  const organs = organsWithLeader(world, leader);
  if (organs > 0) {
    options.push({
      choice: "arrest",
      target: top,
      label: `Have the organs arrest ${suspects.map((x) => nameOf(world, x)).join(", ")}`,
      terms: [term("suspicion", k.suspicion * (s - 0.5)), term("the norm against arrests", -k.arrestNorm * (1 - fear) * (1 - fear)), term("organs he controls", k.organs * organs)],
    });
  }
  return options;
}

export function leaderPhase(ctx: DecisionContext): void {
  const world = ctx.world;
  const leader = leaderOf(world);
  const l = world.principals[leader];
  if (!canAct(l)) return;
  outburst(ctx, leader);
  const options = leaderOptions(ctx, leader);
  if (options.length === 1 && !world.humanSeats.includes(leader)) return;
  const pick = choose(ctx, leader, "leader-weekly", "Your week as First Secretary.", options);
  if (pick.choice === "govern") return;
  record(world, {
    type: "decision",
    audience: [leader],
    actor: leader,
    text: `${nameOf(world, leader)} decides to ${pick.choice === "demote" ? "remove" : "arrest"} ${nameOf(world, pick.target!)}.`,
    options: optionsForLog(options),
    chosen: pick.choice,
  });
  const suspects = world.order.filter((id) => (l.suspicion[id] ?? 0) >= world.params.leader.week.suspectThreshold && canAct(world.principals[id]) && id !== leader);
  const targets = pick.choice === "arrest" ? suspects : [pick.target!];
  strikeAtSuspects(ctx, leader, targets, pick.choice === "arrest");
}

/** Demoting or arresting suspects. If they were plotting, the plot is broken and its known members pay. */
function strikeAtSuspects(ctx: DecisionContext, leader: Id, targets: Id[], force: boolean): void {
  const world = ctx.world;
  const l = world.principals[leader];
  const fates: Fate[] = [];
  const hitPlots = activePlots(world).filter((p) => targets.some((t) => p.members.includes(t)));
  const vacated: Id[] = [];
  for (const t of targets) vacated.push(...world.principals[t].posts);
  for (const plot of hitPlots) {
    const exposed = plot.members.filter((m) => targets.includes(m) || (l.suspicion[m] ?? 0) >= world.params.leader.week.suspectThreshold);
    const contest: ContestRecord = {
      date: world.date, plotId: plot.id, target: leader, initiator: plot.initiator, plotMembers: [...plot.members], kind: force ? "pre-emption" : "exposed",
      launchedWhileAway: false, presidium: null, presidiumMajorityAgainstLeader: false, leaderChoice: null, plenum: null, force,
      winner: "leader", fates: {}, newFirstSecretary: leader, successorWasPlotter: false,
    };
    record(world, { type: "plot-exposed", audience: "public", text: `${nameOf(world, leader)} moves against the plot: ${exposed.map((m) => nameOf(world, m)).join(", ")} ${force ? "are arrested" : "are removed from their posts"}.` });
    for (const m of exposed) {
      if (!vacated.includes(m)) vacated.push(...world.principals[m].posts);
      contest.fates[m] = rollFate(ctx, m, { lostFight: true, resigned: false, force });
      fates.push(contest.fates[m]);
    }
    plot.members = plot.members.filter((m) => !exposed.includes(m));
    // Whoever is not unmasked may carry on, now knowing the leader is watching.
    plot.stage = plot.members.length ? plot.stage : "failed";
    plot.alarm = 1;
    purgeClients(world, exposed, leader);
    world.contests.push(contest);
  }
  for (const t of targets) {
    if (world.principals[t].fate) continue;
    // An innocent man purged on suspicion: the others take note.
    rollFate(ctx, t, { lostFight: false, resigned: false, force });
    for (const id of world.order) {
      const p = world.principals[id];
      const k = world.params.leader.purge;
      if (id !== leader && id !== t && canAct(p)) p.grievances.push({ against: leader, cause: `the purge of ${nameOf(world, t)}`, weight: k.innocentBase + k.innocentTrust * Math.max(0, p.trust[t] ?? 0), date: world.date });
    }
  }
  for (const t of targets) delete l.suspicion[t];
  const loyal = claimants(world, world.order.filter((id) => id !== leader && canAct(world.principals[id]) && !(l.suspicion[id] > world.params.leader.week.suspectThreshold)));
  shareOutPosts(world, vacated, loyal, null);
  aftermath(world, fates, false, force);
}

/** The leader's temper: an outburst at a colleague leaves a grievance (Khrushchev's rudeness was a charge against him in 1964). */
function outburst(ctx: DecisionContext, leader: Id): void {
  const world = ctx.world;
  const l = world.principals[leader];
  const k = world.params.leader.outburst;
  if (!ctx.rng.chance("events", k.base + k.overconfidence * l.traits.overconfidence)) return;
  const colleagues = world.order.filter((id) => id !== leader && canAct(world.principals[id]) && world.principals[id].presidium !== "none");
  if (!colleagues.length) return;
  const victim = ctx.rng.pick("events", colleagues);
  const v = world.principals[victim];
  v.grievances.push({ against: leader, cause: "humiliated in front of colleagues", weight: k.grievance, date: world.date });
  v.opinionOfLeader = clamp(v.opinionOfLeader - k.opinion, -1, 1);
  record(world, { type: "outburst", audience: world.order.filter((id) => world.principals[id].presidium !== "none"), actor: leader, text: `${nameOf(world, leader)} dresses down ${nameOf(world, victim)} in front of the Presidium.` });
}

