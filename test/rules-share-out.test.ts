// The winners' share-out of a fallen man's posts (rules/succession.ts): organs of force and a post of
// rank do not go into one pair of hands, whichever of the two a man holds first.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createWorld, type World } from "../src/engine/index.js";
import { claimScore, organsHeldTooPenalty, shareOutPosts, vacate } from "../src/engine/rules/succession.js";
import { offerFor } from "../src/engine/rules/moves.js";
import { refreshPower } from "../src/engine/power.js";
import type { Move } from "../src/engine/state.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const october = loadScenarioFile(fileURLToPath(new URL("../scenarios/october-1964.yaml", import.meta.url))).scenario;

/** A move of the given members against Khrushchev, the first of them its initiator. */
function moveOf(members: string[]): Move {
  return { id: "m-test", target: "khrushchev", demand: [], initiator: members[0], members, refusals: [], startedOn: "1964-10-12", stage: "launched", exposure: 0, alarm: 0, open: null, launchedOn: "1964-10-12", launchedWhileAway: true };
}

describe("organs and a post of rank in one man's hands", () => {
  it("costs a chief of the organs his claim to a post of rank, by the lesser post's value, as it costs a man of rank the organs", () => {
    const world = createWorld(october, { seed: 1 });
    const k = world.params.succession.share.organs;
    expect(world.principals.semichastny.posts).toEqual(["kgb-chairman"]);
    // The KGB chairman wanting the First Secretary's post: the KGB (0.7) is the lesser of the pair.
    expect(organsHeldTooPenalty(world, "semichastny", "first-secretary")).toBeCloseTo(k * world.posts["kgb-chairman"].value, 12);
    // ... and a minor post below the KGB's value costs by the minor post's own value.
    const minor = Object.keys(world.posts).find((p) => world.posts[p].value < world.posts["kgb-chairman"].value && world.posts[p].powers.every((x) => x !== "security" && x !== "army"))!;
    expect(organsHeldTooPenalty(world, "semichastny", minor)).toBeCloseTo(k * world.posts[minor].value, 12);
    // A secretary wanting the KGB pays by the best post he holds; wanting another civil post, nothing.
    const best = Math.max(...world.principals.brezhnev.posts.map((p) => world.posts[p].value));
    expect(organsHeldTooPenalty(world, "brezhnev", "kgb-chairman")).toBeCloseTo(k * best, 12);
    expect(organsHeldTooPenalty(world, "brezhnev", "first-secretary")).toBe(0);
    // The post he already holds is not counted against itself.
    expect(organsHeldTooPenalty(world, "semichastny", "kgb-chairman")).toBe(0);
  });

  it("keeps the First Secretary's post from the KGB chairman who was promised it, and leaves him the KGB", () => {
    const world: World = createWorld(october, { seed: 1 });
    // As in a run of 1 December (seed mixSeed(20261201, 0)): Shelepin recruits his protégé with the
    // offer of the post, and before this rule the KGB chairman became First Secretary.
    const move = moveOf(["shelepin", "semichastny", "suslov", "ponomarev", "podgorny", "brezhnev"]);
    world.promises.push({ from: "shelepin", to: "semichastny", post: "first-secretary", move: move.id, date: "1964-06-01" });
    const posts = [...world.principals.khrushchev.posts];
    vacate(world, "khrushchev", posts);
    refreshPower(world);
    const given = shareOutPosts(world, posts, move.members, move);
    expect(given["first-secretary"]).toBeDefined();
    expect(given["first-secretary"]).not.toBe("semichastny");
    expect(Object.values(given)).not.toContain("semichastny");
    expect(world.principals.semichastny.posts).toEqual(["kgb-chairman"]);
  });

  it("is never promised either: a recruiter offers the KGB chairman no post the share-out would refuse him", () => {
    const world = createWorld(october, { seed: 1 });
    const move = moveOf(["shelepin"]);
    const offer = offerFor(world, move, "semichastny");
    // Before, the recruiter offered the most valuable post at stake, the First Secretary's.
    expect(offer).not.toBe("first-secretary");
    if (offer !== null) expect(claimScore(world, "semichastny", offer) - organsHeldTooPenalty(world, "semichastny", offer)).toBeGreaterThanOrEqual(0);
    // A secretary without organs is still offered the top post.
    expect(offerFor(world, move, "brezhnev")).toBe("first-secretary");
  });
});
