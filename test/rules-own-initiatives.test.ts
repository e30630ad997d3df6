// A leader's own trips and initiatives belong to him: once he has fallen, his successor does not
// make them. Checked by handing the leadership to someone else by hand and playing on.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { createWorld, type World } from "../src/engine/index.js";
import { leavePost, takePost, holdersOf } from "../src/engine/queries.js";
import { scheduledEvents, leaderWhereabouts } from "../src/engine/rules/events.js";
import { Rng } from "../src/engine/rng.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const scenario = loadScenarioFile(fileURLToPath(new URL("../scenarios/october-1964.yaml", import.meta.url))).scenario;

function weekAt(world: World, date: string): World {
  world.date = date;
  const ctx = { world, rng: new Rng(world.rng), decisions: [], used: 0 };
  scheduledEvents(ctx);
  leaderWhereabouts(ctx);
  return world;
}

function handOver(world: World, to: string): void {
  const post = world.postOrder.find((p) => world.posts[p].powers.includes("leader"))!;
  leavePost(world, world.firstLeader, post);
  takePost(world, to, post);
}

describe("a fallen leader's own trips and initiatives", () => {
  it("Khrushchev goes to Pitsunda while he leads; Brezhnev does not go in his place", () => {
    const kept = weekAt(createWorld(scenario, { seed: 1 }), "1964-10-05");
    expect(kept.leaderLocation?.tripId).toBe("pitsunda-holiday");

    const fallen = createWorld(scenario, { seed: 1 });
    handOver(fallen, "brezhnev");
    expect(holdersOf(fallen, "leader")).toEqual(["brezhnev"]);
    expect(weekAt(fallen, "1964-10-05").leaderLocation).toBeNull();
  });

  it("the July 1964 agriculture note is enacted only if Khrushchev still leads", () => {
    const inForce = (w: World) => w.policies.find((p) => p.id === "agriculture-note-1964")!.inForce;
    const kept = weekAt(createWorld(scenario, { seed: 1 }), "1964-07-13");
    expect(inForce(kept)).toBe(true);
    const fallen = createWorld(scenario, { seed: 1 });
    handOver(fallen, "brezhnev");
    expect(inForce(weekAt(fallen, "1964-07-13"))).toBe(false);
  });
});
