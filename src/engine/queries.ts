// Small read-only questions about the world that many rules ask, and the only ways a post changes
// hands. Rules read powers and traits, never particular ids or names.
import { yearOf } from "./calendar.js";
import type { Cadre, Id, Move, PostState, Principal, World } from "./state.js";
import type { PowerName } from "./scenario/names.js";

// Who holds which power is asked constantly and changes rarely, so it is memoised per world and
// every change of office goes through takePost/leavePost below, which drop the memo.
const holdersCache = new WeakMap<World, Map<string, Id[]>>();
const organChiefsCache = new WeakMap<World, Set<Id>>();

/** The memo kept for `owner` (a world, or a part of one that is replaced rather than changed) in a cache, begun empty. */
export function memoOf<O extends object, K, V>(cache: WeakMap<O, Map<K, V>>, owner: O): Map<K, V> {
  let memo = cache.get(owner);
  if (!memo) {
    memo = new Map();
    cache.set(owner, memo);
  }
  return memo;
}

/** Living holders of posts with this power (acting holders included), each once, in post order. */
export function holdersOf(world: World, power: PowerName): Id[] {
  const byPower = memoOf(holdersCache, world);
  let out = byPower.get(power);
  if (!out) {
    out = [];
    for (const postId of world.postOrder) {
      const post = world.posts[postId];
      if (!post.powers.includes(power)) continue;
      for (const h of post.holders) if (!out.includes(h) && world.principals[h]?.alive && !world.principals[h].fate) out.push(h);
    }
    for (const id of world.order) {
      const p = world.principals[id];
      if (p.acting.some((a) => world.posts[a].powers.includes(power)) && !out.includes(id)) out.push(id);
    }
    byPower.set(power, out);
  }
  return out;
}

/**
 * A token for the offices as they stand: the same object until officesChanged, so a reading that
 * rests on who exercises which power holds while the token does.
 */
export function officesReading(world: World): object {
  return memoOf(exercisedCache, world);
}

/** Drops memoised answers after a change of office or of the acting arrangements. */
export function officesChanged(world: World): void {
  holdersCache.delete(world);
  organChiefsCache.delete(world);
  exercisedCache.delete(world);
}

// What each man exercises is asked for every claim to a post and many a verb's condition, and
// changes only with his offices: kept per world beside the holders' memo, and dropped with it.
const exercisedCache = new WeakMap<World, Map<Id, Map<PowerName, number>>>();

/**
 * For each power, how many of the posts he holds, and of those he is acting in, carry it (each post
 * counted once per power, a post he both holds and acts in twice).
 */
export function powersExercised(world: World, id: Id): ReadonlyMap<PowerName, number> {
  const byMan = memoOf(exercisedCache, world);
  let counts = byMan.get(id);
  if (!counts) {
    counts = new Map();
    const p = world.principals[id];
    for (const postId of [...p.posts, ...p.acting]) {
      const powers = world.posts[postId].powers;
      for (let i = 0; i < powers.length; i++) {
        // A power listed twice on one post is still one post carrying it.
        if (powers.indexOf(powers[i]) === i) counts.set(powers[i], (counts.get(powers[i]) ?? 0) + 1);
      }
    }
    byMan.set(id, counts);
  }
  return counts;
}

export function takePost(world: World, id: Id, postId: Id): void {
  const post = world.posts[postId];
  if (!post.holders.includes(id)) post.holders.push(id);
  const p = world.principals[id];
  if (!p.posts.includes(postId)) p.posts.push(postId);
  // Promoted over his own deputy post, he leaves it. It stays vacant unless it carries powers (the
  // appointment rules fill those); a deputy seat without powers was only ever a man's rank.
  for (const held of [...p.posts]) if (world.posts[held].deputyOf === postId) leavePost(world, id, held);
  // Whoever was acting for the post's holder stops when someone takes it properly.
  for (const other of world.order) {
    const o = world.principals[other];
    if (o.acting.includes(postId)) o.acting = o.acting.filter((a) => a !== postId);
  }
  officesChanged(world);
}

/** Whether `id` holds the post that `postId` is deputy to: he would be his own deputy. */
export function outranks(world: World, id: Id, postId: Id): boolean {
  const above = world.posts[postId].deputyOf;
  return above !== undefined && world.principals[id].posts.includes(above);
}

export function leavePost(world: World, id: Id, postId: Id): void {
  const post = world.posts[postId];
  post.holders = post.holders.filter((h) => h !== id);
  const p = world.principals[id];
  p.posts = p.posts.filter((x) => x !== postId);
  officesChanged(world);
}

export function leaveAllPosts(world: World, id: Id): Id[] {
  const posts = [...world.principals[id].posts];
  for (const postId of posts) leavePost(world, id, postId);
  world.principals[id].acting = [];
  officesChanged(world);
  return posts;
}

/** Whether he exercises the power, through a post of his own or one he is acting in. */
export function hasPower(world: World, id: Id, power: PowerName): boolean {
  return powersExercised(world, id).has(power);
}

/** The value of the most valuable post he holds (0..1; 0 with none). */
export function topPostValue(world: World, id: Id): number {
  let best = 0;
  for (const postId of world.principals[id].posts) best = Math.max(best, world.posts[postId].value);
  return best;
}

/** Commands force (the Army or the security organs). */
export function commandsOrgans(world: World, id: Id): boolean {
  // Asked for every pair of colleagues weighed: kept as a set beside the holders' memo.
  let chiefs = organChiefsCache.get(world);
  if (!chiefs) {
    chiefs = new Set(organChiefs(world));
    organChiefsCache.set(world, chiefs);
  }
  return chiefs.has(id);
}

