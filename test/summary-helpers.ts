// Hand-made run summaries (engine v2's RunSummary) for the tests of the Monte Carlo tally and the
// reports: a quiet run by default, and contests described field by field so that every expected
// count in those tests can be worked out by hand.
import type { ContestSummary, RunSummary } from "../src/engine/index.js";

/** A run in which nothing happened: the starting leader first from start to end. */
export function quietRun(over: Partial<RunSummary> = {}): RunSummary {
  return {
    scenario: "october-1964",
    seed: 1,
    whatIfs: [],
    endDate: "1964-12-31",
    startingLeader: "khrushchev",
    leader: "khrushchev",
    primacyHistory: [{ who: "khrushchev", from: "1963-07-01" }],
    primacyYearEnd: { "1963": "khrushchev", "1964": "khrushchev" },
    topPost: "first-secretary",
    firstSecretary: "khrushchev",
    leaderRemoved: false,
    leaderRemovedBy: null,
    removalDate: null,
    contests: [],
    undecided: null,
    movesStarted: 0,
    removed: {},
    decreeRemovals: 0,
    vacancyWeeks: [],
    illness: [],
    securityJoins: [],
    pledgedVotes: { with: 0, total: 0 },
    ccBelief: { start: 0.8, end: 0.8, afterPlenums: [] },
    verbs: {},
    appointments: {},
    policiesAdopted: [],
    trips: [],
    clientShare: { start: {}, congresses: [], end: {} },
    executions: [],
    fear: { start: 0.15, end: 0.15 },
    ...over,
  };
}

/** A contest against the first man that the move won in the Presidium, with his resignation. */
export function contest(over: Partial<ContestSummary> = {}): ContestSummary {
  return {
    date: "1964-10-12",
    endedOn: "1964-10-13",
    target: "khrushchev",
    targetRole: "first",
    venue: "session",
    open: null,
    winner: "move",
    initiator: "brezhnev",
    initiatorRole: "full",
    initiatorClose: true,
    firstThree: ["brezhnev", "podgorny", "shelepin"],
    launchedWhileAway: true,
    answer: "resign",
    plenumDelayDays: null,
    presidium: { for: 9, against: 2, voters: 11 },
    plenum: null,
    fates: [{ who: "khrushchev", fate: "retired", proposedBy: "brezhnev", softenedBy: [] }],
    posts: { "first-secretary": "brezhnev" },
    kingmakers: [],
    fullMembers: 5,
    armySide: "neutral",
    ...over,
  };
}

/** A run in which the first man lost his posts to `c` (by default: a Presidium vote while he was away). */
export function removalRun(over: Partial<RunSummary> = {}, c: ContestSummary = contest()): RunSummary {
  const successor = c.posts["first-secretary"] ?? "brezhnev";
  return quietRun({
    leader: successor,
    firstSecretary: successor,
    primacyHistory: [
      { who: "khrushchev", from: "1963-07-01" },
      { who: successor, from: "1964-10-14" },
    ],
    primacyYearEnd: { "1963": "khrushchev", "1964": successor },
    leaderRemoved: true,
    leaderRemovedBy: c.venue,
    removalDate: "1964-10-14",
    contests: [c],
    movesStarted: 2,
    removed: { khrushchev: { venue: c.venue, date: "1964-10-14", fate: c.fates.find((f) => f.who === "khrushchev")?.fate ?? null } },
    ...over,
  });
}
