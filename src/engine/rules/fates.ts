// What happens to the losers of a contest (MODEL.md section 5): the winners decide. The harshest of
// them proposes a fate; the others agree or soften it. Fear, the loser's role, what is held on him,
// his own record of sending rivals to their death (Egorov and Sonin's killing game) and how the
// contest was settled set each winner's view.
import { termsOf, utility, type DecisionContext, type RuleSink } from "../ai/choice.js";
import { listNames, nameOf, pronoun, record } from "../log.js";
import { canAct, commandsOrgans, leaveAllPosts, trustOf } from "../queries.js";
import type { Fate, Id, World } from "../state.js";
import { fateLadder } from "../state.js";
import { termValue } from "../precision.js";
import { isMajority } from "../units.js";

export interface FateCase {
  loser: Id;
  /** Organised the losing side (or was the target who fought to the end). */
  leader: boolean;
  /** Stepped down without a fight. */
  resigned: boolean;
  force: boolean;
}

/** How harsh `judge` would have the loser's fate, as a rung of the fate ladder (0 retired .. 4 shot). */
export function severityTerms(world: World, judge: Id, c: FateCase, add: RuleSink): void {
  const k = world.params.fates.severity;
  const j = world.principals[judge];
  const l = world.principals[c.loser];
  const they = pronoun(world, c.loser);
  add("baseline", k.base);
  add("fear in the system", k.fear * world.globals.fear);
  add(`${they.he} led the losing side`, c.leader ? k.leader : 0);
  add(`${they.he} stepped down without a fight`, c.resigned ? -k.resigned : 0);
  add("settled by force", c.force ? k.force : 0);
  // A Terror-era record sends a man to the cellar only while the old rules hold; a killer in this
  // leadership's own quarrels is killed in turn (Egorov and Sonin, 'The Killing Game', 2015).
  add(`${they.his} own record of repression, while fear lasts`, k.record * l.record * world.globals.fear);
  add(`${they.he} had rivals shot`, k.killer * Math.min(1, executionsProposedBy(world, c.loser)));
  add(`what is held on ${they.him}`, k.kompromat * (j.kompromat[c.loser] ?? 0));
  add(`danger of leaving ${they.him} free`, k.danger * (commandsOrgans(world, c.loser) ? 1 : 0));
  add("the judge's boldness", k.boldness * (j.traits.boldness - 0.5));
  add("the judge's restraint", -k.restraint * (j.traits.restraint - 0.5));
  add(`trust in ${they.him}`, -k.trust * Math.max(0, trustOf(j, c.loser)));
}

/** How many of the fallen this man has had shot in the run so far, as proposer. */
function executionsProposedBy(world: World, id: Id): number {
  let n = 0;
  for (const contest of world.contests) for (const f of contest.fates) if (f.proposedBy === id && f.fate === "executed" && f.who !== id) n++;
  return n;
}

function rungOf(x: number): number {
  return Math.max(0, Math.min(fateLadder.length - 1, Math.round(x)));
}

/**
 * Decides the fates of `cases` by the `winners` (each a principal able to act). Returns the fates
 * with who proposed each and who softened it; applies them.
 */
export function decideFates(ctx: DecisionContext, winners: readonly Id[], cases: readonly FateCase[]): { who: Id; fate: Fate; proposedBy: Id; softenedBy: Id[] }[] {
  const world = ctx.world;
  const k = world.params.fates.decision;
  // Each winner judges once, though he may be on the list twice (the target who also voted).
  const judges = [...new Set(winners)].filter((w) => canAct(world.principals[w]));
  const out: { who: Id; fate: Fate; proposedBy: Id; softenedBy: Id[] }[] = [];
  for (const c of cases) {
    if (!world.principals[c.loser].alive || world.principals[c.loser].fate) continue;
    if (!judges.length) {
      out.push(applyAndLog(world, c.loser, "demoted", null, [], `no one is left to judge ${pronoun(world, c.loser).him}`));
      continue;
    }
    // Each judge's own view, with a little of his mood on the day.
    const views = judges.map((j) => {
      const terms = termsOf((add) => severityTerms(world, j, c, add));
      const noisy = utility(terms) + k.noise * ctx.rng.normal("crisis");
      return { judge: j, terms, rung: rungOf(noisy) };
    });
    const proposer = views.reduce((a, b) => (b.rung > a.rung ? b : a));
    let rung = proposer.rung;
    const softenedBy: Id[] = [];
    // The others soften it a rung at a time while most of them would have it milder.
    for (;;) {
      const milder = views.filter((v) => v !== proposer && v.rung < rung);
      const others = views.length - 1;
      if (rung === 0 || others === 0 || !isMajority(milder.length, others)) break;
      rung--;
      for (const v of milder) if (!softenedBy.includes(v.judge)) softenedBy.push(v.judge);
    }
    const fate = fateLadder[rung];
    const reasons = proposer.terms.filter((t) => t.value !== 0).map((t) => `${t.term} ${t.value > 0 ? "+" : ""}${termValue(t.value)}`).join(", ");
    out.push(applyAndLog(world, c.loser, fate, proposer.judge, softenedBy, reasons, fateLadder[proposer.rung], proposer.terms));
  }
  return out;
}

const fateText: Record<Fate, string> = {
  retired: "retired on a pension",
  demoted: "demoted to a minor post far from Moscow",
  expelled: "expelled from the Central Committee and the party",
  imprisoned: "arrested and imprisoned",
  executed: "arrested, tried and shot",
};

function applyAndLog(world: World, who: Id, fate: Fate, proposedBy: Id | null, softenedBy: Id[], reasons: string, proposed: Fate = fate, terms?: ReturnType<typeof termsOf>) {
  const by = proposedBy === null ? "" : ` on the proposal of ${nameOf(world, proposedBy)}${proposed !== fate ? ` (who wanted ${pronoun(world, who).him} ${proposed}; ${listNames(world, softenedBy)} had it softened)` : ""}`;
  record(world, {
    type: "fate",
    audience: "public",
    actor: who,
    text: `${nameOf(world, who)}: ${fateText[fate]}${by}.`,
    data: { fate, proposedBy, proposed, softenedBy, reasons },
    ...(terms && proposedBy ? { options: [{ option: proposed, utility: termValue(utility(terms)), terms }], chosen: fate } : {}),
  });
  applyFate(world, who, fate);
  return { who, fate, proposedBy: proposedBy ?? who, softenedBy };
}

export function applyFate(world: World, id: Id, fate: Fate): void {
  const p = world.principals[id];
  leaveAllPosts(world, id);
  p.presidium = "none";
  p.secretary = false;
  p.fate = fate;
  p.location = null;
  if (fate === "executed") p.alive = false;
  for (const c of world.cadres) if (c.patron === id) c.patron = null;
}
