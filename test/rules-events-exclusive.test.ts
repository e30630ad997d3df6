// A chance event may be ruled out by another (the field `chance.unless`): a year's harvest fails or
// is good, not both. Checked on the campaign's 1955 harvests, with the failure's odds made certain.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createWorld, type World } from "../src/engine/index.js";
import { eventsPhase } from "../src/engine/rules/events.js";
import { Rng } from "../src/engine/rng.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const era = loadScenarioFile(fileURLToPath(new URL("../scenarios/khrushchev-era.yaml", import.meta.url))).scenario;

/** The campaign in August 1955, the failed harvest certain and every other chance event off. */
function august1955(): World {
  const world = createWorld(era, { seed: 1 });
  world.date = "1955-08-07";
  // Copies: the world's events are the scenario's own objects, shared with the other tests.
  world.events = world.events.map((e) => (e.chance ? { ...e, chance: { ...e.chance, weekly: e.id === "harvest-failure-1955" ? 1 : 0 } } : e));
  return world;
}

const week = (world: World) => eventsPhase({ world, rng: new Rng(world.rng), decisions: [], used: new Set() });

describe("an event ruled out by another", () => {
  it("the file pairs each year's failed and good harvests both ways", () => {
    const unless = Object.fromEntries(era.events.map((e) => [e.id, e.chance?.unless ?? []]));
    expect(unless["harvest-failure-1955"]).toEqual(["good-harvest-1955"]);
    expect(unless["good-harvest-1955"]).toEqual(["harvest-failure-1955"]);
    expect(unless["record-harvest-1956"]).toEqual(["harvest-failure-1956"]);
    expect(unless["record-harvest-1958"]).toEqual(["harvest-failure-1958"]);
  });

  it("happens when nothing rules it out", () => {
    const world = august1955();
    week(world);
    expect(world.eventsDone).toContain("harvest-failure-1955");
  });

  it("does not happen once the event that rules it out has", () => {
    const world = august1955();
    world.eventsDone.push("good-harvest-1955");
    for (let i = 0; i < 8; i++) week(world);
    expect(world.eventsDone).not.toContain("harvest-failure-1955");
    expect(world.signals.filter((s) => s.kind === "harvest" && s.severity > 0)).toEqual([]);
  });
});
