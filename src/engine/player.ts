// What a seat can work out from what it knows (MODEL.md section 7): its read of each colleague's
// stance and of their regard for it, the Central Committee's likely vote by constituency, and the
// odds of the plots it is in or has heard of. Every figure is built only from the seat's own state,
// the log entries whose audience includes it, and what the rules treat as public (posts, patrons,
// grievances, the policies in force, the leader's standing). Each read carries its spread and the
// pieces of evidence it rests on, so the player can see why.
import { term } from "./ai/choice.js";
import { canKnow, nameOf } from "./log.js";
import { canAct, clamp, grievanceAgainst, leaderOf, logistic } from "./queries.js";
import { effectiveLean, estimateSuccess } from "./rules/estimates.js";
import type { CcMember, Id, LogEntry, PlotBelief, Reason, World } from "./state.js";
import { summarize } from "./summary.js";

/** An estimate: `value` in -1..1, give or take `spread`, with the evidence behind it. */
export interface Read {
  value: number;
  spread: number;
  basis: Reason[];
}

export interface BoardRow {
  id: Id;
  /** "you" for the seat itself, even when the seat is the leader. */
  role: "leader" | "you" | "colleague";
  /** Toward the leader: +1 his loyal man, -1 wants him gone. Null for the leader and for the fallen. */
  stance: Read | null;
  /** Their regard for you: +1 a firm friend, -1 an enemy. Null for yourself and for the fallen. */
  regard: Read | null;
}

export interface CcRowEstimate {
  constituency: Id;
  voting: number;
  candidates: number;
  /** Voting members by distance from Moscow: who can reach a snap plenum. */
  near: number;
  mid: number;
  far: number;
  /** Expected share of the row's voting members who would vote for the leader, give or take `spread`. */
  support: number;
  spread: number;
  yourClients: number;
  leaderClients: number;
  /** Members pledged to your plot; null when you are in no plot. */
  pledgedToYou: number | null;
}

export interface PlotEstimate {
  plotId: string;
  member: boolean;
  knownMembers: Id[];
  certainty: number;
  source: PlotBelief["source"];
  since: string;
  /** Your estimate that it would win if launched now, and the chances it multiplies. */
  odds: number;
  factors: { factor: string; chance: number }[];
  /** Members only: CC members pledged, and how sure the plotters are that the leader is on to them. */
  whipped: number | null;
  alarm: number | null;
}

export interface PlenumTally {
  plotId: string;
  date: string;
  rows: { constituency: Id; forLeader: number; againstLeader: number }[];
  forLeader: number;
  againstLeader: number;
}

export interface SeatEstimates {
  board: BoardRow[];
  cc: { rows: CcRowEstimate[]; support: number; spread: number; voting: number };
  plots: PlotEstimate[];
  plenums: PlenumTally[];
}

const MIN_SPREAD = 0.05;

export function seatEstimates(world: World, seat: Id): SeatEstimates {
  const me = world.principals[seat];
  if (!me) throw new Error(`unknown seat "${seat}"`);
  const seen = world.log.filter((e) => canKnow(e, seat));
  const evidence = gatherEvidence(world, seat, seen);
  return {
    board: world.order.map((id) => boardRow(world, seat, id, evidence)),
    cc: ccEstimate(world, seat, evidence),
    plots: plotEstimates(world, seat),
    plenums: plenumTallies(world, seen),
  };
}

/** What the seat's log tells it about each colleague. */
interface Evidence {
  leader: Id;
  /** Last vote or speech in a session against the current leader: true if against him. */
  sessionStance: Map<Id, { against: boolean; date: string }>;
  /** Who warned the leader of a plot (as far as the seat saw), and who was accused. */
  warned: Set<Id>;
  accused: Map<Id, number>;
  /** Approaches the seat took part in. */
  approachedMe: Set<Id>;
  myApproaches: Map<Id, string>;
  /** Who warned the leader about the seat. */
  reportedMe: Set<Id>;
  /** Plotters the seat knows of (its beliefs), with how sure it is. */
  knownPlotters: Map<Id, number>;
  /** Fellow members of the seat's own plot. */
  fellowPlotters: Set<Id>;
}

