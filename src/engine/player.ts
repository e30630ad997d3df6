// What a seat can work out from what it knows (MODEL.md section 9): its read of each colleague's
// stance toward the first man and of their regard for it, the Central Committee's likely vote by
// constituency, and the odds of the moves it is in or has heard of. Every figure is built only from
// the seat's own state, the log entries whose audience includes it, and what the rules treat as
// public (posts, patrons, grievances, policies, prestige). Each read carries its spread and evidence.
import { optionId, term, termValue } from "./ai/choice.js";
import { rowEffect, rowMix } from "./constituencies.js";
import { canKnow, nameOf, pronoun, type Pronouns } from "./log.js";
import { powerShare } from "./power.js";
import { adoptedInRun, canAct, clamp, grievanceAgainst, hasPower, logistic, moveById, moveOf, presidiumVoters, regardOf, trustOf, votingCc } from "./queries.js";
import { threat, tie } from "./relations.js";
import { organWordsOf } from "./rules/alignment.js";
import { attitude, contestLean, nomineeName, nomineePatron } from "./rules/cadres.js";
import { targetCcEstimate } from "./rules/crisis.js";
import { atLeastOf, estimateSuccess, publicTurnChance, tallyDistribution } from "./rules/estimate.js";
import { transferVoteTerms, fillVoteTerms } from "./rules/governing.js";
import { chooseDemand, knownMembersOf, mayAskCadre, responseOptions } from "./rules/moves.js";
import type { Id, LogEntry, Move, MoveBelief, Principal, Reason, World } from "./state.js";
import { summarize, type RunSummary } from "./summary.js";
import { runTrends, type Trends } from "./trends.js";
import { majorityOf } from "./units.js";

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
  const board = world.order.map((id) => boardRow(world, seat, id, evidence));
  return {
    board,
    cc: ccEstimate(world, seat),
    moves: moveEstimates(believedWorld(world, seat, new Map(board.map((r) => [r.id, r]))), seat),
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
  /** Men known to be working against the first man himself, with how sure the seat is. */
  againstLeader: Map<Id, number>;
  fellows: Set<Id>;
}

function gatherEvidence(world: World, seat: Id, seen: readonly LogEntry[]): Evidence {
  const leader = world.primacy;
  const e: Evidence = { leader, votedAgainstLeader: new Map(), warned: new Set(), accused: new Map(), approachedMe: new Set(), myApproaches: new Map(), reportedMe: new Set(), known: new Map(), againstLeader: new Map(), fellows: new Set() };
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
    if (leader !== null && b.target === leader) for (const m of b.knownMembers) if (m !== seat) e.againstLeader.set(m, Math.max(e.againstLeader.get(m) ?? 0, certainty));
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
    if (role === "you") stance = { value: round(regardOf(p, ev.leader)), spread: 0, basis: [term(`your own opinion of ${pronoun(world, ev.leader).him}`, regardOf(p, ev.leader))] };
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
  if (p.patron === leader) r.add(`owes ${pronoun(world, id).his} career to ${nameOf(world, leader)}`, k.client, k.clientNarrow);
  const grievance = Math.min(k.grievanceCap, grievanceAgainst(p, leader));
  if (grievance > 0) r.add(`known grievances against ${nameOf(world, leader)}`, -k.grievance * grievance, k.grievanceNarrow);
  // A man known to be working against the first man is his enemy, whatever he says in public: the
  // seat's own knowledge outweighs every public sign (a member of one's own move is certain).
  const plotter = ev.againstLeader.get(id);
  if (plotter !== undefined) {
    const shift = -(1 + k.prior) * plotter - k.plotter * plotter;
    r.add(ev.fellows.has(id) ? `in your move against ${nameOf(world, leader)}` : `named as working against ${nameOf(world, leader)}`, shift, 1 - k.plotterNarrow * plotter);
  }
  const vote = ev.votedAgainstLeader.get(id);
  if (vote) r.add(vote.against ? `voted against ${pronoun(world, leader).him} (${vote.date})` : `stood by ${pronoun(world, leader).him} in a session (${vote.date})`, vote.against ? -k.vote : k.voteFor, k.voteNarrow);
  if (ev.warned.has(id)) r.add("warned of a move", k.warned, k.warnedNarrow);
  const accused = ev.accused.get(id);
  if (accused !== undefined && plotter === undefined && !ev.known.has(id)) r.add("accused in a warning", -k.accused * accused, k.accusedNarrow);
  if (seat === leader && (me.suspicion[id] ?? 0) > 0) r.add(`your suspicion of ${pronoun(world, id).him}`, -k.suspicion * me.suspicion[id], k.suspicionNarrow);
  const trust = trustOf(me, id);
  if (trust !== 0) r.add("your own sense of the man", k.trust * trust, k.trustNarrow);
  return r.done(k.minSpread);
}

function regardRead(world: World, seat: Id, id: Id, ev: Evidence): Read {
  const k = world.params.player.read;
  const p = world.principals[id];
  const me = world.principals[seat];
  const r = new ReadBuilder(0, k.spread, "no particular tie");
  const they = pronoun(world, id);
  if (p.patron === seat) r.add(`your client: ${they.he} owes you ${they.his} career`, k.client, k.clientNarrow);
  if (me.patron === id) r.add("your patron", k.patronRegard, k.clientNarrow);
  const trust = trustOf(me, id);
  if (trust !== 0) r.add(trust > 0 ? `you trust ${they.him}, and trust tends to be returned` : `you distrust ${they.him}, and it shows`, k.mutualTrust * trust, k.trustNarrow);
  if (ev.fellows.has(id)) r.add("a fellow member of your move", k.fellow, k.clientNarrow);
  if (ev.approachedMe.has(id)) r.add(`${they.he} trusted you enough to sound you out`, k.fellow, k.clientNarrow);
  const answer = ev.myApproaches.get(id);
  if (answer === "join") r.add(`joined when you sounded ${they.him} out`, k.fellow, k.clientNarrow);
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
    const constituency = rowOf.get(member) ?? (Object.hasOwn(world.principals, member) ? "leadership" : "unknown");
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
  /** How the starting leader left his place (RunSummary.leaderRemovedBy): a contest's venue, death, illness. */
  leaderRemovedBy: RunSummary["leaderRemovedBy"];
  removalDate: string | null;
  /** `date`: when the move was launched; `endedOn`: when it was decided (the plenum's day, if one sat). */
  contests: { date: string; endedOn: string; target: Id; venue: string; winner: string; launchedWhileAway: boolean; fates: { who: Id; fate: string }[] }[];
  fates: { who: Id; fate: string }[];
  /** The man whose case was still being fought when the run ended, if any (RunSummary.undecided). */
  undecided: Id | null;
  /** The epilogue's series: primacy, FEAR and the first man's clients' share of the CC are all public. */
  trends: Trends;
}

export function publicOutcome(world: World): PublicOutcome {
  const s = summarize(world);
  return {
    endDate: s.endDate,
    startingLeader: s.startingLeader,
    leader: s.leader,
    firstSecretary: s.firstSecretary,
    leaderRemoved: s.leaderRemoved,
    leaderRemovedBy: s.leaderRemovedBy,
    removalDate: s.removalDate,
    contests: s.contests.map((c) => ({ date: c.date, endedOn: c.endedOn, target: c.target, venue: c.venue, winner: c.winner, launchedWhileAway: c.launchedWhileAway, fates: c.fates.map((f) => ({ who: f.who, fate: f.fate })) })),
    fates: s.contests.flatMap((c) => c.fates.map((f) => ({ who: f.who, fate: f.fate }))),
    undecided: s.undecided,
    trends: runTrends(world),
  };
}

// ------------------------------------------------------------------------ what each option brings

/**
 * A Presidium count as the seat reckons it. `voters` are all who vote, the man whose case it is
 * among them when he has a vote (he votes against his own removal); `needed` is more than half of
 * them, so a tie keeps things as they are.
 */
export interface VoteCount {
  voters: number;
  needed: number;
  /** Votes for the motion the seat counts as certain (the seat's own, the pledged, the proposer's). */
  counted: number;
  /** Votes for the motion the seat expects in all. */
  expected: number;
  /** Votes the rules fix: the man whose case it is votes against it; the proposer votes for it. */
  fixed: { who: Id; vote: "for" | "against"; why: string }[];
  /** What a tie means here. */
  tie: string;
}

