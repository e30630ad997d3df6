// Plots as multi-stage processes: a disaffected principal starts one, members sound out others
// (each approach adds strength and exposure), whip CC members, and bring in a security chief.
import { choose, optionsForLog, term, termValue, utility, type DecisionContext, type ScoredOption } from "../ai/choice.js";
import { record, nameOf, percent } from "../log.js";
import { addDays } from "../calendar.js";
import {
  activePlots, canAct, clamp, disaffection, grievanceAgainst, hasPower, leaderOf, logistic, plotOf, presidiumVoters, securityChiefs, tieToLeader,
} from "../queries.js";
import type { CcMember, Id, Plot, PlotBelief, Principal, Reason, World } from "../state.js";
import { effectiveLean, estimateSuccess, perceivedChiefLoyalty, votingCc } from "./estimates.js";
import { leak } from "./detection.js";
import { claimants } from "./fates.js";

/** Cost of being on the losing side, rising steeply with fear (demotion at low fear, death at high). */
export function costOfFailure(world: World): number {
  const k = world.params.plots.costOfFailure;
  const fear = world.globals.fear;
  return k.base + k.fearSquared * fear * fear;
}

export function beliefAbout(p: Principal, plotId: string): PlotBelief | undefined {
  return p.beliefs.find((b) => b.plotId === plotId);
}

export function learnOfPlot(world: World, who: Id, plot: Plot, members: readonly Id[], source: PlotBelief["source"], certainty: number): void {
  const p = world.principals[who];
  const existing = beliefAbout(p, plot.id);
  if (existing) {
    for (const m of members) if (!existing.knownMembers.includes(m)) existing.knownMembers.push(m);
    existing.certainty = Math.max(existing.certainty, certainty);
    return;
  }
  p.beliefs.push({ plotId: plot.id, knownMembers: [...members], certainty, source, since: world.date });
}

/**
 * Weekly hazard that a principal starts a plot, as a sum of terms (the logit). The formula is
 * written once and fed to a sink: the terms for the log, or just their sum for the weekly roll of
 * every principal (the hot path, where building the terms would only make garbage).
 */
function plotStart(world: World, p: Principal, leader: Id, add: (name: string, value: number) => void): void {
  const k = world.params.plots.startHazard;
  const fear = world.globals.fear;
  add("baseline", k.baseline);
  add("ambition", k.ambition * p.traits.ambition);
  add("disaffection with the leader", k.disaffection * disaffection(world, p, leader));
  add("boldness", k.boldness * p.traits.boldness);
  add("fear of the consequences", -k.fearSquared * fear * fear);
  add("leader's perceived strength", -k.prestige * (world.globals.prestige - 0.5));
  add("tie to the leader", -k.tie * tieToLeader(world, p, leader));
  add("standing in the leadership", p.presidium === "full" ? k.fullMember : p.presidium === "candidate" || p.secretary ? k.candidateOrSecretary : k.outsider);
}

export function plotStartTerms(world: World, p: Principal, leader: Id): Reason[] {
  const terms: Reason[] = [];
  plotStart(world, p, leader, (name, value) => terms.push(term(name, value)));
  return terms;
}

/** The same sum as utility(plotStartTerms(...)), term by term, without building the terms. */
function plotStartLogit(world: World, p: Principal, leader: Id): number {
  let x = 0;
  plotStart(world, p, leader, (_name, value) => {
    x += termValue(value);
  });
  return x;
}

export function considerStartingPlots(ctx: DecisionContext, actor: Id): boolean {
  const world = ctx.world;
  const leader = leaderOf(world);
  const p = world.principals[actor];
  if (actor === leader || !canAct(p) || plotOf(world, actor)) return false;
  // Someone who already knows of a live plot against this leader waits to be asked rather than start a rival one.
  if (p.beliefs.some((b) => activePlots(world).some((pl) => pl.id === b.plotId))) return false;
  if (!ctx.rng.chance("ai", logistic(plotStartLogit(world, p, leader)))) return false;
  startPlot(world, actor, plotStartTerms(world, p, leader));
  return true;
}

