// What a seat can work out from what it knows (MODEL.md section 9): its read of each colleague's
// stance toward the first man and of their regard for it, the Central Committee's likely vote by
// constituency, and the odds of the moves it is in or has heard of. Every figure is built only from
// the seat's own state, the log entries whose audience includes it, and what the rules treat as
// public (posts, patrons, grievances, policies, prestige). Each read carries its spread and evidence.
import { term, termValue } from "./ai/choice.js";
import { canKnow, nameOf } from "./log.js";
import { canAct, clamp, grievanceAgainst, logistic, regardOf, trustOf, votingCc } from "./queries.js";
import { attitude } from "./rules/cadres.js";
import { estimateSuccess } from "./rules/estimate.js";
import type { Id, LogEntry, MoveBelief, Reason, World } from "./state.js";
import { summarize } from "./summary.js";

/** An estimate: `value` in -1..1, give or take `spread`, with the evidence behind it. */
export interface Read {
  value: number;
  spread: number;
  basis: Reason[];
}

export interface BoardRow {
  id: Id;
  role: "leader" | "you" | "colleague";
  /** Toward the first man: +1 his loyal man, -1 wants him gone. Null for him, for the fallen, with no first man. */
  stance: Read | null;
  /** Their regard for you. Null for yourself and for the fallen. */
  regard: Read | null;
}

export interface CcRowEstimate {
  constituency: Id;
  voting: number;
  candidates: number;
  near: number;
  mid: number;
  far: number;
  /** Expected share of the row's voting members who would back the first man, give or take `spread`. */
  support: number;
  spread: number;
  yourClients: number;
  leaderClients: number;
  /** Members pledged to your move; null when you are in none. */
  pledgedToYou: number | null;
}

export interface MoveEstimate {
  move: string;
  target: Id;
  member: boolean;
  knownMembers: Id[];
  certainty: number;
  source: MoveBelief["source"];
  since: string;
  /** Your estimate that it would win if launched now, and the chances it multiplies. */
  odds: number;
  factors: { factor: string; chance: number }[];
  /** The Presidium as you count it: the votes you count on, those needed (the target votes too; a tie keeps him). */
  presidium: { counted: number; voters: number; needed: number; expected: number };
  pledged: number | null;
  alarm: number | null;
}

export interface PlenumTally {
  move: string;
  date: string;
  rows: { constituency: Id; forTarget: number; againstTarget: number }[];
  forTarget: number;
  againstTarget: number;
}

export interface SeatEstimates {
  board: BoardRow[];
  cc: { rows: CcRowEstimate[]; support: number; spread: number; voting: number };
  moves: MoveEstimate[];
  plenums: PlenumTally[];
}

export function seatEstimates(world: World, seat: Id): SeatEstimates {
  const me = world.principals[seat];
  if (!me) throw new Error(`unknown seat "${seat}"`);
  const seen = world.log.filter((e) => canKnow(e, seat));
  const evidence = gatherEvidence(world, seat, seen);
  return {
    board: world.order.map((id) => boardRow(world, seat, id, evidence)),
    cc: ccEstimate(world, seat),
    moves: moveEstimates(world, seat),
    plenums: plenumTallies(world, seen),
  };
}

interface Evidence {
  leader: Id | null;
  votedAgainstLeader: Map<Id, { against: boolean; date: string }>;
  warned: Set<Id>;
  accused: Map<Id, number>;
  approachedMe: Set<Id>;
  myApproaches: Map<Id, string>;
  reportedMe: Set<Id>;
  known: Map<Id, number>;
  fellows: Set<Id>;
}

