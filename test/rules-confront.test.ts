// The warned man's counter (MODEL.md section 3, step 5: "a target who knows may strike first"): a man
// who believes a move is forming against him may confront one of the accused, who denies it and stays
// or comes clean and names the others. A denial is cheap where the security organs are in the move
// (Podgorny denied Galyukov's story in September 1964, with the KGB chairman in the plot) and dear
// where they answer to the man asking (the loyal-kgb what-if).
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createWorld, type World } from "../src/engine/index.js";
import { confront, confrontOption, confrontedOptions } from "../src/engine/rules/confront.js";
import { weeklyOptions } from "../src/engine/rules/governing.js";
import { approachCandidates, bestTarget, boundByWord, learnOfMove, startMove } from "../src/engine/rules/moves.js";
import { addDays } from "../src/engine/calendar.js";
import { Rng } from "../src/engine/rng.js";
import { loadScenarioFile } from "../src/scenarios/load.js";

const file = fileURLToPath(new URL("../scenarios/october-1964.yaml", import.meta.url));
const WATCHED = "the security organs answer to him: a denial will be watched";

/** A fresh move against Khrushchev (Brezhnev and Podgorny); `pardon` forces the accused's answer. */
function setUp(options: { whatIfs?: string[]; pardon?: number } = {}) {
  const world = createWorld(loadScenarioFile(file, { whatIfs: options.whatIfs }).scenario, { seed: 1 });
  if (options.pardon !== undefined) {
    // Far outside the parameter's range, so that the answer is not left to chance.
    world.params = structuredClone(world.params);
    world.params.moves.confront.pardon = options.pardon;
  }
  const ctx = { world, rng: new Rng(world.rng), decisions: [], used: new Set<string>() };
  const move = startMove(ctx, "brezhnev", "khrushchev", []);
  move.members.push("podgorny");
  return { world, ctx, move };
}

const termOf = (world: World, moveId: string, accused: string, choice: string, name: string) => {
  const move = world.moves.find((m) => m.id === moveId)!;
  const option = confrontedOptions(world, move, "khrushchev", accused).find((o) => o.choice === choice)!;
  return option.terms.find((t) => t.term === name)!.value;
};