export function startPlot(world: World, actor: Id, terms: Reason[]): Plot {
  const leader = leaderOf(world);
  const hazard = logistic(utility(terms));
  const plot: Plot = {
    id: `plot-${world.plots.length + 1}`,
    target: leader,
    initiator: actor,
    members: [actor],
    refusedBy: [],
    startedOn: world.date,
    stage: "forming",
    exposure: 0,
    alarm: 0,
    whippedCount: 0,
    launchedOn: null,
    launchedWhileAway: false,
  };
  world.plots.push(plot);
  learnOfPlot(world, actor, plot, [actor], "member", 1);
  record(world, {
    type: "plot-started",
    audience: [actor],
    actor,
    text: `${nameOf(world, actor)} resolves to organise ${nameOf(world, leader)}'s removal (weekly chance was ${percent(hazard)}).`,
    data: { plot: plot.id, hazard },
    options: [{ option: "start-plot", utility: termValue(utility(terms)), terms }],
    chosen: "start-plot",
  });
  return plot;
}

/** How promising an approach to `target` looks to `member`, from public grievances and trust. */
function approachAppeal(world: World, member: Principal, target: Principal, leader: Id): number {
  const k = world.params.plots.approach;
  const publicGrievance = Math.min(k.grievanceCap, grievanceAgainst(target, leader));
  const organs = commandsOrgans(world, target.id);
  // A security chief who is not known to be the leader's man is worth the risk: the organs could expose the plot, or shield it.
  // ...but asking a chief one does not trust is asking to be arrested if he says no.
  const organsRisk = organs ? (1 - Math.max(0, member.trust[target.id] ?? 0)) * (k.organsRiskBase + world.globals.fear) : 0;
  const value = organs ? k.organsBase + k.organsDisloyalty * (1 - perceivedChiefLoyalty(world, target.id, leader)) - organsRisk : target.presidium === "full" ? k.fullMember : target.presidium === "candidate" ? k.candidate : target.secretary ? k.secretary : k.other;
  const clientOfPlotter = target.patron !== null && (member.id === target.patron || (beliefAbout(member, plotIdOf(world, member.id))?.knownMembers ?? []).includes(target.patron));
  return value + k.grievance * publicGrievance + k.trust * (member.trust[target.id] ?? 0) - (target.patron === leader ? k.leaderClient : 0) + (clientOfPlotter ? k.clientOfPlotter : 0);
}

function commandsOrgans(world: World, id: Id): boolean {
  return securityChiefs(world).includes(id);
}

function plotIdOf(world: World, member: Id): string {
  return plotOf(world, member)?.id ?? "";
}

export function approachCandidates(world: World, plot: Plot): Id[] {
  // Someone who said no is not asked again until the plot has had time to grow. ISO dates compare
  // as strings: a refusal on or before this day is old enough to ask again.
  const askAgainIfBefore = addDays(world.date, -world.params.plots.approach.askAgainAfterDays);
  return world.order.filter((id) => {
    const t = world.principals[id];
    const refused = plot.refusedBy.find((r) => r.id === id);
    // A chief of the organs who has said no once is not tempted twice.
    const askAgain = !refused || (!commandsOrgans(world, id) && refused.date <= askAgainIfBefore);
    return id !== plot.target && canAct(t) && !plot.members.includes(id) && askAgain;
  });
}

