// Crisis resolution (MODEL.md section 5): the plot launches, the security chiefs choose a side,
// the Presidium speaks and votes in rank order, the leader resigns or appeals to the Central
// Committee, the plenum votes member by member, and the losers meet their fates.
import { choose, optionsForLog, term, termValue, utility, type DecisionContext, type ScoredOption } from "../ai/choice.js";
import { isMajority, VOTE_MARGIN_SPAN } from "../units.js";
import { addDays } from "../calendar.js";
import { nameOf, percent, record } from "../log.js";
import { ageOf, canAct, clamp, disaffection, holdersOf, isAway, logistic, plannedTrips, presidiumVoters, securityChiefs, tieToLeader } from "../queries.js";
import type { CcMember, ContestRecord, Fate, Id, Plot, World } from "../state.js";
import { effectiveLean, estimateSuccess, votingCc } from "./estimates.js";
import { aftermath, claimants, purgeClients, rollFate, shareOutPosts, type FateCircumstances } from "./fates.js";
import { beliefAbout, costOfFailure } from "./plots.js";

type Side = "leader" | "plot" | "neutral";

/** The plot's leader weighs striking now: the estimate of success against a threshold set by boldness, urgency and the leader's absence. */
export function strikeOptions(world: World, plot: Plot, chief: Id): ScoredOption[] {
  const p = world.principals[chief];
  const known = beliefAbout(p, plot.id)?.knownMembers ?? plot.members;
  const k = world.params.crisis.strike;
  const est = estimateSuccess(world, p, plot, known);
  const urgency = plot.alarm;
  const tripSoon = !isAway(world) && upcomingTripWithin(world, plot.target, k.tripHorizonDays);
  const strike: ScoredOption = {
    choice: "launch",
    label: "Convene the Presidium against the leader",
    odds: est.odds,
    terms: [
      term("estimated success", k.odds * (est.odds - k.threshold)),
      term("boldness", k.boldness * (p.traits.boldness - 0.5)),
      term("the leader is on to us", k.urgency * urgency),
      term("leader away from Moscow", isAway(world) ? k.away : 0),
      term("a trip is coming: better to wait for it", tripSoon ? -k.tripSoon : 0),
    ],
  };
  const wait: ScoredOption = { choice: "wait", label: "Keep building", terms: [term("keep building support", k.wait)] };
  return [strike, wait];
}

function upcomingTripWithin(world: World, leader: Id, days: number): boolean {
  const limit = addDays(world.date, days);
  return plannedTrips(world, leader).some((t) => t.from > world.date && t.from <= limit);
}

/** The member with the strongest claim to lead (and so to succeed) speaks for the plot. */
export function plotLeader(world: World, plot: Plot): Id | null {
  return claimants(world, plot.members)[0] ?? null;
}

export function strikePhase(ctx: DecisionContext, plot: Plot): void {
  const world = ctx.world;
  const chief = plotLeader(world, plot);
  if (!chief) {
    plot.stage = "disbanded";
    return;
  }
  const options = strikeOptions(world, plot, chief);
  const pick = choose(ctx, chief, "strike", "Strike now, or keep building the plot?", options, world.params.ai.strike.temperature);
  if (pick.choice !== "launch") return;
  record(world, {
    type: "decision",
    audience: [...plot.members],
    actor: chief,
    text: `${nameOf(world, chief)} decides to strike (estimated success ${percent(pick.odds ?? 0)}).`,
    options: optionsForLog(options),
    chosen: pick.choice,
  });
  launch(ctx, plot, chief);
}

