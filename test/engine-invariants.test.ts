// The properties of VALIDATION.md section E that hold in every run, checked over random seeds with
// every seat played by the AI and with human seats (one or several at once) making random legal
// choices; fast-check drives the seeds, the seats and the choices.
//  - Nobody dead or removed holds a post or acts; candidates never vote; tallies add up to those
//    present; a move ends when its target is gone.
//  - Same scenario, seed and decisions give a byte-identical log (also test/golden-logs.test.ts).
//  - Every AI decision and vote has reasons whose terms add up to the utility compared.
// The membership and health of each principal at the time of each log entry is rebuilt from the log
// itself (promotions, fates, deaths, strokes), so the checks see who could vote when he voted.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { advance, createWorld, IllegalAction, legalActions, simulate, step, summarize, type Decision, type Scenario, type World } from "../src/engine/index.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const dir = fileURLToPath(new URL("../scenarios/", import.meta.url));
const ids = ["march-1953", "june-1957", "october-1964"] as const;
type ScenarioId = (typeof ids)[number];
const scenarios = Object.fromEntries(ids.map((id) => [id, loadScenarioFile(join(dir, `${id}.yaml`)).scenario])) as Record<ScenarioId, Scenario>;

const inPlay = (w: World, id: string) => w.principals[id].alive && w.principals[id].fate === null;

function checkState(world: World, plain = true): void {
  const at = world.date;
  for (const post of Object.values(world.posts)) {
    expect(post.holders.length, `${at}: ${post.id} has one holder at most`).toBeLessThanOrEqual(1);
    for (const h of post.holders) {
      expect(inPlay(world, h), `${at}: ${h} holds ${post.id} but is dead or removed`).toBe(true);
      expect(world.principals[h].posts, `${at}: ${h} holds ${post.id} in the post but not in his own list`).toContain(post.id);
    }
  }
  for (const p of Object.values(world.principals)) {
    for (const postId of p.posts) expect(world.posts[postId].holders, `${at}: ${p.id}'s post ${postId}`).toContain(p.id);
    if (!p.alive || p.fate !== null) {
      expect(p.posts, `${at}: ${p.id} is gone but holds posts`).toEqual([]);
      expect(p.acting, `${at}: ${p.id} is gone but acts for someone`).toEqual([]);
      expect(p.presidium, `${at}: ${p.id} is gone but keeps a seat`).toBe("none");
      expect(p.secretary).toBe(false);
    }
  }
  if (world.primacy !== null) expect(inPlay(world, world.primacy), `${at}: primacy held by someone gone`).toBe(true);
  expect(world.primacyHistory.at(-1)?.who ?? null, `${at}: primacy history ends with the holder`).toBe(world.primacy);
  const open = new Set(world.moves.filter((m) => m.stage === "forming" || m.stage === "launched").map((m) => m.id));
  for (const m of world.moves) expect(new Set(m.members).size, `${m.id}: members once each`).toBe(m.members.length);
  for (const c of world.cadres) if (c.pledge !== null) expect(open.has(c.pledge), `${at}: ${c.id} pledged to a move that is over`).toBe(true);
  if (world.crisis) expect(world.moves.find((m) => m.id === world.crisis!.move)?.stage, `${at}: the crisis is a launched move`).toBe("launched");
  for (const stream of Object.values(world.rng)) expect(stream.every((x) => Number.isInteger(x))).toBe(true);
  // Plain data: what is saved, hashed and sent is the world itself, so JSON must carry it whole.
  if (plain) expect(notPlain(world, "world")).toEqual([]);
}

