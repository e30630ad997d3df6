// Invariants of VALIDATION.md that hold in every run, checked over random seeds with a human seat
// making random legal choices (fast-check drives both).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { advance, createWorld, legalActions, step, type Decision, type LogEntry, type World } from "../src/engine/index.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const dir = fileURLToPath(new URL("../scenarios/", import.meta.url));
const scenarios = {
  "october-1964": loadScenarioFile(join(dir, "october-1964.yaml")).scenario,
  "june-1957": loadScenarioFile(join(dir, "june-1957.yaml")).scenario,
};
type ScenarioId = keyof typeof scenarios;

function checkState(world: World): void {
  const leaders = Object.values(world.posts).filter((p) => p.powers.includes("leader")).flatMap((p) => p.holders);
  expect(leaders, `${world.date}: exactly one First Secretary`).toHaveLength(1);
  for (const post of Object.values(world.posts)) {
    for (const h of post.holders) {
      const holder = world.principals[h];
      expect(holder.alive, `${world.date}: ${h} holds ${post.id} but is dead`).toBe(true);
      expect(holder.posts, `${world.date}: ${h} holds ${post.id} in the post but not in his own list`).toContain(post.id);
    }
  }
  for (const p of Object.values(world.principals)) {
    for (const postId of p.posts) expect(world.posts[postId].holders, `${p.id}'s post ${postId}`).toContain(p.id);
  }
  for (const stream of Object.values(world.rng)) {
    expect(stream.every((x) => Number.isInteger(x))).toBe(true);
  }
}

function checkLog(log: readonly LogEntry[]): void {
  log.forEach((entry, i) => expect(entry.seq).toBe(i));
  for (const entry of log) {
    for (const option of entry.options ?? []) {
      const sum = option.terms.reduce((s, t) => s + t.value, 0);
      expect(Math.abs(sum - option.utility), `${entry.type} ${entry.seq}: terms of "${option.option}" add up to its utility`).toBeLessThan(0.002);
    }
    if (entry.type === "presidium-vote") expect(entry.data?.membership, `${entry.text}: only full members vote`).toBe("full");
  }
  const sessions = log.filter((e) => e.type === "session-result");
  for (const s of sessions) {
    const votes = log.filter((e) => e.type === "presidium-vote" && e.data?.plot === s.data?.plot && e.seq < s.seq && e.date === s.date);
    expect(votes.length, `${s.text}: one vote per voter`).toBe(s.data?.voters);
    expect((s.data?.for as number) + (s.data?.against as number)).toBe(s.data?.voters);
    expect(votes.filter((v) => v.chosen === "for").length).toBe(s.data?.for);
  }
  for (const p of log.filter((e) => e.type === "plenum-result")) {
    const votes = log.filter((e) => e.type === "plenum-vote" && e.data?.plot === p.data?.plot && e.seq < p.seq && e.date === p.date);
    expect(votes.length).toBe(p.data?.present);
    expect((p.data?.forLeader as number) + (p.data?.againstLeader as number)).toBe(p.data?.present);
    expect(votes.filter((v) => v.chosen === "for-leader").length).toBe(p.data?.forLeader);
  }
}

/** Plays a seat with random legal choices; returns the finished world and the decisions made. */
function playRandomly(id: ScenarioId, seed: number, seat: string, picks: number[], maxSteps: number, onState: (w: World) => void) {
  let world = advance(createWorld(scenarios[id], { seed, humanSeats: [seat] }));
  const decisions: Decision[] = [];
  for (let i = 0; !world.done && i < maxSteps; i++) {
    onState(world);
    const legal = legalActions(world, world.awaiting!.seat);
    expect(legal.length).toBeGreaterThan(0);
    const before = JSON.stringify(world);
    const choice = legal[picks[i % picks.length] % legal.length];
    decisions.push(choice);
    const next = step(world, choice);
    expect(JSON.stringify(world), "step must not mutate the world it is given").toBe(before);
    world = next;
  }
  return { world, decisions };
}

describe("invariants hold in every run, whatever a human seat does", () => {
  for (const id of Object.keys(scenarios) as ScenarioId[]) {
    it(`${id}: one leader, no dead office holders, only full members vote, tallies and reasons add up`, () => {
      const seats = Object.keys(scenarios[id].characters);
      fc.assert(
        fc.property(fc.integer(), fc.constantFrom(...seats), fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (seed, seat, picks) => {
          const { world } = playRandomly(id, seed, seat, picks, 60, checkState);
          checkState(world);
          checkLog(world.log);
        }),
        { numRuns: 6, seed: 1964 },
      );
    });
  }

  it("all-AI runs keep the invariants too (many seeds, both scenarios)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...(Object.keys(scenarios) as ScenarioId[])), (seed, id) => {
        const world = advance(createWorld(scenarios[id], { seed }));
        expect(world.done).toBe(true);
        checkState(world);
        checkLog(world.log);
      }),
      { numRuns: 60, seed: 1957 },
    );
  });

  it("the same seed and decisions reproduce the same log and generator state", () => {
    const { world, decisions } = playRandomly("october-1964", 77, "brezhnev", [3, 1, 4, 1, 5, 9, 2, 6], 40, () => {});
    let again = advance(createWorld(scenarios["october-1964"], { seed: 77, humanSeats: ["brezhnev"] }));
    for (const d of decisions) again = step(again, d);
    expect(JSON.stringify(again.log)).toBe(JSON.stringify(world.log));
    expect(again.rng).toEqual(world.rng);
  });

  it("an illegal action or a seat acting out of turn is refused and changes nothing", () => {
    const world = advance(createWorld(scenarios["october-1964"], { seed: 9, humanSeats: ["podgorny"] }));
    const before = JSON.stringify(world);
    expect(() => step(world, { seat: "podgorny", kind: world.awaiting!.kind, choice: "seize-power" })).toThrow(/illegal action/);
    expect(() => step(world, { seat: "suslov", kind: "weekly", choice: "wait" })).toThrow(/podgorny's turn/);
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