/** Security chiefs choose their side when the crisis breaks: it is their decision, not a parameter. */
function alignSecurity(ctx: DecisionContext, plot: Plot): Record<Id, Side> {
  const world = ctx.world;
  const sides: Record<Id, Side> = {};
  const k = world.params.crisis.align;
  const pledged = plot.members.filter((m) => world.principals[m].presidium === "full").length / Math.max(1, presidiumVoters(world).length);
  for (const chief of securityChiefs(world)) {
    if (sides[chief]) continue;
    const c = world.principals[chief];
    if (!canAct(c)) continue;
    const inPlot = plot.members.includes(chief);
    const restraint = c.traits.restraint;
    const options: ScoredOption[] = [
      {
        choice: "leader",
        label: `Stand by ${nameOf(world, plot.target)}`,
        terms: [term("tie to the leader", k.tie * tieToLeader(world, c, plot.target)), term("opinion of the leader", k.opinion * c.opinionOfLeader), term("pledged to the plot", inPlot ? -k.pledgedAgainst : 0)],
      },
      {
        choice: "plot",
        label: "Side with the plotters",
        terms: [term("pledged to the plot", inPlot ? k.pledged : 0), term("disaffection with the leader", k.disaffection * disaffection(world, c, plot.target)), term("the plot's visible strength", k.strength * (pledged - 0.5))],
      },
      { choice: "neutral", label: "Keep the organs out of it", terms: [term("reluctance to use the organs in politics", k.neutralBase + k.neutralRestraint * restraint)] },
    ];
    const pick = choose(ctx, chief, "align", "The leadership is split. Where do the organs you command stand?", options, world.params.ai.align.temperature);
    sides[chief] = pick.choice as Side;
    record(world, {
      type: "alignment",
      audience: "public",
      actor: chief,
      text: `${nameOf(world, chief)} ${pick.choice === "leader" ? `stands by ${nameOf(world, plot.target)}` : pick.choice === "plot" ? "sides with the plotters" : "keeps the organs out of it"}.`,
      options: optionsForLog(options),
      chosen: pick.choice,
    });
  }
  return sides;
}

export function launch(ctx: DecisionContext, plot: Plot, chief: Id): void {
  const world = ctx.world;
  const leader = plot.target;
  plot.stage = "launched";
  plot.launchedOn = world.date;
  plot.launchedWhileAway = isAway(world);
  record(world, {
    type: "launch",
    audience: "public",
    actor: chief,
    text: plot.launchedWhileAway
      ? `While ${nameOf(world, leader)} is in ${world.leaderLocation?.place}, ${nameOf(world, chief)} and his allies convene the Presidium and summon him back to Moscow.`
      : `${nameOf(world, chief)} and his allies call a Presidium session to put the question of ${nameOf(world, leader)}'s leadership.`,
    data: { plot: plot.id, members: plot.members, whipped: plot.whippedCount },
  });
  const sides = alignSecurity(ctx, plot);
  if (world.leaderLocation) {
    world.leaderLocation = null;
  }
  const contest: ContestRecord = {
    date: world.date, plotId: plot.id, target: leader, initiator: plot.initiator, plotMembers: [...plot.members], kind: "session",
    launchedWhileAway: plot.launchedWhileAway, presidium: null, presidiumMajorityAgainstLeader: false, leaderChoice: null,
    plenum: null, force: false, winner: "leader", fates: {}, newFirstSecretary: leader, successorWasPlotter: false,
  };

  if (considerForce(ctx, plot, chief, sides)) {
    contest.kind = "arrest";
    contest.force = true;
    return finish(ctx, plot, contest, "plot", { lostFight: true, resigned: false, force: true });
  }

  const session = presidiumSession(ctx, plot);
  contest.presidium = session;
  contest.presidiumMajorityAgainstLeader = isMajority(session.for, session.voters);
  if (!contest.presidiumMajorityAgainstLeader) {
    record(world, { type: "session-result", audience: "public", text: `The Presidium stands by ${nameOf(world, leader)}, ${session.for} to ${session.against}; the plotters are exposed.`, data: { plot: plot.id, ...session } });
    return finish(ctx, plot, contest, "leader", { lostFight: true, resigned: false, force: false });
  }
  record(world, { type: "session-result", audience: "public", text: `The Presidium votes ${session.for} to ${session.against} to relieve ${nameOf(world, leader)} of his duties.`, data: { plot: plot.id, ...session } });

  const answer = leaderAnswer(ctx, plot, session, sides);
  contest.leaderChoice = answer;
  const plenum = plenumVote(ctx, plot, sides, answer, session);
  contest.plenum = plenum;
  const leaderWins = isMajority(plenum.forLeader, plenum.present);
  if (leaderWins) {
    world.globals.prestige = clamp(world.globals.prestige + world.params.crisis.aftermath.survivorPrestige);
    return finish(ctx, plot, contest, "leader", { lostFight: true, resigned: false, force: false }, true);
  }
  return finish(ctx, plot, contest, "plot", { lostFight: answer === "plenum", resigned: answer === "resign", force: false }, true);
}