export interface OptionOutcome {
  /** The option, as `choice:target:detail`. */
  option: string;
  /** What the option brings about if it works, in words: the result the chance is the chance of. */
  result: string;
  /** The seat's estimate that this result comes about; null when nothing about it is left to chance. */
  chance: number | null;
  /** The estimate's uncertainty (give or take); given with every chance (null only when `chance` is). */
  spread: number | null;
  /** The chances the estimate multiplies, or the parts it is made of. */
  breakdown: { label: string; chance: number }[];
  votes: VoteCount | null;
  /** The rules that matter for this choice. */
  rules: string[];
  /** What may come of it besides, with its chance. */
  risks: { label: string; chance: number }[];
}

type Option = { choice: string; target?: Id; detail?: string; label: string; odds?: number; terms?: Reason[] };

/** The rule of a tie in a vote on removing `target`. */
function tieKeeps(world: World, target: Id): string {
  return `A tie keeps ${pronoun(world, target).him}: the motion needs more than half the votes.`;
}
const TIE_REJECTS = "A tie rejects the proposal: it needs more than half the votes.";

/** For the question the seat is asked now, what each option would bring, with the seat's own odds. */
export function optionOutcomes(world: World, seat: Id): OptionOutcome[] {
  const q = world.awaiting.find((a) => a.seat === seat);
  if (!q) return [];
  const ctx = new OutcomeContext(world, seat);
  // Every chance the seat is shown comes with its give-or-take, not only those reckoned vote by vote.
  return q.options.map((o) => {
    const out = tieToldOnce(ctx.outcome(q.kind, q.key, q.prompt, o));
    return out.chance !== null && out.spread === null ? { ...out, spread: ctx.spreadOf(out.chance) } : out;
  });
}

/** A count says what a tie means; its rules need not say it again (a play-test read it twice in one box). */
function tieToldOnce(out: OptionOutcome): OptionOutcome {
  const tie = out.votes?.tie;
  return tie !== undefined && out.rules.includes(tie) ? { ...out, rules: out.rules.filter((r) => r !== tie) } : out;
}


function logit(p: number): number {
  const x = clamp(p, 1e-9, 1 - 1e-9);
  return Math.log(x / (1 - x));
}

/**
 * The world as the seat believes it to be: every other man's hidden state (traits, opinions, trust,
 * suspicions, compromising material, what he knows of moves) replaced by what the seat can read of
 * him, and the CC members' private debts and the pledges to moves the seat is not in unknown. Rules
 * applied to it give the seat's estimate of what others would do; nothing in it can betray a secret.
 */
export function believedWorld(w: World, seat: Id, reads: ReadonlyMap<Id, BoardRow>): World {
  const principals: World["principals"] = {};
  for (const id of w.order) {
    const p = w.principals[id];
    if (id === seat) {
      principals[id] = p;
      continue;
    }
    const read = reads.get(id);
    const regard: Record<Id, number> = {};
    if (read?.regard) regard[seat] = read.regard.value;
    if (read?.stance && w.primacy !== null) regard[w.primacy] = read.stance.value;
    principals[id] = {
      ...p,
      traits: { ambition: 0.5, boldness: 0.5, loyalty: 0.5, competence: 0.5, overconfidence: 0.5, restraint: 0.5, ideology: 0 },
      regard,
      trust: {},
      kompromat: {},
      suspicion: {},
      beliefs: [],
      believesCcDecides: w.globals.ccArbiter,
    };
  }
  const mine = new Set(w.moves.filter((m) => m.members.includes(seat)).map((m) => m.id));
  return {
    ...w,
    principals,
    cadres: w.cadres.map((c) => ({ ...c, debts: {}, pledge: c.pledge !== null && mine.has(c.pledge) ? c.pledge : null, refused: Object.fromEntries(Object.entries(c.refused).filter(([m]) => mine.has(m))) })),
    moves: w.moves.map((m) => (mine.has(m.id) ? { ...m, members: knownMembersOf(w, seat, m) } : { ...m, exposure: 0, alarm: 0, refusals: [] })),
    log: [],
  };
}

class OutcomeContext {
  readonly me: Principal;
  private beliefs: World | null = null;
  private reads: Map<Id, BoardRow> | null = null;

  constructor(
    readonly world: World,
    readonly seat: Id,
  ) {
    this.me = world.principals[seat];
  }

  /**
   * The world as the seat believes it to be: every other man's hidden state (traits, opinions,
   * trust, suspicions, compromising material, what he knows of moves) replaced by what the seat can
   * read of him, and the CC members' private debts and pledges unknown. Rules applied to it give
   * the seat's estimate of what others would do.
   */
  believed(): World {
    this.beliefs ??= believedWorld(this.world, this.seat, this.boardReads());
    return this.beliefs;
  }

  boardReads(): Map<Id, BoardRow> {
    if (!this.reads) {
      const seen = this.world.log.filter((e) => canKnow(e, this.seat));
      const ev = gatherEvidence(this.world, this.seat, seen);
      this.reads = new Map(this.world.order.map((id) => [id, boardRow(this.world, this.seat, id, ev)]));
    }
    return this.reads;
  }

  /**
   * The give-or-take of a chance whose reckoning gives none: it rests on what the other men in the
   * Presidium will do (or one man, given his read's spread), which the seat knows only as well as it
   * reads them. The reads' mean spread is carried through a vote's slope, as a proposal's count does
   * (at even odds, the same figure).
   */
  spreadOf(chance: number, readSpreads?: readonly number[]): number {
    const w = this.world;
    if (chance <= 0 || chance >= 1) return 0;
    const reads = this.boardReads();
    const spreads =
      readSpreads ??
      presidiumVoters(w)
        .filter((v) => v !== this.seat)
        .map((v) => reads.get(v)?.stance?.spread ?? reads.get(v)?.regard?.spread ?? w.params.player.read.spread);
    if (!spreads.length) return 0;
    const mean = spreads.reduce((a, b) => a + b, 0) / spreads.length;
    const shift = (w.params.presidium.vote.regard * mean) / w.params.ai.vote.temperature / 2;
    const hi = logistic(logit(chance) + shift);
    const lo = logistic(logit(chance) - shift);
    return round(Math.min(0.5, (hi - lo) / 2));
  }

  outcome(kind: string, key: string, prompt: string, o: Option): OptionOutcome {
    const base: OptionOutcome = { option: optionId(o), result: o.label, chance: null, spread: null, breakdown: [], votes: null, rules: [], risks: [] };
    switch (kind) {
      case "weekly":
        return this.weekly(o, base);
      case "presidium-business":
        return this.business(key, prompt, o, base);
      case "vote":
      case "speech":
      case "session-tactic":
      case "answer":
        return this.session(kind, o, base);
      case "strike":
        return this.strike(key, o, base);
      case "respond":
        return this.respond(key, o, base);
      case "align":
        return this.align(o, base);
      case "concession":
        return this.concession(o, base);
      case "plenum-date":
        return { ...base, result: "The plenum backs the Presidium majority", chance: this.plenumHope(true), rules: [o.choice === "convene" ? "Only members already in Moscow will vote tomorrow." : "Members still travelling arrive; they can demand a plenum at once with enough signatures."] };
      case "organs-report":
        // The question's key names the move: w<week>:organs-report:<move>:<names>.
        return o.choice === "pass-on" ? { ...base, result: `${targetName(this.world, key.split(":")[2])} is warned by the organs` } : { ...base, result: `Nothing reaches ${targetName(this.world, key.split(":")[2])} from your officers`, rules: [`Another channel may still warn ${targetPronoun(this.world, key.split(":")[2]).him}.`] };
      case "warning":
        return o.choice === "take-seriously"
          ? { ...base, result: "You suspect the men named, and come back to Moscow if you are away", rules: ["Asking around alerts them: those in the move learn that you suspect them, and a move that knows it is found out is the readier to strike at once."] }
          : { ...base, result: "You carry on as before" };
      case "confronted": {
        // The key names the move (w<week>:confronted:<move>), whose target is the one who asks.
        const they = targetPronoun(this.world, key.split(":")[2]);
        return o.choice === "come-clean"
          ? { ...base, result: "You leave the move and name the others you know of", rules: [`An insider's account carries weight, though ${they.he} may still refuse to believe it.`, `Your fellow members learn that ${they.he} is on to them.`, `For a year you neither start nor are asked into a move against ${they.him}.`] }
          : { ...base, result: `You stay in the move, and it wins; ${they.he} knows your name`, chance: o.odds ?? null, rules: ["If the move fails, you cannot hope to be overlooked.", `Your fellow members learn that ${they.he} is on to them.`] };
      }
      default:
        return { ...base, chance: o.odds ?? null };
    }
  }

  // ----------------------------------------------------------------------------------- the week

