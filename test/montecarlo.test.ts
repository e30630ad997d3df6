// The Monte Carlo aggregation (src/research/montecarlo.ts) on hand-made run summaries, and the
// Wilson interval.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mixSeed, simulate, summarize, type RunSummary } from "../src/engine/index.js";
import { recordRun } from "../src/research/run-record.js";
import { scenarioOf } from "./strategies.js";
import { csvColumns } from "../src/research/csv.js";
import { rateOf, wilson } from "../src/research/interval.js";
import { addRun, emptyTally, finalize, mergeTally, outcomeKeys, outcomesOf } from "../src/research/montecarlo.js";
import { measure } from "../src/research/measures.js";
import { contest, quietRun, removalRun } from "./summary-helpers.js";

const none = { retired: 0, demoted: 0, expelled: 0, imprisoned: 0, executed: 0 };

/**
 * Four october-1964 runs, worked out by hand below:
 * A (seed 11) Khrushchev voted out in the Presidium while away; Mikoyan, who stood by him, demoted.
 * B (seed 12) Mikoyan purged openly in March; Khrushchev removed by a plenum in June, Podgorny first.
 * C (seed 13) a move against Khrushchev wins the Presidium but he is saved by the plenum; the movers fall.
 * D (seed 14) nothing happens, except that by the end nobody stands clearly first.
 */
function fourRuns(): RunSummary[] {
  const a = removalRun(
    {
      seed: 11,
      removed: { khrushchev: { venue: "session", date: "1964-10-14", fate: "retired" }, mikoyan: { venue: "session", date: "1964-10-14", fate: "demoted" } },
      vacancyWeeks: [1, 9],
      illness: [{ who: "kozlov", acting: true, retired: true }],
      securityJoins: [{ who: "semichastny", odds: 0.35, patronIn: true }],
      pledgedVotes: { with: 4, total: 5 },
      verbs: { brezhnev: { "start-move": 1, "sound-out": 3 }, khrushchev: { travel: 2 } },
      appointments: { khrushchev: 3 },
      policiesAdopted: [{ id: "agriculture-note-1964", date: "1964-07-20", champion: "khrushchev" }],
      trips: [{ who: "khrushchev", trip: "pitsunda-holiday", date: "1964-09-30" }],
      clientShare: { start: { khrushchev: 0.5 }, congresses: [], end: { khrushchev: 0.25, brezhnev: 0.25 } },
      fear: { start: 0.15, end: 0.25 },
    },
    contest({
      fates: [
        { who: "khrushchev", fate: "retired", proposedBy: "brezhnev", softenedBy: [] },
        { who: "mikoyan", fate: "demoted", proposedBy: "suslov", softenedBy: ["kosygin"] },
      ],
    }),
  );
  const purge = contest({
    date: "1964-03-02",
    target: "mikoyan",
    targetRole: "full",
    open: "purge",
    initiator: "khrushchev",
    initiatorClose: false,
    firstThree: ["khrushchev"],
    launchedWhileAway: false,
    answer: null,
    presidium: { for: 6, against: 5, voters: 11 },
    fates: [{ who: "mikoyan", fate: "retired", proposedBy: "khrushchev", softenedBy: [] }],
    posts: {},
    fullMembers: 1,
  });
  const byPlenum = contest({
    date: "1964-06-15",
    venue: "plenum",
    initiator: "shelepin",
    initiatorRole: "candidate",
    initiatorClose: false,
    firstThree: ["shelepin", "polyansky", "shelest"],
    launchedWhileAway: false,
    answer: "plenum",
    plenumDelayDays: 3,
    presidium: { for: 7, against: 4, voters: 11 },
    plenum: { forTarget: 55, againstTarget: 90, present: 145, days: 3 },
    fates: [{ who: "khrushchev", fate: "demoted", proposedBy: "shelepin", softenedBy: ["mikoyan"] }],
    posts: { "first-secretary": "podgorny" },
    fullMembers: 2,
  });
  const b = removalRun(
    {
      seed: 12,
      removalDate: "1964-06-22",
      contests: [purge, byPlenum],
      removed: { mikoyan: { venue: "session", date: "1964-03-02", fate: "retired" }, khrushchev: { venue: "plenum", date: "1964-06-22", fate: "demoted" } },
      movesStarted: 3,
      securityJoins: [{ who: "semichastny", odds: 0.1, patronIn: false }],
      pledgedVotes: { with: 2, total: 2 },
      ccBelief: { start: 0.8, end: 0.8, afterPlenums: [{ before: 0.7, after: 0.8 }] },
      verbs: { brezhnev: { "sound-out": 1 } },
      appointments: { khrushchev: 1, malinovsky: 2 },
      trips: [{ who: "khrushchev", trip: "hungary-1964", date: "1964-03-31" }],
      clientShare: { start: { khrushchev: 0.3 }, congresses: [{ date: "1964-05-01", shares: { khrushchev: 0.4 } }], end: { podgorny: 0.1 } },
      fear: { start: 0.15, end: 0.35 },
    },
    byPlenum,
  );
  const c = quietRun({
    seed: 13,
    contests: [
      contest({
        date: "1964-08-03",
        winner: "target",
        venue: "plenum",
        initiatorRole: "secretary",
        firstThree: ["brezhnev", "semichastny"],
        launchedWhileAway: false,
        answer: "plenum",
        plenumDelayDays: 2,
        presidium: { for: 6, against: 5, voters: 11 },
        plenum: { forTarget: 120, againstTarget: 21, present: 141, days: 2 },
        fates: [
          { who: "brezhnev", fate: "expelled", proposedBy: "khrushchev", softenedBy: [] },
          // Imposed with no judge: he proposed nothing for himself, nobody proposed for him.
          { who: "semichastny", fate: "imprisoned", proposedBy: "semichastny", softenedBy: [] },
        ],
        posts: { "second-secretary": "kirilenko" },
        fullMembers: 3,
      }),
    ],
    removed: { brezhnev: { venue: "plenum", date: "1964-08-10", fate: "expelled" }, semichastny: { venue: "plenum", date: "1964-08-10", fate: "imprisoned" } },
    movesStarted: 1,
    securityJoins: [{ who: "semichastny", odds: 0.2, patronIn: true }],
    ccBelief: { start: 0.8, end: 0.8, afterPlenums: [{ before: 0.5, after: 0.75 }] },
    fear: { start: 0.15, end: 0.45 },
  });
  const d = quietRun({
    seed: 14,
    leader: null,
    primacyHistory: [
      { who: "khrushchev", from: "1963-07-01" },
      { who: null, from: "1964-11-02" },
    ],
    primacyYearEnd: { "1963": "khrushchev", "1964": null },
    illness: [{ who: "kuusinen", acting: false, retired: false }],
    decreeRemovals: 1,
  });
  return [a, b, c, d];
}

