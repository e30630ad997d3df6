// Where a chief of the organs stands when a move breaks: the options he weighs, shared by the crisis
// (where he chooses) and by the movers' estimate (where they reckon with his choice), so that the
// odds a move strikes at and the side the organs take rest on the same terms.
import { term, type ScoredOption } from "../ai/choice.js";
import { chooserPronoun, nameOf, pronoun } from "../log.js";
import { hasPower, presidiumVoters, regardOf } from "../queries.js";
import { disaffection, tie } from "../relations.js";
import type { Id, Move, World } from "../state.js";

/** The share of the Presidium's voters among `members`: the movers' visible strength. */
export function moversShare(world: World, members: readonly Id[]): number {
  const voters = presidiumVoters(world);
  return voters.length ? voters.filter((v) => members.includes(v)).length / voters.length : 0;
}

/** The organs a chief commands, in words, with the labels of his two choices about them (written once: the movers' estimate asks for them for every chief at every reckoning). */
export interface OrganWords {
  organs: string;
  bringIn: string;
  keepOut: string;
  /** What follows from keeping them out, as a sentence's start ("The army stays out of it"). */
  staysOut: string;
}

const organWords = (organs: string, stay: "stays" | "stay"): OrganWords => ({
  organs,
  bringIn: `Bring ${organs} in on the move's side`,
  keepOut: `Keep ${organs} out of it`,
  staysOut: `${organs[0].toUpperCase()}${organs.slice(1)} ${stay} out of it`,
});
const ARMY = organWords("the army", "stays");
const SECURITY = organWords("the security organs", "stay");
const BOTH = organWords("the army and the security organs", "stay");
const NEITHER = organWords("the organs", "stay");

export function organWordsOf(world: World, chief: Id): OrganWords {
  const army = hasPower(world, chief, "army");
  const security = hasPower(world, chief, "security");
  return army && security ? BOTH : army ? ARMY : security ? SECURITY : NEITHER;
}

/** The organs a chief commands, in words: the army, the security organs, or both. */
export function organsCommanded(world: World, chief: Id): string {
  return organWordsOf(world, chief).organs;
}

/**
 * A chief's options over `move`, with the movers at `strength`. A member of the move brings his organs
 * in or keeps them out (he does not turn them on his own move); an outsider may also stand by the target.
 */
export function alignmentOptions(world: World, move: Move, chief: Id, strength: number): ScoredOption[] {
  const k = world.params.crisis.align;
  const c = world.principals[chief];
  const inMove = move.members.includes(chief);
  const own = chooserPronoun(world, chief);
  const target = pronoun(world, move.target);
  const organs = organWordsOf(world, chief);
  const withMovers: ScoredOption = {
    choice: "move",
    label: inMove ? organs.bringIn : "Side with the movers",
    terms: [
      term(`disaffection with ${target.him}`, k.disaffection * disaffection(world, c, move.target)),
      term("the movers' visible strength", k.strength * (strength - 0.5)),
      term(`${own.his} patron among the movers`, c.patron !== null && move.members.includes(c.patron) ? k.patron : 0),
      ...(inMove ? [term(`${own.his} own move`, k.member)] : []),
    ],
  };
  const stayOut: ScoredOption = { choice: "neutral", label: organs.keepOut, terms: [term("reluctance to use the organs in politics", k.neutralBase + k.neutralRestraint * c.traits.restraint)] };
  if (inMove) return [withMovers, stayOut];
  const standBy: ScoredOption = { choice: "target", label: `Stand by ${nameOf(world, move.target)}`, terms: [term(`tie to ${target.him}`, k.tie * tie(world, c, move.target)), term(`opinion of ${target.him}`, k.opinion * regardOf(c, move.target))] };
  return [standBy, withMovers, stayOut];
}