function gatherEvidence(world: World, seat: Id, seen: readonly LogEntry[]): Evidence {
  const leader = leaderOf(world);
  const e: Evidence = {
    leader,
    sessionStance: new Map(),
    warned: new Set(),
    accused: new Map(),
    approachedMe: new Set(),
    myApproaches: new Map(),
    reportedMe: new Set(),
    knownPlotters: new Map(),
    fellowPlotters: new Set(),
  };
  // Votes cast against an earlier leader say little about the present one.
  let leaderSince = "";
  for (const entry of seen) if (entry.type === "succession" && entry.actor === leader) leaderSince = entry.date;
  for (const entry of seen) {
    const data = entry.data ?? {};
    if ((entry.type === "presidium-vote" || entry.type === "speech") && entry.actor && entry.date >= leaderSince && entry.actor !== leader) {
      e.sessionStance.set(entry.actor, { against: entry.chosen === "for", date: entry.date });
    } else if (entry.type === "warning") {
      const source = typeof data.source === "string" ? data.source : null;
      const credibility = typeof data.credibility === "number" ? data.credibility : 0.5;
      const accused = Array.isArray(data.accused) ? data.accused.filter((a): a is string => typeof a === "string") : [];
      if (source) e.warned.add(source);
      for (const a of accused) e.accused.set(a, Math.max(e.accused.get(a) ?? 0, credibility));
      if (source && accused.includes(seat)) e.reportedMe.add(source);
    } else if (entry.type === "approach") {
      const approacher = typeof data.approacher === "string" ? data.approacher : null;
      const target = typeof data.target === "string" ? data.target : null;
      if (approacher && target === seat) e.approachedMe.add(approacher);
      if (approacher === seat && target && entry.chosen) e.myApproaches.set(target, entry.chosen);
    }
  }
  const me = world.principals[seat];
  for (const belief of me.beliefs) {
    const certainty = belief.source === "member" ? 1 : belief.certainty;
    for (const m of belief.knownMembers) if (m !== seat) e.knownPlotters.set(m, Math.max(e.knownPlotters.get(m) ?? 0, certainty));
    if (belief.source === "member") for (const m of belief.knownMembers) if (m !== seat) e.fellowPlotters.add(m);
  }
  return e;
}

/** Accumulates evidence into a read: each piece shifts the value and narrows the spread. */
class ReadBuilder {
  private value: number;
  private spread: number;
  private readonly basis: Reason[] = [];
  constructor(prior: number, spread: number, priorReason: string) {
    this.value = prior;
    this.spread = spread;
    this.basis.push(term(priorReason, prior));
  }
  add(reason: string, shift: number, narrowing: number): void {
    this.value += shift;
    this.spread *= narrowing;
    this.basis.push(term(reason, shift));
  }
  done(): Read {
    return { value: round(clamp(this.value, -1, 1)), spread: round(Math.max(MIN_SPREAD, this.spread)), basis: this.basis.filter((b) => b.value !== 0 || this.basis.length === 1) };
  }
}

function boardRow(world: World, seat: Id, id: Id, ev: Evidence): BoardRow {
  const p = world.principals[id];
  const role = id === seat ? "you" : id === ev.leader ? "leader" : "colleague";
  const fallen = !p.alive || p.fate !== null;
  let stance: Read | null = null;
  if (role === "you" && id !== ev.leader) {
    stance = { value: round(world.principals[seat].opinionOfLeader), spread: 0, basis: [term("your own opinion of the leader", world.principals[seat].opinionOfLeader)] };
  } else if (role === "colleague" && !fallen) {
    stance = stanceRead(world, seat, id, ev);
  }
  const regard = role === "you" || fallen ? null : regardRead(world, seat, id, ev);
  return { id, role, stance, regard };
}

