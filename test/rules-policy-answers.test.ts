// A policy that answers a failure (governing.ts, answered): the split of the party committees, the
// July 1964 note on agriculture and the 1962 price rise can be proposed only once a failed harvest
// has come since what they build on was adopted (from the week after its adoption), and the recall
// of the specialists from China only once the Chinese party has attacked the Soviet line in print. Checked on
// october-1964, whose note builds on nothing and so counts failures from the start; on the
// campaign's note, which builds on the split; and on whole campaign runs, where every proposal of
// the three comes after such a failure. The player's view gives the model's own reason.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { createWorld, mixSeed, simulate, viewFor, type World } from "../src/engine/index.js";
import { answered, answerSince, whyBarred } from "../src/engine/rules/governing.js";
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
    // The kind of failure in the words of an event that gives it, not its id.
    const example = october.events.find((e) => e.effects.signal?.kind === "harvest" && e.effects.signal.severity > 0)!.title;
    expect(note(world)).toMatchObject({ proposable: false, barred: `only in answer to a failure like “${example}”, and none has come since ${world.start}` });
    // A good harvest is a signal too, but not a failure.
    world.signals.push({ kind: "harvest", severity: -0.3, date: world.start });
    expect(note(world).proposable).toBe(false);
    world.signals.push({ kind: "harvest", severity: 0.5, date: world.start });
    expect(note(world)).toMatchObject({ proposable: true, barred: null });
  });

  it("counts only failures from the week after the last of the policies it builds on was adopted", () => {
    // The campaign's note builds on the split of the party committees.
    const world = createWorld(load("khrushchev-era"), { seed: 1 });
    const theNote = world.policies.find((p) => p.id === "agriculture-note-1964")!;
    expect(theNote.requires).toEqual(["party-split-1962"]);
    const split = world.policies.find((p) => p.id === "party-split-1962")!;
    split.inForce = true;
    split.adoptedOn = "1960-01-03";
    world.signals.push({ kind: "harvest", severity: 0.5, date: "1959-09-01" });
    // The failure of the adoption's own week is the one the split answered, not a new one.
    world.signals.push({ kind: "harvest", severity: 0.5, date: "1960-01-03" });
    world.signals.push({ kind: "harvest", severity: 0.5, date: "1960-01-08" });
    expect(answerSince(world, theNote)).toBe("1960-01-10");
    expect(answered(world, theNote)).toBe(false);
    world.signals.push({ kind: "harvest", severity: 0.5, date: "1960-01-10" });
    expect(answered(world, theNote)).toBe(true);
  });

  it("counts from the latest of several prerequisites, and from the start for those in force then", () => {
    const world = createWorld(load("khrushchev-era"), { seed: 1 });
    const policy = { ...world.policies.find((p) => p.id === "agriculture-note-1964")!, requires: ["party-split-1962", "sovnarkhoz-reform", "procurement-prices"] };
    world.policies.find((p) => p.id === "party-split-1962")!.adoptedOn = "1961-03-05";
    world.policies.find((p) => p.id === "sovnarkhoz-reform")!.adoptedOn = "1962-06-03";
    // In force at the start: adopted on the start's day, which sets nothing later.
    world.policies.find((p) => p.id === "procurement-prices")!.adoptedOn = world.start;
    expect(answerSince(world, policy)).toBe("1962-06-10");
    const start = createWorld(load("khrushchev-era"), { seed: 1 });
    expect(answerSince(start, { ...policy, requires: ["procurement-prices"] })).toBe(start.start);
  });

  it("in the campaign, comes only after a failure of its kind since what it builds on", () => {
    const era = load("khrushchev-era");
    const answering = era.policies.filter((p) => p.answers !== undefined).map((p) => p.id);
    expect(answering.sort()).toEqual(["agriculture-note-1964", "party-split-1962", "price-rise-1962", "recall-specialists-china"]);
    // The recall answers the Chinese party's attack on the coexistence line in print.
    expect(era.policies.find((p) => p.id === "recall-specialists-china")!.answers).toBe("chinese-polemic");
    let proposals = 0;
    const kinds = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const world = simulate(era, { seed: mixSeed(20261202, i) });
      for (const e of world.log.filter((x) => x.type === "policy" && answering.includes(String(x.data?.policy)))) {
        proposals++;
        const policy = era.policies.find((p) => p.id === e.data!.policy)!;
        // From the week after the last prerequisite adopted in the run (or the start).
        const week = 7 * 24 * 3600 * 1000;
        const since = Math.max(Date.parse(world.start), ...policy.requires.map((r) => world.policies.find((p) => p.id === r)!.adoptedOn).filter((d) => d !== null && d > world.start).map((d) => Date.parse(d!) + week));
        const failures = world.log.filter((x) => x.type === "event" && x.date <= e.date && Date.parse(x.date) >= since && era.events.find((ev) => ev.id === x.data?.event)?.effects.signal?.kind === policy.answers && era.events.find((ev) => ev.id === x.data?.event)!.effects.signal!.severity > 0);
        expect(failures.length, `${policy.id} on ${e.date}`).toBeGreaterThan(0);
        kinds.add(policy.answers!);
      }
    }
    expect(proposals).toBeGreaterThan(0);
    expect([...kinds].sort()).toEqual(["chinese-polemic", "harvest"]);
  });

  it("must answer a kind of failure that some event gives, a good event's signal not sufficing", () => {
    const doc = parse(readFileSync(fileURLToPath(new URL("./fixtures/minimal.yaml", import.meta.url)), "utf8")) as { policies: Record<string, unknown>[]; events: { effects: { signal?: { kind: string; severity: number } } }[] };
    doc.policies[0].answers = "drought";
    const failure = { path: ["policies", 0, "answers"], message: expect.stringContaining('no event gives a "drought" failure (a signal of that kind with a severity above 0), so the policy could never be proposed') };
    expect(checkScenario(scenarioSchema.parse(doc))).toEqual([failure]);
    doc.events[0].effects.signal = { kind: "drought", severity: -0.2 };
    expect(checkScenario(scenarioSchema.parse(doc))).toEqual([failure]);
    doc.events[0].effects.signal = { kind: "drought", severity: 0.2 };
    expect(checkScenario(scenarioSchema.parse(doc))).toEqual([]);
  });

  it("is barred for the player by the reason the menus use", () => {
    const world = createWorld(load("khrushchev-era"), { seed: 1 });
    for (const p of world.policies) expect(whyBarred(world, p, "malenkov"), p.id).toBe(viewFor(world, "malenkov").policies.find((v) => v.id === p.id)!.barred);
    // A dropped policy and one for a congress are barred for the view as for the menu.
    const dropped = world.policies.find((p) => p.id === "new-course")!;
    dropped.adoptedOn = "1953-08-09";
    expect(viewFor(world, "malenkov").policies.find((v) => v.id === "new-course")).toMatchObject({ proposable: false, barred: "adopted once and since dropped: it is not brought back" });
  });
});
