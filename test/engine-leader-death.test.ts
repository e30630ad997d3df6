// Issue 15: `validate` accepted a scenario whose leader dies with no one able to succeed him, and
// `run` then crashed ("Cannot read properties of undefined (reading 'alive')"). A death leaves the
// posts vacant and the game goes on: no one holds primacy until someone can, and the vacancy is
// filled by the Presidium's usual contest for a post when a man able to hold it is there (a member
// of the CC raised to an empty seat by the last survivor, if need be). Played
// through the engine from validated scenario files (minimal.yaml, its leader aged 114 and in no
// health, the weekly death hazard at the top of its range).
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { advance, createWorld, legalActions, simulate, step, type World } from "../src/engine/index.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const minimal = fileURLToPath(new URL("./fixtures/minimal.yaml", import.meta.url));

interface Character {
  born: number;
  health: { value: number; reason: string };
  incapacitated?: { value: boolean; reason: string };
  presidium?: string;
  secretary?: boolean;
  posts?: string[];
}

/** minimal.yaml with its leader (Khrushchev) dying at once and `others` done to the other two. */
function scenarioWith(others: (c: Character) => void) {
  const doc = parse(readFileSync(minimal, "utf8")) as { characters: Record<string, Character> };
  const leader = doc.characters.khrushchev;
  leader.born = 1850;
  leader.health = { value: 0, reason: "for the test: he dies within weeks" };
  for (const id of ["brezhnev", "semichastny"]) others(doc.characters[id]);
  const dir = mkdtempSync(join(tmpdir(), "presidium-death-"));
  try {
    const file = join(dir, "leader-dies.yaml");
    writeFileSync(file, stringify(doc));
    // Validated as `validate` and `run` load it: the scenario is legal.
    return loadScenarioFile(file, { settings: [{ path: "model.health.hazard.death", value: 0.003 }] }).scenario;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const nobodyCanSucceed = scenarioWith((c) => {
  c.incapacitated = { value: true, reason: "for the test: cannot act" };
});
const allDie = scenarioWith((c) => {
  c.born = 1850;
  c.health = { value: 0, reason: "for the test: dies within weeks" };
});

function deathOf(world: World, id: string) {
  return world.log.find((e) => e.type === "death" && e.actor === id);
}

describe("a leader who dies with no one able to succeed him", () => {
  for (const [name, scenario] of [["the others cannot act", nobodyCanSucceed], ["everyone dies", allDie]] as const) {
    it(`${name}: the run goes on to its end, the leader's posts left vacant, over many seeds`, () => {
      let deaths = 0;
      for (let seed = 1; seed <= 20; seed++) {
        const world = simulate(scenario, { seed });
        expect(world.done).toBe(true);
        const death = deathOf(world, "khrushchev");
        if (!death) continue;
        deaths++;
        expect(world.principals.khrushchev.alive).toBe(false);
        expect(world.principals.khrushchev.posts).toEqual([]);
        expect(death.text).toMatch(/leaving the post of First Secretary vacant|dies/);
        // Nobody who cannot act holds the first post or primacy.
        for (const id of Object.keys(world.principals)) {
          const p = world.principals[id];
          if (!p.alive) expect(p.posts, `${id} is dead and holds posts`).toEqual([]);
        }
        if (world.primacy !== null) expect(world.principals[world.primacy].alive).toBe(true);
        // No one of the file able to take it: the First Secretary's post stays vacant to the end,
        // unless a survivor had a member of the CC raised to an empty seat (rules/cadres.ts,
        // raiseFromCc), and the newcomer, alive, took it.
        const holders = Object.values(world.principals).filter((p) => p.posts.includes("first-secretary") || p.acting.includes("first-secretary"));
        for (const h of holders) {
          expect(h.id in scenario.characters, `${h.id} is one of the file's characters`).toBe(false);
          expect(h.alive).toBe(true);
        }
        if (scenario === nobodyCanSucceed) expect(holders).toEqual([]);
      }
      expect(deaths).toBeGreaterThan(15);
    });
  }

  it("with the Second Secretary (unable to act) as the human seat, the server's path (advance, step) also runs to the end", () => {
    let world = advance(createWorld(nobodyCanSucceed, { seed: 3, humanSeats: ["brezhnev"] }));
    for (let n = 0; !world.done && n < 500; n++) world = step(world, legalActions(world, "brezhnev")[0]);
    expect(world.done).toBe(true);
    expect(deathOf(world, "khrushchev")).toBeDefined();
  });

  it("when a man able to hold the post remains, the vacancy is contested and filled", () => {
    // Brezhnev can act: the Second Secretary stands to claim the vacant First Secretary's post.
    const scenario = scenarioWith(() => {});
    let filled = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const world = simulate(scenario, { seed });
      expect(world.done).toBe(true);
      if (!deathOf(world, "khrushchev")) continue;
      const holder = Object.keys(world.principals).find((id) => world.principals[id].posts.includes("first-secretary"));
      if (holder) {
        filled++;
        expect(world.principals[holder].alive).toBe(true);
        // Filled by the Presidium's vote on a proposal and the plenum's election, after the death.
        const after = world.log.slice(world.log.indexOf(deathOf(world, "khrushchev")!));
        const vote = after.findIndex((e) => e.type === "presidium-business" && /First Secretary/.test(e.text));
        expect(vote, "no vote on the vacant post").toBeGreaterThanOrEqual(0);
        expect(after.slice(vote).some((e) => e.type === "appointment" && e.actor === holder && /becomes First Secretary/.test(e.text))).toBe(true);
      }
    }
    expect(filled).toBeGreaterThan(0);
  });
});