function stanceRead(world: World, seat: Id, id: Id, ev: Evidence): Read {
  const p = world.principals[id];
  const me = world.principals[seat];
  const leader = ev.leader;
  const r = new ReadBuilder(0.2, 0.55, "colleagues back the leader in public");
  if (p.patron === leader) r.add(`owes his career to ${nameOf(world, leader)}`, 0.35, 0.85);
  const grievance = Math.min(1.5, grievanceAgainst(p, leader));
  if (grievance > 0) r.add(`known grievances against ${nameOf(world, leader)}`, -0.4 * grievance, 0.9);
  const plotter = ev.knownPlotters.get(id);
  if (plotter !== undefined) r.add(ev.fellowPlotters.has(id) ? "in your plot" : "named as a plotter", -0.9 * plotter, 1 - 0.7 * plotter);
  else if (p.patron !== null && ev.knownPlotters.has(p.patron)) r.add("his patron is plotting", -0.2, 0.95);
  const vote = ev.sessionStance.get(id);
  if (vote) r.add(vote.against ? `spoke or voted against him (${vote.date})` : `stood by him in the session (${vote.date})`, vote.against ? -0.6 : 0.35, 0.5);
  if (ev.warned.has(id)) r.add("warned the leader of a plot", 0.5, 0.6);
  const accused = ev.accused.get(id);
  if (accused !== undefined && plotter === undefined) r.add("accused of plotting in a warning", -0.4 * accused, 0.85);
  if (seat === leader) {
    const suspicion = me.suspicion[id] ?? 0;
    if (suspicion > 0) r.add("your suspicion of him", -0.6 * suspicion, 0.9);
  }
  const trust = me.trust[id] ?? 0;
  if (trust !== 0) r.add("your own sense of the man", 0.2 * trust, 0.95);
  return r.done();
}

function regardRead(world: World, seat: Id, id: Id, ev: Evidence): Read {
  const p = world.principals[id];
  const me = world.principals[seat];
  const r = new ReadBuilder(0, 0.5, "no particular tie");
  if (p.patron === seat) r.add("your client: he owes you his career", 0.45, 0.8);
  if (me.patron === id) r.add("your patron", 0.3, 0.85);
  const trust = me.trust[id] ?? 0;
  if (trust !== 0) r.add(trust > 0 ? "you trust him, and trust tends to be returned" : "you distrust him, and it shows", 0.4 * trust, 0.9);
  if (ev.fellowPlotters.has(id)) r.add("a fellow plotter", 0.3, 0.8);
  if (ev.approachedMe.has(id)) r.add("he trusted you enough to sound you out", 0.3, 0.8);
  const answer = ev.myApproaches.get(id);
  if (answer === "join") r.add("joined when you sounded him out", 0.3, 0.8);
  else if (answer === "report") r.add("turned you down to report you", -0.6, 0.7);
  if (ev.reportedMe.has(id)) r.add("warned the leader about you", -0.6, 0.7);
  if (seat === ev.leader) {
    const vote = ev.sessionStance.get(id);
    if (vote?.against) r.add("voted against you", -0.4, 0.8);
  }
  return r.done();
}

/**
 * The CC as the seat can judge it: each member's public lean (the mood of his constituency under the
 * policies in force and the leader's standing, not his private leanings), his patron's line, and the
 * pledges the seat's own plot has collected.
 */
function ccEstimate(world: World, seat: Id, ev: Evidence): SeatEstimates["cc"] {
  const myPlot = world.plots.find((p) => (p.stage === "forming" || p.stage === "recruiting") && p.members.includes(seat)) ?? null;
  const rows = new Map<Id, CcMember[]>();
  for (const m of world.cc) {
    const list = rows.get(m.row);
    if (list) list.push(m);
    else rows.set(m.row, [m]);
  }
  const out: CcRowEstimate[] = [];
  let totalSupport = 0;
  let totalVariance = 0;
  let totalVoting = 0;
  for (const [row, members] of rows) {
    const voting = members.filter((m) => m.seat === "voting");
    // A constituency's general mood is known; where each man stands within it is not.
    const rowBase = voting.length ? voting.reduce((s, m) => s + m.baseLean, 0) / voting.length : 0;
    let support = 0;
    let variance = 0;
    const est: CcRowEstimate = {
      constituency: row,
      voting: voting.length,
      candidates: members.length - voting.length,
      near: 0,
      mid: 0,
      far: 0,
      support: 0,
      spread: 0,
      yourClients: 0,
      leaderClients: 0,
      pledgedToYou: myPlot ? 0 : null,
    };
    for (const m of voting) {
      est[m.distance]++;
      if (m.patron === seat) est.yourClients++;
      if (m.patron === ev.leader) est.leaderClients++;
      const publicLean = clamp(effectiveLean(world, m) - m.baseLean + rowBase, -1, 1);
      const patronLine = m.patron === ev.leader ? 1.2 : m.patron !== null && (ev.knownPlotters.has(m.patron) || (m.patron === seat && myPlot)) ? -1.2 : 0;
      const pledged = myPlot !== null && m.whippedBy === myPlot.id;
      if (pledged && est.pledgedToYou !== null) est.pledgedToYou++;
      const p = logistic(1.5 * (2 * publicLean + patronLine - (pledged ? 1.6 : 0)));
      support += p;
      variance += p * (1 - p);
    }
    const n = voting.length || 1;
    est.support = round(support / n);
    // Who turns up and how the hall sways are beyond anyone's reckoning: a floor under the spread.
    est.spread = round(Math.sqrt(variance) / n + 0.06);
    out.push(est);
    totalSupport += support;
    totalVariance += variance;
    totalVoting += voting.length;
  }
  const n = totalVoting || 1;
  return { rows: out, support: round(totalSupport / n), spread: round(Math.sqrt(totalVariance) / n + 0.06), voting: totalVoting };
}

