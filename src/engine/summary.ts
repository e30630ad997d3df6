// The outcome of a finished run in the terms the validation targets use (VALIDATION.md): who held
// primacy when, every contest with its venue, members and fates, what the AI chose to do, and the
// circular flow of power (clients' share of each constituency's CC seats).
import { daysBetween, WEEK_DAYS } from "./calendar.js";
import { clientShares } from "./power.js";
import { adoptedInRun } from "./queries.js";
import { presidiumSize } from "./rules/governing.js";
import type { ContestRecord, Fate, Id, World } from "./state.js";

/** VALIDATION.md's measure of a long illness. */
const LONG_ILLNESS_WEEKS = 12;

export interface ContestSummary {
  /** When the move was launched (the session opened, or the arrest was attempted). */
  date: string;
  /** When it was decided: the session's last day, or the plenum's. */
  endedOn: string;
  target: Id;
  /** The target's role when the move began. */
  targetRole: "first" | "full" | "candidate" | "other";
  venue: ContestRecord["venue"];
  open: ContestRecord["open"];
  winner: "target" | "move";
  initiator: Id;
  initiatorRole: "full" | "candidate" | "secretary" | "organs" | "other";
  /** The initiator's tie to the target at the start of the run was in the Presidium's top quarter. */
  initiatorClose: boolean;
  firstThree: Id[];
  launchedWhileAway: boolean;
  answer: ContestRecord["answer"];
  /** Days from the session's end to the plenum, when there was one. */
  plenumDelayDays: number | null;
  presidium: ContestRecord["presidium"];
  plenum: ContestRecord["plenum"];
  fates: ContestRecord["fates"];
  posts: Record<Id, Id>;
  kingmakers: Id[];
  fullMembers: number;
  armySide: ContestRecord["armySide"];
}

export interface RunSummary {
  scenario: string;
  seed: number;
  whatIfs: string[];
  endDate: string;
  /** Holder of primacy at the start and at the end, and who held it when. */
  startingLeader: Id | null;
  leader: Id | null;
  primacyHistory: { who: Id | null; from: string }[];
  /** Who held primacy on 31 December of each year of the run. */
  primacyYearEnd: Record<string, Id | null>;
  /** The most valuable post the starting leader held at the start: his place, which a successor takes. */
  topPost: Id | null;
  /** The holder of the firstSecretary post at the end (null when vacant). */
  firstSecretary: Id | null;
  /** The starting leader lost primacy's main post by a contest (or fell) during the run. */
  leaderRemoved: boolean;
  leaderRemovedBy: ContestRecord["venue"] | "death" | "illness" | null;
  removalDate: string | null;
  contests: ContestSummary[];
  /** The man whose case was still being fought when the run ended (a plenum yet to meet), if any. */
  undecided: Id | null;
  movesStarted: number;
  /** Principals who lost posts in a contest, with how. */
  removed: Record<Id, { venue: ContestRecord["venue"]; date: string; fate: Fate | null }>;
  /** Full Presidium seats lost other than by a vote, a plenum, an arrest or death (must be 0). */
  decreeRemovals: number;
  /** Weeks each vacancy in the full Presidium stayed open (open ones count to the end). */
  vacancyWeeks: number[];
  /** Principals incapacitated for 12 weeks or more: whether an acting man took over, and whether retired within a year. */
  illness: { who: Id; acting: boolean; retired: boolean }[];
  /** Security chiefs who joined a move: their own estimated success at joining, and whether their patron was already in. */
  securityJoins: { who: Id; odds: number; patronIn: boolean }[];
  /** Pledged full members in roll-calls: how many voted with the move. */
  pledgedVotes: { with: number; total: number };
  /** Mean belief that the CC decides among principals in play, at the start and the end, and after each plenum. */
  ccBelief: { start: number; end: number; afterPlenums: { before: number; after: number }[] };
  /** What the AI chose: verbs used by each principal, appointments by appointer, policies adopted, trips taken. */
  verbs: Record<Id, Record<string, number>>;
  appointments: Record<Id, number>;
  policiesAdopted: { id: Id; date: string; champion: Id | null }[];
  trips: { who: Id; trip: Id; date: string }[];
  /** Each principal's clients' share of the voting CC at the start, at each congress and at the end. */
  clientShare: { start: Record<Id, number>; congresses: { date: string; shares: Record<Id, number> }[]; end: Record<Id, number> };
  /** Executions after the given year (the campaign's "no killing" norm). */
  executions: { who: Id; date: string }[];
  fear: { start: number; end: number };
}