/** With fear high and an organ on its side, the plot may arrest the leader outright instead of voting. */
function considerForce(ctx: DecisionContext, plot: Plot, chief: Id, sides: Record<Id, Side>): boolean {
  const world = ctx.world;
  const withPlot = Object.values(sides).filter((s) => s === "plot").length;
  const withLeader = Object.values(sides).filter((s) => s === "leader").length;
  if (withPlot === 0) return false;
  const fear = world.globals.fear;
  const k = world.params.crisis.force;
  const options: ScoredOption[] = [
    { choice: "vote", label: "Put it to the Presidium", terms: [term("the party's rules", k.rulesBase + k.rulesNoFear * (1 - fear) * (1 - fear))] },
    { choice: "arrest", label: "Arrest him", terms: [term("organs on our side", k.organsWith * withPlot - k.organsAgainst * withLeader), term("certainty of the outcome", k.fear * fear), term("boldness", k.boldness * (world.principals[chief].traits.boldness - 0.5))] },
  ];
  const pick = choose(ctx, chief, "force", "The organs are with us. Vote, or arrest him?", options);
  record(world, {
    type: "decision",
    audience: [...plot.members],
    actor: chief,
    text: pick.choice === "arrest" ? `${nameOf(world, chief)} decides to arrest ${nameOf(world, plot.target)} rather than risk a vote.` : `${nameOf(world, chief)} puts the question to a vote.`,
    options: optionsForLog(options),
    chosen: pick.choice,
  });
  if (pick.choice !== "arrest") return false;
  record(world, { type: "arrest", audience: "public", text: `${nameOf(world, plot.target)} is arrested on the orders of ${nameOf(world, chief)}, with the organs' help.` });
  return true;
}

export interface SessionTally {
  for: number;
  against: number;
  voters: number;
}

/** Speeches, then a roll-call in rank order; each voter sees the running tally (a threshold cascade). */
function presidiumSession(ctx: DecisionContext, plot: Plot): SessionTally {
  const world = ctx.world;
  const leader = plot.target;
  const voters = presidiumVoters(world);
  const pledged = plot.members.filter((m) => voters.includes(m)).length / voters.length;
  const fear = world.globals.fear;
  const k = world.params.crisis.session;
  let forVotes = 0;
  let against = 0;
  const speakers = world.order.filter((id) => id !== leader && canAct(world.principals[id]) && (world.principals[id].presidium !== "none" || world.principals[id].secretary));
  for (const id of speakers) {
    const p = world.principals[id];
    const votes = p.presidium === "full";
    const cast = forVotes + against;
    const inPlot = plot.members.includes(id);
    const forTerms = [
      term("pledged to the plot", inPlot ? k.pledgedBase + k.pledgedLoyalty * p.traits.loyalty : 0),
      term("disaffection with the leader", k.disaffection * disaffection(world, p, leader)),
      term("tie to the leader", -k.tie * tieToLeader(world, p, leader)),
      term("the plot's visible strength", k.strength * (pledged - 0.5)),
      term("running tally", cast ? k.tally * (forVotes - against) / voters.length : 0),
      term("fear of a present, strong leader", -k.fearOfLeader * fear * world.globals.prestige * (1 - pledged)),
      term("ambition under a new leader", k.ambition * p.traits.ambition),
      // Summoned back to a session that opened without him, the leader answers a case already made;
      // confronted in Moscow, he chairs it and speaks first.
      term(plot.launchedWhileAway ? "the case made in his absence" : "the leader in the chair", plot.launchedWhileAway ? k.absentCase : -k.chair),
    ];
    const options: ScoredOption[] = [
      { choice: "for", label: "Vote to relieve him", terms: forTerms },
      { choice: "against", label: "Vote to keep him", terms: [term("keep the leader", 0)] },
    ];
    const kind = votes ? "vote" : "speech";
    const pick = choose(ctx, id, kind, votes ? `Roll-call: do you vote to relieve ${nameOf(world, leader)}?` : `You may speak (candidates do not vote). Do you speak against ${nameOf(world, leader)}?`, options, world.params.ai.vote.temperature);
    if (votes) {
      if (pick.choice === "for") forVotes++;
      else against++;
    }
    record(world, {
      type: votes ? "presidium-vote" : "speech",
      audience: "public",
      actor: id,
      text: votes
        ? `${nameOf(world, id)} votes ${pick.choice === "for" ? "to relieve" : "to keep"} ${nameOf(world, leader)}.`
        : `${nameOf(world, id)} (${p.presidium === "candidate" ? "candidate member" : "CC secretary"}, no vote) speaks ${pick.choice === "for" ? "against" : "for"} ${nameOf(world, leader)}.`,
      data: { plot: plot.id, membership: p.presidium },
      options: optionsForLog(options),
      chosen: pick.choice,
    });
  }
  against++; // the leader votes for himself
  record(world, { type: "presidium-vote", audience: "public", actor: leader, text: `${nameOf(world, leader)} votes to keep his post.`, data: { plot: plot.id, membership: world.principals[leader].presidium }, chosen: "against" });
  return { for: forVotes, against, voters: forVotes + against };
}

