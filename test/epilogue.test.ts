// The epilogue compares a finished run with the scenario's history block in dated lines: one line
// per contest of the run, one per contest of history (saying how this run's went), and one on who
// was first at the end; "the same outcome" means the same man first and every historical target
// meeting the same end (removed or not).
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { epilogue, mixSeed, simulate, summarize, TREND_STEP, type Epilogue, type Scenario, type World } from "../src/engine/index.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const dir = fileURLToPath(new URL("../scenarios/", import.meta.url));
const load = (id: string) => loadScenarioFile(join(dir, `${id}.yaml`)).scenario;
const surname = (scenario: Scenario, id: string) => scenario.characters[id].name.split(" ").at(-1)!;

/** Checks every line of the epilogue against the run's summary; returns whether history repeated. */
function checkEpilogue(scenario: Scenario, world: World, e: Epilogue): boolean {
  const run = summarize(world);
  const history = scenario.history;
  expect(e.lines.map((l) => l.date), "lines in date order").toEqual([...e.lines.map((l) => l.date)].sort());
  // The run's own contests, one line each (or one saying there was none).
  // A contest still open at the end (its plenum yet to meet) has a line of its own on the last day.
  const undecided = world.crisis ? world.moves.find((m) => m.id === world.crisis!.move)!.target : null;
  const own = e.lines.filter((l) => l.text.startsWith("In this run: "));
  expect(own.map((l) => l.date).sort()).toEqual([...run.contests.map((c) => c.date), ...(undecided !== null || !run.contests.length ? [run.endDate] : [])].sort());
  if (undecided !== null) expect(own.some((l) => l.text === `In this run: the contest over ${surname(scenario, undecided)} was still undecided when the run ended.`)).toBe(true);
  else if (!run.contests.length) expect(own[0].text).toBe("In this run: no contest came to a head.");
  for (const c of run.contests) expect(own.some((l) => l.date === c.date && l.text.includes(surname(scenario, c.target)))).toBe(true);
  // History's contests, each with how this run's went.
  let same = true;
  for (const h of history.contests) {
    const line = e.lines.find((l) => l.date === h.date && l.text.startsWith(`In history: ${h.text}`));
    expect(line, `a line for history's contest of ${h.date}`).toBeDefined();
    const mine = run.contests.find((c) => c.target === h.target);
    const removed = run.removed[h.target] !== undefined;
    if (mine) {
      const when = mine.date < h.date ? ", earlier" : mine.date > h.date ? ", later" : "";
      expect(line!.text).toContain(`In this run his contest came on ${mine.date}${when}, ${mine.winner === "move" ? "and he lost it" : "and he won it"}`);
    } else expect(line!.text).toContain(removed ? "In this run he fell another way." : undecided === h.target ? "In this run the contest over him was still undecided at the end." : "In this run no move against him came to a head.");
    if ((h.outcome === "removed") !== removed) same = false;
  }
  // Who was first at the end.
  const first = history.primacyAtEnd;
  const last = e.lines.find((l) => l.date === world.end && l.text.startsWith(`In history ${surname(scenario, first)} was first at the end; `));
  expect(last, "a line on who was first at the end").toBeDefined();
  expect(last!.text).toContain(run.leader === null ? "nobody stands first" : run.leader === first ? "so is he" : `${surname(scenario, run.leader)} is`);
  if (run.leader !== first) same = false;
  expect(e.sameOutcome).toBe(same);
  return same;
}