/** Paths at which a value would not survive JSON: a non-finite number, a hole, a class instance. */
function notPlain(value: unknown, path: string, out: string[] = []): string[] {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) out.push(`${path}: ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => (v === undefined ? out.push(`${path}[${i}]: undefined`) : notPlain(v, `${path}[${i}]`, out)));
  } else if (value !== null && typeof value === "object") {
    if (Object.getPrototypeOf(value) !== Object.prototype) out.push(`${path}: a ${value.constructor?.name ?? "non-plain object"}`);
    else for (const [k, v] of Object.entries(value)) notPlain(v, `${path}.${k}`, out);
  } else if (value !== null && !["string", "boolean", "undefined"].includes(typeof value)) out.push(`${path}: a ${typeof value}`);
  return out;
}

/** Types of entries that are someone's own act (a choice, a vote, a speech, a move made). */
// ("player-decision" is not among them: it records, at the end of the week, answers given at its start.)
const acts = new Set(["decision", "presidium-vote", "presidium-business", "speech", "launch", "move-started", "alignment", "answer", "tactic", "concession", "plenum-called", "approach", "lobby"]);

function checkLog(world: World): void {
  const log = world.log;
  log.forEach((entry, i) => expect(entry.seq).toBe(i));
  // Who sat where, who was ill and who had fallen, as the log tells it, entry by entry.
  const seat: Record<string, string> = { ...world.origin.seats };
  const ill = new Set(Object.keys(world.origin.ill));
  const fallen = new Map<string, string>();
  const votes = new Map<string, { for: number; total: number }>();
  const plenum = new Map<string, { keep: number; remove: number; present: number | null }>();
  const tallies = new Map<string, { for: number; against: number; voters: number }>();
  const plenums = new Map<string, { forTarget: number; againstTarget: number; present: number }>();
  const moveTarget = new Map(world.moves.map((m) => [m.id, m.target]));
  for (const e of log) {
    expect(e.date >= world.start && e.date <= world.date, `${e.type} ${e.seq}: dated within the run`).toBe(true);
    for (const option of e.options ?? []) {
      const sum = option.terms.reduce((s, t) => s + t.value, 0);
      expect(Math.abs(sum - option.utility), `${e.type} ${e.seq}: terms of "${option.option}" add up to its utility`).toBeLessThan(1e-9);
    }
    // A fate may be softened from what was proposed; every other choice is one of the options weighed.
    if (e.chosen !== undefined && e.options && e.type !== "fate") expect(e.options.map((o) => o.option), `${e.type} ${e.seq}`).toContain(e.chosen);
    const actor = e.actor;
    if (actor !== undefined && acts.has(e.type)) expect(fallen.has(actor), `${e.type} ${e.seq}: ${actor} acts after he fell (${fallen.get(actor)})`).toBe(false);
    const move = typeof e.data?.move === "string" ? e.data.move : null;
    // Nothing more happens in a move whose target fell in an earlier week.
    if (move !== null && e.type !== "move-ends" && e.type !== "crisis-ends") {
      const t = moveTarget.get(move);
      const fell = t !== undefined ? fallen.get(t) : undefined;
      if (fell !== undefined) expect(e.date <= fell, `${e.type} ${e.seq} on ${e.date}: the move against ${t} goes on after he fell on ${fell}`).toBe(true);
    }
    switch (e.type) {
      case "promotion":
        seat[actor!] = "full";
        break;
      case "illness":
        ill.add(actor!);
        break;
      case "fate":
      case "death":
        seat[actor!] = "none";
        if (!fallen.has(actor!)) fallen.set(actor!, e.date);
        break;
      case "presidium-vote": {
        expect(seat[actor!], `${e.text}: only full members vote`).toBe("full");
        expect(ill.has(actor!), `${e.text}: an incapacitated man does not vote`).toBe(false);
        const v = votes.get(move!) ?? { for: 0, total: 0 };
        v.total++;
        if (e.chosen === "for") v.for++;
        votes.set(move!, v);
        break;
      }
      case "presidium-business": {
        const yes = e.data!.yes as string[];
        const no = e.data!.no as string[];
        const ballots = [...yes.slice(1), ...no];
        for (const v of ballots) expect(seat[v], `${e.text}: ${v} voted but is not a full member`).toBe("full");
        expect(new Set([...yes, ...no]).size, `${e.text}: one ballot each`).toBe(yes.length + no.length);
        const yesVotes = seat[yes[0]] === "full" && !ill.has(yes[0]) ? yes.length : yes.length - 1;
        expect(e.data!.passed, `${e.text}: carried by a majority of those voting`).toBe(yesVotes * 2 > yesVotes + no.length);
        break;
      }
      case "session-result": {
        const d = e.data as { for: number; against: number; voters: number };
        const v = votes.get(move!) ?? { for: 0, total: 0 };
        expect(d.for + d.against, `${e.text}: the tally adds up`).toBe(d.voters);
        expect(v.total, `${e.text}: one ballot per voter present`).toBe(d.voters);
        expect(v.for, `${e.text}: the ayes counted`).toBe(d.for);
        votes.delete(move!);
        tallies.set(move!, { for: d.for, against: d.against, voters: d.voters });
        break;
      }
      case "plenum-convened":
        plenum.set(move!, { keep: 0, remove: 0, present: e.data!.present as number });
        break;
      case "plenum-vote": {
        const p = plenum.get(move!);
        expect(p, `${e.text}: a vote in a plenum that met`).toBeDefined();
        if (e.chosen === "keep") p!.keep++;
        else p!.remove++;
        break;
      }
      case "plenum-result": {
        const d = e.data as { forTarget: number; againstTarget: number; present: number };
        const p = plenum.get(move!)!;
        expect(d.forTarget + d.againstTarget, `${e.text}: the tally adds up`).toBe(d.present);
        expect(p.keep + p.remove, `${e.text}: one ballot per member present`).toBe(p.present);
        // The rest are the leadership's own votes, each on the side he took.
        const principals = d.present - p.present!;
        expect(principals).toBeGreaterThanOrEqual(0);
        expect(principals).toBeLessThanOrEqual(world.order.length);
        expect(d.forTarget).toBeGreaterThanOrEqual(p.keep);
        expect(d.againstTarget).toBeGreaterThanOrEqual(p.remove);
        plenums.set(move!, { forTarget: d.forTarget, againstTarget: d.againstTarget, present: d.present });
        break;
      }
    }
  }
  // Each contest's record agrees with the votes in the log.
  for (const c of world.contests) {
    if (c.presidium !== null) expect(c.presidium, `contest on ${c.date} against ${c.target}`).toEqual(tallies.get(c.move));
    if (c.plenum !== null) {
      const p = plenums.get(c.move)!;
      expect({ forTarget: c.plenum.forTarget, againstTarget: c.plenum.againstTarget, present: c.plenum.present }).toEqual(p);
      expect(c.winner, `a tie keeps the target (${c.target}, ${c.date})`).toBe(c.plenum.againstTarget * 2 > c.plenum.present ? "move" : "target");
    }
    if (c.venue === "session" && c.presidium !== null && c.plenum === null && !c.open) expect(c.winner).toBe(c.presidium.for * 2 > c.presidium.voters ? "move" : "target");
  }
}

function checkEnd(world: World): void {
  expect(world.done).toBe(true);
  checkState(world);
  checkLog(world);
  // A move ends when its target is gone (at the latest in the following week).
  for (const m of world.moves) {
    if (m.stage !== "forming" && m.stage !== "launched") continue;
    const t = world.principals[m.target];
    if (!t.alive || t.fate !== null) {
      const fell = world.log.find((e) => (e.type === "fate" || e.type === "death") && e.actor === m.target)!.date;
      expect(world.log.at(-1)!.date <= fell, `${m.id} against ${m.target} is still open after he fell on ${fell}`).toBe(true);
    }
  }
  // Nobody loses a full seat by decree (MODEL.md section 4).
  expect(summarize(world).decreeRemovals).toBe(0);
}

/**
 * Plays the human seats with random legal choices, answering the open questions in a random order.
 * Returns the world and the decisions in the order they were made.
 */
function playRandomly(id: ScenarioId, seed: number, seats: string[], picks: number[], maxSteps: number) {
  let world = advance(createWorld(scenarios[id], { seed, humanSeats: seats }));
  const decisions: Decision[] = [];
  const lonely: string[] = [];
  for (let i = 0; !world.done && i < maxSteps; i++) {
    // The whole-world checks are costly: the cheap ones every step, the rest every fifth.
    const thorough = i % 5 === 0;
    checkState(world, thorough);
    const asked = world.awaiting.map((a) => a.seat);
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked).size, "one question per seat").toBe(asked.length);
    for (const a of world.awaiting) {
      expect(seats).toContain(a.seat);
      expect(legalActions(world, a.seat).length).toBeGreaterThan(0);
      expect(legalActions(world, a.seat).every((d) => d.key === a.key && d.kind === a.kind)).toBe(true);
      // MODEL.md section 4: a player is never left with a single option; with nothing to do, he is
      // offered to skip. Noted here, asserted in its own test below.
      if (a.kind === "weekly" && (a.options.length < 2 || !a.options.some((o) => o.choice === "skip"))) {
        lonely.push(`${a.seat}, week of ${world.date}: ${a.options.map((o) => o.choice).join(", ")}`);
      }
    }
    const seat = asked[picks[i % picks.length] % asked.length];
    const legal = legalActions(world, seat);
    const choice = legal[picks[(i + 1) % picks.length] % legal.length];
    const before = thorough ? JSON.stringify(world) : "";
    const next = step(world, choice);
    if (thorough) expect(JSON.stringify(world), "step must not mutate the world it is given").toBe(before);
    decisions.push(choice);
    if (asked.length > 1) {
      // The others are still asked, on the same week; the answer is not yet acted on.
      expect(next.week).toBe(world.week);
      expect(next.awaiting.map((a) => a.seat).sort()).toEqual(asked.filter((s) => s !== seat).sort());
      expect(() => step(next, choice), "an answered question cannot be answered twice").toThrow(IllegalAction);
    }
    world = next;
  }
  return { world, decisions, lonely };
}

describe("invariants hold in every run, whatever human seats do", () => {
  for (const id of ids) {
    it(`${id}: one seat played at random`, () => {
      const seats = Object.keys(scenarios[id].characters);
      fc.assert(
        fc.property(fc.integer(), fc.constantFrom(...seats), fc.array(fc.nat(), { minLength: 2, maxLength: 40 }), (seed, seat, picks) => {
          const { world, decisions } = playRandomly(id, seed, [seat], picks, 40);
          checkState(world);
          checkLog(world);
          // Every answer of a finished week is in the log, seen only by the seat that gave it, in the
          // order given; the answers of the week in progress wait in pending.
          const recorded = world.log.filter((e) => e.type === "player-decision");
          for (const e of recorded) expect(e.audience).toEqual([seat]);
          expect([...recorded.map((e) => e.data?.decision), ...world.pending]).toEqual(decisions);
        }),
        { numRuns: 3, seed: 1953 + id.length, endOnFailure: true },
      );
    });
  }

  it("two and three seats asked at once, answered in random orders", () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...ids), fc.integer({ min: 2, max: 3 }), fc.array(fc.nat(), { minLength: 3, maxLength: 30 }), (seed, id, n, picks) => {
        const all = Object.keys(scenarios[id].characters);
        const seats = Array.from({ length: n }, (_, k) => all[(picks[k] + 7 * k) % all.length]).filter((s, k, a) => a.indexOf(s) === k);
        const { world } = playRandomly(id, seed, seats, picks, 40);
        checkState(world);
        checkLog(world);
      }),
      { numRuns: 3, seed: 1957, endOnFailure: true },
    );
  });

  it("all-AI runs keep the invariants to the end (every scenario)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...ids), (seed, id) => checkEnd(simulate(scenarios[id], { seed }))),
      { numRuns: 9, seed: 1964, endOnFailure: true },
    );
  });

  it("a run that raises men from the Central Committee keeps them too (march-1953 seed 6: a failed arrest, the movers shot, the seats refilled)", () => {
    const world = simulate(scenarios["march-1953"], { seed: 6 });
    expect(world.order.filter((id) => id.startsWith("raised-")).length).toBeGreaterThan(3);
    checkEnd(world);
  });

  it("a run played through a human seat to its end keeps them too", () => {
    let world = advance(createWorld(scenarios["june-1957"], { seed: 5, humanSeats: ["mikoyan"] }));
    for (let i = 0; !world.done; i++) {
      const legal = legalActions(world, world.awaiting[0].seat);
      // Lie low when possible, otherwise one of the options offered.
      world = step(world, legal.find((d) => d.choice === "lie-low") ?? legal[i % legal.length]);
    }
    checkEnd(world);
    // Asked every week he was in play: from the first week to the week of his fate, or to the end.
    const fate = world.log.find((e) => e.type === "fate" && e.actor === "mikoyan");
    const last = fate ? fate.date : world.date;
    const asked = new Set(world.log.filter((e) => e.type === "player-decision" && e.date <= last).map((e) => e.date));
    const weeks = Math.floor((Date.parse(last) - Date.parse(scenarios["june-1957"].start)) / (7 * 86_400_000));
    expect(asked.size, "he was asked every week he was in play").toBeGreaterThanOrEqual(weeks);
  });

  it("a player's weekly menu always holds a real choice and a skip, also while he is away (MODEL.md section 4)", () => {
    // Khrushchev takes the Yugoslav trip offered in August 1963 (seed 77, these choices) and is abroad
    // for the next two weeks.
    const { lonely } = playRandomly("october-1964", 77, ["brezhnev", "khrushchev"], [3, 1, 4, 1, 5, 9, 2, 6], 40);
    expect(lonely).toEqual([]);
  });

  it("the same seed and decisions reproduce the same log and generator state", () => {
    const { world, decisions } = playRandomly("october-1964", 77, ["brezhnev", "khrushchev"], [3, 1, 4, 1, 5, 9, 2, 6], 40);
    let again = advance(createWorld(scenarios["october-1964"], { seed: 77, humanSeats: ["khrushchev", "brezhnev"] }));
    for (const d of decisions) again = step(again, d);
    expect(JSON.stringify(again.log)).toBe(JSON.stringify(world.log));
    expect(again.rng).toEqual(world.rng);
    expect(JSON.stringify(again)).toBe(JSON.stringify(world));
  });

  it("an illegal action, a stale key or a seat not asked is refused and changes nothing", () => {
    const world = advance(createWorld(scenarios["october-1964"], { seed: 9, humanSeats: ["podgorny"] }));
    const q = world.awaiting[0];
    expect(q.seat).toBe("podgorny");
    const before = JSON.stringify(world);
    expect(() => step(world, { seat: "podgorny", kind: q.kind, key: q.key, choice: "seize-power" })).toThrow(/illegal action.*not one of/);
    expect(() => step(world, { seat: "podgorny", kind: q.kind, key: "w0:weekly:99", choice: q.options[0].choice })).toThrow(/question is/);
    expect(() => step(world, { seat: "suslov", kind: q.kind, key: q.key, choice: "lie-low" })).toThrow(/suslov is not being asked anything \(waiting on podgorny\)/);
    expect(legalActions(world, "suslov")).toEqual([]);
    expect(JSON.stringify(world)).toBe(before);
  });
});

describe("the calendar", () => {
  it("counts days exactly like the UTC calendar, in both directions", async () => {
    const { toDay, fromDay, addDays } = await import("../src/engine/calendar.js");
    fc.assert(
      fc.property(fc.integer({ min: -60000, max: 60000 }), fc.integer({ min: -400, max: 400 }), (day, delta) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(toDay(iso)).toBe(day);
        expect(fromDay(day)).toBe(iso);
        expect(toDay(addDays(iso, delta))).toBe(day + delta);
      }),
      { seed: 7 },
    );
  });
});