  private weekly(o: Option, base: OptionOutcome): OptionOutcome {
    const w = this.world;
    const g = w.params.governing;
    const t = o.target ?? "";
    switch (o.choice) {
      case "lie-low":
        return { ...base, result: "Nothing happens; nothing is risked" };
      case "skip":
        return { ...base, result: "Quiet weeks pass until something concerns you (an approach, a warning, a vote, an offer, a death)", rules: ["You are asked again as soon as something touches you; a digest says what happened meanwhile."] };
      case "court":
        return { ...base, result: `${nameOf(w, t)}'s regard for you rises by about ${signedText(g.court.regardGain * (g.court.gainBase + this.me.traits.competence))}, ${pronoun(w, t).his} trust by ${signedText(g.court.trustGain)}` };
      case "court-constituency":
        return { ...base, result: `Their regard for you rises by about ${signedText(g.court.moodGain * (g.court.gainBase + this.me.prestige))}`, rules: ["A constituency's regard is what its Central Committee members start from when they vote."] };
      case "appoint": {
        const slot = w.slots.find((s) => s.id === t);
        const row = slot ? w.rows.find((r) => r.id === slot.row) : undefined;
        const next = w.congresses.find((c) => c.date > w.date && c.electsCc);
        const rules = [next ? `The ${next.title} (${next.date}) elects the next Central Committee from the holders of these posts on that day.` : "No congress is due before the end: the new man's seat in the CC waits for one."];
        if (!row?.senior) return { ...base, result: "Your man takes the post", rules: [...rules, "The displaced man's patron takes it as a grievance."] };
        const old = slot && slot.holder !== null ? w.cadres.find((c) => c.id === slot.holder) : undefined;
        const vote = this.businessVote(this.seat, (v) => (old?.patron === v ? -g.appoint.consentOwnMan : 0));
        return { ...base, result: "The Presidium consents and your man takes the post", chance: vote.chance, spread: vote.spread, votes: vote.votes, breakdown: vote.each, rules: [...rules, "A senior post needs the Presidium's consent.", TIE_REJECTS] };
      }
      case "propose-policy": {
        const policy = w.policies.find((p) => p.id === t);
        if (!policy) return base;
        const vote = this.businessVote(this.seat, (v) => g.policy.voteClients * this.clientsEffect(v, policy.effects) - g.policy.voteAggrieved * (policy.aggrieves[v] ?? 0));
        return {
          ...base,
          result: `The Presidium adopts it: ${policy.name}`,
          chance: vote.chance,
          spread: vote.spread,
          votes: vote.votes,
          breakdown: vote.each,
          rules: [TIE_REJECTS, "Each member weighs his own line (unknown to you), what it does to his clients' constituencies, and any grievance it gives him.", "If it fails you lose a little prestige; if it passes, the constituencies remember you as its champion."],
        };
      }
      case "travel": {
        const trip = w.trips.find((x) => x.id === t);
        return {
          ...base,
          result: `You are away from Moscow${trip ? ` for ${trip.days} days` : ""}, gaining prestige${trip?.constituency ? " and contacts in the regions" : ""}`,
          rules: ["While you are away a move against you can convene the Presidium; you need a day or more to fly back.", "A warning taken seriously brings you home at once."],
        };
      }
      case "gather-kompromat":
        return { ...base, result: `What you hold on ${nameOf(w, t)} grows`, rules: [`Material you hold weighs in speeches against ${pronoun(w, t).him} and can be brought into the open.`] };
      case "use-kompromat":
        return { ...base, result: `${nameOf(w, t)} loses prestige and ${pronoun(w, t).his} colleagues' regard`, rules: [`${pronoun(w, t).He} takes it as a grievance against you.`] };
      case "co-opt": {
        const nominee = t;
        const vote = this.businessVote(this.seat, (v) => {
          const k = g.vacancy;
          return k.nomineeRegard * this.regardFor(v, nominee) - k.balance * (nomineePatron(w, nominee) === this.seat ? 1 : 0) * (1 - w.globals.fear);
        });
        return { ...base, result: `${nomineeName(w, nominee)} becomes a full member of the Presidium`, chance: vote.chance, spread: vote.spread, votes: vote.votes, breakdown: vote.each, rules: [TIE_REJECTS] };
      }
      case "fill-post": {
        const post = w.posts[t];
        const nominee = o.detail ?? this.seat;
        const elected = post?.powers.includes("firstSecretary") ?? false;
        const vote = this.fillVote(t, nominee);
        return {
          ...base,
          result: `${nameOf(w, nominee)} becomes ${post?.title ?? t}`,
          chance: vote.chance,
          spread: vote.spread,
          votes: vote.votes,
          breakdown: vote.each,
          rules: [TIE_REJECTS, ...(elected ? ["The Central Committee's plenum then ratifies the choice.", "Colleagues dislike one man holding two top posts."] : [])],
        };
      }
      case "claim-post":
      case "reassign": {
        const post = w.posts[t];
        const reshuffle = o.choice === "reassign";
        const holder = reshuffle ? (post?.holders[0] ?? null) : (o.detail ?? null);
        const who = reshuffle ? (o.detail ?? null) : this.seat;
        if (holder === null || who === null) return base;
        const vote = this.businessVote(this.seat, this.transferTerms(who, holder));
        return {
          ...base,
          result: `${reshuffle ? `${nameOf(w, who)} becomes` : "You become"} ${post?.title ?? t}; ${nameOf(w, holder)} keeps ${pronoun(w, holder).his} seat`,
          chance: vote.chance,
          spread: vote.spread,
          votes: vote.votes,
          breakdown: vote.each,
          rules: [TIE_REJECTS, `Colleagues dislike one man holding two top posts; the man who loses the post votes to keep it${reshuffle ? ", the man who would take it votes for it" : ""}.`, `If the Presidium refuses, you lose a little prestige and some of your colleagues' goodwill; refused or carried, ${nameOf(w, holder)} holds it against you, and the post is not put to the Presidium again for months.`],
        };
      }
      case "purge":
      case "retire-ill": {
        const count = this.removalCount(t, [this.seat], null, 0, this.seat, o.choice === "retire-ill");
        const chance = o.choice === "purge" && o.odds !== undefined ? o.odds : count.chance;
        return {
          ...base,
          result: o.choice === "purge" ? `The Presidium votes ${nameOf(w, t)} out of ${pronoun(w, t).his} posts` : `${nameOf(w, t)} is retired "for reasons of age and health"`,
          chance,
          votes: count.votes,
          breakdown: [{ label: `each other member turns on ${pronoun(w, t).him}`, chance: count.each }],
          rules: [tieKeeps(w, t), ownCase(w, t), "A full member may appeal to the Central Committee's plenum.", "If the Presidium refuses, you lose prestige and your colleagues' goodwill."],
        };
      }
      case "purge-arrest":
        return { ...base, result: `The organs seize ${nameOf(w, t)}`, chance: o.odds ?? null, rules: ["Only organs whose chiefs are yours, or your clients', move on your word.", "If it fails, the others turn on you."] };
      case "report":
        return { ...base, result: `${targetName(w, t)} learns of the move, and who is in it as far as you know`, rules: [`If the move wins, the winners remember who warned ${pronoun(w, t).him}.`] };
      case "confront":
        return { ...base, result: `${nameOf(w, t)} denies it and stays in the move, or comes clean and names the others`, rules: ["A man facing a rumour denies it; one facing evidence he cannot deny may break.", "Either way the movers learn that you are on to them, and may strike sooner.", "A man you wrongly accuse resents it."] };
      case "demand-seat": {
        const first = t;
        const read = this.boardReads().get(first)?.regard;
        const k = g.demand;
        const mine = read?.value ?? 0;
        const spread = read?.spread ?? w.params.player.read.spread;
        // He grants it if his regard and trust (read as one) and a client's claim outweigh his caution and the threat you pose to him.
        const margin = 2 * mine + (this.me.patron === first ? k.client : 0) - k.threshold - k.rivalry * threat(w, w.principals[first], this.seat);
        const grant = normalAbove(margin, Math.SQRT2 * spread * 2);
        const vote = this.businessVote(first, (v) => g.vacancy.nomineeRegard * this.regardFor(v, this.seat) - g.vacancy.balance * (this.me.patron === first ? 1 : 0) * (1 - w.globals.fear), null);
        const chance = grant * vote.chance;
        return {
          ...base,
          result: "You become a full member of the Presidium",
          chance,
          // The read's spread is in the units of a regard, not of a chance: carried through.
          spread: this.spreadOf(chance),
          votes: vote.votes,
          breakdown: [
            { label: `${nameOf(w, first)} agrees to propose you`, chance: grant },
            { label: "the Presidium votes you in", chance: vote.chance },
          ],
          rules: ["A refusal leaves you with a grievance, and you cannot ask again for months.", TIE_REJECTS],
        };
      }
      case "overrule":
        return { ...base, result: `Your line is imposed in ${nameOf(w, t)}'s domain`, rules: [`${pronoun(w, t).He} takes it as a grievance, and thinks less of you.`] };
      case "give-up-post": {
        const nominee = o.detail ?? this.seat;
        const vote = this.fillVote(t, nominee);
        return {
          ...base,
          result: `You give up the post of ${w.posts[t]?.title ?? t}, and ${nameOf(w, nominee)} takes it`,
          chance: vote.chance,
          spread: vote.spread,
          votes: vote.votes,
          breakdown: vote.each,
          rules: ["The post is yours no more whatever the vote: if the Presidium refuses your man, it stays empty until someone else is proposed.", "Your colleagues take it as a return to collective leadership, and think better of you.", TIE_REJECTS],
        };
      }
      case "start-move":
        return this.startMove(t, base);
      case "sound-out":
        return this.soundOut(t, o.detail ?? null, base);
      case "lobby-cc":
        return this.lobby(base);
      default:
        return { ...base, chance: o.odds ?? null };
    }
  }