function gatherEvidence(world: World, seat: Id, seen: readonly LogEntry[]): Evidence {
  const leader = world.primacy;
  const e: Evidence = { leader, votedAgainstLeader: new Map(), warned: new Set(), accused: new Map(), approachedMe: new Set(), myApproaches: new Map(), reportedMe: new Set(), known: new Map(), fellows: new Set() };
  let leaderSince = "";
  for (const entry of seen) if (entry.type === "primacy" && entry.actor === leader) leaderSince = entry.date;
  const targets = new Map(world.moves.map((m) => [m.id, m.target]));
  for (const entry of seen) {
    const data = entry.data ?? {};
    const move = typeof data.move === "string" ? data.move : "";
    if (entry.type === "presidium-vote" && entry.actor && entry.date >= leaderSince && targets.get(move) === leader && entry.actor !== leader) {
      e.votedAgainstLeader.set(entry.actor, { against: entry.chosen === "for", date: entry.date });
    } else if (entry.type === "warning") {
      const source = typeof data.source === "string" ? data.source : null;
      const credibility = typeof data.credibility === "number" ? data.credibility : 0.5;
      const accused = Array.isArray(data.accused) ? data.accused.filter((a): a is string => typeof a === "string") : [];
      if (source) e.warned.add(source);
      for (const a of accused) e.accused.set(a, Math.max(e.accused.get(a) ?? 0, credibility));
      if (source && accused.includes(seat)) e.reportedMe.add(source);
    } else if (entry.type === "approach") {
      const approacher = typeof data.approacher === "string" ? data.approacher : null;
      const recruit = typeof data.recruit === "string" ? data.recruit : null;
      if (approacher && recruit === seat) e.approachedMe.add(approacher);
      if (approacher === seat && recruit && entry.chosen) e.myApproaches.set(recruit, entry.chosen);
    }
  }
  for (const b of world.principals[seat].beliefs) {
    const certainty = b.source === "member" ? 1 : b.certainty;
    for (const m of b.knownMembers) if (m !== seat) e.known.set(m, Math.max(e.known.get(m) ?? 0, certainty));
    if (b.source === "member") for (const m of b.knownMembers) if (m !== seat) e.fellows.add(m);
  }
  return e;
}

class ReadBuilder {
  private value: number;
  private spread: number;
  private readonly basis: Reason[] = [];
  constructor(prior: number, spread: number, why: string) {
    this.value = prior;
    this.spread = spread;
    this.basis.push(term(why, prior));
  }
  add(why: string, shift: number, narrowing: number): void {
    this.value += shift;
    this.spread *= narrowing;
    this.basis.push(term(why, shift));
  }
  done(min: number): Read {
    return { value: round(clamp(this.value, -1, 1)), spread: round(Math.max(min, this.spread)), basis: this.basis.filter((b) => b.value !== 0 || this.basis.length === 1) };
  }
}

function boardRow(world: World, seat: Id, id: Id, ev: Evidence): BoardRow {
  const p = world.principals[id];
  const k = world.params.player.read;
  const role = id === seat ? "you" : id === ev.leader ? "leader" : "colleague";
  const fallen = !p.alive || p.fate !== null;
  let stance: Read | null = null;
  if (ev.leader !== null && id !== ev.leader && !fallen) {
    if (role === "you") stance = { value: round(regardOf(p, ev.leader)), spread: 0, basis: [term("your own opinion of him", regardOf(p, ev.leader))] };
    else stance = stanceRead(world, seat, id, ev);
  }
  const regard = role === "you" || fallen ? null : regardRead(world, seat, id, ev);
  void k;
  return { id, role, stance, regard };
}

