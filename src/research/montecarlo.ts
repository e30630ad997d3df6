// Monte Carlo aggregation: one tally folded over run summaries as they come (no world is kept), and
// a report in the terms of the validation targets (VALIDATION.md sections A and B, and what the AI
// chose to do). Every count is an integer in a nested record, so tallies of chunks merge exactly by
// adding, whatever their order. Pure: no I/O, no clock; the caller runs the games.
import { fateLadder, firstOn, type Fate, type RunSummary } from "../engine/index.js";
import { rateOf, type Rate } from "./interval.js";

/** Run-level outcomes counted once per run in which they happen (and paired across variants). */
export const outcomeKeys = [
  "leaderRemoved",
  "removedInSession",
  "removedByPlenum",
  "removedByForce",
  "removedWhileAway",
  "presidiumMovesAgainstLeader",
  "survivedViaPlenum",
  "removedAfterPresidiumMove",
  "leaderFought",
  "anyExecution",
] as const;
export type OutcomeKey = (typeof outcomeKeys)[number];

export type FateCounts = Record<Fate, number>;
export type Role = "target" | "mover" | "loyalist";
export const roles: readonly Role[] = ["target", "mover", "loyalist"];
export const venues = ["session", "plenum", "force"] as const;

/** A plenum is lopsided when the winning side has at least this share of those present. */
export const LOPSIDED_SHARE = 0.8;
/** How many example seeds of each outcome the report keeps (to re-run with `presidium run --seed`). */
export const EXAMPLE_SEEDS = 5;
/**
 * VALIDATION.md's bounds: a plenum 1 to 10 days after its session; a vacancy refilled within 8 weeks;
 * a credible move for a security chief; the circular flow's gain of 10 points in the first man's
 * clients' share of the CC.
 */
export const PLENUM_DELAY = { min: 1, max: 10 } as const;
export const REFILL_WEEKS = 8;
export const CREDIBLE_ODDS = 0.3;
export const CIRCULAR_FLOW_GAIN = 0.1;

type Counts = Record<string, number>;

export interface Tally {
  scenario: string | null;
  whatIfs: string[] | null;
  baseSeed: number | null;
  runs: number;
  outcomes: Record<OutcomeKey, number>;
  movesStarted: number;
  contests: number;
  /** Contests by venue and winner ("plenum:target"). */
  contestKinds: Counts;
  /** Runs by number of contests decided. */
  contestsPerRun: Counts;
  plenums: number;
  lopsidedPlenums: number;
  fates: Record<string, FateCounts>;
  fatesByRole: Record<Role, FateCounts>;
  /** Fates proposed by a winner (not imposed without a judge), of all fates. */
  fatesProposed: { byWinner: number; total: number };
  /** Contests over a man's posts (not retirements for age and health) whose loser was given a fate, and those where it was prison or death. */
  contestFates: { decided: number; harsh: number };
  /** Runs in which each principal lost posts in a contest, by venue and by month. */
  removed: Counts;
  removedByVenue: Record<string, Counts>;
  removedMonths: Record<string, Counts>;
  /** The starting leader's removal, by month; who took his place; who started the move. */
  removalMonths: Counts;
  successors: Counts;
  plotLeaders: Counts;
  /** Moves against the starting leader that reached a contest: the initiator's role and closeness. */
  initiatorRoles: Counts;
  initiatorsClose: number;
  initiators: number;
  /** Contests where the Presidium turned on the starting leader, and those he took to a plenum. */
  turned: number;
  fought: number;
  successorAmongFirstThree: number;
  plenumDelays: Counts;
  vacancies: { total: number; refilled: number };
  illness: { total: number; acting: number; retired: number };
  securityJoins: { total: number; credible: number; patronIn: number; credibleOrPatron: number };
  pledged: { with: number; total: number };
  decreeRemovals: number;
  ccBelief: { plenums: number; shift: number };
  /** Arrests won by the move: how many had the Army's chief with them, by target. */
  arrests: Record<string, { total: number; armyWithMove: number }>;
  /** Removals by target: how many full Presidium members the move had. */
  removalMoves: Record<string, { total: number; threeFull: number }>;
  primacyEnd: Counts;
  primacyEver: Counts;
  /** Runs in which a man held primacy at some point and no longer held it at the end. */
  primacyLost: Counts;
  /** Holder of primacy at each year's end. */
  primacyYearEnd: Record<string, Counts>;
  verbs: Record<string, Counts>;
  appointments: Counts;
  policies: Counts;
  /** Policies adopted, by year. */
  policyYears: Record<string, Counts>;
  trips: Counts;
  clientShareStart: Counts;
  clientShareEnd: Counts;
  /** Client shares at each congress (by congress date). */
  congressShares: Record<string, Counts>;
  /**
   * The circular flow: runs by the man first on the day of the first congress that elects a CC, and
   * those where his clients' share of it is CIRCULAR_FLOW_GAIN or more above their share at the start.
   */
  circularFlow: { first: Counts; gained: Counts };
  /** Runs by the year of their last execution ("none" if none). */
  lastExecution: Counts;
  fearEnd: number;
  exampleSeeds: { removed: number[]; survived: number[] };
}

