// The first man's reshuffle (governing.ts, reassignOption): he proposes to the Presidium that a
// colleague be relieved of a post and another man take it, the colleague keeping his seat. Checked on
// the march-1953 file, where Beria (the police and a first deputy premiership) is the one colleague
// dangerous enough to Malenkov, and on october-1964, where no colleague is.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createWorld, type World } from "../src/engine/index.js";
import { nameOf } from "../src/engine/log.js";
import { presidiumVoters } from "../src/engine/queries.js";
import { dangersTo } from "../src/engine/relations.js";
import { optionOutcomes } from "../src/engine/player.js";
import { transferVoteOdds, transferVoteTerms, perform, weeklyOptions } from "../src/engine/rules/governing.js";
import { Rng } from "../src/engine/rng.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const load = (id: string) => loadScenarioFile(fileURLToPath(new URL(`../scenarios/${id}.yaml`, import.meta.url))).scenario;
const march = load("march-1953");
const october = load("october-1964");

const reshuffle = (world: World, who: string) => weeklyOptions(world, who).find((o) => o.choice === "reassign") ?? null;
const lastVote = (world: World) => [...world.log].reverse().find((e) => e.type === "presidium-business");
const act = (world: World, who: string) => perform({ world, rng: new Rng(world.rng), decisions: [], used: new Set() }, who, reshuffle(world, who)!);

/** Every voter but the holder thinks well of the first man and nothing of the holder (or the reverse). */
function leaning(world: World, first: string, holder: string, regard: number): World {
  for (const v of presidiumVoters(world)) {
    if (v === first || v === holder) continue;
    world.principals[v].regard[first] = regard;
    world.principals[v].regard[holder] = 0;
  }
  return world;
}