/** The weekly options of a plot member: sound someone out, whip CC members, or lie low. */
export function plotMemberOptions(world: World, plot: Plot, member: Id): ScoredOption[] {
  const p = world.principals[member];
  const leader = plot.target;
  const known = beliefAbout(p, plot.id)?.knownMembers ?? plot.members;
  const k = world.params.plots.member;
  const est = estimateSuccess(world, p, plot, known);
  const caution = 1 - p.traits.boldness;
  const risk = plot.exposure * caution * costOfFailure(world);
  const options: ScoredOption[] = [
    { choice: "lie-low", label: "Lie low this week", terms: [term("exposure already run", k.lieLowRisk * risk), term("plot already strong", k.lieLowStrength * est.odds)] },
  ];
  // The most promising person to sound out (ties to the senior man; world.order is rank order).
  let best: { id: Id; appeal: number } | null = null;
  for (const id of approachCandidates(world, plot)) {
    const appeal = approachAppeal(world, p, world.principals[id], leader);
    if (!best || appeal > best.appeal) best = { id, appeal };
  }
  if (best) {
    options.push({
      choice: "sound-out",
      target: best.id,
      label: `Sound out ${nameOf(world, best.id)}`,
      odds: est.odds,
      terms: [term("appeal of the approach", k.soundOutAppeal * best.appeal), term("need for more allies", k.soundOutNeed * (1 - est.odds)), term("risk of exposure", -k.soundOutRisk * risk - k.soundOutCaution * caution)],
    });
  }
  const ccVoters = votingCc(world).length || 1;
  const unwhipped = 1 - plot.whippedCount / ccVoters;
  const apparatus = hasPower(world, member, "cadres") || hasPower(world, member, "secondSecretary") ? k.apparatusFull : Object.keys(p.clients).length ? k.apparatusClients : k.apparatusNone;
  options.push({
    choice: "whip-cc",
    label: "Lobby Central Committee members",
    odds: est.odds,
    terms: [term("belief that the CC decides", k.whipBelief * p.believesCcDecides * unwhipped), term("reach in the apparatus", k.whipReach * apparatus), term("risk of exposure", -k.whipRisk * risk - k.whipCost)],
  });
  return options;
}

/** An approached principal's answer: join, report to the leader, or stay out. */
export function responseOptions(world: World, plot: Plot, approacher: Id, target: Id): ScoredOption[] {
  const t = world.principals[target];
  const leader = plot.target;
  const told = [...new Set([...(beliefAbout(world.principals[approacher], plot.id)?.knownMembers ?? plot.members)])];
  const est = estimateSuccess(world, t, plot, told, target);
  const k = world.params.plots.response;
  const p = est.odds;
  const tie = tieToLeader(world, t, leader);
  const dis = disaffection(world, t, leader);
  const organs = commandsOrgans(world, target);
  const joinTerms = [
    term("estimated success x stake", p * (k.stakeBase + k.stakeAmbition * t.traits.ambition)),
    term("disaffection with the leader", k.disaffection * dis),
    term("risk if it fails", -(1 - p) * costOfFailure(world) * (k.riskBase + k.riskCaution * (1 - t.traits.boldness))),
    term("tie to the leader", -k.tie * tie),
    term("trust in the one asking", k.trustAsker * (t.trust[approacher] ?? 0)),
    term("distance from the plotters' views", -k.ideologyDistance * ideologyDistance(world, t, told)),
    term("a claim to succeed him", claimants(world, [...told, target])[0] === target ? k.claimOdds * t.traits.ambition * p + k.claimBase * t.traits.ambition : 0),
    term("patron in the plot", t.patron !== null && told.includes(t.patron) ? k.patronInPlot + t.traits.loyalty : 0),
  ];
  if (organs) joinTerms.push(term("reluctance to bring the organs into politics", -k.organsRestraint * t.traits.restraint));
  const reportTerms = [
    term("reward if the plot fails", (1 - p) * (k.rewardBase + k.rewardAmbition * t.traits.ambition)),
    term("tie to the leader", k.reportTie * tie),
    term("penalty if the plot wins", -k.reportPenalty * p),
    term("informing on a colleague", -k.informingBase - k.informingTrust * Math.max(0, t.trust[approacher] ?? 0)),
    term("danger if not believed", -k.notBelieved * (1 - p)),
    term("disaffection with the leader", -k.reportDisaffection * dis),
  ];
  const stayTerms = [term("keep out of it", 0), term("standing under a new leader", -k.standingUnderNew * p * t.traits.ambition)];
  return [
    { choice: "join", label: "Join the plot", odds: p, terms: joinTerms },
    { choice: "report", label: `Warn ${nameOf(world, leader)}`, odds: p, terms: reportTerms },
    { choice: "stay-out", label: "Keep out of it", odds: p, terms: stayTerms },
  ];
}