describe("Monte Carlo tally", () => {
  it("starts empty", () => {
    const r = finalize(emptyTally({ scenario: "october-1964", whatIfs: ["loyal-kgb"], baseSeed: 7 }));
    expect(r).toMatchObject({ scenario: "october-1964", whatIfs: ["loyal-kgb"], runs: 0, baseSeed: 7, movesStarted: 0, movesPerRun: null, contests: 0, plenums: 0, perPrincipal: {}, meanFearAtEnd: null });
    for (const key of outcomeKeys) expect(r.rates[key]).toEqual({ count: 0, of: 0, rate: null, low: null, high: null });
    expect(r.ccBeliefShift).toEqual({ plenums: 0, meanShift: null });
    expect(r.exampleSeeds).toEqual({ removed: [], survived: [] });
  });

  it("counts the paired outcomes of each run once", () => {
    const t = emptyTally({ baseSeed: 1 });
    for (const run of fourRuns()) addRun(t, run);
    const r = finalize(t);
    const counts = Object.fromEntries(outcomeKeys.map((k) => [k, r.rates[k].count]));
    expect(counts).toEqual({
      leaderRemoved: 2,
      removedInSession: 1,
      removedByPlenum: 1,
      removedByForce: 0,
      removedWhileAway: 1,
      presidiumMovesAgainstLeader: 3,
      survivedViaPlenum: 1,
      removedAfterPresidiumMove: 2,
      leaderFought: 2,
      anyExecution: 0,
    });
    for (const key of outcomeKeys) expect(r.rates[key]).toEqual(rateOf(counts[key], 4));
    expect(r.removedBy).toEqual({ session: 1, plenum: 1, force: 0 });
    expect(r.fightRate).toEqual(rateOf(2, 3));
    expect(r.plotSuccessRate).toEqual(rateOf(2, 3));
    expect(r.exampleSeeds).toEqual({ removed: [11, 12], survived: [13, 14] });
  });

  it("counts moves, contests, plenums, fates and removals by principal", () => {
    const t = emptyTally({ baseSeed: 1 });
    for (const run of fourRuns()) addRun(t, run);
    const r = finalize(t);
    expect(r).toMatchObject({ scenario: "october-1964", whatIfs: [], runs: 4, baseSeed: 1, movesStarted: 6, movesPerRun: 1.5, contests: 4, plenums: 2, decreeRemovals: 1 });
    expect(r.contestKinds).toEqual({ "plenum:move": 1, "plenum:target": 1, "session:move": 2 });
    expect(Object.keys(r.contestKinds)).toEqual(["plenum:move", "plenum:target", "session:move"]);
    // The open purge is not a contest anyone started in secret.
    expect(r.contestsPerRun).toEqual({ "0": 1, "1": 3 });
    expect(r.lopsidedPlenums).toEqual(rateOf(1, 2));
    expect(Object.keys(r.perPrincipal)).toEqual(["brezhnev", "khrushchev", "mikoyan", "semichastny"]);
    expect(r.perPrincipal.khrushchev).toEqual({ removed: rateOf(2, 4), byVenue: { plenum: 1, session: 1 }, months: { "1964-06": 1, "1964-10": 1 }, fates: { ...none, retired: 1, demoted: 1 } });
    expect(r.perPrincipal.mikoyan).toEqual({ removed: rateOf(2, 4), byVenue: { session: 2 }, months: { "1964-03": 1, "1964-10": 1 }, fates: { ...none, retired: 1, demoted: 1 } });
    expect(r.perPrincipal.brezhnev).toEqual({ removed: rateOf(1, 4), byVenue: { plenum: 1 }, months: { "1964-08": 1 }, fates: { ...none, expelled: 1 } });
    expect(r.perPrincipal.semichastny.fates).toEqual({ ...none, imprisoned: 1 });
    expect(r.fatesByRole).toEqual({ target: { ...none, retired: 2, demoted: 1 }, mover: { ...none, expelled: 1, imprisoned: 1 }, loyalist: { ...none, demoted: 1 } });
    expect(r.fatesProposedBy).toEqual(rateOf(5, 6));
    // Every contest's loser got a fate, none of them prison or death.
    expect(r.harshContestFates).toEqual(rateOf(0, 4));
    expect(r.removalDates).toEqual({ "1964-06": 1, "1964-10": 1 });
    expect(r.removalMoves).toEqual({ khrushchev: { total: 2, threeFull: rateOf(1, 2) }, mikoyan: { total: 1, threeFull: rateOf(0, 1) } });
    expect(r.arrests).toEqual({});
  });

  it("counts harsh fates by contest: the loser's fate, a retirement for age and health left out", () => {
    const t = emptyTally({ baseSeed: 1 });
    const shot = (who: string) => ({ who, fate: "executed" as const, proposedBy: "khrushchev", softenedBy: [] });
    addRun(t, quietRun({ seed: 1, contests: [
      // The move failed: its initiator is the loser, and his fate counts once however many share it.
      contest({ winner: "target", initiator: "shelepin", fates: [shot("shelepin"), shot("semichastny"), shot("polyansky")] }),
      // A retirement for age and health is a vote, not a contest.
      contest({ open: "health", target: "kozlov", fates: [{ who: "kozlov", fate: "retired", proposedBy: "brezhnev", softenedBy: [] }] }),
    ] }));
    addRun(t, quietRun({ seed: 2, contests: [contest({ fates: [{ who: "khrushchev", fate: "retired", proposedBy: "brezhnev", softenedBy: [] }] })] }));
    const r = finalize(t);
    expect(r.harshContestFates).toEqual(rateOf(1, 2));
    expect(measure(r, "harsh-fates").value).toBe(0.5);
  });

  it("counts no plot leader for a first man released for his health", () => {
    const t = emptyTally({ baseSeed: 1 });
    addRun(t, removalRun({}, contest({ open: "health", initiator: "brezhnev" })));
    addRun(t, removalRun({ seed: 2 }, contest({ initiator: "shelepin" })));
    const r = finalize(t);
    expect(r.rates.leaderRemoved.count).toBe(2);
    expect(r.plotLeaders).toEqual({ shelepin: 1 });
  });

  it("names no plot leader in a run's CSV row for a first man released for his health, as the table does (review: the two disagreed)", () => {
    const scenario = scenarioOf("october-1964");
    let checked = 0;
    for (let i = 0; i < 40 && checked === 0; i++) {
      const world = simulate(scenario, { seed: mixSeed(1, i) });
      const summary = summarize(world);
      const removal = summary.contests.find((c) => c.target === summary.startingLeader && c.winner === "move");
      if (removal?.open !== "health") continue;
      expect(recordRun(world, summary, i, "baseline").plotLeader).toBeNull();
      checked++;
    }
    expect(checked).toBe(1);
  });

  it("counts who started the moves against the first man, who succeeded him and the mechanisms of VALIDATION.md B", () => {
    const t = emptyTally({ baseSeed: 1 });
    for (const run of fourRuns()) addRun(t, run);
    const r = finalize(t);
    expect(r.successors).toEqual({ brezhnev: 1, podgorny: 1 });
    expect(r.plotLeaders).toEqual({ brezhnev: 1, shelepin: 1 });
    // A's successor (Brezhnev) was among the first three movers; B's (Podgorny) was not.
    expect(r.successorAmongFirstThree).toEqual(rateOf(1, 2));
    expect(r.initiatorRoles).toEqual({ counts: { candidate: 1, full: 1, secretary: 1 }, of: 3, closeToTarget: rateOf(2, 3) });
    expect(r.securityJoinOdds).toEqual({ credible: rateOf(1, 3), credibleOrPatron: rateOf(2, 3) });
    expect(r.plenumDelayDays).toEqual({ counts: { "2": 1, "3": 1 }, withinBounds: rateOf(2, 2) });
    expect(r.vacancyRefillWeeks).toEqual({ refilledWithin8: rateOf(1, 2) });
    expect(r.illness).toEqual({ acting: rateOf(1, 2), retired: rateOf(1, 2) });
    expect(r.pledgesKept).toEqual(rateOf(6, 7));
    expect(r.ccBeliefShift).toEqual({ plenums: 2, meanShift: 0.175 });
  });

  it("counts what the AI chose, who was first, and the means of client shares and fear", () => {
    const t = emptyTally({ baseSeed: 1 });
    for (const run of fourRuns()) addRun(t, run);
    const r = finalize(t);
    expect(r.primacy.end).toEqual({ brezhnev: 1, khrushchev: 1, podgorny: 1 });
    expect(Object.entries(r.primacy.ever)).toEqual([["khrushchev", 4], ["brezhnev", 1], ["podgorny", 1]]);
    // Khrushchev held primacy in all four runs and kept it to the end in one; Brezhnev and Podgorny kept theirs.
    expect(r.primacy.lost).toEqual({ khrushchev: 3 });
    expect(r.primacy.yearEnd).toEqual({ "1963": { khrushchev: 4 }, "1964": { brezhnev: 1, khrushchev: 1, nobody: 1, podgorny: 1 } });
    expect(r.verbs).toEqual({ brezhnev: { "sound-out": 4, "start-move": 1 }, khrushchev: { travel: 2 } });
    expect(Object.entries(r.appointments)).toEqual([["khrushchev", 4], ["malinovsky", 2]]);
    expect(r.policies).toEqual({ adopted: { "agriculture-note-1964": 1 }, years: { "agriculture-note-1964": { "1964": 1 } } });
    expect(r.trips).toEqual({ "hungary-1964": 1, "pitsunda-holiday": 1 });
    // Means over all four runs (a principal absent from a run counts 0 there), to three decimals.
    expect(r.clientShares).toEqual({ start: { khrushchev: 0.2 }, congresses: { "1964-05-01": { khrushchev: 0.1 } }, end: { brezhnev: 0.063, khrushchev: 0.063, podgorny: 0.025 } });
    expect(r.meanFearAtEnd).toBe(0.3);
    expect(r.lastExecutionYear).toEqual({ none: 4 });
  });

  it("counts the circular flow: the man first on the first congress's day, and whether his clients gained 10 points of the CC", () => {
    const t = emptyTally();
    const run = (seed: number, first: string, start: number, atCongress: number) =>
      quietRun({
        seed,
        primacyHistory: [{ who: "malenkov", from: "1953-03-15" }, { who: first, from: "1955-02-08" }, { who: "molotov", from: "1956-06-01" }],
        clientShare: { start: { [first]: start }, congresses: [{ date: "1956-02-25", shares: { [first]: atCongress } }, { date: "1961-10-31", shares: { [first]: 0.9 } }], end: {} },
      });
    addRun(t, run(1, "khrushchev", 0.05, 0.15)); // exactly 10 points: counts
    addRun(t, run(2, "khrushchev", 0.05, 0.14));
    addRun(t, run(3, "khrushchev", 0, 0.3));
    addRun(t, run(4, "bulganin", 0.02, 0.2));
    // A run without a congress that elects a CC counts for nobody.
    addRun(t, quietRun({ seed: 5, clientShare: { start: {}, congresses: [], end: {} } }));
    expect(finalize(t).circularFlow).toEqual({ first: { khrushchev: 3, bulganin: 1 }, gained: { khrushchev: 2, bulganin: 1 } });
  });

  it("counts arrests, executions and removals by force (march-1953)", () => {
    const march = (over: Partial<RunSummary>) => quietRun({ scenario: "march-1953", startingLeader: "malenkov", leader: "malenkov", topPost: "premier", endDate: "1955-12-31", primacyHistory: [{ who: "malenkov", from: "1953-03-05" }], primacyYearEnd: {}, ...over });
    const arrestBeria = contest({ date: "1953-06-26", target: "beria", targetRole: "full", venue: "force", answer: null, presidium: null, launchedWhileAway: false, firstThree: ["khrushchev", "malenkov", "bulganin"], initiator: "khrushchev", initiatorRole: "secretary", fates: [{ who: "beria", fate: "executed", proposedBy: "khrushchev", softenedBy: [] }], posts: { "interior-minister": "kruglov" }, kingmakers: ["zhukov"], armySide: "move" });
    const arrestMalenkov = contest({ date: "1954-03-01", target: "malenkov", venue: "force", answer: null, presidium: null, launchedWhileAway: false, firstThree: ["khrushchev"], fates: [{ who: "malenkov", fate: "imprisoned", proposedBy: "khrushchev", softenedBy: [] }], posts: { premier: "khrushchev" }, armySide: "neutral" });
    const failedArrest = contest({ date: "1953-06-26", target: "beria", targetRole: "full", venue: "force", winner: "target", answer: null, presidium: null, launchedWhileAway: false, firstThree: ["khrushchev"], fates: [{ who: "khrushchev", fate: "executed", proposedBy: "beria", softenedBy: [] }], posts: {}, armySide: "target" });
    const t = emptyTally();
    addRun(t, march({ seed: 21, contests: [arrestBeria], removed: { beria: { venue: "force", date: "1953-06-26", fate: "executed" } }, executions: [{ who: "beria", date: "1953-12-23" }] }));
    addRun(t, march({ seed: 22, contests: [arrestMalenkov], leaderRemoved: true, leaderRemovedBy: "force", removalDate: "1954-03-01", leader: "khrushchev", removed: { malenkov: { venue: "force", date: "1954-03-01", fate: "imprisoned" } } }));
    addRun(t, march({ seed: 23, contests: [failedArrest], removed: { khrushchev: { venue: "force", date: "1953-06-26", fate: "executed" } }, executions: [{ who: "khrushchev", date: "1953-07-01" }] }));
    const r = finalize(t);
    expect(r.rates.anyExecution).toEqual(rateOf(2, 3));
    expect(r.rates.removedByForce).toEqual(rateOf(1, 3));
    expect(r.removedBy).toEqual({ session: 0, plenum: 0, force: 1 });
    // Only arrests the move won count, with whether the Army's chief was with it.
    expect(r.arrests).toEqual({ beria: { total: 1, armyWithMove: rateOf(1, 1) }, malenkov: { total: 1, armyWithMove: rateOf(0, 1) } });
    expect(r.lastExecutionYear).toEqual({ "1953": 2, none: 1 });
    // An arrest is no Presidium majority.
    expect(r.rates.presidiumMovesAgainstLeader.count).toBe(0);
    expect(r.successors).toEqual({ khrushchev: 1 });
  });

  it("outcomes: a tied Presidium has not turned on him, and an open purge is not a move against him", () => {
    const tie = outcomesOf(quietRun({ contests: [contest({ winner: "target", answer: null, presidium: { for: 5, against: 5, voters: 10 } })] }));
    expect(tie.presidiumMovesAgainstLeader).toBe(false);
    const oneMore = outcomesOf(quietRun({ contests: [contest({ winner: "target", answer: null, presidium: { for: 6, against: 5, voters: 11 } })] }));
    expect(oneMore.presidiumMovesAgainstLeader).toBe(true);
    const purge = outcomesOf(quietRun({ contests: [contest({ open: "purge", presidium: { for: 9, against: 2, voters: 11 } })] }));
    expect(purge.presidiumMovesAgainstLeader).toBe(false);
    // Removed by a move launched while he was away, but a later contest decided it: not "while away".
    const later = outcomesOf(removalRun({}, contest({ launchedWhileAway: false })));
    expect(later).toMatchObject({ leaderRemoved: true, removedInSession: true, removedWhileAway: false, leaderFought: false });
  });

  it("a plenum with exactly 80% for the winner is lopsided", () => {
    const t = emptyTally();
    const withPlenum = (forTarget: number, againstTarget: number) => quietRun({ contests: [contest({ venue: "plenum", winner: "move", answer: "plenum", plenum: { forTarget, againstTarget, present: forTarget + againstTarget, days: 1 } })] });
    addRun(t, withPlenum(20, 80));
    addRun(t, withPlenum(21, 79));
    expect(finalize(t)).toMatchObject({ plenums: 2, lopsidedPlenums: rateOf(1, 2) });
  });

  it("orders successors by count, then id", () => {
    const t = emptyTally();
    for (const [seed, who] of [[1, "podgorny"], [2, "brezhnev"], [3, "brezhnev"], [4, "kosygin"]] as const) addRun(t, removalRun({ seed, leader: who }));
    expect(Object.entries(finalize(t).successors)).toEqual([["brezhnev", 2], ["kosygin", 1], ["podgorny", 1]]);
  });

  it("keeps at most five example seeds of each kind", () => {
    const t = emptyTally();
    for (let i = 0; i < 12; i++) addRun(t, i % 3 === 0 ? removalRun({ seed: i }) : quietRun({ seed: i }));
    expect(finalize(t).exampleSeeds).toEqual({ removed: [0, 3, 6, 9], survived: [1, 2, 4, 5, 7] });
  });

  it("merging tallies of consecutive runs equals adding the runs in order", () => {
    const runs = fourRuns();
    const whole = emptyTally({ baseSeed: 1 });
    for (const run of runs) addRun(whole, run);
    for (const cut of [1, 2, 3]) {
      const first = emptyTally({ baseSeed: 1 });
      const second = emptyTally({ baseSeed: 1 });
      runs.slice(0, cut).forEach((run) => addRun(first, run));
      runs.slice(cut).forEach((run) => addRun(second, run));
      expect(finalize(mergeTally(first, second))).toEqual(finalize(whole));
    }
  });

  it("finalize does not change the tally and gives equal reports for equal tallies", () => {
    const a = emptyTally({ baseSeed: 3 });
    const b = emptyTally({ baseSeed: 3 });
    for (const t of [a, b]) for (const run of fourRuns()) addRun(t, run);
    const before = JSON.stringify(a);
    const first = finalize(a);
    first.perPrincipal.khrushchev.fates.retired = 99;
    first.exampleSeeds.removed.push(42);
    expect(JSON.stringify(a)).toBe(before);
    expect(JSON.stringify(finalize(a))).toBe(JSON.stringify(finalize(b)));
  });

  it("refuses to mix scenarios or what-ifs", () => {
    const t = emptyTally();
    addRun(t, quietRun());
    expect(() => addRun(t, quietRun({ scenario: "june-1957" }))).toThrow(/june-1957/);
    expect(() => addRun(t, quietRun({ whatIfs: ["loyal-kgb"] }))).toThrow(/loyal-kgb/);
    const u = emptyTally({ scenario: "october-1964", whatIfs: ["loyal-kgb"] });
    expect(() => addRun(u, quietRun())).toThrow();
    expect(() => mergeTally(emptyTally({ scenario: "june-1957" }), t)).toThrow(/october-1964/);
  });
});