  /** The Presidium's vote on putting `nominee` into the post, as this seat can read it. */
  private fillVote(postId: Id, nominee: Id) {
    const bw = this.believed();
    return this.businessVote(this.seat, (v) => fillVoteTerms(bw, v, nominee, postId, this.regardFor(v, nominee)).reduce((s, t) => s + t.value, 0));
  }

  private startMove(target: Id, base: OptionOutcome): OptionOutcome {
    const w = this.world;
    const move = hypotheticalMove(w, this.seat, target);
    const est = estimateSuccess(this.believed(), this.me, move, { knownMembers: [this.seat] });
    return {
      ...base,
      result: `You begin, in secret, to work for ${nameOf(w, target)}'s removal (launched today with only you in it, it would win at ${Math.round(est.odds * 100)}%)`,
      breakdown: [{ label: "if launched today with only you in it, it would win", chance: est.odds }, ...est.factors.map((f) => ({ label: f.factor, chance: f.chance }))],
      votes: this.countFrom(est.presidium, target, [this.seat]),
      rules: ["Nothing happens at once: you then sound out colleagues and win over CC members, each a risk of exposure.", tieKeeps(w, target)],
    };
  }

  private soundOut(recruit: Id, offer: Id | null, base: OptionOutcome): OptionOutcome {
    const w = this.world;
    const move = moveOf(w, this.seat);
    if (!move) return base;
    const bw = this.believed();
    const bMove = bw.moves.find((m) => m.id === move.id) ?? move;
    const options = responseOptions(bw, bMove, this.seat, recruit, offer);
    const t = w.params.ai.choice.temperature;
    const us = options.map((x) => x.terms.reduce((s, term) => s + term.value, 0));
    const max = Math.max(...us);
    const e = us.map((u) => Math.exp((u - max) / t));
    const total = e.reduce((a, b) => a + b, 0);
    const chance = (choice: string) => e[options.findIndex((x) => x.choice === choice)] / total;
    const read = this.boardReads().get(recruit)?.regard;
    const they = pronoun(w, recruit);
    return {
      ...base,
      result: `${nameOf(w, recruit)} joins the move`,
      chance: chance("join"),
      // His read's spread is in the units of a regard (-1..1), not of a chance: carried through.
      spread: this.spreadOf(chance("join"), [read?.spread ?? w.params.player.read.spread]),
      breakdown: [{ label: `the move's chance as ${they.he} would see it, counting ${they.himself}`, chance: options[0].odds ?? 0 }],
      risks: [{ label: `${they.he} warns ${nameOf(w, move.target)}`, chance: chance("report") }],
      rules: [`${they.He} weighs the move's chances as you describe them (the members you name), your offer, ${they.his} grievances and ${they.his} tie to the target; ${they.his} traits are unknown to you, so the estimate takes ${they.him} for an average ${they.man}.`],
    };
  }

  private lobby(base: OptionOutcome): OptionOutcome {
    const w = this.world;
    const move = moveOf(w, this.seat);
    if (!move) return base;
    const bw = this.believed();
    const k = w.params.moves.lobby;
    const known = knownMembersOf(w, this.seat, move);
    const contacts = Math.round(k.contacts + (hasPower(w, this.seat, "cadres") || hasPower(w, this.seat, "secondSecretary") ? k.apparatusContacts : 0));
    const voters = presidiumVoters(w);
    const credibility = voters.length ? voters.filter((v) => known.includes(v)).length / voters.length : 0;
    const sides: Record<Id, "target" | "move"> = {};
    for (const m of known) sides[m] = "move";
    const bMove = { ...move, members: known };
    const prospects: { lean: number; s: number; loyal: number }[] = [];
    for (const c of votingCc(bw)) {
      if (c.pledge === move.id || c.patron === move.target || !mayAskCadre(w, c, move)) continue;
      const lean = contestLean(bw, c, bMove, sides);
      prospects.push({ lean, s: (c.patron === this.seat ? k.ownClient : c.patron !== null && known.includes(c.patron) ? k.memberClient : 0) - lean, loyal: Math.max(0, attitude(bw, c, move.target)) });
    }
    prospects.sort((a, b) => b.s - a.s);
    const asked = prospects.slice(0, contacts);
    const agree = asked.map((x) => logistic(k.leanSlope * -x.lean + k.credibility * (credibility - 0.5) + k.standing * powerShare(w, this.seat) + k.competence * (this.me.traits.competence - 0.5)));
    const expected = agree.reduce((a, b) => a + b, 0);
    const none = agree.reduce((p, x) => p * (1 - x), 1);
    const noLeak = asked.reduce((p, x, i) => p * (1 - (1 - agree[i]) * (k.leakBase + k.leakLoyal * x.loyal)), 1);
    return {
      ...base,
      result: `At least one Central Committee member pledges his vote (you expect ${expected.toFixed(1)} of the ${asked.length} you can reach this week)`,
      chance: asked.length ? 1 - none : 0,
      breakdown: agree.map((a, i) => ({ label: `contact ${i + 1} pledges`, chance: a })),
      risks: [{ label: "a member who refuses passes word of it on", chance: 1 - noLeak }],
      rules: ["Refusals are remembered: a member who said no is not asked again for a while.", "Pledges bind in the plenum unless the move has visibly collapsed; they can be withdrawn as its fortunes turn."],
    };
  }

  // ------------------------------------------------------------------------------ votes on business

  /** The seat's read of v's regard for q (its board reads for itself and the first man; unknown otherwise). */
  private regardFor(v: Id, q: Id): number {
    if (v === this.seat) return regardOf(this.me, q);
    const read = this.boardReads().get(v);
    if (q === this.seat) return read?.regard?.value ?? 0;
    if (q === this.world.primacy) return read?.stance?.value ?? 0;
    return 0;
  }

  private clientsEffect(v: Id, effects: Record<Id, number>): number {
    let sum = 0;
    let n = 0;
    for (const c of this.world.cadres) {
      if (c.patron !== v || c.seat === null || !rowMix(this.world, c.row)) continue;
      n++;
      sum += rowEffect(this.world, c.row, effects);
    }
    return n ? sum / n : 0;
  }

  /**
   * A proposal's chance in the Presidium as the seat reckons it: each other member votes yes with the
   * chance the rules give his terms (regard for the proposer as the seat reads it, fear of the first
   * man, the threat the proposer poses to him, routine, and the proposal's own terms).
   */
  private businessVote(proposer: Id, extra: (voter: Id) => number, mine: "yes" | "no" | null = "yes"): { chance: number; spread: number; votes: VoteCount; each: { label: string; chance: number }[] } {
    const w = this.world;
    const bw = this.believed();
    const k = w.params.presidium.vote;
    const temperature = w.params.ai.vote.temperature;
    const voters = presidiumVoters(w);
    const chances: number[] = [];
    const each: { label: string; chance: number }[] = [];
    const fixed: VoteCount["fixed"] = [];
    let counted = 0;
    let uncertain = 0;
    for (const v of voters) {
      if (v === proposer) {
        counted++;
        fixed.push({ who: v, vote: "for", why: `votes for ${pronoun(this.world, v).his} own proposal` });
        continue;
      }
      if (v === this.seat && mine !== null) {
        if (mine === "yes") counted++;
        fixed.push({ who: v, vote: mine === "yes" ? "for" : "against", why: "is you, voting as you chose" });
        continue;
      }
      const u = k.regard * this.regardFor(v, proposer) + (proposer === w.primacy ? k.fear * w.globals.fear : 0) - k.threat * threat(bw, bw.principals[v], proposer) + k.routine + extra(v);
      const p = logistic(u / temperature);
      chances.push(p);
      each.push({ label: `${nameOf(w, v)} votes yes`, chance: p });
      uncertain += (this.boardReads().get(v)?.regard?.spread ?? 0) * k.regard;
    }
    const needed = majorityOf(voters.length);
    const dist = tallyDistribution(chances);
    const chance = atLeastOf(dist, needed - counted);
    const expected = counted + chances.reduce((a, b) => a + b, 0);
    return { chance, each, spread: chances.length ? round(Math.min(0.5, uncertain / chances.length / temperature / 8)) : 0, votes: { voters: voters.length, needed, counted, expected: round(expected), fixed, tie: TIE_REJECTS } };
  }