function ideologyDistance(world: World, p: Principal, others: readonly Id[]): number {
  const views = others.filter((o) => o !== p.id).map((o) => world.principals[o].traits.ideology);
  if (!views.length) return 0;
  return Math.abs(p.traits.ideology - views.reduce((a, b) => a + b, 0) / views.length);
}

export function soundOut(ctx: DecisionContext, plot: Plot, approacher: Id, target: Id): void {
  const world = ctx.world;
  const rival = activePlots(world).find((p) => p !== plot && p.members.includes(target));
  if (rival) return mergePlots(world, plot, rival, approacher, target);
  const options = responseOptions(world, plot, approacher, target);
  const told = beliefAbout(world.principals[approacher], plot.id)?.knownMembers ?? plot.members;
  const k = world.params.plots.soundOut;
  const pick = choose(ctx, target, "respond", `${nameOf(world, approacher)} sounds you out about removing ${nameOf(world, plot.target)}.`, options);
  plot.exposure += k.exposure;
  learnOfPlot(world, target, plot, told, "approached", k.approachedCertainty);
  record(world, {
    type: "approach",
    audience: [approacher, target],
    actor: target,
    text: `${nameOf(world, approacher)} sounds out ${nameOf(world, target)}, who ${pick.choice === "join" ? "joins" : pick.choice === "report" ? "decides to warn " + nameOf(world, plot.target) : "keeps out of it"} (estimated success ${percent(pick.odds ?? 0)}).`,
    data: { plot: plot.id, approacher, target },
    options: optionsForLog(options),
    chosen: pick.choice,
  });
  if (pick.choice === "join") {
    plot.members.push(target);
    if (plot.stage === "forming") plot.stage = "recruiting";
    // Members share who is in: the newcomer learns the roster, the roster learns the newcomer.
    for (const m of plot.members) learnOfPlot(world, m, plot, plot.members, "member", 1);
  } else {
    plot.refusedBy = plot.refusedBy.filter((r) => r.id !== target);
    plot.refusedBy.push({ id: target, date: world.date });
    if (pick.choice === "report") {
      // What he can swear to is who approached him; the rest is hearsay.
      leak(ctx, plot, [approacher, ...told.filter((m) => m !== approacher).slice(0, 1)], target, "report", k.reportCredibility);
    } else if (ctx.rng.chance("detection", k.refuserLeakBase + k.refuserLeakTie * tieToLeader(world, world.principals[target], plot.target))) {
      // Keeping out of it is not keeping quiet: a word dropped to the wrong person reaches the organs.
      leak(ctx, plot, [approacher], target, "refuser", k.refuserCredibility);
    }
  }
}

/** Two circles plotting the same thing find each other through an approach and join forces. */
function mergePlots(world: World, plot: Plot, rival: Plot, approacher: Id, target: Id): void {
  for (const m of rival.members) if (!plot.members.includes(m)) plot.members.push(m);
  for (const r of rival.refusedBy) if (!plot.refusedBy.some((x) => x.id === r.id) && !plot.members.includes(r.id)) plot.refusedBy.push(r);
  for (const m of world.cc) if (m.whippedBy === rival.id) m.whippedBy = plot.id;
  plot.whippedCount = votingCc(world).filter((m) => m.whippedBy === plot.id).length;
  plot.exposure += rival.exposure;
  plot.stage = "recruiting";
  rival.stage = "disbanded";
  for (const id of world.order) {
    const p = world.principals[id];
    p.beliefs = p.beliefs.filter((b) => b.plotId !== rival.id);
  }
  for (const m of plot.members) learnOfPlot(world, m, plot, plot.members, "member", 1);
  record(world, {
    type: "plots-merge",
    audience: [...plot.members],
    actor: approacher,
    text: `${nameOf(world, approacher)} sounds out ${nameOf(world, target)} and finds him already plotting: the two circles join forces (${plot.members.map((m) => nameOf(world, m)).join(", ")}).`,
    data: { plot: plot.id, merged: rival.id },
  });
}

