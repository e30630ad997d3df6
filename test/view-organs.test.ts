// The organs each principal commands, as the view gives them: from the powers of his posts (the
// rules' organ chiefs), not read off the posts' titles by the browser.
import { describe, expect, it } from "vitest";
import { createWorld, simulate, viewFor, type World } from "../src/engine/index.js";
import { holdersOf, organChiefs } from "../src/engine/queries.js";
import { organsOf } from "../src/web/labels.js";
import { scenarioOf } from "./strategies.js";

function checkOrgans(world: World, label: string): number {
  const view = viewFor(world, world.order[0]);
  const chiefs = new Set(organChiefs(world));
  for (const p of view.principals) {
    const powers = p.organs.map((o) => o.power);
    // Exactly the rules' chiefs, each with the powers the rules give him.
    expect(powers, `${label}: ${p.id}`).toEqual((["security", "army"] as const).filter((power) => holdersOf(world, power).includes(p.id)));
    expect(p.organs.length > 0, `${label}: ${p.id} an organ chief`).toBe(chiefs.has(p.id));
    // Each named by a post he holds or fills in for that carries the power.
    for (const o of p.organs) {
      const post = Object.values(world.posts).find((x) => x.title === o.post)!;
      expect(post.powers, `${label}: ${p.id}, ${o.post}`).toContain(o.power);
      expect([...world.principals[p.id].posts, ...world.principals[p.id].acting]).toContain(post.id);
    }
  }
  return chiefs.size;
}

describe("the view names the organs each principal commands, from his posts' powers", () => {
  for (const id of ["march-1953", "june-1957", "october-1964", "khrushchev-era"]) {
    it(`${id}: the security chief and the Defence minister at the start and at the end of a run`, () => {
      const scenario = scenarioOf(id);
      const start = createWorld(scenario, { seed: 1, humanSeats: [] });
      expect(checkOrgans(start, `${id} start`)).toBeGreaterThanOrEqual(2);
      const words = viewFor(start, start.order[0]).principals.filter((p) => p.organs.length).map((p) => organsOf(p));
      expect(words).toEqual(expect.arrayContaining(["the security organs", "the army"]));
      for (const seed of [1, 2]) checkOrgans(simulate(scenario, { seed }), `${id} seed ${seed} end`);
    });
  }

  it("october-1964: Semichastny commands the security organs as Chairman of the KGB, Malinovsky the army as Minister of Defence", () => {
    const world = createWorld(scenarioOf("october-1964"), { seed: 1, humanSeats: [] });
    const of = (id: string) => viewFor(world, "brezhnev").principals.find((p) => p.id === id)!;
    expect(of("semichastny").organs).toEqual([{ power: "security", post: "Chairman of the KGB" }]);
    expect(of("malinovsky").organs).toEqual([{ power: "army", post: "Minister of Defence" }]);
    expect(of("brezhnev").organs).toEqual([]);
  });

  it("march-1953: Zhukov, First Deputy Minister of Defence, commands nothing (his post carries no power); Beria the security organs as head of the MVD", () => {
    const world = createWorld(scenarioOf("march-1953"), { seed: 1, humanSeats: [] });
    const of = (id: string) => viewFor(world, "beria").principals.find((p) => p.id === id)!;
    expect(of("zhukov").postTitles).toEqual(["First Deputy Minister of Defence"]);
    expect(of("zhukov").organs).toEqual([]);
    expect(organsOf(of("zhukov"))).toBe("the organs");
    expect(of("beria").organs).toEqual([{ power: "security", post: "Minister of Internal Affairs (MVD, merged with state security)" }]);
  });
});
