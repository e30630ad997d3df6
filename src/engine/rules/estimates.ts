// What a principal can estimate from its own view: the public mood of the Central Committee, how
// the security organs are likely to lean, and a plot's chance of success as far as it knows it.
import type { Id, Plot, Principal, World, CcMember } from "../state.js";
import { clamp, isAway, logistic, presidiumVoters, securityChiefs } from "../queries.js";

/** A CC member's lean toward the leader under the policies in force and the leader's prestige. */
export function effectiveLean(world: World, m: CcMember): number {
  return clamp(m.baseLean + policyLean(world, m) + world.params.estimates.lean.prestige * (world.globals.prestige - 0.5), -1, 1);
}

// The policy part of a member's lean changes only when a policy is enacted or repealed, which
// replaces the world's policy list; it is memoised per (CC, policy list) because the AI asks for it
// thousands of times a week.
const policyLeanCache = new WeakMap<CcMember[], { policies: World["policies"]; leans: Map<CcMember, number> }>();

function policyLean(world: World, m: CcMember): number {
  let cached = policyLeanCache.get(world.cc);
  if (!cached || cached.policies !== world.policies) {
    cached = { policies: world.policies, leans: new Map() };
    policyLeanCache.set(world.cc, cached);
  }
  let lean = cached.leans.get(m);
  if (lean === undefined) {
    lean = 0;
    for (const policy of world.policies) {
      if (!policy.inForce) continue;
      for (const [constituency, share] of Object.entries(m.mix)) lean += share * (policy.effects[constituency] ?? 0);
    }
    cached.leans.set(m, lean);
  }
  return lean;
}

/** The voting members (candidates speak but do not vote); memoised per CC list. */
export function votingCc(world: World): CcMember[] {
  let voters = votingCache.get(world.cc);
  if (!voters) {
    voters = world.cc.filter((m) => m.seat === "voting");
    votingCache.set(world.cc, voters);
  }
  return voters;
}

const votingCache = new WeakMap<CcMember[], CcMember[]>();

/** Share of the voting CC whose mood (public knowledge: policies, prestige) runs against the leader. */
export function publicCcOpposition(world: World): number {
  const cached = oppositionCache.get(world.cc);
  if (cached && cached.policies === world.policies && cached.prestige === world.globals.prestige) return cached.share;
  const voters = votingCc(world);
  let against = 0;
  for (const m of voters) if (effectiveLean(world, m) < 0) against++;
  const share = voters.length ? against / voters.length : 0;
  oppositionCache.set(world.cc, { policies: world.policies, prestige: world.globals.prestige, share });
  return share;
}

const oppositionCache = new WeakMap<CcMember[], { policies: World["policies"]; prestige: number; share: number }>();

/** How loyal to the leader a security chief looks from outside: whose man he is. */
export function perceivedChiefLoyalty(world: World, chief: Id, leader: Id): number {
  const p = world.principals[chief];
  const k = world.params.estimates.chiefLoyalty;
  return p.patron === leader ? k.client : p.patron === null ? k.none : k.other;
}

export interface SuccessEstimate {
  odds: number;
  /** The chances that multiply to the odds: a Presidium majority, the CC, the organs standing aside or helping. */
  factors: { factor: string; chance: number }[];
}

/**
 * A principal's estimate that the plot would win if launched now, from what it knows. Winning
 * needs a Presidium majority AND (for those who believe the CC decides) the Central Committee AND
 * the organs not turning against the plot, so the chances multiply: a whipped CC cannot make up for
 * a Presidium the plot does not hold.
 */
export function estimateSuccess(world: World, observer: Principal, plot: Plot, knownMembers: readonly Id[], counting: Id | null = null): SuccessEstimate {
  const k = world.params.estimates.success;
  const voters = presidiumVoters(world).filter((v) => v !== plot.target);
  const pledged = voters.filter((v) => knownMembers.includes(v) || v === counting).length;
  // Members not pledged mostly side with a leader who is in the room; how many might not is read off
  // his public standing.
  const drift = clamp(k.driftBase + k.driftPrestige * (k.driftPivot - world.globals.prestige), k.driftMin, k.driftMax);
  const expectedShare = voters.length ? (pledged + drift * (voters.length - pledged)) / (voters.length + 1) : 0;
  const ccVoters = votingCc(world).length || 1;
  const whippedShare = plot.whippedCount / ccVoters;
  const ccAgainst = clamp(whippedShare + (1 - whippedShare) * publicCcOpposition(world) * k.ccOpposition);
  const believesCc = observer.believesCcDecides;
  const fear = world.globals.fear;
  const securityWeight = k.securityBase + k.securityFear * fear;
  let chiefsWith = 0;
  let chiefsLoyal = 0;
  for (const chief of securityChiefs(world)) {
    if (knownMembers.includes(chief) || chief === counting) chiefsWith += 1;
    else chiefsLoyal += perceivedChiefLoyalty(world, chief, plot.target) - 0.5;
  }
  const presidium = logistic(k.presidiumSlope * (expectedShare - 0.5));
  const cc = believesCc * logistic(k.ccSlope * (ccAgainst - 0.5)) + (1 - believesCc);
  const organs = logistic(k.organsBase + k.chiefWith * securityWeight * chiefsWith - k.chiefLoyal * securityWeight * chiefsLoyal + (isAway(world) ? k.away : 0) - k.prestige * (world.globals.prestige - 0.5));
  return {
    odds: presidium * cc * organs,
    factors: [
      { factor: "a Presidium majority", chance: presidium },
      { factor: "the Central Committee", chance: cc },
      { factor: "the organs and the leader's standing", chance: organs },
    ],
  };
}