describe("confronting the accused", () => {
  it("is open only to a man who believes a move is forming against him, and names a man he was told of", () => {
    const { world, move } = setUp();
    expect(confrontOption(world, "khrushchev")).toBeNull();
    learnOfMove(world, "khrushchev", move, ["podgorny"], "warning", 0.9);
    const option = confrontOption(world, "khrushchev")!;
    expect(option).toMatchObject({ choice: "confront", target: "podgorny", detail: move.id });
    expect(weeklyOptions(world, "khrushchev").some((o) => o.choice === "confront")).toBe(true);
    // Not a man who cannot answer: ill, he is not asked.
    world.principals.podgorny.incapacitatedSince = world.date;
    expect(confrontOption(world, "khrushchev")).toBeNull();
  });

  it("weighs how sure he is: a rumour is an affront, evidence is worth acting on", () => {
    const sure = setUp();
    learnOfMove(sure.world, "khrushchev", sure.move, ["podgorny"], "warning", 0.95);
    const rumour = setUp();
    learnOfMove(rumour.world, "khrushchev", rumour.move, ["podgorny"], "warning", 0.2);
    const u = (o: { terms: { value: number }[] }) => o.terms.reduce((s, t) => s + t.value, 0);
    expect(u(confrontOption(sure.world, "khrushchev")!)).toBeGreaterThan(u(confrontOption(rumour.world, "khrushchev")!) + 1);
  });

  it("a denial costs more where the KGB chairman is the confronter's own man, and nothing where he is known to be in the move", () => {
    const base = setUp();
    const loyal = setUp({ whatIfs: ["loyal-kgb"] });
    for (const s of [base, loyal]) learnOfMove(s.world, "khrushchev", s.move, ["podgorny"], "warning", 0.9);
    const inBase = termOf(base.world, base.move.id, "podgorny", "deny", WATCHED);
    const inLoyal = termOf(loyal.world, loyal.move.id, "podgorny", "deny", WATCHED);
    expect(inLoyal).toBeLessThan(inBase - 0.3);
    loyal.move.members.push("semichastny");
    expect(termOf(loyal.world, loyal.move.id, "podgorny", "deny", WATCHED)).toBeCloseTo(0, 9);
  });

  it("a man who comes clean leaves the move and names the others, who learn they are suspected", () => {
    const { world, ctx, move } = setUp({ pardon: 50 });
    learnOfMove(world, "khrushchev", move, ["podgorny"], "warning", 0.9);
    confront(ctx, "khrushchev", "podgorny", move.id);
    expect(move.members).toEqual(["brezhnev"]);
    expect(move.alarm).toBe(1);
    expect(world.log.some((e) => e.type === "defection" && e.actor === "podgorny")).toBe(true);
    // Khrushchev heard it from an insider: Brezhnev is now named to him.
    const warning = world.log.find((e) => e.type === "warning" && e.data?.source === "podgorny")!;
    expect(warning.data!.accused).toEqual(["brezhnev"]);
    // Nobody counts Podgorny in the move any more: neither Brezhnev nor Khrushchev.
    const known = (who: string) => world.principals[who].beliefs.find((b) => b.move === move.id)?.knownMembers ?? [];
    expect(known("brezhnev")).not.toContain("podgorny");
    expect(known("khrushchev")).not.toContain("podgorny");
    // Asked once: the confrontation is remembered, and he is not put to it again over the same move.
    expect(world.memory.confronted).toContain(`${move.id}:podgorny`);
    learnOfMove(world, "khrushchev", move, ["podgorny"], "warning", 0.9);
    expect(confrontOption(world, "khrushchev")?.target).not.toBe("podgorny");
  });

  it("when the man who started the move comes clean, the longest-standing member leads it", () => {
    const { world, ctx, move } = setUp({ pardon: 50 });
    move.members.push("suslov");
    learnOfMove(world, "khrushchev", move, ["brezhnev"], "warning", 0.9);
    expect(move.initiator).toBe("brezhnev");
    confront(ctx, "khrushchev", "brezhnev", move.id);
    expect(move.members).toEqual(["podgorny", "suslov"]);
    expect(move.initiator).toBe("podgorny");
  });

  it("when the last member comes clean, the move comes to nothing", () => {
    const { world, ctx, move } = setUp({ pardon: 50 });
    move.members = ["brezhnev"];
    learnOfMove(world, "khrushchev", move, ["brezhnev"], "warning", 0.9);
    confront(ctx, "khrushchev", "brezhnev", move.id);
    expect(move.stage).toBe("disbanded");
    expect(world.log.some((e) => e.type === "move-ends" && e.data?.move === move.id)).toBe(true);
    expect(world.principals.khrushchev.beliefs.some((b) => b.move === move.id)).toBe(false);
  });

  it("a man who came clean is bound by it for a while: he neither starts nor is asked into a move against the same man", () => {
    const { world, ctx, move } = setUp({ pardon: 50 });
    // Before: Khrushchev is the man Suslov would most want to move against, and he may be asked in.
    expect(bestTarget(world, "suslov")?.target).toBe("khrushchev");
    expect(approachCandidates(world, move)).toContain("suslov");
    move.members.push("suslov");
    learnOfMove(world, "khrushchev", move, ["suslov"], "warning", 0.9);
    confront(ctx, "khrushchev", "suslov", move.id);
    expect(boundByWord(world, "suslov", "khrushchev")).toBe(true);
    expect(bestTarget(world, "suslov")?.target).not.toBe("khrushchev");
    // Nor is he asked into another circle's move against Khrushchev.
    const other = startMove(ctx, "shelepin", "khrushchev", []);
    expect(approachCandidates(world, other)).not.toContain("suslov");
    // A year on (moves.confront.boundWeeks), he is free again.
    world.date = addDays(world.date, world.params.moves.confront.boundWeeks * 7 + 1);
    expect(boundByWord(world, "suslov", "khrushchev")).toBe(false);
  });

  it("a man who denies stays in the move, and the movers are alarmed", () => {
    const { world, ctx, move } = setUp({ pardon: -50 });
    learnOfMove(world, "khrushchev", move, ["podgorny"], "warning", 0.9);
    confront(ctx, "khrushchev", "podgorny", move.id);
    expect(move.members).toEqual(["brezhnev", "podgorny"]);
    expect(move.alarm).toBe(1);
    expect(world.log.find((e) => e.type === "confrontation")!.chosen).toBe("deny");
  });

  it("a man wrongly accused resents it, and the accuser partly believes him", () => {
    const { world, ctx, move } = setUp();
    learnOfMove(world, "khrushchev", move, ["kosygin"], "warning", 0.9);
    world.principals.khrushchev.suspicion.kosygin = 0.6;
    const before = world.principals.kosygin.grievances.filter((g) => g.against === "khrushchev").length;
    confront(ctx, "khrushchev", "kosygin", move.id);
    expect(world.principals.kosygin.grievances.filter((g) => g.against === "khrushchev").length).toBe(before + 1);
    expect(world.principals.khrushchev.suspicion.kosygin).toBeCloseTo(0.6 * (1 - world.params.moves.confront.suspicionRelief));
    expect(move.members).toEqual(["brezhnev", "podgorny"]);
  });
});
