// What failing costs (MODEL.md section 4; VALIDATION.md C and E on fear): a man asked to join a move
// and a man deciding whether to start one weigh the same risk, the cost of ending on the losing side
// (a demotion at zero fear, rising toward death) as heavy as he is cautious, times the chance of
// failing. The organiser, alone so far, reckons with failing outright; a recruit, with a move that
// is launched only once its odds are worth striking at, or found out before. Checked on
// october-1964's opening week, with fear and boldness set by hand.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createWorld, type World } from "../src/engine/index.js";
import { termValue } from "../src/engine/ai/choice.js";
import { costOfFailure, failureRisk, joiningRisk, launchOdds, motiveTerms, responseOptions, startMove } from "../src/engine/rules/moves.js";
import { Rng } from "../src/engine/rng.js";
import { confrontedOptions } from "../src/engine/rules/confront.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const october = loadScenarioFile(fileURLToPath(new URL("../scenarios/october-1964.yaml", import.meta.url))).scenario;

function at(fear: number): World {
  const world = createWorld(october, { seed: 1 });
  world.globals.fear = fear;
  return world;
}

/** The terms of `actor`'s motive to move against `target`, by name. */
function motive(world: World, actor: string, target: string): Map<string, number> {
  const terms = new Map<string, number>();
  motiveTerms(world, actor, target, (name, value) => terms.set(name, value));
  return terms;
}

const COST = "what failing would cost him";