export function summarize(world: World): RunSummary {
  const start = world.primacyHistory[0]?.who ?? null;
  const contests = world.contests.map((c) => contestSummary(world, c));
  const removed: RunSummary["removed"] = {};
  for (const c of world.contests) {
    if (c.winner === "move") removed[c.target] ??= { venue: c.venue, date: c.endedOn, fate: c.fates.find((f) => f.who === c.target)?.fate ?? null };
    else for (const f of c.fates) removed[f.who] ??= { venue: c.venue, date: c.endedOn, fate: f.fate };
  }
  const startRemoval = start !== null ? removed[start] : undefined;
  const startP = start !== null ? world.principals[start] : null;
  const died = startP !== null && !startP.alive && !startP.fate;
  const fsHolder = world.postOrder.flatMap((p) => (world.posts[p].powers.includes("firstSecretary") ? world.posts[p].holders : []))[0] ?? null;
  const keptTop = start !== null && startP !== null && startP.fate === null && startP.alive && (startHeldFirstSecretary(world, start) ? fsHolder === start : world.primacy === start || startP.posts.length > 0);
  return {
    scenario: world.scenarioId,
    seed: world.seed,
    whatIfs: [...world.whatIfs],
    endDate: world.date > world.end ? world.end : world.date,
    startingLeader: start,
    leader: world.primacy,
    primacyHistory: world.primacyHistory.map((h) => ({ ...h })),
    primacyYearEnd: yearEnds(world),
    topPost: start === null ? null : [...(world.origin.posts[start] ?? [])].sort((a, b) => world.posts[b].value - world.posts[a].value)[0] ?? null,
    firstSecretary: fsHolder,
    leaderRemoved: start !== null && !keptTop,
    leaderRemovedBy: start === null || keptTop ? null : startRemoval ? startRemoval.venue : died ? "death" : world.principals[start].incapacitatedSince !== null ? "illness" : null,
    removalDate: startRemoval?.date ?? null,
    contests,
    undecided: world.crisis ? (world.moves.find((m) => m.id === world.crisis!.move)?.target ?? null) : null,
    movesStarted: world.moves.filter((m) => !m.open).length,
    removed,
    decreeRemovals: decreeRemovals(world),
    vacancyWeeks: vacancyWeeks(world),
    illness: illnesses(world),
    securityJoins: securityJoins(world),
    pledgedVotes: pledgedVotes(world),
    ccBelief: ccBelief(world),
    verbs: verbs(world),
    appointments: countBy(world.log.filter((e) => e.type === "appoint").map((e) => e.actor ?? "")),
    policiesAdopted: world.policies.filter(adoptedInRun).map((p) => ({ id: p.id, date: p.adoptedOn!, champion: p.champion ?? null })),
    trips: world.log.filter((e) => e.type === "trip" && typeof e.data?.trip === "string").map((e) => ({ who: e.actor ?? "", trip: String(e.data!.trip), date: e.date })),
    clientShare: clientShareHistory(world),
    executions: world.log.filter((e) => e.type === "fate" && e.data?.fate === "executed").map((e) => ({ who: e.actor ?? "", date: e.date })),
    fear: { start: firstFear(world), end: world.globals.fear },
  };
}

function startHeldFirstSecretary(world: World, id: Id): boolean {
  return (world.origin.posts[id] ?? []).some((p) => world.posts[p]?.powers.includes("firstSecretary"));
}

function contestSummary(world: World, c: ContestRecord): ContestSummary {
  const role = (id: Id): ContestSummary["initiatorRole"] => {
    const seat = world.origin.seats[id];
    const posts = world.origin.posts[id] ?? [];
    if (seat === "full") return "full";
    if (posts.some((p) => world.posts[p]?.powers.some((pw) => pw === "security" || pw === "army"))) return "organs";
    if (seat === "candidate") return "candidate";
    if (seat === "secretary") return "secretary";
    return "other";
  };
  const targetSeat = world.origin.seats[c.target];
  const ties = world.origin.ties;
  const toTarget = Object.values(ties).map((t) => t[c.target] ?? 0).sort((a, b) => b - a);
  const cut = toTarget[Math.floor(toTarget.length / 4)] ?? Infinity;
  const close = (ties[c.initiator]?.[c.target] ?? 0) >= cut && (ties[c.initiator]?.[c.target] ?? 0) > 0;
  return {
    date: c.date,
    endedOn: c.endedOn,
    target: c.target,
    targetRole: c.target === world.primacyHistory[0]?.who ? "first" : targetSeat === "full" ? "full" : targetSeat === "candidate" ? "candidate" : "other",
    venue: c.venue,
    open: c.open,
    winner: c.winner,
    initiator: c.initiator,
    initiatorRole: role(c.initiator),
    initiatorClose: close,
    firstThree: c.members.slice(0, 3),
    launchedWhileAway: c.launchedWhileAway,
    answer: c.answer,
    plenumDelayDays: c.plenum ? c.plenum.days : null,
    presidium: c.presidium,
    plenum: c.plenum,
    fates: c.fates,
    posts: c.posts,
    kingmakers: c.kingmakers,
    fullMembers: c.fullMembers,
    armySide: c.armySide,
  };
}

function yearEnds(world: World): Record<string, Id | null> {
  const out: Record<string, Id | null> = {};
  const last = Number((world.date > world.end ? world.end : world.date).slice(0, 4));
  for (let y = Number(world.start.slice(0, 4)); y <= last; y++) {
    const day = `${y}-12-31`;
    if (day > world.date && day <= world.end) continue;
    out[String(y)] = firstOn(world.primacyHistory, day);
  }
  return out;
}

