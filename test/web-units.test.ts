// The browser game's pure helpers (no DOM): the board's own row, the Presidium count for a move, the
// crisis scene's voters, the end screen's what-ifs and fate, the dossier's citations, the default
// answer of a question, the grammar of lists of names, and where the network writes names and the
// map draws a trip.
import { describe, expect, it } from "vitest";
import type { Awaiting, BoardRow, CrisisView, Goal, LogEntry, PrincipalView, PublicOutcome, ScenarioInfo, SeatView } from "../src/server/api-types.js";
import { boardRowsForSeat, presidiumCountText } from "../src/web/game/board-reads.js";
import { chronological, crisesToShow, crisisSteps, decidedByForce, digestOf, routineNote, votersAtVote } from "../src/web/game/story.js";
import { wireText } from "../src/web/game/NewsWire.js";
import { restoredCrisis, stepsToReveal, updateCrisis } from "../src/web/game/GameScreen.js";
import { contestDates, contestSources, contestsText, historyForGoal, outcomeSummary, whatIfLabels } from "../src/web/game/EndScreen.js";
import { goalsAfterFallText, goalStanding } from "../src/web/game/Goals.js";
import { saveLabel, savedWhen } from "../src/web/home/SavedGames.js";
import { ScenarioCatalog } from "../src/server/scenario-catalog.js";
import { awayOn, headerWhileRevealing, liveSoFar, principalsAsRevealed, revealedLength, type HeaderFacts } from "../src/web/game/reveal.js";
import { defaultPick, uncertaintyText } from "../src/web/game/DecisionPanel.js";
import { citationsOf } from "../src/web/citation.js";
import { withNewcomers } from "../src/web/game/Dossiers.js";
import { clientsTitle, journeyOffer } from "../src/web/game/Desk.js";
import { estimateRange, listWithVerb, percentRange, runDate, yourFate } from "../src/web/format.js";
import { readRange } from "../src/web/game/Board.js";
import { organsOf } from "../src/web/labels.js";
import { entryOf, initialPlace, isSharedLink, placeOf, prefillOf, sharedLink } from "../src/web/navigation.js";
import { parseSettingsText } from "../src/web/home/settings.js";
import { MAP, placeOf as mapPlaceOf, project } from "../src/web/game/geography.js";
import { nameWidth, placeNameLabels, slantedLabelsReach } from "../src/web/game/name-labels.js";
import { END_RADIUS, endLabel, PLACE_NAME_SIZE, tripBend, tripLine } from "../src/web/game/trip-line.js";
import { resolveScenario } from "../src/scenarios/catalog.js";
import { loadScenarioFile } from "../src/scenarios/load.js";
import { advance, createWorld, decisionsFor, step } from "../src/engine/index.js";

const names = (id: string) => ({ khrushchev: "Nikita Khrushchev", brezhnev: "Leonid Brezhnev", ponomarev: "Boris Ponomarev", kozlov: "Frol Kozlov" })[id] ?? id;

function principal(id: string, over: Partial<PrincipalView> = {}): PrincipalView {
  return { id, name: names(id), nameRu: "", age: 60, alive: true, incapacitated: false, presidium: "full", votesInPresidium: true, secretary: false, posts: [], postTitles: [], acting: [], organs: [], healthRead: "fair", patron: null, fate: null, away: null, prestige: 0.5, power: 0.1, illSince: null, ...over };
}

function entry(seq: number, type: string, date: string, data: Record<string, unknown> = {}, extra: Partial<LogEntry> = {}): LogEntry {
  return { seq, date, type, audience: "public", text: `${type} ${seq}`, data, ...extra } as LogEntry;
}

describe("the board's own row (issue 13: the plotter's own row)", () => {
  const rows: BoardRow[] = [
    { id: "khrushchev", role: "leader", stance: null, regard: { value: 0.2, spread: 0.3, basis: [] } },
    { id: "brezhnev", role: "you", stance: { value: 0.39, spread: 0, basis: [{ term: "your own opinion of him", value: 0.39 }] }, regard: null },
    { id: "kozlov", role: "colleague", stance: { value: 0.3, spread: 0.4, basis: [{ term: "colleagues back the first man in public", value: 0.3 }] }, regard: null },
  ];
  const move = (over: Partial<SeatView["movesKnown"][number]> = {}): SeatView["movesKnown"][number] => ({ move: "m1", target: "khrushchev", knownMembers: ["brezhnev"], certainty: 1, source: "member", since: "1964-01-01", member: true, pledged: 0, promised: null, ...over });

  it("a player in a move against the first man is shown against him, from his own knowledge, not 'leans loyal'", () => {
    const shown = boardRowsForSeat(rows, [move()], "khrushchev", "brezhnev", names);
    const own = shown.find((r) => r.id === "brezhnev")!;
    expect(own.stance!.value).toBe(-1);
    expect(own.stance!.spread).toBe(0);
    expect(own.stance!.basis.map((b) => b.term)).toEqual(["you are in a move against Nikita Khrushchev"]);
    // Every other row is the seat's read, untouched.
    expect(shown.find((r) => r.id === "kozlov")).toEqual(rows[2]);
  });

  it("a move he has only heard of, or one against another man, leaves his own opinion as it is", () => {
    expect(boardRowsForSeat(rows, [move({ member: false, source: "told" })], "khrushchev", "brezhnev", names)[1]).toEqual(rows[1]);
    expect(boardRowsForSeat(rows, [move({ target: "kozlov" })], "khrushchev", "brezhnev", names)[1]).toEqual(rows[1]);
  });
});

describe("who votes on a move against a man (the rules: full members able to work)", () => {
  const count = { target: "brezhnev", presidium: { counted: 2, voters: 10, needed: 6, expected: 4.5 } };

  it("a full member able to work votes on his own case", () => {
    expect(presidiumCountText(count, principal("brezhnev"), names)).toBe("In the Presidium you count 2 sure votes and expect 4.5; 6 of 10 are needed, Leonid Brezhnev's own vote against among the 10. A tie keeps him.");
  });

  it("a candidate member, a secretary without a seat and a sick man do not", () => {
    expect(presidiumCountText(count, principal("brezhnev", { presidium: "candidate", votesInPresidium: false }), names)).toMatch(/Leonid Brezhnev does not vote on his own case \(a candidate member has no vote\)/);
    expect(presidiumCountText({ ...count, target: "ponomarev" }, principal("ponomarev", { presidium: "none", votesInPresidium: false, secretary: true }), names)).toMatch(/Boris Ponomarev does not vote on his own case \(he has no seat in it\)/);
    expect(presidiumCountText({ ...count, target: "kozlov" }, principal("kozlov", { incapacitated: true, votesInPresidium: false }), names)).toMatch(/Frol Kozlov does not vote on his own case \(too ill to work, he cannot vote\)/);
    expect(presidiumCountText({ ...count, target: "kozlov" }, principal("kozlov", { incapacitated: true, votesInPresidium: false }), names)).not.toMatch(/own vote against/);
  });

  it("whether he votes is the server's word (the rules' count), not worked out again in the browser", () => {
    // A full member who looks able, but whom the rules do not count (were they ever to leave out, say,
    // a man away from Moscow): the browser follows them rather than a copy of them.
    const text = presidiumCountText(count, principal("brezhnev", { votesInPresidium: false }), names);
    expect(text).toMatch(/Leonid Brezhnev does not vote on his own case \(he has no vote\)/);
    expect(text).not.toMatch(/own vote against/);
  });
});