function stanceRead(world: World, seat: Id, id: Id, ev: Evidence): Read {
  const k = world.params.player.read;
  const p = world.principals[id];
  const me = world.principals[seat];
  const leader = ev.leader!;
  const r = new ReadBuilder(k.prior, k.spread, "colleagues back the first man in public");
  if (p.patron === leader) r.add(`owes his career to ${nameOf(world, leader)}`, k.client, k.clientNarrow);
  const grievance = Math.min(k.grievanceCap, grievanceAgainst(p, leader));
  if (grievance > 0) r.add(`known grievances against ${nameOf(world, leader)}`, -k.grievance * grievance, k.grievanceNarrow);
  const plotter = ev.known.get(id);
  if (plotter !== undefined) r.add(ev.fellows.has(id) ? "in your move" : "named as working against someone", -k.plotter * plotter, 1 - k.plotterNarrow * plotter);
  const vote = ev.votedAgainstLeader.get(id);
  if (vote) r.add(vote.against ? `voted against him (${vote.date})` : `stood by him in a session (${vote.date})`, vote.against ? -k.vote : k.voteFor, k.voteNarrow);
  if (ev.warned.has(id)) r.add("warned of a move", k.warned, k.warnedNarrow);
  const accused = ev.accused.get(id);
  if (accused !== undefined && plotter === undefined) r.add("accused in a warning", -k.accused * accused, k.accusedNarrow);
  if (seat === leader && (me.suspicion[id] ?? 0) > 0) r.add("your suspicion of him", -k.suspicion * me.suspicion[id], k.suspicionNarrow);
  const trust = trustOf(me, id);
  if (trust !== 0) r.add("your own sense of the man", k.trust * trust, k.trustNarrow);
  return r.done(k.minSpread);
}

function regardRead(world: World, seat: Id, id: Id, ev: Evidence): Read {
  const k = world.params.player.read;
  const p = world.principals[id];
  const me = world.principals[seat];
  const r = new ReadBuilder(0, k.spread, "no particular tie");
  if (p.patron === seat) r.add("your client: he owes you his career", k.client, k.clientNarrow);
  if (me.patron === id) r.add("your patron", k.patronRegard, k.clientNarrow);
  const trust = trustOf(me, id);
  if (trust !== 0) r.add(trust > 0 ? "you trust him, and trust tends to be returned" : "you distrust him, and it shows", k.mutualTrust * trust, k.trustNarrow);
  if (ev.fellows.has(id)) r.add("a fellow member of your move", k.fellow, k.clientNarrow);
  if (ev.approachedMe.has(id)) r.add("he trusted you enough to sound you out", k.fellow, k.clientNarrow);
  const answer = ev.myApproaches.get(id);
  if (answer === "join") r.add("joined when you sounded him out", k.fellow, k.clientNarrow);
  else if (answer === "report") r.add("turned you down to report you", -k.vote, k.voteNarrow);
  if (ev.reportedMe.has(id)) r.add("warned against you", -k.vote, k.voteNarrow);
  return r.done(k.minSpread);
}

/** The CC as the seat can judge it: each constituency's public mood toward the first man and patrons' lines. */
function ccEstimate(world: World, seat: Id): SeatEstimates["cc"] {
  const k = world.params.player.cc;
  const leader = world.primacy;
  const myMove = world.moves.find((m) => m.stage === "forming" && m.members.includes(seat)) ?? null;
  const out: CcRowEstimate[] = [];
  let total = 0;
  let variance = 0;
  let voting = 0;
  for (const row of world.rows) {
    const members = world.cadres.filter((c) => c.row === row.id && c.seat !== null);
    const voters = members.filter((c) => c.seat === "voting");
    const est: CcRowEstimate = { constituency: row.id, voting: voters.length, candidates: members.length - voters.length, near: 0, mid: 0, far: 0, support: 0, spread: 0, yourClients: 0, leaderClients: 0, pledgedToYou: myMove ? 0 : null };
    let support = 0;
    let v = 0;
    for (const c of voters) {
      est[c.distance]++;
      if (c.patron === seat) est.yourClients++;
      if (leader !== null && c.patron === leader) est.leaderClients++;
      if (myMove && c.pledge === myMove.id && est.pledgedToYou !== null) est.pledgedToYou++;
      // Public: the mood and the patron, not a man's own debts or pledges to others.
      const pub = leader === null ? 0 : attitude(world, { ...c, debts: {} }, leader) - (myMove && c.pledge === myMove.id ? k.pledged : 0);
      const p = logistic(k.slope * pub);
      support += p;
      v += p * (1 - p);
    }
    const n = voters.length || 1;
    est.support = round(support / n);
    est.spread = round(Math.sqrt(v) / n + k.floor);
    out.push(est);
    total += support;
    variance += v;
    voting += voters.length;
  }
  const n = voting || 1;
  return { rows: out, support: round(total / n), spread: round(Math.sqrt(variance) / n + k.floor), voting };
}