export function emptyTally(meta: { scenario?: string; whatIfs?: readonly string[]; baseSeed?: number } = {}): Tally {
  return {
    scenario: meta.scenario ?? null,
    whatIfs: meta.whatIfs ? [...meta.whatIfs] : null,
    baseSeed: meta.baseSeed ?? null,
    runs: 0,
    outcomes: Object.fromEntries(outcomeKeys.map((k) => [k, 0])) as Record<OutcomeKey, number>,
    movesStarted: 0,
    contests: 0,
    contestKinds: {},
    contestsPerRun: {},
    plenums: 0,
    lopsidedPlenums: 0,
    fates: {},
    fatesByRole: Object.fromEntries(roles.map((r) => [r, emptyFates()])) as Record<Role, FateCounts>,
    fatesProposed: { byWinner: 0, total: 0 },
    contestFates: { decided: 0, harsh: 0 },
    removed: {},
    removedByVenue: {},
    removedMonths: {},
    removalMonths: {},
    successors: {},
    plotLeaders: {},
    initiatorRoles: {},
    initiatorsClose: 0,
    initiators: 0,
    turned: 0,
    fought: 0,
    successorAmongFirstThree: 0,
    plenumDelays: {},
    vacancies: { total: 0, refilled: 0 },
    illness: { total: 0, acting: 0, retired: 0 },
    securityJoins: { total: 0, credible: 0, patronIn: 0, credibleOrPatron: 0 },
    pledged: { with: 0, total: 0 },
    decreeRemovals: 0,
    ccBelief: { plenums: 0, shift: 0 },
    arrests: {},
    removalMoves: {},
    primacyEnd: {},
    primacyEver: {},
    primacyLost: {},
    primacyYearEnd: {},
    verbs: {},
    appointments: {},
    policies: {},
    policyYears: {},
    trips: {},
    clientShareStart: {},
    clientShareEnd: {},
    congressShares: {},
    circularFlow: { first: {}, gained: {} },
    lastExecution: {},
    fearEnd: 0,
    exampleSeeds: { removed: [], survived: [] },
  };
}

function emptyFates(): FateCounts {
  return Object.fromEntries(fateLadder.map((f) => [f, 0])) as FateCounts;
}

