// A policy that lays the repressions open (the policy field `exposes`; governing.ts, exposePasts and
// exposureGain): the Secret Speech exposes half of each colleague's record, the XXII Congress's attack
// all of it. Adopted, it taints every colleague of its champion by that share of his record, as
// material used against him would (prestige, and his colleagues' regard); the champion, who chose
// what to tell, is spared. Its proposer weighs the taint of each rival as he weighs material on him,
// and a voter with a record weighs his own exposure. Checked on the campaign at the XX Congress.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createWorld, decisionsFor, type Reason, type World } from "../src/engine/index.js";
import { toAwaiting, type Question } from "../src/engine/ai/choice.js";
import { Rng } from "../src/engine/rng.js";
import { adopt, perform, weeklyOptions } from "../src/engine/rules/governing.js";
import { takePost } from "../src/engine/queries.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const era = loadScenarioFile(fileURLToPath(new URL("../scenarios/khrushchev-era.yaml", import.meta.url))).scenario;

/**
 * The campaign in the week of the XX Congress, Khrushchev First Secretary, the repression inquiry
 * in force, and every other policy out of reach (in force), so that the speech is the one policy on
 * his menu.
 */
function atTheCongress(): World {
  const world = createWorld(era, { seed: 1 });
  world.date = "1956-02-19";
  takePost(world, "khrushchev", "first-secretary");
  for (const p of world.policies) if (p.id !== "de-stalinisation") p.inForce = true;
  return world;
}

const speechOption = (world: World) => weeklyOptions(world, "khrushchev").find((o) => o.choice === "propose-policy" && o.target === "de-stalinisation");
const termOf = (terms: readonly Reason[] | undefined, name: string) => terms?.find((t) => t.term === name)?.value;

describe("a policy that lays the repressions open", () => {
  it("taints every colleague of its champion by the share of his record it exposes, and spares the champion", () => {
    const world = atTheCongress();
    const speech = world.policies.find((p) => p.id === "de-stalinisation")!;
    expect(speech.exposes).toBe(0.5);
    const k = world.params.governing.kompromat;
    const before = Object.fromEntries(world.order.map((id) => [id, world.principals[id].prestige]));
    const regardBefore = world.principals.mikoyan.regard.molotov ?? 0;
    adopt(world, speech, "khrushchev", [], []);
    const molotov = world.principals.molotov;
    expect(molotov.record).toBeGreaterThan(0);
    expect(molotov.prestige).toBeCloseTo(Math.max(0, before.molotov - k.prestigeDamage * 0.5 * molotov.record), 10);
    expect(world.principals.mikoyan.regard.molotov).toBeCloseTo(Math.max(-1, regardBefore - k.regardDamage * 0.5 * molotov.record), 10);
    // The champion's own record (0.4) goes untold; his prestige moves only by the speech's own.
    expect(world.principals.khrushchev.record).toBeGreaterThan(0);
    expect(world.principals.khrushchev.prestige).toBeCloseTo(Math.min(1, before.khrushchev + speech.prestige), 10);
    const entry = world.log.find((e) => e.type === "exposure")!;
    expect(entry.audience).toBe("public");
    expect(entry.data?.tainted).toContain("molotov");
    expect(entry.data?.tainted).not.toContain("khrushchev");
    expect(entry.text).toMatch(/lays bare the part .*Molotov.* played in the repressions/);
  });

  it("is weighed by its proposer as material on his rivals, the more so the heavier their records", () => {
    const world = atTheCongress();
    const gain = termOf(speechOption(world)?.terms, "rivals whose past it would expose");
    expect(gain).toBeGreaterThan(0);
    const heavier = atTheCongress();
    for (const id of heavier.order) if (id !== "khrushchev") heavier.principals[id].record = Math.min(1, heavier.principals[id].record * 2);
    expect(termOf(speechOption(heavier)?.terms, "rivals whose past it would expose")).toBeGreaterThan(gain!);
    // A policy that exposes nothing carries no such term.
    const quiet = atTheCongress();
    quiet.policies.find((p) => p.id === "de-stalinisation")!.exposes = 0;
    expect(termOf(speechOption(quiet)?.terms, "rivals whose past it would expose")).toBeUndefined();
  });

  it("costs a voter with a record his own exposure in the Presidium's vote", () => {
    // Molotov's seat is a player's, so his question is put with the terms he weighs.
    const world = atTheCongress();
    world.humanSeats = ["molotov"];
    const asked: Question[] = [];
    const respond = (questions: readonly Question[]) => {
      asked.push(...questions);
      return questions.map((q) => decisionsFor(toAwaiting(q)).find((d) => d.choice === "no")!);
    };
    perform({ world, rng: new Rng(world.rng), decisions: [], used: new Set(), respond }, "khrushchev", speechOption(world)!);
    const vote = asked.find((q) => q.seat === "molotov" && q.kind === "presidium-business")!;
    const own = vote.options.find((o) => o.choice === "yes")!.terms.find((t) => t.term === "it exposes his own past");
    expect(own?.value).toBeCloseTo(-world.params.governing.policy.voteAggrieved * 0.5 * world.principals.molotov.record, 10);
    expect(world.log.find((e) => e.type === "presidium-business")?.data).toMatchObject({ key: "policy:de-stalinisation" });
  });
});