/** The leader's expectation of the CC, from what he can see: his clients, the public mood, and any members the plot has visibly brought in. */
export function leaderCcEstimate(world: World, plot: Plot, leader: Id, whipVisible: boolean): number {
  let support = 0;
  const voters = votingCc(world);
  for (const m of voters) {
    if (whipVisible && m.whippedBy === plot.id) continue;
    if (m.patron === leader || effectiveLean(world, m) > 0) support++;
  }
  return voters.length ? support / voters.length : 0;
}

function leaderAnswer(ctx: DecisionContext, plot: Plot, session: SessionTally, sides: Record<Id, Side>): "resign" | "plenum" {
  const world = ctx.world;
  const leader = world.principals[plot.target];
  // A plot that struck while he was away has had its CC members summoned to Moscow before he got
  // back: he can see the hall is lost. Confronted in Moscow, he cannot tell who has been lobbied.
  const whipVisible = plot.launchedWhileAway && plot.whippedCount > 0;
  const k = world.params.crisis.answer;
  const ccShare = leaderCcEstimate(world, plot, leader.id, whipVisible);
  const q = logistic(k.ccSlope * (ccShare - 0.5));
  const age = ageOf(world, leader);
  const options: ScoredOption[] = [
    {
      choice: "resign",
      label: "Resign 'for reasons of age and health'",
      odds: 1 - q,
      terms: [term("an honourable retirement", k.retireBase + k.retireAge * Math.max(0, age - k.retireAgePivot)), term("the Presidium's verdict", k.verdict * (session.for / session.voters - 0.5))],
    },
    {
      choice: "plenum",
      label: "Demand that the Central Committee decide",
      odds: q,
      terms: [
        term("expected support in the CC", k.support * leader.believesCcDecides * (q - 0.5)),
        term("risk of a harsher fate if he fights and loses", -(1 - q) * costOfFailure(world) * k.harsherFate),
        term("ambition", k.ambition * leader.traits.ambition),
        term("the organs stand by him", k.organs * Object.values(sides).filter((x) => x === "leader").length),
      ],
    },
  ];
  const pick = choose(ctx, leader.id, "leader-answer", "The Presidium has voted against you. Resign, or demand a plenum?", options);
  record(world, {
    type: "leader-answer",
    audience: "public",
    actor: leader.id,
    text: pick.choice === "resign"
      ? `${nameOf(world, leader.id)} does not fight: he asks to be released "for reasons of age and health".`
      : `${nameOf(world, leader.id)} refuses: only the Central Committee that elected him can remove him. He demands a plenum.`,
    options: optionsForLog(options),
    chosen: pick.choice,
  });
  return pick.choice as "resign" | "plenum";
}

/** Which side a CC member is presumed to be on, as those arranging transport would see it. */
function presumedSide(world: World, m: CcMember, plot: Plot): "leader" | "plot" | "none" {
  if (m.whippedBy === plot.id || (m.patron && plot.members.includes(m.patron))) return "plot";
  if (m.patron === plot.target || effectiveLean(world, m) > world.params.crisis.attendance.presumedLeaderLean) return "leader";
  return "none";
}

/**
 * Who reaches Moscow: the near members come anyway; the far ones come if someone flies them in.
 * The Army moves people, the KGB carries the summons; a plot that lobbied the CC has already called
 * its own members in.
 */
function attendance(ctx: DecisionContext, plot: Plot, sides: Record<Id, Side>, appeal: boolean): CcMember[] {
  const world = ctx.world;
  const k = world.params.crisis.attendance;
  const help = (side: "leader" | "plot") => (organSides(world, sides, "army").includes(side) ? k.armyHelp : 0) + (organSides(world, sides, "security").includes(side) ? k.securityHelp : 0);
  const base = { near: k.near, mid: k.mid, far: k.far };
  const present: CcMember[] = [];
  for (const m of votingCc(world)) {
    const side = presumedSide(world, m, plot);
    let p = base[m.distance];
    if (side === "leader") p += help("leader") - (appeal ? help("plot") * k.appealObstruction : 0);
    if (side === "plot") p += help("plot") + (plot.launchedWhileAway && plot.whippedCount > 0 ? k.summoned : 0);
    if (ctx.rng.chance("crisis", clamp(p, k.minChance, k.maxChance))) present.push(m);
  }
  return present;
}