function bump(counts: Counts, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

function nested<T>(record: Record<string, T>, key: string, make: () => T): T {
  record[key] ??= make();
  return record[key];
}

/** Which of the paired outcomes happened in one run. */
export function outcomesOf(run: RunSummary): Record<OutcomeKey, boolean> {
  const leader = run.startingLeader;
  const against = run.contests.filter((c) => c.target === leader && !c.open);
  const turned = against.filter((c) => c.presidium !== null && c.presidium.for * 2 > c.presidium.voters);
  const removal = run.leaderRemovedBy;
  return {
    leaderRemoved: run.leaderRemoved,
    removedInSession: removal === "session",
    removedByPlenum: removal === "plenum",
    removedByForce: removal === "force",
    removedWhileAway: run.leaderRemoved && against.some((c) => c.winner === "move" && c.launchedWhileAway),
    presidiumMovesAgainstLeader: turned.length > 0,
    survivedViaPlenum: turned.some((c) => c.winner === "target" && c.plenum !== null),
    removedAfterPresidiumMove: turned.length > 0 && run.leaderRemoved,
    leaderFought: turned.some((c) => c.answer === "plenum"),
    anyExecution: run.executions.length > 0,
  };
}

/** Folds one run into the tally (in place; returns it). Runs of different scenarios or what-ifs do not mix. */
export function addRun(tally: Tally, run: RunSummary): Tally {
  if (tally.scenario === null) tally.scenario = run.scenario;
  else if (tally.scenario !== run.scenario) throw new Error(`addRun: a run of "${run.scenario}" cannot join a tally of "${tally.scenario}"`);
  if (tally.whatIfs === null) tally.whatIfs = [...run.whatIfs];
  else if (tally.whatIfs.join("\u0000") !== run.whatIfs.join("\u0000")) {
    throw new Error(`addRun: a run with what-ifs [${run.whatIfs.join(", ")}] cannot join a tally of [${tally.whatIfs.join(", ")}]`);
  }
  tally.runs++;
  const happened = outcomesOf(run);
  for (const key of outcomeKeys) if (happened[key]) tally.outcomes[key]++;
  tally.movesStarted += run.movesStarted;
  tally.contests += run.contests.length;
  bump(tally.contestsPerRun, String(run.contests.filter((c) => !c.open).length));
  const leader = run.startingLeader;
  for (const c of run.contests) {
    bump(tally.contestKinds, `${c.venue}:${c.winner}`);
    if (c.plenum) {
      tally.plenums++;
      const share = Math.max(c.plenum.forTarget, c.plenum.againstTarget) / Math.max(1, c.plenum.present);
      if (share >= LOPSIDED_SHARE) tally.lopsidedPlenums++;
      if (c.plenumDelayDays !== null) bump(tally.plenumDelays, String(c.plenumDelayDays));
    }
    // The fate of the man who lost: the target if the move won, else the man who started it.
    const loser = c.fates.find((f) => f.who === (c.winner === "move" ? c.target : c.initiator));
    if (loser && c.open !== "health") {
      tally.contestFates.decided++;
      if (loser.fate === "imprisoned" || loser.fate === "executed") tally.contestFates.harsh++;
    }
    for (const f of c.fates) {
      nested(tally.fates, f.who, emptyFates)[f.fate]++;
      const role: Role = f.who === c.target ? "target" : c.firstThree.includes(f.who) || c.winner === "target" ? "mover" : "loyalist";
      tally.fatesByRole[role][f.fate]++;
      tally.fatesProposed.total++;
      if (f.proposedBy !== f.who) tally.fatesProposed.byWinner++;
    }
    if (c.target === leader && !c.open) {
      tally.initiators++;
      bump(tally.initiatorRoles, c.initiatorRole);
      if (c.initiatorClose) tally.initiatorsClose++;
      if (c.presidium !== null && c.presidium.for * 2 > c.presidium.voters) {
        tally.turned++;
        if (c.answer === "plenum") tally.fought++;
      }
    }
    if (c.winner === "move") {
      const moves = nested(tally.removalMoves, c.target, () => ({ total: 0, threeFull: 0 }));
      moves.total++;
      if (c.fullMembers >= 3) moves.threeFull++;
      if (c.venue === "force") {
        const a = nested(tally.arrests, c.target, () => ({ total: 0, armyWithMove: 0 }));
        a.total++;
        if (c.armySide === "move") a.armyWithMove++;
      }
    }
  }
  for (const [who, r] of Object.entries(run.removed)) {
    bump(tally.removed, who);
    bump(nested(tally.removedByVenue, who, () => ({})), r.venue);
    bump(nested(tally.removedMonths, who, () => ({})), r.date.slice(0, 7));
  }
  if (run.leaderRemoved) {
    if (run.removalDate !== null) bump(tally.removalMonths, run.removalDate.slice(0, 7));
    if (run.leader !== null) bump(tally.successors, run.leader);
    const removal = run.contests.find((c) => c.target === leader && c.winner === "move");
    if (removal) {
      // A release for health is put to the vote by the first man's colleagues, but it is no plot.
      if (removal.open !== "health") bump(tally.plotLeaders, removal.initiator);
      const successor = Object.entries(removal.posts).sort((a, b) => (a[0] < b[0] ? -1 : 1)).find(([post]) => post === run.topPost)?.[1] ?? run.leader;
      if (successor !== null && removal.firstThree.includes(successor)) tally.successorAmongFirstThree++;
    }
  }
  for (const weeks of run.vacancyWeeks) {
    tally.vacancies.total++;
    if (weeks <= REFILL_WEEKS) tally.vacancies.refilled++;
  }
  for (const i of run.illness) {
    tally.illness.total++;
    if (i.acting) tally.illness.acting++;
    if (i.retired) tally.illness.retired++;
  }
  for (const j of run.securityJoins) {
    tally.securityJoins.total++;
    const credible = j.odds >= CREDIBLE_ODDS;
    if (credible) tally.securityJoins.credible++;
    if (j.patronIn) tally.securityJoins.patronIn++;
    if (credible || j.patronIn) tally.securityJoins.credibleOrPatron++;
  }
  tally.pledged.with += run.pledgedVotes.with;
  tally.pledged.total += run.pledgedVotes.total;
  tally.decreeRemovals += run.decreeRemovals;
  for (const p of run.ccBelief.afterPlenums) {
    tally.ccBelief.plenums++;
    tally.ccBelief.shift += fixed(p.after - p.before);
  }
  if (run.leader !== null) bump(tally.primacyEnd, run.leader);
  for (const who of new Set(run.primacyHistory.map((h) => h.who).filter((w): w is string => w !== null))) {
    bump(tally.primacyEver, who);
    if (run.leader !== who) bump(tally.primacyLost, who);
  }
  for (const [year, who] of Object.entries(run.primacyYearEnd)) bump(nested(tally.primacyYearEnd, year, () => ({})), who ?? "nobody");
  for (const [who, verbs] of Object.entries(run.verbs)) for (const [verb, n] of Object.entries(verbs)) bump(nested(tally.verbs, who, () => ({})), verb, n);
  for (const [who, n] of Object.entries(run.appointments)) bump(tally.appointments, who, n);
  for (const p of run.policiesAdopted) {
    bump(tally.policies, p.id);
    bump(nested(tally.policyYears, p.id, () => ({})), p.date.slice(0, 4));
  }
  for (const t of run.trips) bump(tally.trips, t.trip);
  for (const [who, s] of Object.entries(run.clientShare.start)) bump(tally.clientShareStart, who, fixed(s));
  for (const [who, s] of Object.entries(run.clientShare.end)) bump(tally.clientShareEnd, who, fixed(s));
  for (const c of run.clientShare.congresses) for (const [who, s] of Object.entries(c.shares)) bump(nested(tally.congressShares, c.date, () => ({})), who, fixed(s));
  const congress = run.clientShare.congresses[0];
  const first = congress ? firstOn(run.primacyHistory, congress.date) : null;
  if (congress && first !== null) {
    bump(tally.circularFlow.first, first);
    // The tolerance keeps a gain of exactly 10 points (0.15 - 0.05 in floating point) a gain.
    if ((congress.shares[first] ?? 0) - (run.clientShare.start[first] ?? 0) >= CIRCULAR_FLOW_GAIN - 1e-9) bump(tally.circularFlow.gained, first);
  }
  bump(tally.lastExecution, run.executions.length ? run.executions[run.executions.length - 1].date.slice(0, 4) : "none");
  tally.fearEnd += fixed(run.fear.end);
  const examples = run.leaderRemoved ? tally.exampleSeeds.removed : tally.exampleSeeds.survived;
  if (examples.length < EXAMPLE_SEEDS) examples.push(run.seed);
  return tally;
}

/** Adds every number of `from` into `into`, recursively (counts merge exactly by addition). */
function addInto(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(from)) {
    if (typeof v === "number") into[k] = ((into[k] as number | undefined) ?? 0) + v;
    else if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      into[k] ??= {};
      addInto(into[k] as Record<string, unknown>, v as Record<string, unknown>);
    }
  }
}

