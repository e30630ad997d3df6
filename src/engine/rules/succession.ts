// Who takes the posts a contest frees (MODEL.md section 5, succession by bargain): the winners share
// them by the promises made while recruiting and by their power; a promise that cannot be kept
// becomes a grievance against the man who made it. A post with the firstSecretary power is elected
// by the CC plenum on the winners' proposal.
import { nameOf, pronoun, record } from "../log.js";
import { refreshPower } from "../power.js";
import { canAct, hasPower, inPlay, leavePost, memoOf, officesReading, outranks, postCommandsForce, powersExercised, principalsInOrder, takePost, topPostValue } from "../queries.js";
import type { Id, Move, World } from "../state.js";

/** How strong a man's claim to a post is: his power, the fit of his experience, his ambition. */
export function claimScore(world: World, who: Id, postId: Id): number {
  return claimBase(world, who) + world.params.succession.claim.fit * fitFor(world, who, postId);
}

/** What a man brings to any claim: power, seat, the apparatus, traits, the post he stands on. */
function claimBase(world: World, who: Id): number {
  const k = world.params.succession.claim;
  const p = world.principals[who];
  const seat = p.presidium === "full" ? k.fullMember : p.presidium === "candidate" ? k.candidate : 0;
  const apparatus = p.secretary && hasPower(world, who, "cadres") ? k.apparatus : 0;
  // The post a man holds is his stepping stone; holding several at once counts against him.
  return k.power * (world.power[who] ?? 0) + seat + apparatus + k.ambition * p.traits.ambition + k.competence * p.traits.competence + k.seniority * topPostValue(world, who) - k.postLoad * Math.max(0, p.posts.length - 1);
}

/** How many of the post's powers he already exercises, counted over each post he holds or acts in. */
function fitFor(world: World, who: Id, postId: Id): number {
  const exercised = powersExercised(world, who);
  let fit = 0;
  for (const power of world.posts[postId].powers) fit += exercised.get(power) ?? 0;
  return fit;
}

/**
 * The claimants to a post, strongest first (ties by rank), as of the last reading (readTheWeek
 * clears them every few weeks and after a contest): ranked the first time a rule asks.
 */
function claimRanking(world: World, postId: Id): readonly Id[] {
  const { ranking } = world.claims;
  const known = ranking[postId];
  if (known) return known;
  // A claim differs from post to post only by the fit to the post's powers, and most posts share
  // their powers with others (a long scenario has four dozen posts and a dozen sets of powers): a
  // ranking holds for every post with the same powers while the claimants and the offices do.
  const claimants: Id[] = [];
  for (const p of principalsInOrder(world)) if (canAct(p)) claimants.push(p.id);
  const offices = officesReading(world);
  const alike = memoOf(rankingsByPowers, world.claims);
  const powers = world.posts[postId].powers.join(",");
  const shared = alike.get(powers);
  // The posts share the one ranking (nobody changes a ranking once taken), and with it its places (claimPlacesOf).
  if (shared && shared.offices === offices && sameIds(shared.claimants, claimants)) return (ranking[postId] = shared.ranking);
  const ids = rankClaimants(world, claimants, postId);
  alike.set(powers, { offices, claimants, ranking: ids });
  return (ranking[postId] = ids);
}

/**
 * Each man's place among the claimants to a post (claimRanking), by his rank (Principal.rank): 0 for
 * the strongest claimant, -1 for a man who is none; as a function of the post, the places kept for the
 * reading of the claims. The spoils weigh every colleague's posts for every pair of colleagues, and
 * finding a man in a ranking cost more than the rest of the weighing.
 */
export function claimPlacesOf(world: World): (postId: Id) => readonly number[] {
  const kept = memoOf(placesByPost, world.claims);
  return (postId) => {
    let places = kept.get(postId);
    if (!places) {
      const ranking = claimRanking(world, postId);
      places = placesIn.get(ranking);
      if (!places) {
        const byRank = new Array<number>(world.order.length).fill(-1);
        for (let place = 0; place < ranking.length; place++) byRank[world.principals[ranking[place]].rank] = place;
        placesIn.set(ranking, (places = byRank));
      }
      kept.set(postId, places);
    }
    return places;
  };
}

/** The places taken in a reading of the claims, by post; and by ranking, for the posts that share one. */
const placesByPost = new WeakMap<World["claims"], Map<Id, readonly number[]>>();
const placesIn = new WeakMap<readonly Id[], readonly number[]>();

/** Rankings taken in a reading of the claims, by the powers of the post ranked (joined), with what they rest on. */
const rankingsByPowers = new WeakMap<World["claims"], Map<string, { offices: object; claimants: readonly Id[]; ranking: readonly Id[] }>>();