describe("Wilson interval", () => {
  it("matches known values", () => {
    const half = wilson(5, 10);
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    const none = wilson(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    const all = wilson(10, 10);
    expect(all.low).toBeCloseTo(0.7225, 4);
    expect(all.high).toBe(1);
    const big = wilson(700, 1000);
    expect(big.low).toBeCloseTo(0.6709, 4);
    expect(big.high).toBeCloseTo(0.7276, 4);
  });

  it("contains the observed rate and narrows with more runs", () => {
    for (const [k, n] of [[1, 3], [37, 100], [999, 1000]]) {
      const { low, high } = wilson(k, n);
      expect(low).toBeLessThanOrEqual(k / n);
      expect(high).toBeGreaterThanOrEqual(k / n);
    }
    const small = wilson(30, 100);
    const large = wilson(300, 1000);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });

  it("rejects impossible counts; a rate of nothing is null", () => {
    expect(() => wilson(3, 0)).toThrow(RangeError);
    expect(() => wilson(11, 10)).toThrow(RangeError);
    expect(rateOf(0, 0)).toEqual({ count: 0, of: 0, rate: null, low: null, high: null });
  });
});

describe("src/research stays pure", () => {
  it("imports no Node modules (no I/O) and nothing from the CLI, outside run/", async () => {
    const { readdirSync, readFileSync, statSync } = await import("node:fs");
    const { dirname, join, relative, resolve } = await import("node:path");
    const { fileURLToPath } = await import("node:url");
    const root = fileURLToPath(new URL("../src/research/", import.meta.url));
    const engineIndex = fileURLToPath(new URL("../src/engine/index.ts", import.meta.url));
    // run/ holds the worker threads, output files and the terminal: the one place with I/O.
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return name === "run" && dir === root ? [] : files(path);
        return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
      });
    const checked = files(root);
    expect(checked.length).toBeGreaterThan(10);
    for (const file of checked) {
      const name = relative(root, file);
      const text = readFileSync(file, "utf8");
      for (const [, spec] of text.matchAll(/from\s+"([^"]+)"/g)) {
        const target = resolve(dirname(file), spec.replace(/\.js$/, ".ts"));
        const inside = target.startsWith(root) && !target.startsWith(join(root, "run") + "/");
        expect(inside || target === engineIndex, `${name} imports ${spec}`).toBe(true);
      }
      expect(text, name).not.toMatch(/\b(process\.|Math\.random|Date\.now)/);
    }
  });
});

describe("the CSV's documentation", () => {
  it("lists exactly the columns montecarlo --csv writes, in order", () => {
    const docs = readFileSync(new URL("../docs/research.md", import.meta.url), "utf8");
    const section = docs.slice(docs.indexOf("## One row per run: `--csv FILE`"), docs.indexOf("Empty cells mean"));
    const documented = section
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .flatMap((line) => [...line.split(" | ")[0].matchAll(/`([a-z_]+)`/g)].map((m) => m[1]));
    expect(documented).toEqual([...csvColumns]);
  });
});