const META = new Set(["scenario", "whatIfs", "baseSeed", "exampleSeeds"]);

/**
 * Folds tally `from` (later runs) into `into` (in place; returns it), as if `from`'s runs had been
 * added to `into` one by one after its own: tallies of chunks merged in run order equal the tally of
 * all runs added in order, however the chunks were cut.
 */
export function mergeTally(into: Tally, from: Tally): Tally {
  if (from.runs === 0) return into;
  if (into.scenario === null) into.scenario = from.scenario;
  else if (from.scenario !== null && into.scenario !== from.scenario) throw new Error(`mergeTally: runs of "${from.scenario}" cannot join a tally of "${into.scenario}"`);
  if (into.whatIfs === null) into.whatIfs = from.whatIfs === null ? null : [...from.whatIfs];
  else if (from.whatIfs !== null && into.whatIfs.join("\u0000") !== from.whatIfs.join("\u0000")) {
    throw new Error(`mergeTally: runs with what-ifs [${from.whatIfs.join(", ")}] cannot join a tally of [${into.whatIfs.join(", ")}]`);
  }
  const body = Object.fromEntries(Object.entries(from).filter(([k]) => !META.has(k)));
  addInto(into as unknown as Record<string, unknown>, body);
  for (const kind of ["removed", "survived"] as const) {
    const room = EXAMPLE_SEEDS - into.exampleSeeds[kind].length;
    if (room > 0) into.exampleSeeds[kind].push(...from.exampleSeeds[kind].slice(0, room));
  }
  return into;
}

