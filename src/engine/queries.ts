// Small read-only questions about the world that several rules ask. Rules read powers and
// traits, never particular ids or names.
import { yearOf } from "./calendar.js";
import { IDEOLOGY_SPAN } from "./units.js";
import type { Id, Plot, Principal, World } from "./state.js";

// Who holds which power is asked constantly and changes rarely, so it is memoised per world and
// every change of office goes through takePost/leavePost below, which drop the memo.
const holdersCache = new WeakMap<World, Map<string, Id[]>>();

export function holdersOf(world: World, power: string): Id[] {
  let byPower = holdersCache.get(world);
  if (!byPower) {
    byPower = new Map();
    holdersCache.set(world, byPower);
  }
  let out = byPower.get(power);
  if (!out) {
    out = [];
    // "a|b" asks for the holders of a, then of b, each once.
    for (const wanted of power.split("|")) {
      for (const postId of world.postOrder) {
        const post = world.posts[postId];
        if (!post.powers.includes(wanted)) continue;
        for (const h of post.holders) if (!out.includes(h) && world.principals[h]?.alive) out.push(h);
      }
    }
    byPower.set(power, out);
  }
  return out;
}

export function takePost(world: World, id: Id, postId: Id): void {
  const post = world.posts[postId];
  if (!post.holders.includes(id)) post.holders.push(id);
  const p = world.principals[id];
  if (!p.posts.includes(postId)) p.posts.push(postId);
  holdersCache.delete(world);
}

export function leavePost(world: World, id: Id, postId: Id): void {
  const post = world.posts[postId];
  post.holders = post.holders.filter((h) => h !== id);
  const p = world.principals[id];
  p.posts = p.posts.filter((x) => x !== postId);
  holdersCache.delete(world);
}

export function leaveAllPosts(world: World, id: Id): void {
  for (const postId of [...world.principals[id].posts]) leavePost(world, id, postId);
  holdersCache.delete(world);
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

/** The trips `who` still plans to make (a trip is the starting leader's unless the data says whose). */
export function plannedTrips(world: World, who: Id): World["trips"] {
  return world.trips.filter((t) => (t.traveller ?? world.firstLeader) === who && !world.cancelledTrips.includes(t.id));
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
  const k = world.params.grievance.disaffection;
  const l = world.principals[leader];
  const ideologyGap = Math.abs(p.traits.ideology - l.traits.ideology) / IDEOLOGY_SPAN;
  return -p.opinionOfLeader + k.grievance * Math.min(k.grievanceCap, grievanceAgainst(p, leader)) + k.ideologyGap * ideologyGap;
}

export function tieToLeader(world: World, p: Principal, leader: Id): number {
  const k = world.params.grievance.tie;
  return (p.patron === leader ? k.patron : 0) + k.trust * Math.max(0, p.trust[leader] ?? 0) + k.loyalOpinion * p.traits.loyalty * Math.max(0, p.opinionOfLeader);
}

export function isActive(plot: Plot): boolean {
  return plot.stage === "forming" || plot.stage === "recruiting";
}

export function activePlots(world: World): Plot[] {
  return world.plots.filter(isActive);
}

export function plotOf(world: World, id: Id): Plot | undefined {
  for (const p of world.plots) if (isActive(p) && p.members.includes(id)) return p;
  return undefined;
}

/** Whoever commands the KGB or the Army (once each, even if one man held both). */
export function securityChiefs(world: World): Id[] {
  return holdersOf(world, "security|army");
}

export function clamp(x: number, lo = 0, hi = 1): number {
  return x < lo ? lo : x > hi ? hi : x;
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
