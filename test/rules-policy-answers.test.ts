// A policy that answers a failure (governing.ts, answered): the split of the party committees, the
// July 1964 note on agriculture and the 1962 price rise can be proposed only once a failed harvest
// has come since what they build on was adopted. Checked on october-1964, where the note builds on
// the split (in force at the start); and on the campaign, where every proposal of the three comes
// after such a failure.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { createWorld, mixSeed, simulate, viewFor, type World } from "../src/engine/index.js";
import { answered, answerSince } from "../src/engine/rules/governing.js";
import { checkScenario } from "../src/engine/scenario/consistency.js";
import { scenarioSchema } from "../src/engine/scenario/schema.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const load = (id: string) => loadScenarioFile(fileURLToPath(new URL(`../scenarios/${id}.yaml`, import.meta.url))).scenario;
const october = load("october-1964");

const note = (world: World) => viewFor(world, "khrushchev").policies.find((p) => p.id === "agriculture-note-1964")!;

/** october-1964 on the day its note becomes possible by date (its `from`), with no harvest yet in the signals. */
function inJune1964(): World {
  const world = createWorld(october, { seed: 1 });
  world.date = october.policies.find((p) => p.id === "agriculture-note-1964")!.from!;
  return world;
}

describe("a policy that answers a failure", () => {
  it("is barred, with the reason, until a bad harvest has come since what it builds on", () => {
    const world = inJune1964();
    expect(note(world)).toMatchObject({ proposable: false, barred: `only in answer to a failure (harvest), and none has come since ${world.start}` });
    // A good harvest is a signal too, but not a failure.
    world.signals.push({ kind: "harvest", severity: -0.3, date: world.start });
    expect(note(world).proposable).toBe(false);
    world.signals.push({ kind: "harvest", severity: 0.5, date: world.start });
    expect(note(world)).toMatchObject({ proposable: true, barred: null });
  });

  it("counts only failures since the last of the policies it builds on was adopted", () => {
    // The campaign's note builds on the split of the party committees.
    const world = createWorld(load("khrushchev-era"), { seed: 1 });
    const theNote = world.policies.find((p) => p.id === "agriculture-note-1964")!;
    expect(theNote.requires).toEqual(["party-split-1962"]);
    const split = world.policies.find((p) => p.id === "party-split-1962")!;
    split.inForce = true;
    split.adoptedOn = "1960-01-01";
    world.signals.push({ kind: "harvest", severity: 0.5, date: "1959-09-01" });
    expect(answerSince(world, theNote)).toBe("1960-01-01");
    expect(answered(world, theNote)).toBe(false);
    world.signals.push({ kind: "harvest", severity: 0.5, date: "1960-09-01" });
    expect(answered(world, theNote)).toBe(true);
  });

  it("in the campaign, comes only after a failed harvest since what it builds on", () => {
    const era = load("khrushchev-era");
    const answering = era.policies.filter((p) => p.answers === "harvest").map((p) => p.id);
    expect(answering.sort()).toEqual(["agriculture-note-1964", "party-split-1962", "price-rise-1962"]);
    let proposals = 0;
    for (let i = 0; i < 6; i++) {
      const world = simulate(era, { seed: mixSeed(20261202, i) });
      for (const e of world.log.filter((x) => x.type === "policy" && answering.includes(String(x.data?.policy)))) {
        proposals++;
        const policy = era.policies.find((p) => p.id === e.data!.policy)!;
        const since = Math.max(...[world.start, ...policy.requires.map((r) => world.policies.find((p) => p.id === r)!.adoptedOn ?? world.start)].map((d) => Date.parse(d)));
        const failures = world.log.filter((x) => x.type === "event" && x.date <= e.date && Date.parse(x.date) >= since && era.events.find((ev) => ev.id === x.data?.event)?.effects.signal?.kind === "harvest" && era.events.find((ev) => ev.id === x.data?.event)!.effects.signal!.severity > 0);
        expect(failures.length, `${policy.id} on ${e.date}`).toBeGreaterThan(0);
      }
    }
    expect(proposals).toBeGreaterThan(0);
  });

  it("must answer a kind of failure that some event gives", () => {
    const doc = parse(readFileSync(fileURLToPath(new URL("./fixtures/minimal.yaml", import.meta.url)), "utf8")) as { policies: Record<string, unknown>[] };
    doc.policies[0].answers = "drought";
    const issues = checkScenario(scenarioSchema.parse(doc));
    expect(issues).toEqual([{ path: ["policies", 0, "answers"], message: expect.stringContaining('no event gives a "drought" signal, so the policy could never be proposed') }]);
  });
});