export interface MonteCarloReport {
  scenario: string | null;
  whatIfs: string[];
  runs: number;
  baseSeed: number | null;
  /** Each paired outcome's share of the runs with its 95% Wilson interval. */
  rates: Record<OutcomeKey, Rate>;
  /** Removals of the starting leader by venue (runs). */
  removedBy: Record<(typeof venues)[number], number>;
  /** Of the contests in which the Presidium turned on the starting leader, the share he took to a plenum. */
  fightRate: Rate;
  /** Of the runs in which the Presidium turned on him, the share in which he fell. */
  plotSuccessRate: Rate;
  movesStarted: number;
  movesPerRun: number | null;
  contests: number;
  contestKinds: Counts;
  contestsPerRun: Counts;
  plenums: number;
  lopsidedPlenums: Rate;
  /** Per principal: runs in which he lost posts in a contest (with the rate), by venue and by month, and his fates. */
  perPrincipal: Record<string, { removed: Rate; byVenue: Counts; months: Counts; fates: FateCounts }>;
  fatesByRole: Record<Role, FateCounts>;
  fatesProposedBy: Rate;
  /** Of the contests over a man's posts whose loser was given a fate, the share in which it was prison or death. */
  harshContestFates: Rate;
  removalDates: Counts;
  successors: Counts;
  plotLeaders: Counts;
  initiatorRoles: { counts: Counts; of: number; closeToTarget: Rate };
  successorAmongFirstThree: Rate;
  securityJoinOdds: { credible: Rate; credibleOrPatron: Rate };
  plenumDelayDays: { counts: Counts; withinBounds: Rate };
  vacancyRefillWeeks: { refilledWithin8: Rate };
  illness: { acting: Rate; retired: Rate };
  pledgesKept: Rate;
  decreeRemovals: number;
  ccBeliefShift: { plenums: number; meanShift: number | null };
  arrests: Record<string, { total: number; armyWithMove: Rate }>;
  removalMoves: Record<string, { total: number; threeFull: Rate }>;
  /** Runs by who held primacy at the end, at any time, and at some time but not at the end. */
  primacy: { end: Counts; ever: Counts; lost: Counts; yearEnd: Record<string, Counts> };
  verbs: Record<string, Counts>;
  appointments: Counts;
  policies: { adopted: Counts; years: Record<string, Counts> };
  trips: Counts;
  /** Mean share of the voting CC held by each principal's clients at the start, at each congress and at the end. */
  clientShares: { start: Counts; congresses: Record<string, Counts>; end: Counts };
  /** Runs by the man first at the first congress that elects a CC, and those where his clients gained CIRCULAR_FLOW_GAIN of it. */
  circularFlow: { first: Counts; gained: Counts };
  lastExecutionYear: Counts;
  meanFearAtEnd: number | null;
  exampleSeeds: { removed: number[]; survived: number[] };
}

