// Two things that decide when a policy comes, in governing.ts. A reorganisation (the policy field
// `reorganises`: the sovnarkhozy, the end of the MTS, a troop cut) waits on the reorganisations the
// apparatus is still carrying out; a speech, an inquiry or a line abroad waits on nothing of the kind.
// And a policy that brings something to light (the field `persuades`: the repression inquiry) moves
// the men who read it, the Presidium and the Secretariat, toward its line, never past it.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createWorld, type Reason, type World } from "../src/engine/index.js";
import { adopt, weeklyOptions } from "../src/engine/rules/governing.js";
import { inPlay, takePost } from "../src/engine/queries.js";
import { goalsOf } from "../src/engine/player.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const era = loadScenarioFile(fileURLToPath(new URL("../scenarios/khrushchev-era.yaml", import.meta.url))).scenario;
const PACE = "reorganisations the apparatus is still absorbing";

/** The campaign in the week of the XX Congress, Khrushchev First Secretary, with `open` the one policy not in force. */
function withOnlyOpen(open: string): World {
  const world = createWorld(era, { seed: 1 });
  world.date = "1956-02-19";
  takePost(world, "khrushchev", "first-secretary");
  for (const p of world.policies) if (p.id !== open) p.inForce = true;
  return world;
}

/** Marks policies as adopted during the run on `date`. */
function adoptedOn(world: World, ids: string[], date: string): void {
  for (const id of ids) {
    const p = world.policies.find((x) => x.id === id)!;
    p.adoptedOn = date;
    p.inForceAtStart = false;
  }
}

const paceTerm = (world: World, policy: string) => {
  const option = weeklyOptions(world, "khrushchev").find((o) => o.choice === "propose-policy" && o.target === policy);
  expect(option, `${policy} on Khrushchev's menu`).toBeDefined();
  return option!.terms.find((t: Reason) => t.term === PACE)!.value;
};

describe("the pace of reorganisations", () => {
  const recent = (world: World) => {
    adoptedOn(world, ["maize-campaign", "virgin-lands"], "1955-10-02"); // reorganisations, within the year
    adoptedOn(world, ["peaceful-coexistence", "repression-inquiry"], "1955-10-02"); // not reorganisations
    adoptedOn(world, ["new-course"], "1954-01-03"); // a reorganisation, two years back
  };

  it("holds a reorganisation back by the reorganisations adopted within paceWeeks, and by nothing else", () => {
    const world = withOnlyOpen("sovnarkhoz-reform");
    expect(world.policies.find((p) => p.id === "sovnarkhoz-reform")!.reorganises).toBe(true);
    expect(paceTerm(world, "sovnarkhoz-reform")).toBeCloseTo(0, 10);
    recent(world);
    expect(paceTerm(world, "sovnarkhoz-reform")).toBeCloseTo(-2 * world.params.governing.policy.pace, 10);
  });

  it("does not hold back a policy that reorganises nothing, however many came before it", () => {
    const world = withOnlyOpen("de-stalinisation");
    expect(world.policies.find((p) => p.id === "de-stalinisation")!.reorganises).toBe(false);
    recent(world);
    expect(paceTerm(world, "de-stalinisation")).toBeCloseTo(0, 10);
  });
});

describe("a policy that brings something to light", () => {
  const inquiry = (world: World) => world.policies.find((p) => p.id === "repression-inquiry")!;

  it("moves the line of every man in the leadership toward its own by its share, never past it, and nobody else's", () => {
    const world = withOnlyOpen("repression-inquiry");
    const policy = inquiry(world);
    expect(policy.line).toBeLessThan(0);
    expect(policy.persuades).toBeGreaterThan(0);
    // Three readers: an orthodox man far from the line, a man just short of it, a man beyond it.
    world.principals.molotov.traits.ideology = 0.85;
    world.principals.mikoyan.traits.ideology = policy.line + policy.persuades / 2;
    world.principals.khrushchev.traits.ideology = -0.9;
    const before = Object.fromEntries(world.order.map((id) => [id, world.principals[id].traits.ideology]));
    adopt(world, policy, "khrushchev", [], []);
    expect(world.principals.molotov.traits.ideology).toBeCloseTo(0.85 - policy.persuades, 10);
    expect(world.principals.mikoyan.traits.ideology).toBeCloseTo(policy.line, 10);
    expect(world.principals.khrushchev.traits.ideology).toBe(-0.9);
    const outside = world.order.filter((id) => {
      const p = world.principals[id];
      return !inPlay(p) || (p.presidium === "none" && !p.secretary);
    });
    expect(outside.length).toBeGreaterThan(0);
    for (const id of outside) expect(world.principals[id].traits.ideology, id).toBe(before[id]);
    // Each man moved is told so, privately; nobody else.
    const told = world.log.filter((e) => e.type === "persuaded");
    expect(told.map((e) => e.actor)).toEqual(world.order.filter((id) => world.principals[id].traits.ideology !== before[id]));
    expect(told.map((e) => e.actor)).toContain("molotov");
    for (const e of told) expect(e.audience).toEqual([e.actor]);
    expect(told.find((e) => e.actor === "molotov")!.text).toBe(`What “${policy.name}” brings to light moves Molotov toward its line.`);
  });

  it("leaves a player's goals as they were drawn at the start", () => {
    const world = withOnlyOpen("repression-inquiry");
    const before = Object.fromEntries(world.order.map((id) => [id, goalsOf(world, id)]));
    adopt(world, inquiry(world), "khrushchev", [], []);
    const changed = world.order.filter((id) => world.origin.lines[id] !== world.principals[id].traits.ideology);
    expect(changed.length).toBeGreaterThan(0);
    for (const id of world.order) {
      const after = goalsOf(world, id);
      expect(after.goals.map((g) => [g.id, g.title, g.why]), id).toEqual(before[id].goals.map((g) => [g.id, g.title, g.why]));
      expect(after.max, id).toBe(before[id].max);
    }
  });

  it("moves nobody when it persuades no one", () => {
    const world = withOnlyOpen("repression-inquiry");
    const policy = { ...inquiry(world), persuades: 0 };
    const before = world.order.map((id) => world.principals[id].traits.ideology);
    adopt(world, policy, "khrushchev", [], []);
    expect(world.order.map((id) => world.principals[id].traits.ideology)).toEqual(before);
  });
});
