// The first man's bid for a colleague's top post (governing.ts, claimPostOption): Khrushchev took the
// premiership from Bulganin in March 1958 by a Presidium decision. Checked on the june-1957 file by
// handing the Presidium's votes to his clients by hand: the bid is offered to the first man alone,
// never for the organs or the First Secretary's post, its odds follow how many voters are his, and
// when carried the holder loses that post and keeps his seat.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createWorld, type World } from "../src/engine/index.js";
import { presidiumVoters } from "../src/engine/queries.js";
import { transferVoteOdds, perform, weeklyOptions } from "../src/engine/rules/governing.js";
import { Rng } from "../src/engine/rng.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const load = (id: string) => loadScenarioFile(fileURLToPath(new URL(`../scenarios/${id}.yaml`, import.meta.url))).scenario;
const june = load("june-1957");
const october = load("october-1964");

/** The last Presidium vote on business in the log. */
const lastVote = (world: World) => [...world.log].reverse().find((e) => e.type === "presidium-business");

const bid = (world: World, who: string) => weeklyOptions(world, who).find((o) => o.choice === "claim-post") ?? null;

/** Makes every voter but the holder his client, thinking well of him and nothing of the holder. */
function packed(world: World, first: string, holder: string): World {
  for (const v of presidiumVoters(world)) {
    if (v === first || v === holder) continue;
    const p = world.principals[v];
    p.patron = first;
    p.regard[first] = 1;
    p.regard[holder] = 0;
  }
  return world;
}

describe("the first man's bid for a colleague's top post", () => {
  it("is offered to the first man alone, for the premiership and not for the organs or the First Secretary's post", () => {
    const world = createWorld(june, { seed: 1 });
    expect(world.primacy).toBe("khrushchev");
    const o = bid(world, "khrushchev");
    expect(o?.target).toBe("premier");
    expect(o?.detail).toBe("bulganin");
    for (const other of world.order) if (other !== "khrushchev") expect(bid(world, other)).toBeNull();
    // A first man who holds both top posts has nothing to ask for (the organs are never asked for).
    const k = createWorld(october, { seed: 1 });
    expect(k.primacy).toBe("khrushchev");
    expect(bid(k, "khrushchev")).toBeNull();
  });

  it("weighs his odds, which rise with the voters who are his clients", () => {
    const before = createWorld(june, { seed: 1 });
    const after = packed(createWorld(june, { seed: 1 }), "khrushchev", "bulganin");
    const low = transferVoteOdds(before, "khrushchev", "premier");
    const high = transferVoteOdds(after, "khrushchev", "premier");
    expect(high).toBeGreaterThan(0.9);
    expect(low).toBeLessThan(high);
    expect(bid(after, "khrushchev")!.odds).toBeCloseTo(high, 12);
  });

  it("when carried, the holder is relieved of the post and keeps his seat, with a grievance", () => {
    const world = packed(createWorld(june, { seed: 1 }), "khrushchev", "bulganin");
    const option = bid(world, "khrushchev")!;
    perform({ world, rng: new Rng(world.rng), decisions: [], used: new Set() }, "khrushchev", option);
    expect(lastVote(world)?.data?.passed).toBe(true);
    expect(world.posts.premier.holders).toEqual(["khrushchev"]);
    expect(world.principals.bulganin.posts).not.toContain("premier");
    expect(world.principals.bulganin.presidium).toBe("full");
    expect(world.principals.bulganin.grievances.some((g) => g.against === "khrushchev")).toBe(true);
    // Not asked again at once.
    expect(bid(world, "khrushchev")).toBeNull();
  });

  it("when refused, costs him prestige and the others' goodwill, leaves the holder a grudge, and is not put again for months", () => {
    const world = createWorld(june, { seed: 1 });
    for (const v of presidiumVoters(world)) if (v !== "khrushchev") world.principals[v].regard.khrushchev = -0.5;
    const prestige = world.principals.khrushchev.prestige;
    const k = world.params.crisis.aftermath;
    const bystander = presidiumVoters(world).find((v) => v !== "khrushchev" && v !== "bulganin")!;
    const grudges = world.principals.bulganin.grievances.length;
    perform({ world, rng: new Rng(world.rng), decisions: [], used: new Set() }, "khrushchev", bid(world, "khrushchev")!);
    expect(lastVote(world)?.data?.passed).toBe(false);
    expect(world.posts.premier.holders).toEqual(["bulganin"]);
    expect(world.principals.khrushchev.prestige).toBeCloseTo(prestige - world.params.governing.vacancy.rebuffCost, 12);
    // As a refused purge: the man whose post he wanted holds it against him, the others think less of
    // him, and everyone reads of the blow to his standing.
    expect(world.principals.bulganin.grievances).toHaveLength(grudges + 1);
    expect(world.principals.bulganin.grievances.at(-1)).toMatchObject({ against: "khrushchev", weight: k.rebuffGrievance, cause: `he tried to take his post of ${world.posts.premier.title}` });
    expect(world.principals[bystander].regard.khrushchev).toBeCloseTo(-0.5 - k.rebuffRegard, 12);
    expect(world.log.at(-1)).toMatchObject({ type: "rebuff", audience: "public", actor: "khrushchev", data: { post: "premier" } });
    expect(bid(world, "khrushchev")).toBeNull();
  });
});