function organSides(world: World, sides: Record<Id, Side>, power: "army" | "security"): Side[] {
  return holdersOf(world, power).map((a) => sides[a] ?? "neutral");
}

/**
 * The Presidium majority would rather put the plenum off and work on the members in town. It cannot
 * if the Army is flying the leader's people in, or if enough of them are already in Moscow to demand
 * a plenum themselves (the June 1957 letters).
 */
function canDelayPlenum(world: World, plot: Plot, sides: Record<Id, Side>): { delay: boolean; demanders: number; airlift: boolean } {
  if (organSides(world, sides, "army").includes("leader")) return { delay: false, demanders: 0, airlift: true };
  const voters = votingCc(world);
  const demanders = voters.filter((m) => presumedSide(world, m, plot) === "leader" && m.distance === "near").length;
  return { delay: demanders < world.params.crisis.attendance.demandShare * voters.length, demanders, airlift: false };
}

function plenumVote(ctx: DecisionContext, plot: Plot, sides: Record<Id, Side>, answer: "resign" | "plenum", session: SessionTally): NonNullable<ContestRecord["plenum"]> {
  const world = ctx.world;
  const leader = plot.target;
  const k = world.params.crisis.plenum;
  const appeal = answer === "plenum";
  const delay = appeal ? canDelayPlenum(world, plot, sides) : null;
  if (delay?.delay) {
    // The majority holds the Presidium and nobody is bringing the leader's people in: it puts the plenum off and works on the CC.
    record(world, { type: "plenum-delayed", audience: "public", text: `The Presidium majority puts off the plenum for some days and lobbies the members already in Moscow (only ${delay.demanders} are there to demand it).` });
    for (const m of votingCc(world)) {
      if (m.whippedBy !== plot.id && m.patron !== leader && ctx.rng.chance("crisis", logistic(k.delayLobbySlope * (k.delayLobbyThreshold - effectiveLean(world, m))))) m.whippedBy = plot.id;
    }
  } else if (delay) {
    record(world, {
      type: "plenum-demanded",
      audience: "public",
      text: delay.airlift
        ? `The Army flies Central Committee members to Moscow; they demand a plenum at once and the majority cannot put it off.`
        : `${delay.demanders} Central Committee members already in Moscow demand a plenum at once; the majority cannot put it off.`,
    });
  }
  const present = attendance(ctx, plot, sides, appeal);
  record(world, {
    type: "plenum-convened",
    audience: "public",
    text: `The Central Committee plenum meets with ${present.length} of ${votingCc(world).length} voting members present.`,
    data: { present: present.length },
  });
  const presidiumShare = session.for / session.voters;
  const base = present.map((m) => {
    const patronLine = m.patron === leader ? k.patron : m.patron && plot.members.includes(m.patron) ? -k.patron : 0;
    return [
      term("lean toward the leader", k.lean * effectiveLean(world, m)),
      term("patron's line", patronLine),
      term("pledged to the plot", m.whippedBy === plot.id ? -k.pledged : 0),
      term("the leader stepped down", appeal ? 0 : -k.steppedDown),
      term("the Presidium's verdict", -k.verdict * (1 - world.globals.ccArbiter) * (presidiumShare - 0.5) * VOTE_MARGIN_SPAN),
      term("chance", k.chance * ctx.rng.normal("crisis")),
    ];
  });
  // Open voting: members watch the hall. Iterate the cascade to a fixed point.
  let share = base.filter((t) => utility(t) > 0).length / Math.max(1, present.length);
  for (let i = 0; i < k.cascadeRounds; i++) {
    share = base.filter((t) => utility(t) + k.hallMood * (share - 0.5) > 0).length / Math.max(1, present.length);
  }
  const finalShare = share;
  let forLeader = 0;
  present.forEach((m, i) => {
    const terms = [...base[i], term("the mood of the hall", k.hallMood * (finalShare - 0.5))];
    const u = utility(terms);
    const votesForLeader = u > 0;
    if (votesForLeader) forLeader++;
    record(world, {
      type: "plenum-vote",
      audience: "public",
      text: `${m.name ?? m.id} (${m.region}) votes ${votesForLeader ? "for" : "against"} ${nameOf(world, leader)}.`,
      data: { plot: plot.id, member: m.id },
      options: [
        { option: "for-leader", utility: termValue(u), terms },
        { option: "against-leader", utility: 0, terms: [] },
      ],
      chosen: votesForLeader ? "for-leader" : "against-leader",
    });
  });
  const againstLeader = present.length - forLeader;
  const winningShare = present.length ? Math.max(forLeader, againstLeader) / present.length : 1;
  record(world, {
    type: "plenum-result",
    audience: "public",
    text: `The plenum votes ${forLeader} for ${nameOf(world, leader)} and ${againstLeader} against.`,
    data: { plot: plot.id, forLeader, againstLeader, present: present.length, winningShare },
  });
  return { forLeader, againstLeader, present: present.length, winningShare };
}

