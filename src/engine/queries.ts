// Small read-only questions about the world that several rules ask. Rules read powers and
// traits, never particular ids or names.
import { yearOf } from "./calendar.js";
import type { Id, Plot, Principal, World } from "./state.js";

export function holdersOf(world: World, power: string): Id[] {
  const out: Id[] = [];
  for (const postId of world.postOrder) {
    const post = world.posts[postId];
    if (!post.powers.includes(power)) continue;
    for (const h of post.holders) if (!out.includes(h) && world.principals[h]?.alive) out.push(h);
  }
  return out;
}

export function hasPower(world: World, id: Id, power: string): boolean {
  return world.principals[id].posts.some((p) => world.posts[p]?.powers.includes(power));
}

/** The First Secretary; throws if the invariant "exactly one leader" is broken. */
export function leaderOf(world: World): Id {
  const holders = holdersOf(world, "leader");
  if (holders.length !== 1) throw new Error(`expected exactly one leader, found ${holders.length}`);
  return holders[0];
}

export function ageOf(world: World, p: Principal): number {
  return yearOf(world.date) - p.born;
}

export function canAct(p: Principal): boolean {
  return p.alive && !p.incapacitated && p.fate === null;
}

/** Full Presidium members able to vote this week. */
export function presidiumVoters(world: World): Id[] {
  return world.order.filter((id) => {
    const p = world.principals[id];
    return p.presidium === "full" && canAct(p);
  });
}

export function isAway(world: World): boolean {
  return world.leaderLocation !== null;
}

/** Sum of a principal's grievances against someone, as a weight (0..~2). */
export function grievanceAgainst(p: Principal, target: Id): number {
  let sum = 0;
  for (const g of p.grievances) if (g.against === target) sum += g.weight;
  return sum;
}

/**
 * How much a principal wants the leader gone: a low opinion, grievances, and distance in ideology
 * from the leader. Positive means disaffected.
 */
export function disaffection(world: World, p: Principal, leader: Id): number {
  const l = world.principals[leader];
  const ideologyGap = Math.abs(p.traits.ideology - l.traits.ideology) / 2;
  return -p.opinionOfLeader + 0.8 * Math.min(1.5, grievanceAgainst(p, leader)) + 0.4 * ideologyGap;
}

export function tieToLeader(world: World, p: Principal, leader: Id): number {
  return (p.patron === leader ? 0.5 : 0) + 0.5 * Math.max(0, p.trust[leader] ?? 0) + 0.3 * p.traits.loyalty * Math.max(0, p.opinionOfLeader);
}

export function activePlots(world: World): Plot[] {
  return world.plots.filter((p) => p.stage === "forming" || p.stage === "recruiting");
}

export function plotOf(world: World, id: Id): Plot | undefined {
  return activePlots(world).find((p) => p.members.includes(id));
}

export function securityChiefs(world: World): Id[] {
  return [...holdersOf(world, "security"), ...holdersOf(world, "army")];
}

export function clamp(x: number, lo = 0, hi = 1): number {
  return x < lo ? lo : x > hi ? hi : x;
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