describe("a crisis scene counts the voters at the vote", () => {
  // Eleven voted; then the losers' fates took three out of the Presidium.
  const entries = [
    entry(1, "launch", "1957-06-18", { move: "m" }),
    ...Array.from({ length: 11 }, (_, i) => entry(2 + i, "presidium-vote", "1957-06-18", { move: "m" }, { chosen: i < 7 ? "for" : "against" })),
    entry(13, "session-result", "1957-06-18", { move: "m", for: 7, against: 4, voters: 11 }),
    entry(14, "plenum-result", "1957-06-29", { move: "m" }),
    entry(15, "fate", "1957-06-29", { move: "m" }),
  ];
  const steps = crisisSteps(entries);

  it("after the fates, the roll-call still counts the eleven who voted", () => {
    expect(votersAtVote(entries, steps, 8)).toBe(11);
    expect(votersAtVote(entries, steps.slice(0, 5), 8)).toBe(11);
  });

  it("before the vote is recorded, the Presidium's voters now", () => {
    expect(votersAtVote(entries.slice(0, 3), crisisSteps(entries.slice(0, 3)), 11)).toBe(11);
  });
});

describe("which crisis a turn shows", () => {
  // The player's own move is launched on the 22nd; a second crisis breaks later in the same turn.
  const log = [
    entry(1, "launch", "1963-07-22", { move: "mine" }),
    entry(2, "session-result", "1963-07-22", { move: "mine", for: 2, against: 8, voters: 10 }),
    entry(3, "launch", "1963-07-25", { move: "other" }),
    entry(4, "session-result", "1963-07-25", { move: "other", for: 5, against: 5, voters: 10 }),
  ];

  const launches = (scenes: LogEntry[][]) => scenes.map((entries) => entries[0].seq);

  it("the first crisis that broke in the turn first, then the second in a scene of its own (play-test: it had none)", () => {
    const scenes = crisesToShow(log, log, undefined);
    expect(launches(scenes)).toEqual([1, 3]);
    expect(scenes[1].map((e) => e.seq)).toEqual([3, 4]);
  });

  it("the crisis on screen while it has news, then any that broke beside it; the latest when nothing new broke", () => {
    expect(launches(crisesToShow(log, log.slice(2), log[0]))).toEqual([3]);
    expect(launches(crisesToShow(log, [entry(5, "fate", "1963-07-26", { move: "mine" })], log[0]))).toEqual([1]);
    const goesOn = [...log, entry(5, "speech", "1963-07-29", { move: "mine" }), entry(6, "launch", "1963-07-30", { move: "third" })];
    expect(launches(crisesToShow(goesOn, goesOn.slice(4), log[0]))).toEqual([1, 6]);
    expect(launches(crisesToShow(log, [], undefined))).toEqual([3]);
  });

  it("after the turn the first scene starts and the second waits for it; the log is held back to the second's launch until its turn", () => {
    const crisis = updateCrisis(null, log, log, null)!;
    expect(crisis.entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(crisis.shown).toBe(1);
    expect(launches(crisis.queued)).toEqual([3]);
    // Both scenes' steps are still to come: the page waits for them before the week (or the end).
    expect(stepsToReveal(crisis)).toBe(3);
    expect(stepsToReveal({ ...crisis, shown: 2 })).toBe(2);
    // The first scene all on screen: the news stops where the second crisis broke.
    expect(revealedLength(log, crisis.entries, 2, false, crisis.queued[0])).toBe(2);
    // Its first step on screen: up to that step.
    const second = { entries: crisis.queued[0], shown: 1, dismissed: false, queued: [] };
    expect(revealedLength(log, second.entries, second.shown, false, second.queued[0])).toBe(3);
    expect(stepsToReveal(second)).toBe(1);
  });
});

describe("a page reloaded mid-turn shows the turn's scenes again (issue 13: only the last crisis came back)", () => {
  // An old crisis settled in an earlier turn; this turn (from seq 3 on) two crises broke, the second
  // asking the player a question in its session.
  const log = [
    entry(0, "launch", "1963-05-06", { move: "old" }),
    entry(1, "session-result", "1963-05-06", { move: "old", for: 3, against: 7, voters: 10 }),
    entry(2, "event", "1963-07-15"),
    entry(3, "launch", "1963-07-22", { move: "mine" }),
    entry(4, "speech", "1963-07-22", { move: "mine" }),
    entry(5, "session-result", "1963-07-22", { move: "mine", for: 2, against: 8, voters: 10 }),
    entry(6, "launch", "1963-07-25", { move: "other" }),
    entry(7, "speech", "1963-07-25", { move: "other" }),
  ];
  const vote: Awaiting = { seat: "brezhnev", kind: "vote", key: "vote:other", question: "How do you vote?", options: [] } as unknown as Awaiting;
  const launches = (c: { entries: LogEntry[]; queued: LogEntry[][] }) => [c.entries, ...c.queued].map((entries) => entries[0].seq);

  it("every crisis of the turn, in the order they broke, as the turn's answer gave them; the first all shown", () => {
    const restored = restoredCrisis(log, 3, vote, true, false, false)!;
    expect(launches(restored)).toEqual(launches(updateCrisis(null, log, log.slice(3), vote)!));
    expect(launches(restored)).toEqual([3, 6]);
    expect(restored.shown).toBe(crisisSteps(restored.entries).length);
    expect(restored.dismissed).toBe(false);
    // The second's steps are still to come: the page leads on to its scene.
    expect(stepsToReveal(restored)).toBe(2);
  });

  it("a crisis of an earlier turn going on in this one comes first, then the one that broke beside it", () => {
    const goesOn = [...log.slice(0, 3), entry(3, "speech", "1963-07-16", { move: "old" }), entry(4, "launch", "1963-07-25", { move: "other" })];
    expect(launches(restoredCrisis(goesOn, 3, vote, true, false, false)!)).toEqual([0, 4]);
  });

  it("a turn with no crisis news: a crisis still going on stays on screen; a settled one does not come back", () => {
    const quiet = [...log.slice(0, 3), entry(3, "event", "1963-07-22")];
    expect(launches(restoredCrisis(quiet, 3, null, true, false, false)!)).toEqual([0]);
    expect(restoredCrisis(quiet, 3, null, true, false, false)!.dismissed).toBe(false);
    expect(restoredCrisis(quiet, 3, null, false, false, false)!.dismissed).toBe(true);
    expect(restoredCrisis(quiet.slice(2), 1, null, false, false, false)).toBeNull();
  });

  it("a game not yet played (its whole log before the first question) opens on the week, unless a crisis goes on", () => {
    expect(restoredCrisis(log, log.length, null, false, false, false)!.dismissed).toBe(true);
    const going = restoredCrisis(log, log.length, vote, true, false, false)!;
    expect(launches(going)).toEqual([6]);
    expect(going.dismissed).toBe(false);
  });

  it("scenes the player put away stay away: the last one, put away, or the end of a finished run", () => {
    const away = restoredCrisis(log, 3, null, false, false, true)!;
    expect(launches(away)).toEqual([6]);
    expect(away.dismissed).toBe(true);
    expect(restoredCrisis(log, 3, null, false, true, true)).toBeNull();
    // Not put away, a finished run's crises of its last turn come back before its end.
    expect(launches(restoredCrisis(log, 3, null, false, true, false)!)).toEqual([3, 6]);
  });
});

describe("the crisis names the organs each chief commands", () => {
  const security = { power: "security" as const, post: "Chairman of the KGB" };
  const army = { power: "army" as const, post: "Minister of Defence" };

  it("from the powers the view gives, not the titles: the army, the security organs, both, or none", () => {
    expect(organsOf(principal("zhukov", { postTitles: ["Minister of Defence"], organs: [army] }))).toBe("the army");
    expect(organsOf(principal("semichastny", { postTitles: ["Chairman of the KGB"], organs: [security] }))).toBe("the security organs");
    expect(organsOf(principal("beria", { postTitles: ["Minister of Internal Affairs (MVD, merged with state security)"], organs: [{ power: "security", post: "Minister of Internal Affairs (MVD, merged with state security)" }] }))).toBe("the security organs");
    // Acting for an ill Defence minister: the view counts the post he fills in for.
    expect(organsOf(principal("malinovsky", { acting: ["Minister of Defence"], organs: [army] }))).toBe("the army");
    expect(organsOf(principal("x", { organs: [security, army] }))).toBe("the security organs and the army");
    // A title that sounds like force, but a post without its power (a deputy's): nothing.
    expect(organsOf(principal("zhukov", { postTitles: ["First Deputy Minister of Defence"] }))).toBe("the organs");
    expect(organsOf(principal("x", { postTitles: ["Chairman of the KGB"] }))).toBe("the organs");
  });

  for (const id of ["march-1953", "june-1957", "october-1964", "khrushchev-era"]) {
    it(`${id}: every post that commands force is named by its power`, () => {
      const { scenario } = loadScenarioFile(resolveScenario(id));
      for (const post of Object.values(scenario.posts)) {
        const organs = (["security", "army"] as const).filter((p) => post.powers.includes(p)).map((power) => ({ power, post: post.title }));
        const holder = principal("x", { postTitles: [post.title], organs });
        if (post.powers.includes("army")) expect(organsOf(holder), post.title).toMatch(/the army/);
        if (post.powers.includes("security")) expect(organsOf(holder), post.title).toMatch(/the security organs/);
        if (!organs.length) expect(organsOf(holder), post.title).toBe("the organs");
      }
    });
  }
});

describe("the end screen", () => {
  it("names what-ifs by their titles, not their ids", () => {
    const scenario = { whatIfs: [{ id: "loyal-kgb", title: "A loyal KGB", description: "" }] };
    expect(whatIfLabels(["loyal-kgb"], scenario)).toEqual(["“A loyal KGB”"]);
    expect(whatIfLabels(["loyal-kgb"], scenario).join(" ")).not.toMatch(/loyal-kgb/);
  });

  it("a stroke: the player felled by it is not called First Secretary, even while he holds the post in name", () => {
    const me = { id: "khrushchev", name: "Nikita Khrushchev", fate: null, alive: true, incapacitated: true, illSince: "1964-03-02", postTitles: ["First Secretary", "Chairman of the Council of Ministers"] };
    const fate = yourFate(me, { firstSecretary: "khrushchev", leader: "khrushchev" });
    expect(fate).toMatch(/felled by a stroke on 2 March 1964/);
    expect(fate).not.toMatch(/is First Secretary/);
    expect(yourFate({ ...me, incapacitated: false, illSince: null }, { firstSecretary: "khrushchev", leader: "khrushchev" })).toBe("Nikita Khrushchev is First Secretary and first in the leadership.");
  });

  it("answers each goal in the 'In history' column by that goal (play-test: every goal of Brezhnev's said 'Moved against Nikita Khrushchev')", () => {
    const info = new ScenarioCatalog().info("october-1964");
    const brezhnev = (goal: Goal["id"]) => historyForGoal(goal, "brezhnev", info);
    expect(brezhnev("survive")).toBe("Came through.");
    expect(brezhnev("take-primacy")).toBe("First at the end.");
    expect(brezhnev("keep-posts")).toBe("Kept his posts, as far as this scenario's history records.");
    expect(brezhnev("rise")).toBe("Rose to be first in the leadership, above the posts he started with.");
    // What the scenario's history does not hold is said to be missing, not answered with another goal's answer.
    for (const goal of ["policy", "clients", "full-seat"] as const) expect(brezhnev(goal)).toBe("This scenario's history does not record it.");
    expect(historyForGoal("rise", "mikoyan", info)).toBe("This scenario's history does not record it.");
    expect(historyForGoal("survive", "khrushchev", info)).toBe("Removed on 14 October 1964 (retired).");
    expect(historyForGoal("keep-primacy", "khrushchev", info)).toBe("Leonid Brezhnev was first at the end.");
  });

  it("a goal not met by the end is said to be not met, never 'Not yet.' (play-test: a dead Beria's goals still said '0% met. Not yet.')", () => {
    expect(goalStanding({ progress: 0, status: "Not yet." }, false)).toBe("0% met. Not yet.");
    // At the end the engine's status for a goal missed is "Not met." (goalsOf): said once.
    expect(goalStanding({ progress: 0, status: "Not met." }, true)).toBe("Not met.");
    expect(goalStanding({ progress: 0, status: "You were executed." }, true)).toBe("Not met. You were executed.");
    expect(goalStanding({ progress: 0.5, status: "You were first for a while, and lost it." }, true)).toBe("50% met. You were first for a while, and lost it.");
    expect(goalStanding({ progress: 1, status: "You hold a bigger post than at the start." }, true)).toBe("Met. You hold a bigger post than at the start.");
  });
});

describe("the end screen's contests", () => {
  it("gives a contest decided by a later plenum both its days (play-test: 'Khrushchev (30 November 1964, at a Central Committee plenum)' beside 'removed by a plenum on 8 December')", () => {
    const base = { target: "khrushchev", winner: "move", launchedWhileAway: false, fates: [] };
    expect(contestDates({ ...base, date: "1964-11-30", endedOn: "1964-12-08", venue: "plenum" })).toBe("opened 30 November 1964 in the Presidium, decided at a Central Committee plenum on 8 December 1964");
    expect(contestDates({ ...base, date: "1964-11-30", endedOn: "1964-11-30", venue: "session" })).toBe("30 November 1964, in the Presidium");
    expect(contestDates({ ...base, date: "1964-11-30", endedOn: "1964-12-01", venue: "session" })).toBe("30 November 1964 to 1 December 1964, in the Presidium");
  });

  it("says a first man who died in office died, not that he was removed (review)", () => {
    const names = (id: string) => ({ khrushchev: "Nikita Khrushchev", brezhnev: "Leonid Brezhnev" })[id] ?? id;
    const outcome: PublicOutcome = { endDate: "1964-12-31", startingLeader: "khrushchev", leader: "brezhnev", firstSecretary: "brezhnev", leaderRemoved: true, leaderRemovedBy: "death", removalDate: null, contests: [], fates: [], undecided: null, trends: { primacy: [], fear: [], leaderShare: [] } };
    const scenario = { characters: [{ id: "khrushchev", gender: "male" }] } as unknown as Pick<ScenarioInfo, "characters">;
    expect(outcomeSummary({ ...outcome }, scenario, "1964-12-31", names)).toBe("Nikita Khrushchev died in office. Leonid Brezhnev is first in the leadership at the end.");
    expect(outcomeSummary({ ...outcome, leaderRemovedBy: "illness" }, scenario, "1964-12-31", names)).toBe("Nikita Khrushchev lost his place to illness. Leonid Brezhnev is first in the leadership at the end.");
  });

  it("names a contest still being fought at the end rather than saying there was none (review: the epilogue said 'still undecided', the end screen 'no contest')", () => {
    const names = (id: string) => ({ khrushchev: "Nikita Khrushchev", kozlov: "Frol Kozlov" })[id] ?? id;
    expect(contestsText({ contests: [], undecided: "khrushchev" }, names)).toBe("The case of Nikita Khrushchev was still being fought when the run ended.");
    expect(contestsText({ contests: [], undecided: null }, names)).toBe("There was no contest in this run.");
    const kozlov = { date: "1963-09-23", endedOn: "1963-09-23", target: "kozlov", venue: "session", winner: "move", launchedWhileAway: false, fates: [{ who: "kozlov", fate: "retired" }] };
    expect(contestsText({ contests: [kozlov], undecided: "khrushchev" }, names)).toBe("Contests: Frol Kozlov (23 September 1963, in the Presidium): removed. The case of Nikita Khrushchev was still being fought when the run ended.");
  });
});

describe("the texts of the user test at 1331c72", () => {
  const catalog = new ScenarioCatalog();

  it("a man no contest removed is not said to have come through or kept his posts: Molotov lost with the movers of June 1957", () => {
    const info = catalog.info("june-1957");
    for (const goal of ["survive", "keep-posts"] as const) {
      expect(historyForGoal(goal, "molotov", info)).not.toMatch(/Came through|Kept his posts/);
      expect(historyForGoal(goal, "molotov", info)).toMatch(/^Was on the losing side of the move against Nikita Khrushchev on 29 June 1957/);
    }
    // Named by no contest: nothing to say.
    expect(historyForGoal("survive", "mikoyan", info)).toBe("This scenario's history does not record it.");
    expect(historyForGoal("keep-posts", "mikoyan", info)).toBe("This scenario's history does not record it.");
    expect(historyForGoal("survive", "khrushchev", info)).toBe("Came through.");
  });

  it("a contest that took one post is not a removal: Malenkov lost the premiership in 1955 and stayed in the Presidium", () => {
    const info = catalog.info("khrushchev-era");
    expect(historyForGoal("survive", "malenkov", info)).not.toMatch(/Removed/);
    expect(historyForGoal("survive", "malenkov", info)).toMatch(/^Lost one of his posts on 8 February 1955; was on the losing side of the move against Nikita Khrushchev on 29 June 1957 .*Whether he stayed in the leadership to the end, this scenario's history does not record\.$/);
    expect(historyForGoal("keep-posts", "malenkov", info)).toMatch(/^Lost one of his posts on 8 February 1955;/);
    expect(historyForGoal("survive", "zhukov", info)).toBe("Removed on 29 October 1957 (retired).");
  });

  it("a contest that took a post says so, not 'removed' (the log: 'he keeps his seat')", () => {
    const base = { date: "1954-11-07", endedOn: "1954-11-07", target: "molotov", venue: "session", winner: "move", launchedWhileAway: false };
    const names = (id: string) => ({ molotov: "Vyacheslav Molotov" })[id] ?? id;
    expect(contestsText({ contests: [{ ...base, fates: [] }], undecided: null }, names)).toBe("Contests: Vyacheslav Molotov (7 November 1954, in the Presidium): lost what the motion demanded but stayed in the leadership.");
    expect(contestsText({ contests: [{ ...base, fates: [{ who: "molotov", fate: "demoted" }] }], undecided: null }, names)).toBe("Contests: Vyacheslav Molotov (7 November 1954, in the Presidium): removed.");
  });

  it("a first man saved by a plenum is dated by the plenum, not by the run's end", () => {
    const outcome: PublicOutcome = { endDate: "1957-12-31", startingLeader: "khrushchev", leader: "khrushchev", firstSecretary: "khrushchev", leaderRemoved: false, leaderRemovedBy: null, removalDate: null, contests: [{ date: "1957-01-22", endedOn: "1957-01-31", target: "khrushchev", venue: "plenum", winner: "target", launchedWhileAway: false, fates: [] }], fates: [], undecided: null, trends: { primacy: [], fear: [], leaderShare: [] } };
    const scenario = { characters: [{ id: "khrushchev", gender: "male" }] } as unknown as Pick<ScenarioInfo, "characters">;
    expect(outcomeSummary(outcome, scenario, "1957-12-31", names)).toBe("Nikita Khrushchev keeps his place to 31 December 1957. A Central Committee plenum saved him on 31 January 1957. Nikita Khrushchev is first in the leadership at the end.");
    expect(outcomeSummary({ ...outcome, contests: [] }, scenario, "1957-12-31", names)).toBe("Nikita Khrushchev keeps his place to 31 December 1957. Nikita Khrushchev is first in the leadership at the end.");
  });

  it("the player's decision to strike is told whole, not cut at its own colon ('You chose: 14%).')", () => {
    const names = (id: string) => ({ molotov: "Vyacheslav Molotov" })[id] ?? id;
    const strike = entry(5, "decision", "1957-01-22", {}, { actor: "molotov", audience: ["molotov"], text: "Vyacheslav Molotov decides to strike (his estimate of success: 14%)." });
    expect(wireText(strike, "molotov", {}, names)).toBe("Vyacheslav Molotov decides to strike (his estimate of success: 14%).");
    const lobby = entry(6, "decision", "1957-01-22", {}, { actor: "molotov", audience: ["molotov"], text: "Molotov: Win over Central Committee members: Kazakhstan." });
    expect(wireText(lobby, "molotov", {}, names)).toBe("You chose: win over Central Committee members: Kazakhstan.");
  });

  it("the player's own choice, as the engine records it, is told back as his ('You chose: …')", () => {
    // Review: the engine names a man by his surname; matching his full name left every choice raw.
    let world = advance(createWorld(loadScenarioFile(resolveScenario("june-1957")).scenario, { seed: 1, humanSeats: ["molotov"] }));
    while (!world.log.some((e) => e.type === "decision" && e.actor === "molotov")) {
      const legal = decisionsFor(world.awaiting.find((a) => a.seat === "molotov")!);
      world = step(world, legal.find((d) => d.choice === "lie-low") ?? legal[0]);
    }
    const mine = world.log.find((e) => e.type === "decision" && e.actor === "molotov")!;
    const names = (id: string) => world.principals[id]?.name ?? id;
    expect(mine.text).toMatch(/^Molotov: /);
    expect(wireText(mine as LogEntry, "molotov", {}, names)).toMatch(/^You chose: [a-z]/);
  });

  it("the history's contests carry the works they cite, resolved, each listed once under them", () => {
    // User-test: the keys stood in the text ("(rayfield-67)"); they are the contests' sources now.
    const info = new ScenarioCatalog().info("khrushchev-era");
    const beria = info.history.contests.find((c) => c.target === "beria")!;
    expect(beria.text).not.toMatch(/\(rayfield-67\)/);
    expect(beria.sources.map((x) => x.key)).toEqual(["rayfield-67", "zhukov-opala", "beria-trial"]);
    expect(beria.sources.every((x) => x.text !== x.key)).toBe(true);
    const listed = contestSources(info).map((x) => x.key);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(expect.arrayContaining(["rayfield-67", "malenkov-1955", "time-1964"]));
    expect(contestSources({ history: { ...info.history, contests: [beria, beria] } }).map((x) => x.key)).toEqual(["rayfield-67", "zhukov-opala", "beria-trial"]);
  });

  it("one routine report is one", () => {
    expect(routineNote(1)).toBe("1 routine report is on the News screen.");
    expect(routineNote(4)).toBe("4 routine reports are on the News screen.");
  });

  it("a journey's window to set out is not given as the journey's own dates", () => {
    const trip = { days: 33, from: "1955-11-10", until: "1955-11-20" };
    expect(journeyOffer(trip, "1955-11-01")).toBe("a journey of 33 days; you may set out between 10 November 1955 and 20 November 1955.");
    expect(journeyOffer(trip, "1955-11-12")).toBe("a journey of 33 days; you may set out any day until 20 November 1955.");
  });
});

describe("the turn's later scenes once the player has fallen (user test at 1331c72: the side panels and the news ran ahead of, or behind, the header)", () => {
  // The player is demoted in the first scene; the run goes on without him, and five months later a second crisis breaks.
  const log = [
    entry(1, "launch", "1954-11-21", { move: "first" }),
    entry(2, "session-result", "1954-11-21", { move: "first", for: 6, against: 3, voters: 9 }),
    entry(3, "fate", "1954-11-21", { move: "first", fate: "demoted" }, { actor: "malenkov" }),
    entry(4, "event", "1955-02-01"),
    entry(5, "launch", "1955-04-24", { move: "second" }),
    entry(6, "session-result", "1955-04-24", { move: "second", for: 2, against: 7, voters: 9 }),
  ];

  it("the news stops at the scene on screen, not at the next crisis's launch months later", () => {
    const crisis = updateCrisis(null, log, log, null)!;
    expect(crisis.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(revealedLength(log, crisis.entries, 3, false, crisis.queued[0])).toBe(3);
    // The next scene's first step brings what came between.
    expect(revealedLength(log, crisis.queued[0], 1, false, [])).toBe(5);
  });

  it("the board shows a man fallen in a scene on screen as fallen, without the posts he held before the turn", () => {
    const before = [principal("malenkov", { postTitles: ["Chairman of the Council of Ministers"], posts: ["premier"] }), principal("khrushchev", { postTitles: ["First Secretary"] })];
    const [malenkov, khrushchev] = principalsAsRevealed(before, log.slice(0, 3));
    expect(malenkov.fate).toBe("demoted");
    expect(malenkov.postTitles).toEqual([]);
    expect(malenkov.presidium).toBe("none");
    expect(khrushchev).toBe(before[1]);
    expect(principalsAsRevealed(before, log.slice(0, 2))).toEqual(before);
    expect(principalsAsRevealed(before, [entry(9, "death", "1955-01-01", {}, { actor: "khrushchev" })])[1].alive).toBe(false);
    expect(goalsAfterFallText("demoted")).toBe("You were demoted: the run goes on without you, and your goals are scored at its end.");
  });
});

describe("the saves list", () => {
  it("names each save by its kind, where its game stands and when it was saved: a loaded save's autosave, which keeps the save's name, is told from it (play-test: two 'Load Khrushchev Nov 1953')", () => {
    const named = { name: "Khrushchev Nov 1953", kind: "named", savedAt: "2026-12-02T09:00:00.000Z" } as const;
    const auto = { ...named, kind: "auto", savedAt: "2026-12-02T09:05:00.000Z" } as const;
    const place = "week 34, 2 November 1953";
    expect(saveLabel(named, place)).toBe(`Khrushchev Nov 1953 (your save, week 34, 2 November 1953, saved ${savedWhen(named.savedAt)})`);
    expect(saveLabel(auto, place)).toMatch(/^Khrushchev Nov 1953 \(autosave, week 34, 2 November 1953, saved /);
    expect(saveLabel(auto, place)).not.toBe(saveLabel(named, place));
  });
});

describe("the date a game is shown at (the header, the saves panel and the saves list)", () => {
  it("a finished run is dated by its scenario's last day, not the Monday after it its last week reaches", () => {
    expect(runDate("1965-01-04", true, "1964-12-31")).toBe("1964-12-31");
    expect(runDate("1964-12-28", true, "1964-12-31")).toBe("1964-12-28");
  });

  it("a run still going, or one whose scenario is not known yet, keeps its own date", () => {
    expect(runDate("1965-01-04", false, "1964-12-31")).toBe("1965-01-04");
    expect(runDate("1965-01-04", true, undefined)).toBe("1965-01-04");
  });
});

describe("grammar", () => {
  it("the desk: 'You have no clients', never 'Your clients (0; 0 vote in the CC)'", () => {
    expect(clientsTitle(0, 0)).toBe("You have no clients");
    expect(clientsTitle(3, 0)).toBe("Your clients (3; none of them votes in the CC)");
    expect(clientsTitle(3, 1)).toBe("Your clients (3; 1 votes in the CC)");
    expect(clientsTitle(5, 2)).toBe("Your clients (5; 2 vote in the CC)");
  });

  it("one name takes the singular: 'Ponomarev is removed', never 'are'", () => {
    expect(listWithVerb(["Ponomarev"], "is removed", "are removed")).toBe("Ponomarev is removed");
    expect(listWithVerb(["Ponomarev", "Ilyichev"], "is removed", "are removed")).toBe("Ponomarev and Ilyichev are removed");
    expect(listWithVerb(["Ponomarev", "Ilyichev", "Titov"], "is removed", "are removed")).toBe("Ponomarev, Ilyichev and Titov are removed");
  });
});

describe("the browser's history (play-test: Back left the app)", () => {
  it("an entry the app made holds its place; any other entry (a bare #fragment, another page's) holds none", () => {
    const place = { screen: "game" as const, tab: "board" as const, help: true, term: "weighed" };
    expect(placeOf(entryOf(place))).toEqual(place);
    expect(placeOf(null)).toBeNull();
    expect(placeOf({ other: 1 })).toBeNull();
    expect(placeOf({ presidium: { screen: "nowhere" } })).toBeNull();
    // A tab it does not know is the week's.
    expect(placeOf({ presidium: { screen: "game", tab: "gone" } })).toEqual({ screen: "game", tab: "week", help: false, term: null });
  });

  it("the page opens where its entry was (a reload), without How to play; else in the game the browser holds, or at home", () => {
    const onBoard = entryOf({ screen: "game", tab: "board", help: true, term: null });
    expect(initialPlace(onBoard, true)).toEqual({ screen: "game", tab: "board", help: false, term: null });
    expect(initialPlace(entryOf({ screen: "home", tab: "week", help: false, term: null }), true).screen).toBe("home");
    // A game entry without a seat any more: home.
    expect(initialPlace(onBoard, false).screen).toBe("home");
    expect(initialPlace(null, true)).toEqual({ screen: "game", tab: "week", help: false, term: null });
    expect(initialPlace(null, false).screen).toBe("home");
  });

  it("a shared link opens the new-game form it fills in, even where the browser holds a game; once there, its entry decides", () => {
    expect(isSharedLink("?scenario=june-1957&seed=5")).toBe(true);
    expect(isSharedLink("?seed=5")).toBe(true);
    expect(isSharedLink("?as=khrushchev&whatIf=loyal-kgb")).toBe(true);
    expect(isSharedLink("")).toBe(false);
    expect(isSharedLink("?utm_source=mail")).toBe(false);
    expect(initialPlace(null, true, true)).toEqual({ screen: "home", tab: "week", help: false, term: null });
    expect(initialPlace(null, false, true).screen).toBe("home");
    // A reload of the link's page after going into the game stays in the game.
    expect(initialPlace(entryOf({ screen: "game", tab: "news", help: false, term: null }), true, true)).toEqual({ screen: "game", tab: "news", help: false, term: null });
  });

  it("the end screen's link carries the model settings, and the form it opens is filled with them (play-test: they were dropped)", () => {
    const game = { scenario: "june-1957", seed: 42, as: "malenkov", whatIfs: ["loyal-kgb"], settings: [{ path: "model.ai.choice.temperature", value: 0.5 }, { path: "model.moves.risk.foundOut", value: 1e-7 }] };
    const link = sharedLink("http://localhost:3000", game);
    const search = new URL(link).search;
    expect(isSharedLink(search)).toBe(true);
    const prefill = prefillOf(search);
    expect(prefill).toEqual({ scenario: "june-1957", seed: "42", as: "malenkov", whatIfs: ["loyal-kgb"], settings: ["model.ai.choice.temperature=0.5", "model.moves.risk.foundOut=1e-7"] });
    // The form's advanced options read the lines back as the settings the game was played with.
    expect(parseSettingsText(prefill.settings!.join("\n"), null)).toEqual({ settings: game.settings, problems: [] });
    // A game without what-ifs or settings gives the short link it always gave.
    expect(sharedLink("http://localhost:3000", { ...game, whatIfs: [], settings: [] })).toBe("http://localhost:3000/?scenario=june-1957&seed=42&as=malenkov");
  });
});

describe("a crisis replayed step by step (play-test: its end date and the player's fate showed in the header first)", () => {
  // The turn: news of the week, then the crisis (launch, a speech the next day, the result, the fate,
  // a new first man), then the weeks that followed.
  const log = [
    entry(0, "event", "1964-10-05"),
    entry(1, "court", "1964-10-12"),
    entry(2, "launch", "1964-10-13", { move: "m1", venue: "session" }),
    entry(3, "speech", "1964-10-14", { move: "m1" }),
    entry(4, "session-result", "1964-10-14", { move: "m1", voters: 10 }),
    entry(5, "fate", "1964-10-14", { fate: "retired" }, { actor: "khrushchev" }),
    entry(6, "primacy", "1964-10-14", { from: "khrushchev", to: "brezhnev" }, { actor: "brezhnev" }),
    entry(7, "event", "1964-12-01"),
  ];
  const crisis = log.slice(2, 7);
  const before: HeaderFacts = { date: "1964-10-12", week: 67, leader: "khrushchev", leaderAway: "Pitsunda", fate: null, incapacitated: false, fear: 0.2 };
  const journeys = [{ who: "khrushchev", place: "Pitsunda", trip: null, left: "1964-10-01", back: "1964-10-14" }];

  it("holds back the log after the step on screen, and nothing once every step is shown", () => {
    expect(revealedLength(log, crisis, 1)).toBe(3);
    expect(revealedLength(log, crisis, 2)).toBe(4);
    expect(revealedLength(log, crisis, crisisSteps(crisis).length)).toBeNull();
  });

  it("a crisis that ended the run holds back what followed its last step until the player goes on to the end", () => {
    const all = crisisSteps(crisis).length;
    // Every step shown: the log up to the crisis's last entry, not the weeks after it.
    expect(revealedLength(log, crisis, all, true)).toBe(7);
    expect(revealedLength(log, crisis, all + 3, true)).toBe(7);
    expect(revealedLength(log, crisis, 1, true)).toBe(3);
  });

  it("the header keeps the facts before the turn, moved on by what has been revealed only", () => {
    // The launch on screen: its day and week, the first man still away, the player's fate unknown.
    expect(headerWhileRevealing(before, log.slice(2, 3), "1964-10-13", "khrushchev", journeys)).toEqual({ ...before, date: "1964-10-13", week: 67 });
    // The fate and the new first man revealed: the header says so; the week follows the days.
    const after = headerWhileRevealing(before, log.slice(2, 7), "1964-10-14", "khrushchev", journeys);
    expect(after).toMatchObject({ date: "1964-10-14", week: 67, leader: "brezhnev", leaderAway: null, fate: "retired", fear: 0.2 });
    expect(headerWhileRevealing(before, [], "1964-10-20", "khrushchev", journeys).week).toBe(68);
    // Someone else's fate is not the player's; a stroke is.
    expect(headerWhileRevealing(before, log.slice(2, 7), "1964-10-14", "brezhnev", journeys).fate).toBeNull();
    expect(headerWhileRevealing(before, [entry(9, "illness", "1964-10-13", {}, { actor: "brezhnev" })], "1964-10-13", "brezhnev", journeys).incapacitated).toBe(true);
  });

  it("the crisis board beside the scene holds back the sides, arrivals, signatures and plenum day not yet shown", () => {
    const live: CrisisView = {
      target: "khrushchev", demand: [], venue: "session", phase: "plenum", day: 2, startedOn: "1957-06-18", sessionDays: 2, members: ["malenkov"], tally: null,
      sides: { serov: "target", zhukov: "neutral", khrushchev: "target" },
      arrivals: [{ day: 0, date: "1957-06-18", present: 40 }, { day: 1, date: "1957-06-19", present: 90 }, { day: 2, date: "1957-06-20", present: 125 }],
      presentByRow: { regional: 60 }, present: 125, voting: 143, signatures: 35, plenumDay: 2,
    };
    const all = [
      entry(1, "launch", "1957-06-18", { move: "m1", venue: "session" }),
      entry(2, "alignment", "1957-06-18", { move: "m1" }, { actor: "serov", chosen: "target" }),
      entry(3, "alignment", "1957-06-18", { move: "m1" }, { actor: "zhukov", chosen: "neutral" }),
      entry(4, "summons", "1957-06-18", { move: "m1" }),
      entry(5, "plenum-demanded", "1957-06-19", { move: "m1", signatures: 35 }),
      entry(6, "plenum-called", "1957-06-19", { move: "m1" }),
      entry(7, "plenum-convened", "1957-06-20", { move: "m1" }),
    ];
    // The launch alone: only the target's own side (taken with no step of its own) is known.
    expect(liveSoFar(live, all, all.slice(0, 1))).toMatchObject({ sides: { khrushchev: "target" }, arrivals: [], present: 0, presentByRow: {}, signatures: 0, plenumDay: null });
    // Day 1, summoned and one chief aligned: the first day's arrivals.
    expect(liveSoFar(live, all, all.slice(0, 4))).toMatchObject({ sides: { khrushchev: "target", serov: "target" }, present: 40, signatures: 0, plenumDay: null });
    expect(liveSoFar(live, all, all.slice(0, 4)).arrivals).toHaveLength(1);
    // Day 2, the demand and the call: signatures and the plenum's day.
    expect(liveSoFar(live, all, all.slice(0, 6))).toMatchObject({ present: 90, signatures: 35, plenumDay: 2, presentByRow: {} });
    // Everything shown: as the turn left it.
    expect(liveSoFar(live, all, all)).toEqual(live);
  });

  it("where a man was on a day, by the journeys in the papers", () => {
    expect(awayOn(journeys, "khrushchev", "1964-10-13")).toBe("Pitsunda");
    expect(awayOn(journeys, "khrushchev", "1964-10-14")).toBeNull();
    expect(awayOn(journeys, "khrushchev", "1964-09-30")).toBeNull();
    expect(awayOn(journeys, null, "1964-10-13")).toBeNull();
  });
});

describe("a crisis decided by force (play-test: an arrest showed a roll-call)", () => {
  it("is told by its launch: an arrest has no vote to count, a session has", () => {
    const arrest = [entry(1, "launch", "1953-03-22", { move: "m1", venue: "force" }), entry(2, "alignment", "1953-03-22", { move: "m1" }), entry(3, "arrest", "1953-03-22", { move: "m1" })];
    expect(decidedByForce(arrest)).toBe(true);
    expect(decidedByForce([entry(1, "launch", "1964-10-13", { move: "m2", venue: "session" }), entry(2, "speech", "1964-10-13", { move: "m2" })])).toBe(false);
    expect(decidedByForce([])).toBe(false);
  });
});

describe("dated lists (play-test: news out of order within a week)", () => {
  // As the engine logs a week: a crisis day first, then news dated to the week's first day.
  const week = [entry(10, "event", "1963-07-14"), entry(11, "appointment", "1963-07-08"), entry(12, "court", "1963-07-08"), entry(13, "rumour", "1963-07-10", {}, { audience: ["brezhnev"] })];

  it("are sorted by date, entries of one date in the log's order", () => {
    expect(chronological(week).map((e) => e.seq)).toEqual([11, 12, 13, 10]);
    // Already in order: unchanged; the input is not touched.
    const sorted = chronological(week);
    expect(chronological(sorted)).toEqual(sorted);
    expect(week.map((e) => e.seq)).toEqual([10, 11, 12, 13]);
  });

  it("the digest of quiet weeks is in date order too", () => {
    const d = digestOf(week, 0, 3, "1963-07-01", "1963-07-22", "brezhnev")!;
    expect(d.items.map((e) => e.date)).toEqual([...d.items.map((e) => e.date)].sort());
    expect(d.items.map((e) => e.seq)).toEqual([11, 13, 10]);
  });
});

describe("questions", () => {
  it("sounded out: 'Join' is never preselected; staying out is", () => {
    const q: Awaiting = { seat: "brezhnev", kind: "respond", key: "k", prompt: "Podgorny sounds you out", options: [
      { choice: "join", label: "Join the move" },
      { choice: "stay-out", label: "Stay out of it" },
      { choice: "report", label: "Report it" },
    ] } as Awaiting;
    const i = defaultPick(q);
    expect(q.options[i].choice).toBe("stay-out");
    expect(defaultPick({ ...q, options: q.options.filter((o) => o.choice !== "stay-out") })).toBe(-1);
  });

  it("every chance is shown with its uncertainty, in the same words, as a range within 0% and 100%", () => {
    expect(uncertaintyText(0.5, 0.12)).toBe("your estimate, could be from 38% to 62%");
    // Play-test: 97% ± 22% read as possibly 119%; the range stops at 100% (and at 0% below).
    expect(uncertaintyText(0.97, 0.22)).toBe("your estimate, could be from 75% to 100%");
    expect(uncertaintyText(0.05, 0.22)).toBe("your estimate, could be from 0% to 27%");
    // No spread: an estimate still, with no range to give.
    expect(uncertaintyText(1, 0)).toBe("your estimate");
    expect(uncertaintyText(0.4, 0)).toBe("your estimate");
  });

  it("the Central Committee's shares and the board's reads use the same ranges, within what each can be", () => {
    expect(estimateRange(0.97, 0.22, 0, 1)).toEqual([0.75, 1]);
    expect(estimateRange(0.1, 0.3, 0, 1)).toEqual([0, 0.4]);
    expect(percentRange(0.62, 0.12)).toBe("from 50% to 74%");
    expect(percentRange(0.99, 0.3)).toBe("from 69% to 100%");
    // User-test: the ends near certainty read "to 99.9%", "to over 99.9%" or "to 100%" by a hair.
    expect(percentRange(0.8, 0.1995)).toBe("from 60% to 100%");
    expect(percentRange(0.8, 0.199)).toBe("from 60% to 100%");
    expect(percentRange(0.2, 0.1995)).toBe("from 0% to 40%");
    expect(readRange({ value: 0.9, spread: 0.3, basis: [] })).toBe("from +0.60 to +1.00");
    expect(readRange({ value: -0.8, spread: 0.35, basis: [] })).toBe("from -1.00 to -0.45");
    expect(readRange({ value: 0.39, spread: 0, basis: [] })).toBeNull();
  });
});

describe("dossier sources as citations", () => {
  it("a full citation links its words, not its address", () => {
    const [c] = citationsOf({ key: "tompson", text: "William J. Tompson, 'The Fall of Nikita Khrushchev', Soviet Studies (1991) — paperzz.com/doc/7623936" });
    expect(c.label).toBe("William J. Tompson, 'The Fall of Nikita Khrushchev', Soviet Studies (1991)");
    expect(c.href).toBe("https://paperzz.com/doc/7623936");
    expect(c.site).toBe("paperzz.com");
  });

  it("a bare address is named from its page, an encyclopaedia copy is said to be one, a cut address is not linked", () => {
    const [wiki] = citationsOf({ key: "kozlov", text: "en.wikipedia.org/wiki/Frol_Kozlov" });
    expect(wiki).toMatchObject({ label: "Frol Kozlov", href: "https://en.wikipedia.org/wiki/Frol_Kozlov", site: "en.wikipedia.org", mirror: false });
    const [copy] = citationsOf({ key: "kosygin", text: "wikiclassic.com/wiki/Aleksei_Kosygin" });
    expect(copy).toMatchObject({ label: "Aleksei Kosygin (encyclopaedia article)", mirror: true, site: "wikiclassic.com" });
    const [cut] = citationsOf({ key: "ogryzko-5", text: "simplybooks.in/…ogryzko/5" });
    expect(cut.href).toBeNull();
    expect(cut.incomplete).toBe(true);
    expect(cut.label).not.toMatch(/simplybooks\.in|…/);
  });

  it("two places for one fact are two citations; a trailing dot in a host is dropped", () => {
    const cs = citationsOf({ key: "x", text: "history.state.gov./historicaldocuments/frus1964-68v14/d54; cia.gov/readingroom/print/1022545" });
    expect(cs.map((c) => c.href)).toEqual(["https://history.state.gov/historicaldocuments/frus1964-68v14/d54", "https://cia.gov/readingroom/print/1022545"]);
    expect(cs.every((c) => !/^https?:|\.gov\//.test(c.label))).toBe(true);
  });
});

describe("the shipped scenarios' citations", () => {
  it("a site named in words is not taken for the address; the work's words are the label", () => {
    const [c] = citationsOf({ key: "kosygin", text: "Wikipedia, 'Aleksei Kosygin' (consulted in a copy at wikiclassic.com) — en.wikipedia.org/wiki/Aleksei_Kosygin" });
    expect(c).toMatchObject({ label: "Wikipedia, 'Aleksei Kosygin' (consulted in a copy at wikiclassic.com)", href: "https://en.wikipedia.org/wiki/Aleksei_Kosygin", site: "en.wikipedia.org", mirror: false });
  });
});

describe("the main characters' dossiers in the shipped scenarios", () => {
  const main: Record<string, string[]> = {
    "october-1964": ["khrushchev", "brezhnev", "kosygin", "mikoyan", "podgorny", "suslov", "kozlov", "polyansky", "shelest", "shelepin", "semichastny"],
    "june-1957": ["khrushchev", "bulganin", "voroshilov", "kaganovich", "malenkov", "mikoyan", "molotov", "pervukhin", "saburov", "suslov", "shepilov", "zhukov"],
  };
  for (const [id, people] of Object.entries(main)) {
    it(`${id}: more than a sentence each, and sources cited as works, linked where they can be`, () => {
      const { scenario } = loadScenarioFile(resolveScenario(id));
      for (const who of people) {
        const c = scenario.characters[who];
        expect(c, who).toBeDefined();
        expect(c.bio.split(/(?<=[.!?])\s+(?=[A-Z«'])/).length, `${who}: ${c.bio}`).toBeGreaterThan(1);
        const cited = c.sources.flatMap((key) => citationsOf({ key, text: scenario.sources[key] ?? key }));
        expect(cited.length, `${who}: sources`).toBeGreaterThan(0);
        expect(cited.some((x) => x.href !== null), `${who}: a source that can be followed`).toBe(true);
        for (const x of cited) {
          expect(x.label, `${who}: ${x.key} in words`).not.toMatch(/^(https?:\/\/)?[\w-]+(\.[\w-]+)+\//);
          expect(x.label.length).toBeGreaterThan(3);
        }
      }
    });
  }
});

describe("citations with the address first (as the shipped scenarios write them, so the server links them too)", () => {
  it("'address — words': the words are the label", () => {
    const [c] = citationsOf({ key: "ogryzko-5", text: "simplybooks.in/reader/brezhnev-zolotoy-vek-pravleniya-ogryzko/5 — Ogryzko, «Brezhnev: zolotoy vek pravleniya», part 5 (simplybooks reader)" });
    expect(c).toMatchObject({ label: "Ogryzko, «Brezhnev: zolotoy vek pravleniya», part 5 (simplybooks reader)", href: "https://simplybooks.in/reader/brezhnev-zolotoy-vek-pravleniya-ogryzko/5", incomplete: false });
  });
});

describe("the end screen's contests", () => {
  it("say where each was decided in words, not the engine's ids", async () => {
    const { venueWords } = await import("../src/web/game/EndScreen.js");
    expect(Object.keys(venueWords).sort()).toEqual(["force", "plenum", "session"]);
    expect(Object.values(venueWords).every((w) => !/^(session|plenum|force)$/.test(w))).toBe(true);
  });
});

describe("the People tab's list", () => {
  it("adds, after the file's characters, each man the run raised into the leadership, claiming nothing the file does not say", () => {
    const characters = [{ id: "khrushchev", name: "Nikita Khrushchev" }] as unknown as Parameters<typeof withNewcomers>[0];
    const people = withNewcomers(characters, [principal("khrushchev"), principal("raised-1", { name: "G. Petrov", nameRu: "", age: 51, patron: "khrushchev" }), principal("kirichenko", { name: "Aleksei Kirichenko", nameRu: "" })], "1953-06-07");
    expect(people.map((c) => c.id)).toEqual(["khrushchev", "raised-1", "kirichenko"]);
    expect(people[0]).toBe(characters[0]);
    const [, generated, named] = people;
    expect(generated).toMatchObject({ name: "G. Petrov", nameRu: "", born: 1902, ageAtStart: 51, patron: "khrushchev", traits: [], sources: [], history: [] });
    expect(generated.bio).toContain("the model generated him");
    // A member the file names is not passed off as generated.
    expect(named.bio).not.toContain("generated");
    expect(named.bio).toContain("names him as a member of the Central Committee");
  });
});

describe("the network's names under the portraits (user test: names drawn on top of each other)", () => {
  // The khrushchev-era start: 31 men, portraits spaced as the Network screen spaces them.
  const surnames = ["Malenkov", "Beria", "Molotov", "Voroshilov", "Khrushchev", "Bulganin", "Kaganovich", "Mikoyan", "Saburov", "Pervukhin", "Ponomarenko", "Melnikov", "Bagirov", "Suslov", "Shatalin", "Zhukov", "Serov", "Kosygin", "Brezhnev", "Aristov", "Kirichenko", "Gromyko", "Malinovsky", "Kozlov", "Furtseva", "Podgorny", "Kirilenko", "Mazurov", "Mzhavanadze", "Shelepin", "Semichastny"];
  const step = 920 / (surnames.length - 1);
  const names = surnames.map((text, i) => ({ x: 40 + i * step, text, bold: i === 0 }));
  const placed = placeNameLabels(names, 11, 1000);
  const span = (i: number) => [placed[i].x - placed[i].width / 2, placed[i].x + placed[i].width / 2];

  it("no two names in a row touch, however close the portraits (two alternating rows were not enough)", () => {
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        if (placed[i].row === placed[j].row) expect(span(i)[1] <= span(j)[0] || span(j)[1] <= span(i)[0], `${surnames[i]} and ${surnames[j]}`).toBe(true);
      }
    }
    expect(Math.max(...placed.map((p) => p.row))).toBeGreaterThan(1);
    // What alternating rows did: Khrushchev and Kaganovich, two portraits apart, overlapped.
    expect(span(4)[1]).toBeGreaterThan(40 + 6 * step - nameWidth("Kaganovich", 11) / 2);
  });

  it("every name is whole, under its own portrait, and inside the picture", () => {
    for (const [i, p] of placed.entries()) {
      expect(p.width).toBe(nameWidth(surnames[i], 11, i === 0));
      expect(span(i)[0]).toBeGreaterThanOrEqual(0);
      expect(span(i)[1]).toBeLessThanOrEqual(1000);
      // Moved only where the name would run past an edge.
      if (names[i].x - p.width / 2 >= 2 && names[i].x + p.width / 2 <= 998) expect(p.x).toBe(names[i].x);
    }
  });

  it("a few men far apart keep one row", () => {
    expect(placeNameLabels([{ x: 100, text: "Beria" }, { x: 500, text: "Malenkov" }], 11, 1000).map((p) => p.row)).toEqual([0, 0]);
  });

  it("the constituencies' slanted names get room to the left and below, so the first is not cut at the edge", () => {
    // The regional secretaries' box of the campaign's first week is centred at about 127.
    const first = { x: 127, text: "Regional party first secret…" };
    const reach = slantedLabelsReach([first, { x: 900, text: "Diplomats" }], 11, 35);
    // The first name's start, where it begins lower left of its box, lies inside the widened picture.
    expect(first.x - nameWidth(first.text, 11) * Math.cos((35 * Math.PI) / 180)).toBeGreaterThanOrEqual(-reach.left);
    expect(reach.left).toBeGreaterThan(0);
    expect(reach.below).toBeCloseTo(nameWidth(first.text, 11) * Math.sin((35 * Math.PI) / 180), 0);
    // Names that fit leave the picture as it is.
    expect(slantedLabelsReach([{ x: 500, text: "Diplomats" }], 11, 35).left).toBe(0);
  });
});

describe("a trip's line on the map (user test: the map's trip line)", () => {
  const moscow = project(37.6, 55.75);
  const trips = ["Egypt (Aswan dam)", "the Black Sea coast", "Crimea, then Pitsunda (Abkhazia)", "Yugoslavia", "Beijing", "the Soviet Far East and Siberia", "Denmark, Sweden, Norway", "Leningrad", "the Virgin Lands (Kazakhstan) and Siberia", "India, Burma and Afghanistan", "Kiev", "Geneva (summit of the four powers)"];

  it("runs from Moscow to the place, leaving Moscow towards it (a trip south hooked north first) and bowing north or west, inside the map", () => {
    for (const trip of trips) {
      const place = mapPlaceOf(trip)!;
      const to = project(place.lon, place.lat);
      const d = tripLine(moscow, to);
      expect(d, trip).toBe(`M${moscow[0]} ${moscow[1]} Q${tripBend(moscow, to).join(" ")} ${to[0]} ${to[1]}`);
      const [cx, cy] = tripBend(moscow, to);
      const chord = [to[0] - moscow[0], to[1] - moscow[1]];
      const lead = [cx - moscow[0], cy - moscow[1]];
      // The curve leaves Moscow along `lead`: within 45 degrees of the straight way there.
      const cos = (chord[0] * lead[0] + chord[1] * lead[1]) / Math.hypot(...chord) / Math.hypot(...lead);
      expect(cos, trip).toBeGreaterThan(Math.SQRT1_2);
      // The bend is north of the chord's middle, or west of it for a trip due south.
      const [mx, my] = [(moscow[0] + to[0]) / 2, (moscow[1] + to[1]) / 2];
      expect(cy < my || (cy === my && cx < mx), trip).toBe(true);
      expect(cy).toBeGreaterThanOrEqual(0);
    }
  });

  it("names the place where the map has room: above right in the Union, left abroad in the west and beside the first man's ring, below at the map's edge", () => {
    const at = (text: string) => {
      const place = mapPlaceOf(text)!;
      return [project(place.lon, place.lat), place] as const;
    };
    const [leningrad, l] = at("Leningrad");
    expect(endLabel(leningrad, l, moscow, null)).toMatchObject({ anchor: "start", x: leningrad[0] + END_RADIUS + 3 });
    expect(endLabel(...at("Egypt"), moscow, null).anchor).toBe("end");
    expect(endLabel(...at("Pitsunda"), moscow, 14)).toMatchObject({ anchor: "end", x: at("Pitsunda")[0][0] - 17 });
    expect(endLabel(...at("Denmark, Sweden, Norway"), moscow, null).anchor).toBe("middle");
    for (const trip of trips) {
      const [point, place] = at(trip);
      for (const ring of [null, 14]) {
        const label = endLabel(point, place, moscow, ring);
        const width = nameWidth(place.name, PLACE_NAME_SIZE);
        const left = label.anchor === "start" ? label.x : label.anchor === "end" ? label.x - width : label.x - width / 2;
        expect(left, `${trip} ${ring}`).toBeGreaterThanOrEqual(0);
        expect(left + width, `${trip} ${ring}`).toBeLessThanOrEqual(MAP.width);
      }
    }
  });
});
