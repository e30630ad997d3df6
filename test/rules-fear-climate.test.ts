// Fear drifts toward two sources (learning.ts): the level the security organs' standing sets, and a
// climate (what men remember of how losers were treated and of what was said about the terror) that
// acts shift and that fades over years. Until the climate existed, fear fell to the organs' level
// within weeks whatever the scenario said of it, and a policy's or a contest's effect on fear was
// gone in two months.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createWorld } from "../src/engine/index.js";
import { fearDrift, organsFear, shiftFear, startingClimate } from "../src/engine/rules/learning.js";
import { loadScenarioFile } from "../src/scenarios/load.js";
import type { World } from "../src/engine/state.js";

const load = (id: string) => loadScenarioFile(fileURLToPath(new URL(`../scenarios/${id}.yaml`, import.meta.url))).scenario;
const june = load("june-1957");
const october = load("october-1964");

const drift = (world: World, weeks: number) => {
  for (let i = 0; i < weeks; i++) fearDrift(world);
};

describe("the climate of fear", () => {
  it("starts as the scenario's fear beyond what the organs' standing sets, so fear holds at the scenario's level", () => {
    const world = createWorld(june, { seed: 1 });
    expect(world.globals.climate).toBeGreaterThan(0);
    expect(world.globals.climate).toBeCloseTo(june.globals.fear.value - organsFear(world), 12);
    expect(startingClimate(world)).toBeCloseTo(world.globals.climate, 12);
    // A quarter of a year with nothing happening: fear moves only as the climate fades.
    drift(world, 13);
    expect(Math.abs(world.globals.fear - june.globals.fear.value)).toBeLessThan(0.02);
  });

  it("is never negative: a scenario whose fear lies below the organs' level drifts up to it, as before", () => {
    const world = createWorld(october, { seed: 1 });
    const organs = organsFear(world);
    expect(october.globals.fear.value).toBeLessThan(organs);
    expect(world.globals.climate).toBe(0);
    shiftFear(world, -0.1);
    expect(world.globals.climate).toBe(0);
    drift(world, 52);
    expect(Math.abs(world.globals.fear - organs)).toBeLessThan(0.01);
  });

  it("keeps june-1957's fear well above the organs' level through the year (the shootings of 1953-56 are remembered)", () => {
    const world = createWorld(june, { seed: 1 });
    const organs = organsFear(world);
    expect(june.globals.fear.value - organs).toBeGreaterThan(0.1);
    drift(world, 52);
    const { fade } = world.params.learning.fear;
    const remembered = (june.globals.fear.value - organs) * (1 - fade) ** 52;
    expect(world.globals.fear - organs).toBeGreaterThan(0.8 * remembered);
    expect(world.globals.fear - organs).toBeLessThan(june.globals.fear.value - organs);
  });

  it("lets an act's shift of fear outlast the weeks and fade with the climate", () => {
    const quiet = createWorld(june, { seed: 1 });
    const shaken = createWorld(june, { seed: 1 });
    shiftFear(shaken, -0.15);
    expect(shaken.globals.fear).toBeCloseTo(quiet.globals.fear - 0.15, 12);
    drift(quiet, 26);
    drift(shaken, 26);
    const { fade } = quiet.params.learning.fear;
    expect(quiet.globals.fear - shaken.globals.fear).toBeCloseTo(0.15 * (1 - fade) ** 26, 2);
  });

  it("halves in about ln 2 / fade weeks, whatever fear does meanwhile", () => {
    const world = createWorld(june, { seed: 1 });
    const { fade } = world.params.learning.fear;
    expect(fade).toBeGreaterThan(0);
    const climate = world.globals.climate;
    drift(world, Math.round(Math.log(2) / fade));
    expect(world.globals.climate / climate).toBeCloseTo(0.5, 2);
  });

  it("keeps a fear set from outside: 1964 with Stalinist fear does not fall back to the organs' level within months", () => {
    const file = fileURLToPath(new URL("../scenarios/october-1964.yaml", import.meta.url));
    const world = createWorld(loadScenarioFile(file, { settings: [{ path: "globals.fear", value: 0.9 }] }).scenario, { seed: 1 });
    expect(world.globals.fear).toBeCloseTo(0.9, 12);
    expect(world.params.learning.fear.drift).toBeGreaterThan(0);
    drift(world, 26);
    expect(world.globals.fear).toBeGreaterThan(0.8);
  });
});