describe("the first man's reshuffle of a colleague", () => {
  it("is offered to the first man alone, against a dangerous colleague's post that commands no organs, for another man", () => {
    const world = createWorld(march, { seed: 1 });
    expect(world.primacy).toBe("malenkov");
    const o = reshuffle(world, "malenkov")!;
    expect(o).not.toBeNull();
    // Beria's police are never moved this way (the organs go by a move or an arrest): his other post is.
    expect(o.target).toBe("first-deputy-premier-1");
    expect(world.posts[o.target!].holders).toEqual(["beria"]);
    expect(o.detail).not.toBe("beria");
    expect(o.detail).not.toBe("malenkov");
    expect(dangersTo(world, world.principals.malenkov)("beria")).toBeGreaterThanOrEqual(world.params.governing.reassign.threshold);
    expect(o.odds).toBeCloseTo(transferVoteOdds(world, "malenkov", o.target!, o.detail), 12);
    for (const other of world.order) if (other !== "malenkov") expect(reshuffle(world, other)).toBeNull();
  });

  it("weighs the danger that leaves with the post less the danger it brings the new man", () => {
    const world = createWorld(march, { seed: 1 });
    const o = reshuffle(world, "malenkov")!;
    const dangerOf = dangersTo(world, world.principals.malenkov);
    const checked = o.terms[0].value;
    const expected = o.odds! * world.params.governing.reassign.check * world.posts[o.target!].value * (dangerOf("beria") - dangerOf(o.detail!));
    expect(checked).toBeCloseTo(expected, 2); // terms are kept to three decimals
    expect(dangerOf(o.detail!)).toBeGreaterThan(0);
    expect(checked).toBeLessThan(o.odds! * world.params.governing.reassign.check * world.posts[o.target!].value * dangerOf("beria"));
  });

  it("waits on danger: with nobody dangerous enough, or the threshold raised, there is none", () => {
    const k = createWorld(october, { seed: 1 });
    expect(k.primacy).toBe("khrushchev");
    expect(reshuffle(k, "khrushchev")).toBeNull();
    const wary = loadScenarioFile(fileURLToPath(new URL("../scenarios/march-1953.yaml", import.meta.url)), { settings: [{ path: "model.governing.reassign.threshold", value: 1 }] }).scenario;
    expect(reshuffle(createWorld(wary, { seed: 1 }), "malenkov")).toBeNull();
  });

  it("the new man votes for it, the holder against, and the others weigh their regard for the holder", () => {
    const world = createWorld(march, { seed: 1 });
    const o = reshuffle(world, "malenkov")!;
    const sum = (voter: string, regard: number) => transferVoteTerms(world, voter, o.detail!, "beria", regard, 0).reduce((s, t) => s + t.value, 0);
    const bystander = presidiumVoters(world).find((v) => v !== "malenkov" && v !== "beria" && v !== o.detail)!;
    const k = world.params.governing.claimPost;
    expect(sum("beria", 0)).toBeCloseTo(sum(bystander, 0) - k.keep, 12);
    expect(presidiumVoters(world)).toContain(o.detail);
    expect(sum(o.detail!, 0)).toBeCloseTo(sum(bystander, 0) + k.keep, 12);
    expect(sum(bystander, 1)).toBeCloseTo(sum(bystander, 0) - k.holderRegard, 12);
  });

  it("when carried, the new man holds the post and the colleague keeps his seat and a grievance", () => {
    const world = leaning(createWorld(march, { seed: 1 }), "malenkov", "beria", 1);
    const o = reshuffle(world, "malenkov")!;
    const grudges = world.principals.beria.grievances.length;
    act(world, "malenkov");
    expect(lastVote(world)?.data?.passed).toBe(true);
    expect(world.posts[o.target!].holders).toEqual([o.detail]);
    expect(world.principals.beria.posts).toEqual(["interior-minister"]);
    expect(world.principals.beria.presidium).toBe("full");
    expect(world.principals.beria.grievances).toHaveLength(grudges + 1);
    expect(world.principals.beria.grievances.at(-1)).toMatchObject({ against: "malenkov", weight: world.params.governing.claimPost.grievance, cause: `he had him relieved of his post of ${world.posts[o.target!].title}` });
    expect(world.log.some((e) => e.type === "relieved" && e.actor === "beria")).toBe(true);
    // The vote was on the new man taking it, not the proposer.
    expect(lastVote(world)?.text).toContain(`and ${nameOf(world, o.detail!)} take it`);
  });

  it("when refused, costs him prestige and leaves the colleague a grudge, and is not put again for months", () => {
    const world = leaning(createWorld(march, { seed: 1 }), "malenkov", "beria", -1);
    for (const v of presidiumVoters(world)) if (v !== "malenkov") world.principals[v].regard.beria = 1;
    const o = reshuffle(world, "malenkov")!;
    const prestige = world.principals.malenkov.prestige;
    act(world, "malenkov");
    expect(lastVote(world)?.data?.passed).toBe(false);
    expect(world.posts[o.target!].holders).toEqual(["beria"]);
    expect(world.principals.malenkov.prestige).toBeCloseTo(prestige - world.params.governing.vacancy.rebuffCost, 12);
    expect(world.principals.beria.grievances.at(-1)).toMatchObject({ against: "malenkov", weight: world.params.crisis.aftermath.rebuffGrievance });
    expect(world.principals.beria.grievances.at(-1)!.cause).toBe(`he tried to have him relieved of his post of ${world.posts[o.target!].title}`);
    expect(world.log.at(-1)).toMatchObject({ type: "rebuff", actor: "malenkov" });
    // Neither asked again at once, nor bid for by the first man himself.
    expect(reshuffle(world, "malenkov")).toBeNull();
    expect(weeklyOptions(world, "malenkov").some((x) => x.choice === "claim-post" && x.target === o.target)).toBe(false);
  });

  it("a player asked to vote on it is shown the count with its own terms: the holder against, the new man for", () => {
    const world = createWorld(march, { seed: 1, humanSeats: ["mikoyan"] });
    const o = reshuffle(world, "malenkov")!;
    const title = world.posts[o.target!].title;
    const ask = (key: string) => {
      world.awaiting = [{ seat: "mikoyan", kind: "presidium-business", key, prompt: `${nameOf(world, "malenkov")} proposes that ${nameOf(world, "beria")} be relieved of the post of ${title} and ${nameOf(world, o.detail!)} take it. How do you vote?`, options: [{ choice: "yes", label: "Vote yes" }, { choice: "no", label: "Vote no" }] }];
      const yes = optionOutcomes(world, "mikoyan").find((x) => x.option === "yes")!;
      return (who: string) => yes.breakdown.find((b) => b.label === `${nameOf(world, who)} votes yes`)!.chance;
    };
    const counted = ask(`w0:business:claim:${o.target}`);
    const plain = ask("w0:business:other:x");
    expect(counted("beria")).toBeLessThan(plain("beria"));
    expect(counted(o.detail!)).toBeGreaterThan(plain(o.detail!));
    expect(counted("beria")).toBeLessThan(0.05);
  });
});