describe("the cost of failing, weighed by whoever risks it", () => {
  it("grows with fear from a demotion's cost, and weighs on the cautious more than on the bold", () => {
    const k = at(0).params.moves.risk;
    for (const fear of [0, 0.15, 0.9]) {
      const world = at(fear);
      expect(costOfFailure(world)).toBeCloseTo(k.base + k.fear * fear, 12);
      const p = world.principals.suslov;
      p.traits.boldness = 1;
      expect(failureRisk(world, p, 0)).toBeCloseTo(costOfFailure(world) * k.bold, 12);
      p.traits.boldness = 0;
      expect(failureRisk(world, p, 0)).toBeCloseTo(costOfFailure(world) * (k.bold + k.caution), 12);
      // Sure success risks nothing; even odds half the cost.
      expect(failureRisk(world, p, 1)).toBe(0);
      expect(failureRisk(world, p, 0.5)).toBeCloseTo(failureRisk(world, p, 0) / 2, 12);
    }
  });

  it("a man deciding whether to start a move weighs it in full, so fear deters him more than it did (one unit of utility per unit of fear)", () => {
    const calm = at(0.15);
    const terror = at(0.9);
    const before = motive(calm, "suslov", "khrushchev").get(COST)!;
    const after = motive(terror, "suslov", "khrushchev").get(COST)!;
    expect(before).toBe(-failureRisk(calm, calm.principals.suslov, 0));
    expect(after).toBe(-failureRisk(terror, terror.principals.suslov, 0));
    // The old term took one unit of utility per unit of fear, the same for everyone; the cost of
    // failing now falls on an average man at about twice that rate.
    expect(before - after).toBeGreaterThan(0.9 - 0.15);
    // The terms that fear does not touch stay as they were.
    for (const name of ["baseline", "tie to him", "his power"]) {
      expect(motive(terror, "suslov", "khrushchev").get(name), name).toBe(motive(calm, "suslov", "khrushchev").get(name));
    }
  });

  it("fear takes away what the moment offers (moves.start.fearDamps), not what holds a man back", () => {
    const calm = at(0.15);
    const terror = at(0.9);
    const damps = calm.params.moves.start.fearDamps;
    expect(damps).toBeGreaterThan(0);
    const name = "disaffection with him";
    const [c, t] = [motive(calm, "suslov", "khrushchev").get(name)!, motive(terror, "suslov", "khrushchev").get(name)!];
    expect(c).toBeGreaterThan(0);
    // Suslov's grudge against Khrushchev is damped by 1 - fearDamps x fear (terms are rounded as logged).
    expect(t / c).toBeCloseTo((1 - damps * 0.9) / (1 - damps * 0.15), 3);
    // A man who thinks well of the target is held back as much under terror as in calm.
    for (const w of [calm, terror]) {
      w.principals.suslov.regard.khrushchev = 1;
      w.principals.suslov.grievances = [];
    }
    const [likedCalm, likedTerror] = [motive(calm, "suslov", "khrushchev").get(name)!, motive(terror, "suslov", "khrushchev").get(name)!];
    expect(likedCalm).toBeLessThan(0);
    expect(likedTerror).toBe(likedCalm);
  });

  it("a man asked to join weighs the risk of a move still forming, at the odds he reckons", () => {
    for (const fear of [0.15, 0.9]) {
      const world = at(fear);
      const ctx = { world, rng: new Rng(world.rng), decisions: [], used: new Set<string>() };
      const move = startMove(ctx, "shelepin", "khrushchev", []);
      const [join] = responseOptions(world, move, "shelepin", "suslov", null);
      const odds = join.odds!;
      expect(odds).toBeGreaterThanOrEqual(0);
      expect(odds).toBeLessThan(1);
      expect(join.terms.find((t) => t.term === "risk if it fails, or is found out first")!.value).toBe(termValue(-joiningRisk(world, world.principals.suslov, odds, move.alarm)));
    }
  });

  it("a move is launched only at odds worth striking at, so a recruit risks losing it at no worse odds; short of them, being found out first, which costs what fear adds", () => {
    const calm = at(0);
    const threshold = calm.params.crisis.strike.threshold;
    expect(launchOdds(calm, 0)).toBe(threshold);
    const p = calm.principals.suslov;
    // At zero fear a plot found out costs nothing worse than suspicion: a weak move risks what a
    // launch at the threshold risks, less than a launch at its own odds would.
    expect(joiningRisk(calm, p, 0.1, 0)).toBeCloseTo(failureRisk(calm, p, threshold), 12);
    expect(joiningRisk(calm, p, 0.1, 0)).toBeLessThan(failureRisk(calm, p, 0.1));
    // A move at or above the threshold risks what a launch now risks.
    expect(joiningRisk(calm, p, 0.8, 0)).toBeCloseTo(failureRisk(calm, p, 0.8), 12);
    // Under terror the danger of being found out grows with fear and with how far the move falls short.
    const terror = at(0.9);
    const q = terror.principals.suslov;
    const foundOut = (odds: number) => joiningRisk(terror, q, odds, 0) - failureRisk(terror, q, threshold);
    const weight = failureRisk(terror, q, 0) / costOfFailure(terror);
    expect(foundOut(0.1)).toBeCloseTo((threshold - 0.1) * weight * terror.params.moves.risk.foundOut * 0.9, 12);
    expect(foundOut(0.1)).toBeGreaterThan(foundOut(0.4));
    expect(foundOut(threshold)).toBeCloseTo(0, 12);
  });

  it("a move the target is on to may be put to the test sooner, at lower odds: its members reckon with losing at those", () => {
    const world = at(0.15);
    const k = world.params.crisis.strike;
    const p = world.principals.suslov;
    // The strike's urgency, weighed against its odds term, lowers the odds at which the leader strikes.
    expect(launchOdds(world, 1)).toBeCloseTo(Math.max(0, k.threshold - k.urgency / k.odds), 12);
    expect(launchOdds(world, 0.5)).toBeLessThan(launchOdds(world, 0));
    expect(joiningRisk(world, p, 0.1, 1)).toBeGreaterThan(joiningRisk(world, p, 0.1, 0));
    // The man confronted to his face reckons with a move found out, whatever its alarm so far.
    const ctx = { world, rng: new Rng(world.rng), decisions: [], used: new Set<string>() };
    const move = startMove(ctx, "brezhnev", "khrushchev", []);
    move.members.push("podgorny");
    expect(move.alarm).toBe(0);
    const deny = confrontedOptions(world, move, "khrushchev", "podgorny").find((o) => o.choice === "deny")!;
    const risk = deny.terms.find((t) => t.term === "risk if it fails, or is found out first")!.value;
    expect(risk).toBe(termValue(-joiningRisk(world, world.principals.podgorny, deny.odds!, 1)));
  });
});