function plotEstimates(world: World, seat: Id): PlotEstimate[] {
  const me = world.principals[seat];
  const out: PlotEstimate[] = [];
  for (const belief of me.beliefs) {
    const plot = world.plots.find((p) => p.id === belief.plotId);
    if (!plot) continue;
    const member = plot.members.includes(seat);
    // Only the plotters know how many CC members they have lined up.
    const asSeen = member ? plot : { ...plot, whippedCount: 0 };
    const est = canAct(me) ? estimateSuccess(world, me, asSeen, belief.knownMembers) : { odds: 0, factors: [] };
    out.push({
      plotId: belief.plotId,
      member,
      knownMembers: [...belief.knownMembers],
      certainty: round(belief.certainty),
      source: belief.source,
      since: belief.since,
      odds: round(est.odds),
      factors: est.factors.map((f) => ({ factor: f.factor, chance: round(f.chance) })),
      whipped: member ? plot.whippedCount : null,
      alarm: member ? round(plot.alarm) : null,
    });
  }
  return out;
}

function plenumTallies(world: World, seen: readonly LogEntry[]): PlenumTally[] {
  const rowOf = new Map(world.cc.map((m) => [m.id, m.row]));
  const tallies = new Map<string, PlenumTally>();
  for (const entry of seen) {
    if (entry.type !== "plenum-vote") continue;
    const plotId = typeof entry.data?.plot === "string" ? entry.data.plot : "";
    const member = typeof entry.data?.member === "string" ? entry.data.member : "";
    let tally = tallies.get(plotId);
    if (!tally) {
      tally = { plotId, date: entry.date, rows: [], forLeader: 0, againstLeader: 0 };
      tallies.set(plotId, tally);
    }
    const constituency = rowOf.get(member) ?? "unknown";
    let row = tally.rows.find((r) => r.constituency === constituency);
    if (!row) {
      row = { constituency, forLeader: 0, againstLeader: 0 };
      tally.rows.push(row);
    }
    if (entry.chosen === "for-leader") {
      row.forLeader++;
      tally.forLeader++;
    } else {
      row.againstLeader++;
      tally.againstLeader++;
    }
  }
  return [...tallies.values()];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The outcome of a finished run as anyone could know it: the public record, not the archives. */
export interface PublicOutcome {
  endDate: string;
  startingLeader: Id;
  firstSecretary: Id;
  leaderRemoved: boolean;
  removedByVote: boolean;
  removedByForce: boolean;
  removedWhileAway: boolean;
  removalDate: string | null;
  presidiumMovedAgainstLeader: boolean;
  survivedViaPlenum: boolean;
  plenums: { forLeader: number; againstLeader: number; present: number }[];
  /** Everyone who fell in a contest, with their fate (each was announced). */
  fates: { who: Id; fate: string }[];
}

export function publicOutcome(world: World): PublicOutcome {
  const s = summarize(world);
  return {
    endDate: s.endDate,
    startingLeader: s.startingLeader,
    firstSecretary: s.firstSecretary,
    leaderRemoved: s.leaderRemoved,
    removedByVote: s.removedByVote,
    removedByForce: s.removedByForce,
    removedWhileAway: s.removedWhileAway,
    removalDate: s.removalDate,
    presidiumMovedAgainstLeader: s.presidiumMovedAgainstLeader,
    survivedViaPlenum: s.survivedViaPlenum,
    plenums: s.plenums.map((p) => ({ forLeader: p.forLeader, againstLeader: p.againstLeader, present: p.present })),
    fates: s.fates.map((f) => ({ who: f.who, fate: f.fate })),
  };
}