describe("the epilogue", () => {
  it("june-1957: tells runs that end as history did (Khrushchev kept his post and primacy) from runs that do not", () => {
    const scenario = load("june-1957");
    expect(scenario.history.contests.map((c) => [c.target, c.outcome])).toEqual([["khrushchev", "survived"]]);
    const seen = new Set<boolean>();
    for (let i = 0; i < 30 && seen.size < 2; i++) {
      const world = simulate(scenario, { seed: mixSeed(3, i) });
      seen.add(checkEpilogue(scenario, world, epilogue(world, scenario.history)));
    }
    expect([...seen].sort()).toEqual([false, true]);
  });

  it("october-1964: dates this run's contest against Khrushchev against history's 14 October", () => {
    const scenario = load("october-1964");
    const kinds = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const world = simulate(scenario, { seed: mixSeed(4, i) });
      const e = epilogue(world, scenario.history);
      checkEpilogue(scenario, world, e);
      const line = e.lines.find((l) => l.date === "1964-10-14")!;
      kinds.add(line.text.match(/In this run (his contest came on \d{4}-\d\d-\d\d(, earlier|, later)?|he fell another way|no move against him came to a head)/)![1].replace(/\d{4}-\d\d-\d\d/, "D"));
    }
    // The seeds give more than one kind of run.
    expect(kinds.size).toBeGreaterThan(1);
  });

  it("october-1964, seed 7: a contest the Presidium has decided but the plenum has not is said to be undecided, not absent", () => {
    const scenario = load("october-1964");
    const world = simulate(scenario, { seed: 7 });
    expect(world.crisis).not.toBeNull();
    const e = epilogue(world, scenario.history);
    checkEpilogue(scenario, world, e);
    expect(e.lines.find((l) => l.date === "1964-10-14")!.text).toContain("In this run the contest over him was still undecided at the end.");
  });

  it("khrushchev-era, seed 3: a man who takes primacy in the middle of a week has his share point on that day, so the chart names him", () => {
    const scenario = load("khrushchev-era");
    const world = simulate(scenario, { seed: 3 });
    const { primacy, leaderShare } = epilogue(world, scenario.history).trends;
    expect(primacy.length).toBeGreaterThan(1);
    for (const p of primacy.slice(1)) expect(leaderShare.some((x) => x.date === p.from), `a share point on ${p.from} (${p.who})`).toBe(true);
  });

  it("march-1953: both of history's contests (Beria, Malenkov) have their line", () => {
    const scenario = load("march-1953");
    expect(scenario.history.contests.map((c) => c.target)).toEqual(["beria", "malenkov"]);
    for (let i = 0; i < 2; i++) {
      const world = simulate(scenario, { seed: mixSeed(5, i) });
      const e = epilogue(world, scenario.history);
      checkEpilogue(scenario, world, e);
      expect(e.lines.filter((l) => l.text.startsWith("In history: ")).map((l) => l.date)).toEqual(["1953-06-26", "1955-02-08"]);
    }
  });

  it("march-1953: charts who was first, FEAR and the first man's clients' share of the CC from the first week to the end, a point only for a move of TREND_STEP or a new first man", () => {
    const scenario = load("march-1953");
    const world = simulate(scenario, { seed: mixSeed(6, 0) });
    const { trends } = epilogue(world, scenario.history);
    const run = summarize(world);
    expect(trends.primacy.map((p) => ({ who: p.who, from: p.from }))).toEqual(run.primacyHistory);
    expect(trends.primacy.map((p) => p.to)).toEqual([...run.primacyHistory.slice(1).map((p) => p.from), run.endDate]);
    for (const series of [trends.fear, trends.leaderShare]) {
      expect(series[0].date).toBe(world.start);
      expect(series.at(-1)!.date).toBe(run.endDate);
      expect(series.map((p) => p.date), "dates strictly in order").toEqual([...new Set(series.map((p) => p.date))].sort());
      for (const p of series) if (p.value !== null) expect(p.value >= 0 && p.value <= 1, `${p.date}: ${p.value}`).toBe(true);
    }
    // Sparse: every point but the last (the end, as it stands) moved by the step at least (less the
    // rounding of the stored values to 0.001), or the first man changed.
    const leaderOn = (date: string) => trends.primacy.filter((p) => p.from <= date).at(-1)!.who;
    const moved = (a: { date: string; value: number | null }, b: { date: string; value: number | null }) => a.value === null || b.value === null || Math.abs(a.value - b.value) >= TREND_STEP - 0.0015;
    trends.fear.slice(1, -1).forEach((p, i) => expect(moved(trends.fear[i], p), `FEAR on ${p.date}`).toBe(true));
    trends.leaderShare.slice(1, -1).forEach((p, i) => expect(moved(trends.leaderShare[i], p) || leaderOn(p.date) !== leaderOn(trends.leaderShare[i].date), `share on ${p.date}`).toBe(true));
    // A new first man starts a point of his own on the day he is first.
    for (const p of trends.primacy.slice(1)) expect(trends.leaderShare.some((x) => x.date === p.from), `a share point on ${p.from}`).toBe(true);
    expect(trends.primacy.length, "the seed gives a change of primacy to check").toBeGreaterThan(1);
    // The last points are the run's end: FEAR as the summary has it, the share as the CC stands.
    expect(trends.fear.at(-1)!.value).toBeCloseTo(run.fear.end, 3);
    expect(run.leader).not.toBeNull();
    expect(trends.leaderShare.at(-1)!.value).toBeCloseTo(run.clientShare.end[run.leader!] ?? 0, 3);
    // FEAR drifts in this run, so the series is more than its two ends.
    expect(trends.fear.length).toBeGreaterThan(2);
  });

  it("does not change the world it reads", () => {
    const scenario = load("june-1957");
    const world = simulate(scenario, { seed: 1 });
    const before = JSON.stringify(world);
    epilogue(world, scenario.history);
    expect(JSON.stringify(world)).toBe(before);
  });
});
