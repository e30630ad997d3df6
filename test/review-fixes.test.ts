// Issue 13's bugs found again in review: a dead or fallen man named in a warning, a constituency's
// internal id in an option's label, and a policy goal counted as met before the player has done anything.
import { describe, expect, it } from "vitest";
import { advance, createWorld, legalActions, simulate, step, type World } from "../src/engine/index.js";
import { goalsOf } from "../src/engine/player.js";
import { leavePost, outranks, takePost } from "../src/engine/queries.js";
import { launch } from "../src/engine/rules/crisis.js";
import { startMove } from "../src/engine/rules/moves.js";
import { Rng } from "../src/engine/rng.js";
import { scenarioOf } from "./strategies.js";

describe("what the review found", () => {
  it("warnings name only men still in play when they are given (june-1957 seed 1 once named a dead Molotov)", () => {
    for (const [id, seeds] of [["june-1957", [1, 2, 3, 4]], ["march-1953", [19, 20]]] as const) {
      for (const seed of seeds) {
        const world = simulate(scenarioOf(id), { seed });
        const gone = new Map<string, string>();
        for (const e of world.log) {
          if ((e.type === "death" || e.type === "fate") && e.actor && !gone.has(e.actor)) gone.set(e.actor, e.date);
          if (e.type !== "warning") continue;
          for (const who of (e.data?.accused as string[]) ?? []) {
            const since = gone.get(who);
            expect(since === undefined || since > e.date, `${id} seed ${seed}, ${e.date}: ${e.text}`).toBe(true);
          }
        }
      }
    }
  }, 120_000);

  it("the first man's appointment options name the constituency, not its id", () => {
    let world: World = advance(createWorld(scenarioOf("october-1964"), { seed: 1, humanSeats: ["khrushchev"] }));
    const ids = world.rows.map((r) => r.id).filter((r) => r.includes("-"));
    const labels: string[] = [];
    for (let i = 0; i < 30 && !world.done && labels.length === 0; i++) {
      const asked = world.awaiting[0];
      labels.push(...asked.options.filter((o) => o.choice === "appoint").map((o) => o.label));
      const legal = legalActions(world, "khrushchev");
      world = step(world, legal.find((d) => d.choice === "lie-low") ?? legal[0]);
    }
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) for (const id of ids) expect(label).not.toContain(`(${id})`);
  });

  it("a policy already in force at the start does not count as carried by anyone", () => {
    for (const id of ["october-1964", "june-1957"]) {
      const world = createWorld(scenarioOf(id), { seed: 1 });
      const policy = goalsOf(world, "khrushchev").goals.find((g) => g.id === "policy");
      if (policy) expect(policy.progress, `${id}: ${policy.status}`).toBe(0);
      expect(goalsOf(world, "khrushchev").percent).toBeLessThan(100);
    }
  });

  it("a policy adopted during the run counts as carried by the man who championed it", () => {
    let checked = 0;
    for (const id of ["october-1964", "june-1957"]) {
      for (let seed = 1; seed <= 6 && checked < 3; seed++) {
        const world = simulate(scenarioOf(id), { seed });
        for (const policy of world.policies) {
          if (policy.adoptedOn === null || policy.adoptedOn === world.start || !policy.champion) continue;
          const goal = goalsOf(world, policy.champion).goals.find((g) => g.id === "policy");
          if (!goal) continue;
          expect(goal.progress, `${id} seed ${seed}: ${policy.id} by ${policy.champion}: ${goal.status}`).toBe(1);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  }, 120_000);
});

describe("the day a plenum meets", () => {
  it("a plenum called for the next day meets the next day; one convened at once waits for the quorum to arrive, and no longer", () => {
    let atOnce = 0;
    let nextDay = 0;
    for (const [id, seeds] of [["october-1964", Array.from({ length: 30 }, (_, i) => i + 1)], ["june-1957", [1, 2, 3, 4, 25]]] as const) {
      for (const seed of seeds) {
        const world = simulate(scenarioOf(id), { seed });
        world.log.forEach((e, i) => {
          if (e.type !== "plenum-called" || e.chosen !== "convene") return;
          atOnce++;
          const met = world.log.slice(i).find((x) => x.type === "plenum-convened" && x.data?.move === e.data?.move);
          expect(met, `${id} seed ${seed}: ${e.text}`).toBeDefined();
          const wait = (Date.parse(met!.date) - Date.parse(e.date)) / 86_400_000;
          const demanded = world.log.slice(i).some((x) => x.type === "plenum-demanded" && x.data?.move === e.data?.move && x.date <= met!.date);
          if (/next day/.test(e.text)) {
            nextDay++;
            expect(wait, `${id} seed ${seed}: ${e.text}`).toBe(1);
          } else if (!demanded) expect(wait, `${id} seed ${seed}: ${e.text}`).toBe(Number(/in (\d+) days/.exec(e.text)![1]));
          const [present, total] = /with (\d+) of (\d+)/.exec(met!.text)!.slice(1).map(Number);
          expect(present / total, `${id} seed ${seed}: ${met!.text}`).toBeGreaterThanOrEqual(world.params.crisis.attendance.quorum - 0.01);
        });
      }
    }
    expect(atOnce).toBeGreaterThan(nextDay);
    expect(nextDay).toBeGreaterThan(0);
  }, 120_000);
});

describe("no one is his own deputy", () => {
  it("a man made Premier leaves his First Deputy Premier's post, and is not given a deputy post of his own", () => {
    const world = createWorld(scenarioOf("october-1964"), { seed: 1 });
    expect(world.posts["first-deputy-premier-economy"].deputyOf).toBe("premier");
    leavePost(world, "khrushchev", "premier");
    takePost(world, "kosygin", "premier");
    expect(world.principals.kosygin.posts).toEqual(["premier"]);
    expect(world.posts["first-deputy-premier-economy"].holders).toEqual([]);
    expect(outranks(world, "kosygin", "first-deputy-premier-trade")).toBe(true);
    expect(outranks(world, "mikoyan", "first-deputy-premier-trade")).toBe(false);
  });

  it("in whole runs nobody ever holds a post together with its deputy post (the play-test's Mikoyan, Kosygin)", () => {
    for (const [id, seeds] of [["october-1964", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]], ["march-1953", [1, 2, 3]]] as const) {
      for (const seed of seeds) {
        const world = simulate(scenarioOf(id), { seed });
        for (const p of Object.values(world.principals)) {
          for (const post of p.posts) {
            const above = world.posts[post].deputyOf;
            expect(above === undefined || !p.posts.includes(above), `${id} seed ${seed}: ${p.id} holds ${p.posts.join(", ")}`).toBe(true);
          }
        }
      }
    }
  }, 120_000);
});

describe("an arrest is told as an arrest", () => {
  it("the first man's purge decided by force is told as an arrest (it read 'asks the Presidium to remove')", () => {
    const world = createWorld(scenarioOf("march-1953"), { seed: 1 });
    const ctx = { world, rng: new Rng(world.rng), decisions: [], used: new Set<string>() };
    const move = startMove(ctx, "beria", "suslov", [], "purge");
    launch(ctx, move, "beria", "force");
    const told = world.log.filter((e) => e.type === "launch" && e.data?.move === move.id);
    expect(told).toHaveLength(1);
    expect(told[0].text).toMatch(/arrest/);
    expect(told[0].text).not.toMatch(/asks the Presidium/);
  });
});

describe("a policy is named as the file writes it", () => {
  it("a proposal quotes the policy's name unchanged (it read 'stalin's great construction projects')", () => {
    const world = simulate(scenarioOf("march-1953"), { seed: 1 });
    const names = new Set(world.policies.map((p) => p.name));
    const proposals = world.log.filter((e) => / proposes “/.test(e.text));
    expect(proposals.length).toBeGreaterThan(0);
    for (const e of proposals) expect(names.has(/“(.*)”/.exec(e.text)![1]), e.text).toBe(true);
  }, 60_000);
});