function sameIds(a: readonly Id[], b: readonly Id[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The claimants (in rank order) ranked for the post, strongest first. */
function rankClaimants(world: World, claimants: readonly Id[], postId: Id): Id[] {
  const { base } = world.claims;
  const k = world.params.succession.claim;
  // The claimants come in rank order and each is placed below everyone who scored as high, so a tie
  // keeps the higher-ranked man ahead: the order of sorting by score, then by rank. The leadership is
  // small, and placing each man as he is scored costs less than a sort calling back for every
  // comparison (a post is ranked for every few weeks' readings).
  const ids: Id[] = [];
  const scores: number[] = [];
  for (const id of claimants) {
    const score = (base[id] ??= claimBase(world, id)) + k.fit * fitFor(world, id, postId);
    let at = ids.length;
    ids.push(id);
    scores.push(score);
    for (; at > 0 && scores[at - 1] < score; at--) {
      ids[at] = ids[at - 1];
      scores[at] = scores[at - 1];
    }
    ids[at] = id;
    scores[at] = score;
  }
  return ids;
}

/**
 * How much less fit a man is to hold organs of force beside another post, either way round: to take
 * the organs when he holds a post of his own, or a post of rank when he commands the organs. Organs in
 * the hands of a man with a post of his own are what every colleague fears (Beria in 1953, police
 * chief and first deputy premier); their chiefs stayed outside the top posts, and Shelepin left the
 * KGB to become a secretary. Counted by the value of the lesser post of the pair.
 */
export function organsHeldTooPenalty(world: World, who: Id, postId: Id): number {
  const taking = postCommandsForce(world, postId);
  let held = 0;
  for (const own of world.principals[who].posts) {
    if (own === postId) continue;
    if (taking) held = Math.max(held, world.posts[own].value);
    else if (postCommandsForce(world, own)) held = Math.max(held, Math.min(world.posts[own].value, world.posts[postId].value));
  }
  return world.params.succession.share.organs * held;
}

/** The posts a move would take from its target. */
export function postsAtStake(world: World, move: Move): Id[] {
  const held = world.principals[move.target].posts;
  return move.demand.length === 0 ? [...held] : move.demand.filter((p) => held.includes(p));
}

/**
 * Shares out vacated posts among `winners` (most valuable post first): a man promised the post has
 * the promise added to his claim; each man takes one post from the share-out (the norm against
 * piling up offices, stronger as the CC's authority grows, may be overcome by a strong enough claim).
 * Returns who got what. Posts nobody among the winners can take stay vacant for the appointment rules.
 */
export function shareOutPosts(world: World, vacated: readonly Id[], winners: readonly Id[], move: Move | null): Record<Id, Id> {
  const k = world.params.succession.share;
  const given: Record<Id, Id> = {};
  const took = new Set<Id>();
  const posts = [...vacated].filter((p) => world.posts[p].holders.length === 0).sort((a, b) => world.posts[b].value - world.posts[a].value);
  for (const postId of posts) {
    const candidates = winners.filter((w) => canAct(world.principals[w]) && !outranks(world, w, postId));
    if (!candidates.length) continue;
    const promisedTo = move ? world.promises.filter((o) => o.move === move.id && o.post === postId).map((o) => o.to) : [];
    let best: Id | null = null;
    let bestScore = -Infinity;
    for (const c of candidates) {
      // The core who took the first risks share the top posts: the earlier a member joined, the more his claim weighs.
      const joined = move ? move.members.indexOf(c) : -1;
      const early = joined >= 0 ? k.early * (1 - joined / move!.members.length) : 0;
      const score = claimScore(world, c, postId) - organsHeldTooPenalty(world, c, postId) + early + (promisedTo.includes(c) ? k.promise : 0) - (took.has(c) ? k.cumulation * (k.cumulationBase + world.globals.ccArbiter) : 0);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    // The organs go to no winner whose claim the penalty sinks: the appointment rules fill the post.
    if (best === null || bestScore < 0) continue;
    takePost(world, best, postId);
    given[postId] = best;
    took.add(best);
    for (const to of promisedTo) {
      if (to === best || !inPlay(world.principals[to])) continue;
      const promise = world.promises.find((o) => o.move === move!.id && o.post === postId && o.to === to)!;
      world.principals[to].grievances.push({ against: promise.from, cause: `the post of ${world.posts[postId].title} ${pronoun(world, to).he} was promised went to ${nameOf(world, best)}`, weight: k.brokenPromise, date: world.date });
      record(world, { type: "broken-promise", audience: [to, promise.from], text: `${nameOf(world, to)} was promised the post of ${world.posts[postId].title}, but it goes to ${nameOf(world, best)}.`, data: { post: postId } });
    }
  }
  if (move) world.promises = world.promises.filter((o) => o.move !== move.id);
  refreshPower(world);
  return given;
}

/** A Presidium member who lost his posts by a contest also loses his seat; candidates who won may rise. */
export function vacate(world: World, id: Id, posts: readonly Id[]): void {
  for (const p of posts) leavePost(world, id, p);
}

/** Records a change of office in the log. */
export function announcePosts(world: World, given: Record<Id, Id>): void {
  for (const [postId, who] of Object.entries(given)) {
    record(world, { type: "appointment", audience: "public", actor: who, text: `${nameOf(world, who)} becomes ${world.posts[postId].title}.`, data: { post: postId } });
  }
}
