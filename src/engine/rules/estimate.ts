// What a principal can estimate from his own view: how a move against a colleague would fare if it
// were launched now. Winning needs a Presidium majority (the target votes for himself and a tie keeps
// him) AND, for those who believe the CC decides, the Central Committee AND the organs not crushing
// it, so the chances multiply. Everything here is computed from what the observer knows: the members
// he knows of, public grievances and the public mood of the CC; never from the move's secrets. One
// exception: a chief of the organs in the move is known to his fellow members, who reckon with his
// choice of side from his own mind (conspirators talk it over; a player reads him from his reads).
import { clamp, commandsOrgans, grievanceAgainst, hasPower, logistic, organChiefs, presidiumVoters, votingCc } from "../queries.js";
import { choiceChance } from "../ai/choice.js";
import { alignmentOptions, moversShare } from "./alignment.js";
import { attitudesTo, patronSide } from "./cadres.js";
import { majorityOf } from "../units.js";
import type { Id, Move, Principal, World } from "../state.js";

export interface SuccessEstimate {
  odds: number;
  /** The chances that multiply to the odds, and what they rest on. */
  factors: { factor: string; chance: number }[];
  /** The Presidium as the observer reckons it: votes he counts on, the rest, and how many are needed. */
  presidium: { counted: number; voters: number; needed: number; expected: number };
}

/** Poisson-binomial: the distribution of the number of yes votes among independent voters. */
export function tallyDistribution(chances: readonly number[]): number[] {
  let dist = [1];
  for (const p of chances) {
    const next = new Array<number>(dist.length + 1).fill(0);
    for (let i = 0; i < dist.length; i++) {
      next[i] += dist[i] * (1 - p);
      next[i + 1] += dist[i] * p;
    }
    dist = next;
  }
  return dist;
}

/** Chance that at least `need` votes come in, from their distribution (tallyDistribution). */
export function atLeastOf(dist: readonly number[], need: number): number {
  if (need <= 0) return 1;
  let s = 0;
  for (let i = Math.max(0, need); i < dist.length; i++) s += dist[i];
  return Math.min(1, s);
}

/**
 * How likely an unpledged member is to turn on the target, as anyone could judge it from outside.
 * Fear holds him back when the target is the first man, and pushes him on when the first man asks.
 */
export function publicTurnChance(world: World, voter: Principal, target: Id, proposer: Id | null = null): number {
  const k = world.params.estimates.presidium;
  const t = world.principals[target];
  const first = world.primacy;
  const x =
    k.base +
    k.grievance * Math.min(k.grievanceCap, grievanceAgainst(voter, target)) -
    k.client * (voter.patron === target ? 1 : 0) -
    k.prestige * (t.prestige - 0.5) -
    k.fear * world.globals.fear * (t.id === first ? 1 : proposer !== null && proposer === first ? -1 : 0);
  return logistic(x);
}

/** The proposer's chance of carrying a Presidium vote to remove `target`, as anyone could judge it. */
export function removalVoteOdds(world: World, proposer: Id, target: Id): number {
  const voters = presidiumVoters(world);
  const others = voters.filter((v) => v !== target && v !== proposer);
  const own = voters.includes(proposer) ? 1 : 0;
  return atLeastOf(tallyDistribution(others.map((v) => publicTurnChance(world, world.principals[v], target, proposer))), majorityOf(voters.length) - own);
}

export interface EstimateOptions {
  /** Members the observer knows of (his own knowledge, not the truth). */
  knownMembers: readonly Id[];
  /** Someone the observer counts as joining (the man weighing an offer counts himself). */
  counting?: Id | null;
  /** CC members the observer knows are pledged (only the move's own members know). */
  pledged?: number;
  /** A chief of the organs whose side is taken as given (the chief himself weighing where to stand). */
  organsSide?: { chief: Id; side: "move" | "target" | "neutral" };
}