  /** A voter's terms on `who` taking `holder`'s post, as this seat reads the voter (transferVoteTerms). */
  private transferTerms(who: Id, holder: Id): (v: Id) => number {
    const bw = this.believed();
    return (v) => transferVoteTerms(bw, v, who, holder, this.regardFor(v, holder), threat(bw, bw.principals[v], who)).reduce((sum, t) => sum + t.value, 0);
  }

  /** A vote on ordinary business: yes works for the proposal, no against it. */
  private business(key: string, prompt: string, o: Option, base: OptionOutcome): OptionOutcome {
    const w = this.world;
    const g = w.params.governing;
    const [what, id] = key.split(":").slice(2);
    // The question names the proposer first ("Khrushchev proposes ...").
    const proposer = w.order.find((p) => prompt.startsWith(`${nameOf(w, p)} proposes`)) ?? w.primacy ?? this.seat;
    let extra: (v: Id) => number = () => 0;
    let subject = "the proposal";
    if (what === "policy") {
      const policy = w.policies.find((p) => p.id === id);
      if (policy) {
        subject = policy.name;
        extra = (v) => g.policy.voteClients * this.clientsEffect(v, policy.effects) - g.policy.voteAggrieved * (policy.aggrieves[v] ?? 0);
      }
    } else if (what === "co-opt" && id) {
      subject = `${nomineeName(w, id)}'s co-option`;
      extra = (v) => g.vacancy.nomineeRegard * this.regardFor(v, id) - g.vacancy.balance * (nomineePatron(w, id) === proposer ? 1 : 0) * (1 - w.globals.fear);
    } else if (what === "fill" && id && w.posts[id]) {
      subject = `the appointment to ${w.posts[id].title}`;
      // The nominee: the proposer himself for the post the CC elects, else the man the question names.
      const nominee = w.order.find((p) => p !== proposer && prompt.includes(`proposes ${nameOf(w, p)} as`)) ?? proposer;
      const bw = this.believed();
      extra = (v) => fillVoteTerms(bw, v, nominee, id, this.regardFor(v, nominee)).reduce((sum, t) => sum + t.value, 0);
    } else if (what === "claim" && id && w.posts[id]?.holders[0]) {
      // A change of the post's holder: to the proposer himself, or to the man the question names.
      const holder = w.posts[id].holders[0];
      const who = w.order.find((p) => p !== proposer && p !== holder && prompt.includes(`and ${nameOf(w, p)} take it`)) ?? proposer;
      subject = `the change in the post of ${w.posts[id].title}`;
      extra = this.transferTerms(who, holder);
    } else if (what === "appoint" && id) {
      const slot = w.slots.find((x) => x.id === id);
      const old = slot && slot.holder !== null ? w.cadres.find((c) => c.id === slot.holder) : undefined;
      subject = "the appointment";
      extra = (v) => (old?.patron === v ? -g.appoint.consentOwnMan : 0);
    }
    const yes = o.choice === "yes";
    const vote = this.businessVote(proposer, extra, yes ? "yes" : "no");
    return {
      ...base,
      result: yes ? `The Presidium carries ${subject}` : `The Presidium rejects ${subject}`,
      chance: yes ? vote.chance : 1 - vote.chance,
      spread: vote.spread,
      votes: vote.votes,
      breakdown: vote.each,
      rules: [TIE_REJECTS, `${nameOf(w, proposer)} votes for ${pronoun(w, proposer).his} own proposal.`],
    };
  }

  // --------------------------------------------------------------------------------- removal votes

  /**
   * A removal vote as anyone could judge it (the rules' public estimate): the pledged and the
   * proposer count as votes for it; the man whose case it is votes against; every other member turns
   * on him with the same public chance, moved by the speeches' swing.
   */
  removalCount(target: Id, forMotion: readonly Id[], mine: "for" | "against" | null, swing: number, proposer: Id | null, health = false): { chance: number; each: number; votes: VoteCount } {
    const w = this.world;
    const voters = presidiumVoters(w);
    const fixed: VoteCount["fixed"] = [];
    let counted = 0;
    const others: Id[] = [];
    for (const v of voters) {
      if (v === target) {
        fixed.push({ who: v, vote: "against", why: `votes on ${pronoun(w, v).his} own case, against` });
      } else if (v === this.seat && mine !== null) {
        if (mine === "for") counted++;
        fixed.push({ who: v, vote: mine, why: "is you, voting as you chose" });
      } else if (forMotion.includes(v)) {
        counted++;
        fixed.push({ who: v, vote: "for", why: v === proposer ? "proposed it" : "pledged to the move" });
      } else others.push(v);
    }
    let each = others.length ? others.reduce((s, v) => s + publicTurnChance(w, w.principals[v], target, proposer), 0) / others.length : 0;
    // Speeches move the waverers; retiring a man long unable to work is a formality most accept.
    const shift = w.params.crisis.session.speeches * swing + (health ? w.params.crisis.session.health : 0);
    if (shift !== 0 && others.length) each = logistic(logit(each) + shift / w.params.ai.vote.temperature);
    const needed = majorityOf(voters.length);
    // Every undecided voter read at the same chance: the speeches' shift is read for the room, not the man.
    const chance = atLeastOf(tallyDistribution(new Array<number>(others.length).fill(each)), needed - counted);
    return { chance, each, votes: { voters: voters.length, needed, counted, expected: round(counted + each * others.length), fixed, tie: tieKeeps(w, target) } };
  }

  /** A move's Presidium count as estimateSuccess reckons it: the members one counts on vote for it, the target against. */
  private countFrom(p: { counted: number; voters: number; needed: number; expected: number }, target: Id, members: readonly Id[]): VoteCount {
    const voters = presidiumVoters(this.world);
    const fixed: VoteCount["fixed"] = voters.filter((v) => v !== target && members.includes(v)).map((v) => ({ who: v, vote: "for" as const, why: v === this.seat ? "is you, in the move" : `in the move: you count on ${pronoun(this.world, v).him}` }));
    if (voters.includes(target)) fixed.push({ who: target, vote: "against", why: `votes on ${pronoun(this.world, target).his} own case, against` });
    return { voters: p.voters, needed: p.needed, counted: p.counted, expected: round(p.expected), fixed, tie: tieKeeps(this.world, target) };
  }

  // ------------------------------------------------------------------------------------- a crisis

  private crisisMove(): Move | null {
    const c = this.world.crisis;
    return c ? (moveById(this.world, c.move) ?? null) : null;
  }

  /** The members of a launched move, as named when it was launched. */
  private launched(move: Move): Id[] {
    const entry = this.world.log.find((e) => e.type === "launch" && e.data?.move === move.id);
    const members = entry?.data?.members;
    return Array.isArray(members) ? members.filter((m): m is Id => typeof m === "string") : [];
  }

  /** The swing of the speeches already made today in this session, and of the seat's own. */
  private swingSoFar(move: Move): number {
    const k = this.world.params.crisis.speech;
    let swing = 0;
    for (const e of this.world.log) {
      if (e.type !== "speech" || e.data?.move !== move.id || e.date !== this.world.date || !e.actor) continue;
      const w = k.standing * powerShare(this.world, e.actor);
      swing += e.data?.line === "attack" ? w : -w;
    }
    return swing;
  }