/** The report for the runs so far. Does not change the tally; equal tallies give equal reports. */
export function finalize(tally: Tally): MonteCarloReport {
  const o = tally.outcomes;
  const n = tally.runs;
  const rates = Object.fromEntries(outcomeKeys.map((k) => [k, rateOf(o[k], n)])) as Record<OutcomeKey, Rate>;
  const people = Object.keys({ ...tally.removed, ...tally.fates }).sort();
  const delays = Object.entries(tally.plenumDelays).reduce((s, [d, c]) => s + (Number(d) >= PLENUM_DELAY.min && Number(d) <= PLENUM_DELAY.max ? c : 0), 0);
  const delayTotal = Object.values(tally.plenumDelays).reduce((a, b) => a + b, 0);
  const mean = (counts: Counts) => sorted(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, n ? round(v / FIXED / n) : 0])));
  return {
    scenario: tally.scenario,
    whatIfs: [...(tally.whatIfs ?? [])],
    runs: n,
    baseSeed: tally.baseSeed,
    rates,
    removedBy: { session: o.removedInSession, plenum: o.removedByPlenum, force: o.removedByForce },
    fightRate: rateOf(tally.fought, tally.turned),
    plotSuccessRate: rateOf(o.removedAfterPresidiumMove, o.presidiumMovesAgainstLeader),
    movesStarted: tally.movesStarted,
    movesPerRun: n > 0 ? round(tally.movesStarted / n) : null,
    contests: tally.contests,
    contestKinds: sorted(tally.contestKinds),
    contestsPerRun: sorted(tally.contestsPerRun),
    plenums: tally.plenums,
    lopsidedPlenums: rateOf(tally.lopsidedPlenums, tally.plenums),
    perPrincipal: Object.fromEntries(people.map((id) => [id, principalEntry(tally, id)])),
    fatesByRole: Object.fromEntries(roles.map((r) => [r, { ...tally.fatesByRole[r] }])) as Record<Role, FateCounts>,
    fatesProposedBy: rateOf(tally.fatesProposed.byWinner, tally.fatesProposed.total),
    harshContestFates: rateOf(tally.contestFates.harsh, tally.contestFates.decided),
    removalDates: sorted(tally.removalMonths),
    successors: byCount(tally.successors),
    plotLeaders: byCount(tally.plotLeaders),
    initiatorRoles: { counts: sorted(tally.initiatorRoles), of: tally.initiators, closeToTarget: rateOf(tally.initiatorsClose, tally.initiators) },
    successorAmongFirstThree: rateOf(tally.successorAmongFirstThree, o.leaderRemoved),
    securityJoinOdds: { credible: rateOf(tally.securityJoins.credible, tally.securityJoins.total), credibleOrPatron: rateOf(tally.securityJoins.credibleOrPatron, tally.securityJoins.total) },
    plenumDelayDays: { counts: sorted(tally.plenumDelays), withinBounds: rateOf(delays, delayTotal) },
    vacancyRefillWeeks: { refilledWithin8: rateOf(tally.vacancies.refilled, tally.vacancies.total) },
    illness: { acting: rateOf(tally.illness.acting, tally.illness.total), retired: rateOf(tally.illness.retired, tally.illness.total) },
    pledgesKept: rateOf(tally.pledged.with, tally.pledged.total),
    decreeRemovals: tally.decreeRemovals,
    ccBeliefShift: { plenums: tally.ccBelief.plenums, meanShift: tally.ccBelief.plenums ? round(tally.ccBelief.shift / FIXED / tally.ccBelief.plenums) : null },
    arrests: Object.fromEntries(Object.keys(tally.arrests).sort().map((t) => [t, arrestEntry(tally, t)])),
    removalMoves: Object.fromEntries(Object.keys(tally.removalMoves).sort().map((t) => [t, removalMoveEntry(tally, t)])),
    primacy: { end: byCount(tally.primacyEnd), ever: byCount(tally.primacyEver), lost: byCount(tally.primacyLost), yearEnd: Object.fromEntries(Object.keys(tally.primacyYearEnd).sort().map((y) => [y, byCount(tally.primacyYearEnd[y])])) },
    verbs: Object.fromEntries(Object.keys(tally.verbs).sort().map((id) => [id, sorted(tally.verbs[id])])),
    appointments: byCount(tally.appointments),
    policies: { adopted: byCount(tally.policies), years: Object.fromEntries(Object.keys(tally.policyYears).sort().map((p) => [p, sorted(tally.policyYears[p])])) },
    trips: byCount(tally.trips),
    clientShares: { start: mean(tally.clientShareStart), congresses: Object.fromEntries(Object.keys(tally.congressShares).sort().map((d) => [d, mean(tally.congressShares[d])])), end: mean(tally.clientShareEnd) },
    circularFlow: { first: byCount(tally.circularFlow.first), gained: byCount(tally.circularFlow.gained) },
    lastExecutionYear: sorted(tally.lastExecution),
    meanFearAtEnd: n ? round(tally.fearEnd / FIXED / n) : null,
    exampleSeeds: { removed: [...tally.exampleSeeds.removed], survived: [...tally.exampleSeeds.survived] },
  };
}