/** Fates, succession and aftermath for a contest that has been decided. */
export function finish(ctx: DecisionContext, plot: Plot, contest: ContestRecord, winner: "leader" | "plot", leaderCircumstances: FateCircumstances, settledByCc = false): void {
  const world = ctx.world;
  const leader = plot.target;
  contest.winner = winner;
  const fates: Fate[] = [];
  if (winner === "plot") {
    plot.stage = "succeeded";
    const vacated = [...world.principals[leader].posts];
    contest.fates[leader] = rollFate(ctx, leader, leaderCircumstances);
    fates.push(contest.fates[leader]);
    const successor = claimants(world, plot.members)[0] ?? claimants(world, presidiumVoters(world))[0];
    shareOutPosts(world, vacated, plot.members, successor);
    for (const m of plot.members) {
      const p = world.principals[m];
      if (canAct(p) && p.presidium === "candidate") p.presidium = "full";
    }
    purgeClients(world, [leader], successor);
    contest.newFirstSecretary = successor;
    contest.successorWasPlotter = plot.members.includes(successor);
    record(world, { type: "succession", audience: "public", actor: successor, text: `${nameOf(world, successor)} is elected First Secretary.` });
    for (const id of world.order) {
      const p = world.principals[id];
      p.beliefs = p.beliefs.filter((b) => b.plotId !== plot.id);
      // A new leader starts with goodwill: more from those who made him, and from those who trust him.
      const g = world.params.crisis.aftermath;
      p.opinionOfLeader = id === successor ? 1 : clamp(g.goodwillBase + (plot.members.includes(id) ? g.goodwillPlotter : 0) + g.goodwillTrust * (p.trust[successor] ?? 0), -1, 1);
      p.grievances = p.grievances.filter((g) => g.against !== leader);
      p.suspicion = {};
    }
  } else {
    plot.stage = "failed";
    const known = plot.members.filter((m) => canAct(world.principals[m]));
    const vacated: Id[] = [];
    for (const m of known) {
      vacated.push(...world.principals[m].posts);
      contest.fates[m] = rollFate(ctx, m, { lostFight: true, resigned: false, force: contest.force });
      fates.push(contest.fates[m]);
    }
    const loyalists = world.order.filter((id) => id !== leader && canAct(world.principals[id]) && !known.includes(id));
    shareOutPosts(world, vacated, claimants(world, loyalists), null);
    purgeClients(world, known, leader);
    for (const id of world.order) {
      const p = world.principals[id];
      p.beliefs = p.beliefs.filter((b) => b.plotId !== plot.id);
    }
  }
  // Kingmakers become threats: whoever commands organs that decided a contest is watched afterwards.
  const newLeader = contest.newFirstSecretary;
  for (const chief of securityChiefs(world)) {
    if (chief !== newLeader && canAct(world.principals[chief])) {
      const s = world.principals[newLeader].suspicion;
      s[chief] = Math.min(1, (s[chief] ?? 0) + world.params.crisis.aftermath.kingmakerSuspicion * (1 - world.principals[chief].traits.restraint));
    }
  }
  aftermath(world, fates, settledByCc, contest.force);
  world.contests.push(contest);
}

/** The organs' arithmetic as the leader sees it: whose man each security chief is. */
export function organsWithLeader(world: World, leader: Id): number {
  let n = 0;
  for (const chief of securityChiefs(world)) {
    const c = world.principals[chief];
    const k = world.params.crisis.organsWithLeader;
    if (chief !== leader && (c.patron === leader || (world.principals[leader].trust[chief] ?? 0) > k.trust) && !(world.principals[leader].suspicion[chief] > k.suspicion)) n++;
  }
  return n;
}