/** Whether a post commands organs of force (the security organs or the Army). */
export function postCommandsForce(world: World, postId: Id): boolean {
  return world.posts[postId].powers.some((p) => p === "security" || p === "army");
}

/** Whoever commands the security organs or the Army (once each, even if one man held both). */
export function organChiefs(world: World): Id[] {
  const out = [...holdersOf(world, "security")];
  for (const a of holdersOf(world, "army")) if (!out.includes(a)) out.push(a);
  return out;
}

export function ageOf(world: World, p: Principal): number {
  return yearOf(world.date) - p.born;
}

// The rules walk the principals and the posts in their fixed order all the time, and finding each by
// id cost more than the walk's own work: the objects are kept in order per record (a record's entries
// are never replaced once the world is set up; a man raised into the leadership comes with a new
// record and a new order, see rules/cadres.ts, raiseFromCc).
const inOrderCache = new WeakMap<object, readonly unknown[]>();

function inOrder<T>(record: Record<Id, T>, order: readonly Id[]): readonly T[] {
  let list = inOrderCache.get(record) as readonly T[] | undefined;
  if (!list) {
    list = order.map((id) => record[id]);
    inOrderCache.set(record, list);
  }
  return list;
}

/** The principals in rank order (world.order's ids, as the principals themselves). */
export function principalsInOrder(world: World): readonly Principal[] {
  return inOrder(world.principals, world.order);
}

/** The posts in world.postOrder's order, as the posts themselves. */
export function postsInOrder(world: World): readonly PostState[] {
  return inOrder(world.posts, world.postOrder);
}

/** Alive, in office or at least in the leadership, and able to work. */
export function canAct(p: Principal): boolean {
  return p.alive && p.incapacitatedSince === null && p.fate === null;
}

/** Able to act in the leadership's politics: able, and not (or no longer) outside it. */
export function active(world: World, id: Id): boolean {
  const p = world.principals[id];
  return canAct(p) && !p.outside;
}

/** A Presidium seat, a secretaryship or a post with powers brings a man into the leadership for good. */
export function hasEnteredLeadership(world: World, p: Principal): boolean {
  return p.presidium !== "none" || p.secretary || p.posts.some((x) => world.posts[x].powers.length > 0) || p.acting.length > 0;
}

/** In the leadership at all: alive and not fallen (he may be ill). */
export function inPlay(p: Principal): boolean {
  return p.alive && p.fate === null;
}

/** Full Presidium members able to vote. */
export function presidiumVoters(world: World): Id[] {
  const out: Id[] = [];
  for (const p of principalsInOrder(world)) if (p.presidium === "full" && canAct(p)) out.push(p.id);
  return out;
}

/** Full members in play, including the ill: the seats the Presidium has filled. */
export function fullSeats(world: World): Id[] {
  const out: Id[] = [];
  for (const p of principalsInOrder(world)) if (p.presidium === "full" && inPlay(p)) out.push(p.id);
  return out;
}

export function isAway(world: World, id: Id): boolean {
  return world.principals[id].location !== null;
}

/** The holder of primacy, if any: "the leader" of the rules. */
export function leaderOf(world: World): Id | null {
  return world.primacy;
}

/** Sum of a principal's grievances against someone. */
export function grievanceAgainst(p: Principal, target: Id): number {
  let sum = 0;
  for (const g of p.grievances) if (g.against === target) sum += g.weight;
  return sum;
}

export function regardOf(p: Principal, q: Id): number {
  return p.regard[q] ?? 0;
}

export function trustOf(p: Principal, q: Id): number {
  return p.trust[q] ?? 0;
}

export function isActive(move: Move): boolean {
  return move.stage === "forming";
}

export function activeMoves(world: World): Move[] {
  return world.moves.filter(isActive);
}

export function moveById(world: World, id: string): Move | undefined {
  return world.moves.find((m) => m.id === id);
}

/** The forming move he belongs to, if any (a man is in one conspiracy at a time). */
export function moveOf(world: World, id: Id): Move | undefined {
  for (const m of world.moves) if (m.stage === "forming" && m.members.includes(id)) return m;
  return undefined;
}

/** Cadres holding a seat in the CC with a vote. */
export function votingCc(world: World): Cadre[] {
  let voters = votingCache.get(world.cadres);
  // Seats change only at a congress (the CC's election date) or when the cadre list is replaced.
  if (!voters || voters.elected !== world.ccElected || voters.members !== world.cadres.length) {
    voters = { elected: world.ccElected, members: world.cadres.length, list: world.cadres.filter((c) => c.seat === "voting") };
    votingCache.set(world.cadres, voters);
  }
  return voters.list;
}

/** The voting members, kept with the election date and the number of cadres they were read at (asked of every menu). */
const votingCache = new WeakMap<Cadre[], { elected: string; members: number; list: Cadre[] }>();

export function clamp(x: number, lo = 0, hi = 1): number {
  return x < lo ? lo : x > hi ? hi : x;
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Whether a policy was adopted during this run: policies in force at the start carry the start as
 * their adoption date, and are history rather than anyone's doing in the run. A policy carried in
 * the first week carries the same date, so the date alone cannot tell them apart.
 */
export function adoptedInRun(policy: World["policies"][number]): boolean {
  return policy.adoptedOn !== null && !policy.inForceAtStart;
}