function moveEstimates(world: World, seat: Id): MoveEstimate[] {
  const me = world.principals[seat];
  const out: MoveEstimate[] = [];
  for (const b of me.beliefs) {
    const move = world.moves.find((m) => m.id === b.move);
    if (!move) continue;
    const member = move.members.includes(seat);
    const pledged = member ? votingCc(world).filter((c) => c.pledge === move.id).length : null;
    const est = canAct(me) ? estimateSuccess(world, me, move, { knownMembers: b.knownMembers, ...(pledged !== null ? { pledged } : {}) }) : null;
    out.push({
      move: b.move,
      target: b.target,
      member,
      knownMembers: [...b.knownMembers],
      certainty: round(b.certainty),
      source: b.source,
      since: b.since,
      odds: round(est?.odds ?? 0),
      factors: (est?.factors ?? []).map((f) => ({ factor: f.factor, chance: round(f.chance) })),
      presidium: est?.presidium ?? { counted: 0, voters: 0, needed: 0, expected: 0 },
      pledged,
      alarm: member ? round(move.alarm) : null,
    });
  }
  return out;
}

function plenumTallies(world: World, seen: readonly LogEntry[]): PlenumTally[] {
  const rowOf = new Map(world.cadres.map((c) => [c.id, c.row]));
  const tallies = new Map<string, PlenumTally>();
  for (const entry of seen) {
    if (entry.type !== "plenum-vote") continue;
    const move = typeof entry.data?.move === "string" ? entry.data.move : "";
    const member = typeof entry.data?.member === "string" ? entry.data.member : "";
    let tally = tallies.get(move);
    if (!tally) {
      tally = { move, date: entry.date, rows: [], forTarget: 0, againstTarget: 0 };
      tallies.set(move, tally);
    }
    const constituency = rowOf.get(member) ?? "unknown";
    let row = tally.rows.find((r) => r.constituency === constituency);
    if (!row) {
      row = { constituency, forTarget: 0, againstTarget: 0 };
      tally.rows.push(row);
    }
    if (entry.chosen === "keep") {
      row.forTarget++;
      tally.forTarget++;
    } else {
      row.againstTarget++;
      tally.againstTarget++;
    }
  }
  return [...tallies.values()];
}

function round(x: number): number {
  return termValue(x);
}

/** The outcome of a finished run as anyone could know it: the public record, not the archives. */
export interface PublicOutcome {
  endDate: string;
  startingLeader: Id | null;
  leader: Id | null;
  firstSecretary: Id | null;
  leaderRemoved: boolean;
  removalDate: string | null;
  contests: { date: string; target: Id; venue: string; winner: string; launchedWhileAway: boolean; fates: { who: Id; fate: string }[] }[];
  fates: { who: Id; fate: string }[];
}

export function publicOutcome(world: World): PublicOutcome {
  const s = summarize(world);
  return {
    endDate: s.endDate,
    startingLeader: s.startingLeader,
    leader: s.leader,
    firstSecretary: s.firstSecretary,
    leaderRemoved: s.leaderRemoved,
    removalDate: s.removalDate,
    contests: s.contests.map((c) => ({ date: c.date, target: c.target, venue: c.venue, winner: c.winner, launchedWhileAway: c.launchedWhileAway, fates: c.fates.map((f) => ({ who: f.who, fate: f.fate })) })),
    fates: s.contests.flatMap((c) => c.fates.map((f) => ({ who: f.who, fate: f.fate }))),
  };
}
