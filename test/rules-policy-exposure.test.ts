// A policy that lays the repressions open (the policy field `exposes`; governing.ts, exposePasts and
// exposureTerms): it names the men whose part it makes known, each with the share of his record. In
// the campaign the Secret Speech exposes Beria in full and half of the records of the four Stalin-era
// ministers; the XXII Congress's attack the four in full. Adopted, it taints each named man still in
// play as material used on him would (prestige, and his colleagues' regard), and nobody else; its
// proposer weighs each rival's taint as he weighs material on him, and his own as prestige lost.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createWorld, type Reason, type World } from "../src/engine/index.js";
import { adopt, weeklyOptions } from "../src/engine/rules/governing.js";
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

const speechOf = (world: World) => world.policies.find((p) => p.id === "de-stalinisation")!;
const speechOption = (world: World, actor = "khrushchev") => weeklyOptions(world, actor).find((o) => o.choice === "propose-policy" && o.target === "de-stalinisation");
const termOf = (terms: readonly Reason[] | undefined, name: string) => terms?.find((t) => t.term === name)?.value;

describe("a policy that lays the repressions open", () => {
  it("taints each man it names by his share of his record, and nobody else", () => {
    const world = atTheCongress();
    const k = world.params.governing.kompromat;
    const prestige = Object.fromEntries(world.order.map((id) => [id, world.principals[id].prestige]));
    const regard = { molotov: world.principals.mikoyan.regard.molotov ?? 0, zhukov: world.principals.mikoyan.regard.zhukov ?? 0 };
    adopt(world, speechOf(world), "khrushchev", [], []);
    const molotov = world.principals.molotov;
    const share = speechOf(world).exposes.molotov;
    expect(share * molotov.record).toBeGreaterThan(0);
    expect(molotov.prestige).toBeCloseTo(Math.max(0, prestige.molotov - k.prestigeDamage * share * molotov.record), 10);
    expect(world.principals.mikoyan.regard.molotov).toBeCloseTo(Math.max(-1, regard.molotov - k.regardDamage * share * molotov.record), 10);
    // Men it does not name keep their standing, whatever their own records: Zhukov's, and the
    // champion's (0.4), whose own part the speech left untold.
    expect(world.principals.zhukov.prestige).toBe(prestige.zhukov);
    expect(world.principals.mikoyan.regard.zhukov ?? 0).toBe(regard.zhukov);
    expect(world.principals.khrushchev.record).toBeGreaterThan(0);
    expect(world.principals.khrushchev.prestige).toBeCloseTo(Math.min(1, prestige.khrushchev + speechOf(world).prestige), 10);
    const entry = world.log.find((e) => e.type === "exposure")!;
    expect(entry.audience).toBe("public");
    const inPlay = Object.keys(speechOf(world).exposes).filter((id) => world.principals[id].alive && world.principals[id].fate === null);
    expect(entry.data?.exposed).toEqual(world.order.filter((id) => inPlay.includes(id)));
    expect(entry.text).toMatch(/^With “De-Stalinisation: .*”, the part .*Molotov.* played in the repressions comes out\.$/);
  });

  it("leaves a man who has already fallen alone, and says nothing when nobody it names is left", () => {
    const world = atTheCongress();
    const fallen = Object.keys(speechOf(world).exposes);
    for (const id of fallen) world.principals[id].fate = "expelled";
    const prestige = world.principals.molotov.prestige;
    adopt(world, speechOf(world), "khrushchev", [], []);
    expect(world.principals.molotov.prestige).toBe(prestige);
    expect(world.log.some((e) => e.type === "exposure")).toBe(false);
    // Nor does its proposer weigh anything for it.
    const again = atTheCongress();
    for (const id of fallen) again.principals[id].fate = "expelled";
    expect(termOf(speechOption(again)?.terms, "rivals whose past it would expose")).toBeUndefined();
  });

  it("is weighed by its proposer as material on his rivals, the more so the heavier their records", () => {
    const gain = termOf(speechOption(atTheCongress())?.terms, "rivals whose past it would expose");
    expect(gain).toBeGreaterThan(0);
    const heavier = atTheCongress();
    for (const id of Object.keys(speechOf(heavier).exposes)) heavier.principals[id].record = Math.min(1, heavier.principals[id].record * 1.3);
    expect(termOf(speechOption(heavier)?.terms, "rivals whose past it would expose")).toBeGreaterThan(gain!);
  });

  it("costs a proposer it names the prestige he would lose", () => {
    const world = atTheCongress();
    speechOf(world).exposes.khrushchev = 1;
    const own = termOf(speechOption(world)?.terms, "his own past exposed");
    expect(own).toBeCloseTo(-world.params.governing.policy.prestige * world.params.governing.kompromat.prestigeDamage * world.principals.khrushchev.record, 10);
  });
});