  private session(kind: string, o: Option, base: OptionOutcome): OptionOutcome {
    const w = this.world;
    const move = this.crisisMove();
    if (!move) return { ...base, chance: o.odds ?? null };
    const target = move.target;
    const members = this.launched(move);
    const who = nameOf(w, target);
    const rules = [tieKeeps(w, target), ownCase(w, target), "Members pledged to the move vote for it unless it has visibly collapsed."];
    if (kind === "vote") {
      const mine = o.choice === "for" ? "for" : "against";
      const count = this.removalCount(target, members, mine, this.swingSoFar(move), move.open ? move.initiator : null, move.open === "health");
      return o.choice === "for"
        ? { ...base, result: `The Presidium votes for ${describeDemandOf(w, move)}`, chance: count.chance, votes: count.votes, breakdown: [{ label: "each undecided member votes for it", chance: count.each }], rules: [...rules, "The loser may still appeal to the Central Committee's plenum."] }
        : { ...base, result: `${who} keeps ${pronoun(w, target).his} posts in this vote`, chance: 1 - count.chance, votes: count.votes, breakdown: [{ label: "each undecided member votes for the motion", chance: count.each }], rules };
    }
    if (kind === "speech") {
      const k = w.params.crisis.speech;
      const weight = k.standing * powerShare(w, this.seat) + (o.choice === "attack" ? k.kompromatWeight * (this.me.kompromat[target] ?? 0) : 0);
      const swing = o.choice === "attack" ? weight : o.choice === "defend" ? -weight : 0;
      const count = this.removalCount(target, members, null, this.swingSoFar(move) + swing, move.open ? move.initiator : null, move.open === "health");
      const said = `Your words carry a weight of ${weight.toFixed(2)} with the waverers (your share of power${o.choice === "attack" && (this.me.kompromat[target] ?? 0) > 0 ? " and the files you read out" : ""}).`;
      if (o.choice === "defend") return { ...base, result: `${who} keeps ${pronoun(w, target).his} posts in the roll-call that follows`, chance: 1 - count.chance, votes: count.votes, rules: [said, ...rules] };
      if (o.choice === "attack") return { ...base, result: `The Presidium votes for ${describeDemandOf(w, move)} in the roll-call that follows`, chance: count.chance, votes: count.votes, rules: [said, ...rules] };
      return { ...base, result: "You say nothing that could be held against you; the roll-call goes as the others' speeches move it", breakdown: [{ label: "the motion carries without your word", chance: count.chance }], votes: count.votes, rules };
    }
    // The target's own choices.
    const count = this.removalCount(target, members, null, this.swingSoFar(move), move.open ? move.initiator : null, move.open === "health");
    switch (o.choice) {
      case "fight":
        return { ...base, result: "The Presidium's vote goes your way", chance: 1 - count.chance, votes: count.votes, rules };
      case "stall":
      case "plenum":
        return { ...base, result: "The Central Committee's plenum keeps you", chance: this.plenumHope(false), rules: ["Members reach Moscow over days, sooner when organs on your side fly them in.", "A tie in the plenum keeps you.", "Losing a fight you chose risks a harsher fate."] };
      case "resign":
        return { ...base, result: "You are released from your posts and retired on a pension", rules: ["A man who goes quietly is treated mildly: the winners decide his fate.", "A post the Central Committee elects is given up only at its plenum, which meets when the members have come to Moscow."] };
      case "concede": {
        const leader = moveLeaderOf(w, move);
        const k = w.params.crisis.concession;
        const kept = o.detail ? w.posts[o.detail]?.value ?? 0 : 0;
        const bw = this.believed();
        const accept = k.peace + k.restraint * 0.5;
        const insist = k.kept * kept + (leader ? k.threat * threat(bw, bw.principals[leader], this.seat) : 0) + k.ambition * 0.5;
        const t = w.params.ai.choice.temperature;
        const chance = 1 / (1 + Math.exp((insist - accept) / t));
        return { ...base, result: `The majority accepts and you keep the post of ${o.detail ? (w.posts[o.detail]?.title ?? o.detail) : "your choice"}`, chance, rules: ["If they insist, you must choose again between going quietly and the plenum."] };
      }
      default:
        return { ...base, chance: o.odds ?? null };
    }
  }

  private strike(key: string, o: Option, base: OptionOutcome): OptionOutcome {
    const w = this.world;
    const move = moveById(w, key.split(":")[2] ?? "") ?? moveOf(w, this.seat);
    if (!move) return { ...base, chance: o.odds ?? null };
    if (o.choice === "wait") return { ...base, result: "Nothing yet: the move keeps building", rules: ["Every week more may leak; the target may hear of it and strike first."] };
    if (o.choice === "arrest") return { ...base, result: `${nameOf(w, move.target)} is arrested`, chance: o.odds ?? null, rules: [`Organs the target commands ${pronoun(w, move.target).himself} cannot be turned on ${pronoun(w, move.target).him}.`, "If it fails, the movers are exposed and judged."] };
    const est = estimateSuccess(this.believed(), this.me, move, { knownMembers: knownMembersOf(w, this.seat, move), pledged: votingCc(w).filter((c) => c.pledge === move.id).length });
    return {
      ...base,
      result: `The move wins: ${describeDemandOf(w, move)}`,
      chance: est.odds,
      breakdown: est.factors.map((f) => ({ label: f.factor, chance: f.chance })),
      votes: this.countFrom(est.presidium, move.target, knownMembersOf(w, this.seat, move)),
      rules: [tieKeeps(w, move.target), "A First Secretary, or a full member who appeals, can take it to the Central Committee's plenum.", "The chances multiply: the move needs all of them."],
    };
  }

  private respond(key: string, o: Option, base: OptionOutcome): OptionOutcome {
    const w = this.world;
    const move = moveById(w, key.split(":")[2] ?? "");
    if (!move) return { ...base, chance: o.odds ?? null };
    const join = o.choice === "join";
    const told = knownMembersOf(w, this.seat, move);
    const est = estimateSuccess(this.believed(), this.me, move, { knownMembers: told, counting: this.seat });
    const p = est.odds;
    const target = nameOf(w, move.target);
    if (join) {
      return {
        ...base,
        result: `You are in a move that wins (${describeDemandOf(w, move)})`,
        chance: est.odds,
        breakdown: est.factors.map((f) => ({ label: f.factor, chance: f.chance })),
        votes: this.countFrom(est.presidium, move.target, [...told, this.seat]),
        risks: [{ label: "put to the vote today, it fails, and you share the losers' fate", chance: 1 - est.odds }],
        rules: [
          tieKeeps(w, move.target),
          "A promise of a post binds the man who made it only if the move wins.",
          // A play-test read the jump from this estimate to the member's, once in, as a fault.
          "You reckon from what you were told: the members named to you. Once in, you learn the rest of the move and the Central Committee members pledged to it, and your estimate may change a great deal.",
        ],
      };
    }
    const k = w.params.moves.soundOut;
    if (o.choice === "report") {
      return { ...base, result: `${target} learns of the move, and who sounded you out`, rules: [`If the move wins anyway, its winners remember who warned ${pronoun(w, move.target).him}.`], risks: [{ label: "the move wins anyway (as you reckon it with you outside it)", chance: p }] };
    }
    return {
      ...base,
      result: "You stay out of it, and say nothing",
      risks: [{ label: "word of the approach still leaks from you", chance: clamp(k.refuserLeakBase + k.refuserLeakTie * tie(w, this.me, move.target)) }],
      rules: ["If it wins without you, your standing under the new men suffers."],
    };
  }

  private align(o: Option, base: OptionOutcome): OptionOutcome {
    const w = this.world;
    const move = this.crisisMove();
    if (!move) return base;
    // The move's chances with this chief's organs where this option puts them.
    const side = o.choice === "target" || o.choice === "move" ? o.choice : "neutral";
    let est: { odds: number; breakdown: { label: string; chance: number }[] };
    if (move.open && w.crisis?.venue !== "force") {
      // An open proposal (a purge, a retirement for health) is decided by the Presidium's vote alone.
      const count = this.removalCount(move.target, [move.initiator], null, 0, move.initiator, move.open === "health");
      est = { odds: count.chance, breakdown: [{ label: "each other member votes for it", chance: count.each }] };
    } else {
      const e = estimateSuccess(this.believed(), this.me, move, { knownMembers: this.launched(move), organsSide: { chief: this.me.id, side } });
      est = { odds: e.odds, breakdown: e.factors.map((f) => ({ label: f.factor, chance: f.chance })) };
    }
    const breakdown = est.breakdown;
    if (o.choice === "target") return { ...base, result: `${nameOf(w, move.target)} survives`, chance: 1 - est.odds, breakdown, rules: [`Organs on ${pronoun(w, move.target).his} side can fly ${pronoun(w, move.target).his} men in and stand between ${pronoun(w, move.target).him} and an arrest.`] };
    if (o.choice === "move") return { ...base, result: `The move wins (${describeDemandOf(w, move)})`, chance: est.odds, breakdown, rules: ["A kingmaker is rewarded, and then feared by the new first man."] };
    const { organs, staysOut } = organWordsOf(w, this.me.id);
    if (move.members.includes(this.me.id)) return { ...base, result: `${staysOut}, and the move wins (${describeDemandOf(w, move)})`, chance: est.odds, breakdown, rules: ["You stay in the move, and its fate is yours.", `Without ${organs} it cannot fly its people in or stand between ${pronoun(w, move.target).him} and ${pronoun(w, move.target).his} guards.`] };
    return { ...base, result: staysOut, rules: ["Neither side owes you anything; neither blames you."] };
  }

