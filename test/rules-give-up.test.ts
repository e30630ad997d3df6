// Answering the norm of collective leadership: the news says once that a first man stands too far above
// his colleagues (rules/collective.ts), and he may give up one of his posts (governing.ts), as Malenkov
// gave up the Secretariat in March 1953.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fileURLToPath } from "node:url";
import { createWorld, type World } from "../src/engine/index.js";
import type { DecisionContext, ScoredOption } from "../src/engine/ai/choice.js";
import { collectiveLeadership } from "../src/engine/rules/collective.js";
import { perform, weeklyOptions } from "../src/engine/rules/governing.js";
import { dominance } from "../src/engine/power.js";
import { regardOf } from "../src/engine/queries.js";
import { Rng } from "../src/engine/rng.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const scenario = (name: string) => loadScenarioFile(fileURLToPath(new URL(`../scenarios/${name}.yaml`, import.meta.url))).scenario;
const october = scenario("october-1964");

const contextOf = (world: World): DecisionContext => ({ world, rng: new Rng(world.rng), decisions: [], used: new Set() });
const giveUps = (world: World, id: string) => weeklyOptions(world, id).filter((o) => o.choice === "give-up-post");
const utility = (o: ScoredOption) => o.terms.reduce((s, t) => s + t.value, 0);
const normTerm = (o: ScoredOption) => o.terms.find((t) => t.term.startsWith("colleagues resent"))!.value;

describe("the news of the norm", () => {
  it("says once of a first man above the norm that he decides alone, and not again while he stays first", () => {
    const world = createWorld(october, { seed: 1 });
    const told = () => world.log.filter((e) => e.type === "collective-leadership");
    collectiveLeadership(world);
    expect(told()).toHaveLength(1);
    expect(told()[0].actor).toBe("khrushchev");
    expect(told()[0].audience).toBe("public");
    expect(told()[0].text).toContain("Khrushchev");
    collectiveLeadership(world);
    collectiveLeadership(world);
    expect(told()).toHaveLength(1);
  });

  it("is silent about a first among equals (Khrushchev in 1957)", () => {
    const world = createWorld(scenario("june-1957"), { seed: 1 });
    expect(dominance(world, "khrushchev")).toBeLessThan(world.params.relations.collective.tolerated);
    collectiveLeadership(world);
    expect(world.log.some((e) => e.type === "collective-leadership")).toBe(false);
  });
});

describe("giving up a post", () => {
  it("is offered to the first man for each post but his highest, with a successor, and to no one else", () => {
    const world = createWorld(october, { seed: 1 });
    const options = giveUps(world, "khrushchev");
    // First Secretary (the highest) and Premier: only the premiership may go.
    expect(options.map((o) => o.target)).toEqual(["premier"]);
    expect(options[0].detail).toBeTruthy();
    expect(options[0].detail).not.toBe("khrushchev");
    expect(options[0].label).toContain("Chairman of the Council of Ministers");
    for (const id of world.order) if (id !== "khrushchev") expect(giveUps(world, id), id).toEqual([]);
  });

  it("is not offered to a first among equals, whatever posts he holds", () => {
    const world = createWorld(october, { seed: 1 });
    world.params = structuredClone(world.params);
    world.params.relations.collective.tolerated = dominance(world, "khrushchev") + 0.01;
    expect(world.principals.khrushchev.posts.length).toBeGreaterThan(1);
    expect(giveUps(world, "khrushchev")).toEqual([]);
  });

  it("is for good: he does not then ask the Presidium for the post back", () => {
    const world = createWorld(october, { seed: 1 });
    // The premiership made worth a claim (as in the campaign's file), and given up.
    world.posts.premier.value = world.params.governing.claimPost.minValue;
    const [option] = giveUps(world, "khrushchev");
    perform(contextOf(world), "khrushchev", option);
    const holder = world.posts.premier.holders[0];
    expect(holder).toBeDefined();
    const claims = weeklyOptions(world, "khrushchev").filter((o) => o.choice === "claim-post");
    expect(claims.map((o) => o.target)).not.toContain("premier");
  });

  it("is not offered while a crisis is on", () => {
    const world = createWorld(october, { seed: 1 });
    world.crisis = { move: "m-x" } as World["crisis"];
    expect(giveUps(world, "khrushchev")).toEqual([]);
  });

  it("leaves the post, lowers his dominance, and his colleagues in the leadership think better of him by the post's value", () => {
    const world = createWorld(october, { seed: 1 });
    world.globals.fear = 0.2;
    const [option] = giveUps(world, "khrushchev");
    const k = world.params.governing.giveUp;
    const dominanceBefore = dominance(world, "khrushchev");
    const before = Object.fromEntries(world.order.map((id) => [id, regardOf(world.principals[id], "khrushchev")]));
    perform(contextOf(world), "khrushchev", option);
    expect(world.principals.khrushchev.posts).not.toContain("premier");
    expect(world.posts.premier.holders).not.toContain("khrushchev");
    expect(dominance(world, "khrushchev")).toBeLessThan(dominanceBefore);
    const gesture = k.gesture * world.posts.premier.value * (1 - 0.2);
    // Brezhnev is a secretary and a full member; the KGB chairman has no seat and sees no gesture.
    expect(regardOf(world.principals.brezhnev, "khrushchev")).toBeCloseTo(Math.min(1, before.brezhnev + gesture), 12);
    expect(regardOf(world.principals.semichastny, "khrushchev")).toBe(before.semichastny);
    const entry = world.log.find((e) => e.type === "gives-up-post")!;
    expect(entry.actor).toBe("khrushchev");
    expect(entry.data).toEqual({ post: "premier" });
    // The successor is put to the Presidium: he holds the post if it carried, else it stands empty.
    const vote = world.log.find((e) => e.type === "presidium-business" && e.data?.key === "fill:premier")!;
    expect(vote).toBeDefined();
    expect(world.posts.premier.holders).toEqual(vote.data!.passed ? [option.detail] : []);
  });

  it("weighs the norm more the further he stands above it and the less sure he is of himself", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.9, noNaN: true }), (sure, surer, fear) => {
        const at = (overconfidence: number, tolerated: number) => {
          const world = createWorld(october, { seed: 1 });
          world.params = structuredClone(world.params);
          world.params.relations.collective.tolerated = tolerated;
          world.globals.fear = fear;
          world.principals.khrushchev.traits.overconfidence = overconfidence;
          const options = giveUps(world, "khrushchev");
          return options.length ? normTerm(options[0]) : null;
        };
        const [lo, hi] = sure <= surer ? [sure, surer] : [surer, sure];
        expect(at(hi, 0.4)!).toBeLessThanOrEqual(at(lo, 0.4)! + 1e-12);
        expect(at(lo, 0.3)!).toBeGreaterThanOrEqual(at(lo, 0.5)! - 1e-12);
        // Below the norm (his dominance is about 0.64) there is nothing to answer: no option at all.
        expect(at(lo, 0.9)).toBeNull();
      }),
      { numRuns: 25 },
    );
  });

  it("is a rare choice for the 1964 Khrushchev: an ambitious man sure of himself keeps his posts", () => {
    const world = createWorld(october, { seed: 1 });
    const [option] = giveUps(world, "khrushchev");
    const lieLow = world.params.governing.lieLow.base;
    // At the weekly choice's temperature this is under one chance in a thousand a week.
    expect(Math.exp((utility(option) - lieLow) / world.params.ai.choice.temperature)).toBeLessThan(1e-3);
  });
});
