// What a principal can estimate from its own view: the public mood of the Central Committee, how
// the security organs are likely to lean, and a plot's chance of success as far as it knows it.
import type { Id, Plot, Principal, World, CcMember } from "../state.js";
import { clamp, holdersOf, isAway, logistic, presidiumVoters } from "../queries.js";
import { term } from "../ai/choice.js";
import type { Reason } from "../state.js";

/** A CC member's lean toward the leader under the policies in force and the leader's prestige. */
export function effectiveLean(world: World, m: CcMember): number {
  let lean = m.baseLean + 0.6 * (world.globals.prestige - 0.5);
  for (const policy of world.policies) {
    if (!policy.inForce) continue;
    for (const [constituency, share] of Object.entries(m.mix)) lean += share * (policy.effects[constituency] ?? 0);
  }
  return clamp(lean, -1, 1);
}

export function votingCc(world: World): CcMember[] {
  return world.cc.filter((m) => m.seat === "voting");
}

/** Share of the voting CC whose mood (public knowledge: policies, prestige) runs against the leader. */
export function publicCcOpposition(world: World): number {
  const voters = votingCc(world);
  let against = 0;
  for (const m of voters) if (effectiveLean(world, m) < 0) against++;
  return voters.length ? against / voters.length : 0;
}

/** How loyal to the leader a security chief looks from outside: whose man he is. */
export function perceivedChiefLoyalty(world: World, chief: Id, leader: Id): number {
  const p = world.principals[chief];
  return p.patron === leader ? 0.8 : p.patron === null ? 0.5 : 0.4;
}

export interface SuccessEstimate {
  odds: number;
  terms: Reason[];
}

/**
 * A principal's estimate that the plot would win if launched now, from what it knows: the pledged
 * Presidium votes it knows of, the CC members whipped, the security chiefs in the plot or thought
 * loyal to the leader, and whether the leader is away.
 */
export function estimateSuccess(world: World, observer: Principal, plot: Plot, knownMembers: readonly Id[], counting: Id | null = null): SuccessEstimate {
  const voters = presidiumVoters(world).filter((v) => v !== plot.target);
  const pledged = voters.filter((v) => knownMembers.includes(v) || v === counting).length;
  // Members not pledged mostly side with a leader who is in the room; count a few of them at most.
  const expectedShare = voters.length ? (pledged + 0.15 * (voters.length - pledged)) / (voters.length + 1) : 0;
  const ccVoters = votingCc(world).length || 1;
  const whippedShare = plot.whippedCount / ccVoters;
  const ccAgainst = clamp(whippedShare + (1 - whippedShare) * publicCcOpposition(world) * 0.5);
  const believesCc = observer.believesCcDecides;
  const fear = world.globals.fear;
  const securityWeight = 0.4 + 1.2 * fear;
  let chiefsWith = 0;
  let chiefsLoyal = 0;
  for (const chief of [...holdersOf(world, "security"), ...holdersOf(world, "army")]) {
    if (knownMembers.includes(chief) || chief === counting) chiefsWith += 1;
    else chiefsLoyal += perceivedChiefLoyalty(world, chief, plot.target) - 0.5;
  }
  const terms = [
    term("pledged Presidium votes", 14 * (expectedShare - 0.5)),
    term("Central Committee secured", 6 * believesCc * (ccAgainst - 0.5)),
    term("security chiefs in the plot", 1.2 * securityWeight * chiefsWith),
    term("security chiefs loyal to the leader", -2 * securityWeight * chiefsLoyal),
    term("leader away from Moscow", isAway(world) ? 0.5 : 0),
    term("leader's prestige", -1.5 * (world.globals.prestige - 0.5)),
  ];
  let x = 0;
  for (const t of terms) x += t.value;
  return { odds: logistic(x), terms };
}
