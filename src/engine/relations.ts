// How one principal stands toward another: how much he wants him gone, how tied to him he is, and
// how dangerous he finds him. Every rule that weighs a colleague asks these.
import { commandsOrgans, grievanceAgainst, hasPower, officesReading, regardOf, trustOf } from "./queries.js";
import { constituencyMood, constituencyMoodsOf } from "./constituencies.js";
import { powerShare } from "./power.js";
import type { Id, Principal, World } from "./state.js";
import { IDEOLOGY_SPAN } from "./units.js";

/**
 * Positive: p wants q out of his posts (a poor opinion, grievances, a different line, and the harm
 * q has done to the constituencies p speaks for: the men whose clients' tenure Khrushchev cut turned
 * on him). `harm`, `regard` and `grievance` are the pair's clientHarm, regardOf and
 * grievanceAgainst, for a caller that weighs them for tie too.
 */
export function disaffection(world: World, p: Principal, q: Id, harm: number = clientHarm(world, p, q), regard: number = regardOf(p, q), grievance: number = grievanceAgainst(p, q)): number {
  const k = world.params.relations.disaffection;
  const other = world.principals[q];
  const gap = Math.abs(p.traits.ideology - other.traits.ideology) / IDEOLOGY_SPAN;
  return -regard + k.grievance * Math.min(k.grievanceCap, grievance) + k.ideologyGap * gap + k.constituencies * harm;
}

/** How far q has turned p's clients' constituencies against him (0 when they regard him well). */
export function clientHarm(world: World, p: Principal, q: Id): number {
  return p.id === q ? 0 : harmOf(constituencyMood(world, p.id, q));
}

/** clientHarm(world, p, q) as a function of q, for a caller weighing p against every colleague in turn (see constituencyMoodsOf). */
export function clientHarms(world: World, p: Principal): (q: Id) => number {
  const moodOf = constituencyMoodsOf(world, p.id);
  return (q) => (p.id === q ? 0 : harmOf(moodOf(q)));
}

/** The harm a man has done to constituencies that regard him so. */
function harmOf(mood: number): number {
  return Math.max(0, -mood);
}

/**
 * What binds p to q: being his client (as binding as p is loyal, and loosened by grievances against
 * the patron and by the harm he does the client's own people: the men Khrushchev appointed removed
 * him), trusting him, and loyalty to a man he thinks well of. `harm`, `regard` and `grievance` as for
 * disaffection.
 */
export function tie(world: World, p: Principal, q: Id, harm: number = clientHarm(world, p, q), regard: number = regardOf(p, q), grievance: number = grievanceAgainst(p, q)): number {
  const k = world.params.relations.tie;
  const loosened = grievance + k.harmLoosens * harm;
  const client = p.patron === q ? k.patron * p.traits.loyalty * Math.max(0, 1 - loosened / k.grievanceLoosens) : 0;
  return client + k.trust * Math.max(0, trustOf(p, q)) + k.loyalOpinion * p.traits.loyalty * Math.max(0, regard);
}

/**
 * How dangerous q looks to p: q's share of the leadership's power and his appetite for more, the
 * organs he commands and his readiness to use them, his grudge against p and what he holds on p.
 * Fear makes a threat existential: under Stalin's rules the loser of a quarrel did not survive it.
 * A man p trusts is not expected to turn all that on him: a patron's police protect his clients.
 */
export function threat(world: World, p: Principal, q: Id): number {
  return p.id === q ? 0 : threatFrom(world, p, world.principals[q]);
}

/** threat(world, p, other.id) for another man, him in hand; `standing`: standingDanger(world, other). */
function threatFrom(world: World, p: Principal, other: Principal, standing: number = standingDanger(world, other)): number {
  const k = world.params.relations.threat;
  const raw = standing + k.grudge * Math.min(k.grudgeCap, grievanceAgainst(other, p.id)) + k.kompromat * (other.kompromat[p.id] ?? 0) + k.suspicion * (other.suspicion[p.id] ?? 0);
  return raw * (k.fearBase + k.fearWeight * world.globals.fear) * (1 - k.trust * Math.max(0, trustOf(p, other.id)));
}

/**
 * The part of a man's danger that is the same to every colleague: his share of the leadership's
 * power and his appetite for more, and the organs he commands as far as he might use them for himself.
 */
function standingDanger(world: World, other: Principal): number {
  const k = world.params.relations.threat;
  const organs = commandsOrgans(world, other.id) ? other.traits.ambition * (1 - other.traits.restraint) : 0;
  return k.power * powerShare(world, other.id) * other.traits.ambition + k.organs * organs;
}

/**
 * Every man's standing danger by rank (Principal.rank), NaN while unread: it rests on the reading of
 * power (a new reading is a new world.power), on the offices (officesReading) and on the men
 * themselves: a player's believed world shares the reading of power but not the traits.
 */
function standingDangers(world: World): number[] {
  const offices = officesReading(world);
  let kept = standingDangersKept.get(world.power);
  if (!kept || kept.offices !== offices || kept.principals !== world.principals) {
    kept = { offices, principals: world.principals, byRank: new Array<number>(world.order.length).fill(NaN) };
    standingDangersKept.set(world.power, kept);
  }
  return kept.byRank;
}

const standingDangersKept = new WeakMap<World["power"], { offices: object; principals: World["principals"]; byRank: number[] }>();

/**
 * threat(world, p, q) as a function of q, each colleague's read once: the week's reading weighs
 * every colleague's danger to a man twice (whom to move against, whom to court), and the world
 * stands still meanwhile. Kept no longer than that.
 */
export function dangersTo(world: World, p: Principal): (q: Id) => number {
  // Kept by rank (Principal.rank), NaN while unread: every colleague is read, and a plain list made
  // for every man costs less than a map or a typed array.
  const read = new Array<number>(world.order.length).fill(NaN);
  const standings = standingDangers(world);
  return (q) => {
    const other = world.principals[q];
    let danger = read[other.rank];
    if (Number.isNaN(danger)) {
      let standing = standings[other.rank];
      if (Number.isNaN(standing)) standings[other.rank] = standing = standingDanger(world, other);
      danger = p.id === q ? 0 : threatFrom(world, p, other, standing);
      read[other.rank] = danger;
    }
    return danger;
  };
}

/** Whether q's posts carry a power that makes a man dangerous to remove by a vote (he holds force). */
export function holdsForce(world: World, q: Id): boolean {
  return hasPower(world, q, "security") || hasPower(world, q, "army");
}
