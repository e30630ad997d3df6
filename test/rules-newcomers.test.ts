// A full seat that nobody in the leadership is left to fill goes to a member of the Central
// Committee, who enters the leadership as a principal (cadres.ts, raiseFromCc). Checked on the
// march-1953 file after a purge done by hand: the first man's menu offers a CC member only when no
// candidate, secretary or holder of a post is left; the man raised is a principal in every respect
// (a seat, a rank, traits, a patron he trusts), with a name from the file's list that no historical
// figure bears; his job slot passes to a successor; and the file's list is checked.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { createWorld, type World } from "../src/engine/index.js";
import { active, presidiumVoters, votingCc } from "../src/engine/queries.js";
import { perform, vacancies, weeklyOptions } from "../src/engine/rules/governing.js";
import { slotById } from "../src/engine/rules/cadres.js";
import { Rng } from "../src/engine/rng.js";
import { checkScenario } from "../src/engine/scenario/consistency.js";
import { scenarioSchema } from "../src/engine/scenario/schema.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const march = loadScenarioFile(fileURLToPath(new URL("../scenarios/march-1953.yaml", import.meta.url))).scenario;

/** Everyone but `keep` shot, as a victor with the police might have had them. */
function purged(seed: number, keep: readonly string[]): World {
  const world = createWorld(march, { seed });
  for (const id of world.order) {
    if (keep.includes(id)) continue;
    world.principals[id].alive = false;
    world.principals[id].fate = "executed";
  }
  return world;
}

const coOption = (world: World, who: string) => weeklyOptions(world, who).find((o) => o.choice === "co-opt") ?? null;

function coOpt(world: World, who: string): string {
  const option = coOption(world, who)!;
  perform({ world, rng: new Rng(world.rng), decisions: [], used: new Set() }, who, option);
  return option.target!;
}

const keep = ["malenkov", "beria", "molotov"];

describe("a seat nobody in the leadership can fill", () => {
  it("is offered to a voting member of the CC only when no candidate, secretary or holder of a post is left", () => {
    const whole = createWorld(march, { seed: 1 });
    whole.principals.molotov.alive = false;
    whole.principals.molotov.fate = "executed";
    expect(vacancies(whole)).toBe(1);
    const fromLeadership = coOption(whole, "malenkov");
    expect(fromLeadership).not.toBeNull();
    expect(whole.principals[fromLeadership!.target!]).toBeDefined();

    const world = purged(1, keep);
    expect(world.primacy).toBe("malenkov");
    expect(vacancies(world)).toBeGreaterThan(0);
    const option = coOption(world, "malenkov")!;
    expect(world.principals[option.target!]).toBeUndefined();
    const cadre = world.cadres.find((c) => c.id === option.target)!;
    expect(cadre.seat).toBe("voting");
    // He is put up under the name he would take: the first of the file's surnames.
    expect(option.label).toBe(`Propose ${world.surnames[0]} for a full seat in the Presidium`);
    // Only the man who chairs proposes.
    expect(coOption(world, "molotov")).toBeNull();
  });

  it("raises the man voted into it to a principal in every respect, and passes his job slot on", () => {
    const world = purged(1, keep);
    const cadre = world.cadres.find((c) => c.id === coOption(world, "malenkov")!.target)!;
    const slot = cadre.slot!;
    const ccBefore = votingCc(world).length;
    const ranks = world.order.length;
    const id = coOpt(world, "malenkov");
    expect(id).toBe(cadre.id);
    const p = world.principals[id];
    expect(p).toBeDefined();
    expect(p.presidium).toBe("full");
    expect(presidiumVoters(world)).toContain(id);
    expect(active(world, id)).toBe(true);
    expect(world.order.at(-1)).toBe(id);
    expect(p.rank).toBe(ranks);
    expect(p.name).toMatch(new RegExp(`^[A-Z]\\. ${world.surnames[0]}$`));
    expect(p.patron).toBe(cadre.patron);
    if (p.patron !== null && world.principals[p.patron]) {
      expect(p.trust[p.patron]).toBe(world.params.cadres.newcomer.bond);
      expect(world.principals[p.patron].trust[id]).toBe(world.params.cadres.newcomer.bond);
    }
    for (const [trait, value] of Object.entries(p.traits)) expect(value).toBeGreaterThanOrEqual(trait === "ideology" ? -1 : 0);
    // Of an age to sit in the CC (parameters cadres.newcomer.age, ageSpread).
    expect(Number(world.date.slice(0, 4)) - p.born).toBeGreaterThan(20);
    // He has left the cadres; his slot has a new holder, with an id nobody else has.
    expect(world.cadres.some((c) => c.id === id)).toBe(false);
    const successor = slotById(world, slot)!.holder!;
    expect(successor).not.toBe(id);
    const ids = [...world.order, ...world.cadres.map((c) => c.id)];
    expect(new Set(ids).size).toBe(ids.length);
    // His CC seat goes with him: the plenum counts him among the leadership, the successor sits at the next congress.
    expect(votingCc(world).length).toBe(ccBefore - 1);
    const entered = world.log.find((e) => e.type === "enters" && e.actor === id);
    expect(entered?.data?.generated).toBe(true);
    expect(entered?.text).toContain("the model generated him");
    // He can act: his own menu has more than lying low.
    expect(weeklyOptions(world, id).length).toBeGreaterThan(1);
  });

  it("gives each newcomer his own name, and draws the same men for the same seed", () => {
    const raise = (seed: number) => {
      const world = purged(seed, keep);
      const a = coOpt(world, "malenkov");
      const b = coOpt(world, "malenkov");
      return { world, a: world.principals[a], b: world.principals[b] };
    };
    const once = raise(1);
    expect(once.a.name.split(" ")[1]).toBe(once.world.surnames[0]);
    expect(once.b.name.split(" ")[1]).toBe(once.world.surnames[1]);
    const again = raise(1);
    expect(again.a.traits).toEqual(once.a.traits);
    expect(again.b.born).toBe(once.b.born);
    const other = raise(2);
    expect(other.a.traits).not.toEqual(once.a.traits);
  });
});

describe("the file's surnames for newcomers", () => {
  const minimal = () => parse(readFileSync(fileURLToPath(new URL("./fixtures/minimal.yaml", import.meta.url)), "utf8")) as { centralCommittee: Record<string, unknown> };

  it("may not repeat, nor be a historical figure's", () => {
    const doc = minimal();
    doc.centralCommittee.surnames = ["Petrov", "Brezhnev", "Petrov"];
    const issues = checkScenario(scenarioSchema.parse(doc));
    expect(issues).toEqual([
      { path: ["centralCommittee", "surnames", 1], message: expect.stringContaining('"Brezhnev" is the surname of a historical figure in this file') },
      { path: ["centralCommittee", "surnames", 2], message: expect.stringContaining('"Petrov" is listed twice') },
    ]);
  });

  it("in every shipped scenario are valid", () => {
    for (const id of ["march-1953", "june-1957", "october-1964", "khrushchev-era"]) {
      const s = loadScenarioFile(fileURLToPath(new URL(`../scenarios/${id}.yaml`, import.meta.url))).scenario;
      expect(s.centralCommittee.surnames.length).toBeGreaterThan(10);
    }
  });
});