/**
 * One principal's entries in the report. A principal the runs never touched (never removed, no
 * fate, never arrested) has no entry in the report's maps; these give what his entry would say, so
 * a measure of him reads "0 of N runs" instead of failing.
 */
export function principalEntry(tally: Tally, id: string): MonteCarloReport["perPrincipal"][string] {
  return { removed: rateOf(tally.removed[id] ?? 0, tally.runs), byVenue: sorted(tally.removedByVenue[id] ?? {}), months: sorted(tally.removedMonths[id] ?? {}), fates: { ...(tally.fates[id] ?? emptyFates()) } };
}

export function arrestEntry(tally: Tally, target: string): MonteCarloReport["arrests"][string] {
  const a = tally.arrests[target] ?? { total: 0, armyWithMove: 0 };
  return { total: a.total, armyWithMove: rateOf(a.armyWithMove, a.total) };
}

export function removalMoveEntry(tally: Tally, target: string): MonteCarloReport["removalMoves"][string] {
  const m = tally.removalMoves[target] ?? { total: 0, threeFull: 0 };
  return { total: m.total, threeFull: rateOf(m.threeFull, m.total) };
}

/**
 * Fractions (client shares, fear, belief shifts) are summed as integers in millionths, so that the
 * tallies of any chunking of the runs add up to exactly the same totals (float sums depend on order).
 */
const FIXED = 1e6;
function fixed(x: number): number {
  return Math.round(x * FIXED);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function sorted(counts: Counts): Counts {
  return Object.fromEntries(Object.keys(counts).sort().map((k) => [k, counts[k]]));
}

/** Most frequent first, ties by id, as an object (JSON keeps the order of non-numeric keys). */
function byCount(counts: Counts): Counts {
  const keys = Object.keys(counts).sort((a, b) => counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, counts[k]]));
}
