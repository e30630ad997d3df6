// Characters have a gender (the scenario's `gender`, a man's when absent), and every text generated
// about a principal takes its pronouns from it (pronoun in the engine's log.ts, pronounsFor in the
// browser). Play-test: Yekaterina Furtseva, the only woman in the leadership, was "he" everywhere.
import { describe, expect, it } from "vitest";
import { simulate, type LogEntry } from "../src/engine/index.js";
import { pronoun, pronounsFor } from "../src/engine/log.js";
import { presidiumCountText } from "../src/web/game/board-reads.js";
import { yourFate } from "../src/web/format.js";
import type { PrincipalView } from "../src/server/api-types.js";
import { scenarioOf } from "./strategies.js";

/** A woman's pronoun in place of a man's, word for word. */
const womanFor: Record<string, string[]> = { she: ["he"], She: ["He"], her: ["his", "him"], Her: ["His"], herself: ["himself"], hers: ["his"], woman: ["man"] };

/** The words in which two texts differ, each as [as a man, as a woman]; null if they differ otherwise than word for word. */
function swapped(asMan: string, asWoman: string): [string, string][] | null {
  const a = asMan.split(/(\W+)/);
  const b = asWoman.split(/(\W+)/);
  if (a.length !== b.length) return null;
  return a.flatMap((w, i): [string, string][] => (w === b[i] ? [] : [[w, b[i]]]));
}

describe("Furtseva is 'she' (play-test: characters had no gender)", () => {
  it.each(["june-1957", "khrushchev-era"])("%s gives her gender, and nobody else's but hers", (id) => {
    const scenario = scenarioOf(id);
    expect(scenario.characters.furtseva.gender).toBe("female");
    expect(Object.entries(scenario.characters).filter(([, c]) => c.gender !== undefined).map(([who]) => who)).toEqual(["furtseva"]);
  });

  it("pronoun reads the world: hers for her, a man's for the others and for someone unknown", () => {
    const world = simulate(scenarioOf("june-1957"), { seed: 1 });
    expect(pronoun(world, "furtseva")).toMatchObject({ he: "she", him: "her", his: "her", himself: "herself", He: "She" });
    expect(pronoun(world, "khrushchev")).toMatchObject({ he: "he", him: "him", his: "his", himself: "himself", He: "He" });
    expect(pronoun(world, "nobody")).toEqual(pronoun(world, "khrushchev"));
    // Scenarios without a woman keep worlds exactly as before: no principal carries a gender.
    expect(Object.values(simulate(scenarioOf("october-1964"), { seed: 1 }).principals).some((p) => "gender" in p)).toBe(false);
  });

  it("a run's log differs from the same run with her taken for a man only in her pronouns, in entries about her", () => {
    const scenario = scenarioOf("june-1957");
    const asMan = structuredClone(scenario);
    delete asMan.characters.furtseva.gender;
    // Seed 2 is one where her pronouns are printed (bench/log-hashes.txt changed for it).
    const she = simulate(scenario, { seed: 2 }).log;
    const he = simulate(asMan, { seed: 2 }).log;
    expect(she.length).toBe(he.length);
    const json = (e: LogEntry) => JSON.stringify(e);
    const differing = she.map((e, i) => [json(he[i]), json(e)] as const).filter(([a, b]) => a !== b);
    expect(differing.length).toBeGreaterThan(0);
    for (const [a, b] of differing) {
      expect(b).toMatch(/furtseva/i);
      const words = swapped(a, b);
      expect(words, b).not.toBeNull();
      for (const [man, woman] of words!) expect(womanFor[woman] ?? [], `${man} -> ${woman} in ${b}`).toContain(man);
    }
    // Her own texts say so: approaches, the reasons weighed against her.
    expect(she.some((e) => / Furtseva; she (joins|keeps out of it)\./.test(e.text) || (e.options ?? []).some((o) => o.terms.some((t) => /^(tie to her|the danger she poses|her power)$/.test(t.term))))).toBe(true);
  });

  it("the browser's texts about her use hers: the Presidium count and the end screen's fate", () => {
    const view = (over: Partial<PrincipalView>): PrincipalView => ({ id: "furtseva", name: "Yekaterina Furtseva", nameRu: "", age: 47, alive: true, incapacitated: false, presidium: "candidate", votesInPresidium: false, secretary: true, posts: [], postTitles: ["CC Secretary"], acting: [], organs: [], healthRead: "fair", patron: null, fate: null, away: null, prestige: 0.5, power: 0.1, illSince: null, ...over });
    const count = { target: "furtseva", presidium: { counted: 2, expected: 4.5, needed: 6, voters: 10 } } as Parameters<typeof presidiumCountText>[0];
    expect(presidiumCountText(count, view({ gender: "female" }), () => "Yekaterina Furtseva")).toBe("In the Presidium you count 2 sure votes and expect 4.5; 6 of 10 are needed; Yekaterina Furtseva does not vote on her own case (a candidate member has no vote). A tie keeps her.");
    expect(yourFate(view({ gender: "female", incapacitated: true }), { firstSecretary: null, leader: null })).toBe("Yekaterina Furtseva was felled by a stroke and could no longer work; from then on the run went on without her, her posts (CC Secretary) hers in name only.");
    expect(pronounsFor(undefined).he).toBe("he");
  });
});