  /**
   * The Central Committee's verdict in a plenum as the seat can reckon it: the members' public
   * leanings (their constituencies' mood, their patrons' lines) for the man whose case it is.
   * `forMajority`: the chance it backs the Presidium majority rather than him.
   */
  private plenumHope(forMajority: boolean): number | null {
    const w = this.world;
    const move = this.crisisMove();
    if (!move || !w.crisis) return null;
    const hope = targetCcEstimate(this.believed(), w.crisis, move);
    const keeps = logistic(w.params.crisis.answer.ccSlope * (hope - 0.5));
    return forMajority ? 1 - keeps : keeps;
  }

  private concession(o: Option, base: OptionOutcome): OptionOutcome {
    const w = this.world;
    const move = this.crisisMove();
    const crisis = w.crisis;
    if (!move || !crisis) return base;
    if (o.choice === "accept") return { ...base, result: `${nameOf(w, move.target)} gives up the posts ${pronoun(w, move.target).he} offered and keeps the rest` };
    const hope = targetCcEstimate(this.believed(), crisis, move);
    return { ...base, result: `${nameOf(w, move.target)} loses everything, if the plenum backs you`, chance: 1 - hope, rules: [`${pronoun(w, move.target).He} may take it to the Central Committee's plenum rather than go.`] };
  }
}

function hypotheticalMove(world: World, seat: Id, target: Id): Move {
  return { id: "hypothetical", target, demand: chooseDemand(world, seat, target), initiator: seat, members: [seat], refusals: [], startedOn: world.date, stage: "forming", exposure: 0, alarm: 0, open: null, launchedOn: null, launchedWhileAway: false };
}

function moveLeaderOf(world: World, move: Move): Id | null {
  return move.members.find((m) => canAct(world.principals[m])) ?? null;
}

function describeDemandOf(world: World, move: Move): string {
  if (move.demand.length === 0) return `${nameOf(world, move.target)}'s removal`;
  return `taking ${move.demand.map((p) => `the post of ${world.posts[p]?.title ?? p}`).join(" and ")} from ${nameOf(world, move.target)}`;
}

/** Chance that a quantity known as `mean` give or take `sd` is above zero (normal, by the logistic approximation). */
function normalAbove(mean: number, sd: number): number {
  if (sd <= 0) return mean > 0 ? 1 : 0;
  return logistic((1.702 * mean) / sd);
}

function signedText(x: number): string {
  return `${x >= 0 ? "+" : ""}${x.toFixed(2)}`;
}

// ------------------------------------------------------------------------------- goals and a score

export type GoalId = "survive" | "keep-primacy" | "take-primacy" | "full-seat" | "keep-posts" | "rise" | "policy" | "clients";

export interface Goal {
  id: GoalId;
  title: string;
  /** Why this man wants it: his traits and his place at the start. */
  why: string;
  /** The traits it follows from (their reasons are in the scenario file). */
  fromTraits: string[];
  weight: number;
  /** How far it is met now, 0..1 (at the end of the run: the score). */
  progress: number;
  status: string;
}

export interface GoalReport {
  goals: Goal[];
  /** Points scored now, of `max` (weights times progress). */
  score: number;
  max: number;
  /** 0..100. */
  percent: number;
}

/**
 * The ambition that makes the first place itself a goal. The scenarios' reasons put it above 0.6: men
 * at 0.6 want to rise (Kirichenko to Moscow) or to guard the line (Molotov, "more than as a would-be
 * First Secretary"), while from 0.65 they are rivals for the top (Brezhnev, Podgorny, Kozlov in 1964).
 */
const FIRST_PLACE_AMBITION = 0.65;

/**
 * What this character wants, from his traits and his place at the start of the run, and how far he
 * has got: survive; keep or take primacy; a full seat; keep his posts or rise; carry a policy of his
 * line; keep his clients in office. Only the seat's own state and the public record are read.
 */
export function goalsOf(world: World, seat: Id): GoalReport {
  const p = world.principals[seat];
  if (!p) throw new Error(`unknown seat "${seat}"`);
  const t = p.traits;
  const startSeat = world.origin.seats[seat] ?? "none";
  const startPosts = world.origin.posts[seat] ?? [];
  const firstAtStart = world.primacyHistory[0]?.who ?? null;
  const value = (posts: readonly Id[]) => posts.reduce((s, x) => s + (world.posts[x]?.value ?? 0), 0);
  const best = (posts: readonly Id[]) => posts.reduce((s, x) => Math.max(s, world.posts[x]?.value ?? 0), 0);
  const goals: Goal[] = [];
  const fallen = p.fate !== null;
  // Once the run is over, or he is out of it, a goal not reached is missed, not pending.
  const over = world.done || !p.alive || fallen;
  const notYet = over ? "Not met." : "Not yet.";
  const fateProgress: Record<string, number> = { retired: 0.5, demoted: 0.3, expelled: 0.1, imprisoned: 0, executed: 0 };
  goals.push({
    id: "survive",
    title: "Come through it: keep your freedom, your life and a place in politics",
    why: world.origin.fear >= 0.5 ? "Fear is high: losers of a quarrel may be jailed or shot." : "Even in mild times a loser is pensioned off or sent far from Moscow.",
    fromTraits: [],
    weight: round(2 + 3 * world.origin.fear),
    progress: fallen ? (fateProgress[p.fate ?? ""] ?? 0) : 1,
    status: fallen ? `You were ${p.fate}.` : !p.alive ? "You died in office, undefeated." : p.incapacitatedSince !== null ? "A stroke keeps you from working, but nobody has moved against you." : "You are still in play.",
  });
  const ever = world.primacyHistory.some((h) => h.who === seat);
  if (firstAtStart === seat) {
    goals.push({ id: "keep-primacy", title: "Stay first in the leadership", why: "You hold primacy at the start: everyone else measures himself against you.", fromTraits: ["ambition"], weight: round(3 + 2 * t.ambition), progress: world.primacy === seat ? 1 : 0, status: world.primacy === seat ? "You are first." : world.primacy ? `${nameOf(world, world.primacy)} is first now.` : "Nobody is first now." });
  } else if (t.ambition >= FIRST_PLACE_AMBITION && (startSeat === "full" || startSeat === "secretary")) {
    goals.push({ id: "take-primacy", title: "Become first in the leadership", why: `Your ambition (${t.ambition.toFixed(2)}) and your seat make the top within reach.`, fromTraits: ["ambition"], weight: round(1 + 4 * t.ambition), progress: world.primacy === seat ? 1 : ever ? 0.5 : 0, status: world.primacy === seat ? "You are first." : ever ? "You were first for a while, and lost it." : notYet });
  }
  if (startSeat !== "full" && t.ambition >= 0.35) {
    goals.push({ id: "full-seat", title: "Win a full seat in the Presidium", why: `You start as ${startSeat === "candidate" ? "a candidate member" : startSeat === "secretary" ? "a secretary without a vote" : "an outsider"}; your ambition (${t.ambition.toFixed(2)}) wants a vote.`, fromTraits: ["ambition"], weight: round(2 + 2 * t.ambition), progress: p.presidium === "full" ? 1 : p.presidium === "candidate" && startSeat !== "candidate" ? 0.5 : 0, status: p.presidium === "full" ? "You are a full member." : notYet });
  }
  if (startPosts.length > 0) {
    const kept = value(startPosts) > 0 ? Math.min(1, value(p.posts) / value(startPosts)) : 1;
    goals.push({ id: "keep-posts", title: "Keep the posts you hold", why: `You start as ${startPosts.map((x) => world.posts[x]?.title ?? x).join(" and ")}.`, fromTraits: ["loyalty"], weight: 2, progress: round(kept), status: p.posts.length ? `You hold: ${p.posts.map((x) => world.posts[x]?.title ?? x).join("; ")}.` : "You hold no post now." });
  }
  if (t.ambition >= 0.5 && firstAtStart !== seat) {
    const rose = best(p.posts) > best(startPosts);
    goals.push({ id: "rise", title: "Rise to a bigger post than the one you start with", why: `Ambition ${t.ambition.toFixed(2)}.`, fromTraits: ["ambition"], weight: round(2 * t.ambition), progress: rose ? 1 : 0, status: rose ? "You hold a bigger post than at the start." : notYet });
  }
  // The posts he held at the start, not those he holds now: a goal once set stays in the score
  // when he loses the posts that let him pursue it (a play-test's policy goal, met, then gone).
  const powersAtStart = new Set(startPosts.flatMap((x) => world.posts[x]?.powers ?? []));
  const couldPropose = world.policies.some((x) => x.proposer !== "none" && powersAtStart.has(x.proposer));
  // His line at the start, like his posts: a policy that later moves his mind does not change his goals.
  const line = world.origin.lines[seat] ?? t.ideology;
  if (Math.abs(line) >= 0.4 || couldPropose) {
    const carried = world.policies.filter(adoptedInRun);
    const championed = carried.filter((x) => x.champion === seat);
    const ofLine = carried.filter((x) => Math.sign(x.line) === Math.sign(line) && line !== 0);
    goals.push({
      id: "policy",
      title: `Carry a policy of your own${line <= -0.4 ? " (a reform)" : line >= 0.4 ? " (an orthodox one)" : ""}`,
      why: Math.abs(line) >= 0.4 ? `Your line is clear (${line >= 0 ? "orthodox" : "reformer"}, ${line.toFixed(2)}).` : "Your posts at the start let you propose policies.",
      fromTraits: ["ideology"],
      weight: 1.5,
      progress: championed.length ? 1 : ofLine.length ? 0.5 : 0,
      status: championed.length ? `Adopted on your proposal: ${championed.map((x) => x.name).join("; ")}.` : ofLine.length ? `Others carried policies of your line: ${ofLine.map((x) => x.name).join("; ")}.` : over ? notYet : "None yet.",
    });
  }
  const startClients = world.origin.clients[seat] ?? 0;
  if (startClients >= 0.02) {
    let now = 0;
    let voting = 0;
    for (const c of world.cadres) {
      if (c.seat !== "voting") continue;
      voting++;
      if (c.patron === seat) now++;
    }
    const share = voting ? now / voting : 0;
    goals.push({ id: "clients", title: "Keep your men in the Central Committee", why: `Your clients hold ${Math.round(startClients * 100)}% of its votes at the start: your following.`, fromTraits: ["loyalty"], weight: 1.5, progress: round(Math.min(1, share / startClients)), status: `They hold ${Math.round(share * 100)}% now.` });
  }
  const max = goals.reduce((s, g) => s + g.weight, 0);
  const score = goals.reduce((s, g) => s + g.weight * g.progress, 0);
  return { goals, score: round(score), max: round(max), percent: max ? Math.round((100 * score) / max) : 0 };
}