export function estimateSuccess(world: World, observer: Principal, move: Move, o: EstimateOptions): SuccessEstimate {
  const k = world.params.estimates.success;
  const target = move.target;
  const known = (id: Id) => o.knownMembers.includes(id) || id === o.counting;
  // The Presidium: the target votes for himself; a tie keeps him.
  const voters = presidiumVoters(world);
  const counted = voters.filter((v) => v !== target && known(v)).length;
  const others = voters.filter((v) => v !== target && !known(v));
  // Each uncounted voter's chance of turning, added up vote by vote as the roll-call does.
  const chances = others.map((v) => publicTurnChance(world, world.principals[v], target));
  const q = others.length ? chances.reduce((s, c) => s + c, 0) / others.length : 0;
  const needed = majorityOf(voters.length);
  const presidium = voters.includes(target) || voters.length > 0 ? atLeastOf(tallyDistribution(chances), needed - counted) : 0;

  // The Central Committee: the public mood toward the target and the move's front, patrons' lines,
  // and the pledges the observer knows of.
  const ccVoters = votingCc(world);
  const front = move.members.find((m) => known(m)) ?? observer.id;
  let expectAgainst = o.pledged ?? 0;
  const sides: Record<Id, "target" | "move"> = {};
  for (const m of o.knownMembers) sides[m] = "move";
  const asKnown = { ...move, members: [...o.knownMembers] };
  const towardTarget = attitudesTo(world, target);
  const towardFront = attitudesTo(world, front);
  for (const c of ccVoters) {
    if (o.pledged !== undefined && c.pledge === move.id) continue;
    const lean = k.ccTarget * towardTarget(c) - k.ccFront * towardFront(c) + k.ccPatron * patronSide(world, c, asKnown, sides);
    expectAgainst += 1 - logistic(k.ccSlope * lean);
  }
  const ccShare = ccVoters.length ? expectAgainst / ccVoters.length : 0;
  const ccWin = logistic(k.ccCertainty * (ccShare - 0.5));
  const belief = observer.believesCcDecides;
  const cc = belief * ccWin + (1 - belief);

  // The organs: chiefs known to be in the move help; chiefs close to the target could crush it.
  let withMove = 0;
  let withTarget = 0;
  for (const chief of organChiefs(world)) {
    if (chief === o.organsSide?.chief) {
      if (o.organsSide.side === "move") withMove += 1;
      else if (o.organsSide.side === "target") withTarget += 1;
    } else if (chief === target) withTarget += 1;
    else if (known(chief)) withMove += memberBringsOrgans(world, move, chief, o.counting ? [...o.knownMembers, o.counting] : o.knownMembers);
    else if (world.principals[chief].patron === target) withTarget += k.chiefClient;
    else withTarget += k.chiefUnknown;
  }
  const organWeight = k.organsBase + k.organsFear * world.globals.fear;
  const targetAway = world.principals[target].location !== null;
  const organs = logistic(k.organsIntercept + organWeight * (k.chiefWith * withMove - k.chiefAgainst * withTarget) + (targetAway ? k.away : 0));

  const factors = [
    { factor: "a Presidium majority", chance: presidium },
    { factor: "the Central Committee", chance: cc },
    { factor: "the organs stand aside", chance: organs },
  ];
  let odds = presidium * cc * organs;
  if (world.outsidePatron) {
    const stance = world.outsidePatron.stance[target] ?? 0;
    const consent = clamp(1 - world.outsidePatron.weight * Math.max(0, stance) + world.outsidePatron.weight * Math.max(0, -stance) * k.patronHelp);
    factors.push({ factor: `${world.outsidePatron.name}'s consent`, chance: consent });
    odds *= consent;
  }
  return { odds, factors, presidium: { counted, voters: voters.length, needed, expected: counted + q * others.length } };
}

/**
 * The chance that a chief known to be in the move brings his organs in when it breaks, reckoned from
 * the terms he will weigh then (a vote against the leader is not an order to the troops), with the
 * movers' strength as the observer knows it. An arrest needs no such reckoning: he plans it himself.
 */
function memberBringsOrgans(world: World, move: Move, chief: Id, knownMembers: readonly Id[]): number {
  const members = knownMembers.includes(chief) ? knownMembers : [...knownMembers, chief];
  const asKnown = { ...move, members: [...members] };
  return choiceChance(alignmentOptions(world, asKnown, chief, moversShare(world, members)), "move", world.params.ai.align.temperature);
}

/**
 * Chance that an arrest succeeds, as the movers see it: their organs against the target's (his own
 * and those loyal to him), and surprise (how little has leaked).
 */
export function arrestOdds(world: World, move: Move, knownMembers: readonly Id[]): number {
  const k = world.params.estimates.force;
  let withMove = 0;
  let withTarget = 0;
  for (const chief of organChiefs(world)) {
    if (chief === move.target) withTarget += k.targetOwn;
    else if (knownMembers.includes(chief)) withMove += 1;
    else if (world.principals[chief].patron === move.target) withTarget += 1;
  }
  return logistic(k.intercept + k.balance * (withMove - withTarget) + k.majority * (condemning(world, move, knownMembers) - 0.5) - k.exposure * move.exposure);
}

/**
 * The share of the Presidium's voters behind an arrest: a man the Presidium has condemned in session
 * finds his own guards unwilling to defend him (Beria was seized at a Presidium meeting, June 1953).
 */
export function condemning(world: World, move: Move, members: readonly Id[]): number {
  const voters = presidiumVoters(world).filter((v) => v !== move.target);
  return voters.length ? voters.filter((v) => members.includes(v)).length / voters.length : 0;
}

/**
 * Chance that the first man's organs can seize `target` on his word: his own organs and his clients'
 * against the target's and those of chiefs loyal to the target.
 */
export function arrestChance(world: World, actor: Id, target: Id): number {
  const k = world.params.estimates.force;
  let withHim = 0;
  let withTarget = 0;
  for (const chief of organChiefs(world)) {
    if (chief === target) withTarget += k.targetOwn;
    else if (chief === actor || world.principals[chief].patron === actor) withHim += 1;
    else if (world.principals[chief].patron === target) withTarget += 1;
  }
  return logistic(k.intercept + k.balance * (withHim - withTarget));
}

/** Whether force is open to the move at all: a member commands organs that the target does not. */
export function forceAvailable(world: World, move: Move): boolean {
  return move.members.some((m) => m !== move.target && commandsOrgans(world, m) && usableOrgans(world, m, move.target));
}

/** A chief cannot turn the target's own organs on him: only organs the target does not command. */
export function usableOrgans(world: World, chief: Id, target: Id): boolean {
  return (hasPower(world, chief, "army") && !hasPower(world, target, "army")) || (hasPower(world, chief, "security") && !hasPower(world, target, "security"));
}
