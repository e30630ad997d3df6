// An organ chief asked to join a move (MODEL.md sections 4 and 5): he does not bring the organs into
// politics for a move that may well fail, unless his patron leads him in. Semichastny, the KGB
// chairman of october-1964, was Shelepin's protégé and followed him (Emelyanov, Khrushchev: smut'yan v Kremle).
// Checked on the opening week, when any move is far from credible.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createWorld, type World } from "../src/engine/index.js";
import { responseOptions, startMove } from "../src/engine/rules/moves.js";
import { estimateSuccess } from "../src/engine/rules/estimate.js";
import { alignmentOptions, moversShare } from "../src/engine/rules/alignment.js";
import { choiceChance, choose } from "../src/engine/ai/choice.js";
import { Rng } from "../src/engine/rng.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const load = (whatIfs: string[] = []) => loadScenarioFile(fileURLToPath(new URL("../scenarios/october-1964.yaml", import.meta.url)), { whatIfs }).scenario;
const RELUCTANCE = "reluctance to bring the organs into politics";

/** Semichastny's terms for joining a fresh move against Khrushchev that `asker` started alone. */
function joinTerms(world: World, asker: string): Map<string, number> {
  const ctx = { world, rng: new Rng(world.rng), decisions: [], used: new Set<string>() };
  const move = startMove(ctx, asker, "khrushchev", []);
  const [join] = responseOptions(world, move, asker, "semichastny", null);
  expect(join.odds!).toBeLessThan(world.params.moves.response.credibleOdds);
  return new Map(join.terms.map((t) => [t.term, t.value]));
}

describe("an organ chief's reluctance, and his patron", () => {
  it("Semichastny holds back from a move that is not yet credible when a colleague asks him", () => {
    const world = createWorld(load(), { seed: 1 });
    expect(world.principals.semichastny.patron).toBe("shelepin");
    const terms = joinTerms(world, "suslov");
    expect(terms.get(RELUCTANCE)!).toBeLessThan(-1);
    expect(terms.get("patron in the move")).toBe(0);
  });

  it("he does not hold back when Shelepin, his patron, leads him in", () => {
    const world = createWorld(load(), { seed: 1 });
    const terms = joinTerms(world, "shelepin");
    expect(terms.get(RELUCTANCE)).toBe(0);
    expect(terms.get("patron in the move")!).toBeGreaterThan(0);
  });

  it("made Khrushchev's own man (loyal-kgb), he holds back even from Shelepin", () => {
    const world = createWorld(load(["loyal-kgb"]), { seed: 1 });
    expect(world.principals.semichastny.patron).toBe("khrushchev");
    expect(joinTerms(world, "shelepin").get(RELUCTANCE)!).toBeLessThan(-1);
  });
});

describe("the movers' estimate reckons with a member chief's choice of side", () => {
  const organs = (world: World, members: string[]) => {
    const ctx = { world, rng: new Rng(world.rng), decisions: [], used: new Set<string>() };
    const move = startMove(ctx, members[0], "khrushchev", []);
    move.members.push(...members.slice(1));
    const est = estimateSuccess(world, world.principals[members[0]], move, { knownMembers: move.members });
    return est.factors.find((f) => f.factor === "the organs stand aside")!.chance;
  };

  it("a restrained chief in the move counts for less than a chief with no qualms, and for more than none", () => {
    const eager = createWorld(load(), { seed: 1 });
    eager.principals.semichastny.traits.restraint = 0;
    const reluctant = createWorld(load(), { seed: 1 });
    reluctant.principals.semichastny.traits.restraint = 1;
    const without = createWorld(load(), { seed: 1 });
    const withEager = organs(eager, ["shelepin", "semichastny"]);
    const withReluctant = organs(reluctant, ["shelepin", "semichastny"]);
    expect(withEager).toBeGreaterThan(withReluctant + 0.02);
    expect(withReluctant).toBeGreaterThan(organs(without, ["shelepin"]));
  });

  it("the chance he brings them in is how often the AI, facing that choice, does", () => {
    const world = createWorld(load(), { seed: 1 });
    const ctx = { world, rng: new Rng(world.rng), decisions: [], used: new Set<string>() };
    const move = startMove(ctx, "shelepin", "khrushchev", []);
    move.members.push("semichastny");
    const options = alignmentOptions(world, move, "semichastny", moversShare(world, move.members));
    // A member is not offered to turn his organs against his own move.
    expect(options.map((o) => o.choice)).toEqual(["move", "neutral"]);
    const temperature = world.params.ai.align.temperature;
    const reckoned = choiceChance(options, "move", temperature);
    const draws = 4000;
    let brought = 0;
    for (let i = 0; i < draws; i++) if (choose(ctx, { seat: "semichastny", kind: "align", key: `t${i}`, prompt: "", options }, temperature).choice === "move") brought++;
    expect(Math.abs(brought / draws - reckoned)).toBeLessThan(0.03);
  });
});
