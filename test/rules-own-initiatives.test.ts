// Whose initiatives are whose (MODEL.md sections 4 and 6): a trip offered to a named man is his
// alone, while one offered to a power goes with the post; an event that is the first man's own doing
// (an outburst, a slight) happens only while he holds primacy; a policy can be proposed by whoever
// holds the power it names. Checked by handing posts or primacy to someone else by hand and asking
// the rules again.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createWorld, viewFor, type World } from "../src/engine/index.js";
import { leavePost, takePost } from "../src/engine/queries.js";
import { eventsPhase } from "../src/engine/rules/events.js";
import { applyFate } from "../src/engine/rules/fates.js";
import { perform, weeklyOptions } from "../src/engine/rules/governing.js";
import { Rng } from "../src/engine/rng.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const load = (id: string) => loadScenarioFile(fileURLToPath(new URL(`../scenarios/${id}.yaml`, import.meta.url))).scenario;
const october = load("october-1964");
const march = load("march-1953");
const era = load("khrushchev-era");

function on(world: World, date: string): World {
  world.date = date;
  return world;
}

function handOver(world: World, post: string, to: string): void {
  for (const h of [...world.posts[post].holders]) leavePost(world, h, post);
  takePost(world, to, post);
}

/** The trip the rules would offer him this week, if any. */
const tripOffered = (world: World, who: string) => weeklyOptions(world, who).find((o) => o.choice === "travel")?.target ?? null;

function runEvents(world: World): World {
  eventsPhase({ world, rng: new Rng(world.rng), decisions: [], used: new Set() });
  return world;
}

describe("trips", () => {
  it("the Pitsunda holiday is offered to Khrushchev, and to nobody else even when Brezhnev is First Secretary", () => {
    const kept = on(createWorld(october, { seed: 1 }), "1964-10-01");
    expect(tripOffered(kept, "khrushchev")).toBe("pitsunda-holiday");
    expect(viewFor(kept, "khrushchev").tripOffers.map((t) => t.id)).toEqual(["pitsunda-holiday"]);
    expect(tripOffered(kept, "brezhnev")).toBeNull();

    const replaced = on(createWorld(october, { seed: 1 }), "1964-10-01");
    handOver(replaced, "first-secretary", "brezhnev");
    expect(tripOffered(replaced, "brezhnev")).toBeNull();
    expect(viewFor(replaced, "brezhnev").tripOffers).toEqual([]);
    // Still his own offer while he can act, post or no post; once fallen, nobody's.
    expect(tripOffered(replaced, "khrushchev")).toBe("pitsunda-holiday");
    applyFate(replaced, "khrushchev", "retired");
    expect(tripOffered(replaced, "khrushchev")).toBeNull();
    expect(tripOffered(replaced, "brezhnev")).toBeNull();
  });

  it("an offer out of its window is not made", () => {
    expect(tripOffered(on(createWorld(october, { seed: 1 }), "1964-10-08"), "khrushchev")).toBeNull();
    expect(tripOffered(on(createWorld(october, { seed: 1 }), "1964-09-16"), "khrushchev")).toBe("missile-range-1964");
  });

  it("a tour offered to the First Secretary goes with the post (march-1953)", () => {
    const world = on(createWorld(march, { seed: 1 }), "1954-07-05");
    handOver(world, "first-secretary", "khrushchev");
    expect(tripOffered(world, "khrushchev")).toBe("virgin-lands-tour-1954");
    expect(tripOffered(world, "malenkov")).toBeNull();
    handOver(world, "first-secretary", "malenkov");
    expect(tripOffered(world, "malenkov")).toBe("virgin-lands-tour-1954");
    expect(tripOffered(world, "khrushchev")).toBeNull();
  });

  it("a journey offered to two of one man's posts is made once (khrushchev-era, Belgrade 1955)", () => {
    const world = on(createWorld(era, { seed: 1 }), "1955-05-22");
    handOver(world, "first-secretary", "khrushchev");
    handOver(world, "premier", "khrushchev");
    const belgrade = world.trips.filter((t) => t.place === "Belgrade").map((t) => t.id);
    expect(belgrade).toEqual(["belgrade-1955-party-head", "belgrade-1955-premier", "belgrade-1955-mikoyan"]);
    const trip = tripOffered(world, "khrushchev");
    expect(trip).toBe("belgrade-1955-party-head");
    perform({ world, rng: new Rng(world.rng), decisions: [], used: new Set() }, "khrushchev", weeklyOptions(world, "khrushchev").find((o) => o.choice === "travel")!);
    // Both offers made to his posts are spent; Mikoyan's own is still his to take.
    expect(world.tripsDone).toEqual(["belgrade-1955-party-head", "belgrade-1955-premier"]);
    world.principals.khrushchev.location = null;
    expect(tripOffered(world, "khrushchev") ?? "none").not.toMatch(/^belgrade-1955/);
    expect(tripOffered(world, "mikoyan")).toBe("belgrade-1955-mikoyan");
  });
});

describe("the first man's own doings", () => {
  it("Khrushchev's seventieth birthday needles Suslov only while Khrushchev is first", () => {
    const slights = (w: World) => w.principals.suslov.grievances.filter((g) => g.cause.includes("birthday"));
    const first = runEvents(on(createWorld(october, { seed: 1 }), "1964-04-13"));
    expect(first.primacy).toBe("khrushchev");
    expect(first.eventsDone).toContain("birthday-slight");
    expect(slights(first)).toEqual([expect.objectContaining({ against: "khrushchev", date: "1964-04-17", weight: 0.3 })]);
    expect(first.log.filter((e) => e.type === "event").map((e) => e.date)).toEqual(["1964-04-17"]);

    const other = on(createWorld(october, { seed: 1 }), "1964-04-13");
    other.primacy = "brezhnev";
    runEvents(other);
    expect(other.eventsDone).not.toContain("birthday-slight");
    expect(slights(other)).toEqual([]);
  });

  it("an event that is nobody's doing happens whoever is first", () => {
    for (const who of ["khrushchev", "brezhnev"]) {
      const world = on(createWorld(october, { seed: 1 }), "1964-05-17");
      world.primacy = who;
      expect(runEvents(world).eventsDone).toContain("kuusinen-dies");
    }
  });
});

describe("policies", () => {
  const proposable = (world: World, who: string) => viewFor(world, who).policies.find((p) => p.id === "agriculture-note-1964")!.proposable;

  it("the 1964 agriculture note can be proposed by whoever is First Secretary, from mid-June 1964, once a harvest has failed", () => {
    expect(proposable(on(createWorld(october, { seed: 1 }), "1964-06-08"), "khrushchev")).toBe(false);
    const world = on(createWorld(october, { seed: 1 }), "1964-07-13");
    // The note answers a failed harvest (governing.ts, answered): none has come in a world moved on by hand.
    expect(proposable(world, "khrushchev")).toBe(false);
    // The run's event of 15 September 1963.
    world.signals.push({ kind: "harvest", severity: 0.5, date: "1963-09-15" });
    expect(proposable(world, "khrushchev")).toBe(true);
    expect(proposable(world, "brezhnev")).toBe(false);
    expect(weeklyOptions(world, "khrushchev").some((o) => o.choice === "propose-policy" && o.target === "agriculture-note-1964")).toBe(true);
    handOver(world, "first-secretary", "brezhnev");
    expect(proposable(world, "brezhnev")).toBe(true);
    expect(proposable(world, "khrushchev")).toBe(false);
    expect(weeklyOptions(world, "khrushchev").some((o) => o.choice === "propose-policy")).toBe(false);
  });
});