// -------------------------------------------------------------------------------- speeches as prose

/**
 * The speeches the seat has heard, as prose: what the speaker could say in public about the man whose
 * case it is (the grievances he has aired, the policies the target championed and what they did to
 * the speaker's people, the files he read out, the career he owes him). Keyed by the entry's place
 * in the seat's own log.
 */
export function speechProse(world: World, seat: Id): Record<number, string> {
  const out: Record<number, string> = {};
  // Who was first when each speech was made (primacy is public): a case against him is heard as one
  // against the leadership, even if he has lost his place by the time the seat reads it.
  let first: Id | null = null;
  let i = -1;
  for (const e of world.log) {
    if (!canKnow(e, seat)) continue;
    i++;
    if (e.type === "primacy" && e.actor) first = e.actor;
    if (e.type !== "speech" || !e.actor) continue;
    const move = moveById(world, typeof e.data?.move === "string" ? e.data.move : "");
    if (!move) continue;
    out[i] = move.open === "health" ? healthSpeech(world, e.actor, move.target, e.data?.line === "attack", i) : speechText(world, e.actor, move, move.target === first, e.data?.line === "attack", e.date, i, /files hold/.test(e.text));
  }
  return out;
}

/**
 * What a speaker with no grievance, policy or file of his own to cite says, fitted to the case: only
 * against the first man is there a leadership to change or a man who decides everything alone; a
 * motion that takes some of a man's posts is argued about the work of the posts.
 */
function commonplaces(world: World, move: Move, againstFirst: boolean, attack: boolean): readonly string[] {
  const they = pronoun(world, move.target);
  const posts = move.demand.length;
  const post = posts > 1 ? "these posts" : "the post";
  if (posts > 0) {
    return attack
      ? [`the work of ${post} needs other hands`, `${they.he} can serve the party better in other work`, `nobody asks more of ${they.him} than a change of ${posts > 1 ? "posts" : "post"}`]
      : [`nobody knows the work of ${post} better than ${they.he} does`, "the comrades should not be hasty", "a change now would set the work back"];
  }
  if (againstFirst) {
    return attack
      ? [`the collective leadership cannot work with a ${they.man} who decides everything alone`, "the party's affairs have been run by whim and shouting", "the Presidium must correct its mistakes while it still can"]
      : ["the party gains nothing from a quarrel at the top", "the comrades should not be hasty", "mistakes can be put right without changing the leadership"];
  }
  return attack
    ? [`${they.he} has lost the confidence of ${they.his} colleagues`, `the work entrusted to ${they.him} has not been done as the party expects`, "the Presidium must correct its mistakes while it still can"]
    : ["the party gains nothing from a quarrel among its leaders", "the comrades should not be hasty", `a comrade's mistakes can be put right without removing ${they.him}`];
}

function speechText(world: World, speaker: Id, move: Move, againstFirst: boolean, attack: boolean, date: string, n: number, files: boolean): string {
  const target = move.target;
  const s = world.principals[speaker];
  const who = nameOf(world, speaker);
  const him = nameOf(world, target);
  const own = pronoun(world, speaker);
  const aired = [...new Set(s.grievances.filter((g) => g.against === target && g.date <= date).map((g) => g.cause))].slice(0, 2);
  const mine = new Set(world.cadres.filter((c) => c.patron === speaker).map((c) => c.row));
  const policies = world.policies.filter((p) => p.champion === target && p.inForce);
  const hurt = policies.filter((p) => [...mine].some((r) => rowEffect(world, r, p.effects) < 0)).map((p) => p.name);
  const helped = policies.filter((p) => [...mine].some((r) => rowEffect(world, r, p.effects) > 0)).map((p) => p.name);
  if (attack) {
    const charges: string[] = [];
    if (aired.length) charges.push(`${own.he} has not forgotten ${aired.map((cause) => `"${cause}"`).join(" or ")}`);
    if (hurt.length) charges.push(`the men ${own.he} speaks for have suffered from ${hurt.slice(0, 2).map(lowerFirst).join(" and ")}`);
    if (files) charges.push(`${own.he} reads out what the files hold on ${him}'s past`);
    const opening = ["rises against", "turns on", "speaks out against"][n % 3];
    if (!charges.length) charges.push(commonplaces(world, move, againstFirst, true)[n % 3]);
    return `${who} ${opening} ${him}: ${charges.join("; ")}.`;
  }
  const pleas: string[] = [];
  if (s.patron === target) pleas.push(`${own.he} owes ${own.his} career to ${him} and says so`);
  if (helped.length) pleas.push(`${own.he} reminds the session of ${helped.slice(0, 2).map(lowerFirst).join(" and ")}`);
  if (!pleas.length) pleas.push(commonplaces(world, move, againstFirst, false)[n % 3]);
  return `${who} speaks for ${him}: ${pleas.join("; ")}.`;
}

/** A speech on retiring a man long unable to work: about his health and the work, not his record. */
function healthSpeech(world: World, speaker: Id, target: Id, attack: boolean, n: number): string {
  const who = nameOf(world, speaker);
  const him = nameOf(world, target);
  const they = pronoun(world, target);
  return attack
    ? `${who} speaks for releasing ${him}: ${[`${they.his} work cannot wait for a recovery that may not come`, `the comrade has earned ${they.his} rest, and the post needs a man in health`, `it is kinder to release ${they.him} than to keep ${they.his} chair empty`][n % 3]}.`
    : `${who} asks for more time for ${him}: ${[`${they.he} may yet recover`, `the comrades should not be hasty with a sick ${they.man}`, `${they.his} deputies can carry the work a while longer`][n % 3]}.`;
}

/** The name of the man a move is against, for an outcome's text ("the target" if the move is gone). */
function targetName(world: World, moveId: string): string {
  const move = moveById(world, moveId);
  return move ? nameOf(world, move.target) : "The target";
}

/** The pronouns of the one a move is against (a man's if the move is gone). */
function targetPronoun(world: World, moveId: string): Pronouns {
  const move = moveById(world, moveId);
  return move ? pronoun(world, move.target) : pronoun(world, "");
}

/** That the target of a removal votes on the case, if able to vote. */
function ownCase(world: World, target: Id): string {
  const they = pronoun(world, target);
  return `${nameOf(world, target)} votes on ${they.his} own case${presidiumVoters(world).includes(target) ? "" : ` if ${they.he} can vote (${they.he} cannot now)`}.`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