/** Which CC members a plot member approaches first: their own clients, then the most disaffected. */
function whipTargets(world: World, plot: Plot, member: Id, count: number): CcMember[] {
  const leader = plot.target;
  const k = world.params.plots.whip;
  const score = (m: CcMember) => (m.patron === member ? k.ownClient : m.patron !== null && plot.members.includes(m.patron) ? k.plotterClient : 0) - effectiveLean(world, m);
  // The best `count` by score (ties by CC order), in one pass: this runs for every lobbying action.
  const best: { m: CcMember; s: number }[] = [];
  for (const m of votingCc(world)) {
    // The leader's own men are not lobbied: asking them is asking to be reported.
    if (m.whippedBy === plot.id || m.patron === leader) continue;
    const s = score(m);
    if (best.length === count && s <= best[count - 1].s) continue;
    let i = best.length;
    while (i > 0 && best[i - 1].s < s) i--;
    best.splice(i, 0, { m, s });
    if (best.length > count) best.pop();
  }
  return best.map((x) => x.m);
}

export function whipCc(ctx: DecisionContext, plot: Plot, member: Id): void {
  const world = ctx.world;
  const p = world.principals[member];
  const k = world.params.plots.whip;
  const reach = hasPower(world, member, "cadres") || hasPower(world, member, "secondSecretary") ? k.reachApparatus : k.reachOther;
  // A member being lobbied weighs who is behind the request: the Presidium votes the plot can show.
  const voters = presidiumVoters(world);
  const presidiumShare = voters.length ? voters.filter((v) => plot.members.includes(v)).length / voters.length : 0;
  let won = 0;
  let leaks = 0;
  const contacted = whipTargets(world, plot, member, reach);
  for (const m of contacted) {
    const patronLine = m.patron === member ? k.patronOwn : plot.members.includes(m.patron ?? "") ? k.patronInPlot : m.patron === plot.target ? k.patronTarget : 0;
    const pAgree = logistic(k.leanScale * (k.leanThreshold - effectiveLean(world, m)) + patronLine + k.presidiumShare * (presidiumShare - 0.5) + k.competence * (p.traits.competence - 0.5));
    if (ctx.rng.chance("ai", pAgree)) {
      m.whippedBy = plot.id;
      won++;
    } else if (ctx.rng.chance("detection", k.leakBase + (m.patron === plot.target ? k.leakLeaderClient : 0))) {
      leaks++;
    }
  }
  plot.whippedCount = votingCc(world).filter((m) => m.whippedBy === plot.id).length;
  plot.exposure += k.exposurePerContact * contacted.length;
  record(world, {
    type: "whip",
    audience: [...plot.members],
    actor: member,
    text: `${nameOf(world, member)} lobbies ${contacted.length} Central Committee members; ${won} pledge their votes (plot now holds ${plot.whippedCount}).`,
    data: { plot: plot.id, contacted: contacted.length, won, total: plot.whippedCount },
  });
  for (let i = 0; i < leaks; i++) leak(ctx, plot, [member], null, "cc-member", k.leakCredibility);
}

export function clampExposure(world: World, plot: Plot): void {
  plot.exposure = clamp(plot.exposure, 0, world.params.plots.exposure.max);
}