/** Who held primacy on a day, from a run's history of it (the last change on or before the day). */
export function firstOn(history: readonly { who: Id | null; from: string }[], day: string): Id | null {
  let who: Id | null = null;
  for (const h of history) if (h.from <= day) who = h.who;
  return who;
}

/** Every loss of a full seat must be a fate of a contest, a death, or a promotion's reverse (none). */
function decreeRemovals(world: World): number {
  const seats = world.origin.seats;
  const legal = new Set<Id>();
  for (const c of world.contests) for (const f of c.fates) legal.add(f.who);
  let n = 0;
  for (const id of world.order) {
    const p = world.principals[id];
    if (seats[id] === "full" && p.presidium !== "full" && p.alive && !legal.has(id)) n++;
  }
  return n;
}

function vacancyWeeks(world: World): number[] {
  const out: number[] = [];
  const size = presidiumSize(world);
  let openSince: string | null = null;
  let last = size;
  for (const e of world.trace.fullSeats) {
    const n = e.count;
    if (n < size && last >= size) openSince = e.date;
    if (n >= size && last < size && openSince !== null) {
      out.push(daysBetween(openSince, e.date) / WEEK_DAYS);
      openSince = null;
    }
    last = n;
  }
  if (openSince !== null) out.push(daysBetween(openSince, world.date) / WEEK_DAYS);
  return out;
}

function illnesses(world: World): RunSummary["illness"] {
  const out: RunSummary["illness"] = [];
  const threshold = LONG_ILLNESS_WEEKS * WEEK_DAYS;
  for (const id of world.order) {
    const since = world.log.find((e) => e.type === "illness" && e.actor === id)?.date ?? world.origin.ill[id];
    if (!since) continue;
    const until = world.log.find((e) => (e.type === "death" || e.type === "fate") && e.actor === id && e.date >= since)?.date ?? world.date;
    if (daysBetween(since, until) < threshold) continue;
    const acting = world.log.some((e) => e.type === "acting" && e.data?.for === id);
    const yearOn = daysBetween(since, world.date) >= 365;
    const retired = world.contests.some((c) => c.target === id && c.winner === "move" && daysBetween(since, c.endedOn) <= 365);
    if (!yearOn && !retired) continue;
    out.push({ who: id, acting, retired });
  }
  return out;
}

function securityJoins(world: World): RunSummary["securityJoins"] {
  const out: RunSummary["securityJoins"] = [];
  for (const e of world.log) {
    if (e.type !== "approach" || e.chosen !== "join") continue;
    // A chief of the organs as he was when he was sounded out.
    if (e.data?.organs !== true) continue;
    const who = e.actor ?? "";
    const odds = Number(e.data?.odds ?? NaN);
    // His weighing says whether his patron was already in it.
    const join = e.options?.find((o) => o.option === "join");
    const patronIn = (join?.terms.find((t) => t.term === "patron in the move")?.value ?? 0) > 0;
    out.push({ who, odds, patronIn });
  }
  return out;
}

function pledgedVotes(world: World): RunSummary["pledgedVotes"] {
  let w = 0;
  let total = 0;
  for (const e of world.log) {
    if (e.type !== "presidium-vote" || e.data?.pledged !== true) continue;
    total++;
    if (e.chosen === "for") w++;
  }
  return { with: w, total };
}

function ccBelief(world: World): RunSummary["ccBelief"] {
  return { start: world.trace.beliefs[0]?.before ?? meanBelief(world), end: meanBelief(world), afterPlenums: world.trace.beliefs.slice(world.trace.beliefs.length && world.trace.beliefs[0].date === world.start ? 1 : 0).map((b) => ({ before: b.before, after: b.after })) };
}

export function meanBelief(world: World): number {
  const ps = world.order.map((id) => world.principals[id]).filter((p) => p.alive && p.fate === null);
  return ps.length ? ps.reduce((s, p) => s + p.believesCcDecides, 0) / ps.length : NaN;
}

function verbs(world: World): RunSummary["verbs"] {
  const out: RunSummary["verbs"] = {};
  for (const e of world.log) {
    if (e.type !== "decision" || !e.actor || !e.chosen) continue;
    const verb = e.chosen.split(":")[0];
    out[e.actor] ??= {};
    out[e.actor][verb] = (out[e.actor][verb] ?? 0) + 1;
  }
  return out;
}

function countBy(keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

function clientShareHistory(world: World): RunSummary["clientShare"] {
  const start = { ...world.origin.clients };
  const congresses = world.trace.congresses.map((c) => ({ date: c.date, shares: { ...c.shares } }));
  const end: Record<Id, number> = {};
  for (const [id, s] of clientShares(world)) end[id] = s.cc;
  return { start, congresses, end };
}

function firstFear(world: World): number {
  return world.origin.fear;
}
